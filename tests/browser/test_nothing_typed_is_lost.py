"""In Ukrainian on a 375 px phone: two mistakes, a language switch, a replaced attachment; nothing typed is lost
and every page passes axe-core."""

from __future__ import annotations

import pytest

from applications.case_models import Draft
from formdefs.models import FormDefinition, FormDefinitionStatus
from formdefs.steps import wizard_steps
from tests.browser.test_application_journey import Journey
from tests.browser.wizard import fill_step
from tests.factories import ApplicantFactory
from tests.journey.helpers import jpeg_bytes
from tests.samples import applicant_payload

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_two_mistakes_a_language_switch_and_a_replaced_attachment_in_ukrainian_on_a_phone(new_page):
    applicant = ApplicantFactory(preferred_language="uk")
    spec = FormDefinition.objects.get(slug="temporary-residence", status=FormDefinitionStatus.PUBLISHED).spec
    payload = applicant_payload("temporary-residence")
    first = wizard_steps(spec)[0]
    me = Journey(new_page(width=375, locale="uk"), "uk")
    me.log_in(applicant.email)
    assert "/my/" in me.page.url  # logging in lands on "My applications"
    me.page.goto("/start/")
    me.page.locator("form:has(input[value='temporary-residence']) button").click()
    me.check()

    # Two mistakes: the surname in Cyrillic and a date of birth in the future.
    fill_step(me.page, first, {**payload[first.key], "surname": "Коваленко", "date_of_birth": "2999-01-01"})
    me.press(me.t("continue"))
    assert me.page.locator(".error-summary li").count() == 2
    assert "латинські літери" in me.page.locator("#id_surname_error").inner_text()
    assert me.page.locator("#id_surname").input_value() == "Коваленко"
    assert me.page.locator("#id_given_names").input_value() == payload[first.key]["given_names"]

    # Switching to English keeps everything typed, and the messages follow the language.
    me.page.locator(".language-switcher button[lang='en']").click()
    me.language = "en"
    me.check()
    assert me.page.locator("html").get_attribute("lang") == "en"
    assert me.page.locator("#id_surname").input_value() == "Коваленко"
    assert me.page.locator("#id_given_names").input_value() == payload[first.key]["given_names"]
    assert "Use Latin letters, as in your passport." in me.page.locator("#id_surname_error").inner_text()
    me.page.locator("#id_surname").fill(payload[first.key]["surname"])
    me.page.locator("#id_date_of_birth").fill(payload[first.key]["date_of_birth"])
    me.press(me.t("continue"))
    assert "/step/personal_more/" in me.page.url

    # An attachment, then a better scan in its place.
    draft = Draft.objects.get(applicant=applicant)
    me.page.goto(f"/drafts/{draft.public_id}/attachments/")
    me.check()
    me.page.locator("#id_requirement").select_option("photo")
    me.page.locator("#id_file").set_input_files(
        files=[{"name": "first.jpg", "mimeType": "image/jpeg", "buffer": jpeg_bytes()}]
    )
    me.press(me.t("attach"))
    me.page.locator("#attachment-photo a", has_text="Replace").click()
    me.check()
    me.page.locator("#id_file").set_input_files(
        files=[{"name": "better.jpg", "mimeType": "image/jpeg", "buffer": jpeg_bytes(770, 990)}]
    )
    me.press("Replace the file")
    assert [a.original_name for a in draft.attachments.all()] == ["better.jpg"]
    assert "better.jpg" in me.page.locator("#attachment-photo").inner_text()
    applicant.refresh_from_db()
    assert applicant.preferred_language == "en"  # the account follows the language chosen
