"""The production profile serves: gunicorn with DEBUG=0, a static manifest and WhiteNoise, in a real browser.

The server is started as `make run-prod` starts it (collectstatic with the manifest, migrate, demo data, gunicorn), on
a free port with its own SQLite database and folders. Every public page reachable from the start page, and a wizard
step of a logged-in applicant, loads with no error in the browser's console (a Content-Security-Policy violation is
one), no failed request and no 5xx answer.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from benchmarks.http_support import ROOT, VENV_BIN, Process, free_port, wait_until_up
from tests.browser import CHROMIUM_ARGS, require_chromium

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DEMO_APPLICANT = "applicant@mos.example"
DEMO_PASSWORD = "mos-demo-2026"
#: Pages no link on the start page may lead to, but which are public all the same.
SEEDS = ["/", "/info/", "/info/faq/?q=karta", "/status/", "/verify/", "/accounts/password/reset/", "/api/v1/docs"]
#: Not pages, or not public: never followed by the crawl.
SKIP_PREFIXES = ("/accounts/logout/", "/admin/", "/office/", "/api/v1/openapi", "/static/", "/documents/")
MAX_PAGES = 60


def production_env(tmp: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "S3_BUCKET", "DJANGO_SETTINGS_MODULE", "DATABASE_URL"}
    }
    env.update(
        {
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "SESSION_COOKIE_SECURE": "0",
            "CSRF_COOKIE_SECURE": "0",
            "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
            "STATIC_ROOT": str(tmp / "static"),
            "MEDIA_ROOT": str(tmp / "media"),
            "DJANGO_SETTINGS_MODULE": "mos.settings",
        }
    )
    return env


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    """The URL of a gunicorn serving the production profile, prepared as `make run-prod` prepares it."""
    tmp = tmp_path_factory.mktemp("production")
    env = production_env(tmp)
    for command in (["collectstatic", "--noinput", "--verbosity", "0"], ["migrate", "--noinput"], ["load_demo"]):
        subprocess.run(  # noqa: S603 - our own interpreter and manage.py
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True, timeout=600
        )
    assert (tmp / "static" / "staticfiles.json").exists()
    port = free_port()
    args = [str(VENV_BIN / "gunicorn"), "mos.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}", "--timeout", "60"]
    with Process(args, env, tmp / "gunicorn.log") as server:
        wait_until_up(port)
        yield f"http://127.0.0.1:{port}"
        server.stop()


@pytest.fixture(scope="module")
def production_browser(production_server):
    from playwright.sync_api import sync_playwright

    path = require_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


class Watched:
    """A browser page whose console errors, uncaught exceptions, failed requests and 4xx/5xx answers are collected."""

    def __init__(self, browser, base_url: str):
        self.context = browser.new_context(base_url=base_url, locale="en-GB")
        self.context.set_default_timeout(20_000)
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on(
            "console", lambda msg: msg.type == "error" and self.problems.append(f"console: {msg.text} ({self.url})")
        )
        self.page.on("pageerror", lambda error: self.problems.append(f"exception: {error} ({self.url})"))
        # A request the browser itself aborted because the test moved to the next page (the API docs still fetching
        # their schema) is no fault of the server; refused, reset or failed answers are, and 4xx/5xx below.
        self.page.on(
            "requestfailed",
            lambda request: (
                request.failure != "net::ERR_ABORTED"
                and self.problems.append(f"failed: {request.url} {request.failure}")
            ),
        )
        self.page.on(
            "response",
            lambda response: response.status >= 400 and self.problems.append(f"{response.status}: {response.url}"),
        )

    @property
    def url(self) -> str:
        return self.page.url

    def open(self, path: str) -> int:
        response = self.page.goto(path, wait_until="networkidle")
        return response.status

    def links(self) -> list[str]:
        return self.page.eval_on_selector_all("a[href]", "elements => elements.map(a => a.getAttribute('href'))")


def same_site_path(base_url: str, current: str, href: str) -> str | None:
    target = urlsplit(urljoin(current, href))
    if f"{target.scheme}://{target.netloc}" != base_url or target.path.startswith(SKIP_PREFIXES):
        return None
    return target.path + (f"?{target.query}" if target.query else "")


def test_every_public_page_loads_without_a_console_error(production_browser, production_server):
    visitor = Watched(production_browser, production_server)
    queue, seen, statuses = list(SEEDS), set(SEEDS), {}
    while queue and len(statuses) < MAX_PAGES:
        path = queue.pop(0)
        statuses[path] = visitor.open(path)
        for href in visitor.links():
            target = same_site_path(production_server, visitor.url, href)
            if target and target not in seen:
                seen.add(target)
                queue.append(target)

    assert not visitor.problems, "\n".join(visitor.problems)
    assert {path: status for path, status in statuses.items() if status != 200} == {}
    # The crawl reached the information pages of each permit, the contact form and the login and register pages.
    assert {"/info/contact/", "/accounts/login/", "/accounts/register/"} <= set(statuses)
    assert sum(path.startswith("/info/") for path in statuses) >= 6
    # Static files are the hashed copies of the manifest.
    css = visitor.page.eval_on_selector("link[rel=stylesheet]", "link => link.getAttribute('href')")
    assert css.startswith("/static/css/mos.") and css.endswith(".css") and css != "/static/css/mos.css"


def test_an_applicant_logs_in_and_opens_a_wizard_step_without_a_console_error(production_browser, production_server):
    applicant = Watched(production_browser, production_server)
    applicant.open("/accounts/login/")
    applicant.page.locator("#id_email").fill(DEMO_APPLICANT)
    applicant.page.locator("#id_password").fill(DEMO_PASSWORD)
    applicant.page.locator("main button[type=submit]").last.click()
    applicant.page.wait_for_load_state("networkidle")
    assert applicant.page.locator("a[href='/accounts/account/']").is_visible()  # logged in (in their language)

    assert applicant.open("/start/") == 200
    applicant.page.locator("form:has(input[value='temporary-residence-work']) button").click()
    applicant.page.wait_for_load_state("networkidle")
    assert "/drafts/" in applicant.url
    assert applicant.page.locator("form .error-summary, form input").count() > 0
    # The conditions script (a static file, no inline script) ran: its fields react without a console error.
    applicant.page.locator("main button[type=submit]").last.click()
    applicant.page.wait_for_load_state("networkidle")
    assert applicant.page.locator(".error-summary").is_visible()  # an empty step is refused, on the page

    assert not applicant.problems, "\n".join(applicant.problems)
