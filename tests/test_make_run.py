"""`make run PORT=8011` hands out links (the receipt's QR code, e-mails) on port 8011, unless SITE_URL is given
(issue 17)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def dry_run(*args: str, **env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k != "SITE_URL"} | env
    make = shutil.which("make") or "make"
    result = subprocess.run(  # noqa: S603 (fixed arguments from the tests)
        [make, "--no-print-directory", "-n", *args], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_make_run_on_another_port_points_site_url_at_that_port():
    commands = dry_run("run", "PORT=8011")
    assert "SITE_URL=http://127.0.0.1:8011 .venv/bin/python manage.py runserver 127.0.0.1:8011" in commands


def test_make_run_keeps_a_site_url_given_in_the_environment():
    commands = dry_run("run", "PORT=8011", SITE_URL="https://mos.example.gov.pl")
    assert "SITE_URL=https://mos.example.gov.pl .venv/bin/python manage.py runserver" in commands


def test_make_run_prod_points_site_url_at_its_port():
    assert "SITE_URL=http://127.0.0.1:8012" in dry_run("run-prod", "PORT=8012")
