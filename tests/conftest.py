"""Shared fixtures: the database is real (SQLite locally, PostgreSQL when DATABASE_URL says so)."""

from __future__ import annotations

import os

import pytest


def ensure_reference_data() -> None:
    """Voivodeships, offices, role groups and the published built-in forms (idempotent).

    Migrations load the first three; a transactional test flushes them, so live-server tests call this again.
    """
    from django.core.management import call_command

    from accounts.services import ensure_role_groups

    call_command("load_voivodeships", verbosity=0)
    ensure_role_groups()
    call_command("load_form_definitions", verbosity=0)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        ensure_reference_data()


@pytest.fixture
def reference_data(transactional_db):
    ensure_reference_data()


@pytest.fixture
def client():
    """A browser whose visitor reads English (tests assert English text); Polish stays the site's default."""
    from django.test import Client

    return Client(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture(autouse=True)
def _celery_runs_in_the_test():
    """Tasks run inside the test even when REDIS_URL is set (CI): no worker listens to the test's broker."""
    from mos.celery import app

    before = app.conf.task_always_eager, app.conf.task_eager_propagates
    app.conf.task_always_eager, app.conf.task_eager_propagates = True, True
    yield
    app.conf.task_always_eager, app.conf.task_eager_propagates = before


@pytest.fixture(autouse=True)
def _english(request):
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path, request):
    """Plain static files (no manifest) and a private media folder per test."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    if settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage"):
        settings.STORAGES["default"] = {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        }
        settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Rendering the package and receipt takes about a second a submission; the documents tests switch it on.
    settings.DOCUMENTS_RENDER_ON_SUBMIT = "tests/documents/" in str(request.node.path)
    # Tests run with DEBUG off; most journeys sign with the development method (tests/identity prove the others).
    settings.SIGNATURE_PASSWORD_CONFIRMATION = True
    settings.PASSWORD_HASHERS = [
        # Argon2 is the production hasher (and a test checks that); MD5 keeps the rest of the suite fast.
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.Argon2PasswordHasher",
    ]


@pytest.fixture(scope="module")
def chromium():
    """A headless Chromium per test module (Playwright's own browser downloads are not used).

    Not per session: Playwright's event loop would stay current in this thread and break code that calls
    `asyncio.run` afterwards (pyHanko's signing does).
    """
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_ARGS, require_chromium

    path = require_chromium()
    # Playwright's sync API runs an event loop in this thread; the ORM calls made by the tests are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, serving static files through the finders as `runserver` does.

    pytest-django looks for the literal "django.contrib.staticfiles" in INSTALLED_APPS; ours is
    `mos.apps.StaticFilesConfig` (a subclass), so it would fall back to serving STATIC_ROOT, which a fresh clone has
    not collected: every page then loads without its CSS and the attachment viewer's module is missing.
    """
    from unittest import mock

    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from pytest_django import live_server_helper

    addr = request.config.getvalue("liveserver") or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost"
    with mock.patch("django.test.testcases._StaticFilesHandler", StaticFilesHandler):
        server = live_server_helper.LiveServer(addr)
    yield server
    server.stop()


@pytest.fixture
def new_page(chromium, live_server, reference_data):
    """Open a page in a fresh browser context (its own cookies): new_page(width=375) for a phone."""
    contexts = []

    def make(width: int = 1280, height: int = 900, locale: str = "en-GB"):
        context = chromium.new_context(
            viewport={"width": width, "height": height}, base_url=live_server.url, locale=locale
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def pytest_report_header(config) -> list[str]:
    """Say which real services this run uses, so a CI log shows it."""
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    host = settings.DATABASES["default"].get("HOST") or "embedded file"
    storage = settings.STORAGES["default"]["BACKEND"].rsplit(".", 1)[-1]
    broker = "Redis" if settings.REDIS_URL else "none (Celery eager, local-memory cache)"
    return [f"MOS services: database={engine} ({host}), file storage={storage}, broker={broker}"]


def pytest_runtest_setup(item) -> None:
    if item.get_closest_marker("postgres"):
        from django.conf import settings

        if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
            pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://... (as .ci/run does)")
