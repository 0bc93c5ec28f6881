"""The legal calendar: the deadline kinds the procedure knows, and the one function that says when a deadline ends.

Every deadline of a case runs from the delivery of its letter (art. 57 § 1 k.p.a.: the day of delivery is not
counted), ends at the end of its last day in Polish time, and moves to the next working day when that last day is a
Saturday, a Sunday or a public holiday (art. 57 § 4 k.p.a.; Sundays and holidays are the days free of work under the
Act of 18 January 1951, taken from the `holidays` package rather than a hand list). Pages, letters and Viewflow
timers all ask `last_moment()` (from `legal_calendar`, re-exported here); nobody adds `timedelta(days=14)` to `now()`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from legal_calendar import END_OF_DAY, POLISH_TIME, is_working_day, last_moment, next_working_day, polish_day

__all__ = [
    "DEADLINE_RULES",
    "END_OF_DAY",
    "POLISH_TIME",
    "DeadlineKind",
    "DeadlineRule",
    "check_days",
    "deadlines_of_tasks",
    "earliest_appointment",
    "is_working_day",
    "last_moment",
    "next_working_day",
    "polish_day",
    "rule_for",
    "summons_was_in_time",
]


class DeadlineKind(models.TextChoices):
    CALL_TO_SUPPLEMENT = "call_to_supplement", _("Call to supplement formal defects")
    CALL_FOR_EVIDENCE = "call_for_evidence", _("Call for evidence")
    SUMMONS = "summons", _("Summons to appear in person")
    CALL_TO_PAY = "call_to_pay", _("Call to pay the stamp duty")


@dataclass(frozen=True)
class DeadlineRule:
    """What the law allows for one kind: the shortest period, the longest (None: no cap), and ours."""

    kind: DeadlineKind
    minimum_days: int
    default_days: int
    maximum_days: int | None
    legal_basis: str

    def allows(self, days: int) -> bool:
        return days >= self.minimum_days and (self.maximum_days is None or days <= self.maximum_days)


#: The one table of deadline kinds. A summons counts the days between its delivery and the appointment.
DEADLINE_RULES: dict[str, DeadlineRule] = {
    rule.kind: rule
    for rule in (
        DeadlineRule(DeadlineKind.CALL_TO_SUPPLEMENT, 7, 14, None, "art. 64 § 2 k.p.a."),
        DeadlineRule(DeadlineKind.CALL_FOR_EVIDENCE, 14, 14, None, "art. 106f ustawy o cudzoziemcach"),
        DeadlineRule(DeadlineKind.SUMMONS, 7, 14, None, "art. 106e ustawy o cudzoziemcach"),
        DeadlineRule(DeadlineKind.CALL_TO_PAY, 7, 14, 14, "art. 261 § 1 k.p.a."),
    )
}


def rule_for(kind: str) -> DeadlineRule:
    return DEADLINE_RULES[DeadlineKind(kind)]


def check_days(kind: str, days: int, *, field: str = "days") -> None:
    """Refuse a period the law does not allow for `kind`, as a message on `field` of the officer's form."""
    rule = rule_for(kind)
    if days < rule.minimum_days:
        message, code, limit = (
            _("The law allows no less than %(days)d days here (%(basis)s)."),
            "too_short",
            rule.minimum_days,
        )
    elif rule.maximum_days is not None and days > rule.maximum_days:
        message, code, limit = (
            _("The law allows no more than %(days)d days here (%(basis)s)."),
            "too_long",
            rule.maximum_days,
        )
    else:
        return
    raise ValidationError(
        {field: ValidationError(message, code=code, params={"days": limit, "basis": rule.legal_basis})}
    )


def earliest_appointment(now: datetime) -> datetime:
    """The first moment a summons made available at `now` may call the applicant in for (art. 106e: 7 days ahead)."""
    day = polish_day(now) + timedelta(days=rule_for(DeadlineKind.SUMMONS).minimum_days)
    return datetime.combine(day, time.min, tzinfo=POLISH_TIME)


def summons_was_in_time(delivered_at: datetime | None, appointment_at: datetime) -> bool:
    """Whether the summons was delivered at least 7 days before the appointment (else a no-show is no default)."""
    if delivered_at is None:
        return False
    gap = polish_day(appointment_at) - polish_day(delivered_at)
    return gap.days >= rule_for(DeadlineKind.SUMMONS).minimum_days


def deadlines_of_tasks(task_ids: Iterable[int]) -> dict[int, datetime]:
    """The legal deadline of each task that has one, by task id: the moment its boundary timer fires (one query).

    The timer is set from the same `last_moment()` as the call's stored deadline and moved with it when the letter is
    opened (or a consultation extended), so lists that sort or filter tasks by deadline read it here.
    """
    from viewflow.workflow.models import Task
    from viewflow.workflow.status import STATUS

    rows = Task.objects.filter(
        previous__in=list(task_ids), flow_task_type="TIMER", status=STATUS.SCHEDULED
    ).values_list("previous", "scheduled")
    return dict(rows)
