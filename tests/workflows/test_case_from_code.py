"""Whole cases driven through the flow from code (the same services the officer pages call)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from viewflow.workflow.models import Task
from viewflow.workflow.status import PROCESS
from viewflow.workflow.timers import fire_due_timers

from applications.case_models import ApplicationStatus, CaseEvent
from documents.models import DocumentKind
from tests.journey.helpers import pdf_bytes
from workflows import appeals, services
from workflows.deadlines import last_moment, next_working_day
from workflows.decisions import requested_period
from workflows.models import TASK_OFFICE_KEY, CaseProcess, Consultation, Decision
from workflows.supplements import answer_supplement

from .conftest import (
    answer_consultations,
    open_nodes,
    pass_formal_check,
    review_and_decide,
    submit_case,
    submit_work_case,
    take,
    take_fingerprints,
)

pytestmark = pytest.mark.django_db


def kinds(application):
    return list(application.events.values_list("kind", flat=True))


def test_submission_starts_the_formal_check_in_the_office_queue(django_capture_on_commit_callbacks):
    application = submit_case(django_capture_on_commit_callbacks)
    assert CaseProcess.objects.get(application=application).status == PROCESS.NEW
    assert open_nodes(application) == {"formal_check"}


def test_grant_after_a_supplement(django_capture_on_commit_callbacks, officer, supervisor):
    application = submit_case(django_capture_on_commit_callbacks)
    task = take(application, "formal_check", officer)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.FORMAL_CHECK
    services.complete_formal_check(task=task, user=officer, complete=False, defects=["Brak fotografii"])

    application.refresh_from_db()
    assert application.status == ApplicationStatus.AWAITING_SUPPLEMENT
    call = application.events.get(kind=CaseEvent.Kind.CALL_TO_SUPPLEMENT)
    assert call.action_url == f"/office/supplement/{application.public_id}/"
    # Never opened, the call is delivered on the 14th day after it was made available; 14 days run from then.
    delivery = application.supplement_requests.get().delivery
    assert call.due_at == last_moment(delivery.deemed_delivered_at, 14)
    assert application.documents.filter(kind=DocumentKind.CALL_TO_SUPPLEMENT).count() == 1
    assert open_nodes(application) == {"supplement", "supplement__timeout"}

    answer_supplement(
        application=application,
        applicant=application.applicant,
        message="W załączeniu zdjęcie",
        uploads=[SimpleUploadedFile("photo.pdf", pdf_bytes(), content_type="application/pdf")],
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.FORMAL_CHECK
    assert application.attachments.filter(requirement="supplement").count() == 1
    again = take(application, "formal_check_again", officer)
    assert again.owner == officer  # back to the officer who called for the supplement
    services.complete_formal_check(task=again, user=officer, complete=True)

    take_fingerprints(application, officer)
    assert application.documents.filter(kind=DocumentKind.SUMMONS).count() == 1
    assert open_nodes(application) >= {"consult_border_guard", "consult_police", "consult_abw"}
    assert "consult_labour_office" not in open_nodes(application)
    answer_consultations(application, officer)
    decision = review_and_decide(application, officer)
    assert not decision.needs_approval

    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECISION_ISSUED
    assert application.documents.filter(kind=DocumentKind.DECISION).count() == 1
    assert open_nodes(application) == {"appeal_period", "appeal_period__timeout"}
    appeals.waive_appeal(application=application, user=application.applicant)  # final today (art. 127a k.p.a.)
    assert open_nodes(application) == {"residence_card"}
    services.record_residence_card(
        task=take(application, "residence_card", officer),
        user=officer,
        number="RP1234567",
        ready_at=timezone.now() + timedelta(days=20),
    )
    process = CaseProcess.objects.get(application=application)
    assert process.status == PROCESS.DONE
    # Every step after the start, on every path the case took, carries the office the office lists are indexed by.
    offices = [
        task.data.get(TASK_OFFICE_KEY) for task in Task.objects.filter(process=process).exclude(flow_task_type="START")
    ]
    assert len(offices) > 10 and set(offices) == {application.office_id}
    assert kinds(application)[-5:] == [
        CaseEvent.Kind.DOCUMENT,
        CaseEvent.Kind.DECISION,
        CaseEvent.Kind.APPEAL_WAIVED,
        CaseEvent.Kind.DECISION_FINAL,
        CaseEvent.Kind.STATUS_CHANGED,  # the residence card
    ]


def test_call_to_supplement_expires_and_case_is_left_unexamined(django_capture_on_commit_callbacks, officer):
    application = submit_case(django_capture_on_commit_callbacks)
    services.complete_formal_check(
        task=take(application, "formal_check", officer), user=officer, complete=False, defects=["Brak podpisu"]
    )
    deadline = application.supplement_requests.get().deadline
    with time_machine.travel(deadline - timedelta(minutes=1)):
        assert fire_due_timers() == 0
    with time_machine.travel(deadline + timedelta(minutes=1)):
        assert fire_due_timers() == 1
        assert fire_due_timers() == 0
    application.refresh_from_db()
    assert application.status == ApplicationStatus.LEFT_UNEXAMINED
    assert application.documents.filter(kind=DocumentKind.LEFT_UNEXAMINED).count() == 1
    assert kinds(application).count(CaseEvent.Kind.LEFT_UNEXAMINED) == 1
    assert CaseProcess.objects.get(application=application).status == PROCESS.DONE
    assert application.supplement_requests.get().expired_at is not None


def test_withdrawal_discontinues_the_case(django_capture_on_commit_callbacks, officer):
    from applications.services import withdraw_application

    application = submit_case(django_capture_on_commit_callbacks)
    services.complete_formal_check(
        task=take(application, "formal_check", officer), user=officer, complete=False, defects=["Brak podpisu"]
    )
    with django_capture_on_commit_callbacks(execute=True):
        withdraw_application(application=application, applicant=application.applicant)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    assert kinds(application)[-1] == CaseEvent.Kind.DISCONTINUED
    assert CaseProcess.objects.get(application=application).status == PROCESS.CANCELED
    assert open_nodes(application) == set()
    with time_machine.travel(timezone.now() + timedelta(days=30)):
        assert fire_due_timers() == 0


def test_refusal_needs_a_supervisor_who_did_not_propose_it(django_capture_on_commit_callbacks, officer, supervisor):
    application = submit_case(django_capture_on_commit_callbacks)
    pass_formal_check(application, officer)
    take_fingerprints(application, officer)
    answer_consultations(application, officer)
    decision = review_and_decide(
        application, officer, proposed="refusal", kind="refusal", justification="Brak stabilnego źródła dochodu."
    )
    assert decision.needs_approval
    assert open_nodes(application) == {"approve"}
    task = take(application, "approve", supervisor)
    services.approve_decision(task=task, user=supervisor, approved=True)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECISION_ISSUED
    assert Decision.objects.get(application=application).approved_by == supervisor
    assert open_nodes(application) == {"appeal_period", "appeal_period__timeout"}  # 14 days to appeal


def test_consultation_with_objections_and_one_deemed_after_its_deadline(django_capture_on_commit_callbacks, officer):
    application = submit_work_case(django_capture_on_commit_callbacks)
    pass_formal_check(application, officer)
    take_fingerprints(application, officer)
    assert "consult_labour_office" not in open_nodes(application)  # no statute provides it (art. 109)
    services.record_consultation(
        task=take(application, "consult_police", officer),
        user=officer,
        answer="objections",
        note="Postępowanie karne w toku",
    )
    services.record_consultation(
        task=take(application, "consult_border_guard", officer), user=officer, answer="no_objections"
    )
    with time_machine.travel(timezone.now() + timedelta(days=35)):  # 30 days, past any weekend or holiday
        assert fire_due_timers() == 1
    abw = Consultation.objects.get(application=application, agency="abw")
    assert abw.deemed and abw.answer == "no_objections"
    assert Consultation.objects.get(application=application, agency="police").answer == "objections"
    assert open_nodes(application) == {"review"}


def test_the_dashboard_counts_stages_overdue_deadlines_and_the_median_days_to_decision(
    django_capture_on_commit_callbacks, officer, supervisor
):
    from workflows.selectors import dashboard

    decided = submit_case(django_capture_on_commit_callbacks)
    waiting = submit_case(django_capture_on_commit_callbacks)
    services.complete_formal_check(
        task=take(waiting, "formal_check", officer), user=officer, complete=False, defects=["Brak podpisu"]
    )
    with time_machine.travel(timezone.now() + timedelta(days=4)):
        pass_formal_check(decided, officer)
        take_fingerprints(decided, officer)
        answer_consultations(decided, officer)
        review_and_decide(decided, officer)
        appeals.waive_appeal(application=decided, user=decided.applicant)
    with time_machine.travel(waiting.supplement_requests.get().deadline + timedelta(minutes=1)):
        board = dashboard(supervisor)
    assert ("Residence card", 1) in [(row.label, row.count) for row in board.stages]
    assert [call.application for call in board.overdue_supplements] == [waiting]
    assert board.median_days_to_decision == 4.0 and board.decisions_counted == 1


def test_a_decision_returned_by_the_supervisor_goes_back_to_the_officer_who_made_it(
    django_capture_on_commit_callbacks, officer, supervisor
):
    application = submit_case(django_capture_on_commit_callbacks)
    pass_formal_check(application, officer)
    take_fingerprints(application, officer)
    answer_consultations(application, officer)
    review_and_decide(application, officer, proposed="grant", kind="refusal", justification="Wątpliwości")
    services.approve_decision(
        task=take(application, "approve", supervisor),
        user=supervisor,
        approved=False,
        note="Materiał dowodowy nie uzasadnia odmowy",
    )
    again = take(application, "redecide", officer)
    assert again.owner == officer
    with pytest.raises(services.WorkflowError):
        services.decide(task=again, user=officer, kind="grant")  # a grant needs its validity period
    asked = requested_period(application)
    decision = services.decide(
        task=again, user=officer, kind="grant", valid_from=timezone.localdate(), valid_to=asked.end
    )
    assert decision.fully_grants and not decision.needs_approval  # now as proposed, and all that was asked
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECISION_ISSUED
    assert open_nodes(application) == {"appeal_period", "appeal_period__timeout"}


def test_a_complete_case_shows_the_applicant_the_statutory_deadline_for_the_decision(
    django_capture_on_commit_callbacks, officer
):
    from applications import tracking
    from applications.selectors import case_timeline
    from tests.workflows.conftest import pass_formal_check, submit_case

    application = submit_case(django_capture_on_commit_callbacks)
    pass_formal_check(application, officer)
    deadline = tracking.decision_deadline(application, list(case_timeline(application)))
    assert deadline == next_working_day(timezone.localdate(application.submitted_at) + timedelta(days=60))
