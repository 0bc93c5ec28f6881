"""`/api/v1/forms` and `/api/v1/forms/{slug}/schema` answer byte for byte as before the form engine moved (issue 12).

The fixtures were fetched from the code before the move (commit 7f662c4) with the built-in definitions loaded.
"""

from __future__ import annotations

from pathlib import Path

import pytest

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
    """The version-1 definitions only (what existed before the move): later versions (layout 2026, issue 13) change
    the list and the schemas on purpose."""
    from formdefs.models import FormDefinition
    from formdefs.serialization import definition_files
    from formdefs.services import import_definition

    FormDefinition.objects.all().delete()
    for path in definition_files():
        if path.stem == "v1":
            import_definition(path.read_text(encoding="utf-8"), publish=True)


def test_the_list_of_forms_is_unchanged(client):
    response = client.get("/api/v1/forms", HTTP_ACCEPT_LANGUAGE="pl")
    assert response.status_code == 200
    assert response.content == (FIXTURES / "forms.json").read_bytes()


@pytest.mark.parametrize("slug", SLUGS)
def test_the_schema_of_every_form_is_unchanged(client, slug):
    response = client.get(f"/api/v1/forms/{slug}/schema", HTTP_ACCEPT_LANGUAGE="pl")
    assert response.status_code == 200
    assert response.content == (FIXTURES / f"schema-{slug}.json").read_bytes()
