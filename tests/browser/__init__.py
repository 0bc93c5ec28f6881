"""Browser-test support: Playwright for Python driving Debian's Chromium, and axe-core checks."""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


def require_chromium() -> str:
    path = chromium_path()
    if path is None:
        message = "Debian's chromium is not installed (apt-get install chromium); .ci/run installs it."
        if os.environ.get("CI"):
            pytest.fail(message)  # CI runs every browser test: a missing browser is a failure there
        pytest.skip(message)
    return path


def assert_no_axe_violations(page) -> None:
    """Run axe-core on the page as it is now and fail with axe's own report if anything is wrong."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.violations_count == 0, f"axe-core on {page.url}:\n{results.generate_report()}"
