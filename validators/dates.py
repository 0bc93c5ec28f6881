"""Dates measured against today (the local date of the office, django.utils.timezone.localdate())."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from validators._common import as_date
from validators._registration import field_validator


def age_on(birth: datetime.date, day: datetime.date) -> int:
    """Completed years of life on ``day`` (someone born on 29 February turns a year older on 1 March)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


@field_validator("birth_date")
def birth_date(value: Any, *, min_age: int = 0, max_age: int = 130) -> datetime.date:
    """A date of birth: not in the future, and the person's age between min_age and max_age."""
    born = as_date(value)
    today = timezone.localdate()
    if born > today:
        raise ValidationError(_("The date of birth cannot be in the future."), code="birth_date_in_future")
    age = age_on(born, today)
    if age < min_age:
        raise ValidationError(
            _("The person must be at least %(min_age)d years old."),
            code="birth_date_too_young",
            params={"min_age": min_age},
        )
    if age > max_age:
        raise ValidationError(
            _("Please check the date of birth: it gives an age over %(max_age)d years."),
            code="birth_date_too_old",
            params={"max_age": max_age},
        )
    return born


@field_validator("date_not_in_future")
def date_not_in_future(value: Any) -> datetime.date:
    """A date that has already come (today at the latest), e.g. the date a document was issued."""
    day = as_date(value)
    if day > timezone.localdate():
        raise ValidationError(_("This date cannot be in the future."), code="date_in_future")
    return day


@field_validator("date_not_in_past")
def date_not_in_past(value: Any) -> datetime.date:
    """Today or a later date, e.g. the expiry date of a document that must still be valid."""
    day = as_date(value)
    if day < timezone.localdate():
        raise ValidationError(
            _("This date has already passed: enter today's date or a later one."), code="date_in_past"
        )
    return day
