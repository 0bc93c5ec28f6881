"""In Chromium: an officer filters the queue by "overdue", takes the case, reads a PDF attachment and the photo inside
the page, reads the call to supplement as a draft and sends it; every page passes axe-core, and the task page works
on a 375 px phone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from viewflow.workflow.models import Task

from documents.models import DocumentKind
from tests.browser import assert_no_axe_violations
from tests.factories import StaffFactory
from tests.journey.conftest import submit_sample
from workflows.models import SupplementRequest

from .test_browser_case import Person

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _no_submission_documents(settings):
    settings.DOCUMENTS_RENDER_ON_SUBMIT = False


def _make_overdue(application) -> None:
    """The formal check's legal deadline moved into the past (stamped again, as a moved deadline is)."""
    task = Task.objects.get(process__caseprocess__application=application, flow_task__endswith=".formal_check")
    task.data["due"] = (timezone.localdate() - timedelta(days=2)).isoformat()
    Task.objects.filter(pk=task.pk).update(data=task.data)


def test_officer_filters_overdue_reads_attachments_inline_and_sends_a_previewed_21_day_call(new_page):
    late, on_time = submit_sample(), submit_sample()
    _make_overdue(late)
    officer = StaffFactory(office="14")

    anna = Person(new_page())
    anna.log_in(officer)
    anna.page.goto("/office/queue/")
    anna.check()
    assert (
        anna.page.get_by_role("button", name=f"Take the task “Formal check” of case {on_time.case_number}").count() == 1
    )
    anna.page.get_by_label("Deadline").select_option("overdue")
    anna.page.get_by_role("button", name="Show").click()
    anna.check()
    assert "overdue by 2 days" in anna.page.content()
    assert (
        anna.page.get_by_role("button", name=f"Take the task “Formal check” of case {on_time.case_number}").count() == 0
    )
    anna.press(f"Take the task “Formal check” of case {late.case_number}")

    # The photo beside the personal data, loaded from the office's own inline view.
    photo = anna.page.locator(".applicant-photo img")
    photo.wait_for()
    assert anna.page.evaluate("(img) => img.complete && img.naturalWidth > 0", photo.element_handle())

    # A PDF attachment drawn inside the page by the vendored pdf.js.
    pdf = late.attachments.filter(content_type="application/pdf").first()
    anna.page.locator(f'a.attachment-view[href$="/attachments/{pdf.public_id}/view/"]').click()
    anna.page.locator("#attachment-viewer[data-rendered='1'] canvas.attachment-page").wait_for()
    assert_no_axe_violations(anna.page)
    requests = []
    anna.page.on("request", lambda request: requests.append(request.url))

    # The photo in the viewer too.
    anna.page.locator(
        f'a.attachment-view[href$="/attachments/{late.attachments.get(requirement="photo").public_id}/view/"]'
    ).click()
    anna.page.locator("#attachment-viewer .attachment-image").wait_for()

    # The call to supplement: read as a draft, then sent.
    anna.page.locator("#id_complete_1").check()
    anna.page.locator("#id_defects").fill("Brak aktualnej fotografii")
    anna.page.locator("#id_deadline_days").fill("21")
    anna.press("Save and continue")
    assert "Check the letter before it is sent" in anna.page.content()
    anna.page.locator("#attachment-viewer[data-rendered='1'] canvas.attachment-page").wait_for()
    assert_no_axe_violations(anna.page)
    assert not SupplementRequest.objects.filter(application=late).exists()
    anna.press("Send the letter")
    assert "Done: Formal check" in anna.page.content()
    call = SupplementRequest.objects.get(application=late)
    assert call.defects == ["Brak aktualnej fotografii"] and call.days == 21
    assert late.documents.filter(kind=DocumentKind.CALL_TO_SUPPLEMENT).exists()
    assert all(url.startswith(anna.page.url.split("/office/")[0]) for url in requests)  # nothing from elsewhere


def test_the_task_page_works_stacked_on_a_375_px_phone(new_page):
    application = submit_sample()
    officer = StaffFactory(office="14")
    anna = Person(new_page(width=375))
    anna.log_in(officer)
    anna.page.goto("/office/queue/")
    anna.check()
    anna.press(f"Take the task “Formal check” of case {application.case_number}")
    assert anna.page.evaluate("document.documentElement.scrollWidth") <= 375
    panel = anna.page.locator(".task-panel").bounding_box()
    file = anna.page.locator(".case-main").bounding_box()
    assert panel["width"] <= 375 and file["width"] <= 375
    assert anna.page.get_by_role("button", name="Save and continue").is_visible()
