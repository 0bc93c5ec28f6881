"""Reads for office staff, always scoped by the user's office: a task or case of another office is simply not there."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.paginator import Page
from django.db import connection
from django.db.models import Aggregate, Count, DurationField, ExpressionWrapper, F, QuerySet, Value
from django.shortcuts import get_object_or_404
from django.utils import timezone
from viewflow.workflow.models import Task
from viewflow.workflow.status import PROCESS, STATUS

from applications.case_models import Application, Attachment
from applications.presentation import EXTRA_ATTACHMENT_NAMES, summarise
from applications.tracking import DecisionClock
from documents.models import Document
from documents.selectors import documents_for_office
from formdefs.api import LegalStayCheck, legal_stay_check, notices_for

from .clock import clock_of
from .deadlines import earliest_appointment
from .flows import ResidencePermitFlow
from .models import (
    TASK_OFFICE_KEY,
    Appointment,
    AppointmentSlot,
    CaseProcess,
    Consultation,
    Decision,
    Finality,
    SupplementRequest,
)
from .paging import page_of
from .services import APPLICANT_NODES, SECOND_INSTANCE_NODES, SUPERVISOR_NODES, is_staff, is_supervisor, office_id_of

OPEN = (STATUS.NEW, STATUS.ASSIGNED)


def _nodes(names) -> list:
    return [getattr(ResidencePermitFlow, name) for name in names]


def tasks_of_office(user) -> QuerySet[Task]:
    """Human tasks of the user's office (none for anybody who is not staff), by the office stamped on each task."""
    if not is_staff(user):
        return Task.objects.none()
    return (
        Task.objects.filter(**{f"data__{TASK_OFFICE_KEY}": office_id_of(user)}, flow_task_type="HUMAN")
        .exclude(flow_task__in=_nodes(APPLICANT_NODES | SECOND_INSTANCE_NODES))
        .select_related("owner", "process__caseprocess__application")
    )


def inbox(user) -> QuerySet[Task]:
    return tasks_of_office(user).filter(status=STATUS.ASSIGNED, owner=user).order_by("created")


def queue(user) -> QuerySet[Task]:
    """Unassigned tasks this user may claim (approvals only for supervisors)."""
    tasks = tasks_of_office(user).filter(status=STATUS.NEW, owner__isnull=True)
    if not is_supervisor(user):
        tasks = tasks.exclude(flow_task__in=_nodes(SUPERVISOR_NODES))
    return tasks.order_by("created")


def open_tasks_of_office(user) -> QuerySet[Task]:
    """Everything open in the office (the supervisor's view)."""
    if not is_supervisor(user):
        return Task.objects.none()
    return tasks_of_office(user).filter(status__in=OPEN).order_by("created")


#: The officer steps in the order a case meets them (the stage filter lists them so).
STAGE_ORDER = (
    "formal_check",
    "formal_check_again",
    "book_appointment",
    "fingerprints",
    "consult_border_guard",
    "consult_police",
    "consult_abw",
    "consult_labour_office",
    "review",
    "decide",
    "approve",
    "redecide",
    "appeal_review",
    "residence_card",
)


def office_stages(user) -> list[tuple[str, str]]:
    """The officer steps of the flow this user's lists can hold, as (node name, title) in the order of the flow."""
    hidden = set(APPLICANT_NODES) | set(SECOND_INSTANCE_NODES)
    if not is_supervisor(user):
        hidden |= set(SUPERVISOR_NODES)
    nodes = [
        node for node in ResidencePermitFlow.instance.nodes() if node.task_type == "HUMAN" and node.name not in hidden
    ]
    nodes.sort(key=lambda node: STAGE_ORDER.index(node.name) if node.name in STAGE_ORDER else len(STAGE_ORDER))
    return [(node.name, str(node.task_title)) for node in nodes]


def office_staff(user) -> QuerySet:
    """The active officers and supervisors of the user's office (the assignee filter of the supervisor's list)."""
    from accounts.models import User

    return User.objects.filter(staff_membership__office_id=office_id_of(user), is_active=True).order_by(
        "last_name", "first_name", "email"
    )


