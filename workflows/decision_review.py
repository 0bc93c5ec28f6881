"""The second pair of eyes on a decision: the supervisor reads the same draft the officer confirmed, and a returned
decision reaches the officer with the supervisor's reason."""

from __future__ import annotations

from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from . import letters
from .models import Decision
from .services import application_of


def awaiting_approval(task: Task) -> Decision | None:
    """The decision an open approval task is about (None for any other task, or one no longer open)."""
    if task.flow_task.name != "approve" or task.status not in (STATUS.NEW, STATUS.ASSIGNED):
        return None
    return Decision.objects.select_related("decided_by").filter(application=application_of(task)).first()


def draft_for_approval(task: Task) -> bytes | None:
    """The decision as an unsealed draft marked PROJEKT, from the same `letters.decision_letter` as the issued one."""
    decision = awaiting_approval(task)
    if decision is None:
        return None
    application = decision.application
    return letters.preview(application, letters.decision_letter(application, decision))


def returned_decision(application) -> Decision | None:
    """The last decision a supervisor returned, with the reason (`approval_note`) the officer must read."""
    latest = Decision.objects.select_related("approved_by").filter(application=application).first()
    return latest if latest is not None and latest.approved is False else None
