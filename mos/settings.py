"""MOS settings: one module, everything from the environment, embedded defaults for development."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-mos-7c1f0f3e9a2b4d5c8e6f1a0b9c8d7e6f5a4b3c2d1e0f"  # noqa: S105 - DEBUG only

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# AGPL section 13: a deployment must offer its users the source; set this to where yours is published.
SOURCE_CODE_URL = os.environ.get("SOURCE_CODE_URL", "")
# Who runs the service, as the accessibility statement and the privacy notice name them (set per deployment).
OPERATOR_NAME = os.environ.get("OPERATOR_NAME", "Szef Urzędu do Spraw Cudzoziemców")
OPERATOR_ADDRESS = os.environ.get("OPERATOR_ADDRESS", "ul. Koszykowa 16, 00-564 Warszawa")
OPERATOR_EMAIL = os.environ.get("OPERATOR_EMAIL", "mos@example.gov.pl")
OPERATOR_PHONE = os.environ.get("OPERATOR_PHONE", "+48 22 000 00 00")
DPO_EMAIL = os.environ.get("DPO_EMAIL", "iod@example.gov.pl")
ACCESSIBILITY_CONTACT_NAME = os.environ.get("ACCESSIBILITY_CONTACT_NAME", "Koordynator do spraw dostępności")
ACCESSIBILITY_STATEMENT_DATES = {
    "published": os.environ.get("SITE_PUBLISHED_ON", "2026-04-27"),
    "updated": os.environ.get("SITE_UPDATED_ON", "2026-12-01"),
    "prepared": os.environ.get("ACCESSIBILITY_STATEMENT_PREPARED_ON", "2026-12-01"),
}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "mos.apps.StaticFilesConfig",  # django.contrib.staticfiles, collecting less
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "formtools",
    "csp",
    "ninja",  # the API docs load Swagger UI from our static files, not from a CDN
    "viewflow",
    "viewflow.workflow",
    "accounts",
    "polishtime",
    "validators",
    "formdefs",
    "applications",
    "information",
    "documents",
    "workflows",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "mos.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages compressed on the way out (static files come precompressed from WhiteNoise, above). Django's GZip pads
    # each response with random bytes against BREACH, and the CSRF token is masked per response as well.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.StaffSecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "mos.urls"
WSGI_APPLICATION = "mos.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.roles",
                "mos.context_processors.site",
            ],
            # `{{ value|when }}`: every date and time shown to people, in Polish time (polishtime.format_when).
            "builtins": ["polishtime.templatetags.polishtime"],
        },
    },
]

# Database: SQLite file by default, PostgreSQL (psycopg 3) through DATABASE_URL.
# A PostgreSQL connection is kept for DB_CONN_MAX_AGE seconds (default 60) and checked before reuse: opening one per
# request cost about 3 ms of every page (measured on the status lookup). SQLite files are opened per request.
_DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        _DATABASE_URL,
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0" if _DATABASE_URL.startswith("sqlite") else "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers queue for the lock (IMMEDIATE) instead of failing at once when two requests write together.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 20, "transaction_mode": "IMMEDIATE"})

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# The reverse proxies in front of the application (each appends to X-Forwarded-For): the client's address is read
# through exactly this many (`mos.client_address`); 0 means none, and X-Forwarded-For is ignored.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Logins are slowed in two ways. django-axes locks an address after AXES_FAILURE_LIMIT wrong passwords an hour, for
# whatever accounts it tries. An account that keeps failing from anywhere waits longer and longer between attempts
# (`accounts.login_guard`), except on a device it has logged in from before or after a password reset.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_USERNAME_FORM_FIELD = "email"
# Not reset by a success: otherwise a guesser logging into an account of their own would wipe their address's count.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "mos.client_address.client_ip"
LOGIN_ACCOUNT_FREE_FAILURES = int(os.environ.get("LOGIN_ACCOUNT_FREE_FAILURES", "5"))
LOGIN_ACCOUNT_FIRST_DELAY = 60  # seconds after the first failure past the free ones, doubling with each further one
LOGIN_ACCOUNT_MAX_DELAY = 3600
LOGIN_DEVICE_COOKIE_AGE = 180 * 24 * 3600

OTP_TOTP_ISSUER = "MOS"

# Internationalisation: Polish is the official language; the pages also speak English, Ukrainian and Russian.
LANGUAGE_CODE = "pl"
LANGUAGES = [
    ("pl", _("Polish")),
    ("en", _("English")),
    ("uk", _("Ukrainian")),
    ("ru", _("Russian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Warsaw"
# Django's own date output (the admin) as polishtime.format_when writes dates for people.
FORMAT_MODULE_PATH = ["polishtime.formats"]
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Static and media files.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"  # never routed: private files are served by permission-checking views

S3_BUCKET = os.environ.get("S3_BUCKET", "")
if S3_BUCKET:
    DEFAULT_FILE_STORAGE_OPTIONS = {
        "bucket_name": S3_BUCKET,
        "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
        "access_key": os.environ.get("S3_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY") or None,
        "region_name": os.environ.get("S3_REGION", "us-east-1"),
        "addressing_style": os.environ.get("S3_ADDRESSING_STYLE", "path"),
        "signature_version": "s3v4",
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": int(os.environ.get("S3_URL_EXPIRE_SECONDS", "300")),
        "file_overwrite": False,
        "object_parameters": {"ContentDisposition": "attachment"},
    }
    DEFAULT_STORAGE = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": DEFAULT_FILE_STORAGE_OPTIONS}
else:
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": MEDIA_ROOT}}

STORAGES = {
    "default": DEFAULT_STORAGE,
    # Production: hashed names in a manifest, compressed copies, served by WhiteNoise (`collectstatic` first).
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "mos.staticstorage.ManifestStaticStorage"
        )
    },
}
FILE_UPLOAD_PERMISSIONS = 0o640
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Redis: Celery broker and cache. Without it Celery runs eagerly and the cache is in local memory.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "mos"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL or env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_WORKER_MAX_TASKS_PER_CHILD = int(os.environ.get("CELERY_WORKER_MAX_TASKS_PER_CHILD", "200"))
CELERY_TIMEZONE = TIME_ZONE
# Nobody reads a task's result; with a result backend every enqueue also subscribed to a results channel in Redis,
# one more call that fails during a submission when Redis is down.
CELERY_TASK_IGNORE_RESULT = True
# A submission never waits long for a broker that is down: two quick retries, then the enqueue is given up (logged)
# and the sweep below re-enqueues the work once the broker is back.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Redis hands a task that a dead worker took (acks late, never acknowledged) to another worker after this many
# seconds. Longer than the longest retry countdown (600 s), so a task waiting for its retry is not handed out twice.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "900"))}

# The sweep (a reconciliation, not an outbox): every SWEEP_INTERVAL_SECONDS Celery beat looks for the outcomes that
# should exist and do not (a case without its receipt, a submitted case without a process, an event without its
# e-mail record) among work older than SWEEP_GRACE_SECONDS, and enqueues or starts it again. It finds what any fault
# lost: an enqueue refused by a broker that was down, a queue lost with Redis, a render that failed past its retries
# while S3 was down, a process killed between commit and enqueue. `manage.py sweep_pending_work` runs it by hand.
SWEEP_INTERVAL_SECONDS = float(os.environ.get("SWEEP_INTERVAL_SECONDS", "300"))
SWEEP_GRACE_SECONDS = int(os.environ.get("SWEEP_GRACE_SECONDS", "600"))
# E-mails about events older than this are not sent late by the sweep (stale news; staff see the log instead).
SWEEP_NOTIFICATION_WINDOW_HOURS = int(os.environ.get("SWEEP_NOTIFICATION_WINDOW_HOURS", "48"))
SWEEP_BATCH_SIZE = int(os.environ.get("SWEEP_BATCH_SIZE", "500"))
CELERY_BEAT_SCHEDULE = {
    name: {"task": name, "schedule": SWEEP_INTERVAL_SECONDS}
    for name in (
        "documents.sweep_submission_documents",
        "applications.sweep_event_notifications",
        "workflows.sweep_case_processes",
    )
}

# E-mail: printed on the console in development.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "MOS <no-reply@mos.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security: strict by default in production (DEBUG=0).
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 3600)))
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Content-Security-Policy (django-csp): our own scripts, styles, fonts and images only; no inline script or style
# anywhere (templates link static files), no plugins, no framing. Browsers report violations to /csp-report/, which
# logs them. A login through another origin (the national node) may need its origin in CSP_EXTRA_FORM_ACTION.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # pdf.js (the officers' inline PDF viewer, our own static copy) compiles its WebAssembly decoders: that needs
        # 'wasm-unsafe-eval', which allows WebAssembly only, never JavaScript eval; its worker is our own file.
        "script-src": ["'self'", "'wasm-unsafe-eval'"],
        "worker-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'", *env_list("CSP_EXTRA_FORM_ACTION")],
        "report-uri": "/csp-report/",
    },
}
# Powerful browser features no page uses are switched off for the site and anything it could embed.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), midi=(), payment=(), usb=()"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "mos.csp": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},  # its INFO lines narrate every layout step
        "fontTools": {"level": "WARNING"},
        "pikepdf": {"level": "WARNING"},
    },
}

# Domain settings.
EMAIL_VERIFICATION_MAX_AGE_DAYS = 3
STAFF_ROLES = ("officer", "supervisor", "administrator")

# Fees shown on the start page (PLN): stamp duty per permit type and the residence card fee.
STAMP_DUTY_PLN = {
    "temporary-residence": int(os.environ.get("STAMP_DUTY_TEMPORARY_RESIDENCE", "340")),
    "temporary-residence-work": int(os.environ.get("STAMP_DUTY_TEMPORARY_RESIDENCE_WORK", "440")),
    "permanent-residence": int(os.environ.get("STAMP_DUTY_PERMANENT_RESIDENCE", "640")),
    "eu-long-term-resident": int(os.environ.get("STAMP_DUTY_EU_LONG_TERM_RESIDENT", "640")),
}
CARD_FEE_PLN = int(os.environ.get("CARD_FEE_PLN", "100"))

# Signing and the national login node (mos/identity_settings.py).
from mos.identity_settings import identity_settings  # noqa: E402

globals().update(identity_settings(DEBUG))
