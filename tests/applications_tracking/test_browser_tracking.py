"""In Chromium: the applicant watches the timeline change as the office acts, follows the e-mail link, and a visitor
checks the status with the code from the receipt; axe-core finds nothing on these pages."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from applications import services
from applications.case_models import ApplicationStatus
from tests.browser import assert_no_axe_violations
from tests.factories import PASSWORD, ApplicantFactory, StaffFactory
from tests.journey.conftest import submit_sample
from tests.workflows.conftest import take
from workflows import services as casework

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_the_applicant_follows_the_case_and_a_visitor_checks_its_status(new_page, live_server, settings):
    settings.SITE_URL = live_server.url
    applicant = ApplicantFactory(first_name="Olena")
    case = submit_sample(applicant)
    page = new_page(width=375)
    page.goto("/accounts/login/")
    page.locator("#id_email").fill(applicant.email)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r".*/my/?$|.*/$"))

    page.goto(f"/cases/{case.public_id}/")
    assert page.get_by_text("Your application was submitted").is_visible()
    assert page.get_by_text("What you need to do now").count() == 0
    assert_no_axe_violations(page)

    # An officer of the office takes the formal check and finds a defect: the case process calls for a supplement.
    officer = StaffFactory(office=case.office)
    casework.complete_formal_check(
        task=take(case, "formal_check", officer),
        user=officer,
        complete=False,
        defects=["A readable copy of every page of the passport"],
    )
    case.refresh_from_db()
    assert case.status == ApplicationStatus.AWAITING_SUPPLEMENT
    link = re.search(r"https?://\S+/cases/\S+/", mail.outbox[-1].body).group(0)
    assert "Olena" in mail.outbox[-1].body and case.case_number in mail.outbox[-1].subject
    page.goto(link)
    assert page.get_by_text("What you need to do now").is_visible()
    assert page.get_by_text("supplement the application by").first.is_visible()
    assert_no_axe_violations(page)

    visitor = new_page()
    visitor.goto("/status/")
    visitor.locator("#id_case_number").fill(case.case_number)
    visitor.locator("#id_access_code").fill(services.access_code(case))
    visitor.get_by_role("button", name="Check the status").click()
    assert visitor.get_by_text("Waiting for documents from the applicant").is_visible()
    assert visitor.get_by_text("Olena").count() == 0
    assert_no_axe_violations(visitor)
