"""The call for evidence (art. 106f): its own step, deadline and letter; the decision clock waits for it (art. 112a)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from viewflow.workflow.timers import fire_due_timers

from applications.case_models import CaseEvent, DocumentKind
from tests.journey.helpers import pdf_bytes
from workflows import services
from workflows.deadlines import POLISH_TIME
from workflows.models import CaseProcess
from workflows.supplements import answer_evidence

from .conftest import open_nodes, staff_login, submit_case, take

pytestmark = pytest.mark.django_db


def warsaw(*args) -> datetime:
    return datetime(*args, tzinfo=POLISH_TIME)


def ask_for_evidence(django_capture_on_commit_callbacks, officer, *, slug="temporary-residence", days=None):
    application = submit_case(django_capture_on_commit_callbacks, slug=slug)
    services.complete_formal_check(
        task=take(application, "formal_check", officer),
        user=officer,
        complete=True,
        evidence=["Umowa najmu lokalu", "Wyjaśnienie przerwy w zatrudnieniu"],
        evidence_days=days,
    )
    return application


def due_on(application):
    return CaseProcess.objects.get(application=application).decision_due_on


def test_a_call_for_evidence_is_its_own_step_with_its_own_letter_and_the_clock_waits(
    django_capture_on_commit_callbacks, officer
):
    with time_machine.travel(warsaw(2026, 3, 2, 10, 0), tick=False):
        application = ask_for_evidence(django_capture_on_commit_callbacks, officer)
    assert open_nodes(application) == {"evidence", "evidence__timeout"}
    assert application.documents.filter(kind=DocumentKind.CALL_FOR_EVIDENCE).count() == 1
    request = application.evidence_requests.get()
    assert request.days == 14 and request.delivery is not None
    call = application.events.get(kind=CaseEvent.Kind.CALL_FOR_EVIDENCE)
    assert call.action_url == reverse("workflows:evidence", kwargs={"case_id": application.public_id})
    assert due_on(application) is None  # the clock waits for the evidence


def test_permanent_residence_decision_is_due_six_months_after_a_late_evidence_answer(
    client, django_capture_on_commit_callbacks, officer
):
    with time_machine.travel(warsaw(2026, 3, 2, 10, 0), tick=False):
        application = ask_for_evidence(django_capture_on_commit_callbacks, officer, slug="permanent-residence")
    with time_machine.travel(warsaw(2026, 3, 20, 12, 0), tick=False):  # the last day from a deemed delivery
        answer_evidence(
            application=application,
            applicant=application.applicant,
            message="W załączeniu umowa",
            uploads=[SimpleUploadedFile("umowa.pdf", pdf_bytes(), content_type="application/pdf")],
        )
    assert due_on(application) == date(2026, 9, 21)  # 20 September 2026 is a Sunday
    assert "book_appointment" in open_nodes(application)
    assert application.attachments.filter(requirement="evidence").count() == 1
    client.force_login(application.applicant)
    page = client.get(reverse("applications:case", kwargs={"case_id": application.public_id})).content.decode()
    assert "The office should decide by 21 September 2026" in page


@pytest.mark.postgres
def test_when_the_evidence_deadline_passes_the_case_goes_on_and_the_clock_starts_that_day(
    django_capture_on_commit_callbacks, officer
):
    # Made available on 2 March, deemed delivered on 16 March; 14 days end on Monday 30 March.
    with time_machine.travel(warsaw(2026, 3, 2, 10, 0), tick=False):
        application = ask_for_evidence(django_capture_on_commit_callbacks, officer)
    deadline = application.evidence_requests.get().deadline
    assert deadline == warsaw(2026, 3, 30, 23, 59, 59, 999999)
    with time_machine.travel(deadline - timedelta(minutes=1)):
        assert fire_due_timers() == 0
    with time_machine.travel(deadline + timedelta(minutes=1)):
        assert fire_due_timers() == 1
    assert "book_appointment" in open_nodes(application)
    assert application.events.filter(kind=CaseEvent.Kind.EVIDENCE_DEADLINE_PASSED).count() == 1
    assert due_on(application) == date(2026, 5, 29)  # 60 days from 30 March


def test_an_officer_cannot_give_less_than_fourteen_days_for_evidence(
    client, django_capture_on_commit_callbacks, officer
):
    application = submit_case(django_capture_on_commit_callbacks)
    task = take(application, "formal_check", officer)
    staff_login(client, officer)
    page = client.post(
        reverse("workflows:task", kwargs={"task_id": task.pk}),
        {"complete": "yes", "evidence": "Umowa najmu", "evidence_days": "10"},
    )
    assert page.status_code == 400
    assert "no less than 14 days" in page.context["form"].errors["evidence_days"][0]
    assert not application.evidence_requests.exists()


def test_a_call_for_evidence_alone_is_read_as_a_draft_before_it_leaves(
    client, django_capture_on_commit_callbacks, officer
):
    from tests.documents.helpers import pdf_text

    application = submit_case(django_capture_on_commit_callbacks)
    task = take(application, "formal_check", officer)
    staff_login(client, officer)
    url = reverse("workflows:task", kwargs={"task_id": task.pk})
    answers = {"complete": "yes", "evidence": "Umowa najmu lokalu", "evidence_days": "21", "stamp_duty_paid": "yes"}
    page = client.post(url, answers)
    assert page.status_code == 200 and "Send the letter" in page.content.decode()
    draft = pdf_text(client.get(reverse("workflows:task-letter-preview", kwargs={"task_id": task.pk})).content)
    assert "PROJEKT" in draft and "Umowa najmu lokalu" in draft and "21" in draft
    assert not application.evidence_requests.exists()  # nothing sent before the officer confirms

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"confirm": "1"}).status_code == 302
    assert application.evidence_requests.get().days == 21
    assert application.documents.filter(kind=DocumentKind.CALL_FOR_EVIDENCE).count() == 1