def office_task(user, task_id: int) -> Task:
    return get_object_or_404(tasks_of_office(user), pk=task_id)


def cases_of_office(user) -> QuerySet[Application]:
    if not is_staff(user):
        return Application.objects.none()
    # Not the definition: its JSON spec is large, and a page of 25 cases parsed it 25 times (about 25 ms).
    return Application.objects.filter(office_id=office_id_of(user)).select_related("office")


CASE_NUMBER = re.compile(r"^\d{2}/\d{4}/\d{6}$")


def search_cases(user, query: str) -> QuerySet[Application]:
    """The office's cases an officer is looking for, newest first, by what was typed:
    a case number (exact), a travel document number (has a digit: exact, any case, spaces ignored), otherwise the
    start of a surname (any case). Each kind has its own index (case number; document number; office + upper-case
    surname prefix, migration applications 0008), so a search stays fast at a million cases."""
    query = query.strip()
    cases = cases_of_office(user).order_by("-submitted_at")
    if CASE_NUMBER.match(query):
        return cases.filter(case_number=query)
    if any(character.isdigit() for character in query):
        return cases.filter(travel_document_number=query.replace(" ", "").upper())
    return cases.filter(surname__istartswith=query)


def office_case(user, case_id) -> Application:
    return get_object_or_404(cases_of_office(user).select_related("definition"), public_id=case_id)


def office_document(user, document_id) -> Document:
    if not is_staff(user) and user.is_authenticated and user.has_role("second_instance"):
        from .appeal_selectors import forwarded_document

        return forwarded_document(user, document_id)
    documents = documents_for_office_id(office_id_of(user)) if is_staff(user) else Document.objects.none()
    return get_object_or_404(documents, public_id=document_id)


def documents_for_office_id(office_id: int) -> QuerySet[Document]:
    from applications.models import Office

    return documents_for_office(Office(pk=office_id))


def office_attachment(user, attachment_id) -> Attachment:
    if not is_staff(user) and user.is_authenticated and user.has_role("second_instance"):
        from .appeal_selectors import forwarded_attachment

        return forwarded_attachment(user, attachment_id)
    if not is_staff(user):
        return get_object_or_404(Attachment.objects.none(), public_id=attachment_id)
    return get_object_or_404(
        Attachment.objects.filter(application__office_id=office_id_of(user)), public_id=attachment_id
    )


def free_slots(user) -> QuerySet[AppointmentSlot]:
    return AppointmentSlot.objects.filter(
        office_id=office_id_of(user), appointment__isnull=True, starts_at__gte=earliest_appointment(timezone.now())
    ).order_by("starts_at")


def colleagues(user, task: Task) -> list:
    """Staff of the user's office who could be given `task` (for a supervisor's reassignment)."""
    from accounts.models import User

    from .services import may_work_on

    staff = User.objects.filter(staff_membership__office_id=office_id_of(user), is_active=True).order_by("email")
    return [person for person in staff if may_work_on(person, task)]


#: Attachment kinds shown inside the page (the upload checks sniff the bytes, so the type can be trusted).
IMAGE_TYPES = frozenset({"image/jpeg", "image/png"})
PDF_TYPE = "application/pdf"
PHOTO_REQUIREMENT = "photo"
#: Names of attachments that are not a requirement of the form (the applicant's answer to a call to supplement).


def handover_colleagues(user, task: Task) -> list:
    """The colleagues of the same office who could take over `task` from `user` (two queries, however many)."""
    from accounts.models import User

    wanted = {"supervisor"} if task.flow_task.name in SUPERVISOR_NODES else {"officer", "supervisor"}
    people = (
        User.objects.filter(staff_membership__office_id=office_id_of(user), is_active=True, groups__name__in=wanted)
        .exclude(pk=user.pk)
        .distinct()
        .order_by("email")
    )
    return list(people) if is_staff(user) and task.flow_task.name not in APPLICANT_NODES else []


@dataclass(frozen=True)
class AttachmentItem:
    """An attachment as the officer's case page lists and shows it."""

    attachment: Attachment
    name: str  # the requirement's name in the reader's language, as on the form

    @property
    def is_image(self) -> bool:
        return self.attachment.content_type in IMAGE_TYPES

    @property
    def is_pdf(self) -> bool:
        return self.attachment.content_type == PDF_TYPE

    @property
    def viewer_kind(self) -> str:
        return "image" if self.is_image else "pdf" if self.is_pdf else ""


