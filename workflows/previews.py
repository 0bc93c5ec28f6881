"""The letter an officer's step would send, built from the step's form before anything is saved, so the officer
reads it as a draft and confirms (`views.TaskView`). The same `letters.*_letter` functions describe what is issued."""

from __future__ import annotations

from collections.abc import Callable

from django.utils import timezone
from viewflow.workflow.models import Task

from . import letters
from .decisions import check_grant
from .models import Appointment, Decision, EvidenceRequest, PaymentRequest, SupplementRequest
from .refusal_grounds import chosen
from .services import application_of, supplement_days


def _call_to_supplement(task: Task, user, data: dict) -> letters.Letter | None:
    """The formal check's letter: the refusal to initiate, or every call it makes in one letter (art. 106e ust. 2)."""
    from .deadlines import DeadlineKind, rule_for
    from .ending_letters import refusal_to_initiate_letter
    from .endings import letter_of_calls, stamp_duty_for

    application = application_of(task)
    if (data.get("refuse_to_initiate") or "").strip():
        return refusal_to_initiate_letter(application, reason=data["refuse_to_initiate"].strip(), officer=user)
    calls: list = []
    if data.get("complete") == "no":
        calls.append(
            SupplementRequest(
                application=application,
                defects=[line.strip() for line in data["defect_list"] if line.strip()],
                requested_by=user,
                days=data.get("deadline_days") or supplement_days(),  # as services.complete_formal_check sets it
            )
        )
    elif data.get("evidence_list"):  # alone, its own letter (sent by the flow's next step); with the fee, combined
        days = data.get("evidence_days") or rule_for(DeadlineKind.CALL_FOR_EVIDENCE).default_days
        calls.append(
            EvidenceRequest(application=application, items=data["evidence_list"], days=days, requested_by=user)
        )
    if data.get("stamp_duty_paid") == "no":
        days = data.get("pay_days") or rule_for(DeadlineKind.CALL_TO_PAY).default_days
        calls.append(
            PaymentRequest(application=application, amount=stamp_duty_for(application), days=days, requested_by=user)
        )
    if not calls:
        return None  # complete and paid, nothing asked: no letter goes out
    return letter_of_calls(application, calls, officer=user)


def _delay_notice(task: Task, user, data: dict) -> letters.Letter | None:
    from .endings import preview_delay_notice

    return preview_delay_notice(application_of(task), user, data)


def _suspension(task: Task, user, data: dict) -> letters.Letter | None:
    """The order suspending the proceedings, or the order refusing to, with the officer's reason (both are orders
    the party may challenge: each is read as a draft)."""
    from .ending_letters import suspension_letter, suspension_refusal_letter
    from .endings import open_suspension_request

    application = application_of(task)
    request = open_suspension_request(application)
    requested_on = timezone.localdate(request.requested_at) if request else timezone.localdate()
    if data.get("suspend") == "yes":
        return suspension_letter(application, requested_on=requested_on, officer=user)
    reason = (data.get("reason") or "").strip()
    if data.get("suspend") != "no" or not reason:
        return None  # the form refuses a refusal without a reason
    return suspension_refusal_letter(application, requested_on=requested_on, reason=reason, officer=user)


def _summons(task: Task, user, data: dict) -> letters.Letter | None:
    application = application_of(task)
    slot = data.get("slot")
    appointment = Appointment(
        application=application,
        starts_at=slot.starts_at if slot else data["starts_at"],
        place=slot.place if slot else (data.get("place") or "").strip(),
        booked_by=user,
    )
    return letters.summons_letter(application, appointment)


def _no_show(task: Task, user, data: dict) -> letters.Letter | None:
    """A no-show without excuse ends the proceedings with a decision (art. 106i): read as a draft before it leaves."""
    from .services import no_show_cannot_end

    if data.get("outcome") != Appointment.Outcome.NO_SHOW_END:
        return None
    application = application_of(task)
    appointment = Appointment.objects.filter(application=application).select_related("delivery").first()
    if appointment is None or no_show_cannot_end(application, appointment):
        return None  # the step refuses it with its message
    return letters.discontinuance_letter(application, appointment)


def _decision(task: Task, user, data: dict) -> letters.Letter | None:
    application = application_of(task)
    grant = data["kind"] == "grant"
    decision = Decision(
        application=application,
        kind=data["kind"],
        valid_from=data.get("valid_from") if grant else None,
        valid_to=data.get("valid_to") if grant else None,
        justification=(data.get("justification") or "").strip(),
        decided_by=user,
        refusal_grounds=[] if grant else chosen(application, data.get("grounds") or []),
    )
    if grant:  # computed as `services.decide` computes it (the form has passed the same check)
        assessment = check_grant(
            application,
            valid_from=decision.valid_from,
            valid_to=decision.valid_to,
            justification=decision.justification,
            on=timezone.localdate(),
        )
        decision.fully_grants, decision.indefinite = assessment.fully_grants, assessment.indefinite
    return letters.decision_letter(application, decision)


def _voivode_grants_appeal(task: Task, user, data: dict) -> letters.Letter | None:
    """The voivode's own new decision granting the appeal (art. 132 k.p.a.); forwarding the file sends no letter."""
    from .models import Appeal

    if data.get("outcome") != Appeal.VoivodeOutcome.GRANTED:
        return None
    return _decision(task, user, {**data, "kind": "grant"})


#: node name -> the letter its form would send (None: this answer sends none)
LETTER_OF_STEP: dict[str, Callable[[Task, object, dict], letters.Letter | None]] = {
    "formal_check": _call_to_supplement,
    "formal_check_again": _call_to_supplement,
    "book_appointment": _summons,
    "fingerprints": _no_show,
    "decide": _decision,
    "redecide": _decision,
    "delay_notice": _delay_notice,
    "decide_suspension": _suspension,
    "appeal_review": _voivode_grants_appeal,
}


def sends_letter(task: Task) -> bool:
    return task.flow_task.name in LETTER_OF_STEP


def letter_for(task: Task, user, data: dict) -> letters.Letter | None:
    """The letter the step would send with this (valid) form data, or None."""
    build = LETTER_OF_STEP.get(task.flow_task.name)
    return build(task, user, data) if build else None
