"""An applicant fills, pauses, resumes, attaches, gets the employer's annex, checks, signs and submits, in Chromium."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from applications.case_models import Application
from formdefs.models import FormDefinition, FormDefinitionStatus
from formdefs.steps import wizard_steps
from tests.browser import assert_no_axe_violations
from tests.browser.wizard import fill_step
from tests.factories import PASSWORD, ApplicantFactory, EmployerFactory
from tests.journey.helpers import jpeg_bytes, pdf_bytes
from tests.samples import applicant_payload, employer_payload

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

MSGIDS = {
    "continue": "Save and continue",
    "log_in": "Log in",
    "log_out": "Log out",
    "return": "Save and return to the summary",
    "submit": "Submit the application",
    "attach": "Attach the file",
    "resume": "Continue",
    "code": "Make a code for my employer",
    "employer_start": "Start the annex",
    "complete": "Sign, complete and link Annex 1",
    "to_sign": "Continue to the declaration and submit",
    "submitted": "Your application has been submitted",
}


def label(key: str, language: str) -> str:
    """What the button says in that language: the project's own catalogue, so the test also proves it is there."""
    from django.utils import translation

    with translation.override(language):
        text = translation.gettext(MSGIDS[key])
    assert language == "en" or text != MSGIDS[key], f"{MSGIDS[key]!r} is not translated to {language}"
    return text


class Journey:
    """One person's browser, checking every page it visits with axe-core."""

    def __init__(self, page, language: str):
        self.page, self.language, self.visited = page, language, set()

    def t(self, key: str) -> str:
        return label(key, self.language)

    def check(self) -> None:
        path = re.sub(r"[0-9a-f-]{36}", "id", urlsplit(self.page.url).path)
        if path not in self.visited:
            self.visited.add(path)
            assert_no_axe_violations(self.page)
            if os.environ.get("MOS_SCREENSHOT_DIR"):  # for people to look at: make test PYTEST_ARGS=... with it set
                name = f"{self.language}-{len(self.visited):02d}-{path.strip('/').replace('/', '_') or 'home'}.png"
                self.page.screenshot(path=str(Path(os.environ["MOS_SCREENSHOT_DIR"]) / name), full_page=True)

    def log_in(self, email: str) -> None:
        self.page.goto("/accounts/login/")
        self.page.locator("#id_email").fill(email)
        self.page.locator("#id_password").fill(PASSWORD)
        self.page.get_by_role("button", name=self.t("log_in")).last.click()
        self.check()

    def press(self, name: str) -> None:
        self.page.get_by_role("button", name=name).first.click()
        self.check()


