"""What the flow's automatic nodes do (Function nodes, gateway conditions, timer deadlines).

They run inside the activation of the step before them, so under the flow lock and in its transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from applications.case_models import Application, ApplicationStatus, CaseEvent
from applications.services import record_event, set_status
from documents.models import LapseReason

from . import letters
from .audit import audit
from .certificates import lapse_legal_stay_certificate
from .clock import refresh_decision_clock
from .deadlines import last_moment, polish_day
from .delivery import deliver_letter
from .endings import send_open_calls
from .models import Agency, Appointment, Consultation, Decision, DecisionKind, EvidenceRequest, SupplementRequest

WORK_PERMIT_SLUGS = frozenset({"temporary-residence-work"})


def consultation_days() -> int:
    return int(getattr(settings, "CONSULTATION_DEADLINE_DAYS", 30))


def _application(activation) -> Application:
    return Application.objects.select_related("office", "definition", "voivodeship", "applicant").get(
        pk=activation.process.application_id
    )


def start_case(activation, application: Application):
    activation.process.application = application
    return activation.process


# --- Formal check and the call to supplement ---------------------------------------------------------------------


def is_formally_complete(activation) -> bool:
    return activation.process.formally_complete


def _open_request(application_id: int) -> SupplementRequest | None:
    return SupplementRequest.objects.filter(
        application_id=application_id, answered_at__isnull=True, expired_at__isnull=True
    ).first()


def send_call_to_supplement(activation) -> None:
    application = _application(activation)
    request = _open_request(application.pk)
    # The deadline runs from delivery: until the letter is opened, its latest moment (deemed delivery + the period).
    # Calls made together go out in one letter (art. 106e ust. 2), perhaps already with the call to pay.
    set_status(application, ApplicationStatus.AWAITING_SUPPLEMENT)
    if request.delivery_id is not None:
        return  # it went out with the call to pay, which announced it in the account (`endings.send_call_to_pay`)
    send_open_calls(application)
    request.refresh_from_db()
    announce_call_to_supplement(application, request)


def announce_call_to_supplement(application, request: SupplementRequest) -> None:
    """The call on the applicant's case page, with its deadline and the page to answer it on."""
    record_event(
        application,
        CaseEvent.Kind.CALL_TO_SUPPLEMENT,
        data={"deadline": timezone.localdate(request.deadline).isoformat(), "days": request.days},
        due_at=request.deadline,
        action_url=reverse("workflows:supplement", kwargs={"case_id": application.public_id}),
    )


def supplement_deadline(activation) -> datetime:
    request = _open_request(activation.process.application_id)
    return request.deadline if request else timezone.now()


def applicant_of(activation):
    return activation.process.application.applicant


def leave_unexamined(activation) -> None:
    """The deadline passed (or the applicant never came for fingerprints): the case ends, with its letter."""
    application = _application(activation)
    request = _open_request(application.pk)
    if request is not None:
        request.expired_at = timezone.now()
        request.save(update_fields=["expired_at"])
    reason = "fingerprints" if activation.process.fingerprints_outcome else "supplement"
    deliver_letter(letters.issue_left_unexamined(application, reason=reason))
    set_status(application, ApplicationStatus.LEFT_UNEXAMINED)
    record_event(application, CaseEvent.Kind.LEFT_UNEXAMINED, data={"reason": reason})
    lapse_legal_stay_certificate(application, reason=LapseReason.CASE_ENDED)
    audit(None, "case.left_unexamined", application=application, obj=request, data={"reason": reason})


# --- The call for evidence (art. 106f) -------------------------------------------------------------------------


def _open_evidence(application_id: int) -> EvidenceRequest | None:
    return EvidenceRequest.objects.filter(
        application_id=application_id, answered_at__isnull=True, expired_at__isnull=True
    ).first()


def evidence_requested(activation) -> bool:
    return _open_evidence(activation.process.application_id) is not None


def send_call_for_evidence(activation) -> None:
    application = _application(activation)
    request = _open_evidence(application.pk)
    if request.delivery_id is not None:  # it went out with the call to pay, which announced it (art. 106e ust. 2)
        refresh_decision_clock(application)
        return
    send_open_calls(application)
    request.refresh_from_db()
    announce_call_for_evidence(application, request)


def announce_call_for_evidence(application, request: EvidenceRequest) -> None:
    record_event(
        application,
        CaseEvent.Kind.CALL_FOR_EVIDENCE,
        data={
            "deadline": timezone.localdate(request.deadline).isoformat(),
            "items": request.items,
            "days": request.days,
            "evidence_requested": True,
        },
        due_at=request.deadline,
        action_url=reverse("workflows:evidence", kwargs={"case_id": application.public_id}),
    )
    refresh_decision_clock(application)


def evidence_deadline(activation) -> datetime:
    request = _open_evidence(activation.process.application_id)
    return request.deadline if request else timezone.now()


def evidence_deadline_passed(activation) -> None:
    """No answer by the deadline: the case goes on without it, and the decision clock starts from that day."""
    application = _application(activation)
    request = _open_evidence(application.pk)
    if request is None:
        return
    request.expired_at = timezone.now()
    request.save(update_fields=["expired_at"])
    record_event(
        application,
        CaseEvent.Kind.EVIDENCE_DEADLINE_PASSED,
        data={"evidence_on": polish_day(request.deadline).isoformat()},
    )
    refresh_decision_clock(application)
    audit(None, "evidence.deadline_passed", application=application, obj=request)


# --- Fingerprints ------------------------------------------------------------------------------------------------


