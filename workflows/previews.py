"""The letter an officer's step would send, built from the step's form before anything is saved, so the officer
reads it as a draft and confirms (`views.TaskView`). The same `letters.*_letter` functions describe what is issued."""

from __future__ import annotations

from collections.abc import Callable

from django.utils import timezone
from viewflow.workflow.models import Task

from . import letters
from .decisions import check_grant
from .models import Appointment, Decision, SupplementRequest
from .services import application_of, supplement_days


def _call_to_supplement(task: Task, user, data: dict) -> letters.Letter | None:
    if data.get("complete") != "no":
        return None  # complete: no letter goes out
    application = application_of(task)
    request = SupplementRequest(
        application=application,
        defects=[line.strip() for line in data["defect_list"] if line.strip()],
        requested_by=user,
        days=data.get("deadline_days") or supplement_days(),  # as services.complete_formal_check sets it
    )
    return letters.call_to_supplement_letter(application, request)


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
    )
    if grant:  # computed as `services.decide` computes it (the form has passed the same check)
        decision.fully_grants = check_grant(
            application,
            valid_from=decision.valid_from,
            valid_to=decision.valid_to,
            justification=decision.justification,
            on=timezone.localdate(),
        ).fully_grants
    return letters.decision_letter(application, decision)


#: node name -> the letter its form would send (None: this answer sends none)
LETTER_OF_STEP: dict[str, Callable[[Task, object, dict], letters.Letter | None]] = {
    "formal_check": _call_to_supplement,
    "formal_check_again": _call_to_supplement,
    "book_appointment": _summons,
    "decide": _decision,
    "redecide": _decision,
}


def sends_letter(task: Task) -> bool:
    return task.flow_task.name in LETTER_OF_STEP


def letter_for(task: Task, user, data: dict) -> letters.Letter | None:
    """The letter the step would send with this (valid) form data, or None."""
    build = LETTER_OF_STEP.get(task.flow_task.name)
    return build(task, user, data) if build else None