def run_journey(new_page, *, slug: str, language: str, width: int, with_annex: bool) -> None:
    applicant = ApplicantFactory(preferred_language=language)
    spec = FormDefinition.objects.get(slug=slug, status=FormDefinitionStatus.PUBLISHED).spec
    payload = applicant_payload(slug)
    steps = list(wizard_steps(spec))
    me = Journey(new_page(width=width, locale=language), language)

    me.log_in(applicant.email)
    me.page.goto("/start/")
    me.check()
    me.page.locator(f"form:has(input[value='{slug}']) button").click()
    me.check()

    # Step 1, first with a mistake: a date of birth in the future is refused, and nothing typed is lost.
    first = steps[0]
    fill_step(me.page, first, {**payload[first.key], "date_of_birth": "2999-01-01"})
    me.press(me.t("continue"))
    assert me.page.locator(".error-summary").is_visible()
    assert me.page.locator("#id_surname").input_value() == payload[first.key]["surname"]
    me.page.locator("#id_date_of_birth").fill(payload[first.key]["date_of_birth"])
    me.press(me.t("continue"))

    # Fill up to the family step, then stop and log out.
    index = 1
    while steps[index].key != "family":
        fill_step(me.page, steps[index], payload[steps[index].key])
        me.press(me.t("continue"))
        index += 1
    me.page.get_by_role("button", name=me.t("log_out")).click()

    # Later, on another device: log in again and continue where we stopped.
    me = Journey(new_page(width=width, locale=language), language)
    me.log_in(applicant.email)
    me.page.goto("/my/")
    me.check()
    me.page.get_by_role("link", name=me.t("resume")).first.click()
    assert "/step/family/" in me.page.url
    me.check()

    # A repeatable family member, added with the button.
    family = payload["family"]
    me.page.locator("input[name='has_family_members'][value='true']").check()
    me.page.locator("button[name='add_row_family_members']").click()
    fill_step(me.page, spec.step("family"), family)
    me.check()
    me.press(me.t("continue"))
    for step in steps[index + 1 :]:
        fill_step(me.page, step, payload[step.key])
        me.press(me.t("continue"))
    assert "/check/" in me.page.url

    # Attachments: the photograph and the other required documents.
    draft_url = me.page.url.split("/check/")[0]
    me.page.goto(draft_url + "/attachments/")
    me.check()
    from applications.case_models import Draft
    from applications.services import missing_attachments

    for key in missing_attachments(Draft.objects.get(applicant=applicant)):
        me.page.locator("#id_requirement").select_option(key)
        # the photograph as the 2026 rules want it (JPEG, 35:45, at least 684 x 883); documents as PDF scans
        file = (
            {"name": "photo.jpg", "mimeType": "image/jpeg", "buffer": jpeg_bytes()}
            if key == "photo"
            else {"name": f"{key}.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}
        )
        me.page.locator("#id_file").set_input_files(files=[file])
        me.press(me.t("attach"))
    assert me.page.locator(".tag-missing").count() == 0

    if with_annex:
        me.page.goto(draft_url + "/annex/")
        me.check()
        me.press(me.t("code"))
        code = me.page.locator(".code").inner_text()
        link_annex_as_employer(new_page, code, width=width)

    # Check the answers, change one, come back to the summary.
    me.page.goto(draft_url + "/check/")
    me.check()
    me.page.locator("a[href*='/step/means/'][href$='#id_insurer']").click()  # the question's own change link
    me.page.locator("#id_insurer").fill("PZU")
    me.press(me.t("return"))
    assert "/check/" in me.page.url and "PZU" in me.page.content()

    me.page.get_by_role("link", name=me.t("to_sign")).click()
    me.check()
    me.page.locator("input[type=checkbox]").first.check()
    me.page.locator("#id_password").fill(PASSWORD)
    me.press(me.t("submit"))
    application = Application.objects.get(applicant=applicant)
    assert me.page.locator("h1").inner_text() == me.t("submitted")
    assert application.case_number in me.page.locator(".case-number").inner_text()
    assert application.answers["means"]["insurer"] == "PZU"


def link_annex_as_employer(new_page, code: str, *, width: int) -> None:
    """The employer, in a browser of their own, redeems the code and fills Annex 1."""
    employer = EmployerFactory(preferred_language="en")
    # A new draft is on the 2026 form, so its employer gets Annex 1 version 2 (a 2019 draft would keep version 1).
    spec = FormDefinition.objects.get(slug="employer-annex-1", status=FormDefinitionStatus.PUBLISHED).spec
    boss = Journey(new_page(width=width, locale="en"), "en")
    boss.log_in(employer.email)
    boss.page.goto("/employer/")
    boss.check()
    boss.page.locator("#id_code").fill(code)
    boss.press(label("employer_start", "en"))
    payload = employer_payload(spec.version)
    for step in wizard_steps(spec):
        if step.key not in payload:
            continue  # a step the answers hide (the user employer, for an employer that is not an agency)
        fill_step(boss.page, step, payload[step.key])
        boss.press(label("continue", "en"))
    boss.page.locator("#id_password").fill(PASSWORD)  # the development method: the signing tests prove the others
    boss.press(label("complete", "en"))
    assert "/employer/" in boss.page.url


def test_temporary_residence_and_work_in_english_on_a_phone(new_page):
    run_journey(new_page, slug="temporary-residence-work", language="en", width=375, with_annex=True)


def test_version_2_of_temporary_residence_and_work_in_polish_on_a_phone(new_page):
    """The 2026 layout (current stay, detention, origin address, ...) with the employer's annex, 0 axe violations."""
    spec = FormDefinition.objects.get(slug="temporary-residence-work", status=FormDefinitionStatus.PUBLISHED).spec
    assert (spec.version, spec.layout) == (2, "2026")
    run_journey(new_page, slug="temporary-residence-work", language="pl", width=375, with_annex=True)
    application = Application.objects.get(definition__slug="temporary-residence-work")
    assert application.definition.version == 2
    assert application.answers["current_stay"]["legal_basis"] == "visa"
    assert application.answers["detention"]["ban_on_leaving"] is False


def test_permanent_residence_in_ukrainian(new_page):
    run_journey(new_page, slug="permanent-residence", language="uk", width=1280, with_annex=False)
