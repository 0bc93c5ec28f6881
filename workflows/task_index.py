"""What the office lists know of a task without joining its case: stamped into `Task.data` when the task is created.

The queue filters by permit and purpose and sorts by the legal deadline, the filing date or the case number. Read
through joins, a sorted page of one office at 1,000,000 cases had to join every open task to its process, case process
and application before it could sort; stamped on the task, the partial indexes of migration 0005 answer it alone.
A case never changes its permit, purpose, filing date or number; a deadline that moves is stamped again by
`restamp_deadlines` (whoever moves it calls that).

The legal deadline of a task is read in ONE place, `legal_deadline`: the deadline the legal calendar
(`workflows.deadlines`) gave the consultation, the appointment, the call to supplement or for evidence, else the
decision clock (`workflows.clock`, the one function behind every page). Whatever moves one of those (a letter opened,
a consultation extended, the clock refreshed) calls `restamp_deadlines`.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from applications.case_models import Application
from applications.services import answer

#: Keys of the stamp in `Task.data` (next to `models.TASK_OFFICE_KEY`).
PERMIT_KEY, PURPOSE_KEY, DEADLINE_KEY, FILED_KEY, CASE_KEY = "permit", "purpose", "due", "filed", "case"
LISTING_KEYS = (PERMIT_KEY, PURPOSE_KEY, DEADLINE_KEY, FILED_KEY, CASE_KEY)
#: What a purpose reads as when the form has no purpose question (permanent residence, EU long-term resident).
NO_PURPOSE = ""


def purpose_of(application: Application) -> str:
    """The purpose of stay the applicant chose (point of the temporary residence form), or NO_PURPOSE."""
    value = answer(application.answers or {}, "purpose_of_stay")
    return value if isinstance(value, str) else NO_PURPOSE


def legal_deadline(node: str, application: Application) -> date | None:
    """The last day (Polish time) by which the step `node` of this case must be done under the law, as stored today.

    A consultation: the day the agency's 30 days end (silence counts as no objection). Recording the fingerprints:
    the day of the appointment. The applicant's supplement or evidence: the deadline of the call. Every other step
    works towards the decision, so its deadline is the decision clock's date (art. 112a: 60 days; art. 210: 6 months
    for permanent and EU long-term residence), or none while the clock does not run.
    """
    from .clock import clock_of
    from .flows import CONSULTATION_NODES
    from .models import Appointment, Consultation, EvidenceRequest, SupplementRequest

    moment = None
    if node in CONSULTATION_NODES:
        moment = (
            Consultation.objects.filter(application=application, agency=CONSULTATION_NODES[node])
            .values_list("deadline", flat=True)
            .first()
        )
    elif node == "fingerprints":
        moment = Appointment.objects.filter(application=application).values_list("starts_at", flat=True).first()
    elif node == "supplement":
        moment = (
            SupplementRequest.objects.filter(application=application, answered_at__isnull=True, expired_at__isnull=True)
            .values_list("deadline", flat=True)
            .first()
        )
    elif node == "evidence":
        moment = (
            EvidenceRequest.objects.filter(application=application, answered_at__isnull=True)
            .values_list("deadline", flat=True)
            .first()
        )
    if moment is not None:
        return timezone.localdate(moment)
    return clock_of(application).due_on


def listing_stamp(node: str, application: Application) -> dict:
    """The keys the office lists read from `Task.data` for a task of step `node` of this case."""
    deadline = legal_deadline(node, application)
    return {
        PERMIT_KEY: application.definition.slug,
        PURPOSE_KEY: purpose_of(application),
        DEADLINE_KEY: deadline.isoformat() if deadline else None,
        FILED_KEY: application.submitted_at.isoformat() if application.submitted_at else None,
        CASE_KEY: application.case_number,
    }


def restamp_deadlines(application: Application) -> int:
    """Stamp the open tasks of a case again after one of its deadlines moved; returns how many were updated."""
    tasks = Task.objects.filter(
        process__caseprocess__application=application, status__in=[STATUS.NEW, STATUS.ASSIGNED, STATUS.SCHEDULED]
    )
    updated = 0
    for task in tasks:
        deadline = legal_deadline(task.flow_task.name, application)
        data = dict(task.data or {})
        data[DEADLINE_KEY] = deadline.isoformat() if deadline else None
        Task.objects.filter(pk=task.pk).update(data=data)
        updated += 1
    return updated