def send_summons(activation) -> None:
    application = _application(activation)
    appointment = Appointment.objects.filter(application=application).select_related("booked_by").first()
    if appointment.delivery_id is None:
        send_open_calls(application)  # with any other call not yet sent (art. 106e ust. 2)
        appointment.refresh_from_db()
    record_event(
        application,
        CaseEvent.Kind.APPOINTMENT,
        due_at=appointment.starts_at,
        data={"at": timezone.localtime(appointment.starts_at).isoformat(), "place": appointment.place},
    )


def discontinue_for_no_show(activation) -> None:
    """The applicant did not appear without excuse: the proceedings are discontinued (art. 106i), with a decision."""
    application = _application(activation)
    appointment = Appointment.objects.filter(application=application).first()
    letter = letters.issue_discontinuance(application, appointment)
    deliver_letter(letter)
    set_status(application, ApplicationStatus.DISCONTINUED)
    record_event(application, CaseEvent.Kind.DISCONTINUED, data={"reason": "no_show"})
    lapse_legal_stay_certificate(application, reason=LapseReason.CASE_ENDED)
    audit(None, "case.discontinued_no_show", application=application, obj=appointment)


def fingerprints_taken(activation) -> bool:
    return activation.process.fingerprints_outcome == Appointment.Outcome.TAKEN


def new_appointment_needed(activation) -> bool:
    return activation.process.fingerprints_outcome == Appointment.Outcome.NO_SHOW_REBOOK


# --- Consultations -----------------------------------------------------------------------------------------------


#: Art. 109: no consultation for a person who had not turned 13 on the day of filing.
CONSULTATION_MIN_AGE = 13


def consultations_required(activation) -> bool:
    """Art. 109 exempts a person under 13 on the day the application was filed."""
    from .services import age_on

    application = activation.process.application
    age = age_on(application, timezone.localdate(application.submitted_at))
    return age is None or age >= CONSULTATION_MIN_AGE


def needs_consul(activation) -> bool:
    """The consul is consulted when the officer decided so at the formal check (art. 109)."""
    return activation.process.consul_requested


def needs_labour_office(activation) -> bool:
    """No statute provides a labour-office consultation: no case is routed to it any more (art. 109 names none)."""
    return False


def open_consultations(activation) -> None:
    application = _application(activation)
    deadline = last_moment(timezone.now(), consultation_days())
    agencies = [Agency.BORDER_GUARD, Agency.POLICE, Agency.ABW]
    if activation.process.consul_requested:
        agencies.append(Agency.CONSUL)
    for agency in agencies:
        Consultation.objects.create(application=application, agency=agency, deadline=deadline)
    record_event(application, CaseEvent.Kind.CONSULTATIONS)


def _consultation(application_id: int, agency: str) -> Consultation:
    return Consultation.objects.filter(application_id=application_id, agency=agency).first()


def consultation_deadline(agency: str) -> Callable:
    def deadline(activation) -> datetime:
        return _consultation(activation.process.application_id, agency).deadline

    return deadline


def consultation_expired(agency: str) -> Callable:
    """The law counts an unanswered consultation as no objection once its deadline has passed."""

    def expire(activation) -> None:
        consultation = _consultation(activation.process.application_id, agency)
        if not consultation.answer:
            consultation.answer, consultation.deemed = Consultation.Answer.NO_OBJECTIONS, True
            consultation.answered_at = timezone.now()
            consultation.save(update_fields=["answer", "deemed", "answered_at"])
            audit(
                None,
                "consultation.deemed_no_objection",
                application=consultation.application,
                obj=consultation,
                data={"agency": agency},
            )

    return expire


# --- Decision ----------------------------------------------------------------------------------------------------


def _decision(activation) -> Decision:
    return Decision.objects.filter(application_id=activation.process.application_id).first()


def approval_required(activation) -> bool:
    return _decision(activation).needs_approval


def decision_approved(activation) -> bool:
    return bool(_decision(activation).approved)


def is_granted(activation) -> bool:
    return _decision(activation).kind == DecisionKind.GRANT


def deliver_decision(activation) -> None:
    application = _application(activation)
    decision = _decision(activation)
    deliver_letter(letters.issue_decision(application, decision))  # the 14 days for an appeal run from delivery
    decision.issued_at = timezone.now()
    decision.save(update_fields=["issued_at"])
    set_status(application, ApplicationStatus.DECISION_ISSUED)
    data = {"kind": decision.kind}
    if decision.kind == DecisionKind.GRANT and decision.indefinite:
        data.update(indefinite=True)  # no period: granted for an indefinite time
    elif decision.kind == DecisionKind.GRANT:
        data.update(valid_from=decision.valid_from.isoformat(), valid_to=decision.valid_to.isoformat())
    record_event(application, CaseEvent.Kind.DECISION, data=data)
    # The first instance has decided: its art. 36 and suspension watch has nothing more to watch (the appeal has its
    # own timers), so it stops here rather than fire while the case is with the appeal.
    from .endings import stop_watch

    stop_watch(application)
    # The legal stay of art. 108 lasts until the decision is final: the certificate lapses then (`workflows.finality`).
    audit(None, "decision.delivered", application=application, obj=decision, data=data)


def owner_of_last(node_name: str) -> Callable:
    """Give a follow-up step to the officer who did `node_name` last (None, or an applicant's booking: the queue)."""

    def owner(activation):
        from viewflow.workflow.status import STATUS

        done = (
            activation.process.task_set.filter(status=STATUS.DONE, owner__staff_membership__isnull=False)
            .select_related("owner")
            .order_by("-finished")
        )
        return next((task.owner for task in done if task.flow_task.name == node_name), None)

    return owner
