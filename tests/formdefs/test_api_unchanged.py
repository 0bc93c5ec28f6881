"""`/api/v1/forms` and `/api/v1/forms/{slug}/schema` answer byte for byte as before the form engine moved (issue 12).

The fixtures were fetched from the code before the move (commit 7f662c4) with the built-in definitions loaded: version 1
of each form. Issue 13 published version 2 of some forms and added the fees to the list; so these tests publish the
version-1 files only, and the list is compared without its `fees` (tested on their own in tests/formdefs/test_fees.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from formdefs.serialization import definition_files
from formdefs.services import import_definition

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
    from formdefs.models import FormDefinition

    # The test database has version 2 published (version 1 retired): within this test, version 1 is the one.
    FormDefinition.objects.filter(version__gt=1).delete()
    FormDefinition.objects.filter(version=1).update(status="published")
    for path in definition_files():
        if path.name == "v1.json":
            import_definition(path.read_text(encoding="utf-8"), publish=True)  # unchanged: nothing happens


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
