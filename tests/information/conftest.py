"""Fixtures for the information pages: the shipped content (loaded by migration) and a clean throttle per test."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from tests.formdefs.conftest import admin_client, administrator  # noqa: F401 - shared fixtures


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def shipped_content(db):
    """The content the data migration shipped (loaded again for tests whose database was flushed)."""
    from django.core.management import call_command

    call_command("load_information", verbosity=0)
