"""The legal calendar: the deadline kinds the procedure knows, and the one function that says when a deadline ends.

Every deadline of a case runs from the delivery of its letter (art. 57 § 1 k.p.a.: the day of delivery is not
counted), ends at the end of its last day in Polish time, and moves to the next working day when that last day is a
Saturday, a Sunday or a public holiday (art. 57 § 4 k.p.a.; Sundays and holidays are the days free of work under the
Act of 18 January 1951, taken from the `holidays` package rather than a hand list). Pages, letters and Viewflow
timers all ask `last_moment()`; nobody adds `timedelta(days=14)` to `now()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = [
    "DEADLINE_RULES",
    "POLISH_TIME",
    "DeadlineKind",
    "DeadlineRule",
    "check_days",
    "is_working_day",
    "last_moment",
    "next_working_day",
    "rule_for",
]

#: The law counts days in Polish time, whatever the server's zone.
POLISH_TIME = ZoneInfo("Europe/Warsaw")
#: The last instant of a day: a deadline "by 16 December" still accepts an answer at 23:59:59.
END_OF_DAY = time(23, 59, 59, 999999)


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


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[date]:
    import holidays

    return frozenset(holidays.country_holidays("PL", years=year))


def is_working_day(day: date) -> bool:
    """Not a Saturday, a Sunday or a Polish public holiday."""
    return day.weekday() < 5 and day not in _holidays(day.year)


def next_working_day(day: date) -> date:
    """`day` itself if it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def polish_day(moment: datetime) -> date:
    """The calendar day of `moment` in Poland (an aware date-time)."""
    return moment.astimezone(POLISH_TIME).date()


def last_moment(delivered: date | datetime, days: int) -> datetime:
    """The last instant of a deadline of `days` days that runs from `delivered` (a day, or a moment of delivery).

    The day of delivery is not counted; the deadline ends at the end of the `days`-th day after it, in Polish time,
    or of the next working day when that day is a Saturday, a Sunday or a public holiday. Returned aware (Warsaw).
    """
    if days < 0:
        raise ValueError("a deadline has a non-negative number of days")
    start = polish_day(delivered) if isinstance(delivered, datetime) else delivered
    last_day = next_working_day(start + timedelta(days=days))
    return datetime.combine(last_day, END_OF_DAY, tzinfo=POLISH_TIME)
