"""Polish legal time: which days are working days and when a period counted in days or months ends.

Pure functions (no models), usable from every app: the applicant's pages (`applications.tracking`) and case
processing (`workflows.deadlines`, which names the deadline kinds) count the same way. Periods follow the Code of
Administrative Procedure: the day of the event is not counted (art. 57 § 1), a period in months ends on the same day of
the last month, or its last day when there is none (art. 57 § 3), and a period whose end falls on a Saturday, a Sunday
or a public holiday ends on the next working day (art. 57 § 4; Sundays and the holidays of the Act of 18 January 1951
come from the maintained `holidays` package, not a hand list).
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

__all__ = [
    "END_OF_DAY",
    "POLISH_TIME",
    "add_months",
    "end_of_day",
    "is_working_day",
    "last_moment",
    "next_working_day",
    "polish_day",
]

#: The law counts days in Polish time, whatever the server's zone.
POLISH_TIME = ZoneInfo("Europe/Warsaw")
#: The last instant of a day: a deadline "by 16 December" still accepts an answer at 23:59:59.
END_OF_DAY = time(23, 59, 59, 999999)


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
    """The calendar day of an aware `moment` in Poland."""
    return moment.astimezone(POLISH_TIME).date()


def end_of_day(day: date) -> datetime:
    return datetime.combine(day, END_OF_DAY, tzinfo=POLISH_TIME)


def add_months(start: date, months: int) -> date:
    """The same day `months` later, or the last day of that month when it has no such day (art. 57 § 3 k.p.a.)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def last_moment(delivered: date | datetime, days: int) -> datetime:
    """The last instant of a deadline of `days` days that runs from `delivered` (a day, or a moment of delivery).

    The day of delivery is not counted; the deadline ends at the end of the `days`-th day after it, in Polish time,
    or of the next working day when that day is a Saturday, a Sunday or a public holiday. Returned aware (Warsaw).
    """
    if days < 0:
        raise ValueError("a deadline has a non-negative number of days")
    start = polish_day(delivered) if isinstance(delivered, datetime) else delivered
    return end_of_day(next_working_day(start + timedelta(days=days)))
