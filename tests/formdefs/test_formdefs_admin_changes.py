"""The administrator's editor says where a syntax error is, what a save changed against the version before, and
the preview compares with any other version; the staff navigation links administrators to the admin (issue 12)."""

from __future__ import annotations

import copy
import json

import pytest

from formdefs import services
from formdefs.diff import compare_definitions
from formdefs.parsing import parse_spec
from tests.factories import StaffFactory
from tests.formdefs.test_formdefs_admin import INLINE, change_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_version(rich_data, administrator):
    first = services.create_definition(definition=rich_data, user=administrator)
    services.publish_definition(definition=first, user=administrator)
    return services.copy_to_new_draft(definition=first, user=administrator)


def edited(data: dict) -> dict:
    """Version 2 with a field added, one removed, one relabelled, one given a length limit and a rule dropped."""
    data = copy.deepcopy(data)
    personal = data["steps"][0]["items"]
    personal[:] = [item for item in personal if item["key"] != "code"]
    next(item for item in personal if item["key"] == "surname")["label"]["pl"] = "Surname now (pl)"
    next(item for item in personal if item["key"] == "tall_note")["max_length"] = 80
    personal.append(
        {
            "key": "nickname",
            "type": "text",
            "required": False,
            "label": dict.fromkeys(["pl", "en", "uk", "ru"], "Pseudonim"),
        }
    )
    data["rules"] = data["rules"][:2]
    return data


def test_a_syntax_error_shows_its_line_and_column(admin_client, second_version):
    text = json.dumps(second_version.definition, indent=2).replace('"permit_type"', "permit_type", 1)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.strip().startswith("permit_type"))
    response = admin_client.post(change_url(second_version), {"definition": text, "_save": "Save", **INLINE})
    assert response.status_code == 200
    assert f"Not valid JSON at line {line}, column 3: Expecting property name enclosed in double quotes." in (
        response.content.decode()
    )


def test_saving_shows_what_changed_against_the_previous_version(admin_client, second_version):
    data = {**edited(second_version.definition), "version": 2}
    response = admin_client.post(
        change_url(second_version), {"definition": json.dumps(data), "_save": "Save", **INLINE}, follow=True
    )
    page = response.content.decode().replace("&#x27;", "'")
    assert "Changes against version 1:" in page
    for line in (
        "Field added: personal.nickname",
        "Field removed: personal.code",
        "Field relabelled: personal.surname („Surname (pl)” → „Surname now (pl)”)",
        "Field changed: personal.tall_note (max_length)",
        "Rule removed: date_order",
    ):
        assert line in page, line


def test_the_changes_name_added_and_removed_steps_groups_and_attachments(rich_data):
    before = parse_spec(rich_data)
    after_data = copy.deepcopy(rich_data)
    after_data["steps"] = after_data["steps"][:2]
    after_data["steps"][1]["items"][7]["fields"].pop()
    changes = [str(c) for c in compare_definitions(before, parse_spec(after_data))]
    assert "Step removed: document" in changes
    assert any(c.startswith("Field removed: contact.stays.") for c in changes)
    assert compare_definitions(before, before) == []


def test_the_preview_compares_with_a_version_chosen(admin_client, second_version):
    services.update_definition(definition=second_version, data={**edited(second_version.definition), "version": 2})
    base = f"/admin/formdefs/formdefinition/{second_version.pk}/preview/?lang=en"
    page = admin_client.get(base).content.decode()
    assert "Compare with version" in page and "Changes against version 1" in page
    assert "Field added: personal.nickname" in page
    first = second_version.__class__.objects.get(slug=second_version.slug, version=1)
    back = admin_client.get(f"/admin/formdefs/formdefinition/{first.pk}/preview/?lang=en&compare=2").content.decode()
    assert "Field removed: personal.nickname" in back and "Field added: personal.code" in back


def test_the_staff_navigation_links_administrators_to_the_admin(admin_client, client):
    assert 'href="/admin/"' in admin_client.get("/").content.decode()
    officer = StaffFactory()
    client.force_login(officer)
    assert 'href="/admin/"' not in client.get("/").content.decode()
