"""In Chromium: the applicant appeals against a refusal in the account, the voivode sends it on, and the Head of the
Office for Foreigners upholds it; the applicant sees each step in words. Every page visited passes axe-core."""

from __future__ import annotations

import pytest
from django.urls import reverse

from applications.case_models import ApplicationStatus, DocumentKind
from tests.browser import assert_no_axe_violations
from tests.factories import SecondInstanceFactory, StaffFactory, SupervisorFactory
from tests.journey.conftest import submit_sample
from tests.journey.helpers import pdf_bytes
from workflows import services

from .conftest import answer_consultations, pass_formal_check, review_and_decide, take, take_fingerprints
from .test_browser_case import Person

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _no_submission_documents(settings):
    settings.DOCUMENTS_RENDER_ON_SUBMIT = False


def test_the_applicant_files_an_appeal_and_the_head_of_the_office_upholds_it(new_page, tmp_path):
    application = submit_sample()
    officer, supervisor = StaffFactory(office="14"), SupervisorFactory(office="14")
    pass_formal_check(application, officer)
    take_fingerprints(application, officer)
    answer_consultations(application, officer)
    review_and_decide(application, officer, proposed="refusal", kind="refusal", justification="Brak środków.")
    services.approve_decision(task=take(application, "approve", supervisor), user=supervisor, approved=True)
    case_url = reverse("applications:case", kwargs={"case_id": application.public_id})

    olena = Person(new_page())
    olena.log_in(application.applicant)
    olena.page.goto(case_url)
    olena.check()
    olena.page.get_by_role("link", name="What to do").last.click()
    olena.check()
    olena.page.get_by_label("Your appeal").fill("Mam umowę o pracę na czas nieokreślony; dołączam ją.")
    evidence = tmp_path / "umowa.pdf"
    evidence.write_bytes(pdf_bytes())
    olena.page.get_by_label("Attachments to the appeal").set_input_files(str(evidence))
    olena.press("Send the appeal")
    assert "Your appeal has been sent" in olena.page.content()
    assert "Appeal filed on" in olena.page.locator(".case-status").inner_text()
    receipt = application.documents.get(kind=DocumentKind.APPEAL_RECEIPT)
    with olena.page.expect_download() as download:
        olena.page.locator(f'a[href="/documents/{receipt.public_id}/download/"]').first.click()
    assert download.value.path().read_bytes()[:5] == b"%PDF-"

    anna = Person(new_page())
    anna.log_in(officer)
    anna.take_from_queue(application.case_number)
    anna.page.get_by_label("Sent to the Head of the Office for Foreigners (art. 133 k.p.a.)").check()
    anna.press("Save and continue")
    assert "Done: Appeal" in anna.page.content()

    tomasz = Person(new_page())
    tomasz.log_in(SecondInstanceFactory())
    tomasz.check()  # the login ends on the Head of the Office's queue
    tomasz.page.get_by_role("link", name=application.case_number).click()
    tomasz.check()
    tomasz.press("Take this task")
    assert "Mam umowę o pracę" in tomasz.page.content()  # the appeal is in the file
    tomasz.page.get_by_label("Upholds the decision (art. 138 § 1 pkt 1 k.p.a.)").check()
    tomasz.page.get_by_label("Justification").fill("Umowa nie zapewnia wymaganego dochodu; decyzja jest prawidłowa.")
    tomasz.press("Issue the decision on the appeal")
    assert "Check the letter before it is sent" in tomasz.page.content()  # the decision is read as a draft first
    tomasz.page.locator("#attachment-viewer[data-rendered='1'] canvas.attachment-page").wait_for()
    assert_no_axe_violations(tomasz.page)
    tomasz.press("Send the letter")
    assert "The decision on the appeal has been issued." in tomasz.page.content()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REFUSED_FINAL

    olena.page.goto(case_url)
    olena.check()
    status = olena.page.locator(".case-status").inner_text()
    assert status.startswith("Permit refused — final on")
    page = olena.page.content()
    assert "Appeal sent to the Head of the Office for Foreigners on" in page
    assert "The Head of the Office for Foreigners upheld the decision" in page
    assert "You must leave Poland by" in page
    letter = application.documents.get(kind=DocumentKind.SECOND_INSTANCE_DECISION)
    with olena.page.expect_download() as download:
        olena.page.locator(f'a[href="/documents/{letter.public_id}/download/"]').first.click()
    assert download.value.path().read_bytes()[:5] == b"%PDF-"
