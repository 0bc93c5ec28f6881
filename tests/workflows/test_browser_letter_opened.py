"""In Chromium: the applicant opens the call to supplement and sees the deadline run from that day."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from applications.case_models import DocumentKind
from tests.browser import assert_no_axe_violations
from tests.factories import PASSWORD, StaffFactory
from tests.journey.conftest import submit_sample
from workflows import services
from workflows.deadlines import last_moment

from .conftest import take

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _no_submission_documents(settings):
    settings.DOCUMENTS_RENDER_ON_SUBMIT = False


def test_the_applicant_opens_a_letter_and_sees_the_deadline_computed_from_that_day(
    new_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        application = submit_sample()
    officer = StaffFactory()
    services.complete_formal_check(
        task=take(application, "formal_check", officer), user=officer, complete=False, defects=["Brak fotografii"]
    )
    letter = application.documents.get(kind=DocumentKind.CALL_TO_SUPPLEMENT)
    with translation.override("en"):
        today = date_format(timezone.localdate(), "DATE_FORMAT")
        deadline = date_format(last_moment(timezone.now(), 14).date(), "DATE_FORMAT")

    page = new_page()
    page.goto("/accounts/login/")
    page.locator("#id_email").fill(application.applicant.email)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").last.click()
    page.goto(reverse("applications:case", kwargs={"case_id": application.public_id}))
    assert f"until {deadline}" not in page.content()  # not opened yet: the latest possible deadline only

    with page.expect_download() as download:
        page.locator(f'a[href="/documents/{letter.public_id}/download/"]').first.click()
    assert download.value.path().read_bytes()[:5] == b"%PDF-"

    page.reload()
    opened = page.locator(".timeline-letter_opened")
    assert today in opened.inner_text() and f"until {deadline}" in opened.inner_text()
    assert deadline in page.locator(".panel-action").inner_text()
    assert_no_axe_violations(page)
