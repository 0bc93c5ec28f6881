"""The office lists filtered and sorted: by stage, permit, purpose, deadline state and assignee; by the legal deadline
(nearest first, the default), the filing date or the case number. Every filter and sort reads the stamp of
`workflows.task_index` on the task itself, so a page costs the same number of queries, and about the same time, for
an office of ten cases or of a million (partial indexes of migration 0005 on PostgreSQL)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from django.db.models import ExpressionWrapper, F, QuerySet, TextField
from django.db.models.fields.json import KeyTextTransform
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from viewflow.workflow.models import Task

from .task_index import CASE_KEY, DEADLINE_KEY, FILED_KEY, NO_PURPOSE, PERMIT_KEY, PURPOSE_KEY

SORTS = ("deadline", "filed", "case")
DEADLINE_STATES = ("overdue", "week")
#: Days ahead that "due this week" covers (today and the six days after it).
WEEK_DAYS = 6


def task_deadline_annotation() -> ExpressionWrapper:
    """THE read of a task's legal deadline in a query ('YYYY-MM-DD', Polish time): annotate, filter and sort by it.

    The value is stamped by `task_index.legal_deadline` (the one computation); to change where deadlines come from,
    change that function, not the lists.
    """
    # Wrapped, so `<`/`>=` compare text (the JSON key lookups would parse the date as JSON); the SQL stays
    # `data ->> 'due'`, the expression of the indexes of migration 0005.
    return ExpressionWrapper(KeyTextTransform(DEADLINE_KEY, "data"), output_field=TextField())


def task_deadline(task: Task) -> date | None:
    """The legal deadline of one task already read (the same stamp `task_deadline_annotation` reads)."""
    value = (task.data or {}).get(DEADLINE_KEY)
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def filter_and_sort(
    tasks: QuerySet[Task],
    *,
    stage: str = "",
    permit: str = "",
    purpose: str = "",
    deadline: str = "",
    assignee=None,
    sort: str = "deadline",
    today: date | None = None,
) -> QuerySet[Task]:
    """`tasks` narrowed by what the officer chose, in the order asked for (ties broken by id: stable pages)."""
    from .flows import ResidencePermitFlow

    today = today or timezone.localdate()
    tasks = tasks.annotate(legal_deadline=task_deadline_annotation())
    if stage:
        tasks = tasks.filter(flow_task=getattr(ResidencePermitFlow, stage))
    if permit:
        tasks = tasks.filter(**{f"data__{PERMIT_KEY}": permit})
    if purpose:
        tasks = tasks.filter(**{f"data__{PURPOSE_KEY}": purpose})
    if deadline == "overdue":
        tasks = tasks.filter(legal_deadline__lt=today.isoformat())
    elif deadline == "week":
        tasks = tasks.filter(
            legal_deadline__gte=today.isoformat(), legal_deadline__lte=(today + timedelta(days=WEEK_DAYS)).isoformat()
        )
    if assignee is not None:
        tasks = tasks.filter(owner=assignee)
    if sort == "filed":
        key = KeyTextTransform(FILED_KEY, "data")
    elif sort == "case":
        key = KeyTextTransform(CASE_KEY, "data")
    else:
        key = F("legal_deadline")
    return tasks.order_by(key.asc(nulls_last=True), "id")


#: What a row of an office list reads (`task_rows` and the list's template), and nothing else: every other column
#: of the task, its process, the case and the officer was compiled into the query, sent and decoded for each row
#: (the case's answers and signature evidence alone are kilobytes of JSON). At 1,000,000 cases reading only these
#: cut the rows' query from about 10 to 4 ms a page, most of it Python (compiling the SQL, building the objects).
ROW_FIELDS = (
    "id",
    "flow_task",
    "flow_task_type",
    "status",
    "data",
    "owner",
    "owner__email",
    "process",
    "process__caseprocess__application",
    "process__caseprocess__application__case_number",
    "process__caseprocess__application__given_names",
    "process__caseprocess__application__surname",
    "process__caseprocess__application__submitted_at",
)


def rows_of(ids: list[int]) -> QuerySet[Task]:
    """The tasks `ids` (of a page already filtered, scoped and ordered) with only the columns a row shows."""
    return (
        Task.objects.filter(pk__in=ids).select_related("owner", "process__caseprocess__application").only(*ROW_FIELDS)
    )


@dataclass(frozen=True)
class TaskRow:
    """One row of an office list with its words already written (a presenter: a table of 25 rows rendered through
    template tags cost about 0.5 ms a row in CPU, most of it in `blocktranslate`, `url` and the date filter)."""

    task: Task
    case: object
    deadline: date | None
    days_left: int | None
    step: str = ""
    applicant: str = ""
    filed_iso: str = ""
    filed_text: str = ""
    deadline_iso: str = ""
    deadline_text: str = ""
    days_text: str = "—"
    action_label: str = ""
    action_url: str = ""

    @property
    def is_overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    @property
    def days_overdue(self) -> int:
        return -self.days_left if self.is_overdue else 0

    @property
    def is_due_soon(self) -> bool:
        return self.days_left is not None and 0 <= self.days_left <= WEEK_DAYS

    @property
    def days_stand_out(self) -> bool:
        """Overdue or due today: the days-left cell is emphasised."""
        return self.days_left is not None and self.days_left <= 0


def _days_text(days_left: int | None) -> str:
    if days_left is None:
        return "—"
    if days_left < 0:
        return ngettext("overdue by %(days)s day", "overdue by %(days)s days", -days_left) % {"days": -days_left}
    if days_left == 0:
        return gettext("due today")
    return ngettext("%(days)s day", "%(days)s days", days_left) % {"days": days_left}


def task_rows(tasks, *, claimable: bool = False, today: date | None = None) -> list[TaskRow]:
    """The rows of a page of tasks; `claimable` rows offer "take the task", the others "open the task"."""
    from polishtime.formatting import format_when, office_localtime

    today = today or timezone.localdate()
    # A page's rows share a few days and one link pattern: each day is written once per page and the link is
    # reversed once (formatting and `reverse` were two thirds of the rows' CPU, about 2 ms a page).
    written: dict[date, str] = {}

    def day_text(day: date) -> str:
        if day not in written:
            written[day] = format_when(day, "date")
        return written[day]

    marker = 2**31 - 1
    link = reverse("workflows:task-claim" if claimable else "workflows:task", kwargs={"task_id": marker})
    before, after = link.split(str(marker))
    rows = []
    for task in tasks:
        deadline = task_deadline(task)
        days_left = (deadline - today).days if deadline else None
        case = task.process.caseprocess.application
        step = str(task.flow_task.task_title)
        names = {"number": case.case_number, "step": step}
        if claimable:
            label = gettext("Take the task “%(step)s” of case %(number)s") % names
        else:
            label = gettext("Open the task “%(step)s” of case %(number)s") % names
        filed = office_localtime(case.submitted_at) if case.submitted_at else None
        rows.append(
            TaskRow(
                task=task,
                case=case,
                deadline=deadline,
                days_left=days_left,
                step=step,
                applicant=f"{case.given_names} {case.surname}",
                filed_iso=filed.isoformat() if filed else "",
                filed_text=day_text(filed.date()) if filed else "",
                deadline_iso=deadline.isoformat() if deadline else "",
                deadline_text=day_text(deadline) if deadline else "",
                days_text=_days_text(days_left),
                action_label=label,
                action_url=f"{before}{task.pk}{after}",
            )
        )
    return rows


@lru_cache(maxsize=64)
def _choices_of(definition_id: int, language: str, key: str) -> tuple[tuple[str, str], ...]:
    from formdefs.api import FormDefinition

    spec = FormDefinition.objects.get(pk=definition_id).spec
    for step in spec.steps:
        for item in step.items:
            for field in getattr(item, "fields", None) or [item]:
                if field.key == key and field.choices:
                    return tuple((choice.value, choice.label.get(language)) for choice in field.choices)
    return ()


def permit_and_purpose_choices(language: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The permits the office decides (form titles) and the purposes of stay, in `language` (one query; the parsed
    forms are cached per published version, which never changes)."""
    from applications.tracking import DECISION_PERIODS
    from formdefs.api import FormDefinition, FormDefinitionStatus

    latest = {}
    published = FormDefinition.objects.filter(slug__in=DECISION_PERIODS, status=FormDefinitionStatus.PUBLISHED)
    # Not the JSON itself: a published version is parsed once per process (FormDefinition.spec).
    # `published_at` too: `spec` keys its cache by it, and a deferred field is one query per form on every page.
    for definition in published.only("pk", "slug", "version", "status", "published_at").order_by("slug", "version"):
        latest[definition.slug] = definition
    permits = [(slug, definition.spec.title.get(language)) for slug, definition in sorted(latest.items())]
    purposes: dict[str, str] = {}
    for definition in latest.values():
        for value, label in _choices_of(definition.pk, language, "purpose_of_stay"):
            purposes.setdefault(value, label)
    return permits, [choice for choice in purposes.items() if choice[0] != NO_PURPOSE]
