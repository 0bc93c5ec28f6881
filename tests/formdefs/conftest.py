"""Fixtures for the form-definition tests: a rich test definition and an administrator logged in for real."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accounts.second_factor import current_code
from formdefs.parsing import parse_spec
from tests.factories import PASSWORD, AdministratorFactory

RICH = Path(__file__).with_name("rich_definition.json")


@pytest.fixture
def rich_data() -> dict:
    """A definition using every field type, a group, every condition kind and rules (see rich_definition.json)."""
    return json.loads(RICH.read_text(encoding="utf-8"))


@pytest.fixture
def rich_spec(rich_data):
    return parse_spec(rich_data)


def login_with_second_factor(client, user) -> None:
    """Log in through the real pages: password, then the TOTP code (what the admin demands of staff)."""
    response = client.post("/accounts/login/", {"email": user.email, "username": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content[:500]
    response = client.post("/accounts/login/second-factor/", {"token": current_code(user.totp_device)})
    assert response.status_code == 302, response.content[:500]


@pytest.fixture
def administrator(db):
    return AdministratorFactory()


@pytest.fixture
def admin_client(client, administrator):
    login_with_second_factor(client, administrator)
    return client
