"""Public pages: the home page in four languages, the health check, the production settings check."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

HOME_TITLES = {
    "pl": "Mieszkać i pracować w Polsce",
    "en": "Living and working in Poland",
    "uk": "Жити й працювати в Польщі",
    "ru": "Жить и работать в Польше",
}


@pytest.mark.parametrize(("language", "title"), HOME_TITLES.items())
def test_the_home_page_explains_the_permits_in_each_language(client, language, title):
    client.cookies["django_language"] = language
    response = client.get(reverse("home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert title in html
    assert html.count("<h1") == 1
    assert html.count('class="card"') == 4  # the four permit types
    assert 'href="#main"' in html  # skip link


def test_the_home_page_is_polish_by_default():
    from django.test import Client

    assert HOME_TITLES["pl"] in Client().get(reverse("home")).content.decode()


def test_the_browser_language_is_followed(client):
    assert HOME_TITLES["uk"] in client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="uk").content.decode()


def test_the_language_switcher_sets_the_language_for_an_anonymous_visitor(client):
    response = client.post(reverse("accounts:switch-language"), {"language": "ru", "next": "/"}, follow=True)
    assert HOME_TITLES["ru"] in response.content.decode()


def test_health_check_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": response.json()["database"]}


def test_health_check_says_503_when_the_database_is_down(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(*args, **kwargs):
        raise RuntimeError("database is gone")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503


def test_static_files_are_served_by_the_app_not_a_cdn(client):
    html = client.get(reverse("home")).content.decode()
    assert "/static/css/mos.css" in html
    assert "://" not in html.split("<body")[0].replace('href="http', "")  # nothing loaded from another host


@pytest.mark.slow
def test_the_production_profile_passes_check_deploy():
    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "example.org"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_production_profile_refuses_to_start_without_a_secret_key():
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "",
        "ALLOWED_HOSTS": "example.org",
        "DJANGO_SETTINGS_MODULE": "mos.settings",
    }
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr
