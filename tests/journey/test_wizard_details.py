"""Wizard details: passport MRZ prefill, adding and removing group entries, a new definition version."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from applications import services
from formdefs.models import FormDefinition, FormDefinitionStatus
from formdefs.services import copy_to_new_draft, publish_definition, update_definition
from tests.factories import ApplicantFactory
from tests.journey.helpers import post_step, step_url
from tests.samples import applicant_payload, ready_draft

pytestmark = pytest.mark.django_db

SPECIMEN_MRZ = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
ON_PERSONAL = {"draft_v2-current_step": "personal"}


@pytest.fixture
def applicant_client(client):
    applicant = ApplicantFactory()
    client.force_login(applicant)
    draft = services.start_draft(applicant=applicant, slug="temporary-residence")
    return client, draft


def test_pasting_the_passport_mrz_prefills_the_personal_and_passport_fields(applicant_client):
    client, draft = applicant_client
    response = client.post(step_url(draft, "personal"), {"prefill_mrz": "1", "mrz_lines": SPECIMEN_MRZ, **ON_PERSONAL})
    assert response.status_code == 302
    page = client.get(step_url(draft, "personal")).content.decode()
    assert 'value="ERIKSSON"' in page and 'value="ANNA MARIA"' in page and 'value="1974-08-12"' in page
    draft.refresh_from_db()
    assert draft.unsaved_input["travel_document"]["document_series_number"] == ["L898902C3"]
    assert "personal" not in draft.answers  # prefilled, not yet accepted: the applicant checks and saves


def test_a_damaged_mrz_is_refused_on_the_mrz_field(applicant_client):
    client, draft = applicant_client
    damaged = SPECIMEN_MRZ.replace("L898902C36", "L898902C37")
    response = client.post(step_url(draft, "personal"), {"prefill_mrz": "1", "mrz_lines": damaged, **ON_PERSONAL})
    assert response.status_code == 200
    assert response.context["mrz_error"] and 'id="id_mrz_lines_error"' in response.content.decode()


def test_group_entries_are_added_and_removed_without_losing_what_was_typed(applicant_client):
    client, draft = applicant_client
    url = step_url(draft, "family")
    base = {
        "draft_v2-current_step": "family",
        "has_family_members": "true",
        "family_members-TOTAL_FORMS": "2",
        "family_members-INITIAL_FORMS": "0",
        "family_members-0-surname": "FIRST",
        "family_members-1-surname": "SECOND",
    }
    added = client.post(url, {**base, "add_row_family_members": "1"})
    assert added.status_code == 200
    html = added.content.decode()
    assert 'name="family_members-2-surname"' in html and 'value="SECOND"' in html
    assert 'class="error-summary"' not in html  # adding a row judges nothing yet

    removed = client.post(url, {**base, "remove_row_family_members_0": "1"})
    html = removed.content.decode()
    assert 'value="SECOND"' in html and 'value="FIRST"' not in html
    assert 'name="family_members-1-surname"' not in html


def test_going_back_keeps_what_was_typed_on_the_page(applicant_client):
    client, draft = applicant_client
    payload = applicant_payload("temporary-residence")
    post_step(client, draft, "personal", payload["personal"])
    response = post_step(client, draft, "personal_more", {"place_of_birth": "LVIV"}, wizard_goto_step="personal")
    assert response.status_code == 302
    page = client.get(step_url(draft, "personal_more")).content.decode()
    assert 'value="LVIV"' in page


def test_a_new_version_of_the_form_does_not_touch_a_draft_in_progress(applicant_client):
    client, draft = applicant_client
    payload = applicant_payload("temporary-residence")
    post_step(client, draft, "personal", payload["personal"])

    current = FormDefinition.objects.get(slug="temporary-residence", status=FormDefinitionStatus.PUBLISHED)
    new = copy_to_new_draft(definition=current)
    data = json.loads(json.dumps(new.definition))
    data["steps"][0]["title"]["en"] = "Personal data (new layout)"
    new = update_definition(definition=new, data=data)
    publish_definition(definition=new)

    draft.refresh_from_db()
    assert draft.definition.version == 2  # the version published when the draft was started
    page = client.get(step_url(draft, "personal")).content.decode()
    assert "new layout" not in page and 'value="KOWALENKO"' in page

    fresh = services.start_draft(applicant=draft.applicant, slug="temporary-residence")
    assert fresh.definition.version == 3
    assert "new layout" in client.get(step_url(fresh, "personal")).content.decode()
    # the old draft can still be resumed and submitted on its own version
    assert client.get(reverse("applications:draft-resume", kwargs={"draft_id": draft.public_id})).status_code == 302


def test_what_was_typed_when_the_session_expired_is_back_after_logging_in(client):
    from tests.factories import PASSWORD

    applicant = ApplicantFactory()
    draft = services.start_draft(applicant=applicant, slug="temporary-residence")
    answers = dict(applicant_payload("temporary-residence")["personal"], surname="TYPEDBEFORE")
    response = post_step(client, draft, "personal", answers)  # nobody is logged in any more
    assert response.status_code == 302 and "/accounts/login/" in response.url

    client.post(reverse("accounts:login"), {"email": applicant.email, "password": PASSWORD})
    page = client.get(step_url(draft, "personal")).content.decode()
    assert 'value="TYPEDBEFORE"' in page


def test_only_a_page_with_dependent_questions_loads_the_script_and_only_the_answers_it_reads(client):
    """Issue 17 (light pages): the conditions script and the answers it reads come with a page only when a question
    on it depends on another answer, and then only the answers of other steps its conditions name."""
    applicant = ApplicantFactory()
    client.force_login(applicant)
    draft = ready_draft(applicant)
    with_conditions = without = 0
    for step in draft.definition.spec.steps:
        response = client.get(step_url(draft, step.key))
        if response.status_code != 200:
            continue  # a step the answers leave out
        page = response.content.decode()
        if not response.context["conditions"]:
            without += 1
            assert "conditions" not in page and 'id="step-answers"' not in page, step.key
            continue
        with_conditions += 1
        assert "js/conditions" in page and 'id="step-conditions"' in page
        conditions = json.dumps(response.context["conditions"])
        carried = json.loads(page.split('<script id="step-answers" type="application/json">')[1].split("</script>")[0])
        for other_step, answers in carried.items():
            assert other_step != step.key
            for key, value in answers.items():
                assert f'"{other_step}.{key}' in conditions  # named by a condition of this page
                assert draft.answers[other_step][key] == value
    assert with_conditions and without
