"""`/api/v1/forms` and `/api/v1/forms/{slug}/schema` answer byte for byte as before the form engine moved (issue 12).

The fixtures were fetched from the code before the move (commit 7f662c4) with the built-in definitions loaded: version 1
of each form. Issue 13 published version 2 of some forms and added the fees to the list; so these tests publish the
version-1 files only, and the list is compared without its `fees` (tested on their own in tests/formdefs/test_fees.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.db.models import Q

from formdefs.models import FormDefinition, FormDefinitionStatus

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "api_before"
SLUGS = [
    "employer-annex-1",
    "eu-long-term-resident",
    "permanent-residence",
    "temporary-residence",
    "temporary-residence-work",
]

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def official_forms(db):
    """Only the version-1 definitions the fixtures were taken with: later versions and new forms (issue 13) change
    the answers, so this test puts the catalogue back as it was (inside its own transaction)."""
    FormDefinition.objects.exclude(Q(slug__in=SLUGS) & Q(version=1)).delete()
    FormDefinition.objects.filter(slug__in=SLUGS).update(status=FormDefinitionStatus.PUBLISHED)


def test_the_list_of_forms_is_unchanged(client):
    response = client.get("/api/v1/forms", HTTP_ACCEPT_LANGUAGE="pl")
    assert response.status_code == 200
    listed = [{k: v for k, v in form.items() if k != "fees"} for form in response.json()]
    assert listed == json.loads((FIXTURES / "forms.json").read_bytes())


@pytest.mark.parametrize("slug", SLUGS)
def test_the_schema_of_every_form_is_unchanged(client, slug):
    response = client.get(f"/api/v1/forms/{slug}/schema", HTTP_ACCEPT_LANGUAGE="pl")
    assert response.status_code == 200
    assert response.content == (FIXTURES / f"schema-{slug}.json").read_bytes()
