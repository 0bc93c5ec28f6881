"""Small helpers shared by the validator modules (not part of the public interface)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def as_text(value: Any) -> str:
    """The answer as a stripped string (answers arrive as str, but a number typed into JSON is tolerated)."""
    if value is None:
        return ""
    return str(value).strip()


def as_date(value: Any) -> datetime.date:
    """A date from a date, a datetime or an ISO string (YYYY-MM-DD), else a ValidationError."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValidationError(_("Enter a valid date."), code="date_invalid")


def is_missing(value: Any) -> bool:
    """True for an unanswered question (None or blank text): rules skip those."""
    return value is None or (isinstance(value, str) and not value.strip())


def add_years(day: datetime.date, years: int) -> datetime.date:
    """The same calendar day ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day of the month ``months`` later, or the last day of that month when it is shorter."""
    import calendar

    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))
