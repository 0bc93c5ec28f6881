"""In Chromium: an officer takes a fresh case, calls for a supplement, the applicant sends it, the case ends in a grant
approved by the supervisor, and the applicant downloads the decision. Every page visited passes axe-core."""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from accounts.second_factor import current_code
from documents.models import DocumentKind
from tests.browser import assert_no_axe_violations
from tests.factories import PASSWORD, StaffFactory, SupervisorFactory
from tests.journey.conftest import submit_sample
from tests.journey.helpers import pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _no_submission_documents(settings):
    settings.DOCUMENTS_RENDER_ON_SUBMIT = False


def _pattern(text: str) -> str:
    """A literal inside a regular expression that Playwright passes on (it reads an unescaped slash as the end)."""
    return re.escape(text).replace("/", r"\/")


class Person:
    """One person's browser; each new kind of page is checked with axe-core once."""

    checked: set[str] = set()

    def __init__(self, page):
        self.page = page

    def check(self) -> None:
        path = re.sub(r"/\d+/|/[0-9a-f-]{36}/", "/id/", urlsplit(self.page.url).path)
        if path not in self.checked:
            self.checked.add(path)
            assert_no_axe_violations(self.page)

    def log_in(self, user) -> None:
        self.page.goto("/accounts/login/")
        self.page.locator("#id_email").fill(user.email)
        self.page.locator("#id_password").fill(PASSWORD)
        self.page.get_by_role("button", name="Log in").last.click()
        if hasattr(user, "totp_device"):
            self.check()
            self.page.locator("#id_token").fill(current_code(user.totp_device))
            self.page.get_by_role("button", name="Confirm").click()

    def press(self, name: str) -> None:
        self.page.get_by_role("button", name=name).first.click()
        self.check()

    def take_from_queue(self, case_number: str) -> None:
        self.page.goto("/office/queue/")
        self.check()
        self.page.get_by_role(
            "button", name=re.compile(f"^Take the task .* of case {_pattern(case_number)}$")
        ).first.click()
        self.check()

    def open_from_inbox(self, case_number: str) -> None:
        self.page.goto("/office/")
        self.check()
        self.page.get_by_role(
            "link", name=re.compile(f"^Open the task .* of case {_pattern(case_number)}$")
        ).first.click()
        self.check()


def test_officer_supplement_and_grant_approved_by_the_supervisor_then_the_applicant_downloads_the_decision(
    new_page, tmp_path
):
    application = submit_sample()
    number = application.case_number
    officer, supervisor = StaffFactory(office="14"), SupervisorFactory(office="14")

    anna = Person(new_page())
    anna.log_in(officer)
    anna.take_from_queue(number)
    anna.page.locator("#id_complete_1").check()
    anna.page.locator("#id_defects").fill("Brak aktualnej fotografii")
    anna.press("Save and continue")
    anna.press("Send the letter")  # after reading it as a draft
    assert "Done: Formal check" in anna.page.content()

    olena = Person(new_page())
    olena.log_in(application.applicant)
    olena.page.goto(f"/cases/{application.public_id}/")
    olena.check()
    olena.page.locator(f'a[href="/office/supplement/{application.public_id}/"]').first.click()  # "What to do"
    olena.check()
    photo = tmp_path / "zdjecie.pdf"
    photo.write_bytes(pdf_bytes())
    olena.page.locator("#id_files").set_input_files(str(photo))
    olena.page.locator("#id_message").fill("Przesyłam fotografię.")
    olena.press("Send to the office")
    assert "The office will check your documents" in olena.page.content()

    anna.open_from_inbox(number)
    anna.page.locator("#id_complete_0").check()
    anna.press("Save and continue")
    anna.take_from_queue(number)  # book the fingerprints appointment
    when = timezone.localtime() + timedelta(days=8)  # the summons goes at least 7 days ahead
    anna.page.locator("#id_starts_at").fill(when.strftime("%Y-%m-%dT10:00"))
    anna.page.locator("#id_place").fill("ul. Długa 5, sala 12")
    anna.press("Save and continue")
    anna.press("Send the letter")
    anna.open_from_inbox(number)
    anna.page.get_by_label("Fingerprints taken").check()
    for recorded in ("Fingerprints recorded", "Signature specimen taken", "Original travel document seen"):
        anna.page.get_by_label(recorded).check()
    anna.press("Save and continue")
    for _agency in range(3):
        anna.take_from_queue(number)
        anna.page.get_by_label("No objections").check()
        anna.press("Save and continue")
    anna.take_from_queue(number)  # the substantive review
    anna.page.get_by_label("Health insurance is in place").check()
    anna.page.get_by_label("Refusal").check()
    anna.press("Save and continue")
    anna.open_from_inbox(number)  # the decision differs from the proposal: a supervisor must approve it
    anna.page.get_by_label("Grant").check()
    # The whole period asked for, from today (the form offers it; a shorter one would be a partial grant).
    assert anna.page.locator("#id_valid_to").input_value() == "2028-12-31"
    anna.page.locator("#id_valid_from").fill(timezone.localdate().isoformat())
    anna.press("Save and continue")
    anna.press("Send the letter")

    piotr = Person(new_page())
    piotr.log_in(supervisor)
    piotr.take_from_queue(number)
    piotr.page.get_by_label("Approve the decision").check()
    piotr.press("Save and continue")
    piotr.page.goto("/office/dashboard/")
    piotr.check()

    decision = application.documents.get(kind=DocumentKind.DECISION)
    olena.page.goto(f"/cases/{application.public_id}/")
    assert "Decision issued" in olena.page.content()
    with olena.page.expect_download() as download:
        olena.page.locator(f'a[href="/documents/{decision.public_id}/download/"]').first.click()
    assert download.value.path().read_bytes()[:5] == b"%PDF-"