def attachment_items(application: Application, language: str) -> list[AttachmentItem]:
    """The case's attachments named by their requirement in `language` (not `health_insurance`), form order first."""
    requirements = application.definition.spec.attachments
    names = {requirement.key: requirement.label.get(language) for requirement in requirements}
    order = {requirement.key: index for index, requirement in enumerate(requirements)}
    attachments = sorted(
        application.attachments.all(), key=lambda a: (order.get(a.requirement, len(order)), a.uploaded_at, a.pk)
    )
    return [
        AttachmentItem(
            attachment=a, name=names.get(a.requirement) or str(EXTRA_ATTACHMENT_NAMES.get(a.requirement, a.requirement))
        )
        for a in attachments
    ]


@dataclass
class CaseFile:
    """Everything an officer sees about a case on a task page."""

    application: Application
    permit_title: str
    summary: list
    annex_summary: list | None
    attachments: list[AttachmentItem]
    documents: list
    supplement_requests: list
    appointments: list
    consultations: list
    decisions: list
    history: list = field(default_factory=list)
    decision_clock: DecisionClock | None = None
    appeals: list = field(default_factory=list)
    finality: object | None = None
    legal_stay: LegalStayCheck | None = None  # filed within the legal stay? (2026 forms: art. 105 ust. 1, art. 108)
    facts: list = field(default_factory=list)  # what the definition's notices found, as of the filing day

    @property
    def photo(self) -> AttachmentItem | None:
        """The applicant's photograph (the latest one), shown beside the personal data."""
        photos = [item for item in self.attachments if item.attachment.requirement == PHOTO_REQUIREMENT]
        return next((item for item in reversed(photos) if item.is_image), None)

    @property
    def personal_summary(self) -> list:
        """The first step of the form (the personal data), shown beside the photograph."""
        return self.summary[:1]

    @property
    def other_summary(self) -> list:
        return self.summary[1:]


def case_file(application: Application, language: str) -> CaseFile:
    annex = getattr(application.draft, "employer_annex", None)
    return CaseFile(
        application=application,
        permit_title=application.definition.spec.title.get(language),
        summary=summarise(application.definition.spec, application.answers, language),
        annex_summary=summarise(annex.definition.spec, annex.answers, language) if annex else None,
        attachments=attachment_items(application, language),
        documents=list(application.documents.select_related("delivery").order_by("created_at", "pk")),
        supplement_requests=list(SupplementRequest.objects.filter(application=application)),
        appointments=list(Appointment.objects.filter(application=application)),
        consultations=list(Consultation.objects.filter(application=application)),
        decisions=list(
            Decision.objects.filter(application=application).select_related(
                "review__proposed_by", "decided_by", "approved_by"
            )
        ),
        history=list(
            Task.objects.filter(process__caseprocess__application=application, flow_task_type="HUMAN")
            .select_related("owner")
            .order_by("created")
        ),
        decision_clock=clock_of(application),
        appeals=list(application.appeals.select_related("receipt", "decision_letter").order_by("filed_at", "pk")),
        finality=Finality.objects.filter(application=application).first(),
        legal_stay=legal_stay_check(
            application.answers, timezone.localdate(application.submitted_at), spec=application.definition.spec
        ),
        facts=notices_for(
            application.definition.spec, application.answers, on=timezone.localdate(application.submitted_at)
        ),
    )


#: The dashboard lists the cases whose decision is due within this many days (or overdue).
DECISION_DUE_SOON_DAYS = 14


@dataclass(frozen=True)
class BacklogRow:
    """Open tasks of one stage or one officer: how many, and the median days they have been waiting."""

    label: str
    count: int
    median_days: float | None


@dataclass
class Dashboard:
    stages: list[BacklogRow]
    officers: list[BacklogRow]
    overdue_supplements: Page
    overdue_consultations: Page
    overdue_appointments: list[Appointment]
    median_days_to_decision: float | None
    decisions_counted: int
    decisions_due_soon: list[CaseProcess] = field(default_factory=list)


