"""The Polish minimum wage, which an employer's offer in Annex 1 may not go below, and the Blue Card pay threshold."""

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
    # Rozporządzenie Rady Ministrów z dnia 11 września 2025 r. w sprawie wysokości minimalnego wynagrodzenia za pracę
    # oraz wysokości minimalnej stawki godzinowej w 2026 r. (in force 1 January 2026): 4 806 zł and 31,40 zł.
    2026: MinimumWage(monthly=Decimal("4806.00"), hourly=Decimal("31.40")),
}
MINIMUM_WAGE_SOURCES: dict[int, str] = {
    2026: "Rozporządzenie Rady Ministrów z dnia 11 września 2025 r. w sprawie wysokości minimalnego wynagrodzenia "
    "za pracę oraz wysokości minimalnej stawki godzinowej w 2026 r.",
}

# EU Blue Card (art. 127 ust. 1 pkt 3 of the Act on Foreigners, as amended from 1 June 2025): the gross monthly pay is
# at least 150% of the average monthly gross wage in the national economy of the previous year, announced by the
# President of GUS. The threshold for year N is 1.5 x the average of year N-1.
BLUE_CARD_MONTHLY_THRESHOLD_BY_YEAR: dict[int, Decimal] = {
    2025: Decimal("12272.58"),  # 1.5 x 8 181,72 zł (average of 2024, GUS communiqué of February 2025)
    2026: Decimal("13355.34"),  # 1.5 x 8 903,56 zł (average of 2025, GUS communiqué of 9 February 2026)
}
BLUE_CARD_THRESHOLD_SOURCES: dict[int, str] = {
    2026: "Komunikat Prezesa GUS z 9 lutego 2026 r. w sprawie przeciętnego wynagrodzenia w gospodarce narodowej "
    "w 2025 r. (as reported by Dziennik Gazeta Prawna, 'Możliwe problemy z Niebieską Kartą'); art. 127 ust. 1 pkt 3",
}


def _for_year(table: dict, on: datetime.date | None):
    year = (on or timezone.localdate()).year
    known = sorted(table)
    earlier = [y for y in known if y <= year]
    return table[earlier[-1] if earlier else known[0]]


def minimum_wage(on: datetime.date | None = None) -> MinimumWage:
    """The minimum wage in force on ``on`` (default: today): that year's, else the nearest known year."""
    return _for_year(MINIMUM_WAGE_BY_YEAR, on)


def blue_card_monthly_threshold(on: datetime.date | None = None) -> Decimal:
    """The lowest gross monthly pay for an EU Blue Card on ``on`` (default: today)."""
    return _for_year(BLUE_CARD_MONTHLY_THRESHOLD_BY_YEAR, on)
