# The interface to the project: `make run` and `make test` are all a newcomer needs.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run run-prod test test-fast lint format messages bench lock demo check-deploy clean vendor-pdfjs

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

# Reinstall only when the lock changes.
$(VENV)/.installed: requirements.lock | $(PY)
	$(PIP) install -r requirements.lock
	touch $@

install: $(VENV)/.installed

# The links the server hands out (the receipt's QR code, e-mails) point at the port it listens on, unless SITE_URL
# is given (for example behind a proxy).
SITE_URL ?= http://$(HOST):$(PORT)

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	SITE_URL=$(SITE_URL) $(PY) manage.py runserver $(HOST):$(PORT)

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo

# The coverage report covers the pure validators and the form-definition engine (the issue's ≥ 95 % floor).
COVERAGE := --cov=validators --cov=formdefs --cov-report=term --cov-fail-under=95

test: install
	$(PY) -m pytest -p no:cacheprovider $(COVERAGE) $(PYTEST_ARGS)

# Everything but browser and slow tests: the quick loop while coding.
test-fast: install
	$(PY) -m pytest -p no:cacheprovider -m "not browser and not slow" $(PYTEST_ARGS)

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

messages: install
	$(PY) manage.py makemessages --all --no-location --ignore=.venv --ignore=staticfiles
	$(PY) manage.py compilemessages --ignore=.venv

bench: install
	$(PY) -m benchmarks $(BENCH_ARGS)

# The production profile (DEBUG=0, hashed static files in a manifest served by WhiteNoise, gunicorn) on plain HTTP
# at $(HOST):$(PORT), to try it out; behind a TLS proxy leave the three *_SECURE/SSL overrides out. SECRET_KEY is
# random per run unless given (sessions end with the server).
PROD_ENV = DEBUG=0 ALLOWED_HOSTS=$${ALLOWED_HOSTS:-$(HOST),localhost} \
	SECRET_KEY=$${SECRET_KEY:-$$($(PY) -c "import secrets; print(secrets.token_urlsafe(50))")} \
	SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-0} SESSION_COOKIE_SECURE=$${SESSION_COOKIE_SECURE:-0} \
	CSRF_COOKIE_SECURE=$${CSRF_COOKIE_SECURE:-0}
WORKERS ?= 2

run-prod: install
	$(PROD_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(PROD_ENV) $(PY) manage.py migrate --noinput
	$(PROD_ENV) $(PY) manage.py load_demo
	$(PROD_ENV) SITE_URL=$(SITE_URL) $(VENV)/bin/gunicorn mos.wsgi --workers $(WORKERS) --bind $(HOST):$(PORT) --access-logfile -

# The deployment checks, and collectstatic with the manifest (into a temporary folder), so a static file that cannot
# be hashed fails here and not at the first page of a deployment.
check-deploy: install
	DEBUG=0 SECRET_KEY=$$($(PY) -c "import secrets; print(secrets.token_urlsafe(50))") ALLOWED_HOSTS=example.org \
		$(PY) manage.py check --deploy --fail-level WARNING
	tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
		DEBUG=0 SECRET_KEY=check ALLOWED_HOSTS=example.org STATIC_ROOT="$$tmp" \
		$(PY) manage.py collectstatic --noinput --verbosity 1

# Pin the versions of everything installed in a fresh environment.
lock:
	rm -rf /tmp/mos-lock && $(PYTHON) -m venv /tmp/mos-lock
	/tmp/mos-lock/bin/pip install ".[dev]"
	( echo "# Pinned versions of every package (runtime and test). Regenerate with \`make lock\`."; \
	  /tmp/mos-lock/bin/pip freeze --exclude mos ) > requirements.lock

clean:
	rm -rf $(VENV) staticfiles .pytest_cache

# pdf.js, the PDF viewer of the officer's case page, served from our own static files (never a CDN). Only the two
# files the viewer loads and the licence are kept (static/vendor/pdfjs/README.md); run this to move to a new version.
PDFJS_VERSION ?= 6.5.438
vendor-pdfjs:
	rm -rf .pdfjs-tmp && mkdir .pdfjs-tmp
	cd .pdfjs-tmp && npm pack --silent pdfjs-dist@$(PDFJS_VERSION) && tar xzf pdfjs-dist-$(PDFJS_VERSION).tgz
	mkdir -p static/vendor/pdfjs
	cp .pdfjs-tmp/package/build/pdf.min.mjs .pdfjs-tmp/package/build/pdf.worker.min.mjs .pdfjs-tmp/package/LICENSE static/vendor/pdfjs/
	rm -rf .pdfjs-tmp
	sha256sum static/vendor/pdfjs/*.mjs