class _Median(Aggregate):
    """PostgreSQL's median (the 50th percentile) of an interval or a number."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    allow_distinct = False


def _days(value) -> float | None:
    if value is None:
        return None
    return round(value.total_seconds() / 86400, 1)


def _backlog(tasks: QuerySet[Task], key: str, since: str, now) -> dict:
    """{key value: (count, median days since `since`)}: one query on PostgreSQL (the median in the database); on
    SQLite, which has no percentile, one query for the dates and the median in Python."""
    if connection.vendor == "postgresql":
        waited = ExpressionWrapper(Value(now) - F(since), output_field=DurationField())
        rows = (
            tasks.values(key)
            .annotate(count=Count("id"), median=_Median(waited, output_field=DurationField()))
            .order_by()
        )
        return {row[key]: (row["count"], _days(row["median"])) for row in rows}
    waits: dict = {}
    for value, started in tasks.values_list(key, since):
        waits.setdefault(value, []).append(now - started if started else None)
    return {
        value: (len(times), _days(statistics.median([t for t in times if t is not None])) if any(times) else None)
        for value, times in waits.items()
    }


def dashboard(user, *, supplements_page=None, consultations_page=None) -> Dashboard:
    """The office's backlog per stage and per officer (with the median days waiting), what is past its deadline
    (paged), and the median days from submission to decision (30 days): a fixed number of queries, however many."""
    from accounts.models import User

    office_id = office_id_of(user)
    now = timezone.now()
    open_tasks = Task.objects.filter(
        **{f"data__{TASK_OFFICE_KEY}": office_id}, status__in=OPEN, flow_task_type="HUMAN"
    ).exclude(flow_task__in=_nodes(APPLICANT_NODES | SECOND_INSTANCE_NODES))  # not the Head of the Office's work
    per_stage = Counter()
    stage_medians: dict[str, float | None] = {}
    for node, (count, median) in _backlog(open_tasks, "flow_task", "created", now).items():
        title = str(node.task_title or node.name)
        per_stage[title] += count
        stage_medians.setdefault(title, median)
    per_owner = _backlog(open_tasks.filter(status=STATUS.ASSIGNED), "owner", "assigned", now)
    names = {person.pk: str(person) for person in User.objects.filter(pk__in=list(per_owner))}
    decisions = Decision.objects.filter(application__office_id=office_id, issued_at__gte=now - timedelta(days=30))
    days = [
        (issued - submitted).total_seconds() / 86400
        for issued, submitted in decisions.values_list("issued_at", "application__submitted_at")
    ]
    supplements = (
        SupplementRequest.objects.filter(
            application__office_id=office_id, answered_at__isnull=True, expired_at__isnull=True, deadline__lt=now
        )
        .select_related("application")
        .order_by("deadline", "pk")
    )
    consultations = (
        Consultation.objects.filter(application__office_id=office_id, answer="", deadline__lt=now)
        .select_related("application")
        .order_by("deadline", "pk")
    )
    return Dashboard(
        stages=[BacklogRow(title, count, stage_medians[title]) for title, count in sorted(per_stage.items())],
        officers=sorted(
            (BacklogRow(names.get(owner, "—"), count, median) for owner, (count, median) in per_owner.items()),
            key=lambda row: (-row.count, row.label),
        ),
        overdue_supplements=page_of(supplements, supplements_page),
        overdue_consultations=page_of(consultations, consultations_page),
        overdue_appointments=list(
            Appointment.objects.filter(application__office_id=office_id, outcome="", starts_at__lt=now).select_related(
                "application"
            )[:50]
        ),
        decisions_due_soon=list(
            CaseProcess.objects.filter(
                application__office_id=office_id,
                decision_due_on__isnull=False,
                decision_due_on__lte=timezone.localdate(now) + timedelta(days=DECISION_DUE_SOON_DAYS),
            )
            .exclude(status__in=[PROCESS.DONE, PROCESS.CANCELED])
            .select_related("application")
            .order_by("decision_due_on")[:50]
        ),
        median_days_to_decision=round(statistics.median(days), 1) if days else None,
        decisions_counted=len(days),
    )
