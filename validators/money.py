"""The Polish minimum wage, which an employer's offer in Annex 1 may not go below."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone


@dataclass(frozen=True)
class MinimumWage:
    """Gross amounts in PLN for full-time work."""

    monthly: Decimal
    hourly: Decimal


# Set each year by a regulation of the Council of Ministers (published by 15 September for the next year).
# Add the new year here when it is published; until then the latest known year applies.
MINIMUM_WAGE_BY_YEAR: dict[int, MinimumWage] = {
    2025: MinimumWage(monthly=Decimal("4666.00"), hourly=Decimal("30.50")),
    2026: MinimumWage(monthly=Decimal("4806.00"), hourly=Decimal("31.40")),
}


def minimum_wage(on: datetime.date | None = None) -> MinimumWage:
    """The minimum wage in force on ``on`` (default: today): that year's, else the nearest known year."""
    year = (on or timezone.localdate()).year
    known = sorted(MINIMUM_WAGE_BY_YEAR)
    earlier = [y for y in known if y <= year]
    return MINIMUM_WAGE_BY_YEAR[earlier[-1] if earlier else known[0]]
