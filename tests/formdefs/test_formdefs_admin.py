"""Administrators edit, preview and publish form definitions in the admin; nobody else may."""

from __future__ import annotations

import json
import re

import pytest

from formdefs import services
from formdefs.models import FormDefinition, FormDefinitionStatus
from tests.factories import PASSWORD, ApplicantFactory, StaffFactory
from tests.formdefs.conftest import login_with_second_factor

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(rich_data, administrator):
    return services.create_definition(definition=rich_data, user=administrator)


INLINE = {
    "changes-TOTAL_FORMS": "0",
    "changes-INITIAL_FORMS": "0",
    "changes-MIN_NUM_FORMS": "0",
    "changes-MAX_NUM_FORMS": "1000",
}


def change_url(definition):
    return f"/admin/formdefs/formdefinition/{definition.pk}/change/"


def test_the_editor_saves_a_valid_change(admin_client, draft, rich_data):
    page = admin_client.get(change_url(draft))
    assert page.status_code == 200 and "font-family: monospace" in page.content.decode()
    rich_data["layout"] = "2024"
    response = admin_client.post(change_url(draft), {"definition": json.dumps(rich_data), "_save": "Save", **INLINE})
    assert response.status_code == 302, response.content.decode()[:2000]
    draft.refresh_from_db()
    assert draft.definition["layout"] == "2024"
    assert draft.changes.first().action == "edited"


def test_the_editor_shows_the_json_path_of_a_mistake(admin_client, draft, rich_data):
    rich_data["steps"][0]["items"][2]["choices"] = []
    response = admin_client.post(change_url(draft), {"definition": json.dumps(rich_data), "_save": "Save", **INLINE})
    assert response.status_code == 200
    assert "steps[0].items[2].choices: a choice field needs choices" in response.content.decode()


def test_a_new_definition_is_added_from_json(admin_client, rich_data):
    add = "/admin/formdefs/formdefinition/add/"
    response = admin_client.post(add, {"definition": json.dumps(rich_data), **INLINE})
    assert response.status_code == 302
    created = FormDefinition.objects.get(slug="rich-test", version=1)
    assert created.changes.get().action == "created"
    again = admin_client.post(add, {"definition": json.dumps(rich_data), **INLINE})
    assert "exists already" in again.content.decode()


def test_preview_renders_every_step_in_the_language_chosen(admin_client, draft):
    response = admin_client.get(f"/admin/formdefs/formdefinition/{draft.pk}/preview/?lang=en")
    html = response.content.decode()
    assert response.status_code == 200
    for title in ("A. Personal data", "B. Contact and stays", "C. Travel document"):
        assert title in html
    assert "1. Surname" in html and "11. Previous stays" in html and 'name="stays-__prefix__-start"' in html


def test_publish_retire_copy_and_export_buttons(admin_client, draft):
    base = f"/admin/formdefs/formdefinition/{draft.pk}"
    assert admin_client.post(f"{base}/publish/").status_code == 302
    draft.refresh_from_db()
    assert draft.status == FormDefinitionStatus.PUBLISHED
    frozen = admin_client.get(change_url(draft)).content.decode()
    assert 'name="definition"' not in frozen and "Retire" in frozen
    assert admin_client.post(f"{base}/publish/").status_code == 302  # refused with a message, not an error
    export = admin_client.get(f"{base}/export/")
    assert json.loads(export.content)["slug"] == "rich-test"
    copy = admin_client.post(f"{base}/copy/")
    assert copy.status_code == 302 and FormDefinition.objects.filter(version=2).exists()
    assert admin_client.post(f"{base}/retire/").status_code == 302
    draft.refresh_from_db()
    assert draft.status == FormDefinitionStatus.RETIRED


def test_list_actions(admin_client, draft):
    url = "/admin/formdefs/formdefinition/"
    response = admin_client.post(url, {"action": "publish_selected", "_selected_action": [draft.pk], "index": "0"})
    assert response.status_code == 302, response.content.decode()[-3000:]
    admin_client.post(url, {"action": "copy_selected", "_selected_action": [draft.pk]})
    admin_client.post(url, {"action": "publish_selected", "_selected_action": [draft.pk]})
    admin_client.post(url, {"action": "retire_selected", "_selected_action": [draft.pk]})
    versions = FormDefinition.objects.filter(slug="rich-test").order_by("version")
    assert list(versions.values_list("status", flat=True)) == ["retired", "draft"]


def test_officers_and_applicants_are_refused(client, draft):
    officer = StaffFactory()
    login_with_second_factor(client, officer)
    assert client.get(change_url(draft)).status_code in (302, 403)
    assert client.get(f"/admin/formdefs/formdefinition/{draft.pk}/preview/").status_code in (302, 403)
    client.logout()
    applicant = ApplicantFactory()
    client.post("/accounts/login/", {"email": applicant.email, "username": applicant.email, "password": PASSWORD})
    assert client.get(change_url(draft)).status_code == 302


@pytest.mark.browser
@pytest.mark.slow
def test_an_administrator_edits_previews_and_publishes_a_draft_in_the_browser(new_page, administrator, rich_data):
    from accounts.second_factor import current_code

    draft = services.create_definition(definition=rich_data)
    page = new_page()
    page.goto("/accounts/login/")
    page.fill("input[name=email]", administrator.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    page.wait_for_url(re.compile(r"second-factor"))
    page.fill("input[name=token]", current_code(administrator.totp_device))
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    page.wait_for_load_state()
    page.goto(change_url(draft))
    editor = page.locator("textarea[name=definition]")
    edited = json.loads(editor.input_value())
    edited["steps"][0]["title"]["en"] = "About you"
    editor.fill(json.dumps(edited, indent=2))
    page.locator("input[name=_continue]").click()
    page.wait_for_load_state()
    assert "About you" in page.locator("textarea[name=definition]").input_value()
    page.goto(f"/admin/formdefs/formdefinition/{draft.pk}/preview/?lang=en")
    assert page.locator("section.preview-step").count() == 3
    assert page.get_by_text("A. About you").is_visible()
    page.goto(change_url(draft))
    page.get_by_role("button", name="Publish").click()
    page.wait_for_load_state()
    draft.refresh_from_db()
    assert draft.status == FormDefinitionStatus.PUBLISHED
