"""Five years of continuous legal stay before an EU long-term resident's application (art. 211-212 of the Act on
Foreigners), computed from the periods the applicant gives. A pure function: no models, no today.

How the law is read here (say so wherever it is shown):
- The five years run *immediately before the filing day* (art. 211 ust. 1): the filing day itself is not counted.
- A period counts in full, by half (studies, vocational training, the protection procedure: art. 212 ust. 1 pkt 3) or
  not at all (art. 212 ust. 2: posted workers, a Schengen visa of limited validity, ...). Walking back from the day
  before filing, each day adds its weight; a day with no legal stay at all ends the continuous stay.
- A break (an absence from Poland) is not longer than 6 months (a continuous term: calendar months, art. 112 of the
  Civil Code) and all breaks together not longer than 10 months (a non-continuous term: a month is 30 days,
  art. 114 of the Civil Code), art. 212 ust. 3 pkt 1. For the Blue Card route (art. 212 ust. 1 pkt 1, ust. 3 pkt 2)
  the limits are 12 months and 18 months, and the last 2 years before filing are a Blue Card stay in Poland.
- A break does not count when it was caused by work abroad for an employer seated in Poland, by accompanying such a
  worker as spouse or minor child, or by a traineeship or classes of studies at a Polish university; a break caused by
  a particular personal situation does not count when it lasted at most 6 months (art. 212 ust. 4).
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from validators._common import as_date
from validators._registration import notice

Weight = Literal["full", "half", "none"]
WEIGHTS: dict[str, float] = {"full": 1.0, "half": 0.5, "none": 0.0}

#: Reasons for a break (art. 212 ust. 4): always excused, or excused only when short.
ALWAYS_EXCUSED = frozenset({"work_for_polish_employer", "accompanying_worker", "polish_studies"})
EXCUSED_WHEN_SHORT = frozenset({"personal_situation"})
BREAK_REASONS = (*sorted(ALWAYS_EXCUSED), *sorted(EXCUSED_WHEN_SHORT), "other")


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later (or earlier); a missing day becomes the last (31 Aug + 6 = end of Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def years_before(day: datetime.date, years: int) -> datetime.date:
    """The same calendar day ``years`` earlier (29 February -> 28 February in a common year)."""
    return add_months(day, -12 * years)


@dataclass(frozen=True)
class Stay:
    """A period of legal stay, both days included; `in_poland` is False for a Blue Card stay in another member
    state (art. 212 ust. 1 pkt 1)."""

    start: datetime.date
    end: datetime.date
    weight: Weight = "full"
    in_poland: bool = True
    blue_card: bool = False


@dataclass(frozen=True)
class Absence:
    """A break: left Poland on `left`, came back on `returned` (the days abroad are left .. returned - 1)."""

    left: datetime.date
    returned: datetime.date
    reason: str = "other"

    @property
    def days(self) -> int:
        return max((self.returned - self.left).days, 0)

    def at_most_months(self, months: int) -> bool:
        return self.returned <= add_months(self.left, months)


@dataclass(frozen=True)
class Finding:
    """One thing the applicant and the officer should see; `code` is stable, `params` fill its message."""

    code: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class StayAssessment:
    filed_on: datetime.date
    required_days: int  # the days of the 5 years immediately before filing
    counted_days: float  # what the periods give, walking back from the day before filing
    continuous_from: datetime.date | None  # the earliest day of the unbroken chain of legal stay
    longest_break_days: int
    counted_break_days: int  # the breaks that count against the total limit
    findings: tuple[Finding, ...]

    @property
    def is_met(self) -> bool:
        return not self.findings


def _day_weights(stays: list[Stay], *, blue_card_route: bool) -> dict[datetime.date, float]:
    weights: dict[datetime.date, float] = {}
    for stay in stays:
        if not stay.in_poland and not (blue_card_route and stay.blue_card):
            continue  # a stay in another member state counts only on the Blue Card route
        day = stay.start
        while day <= stay.end:
            weights[day] = max(weights.get(day, 0.0), WEIGHTS[stay.weight])
            day += datetime.timedelta(days=1)
    return weights


def assess_continuous_stay(
    stays: Iterable[Stay],
    absences: Iterable[Absence] = (),
    *,
    filed_on: datetime.date,
    years: int = 5,
    blue_card_route: bool = False,
) -> StayAssessment:
    """Whether the periods give `years` of continuous legal stay immediately before `filed_on`, and which breaks
    are too long; every problem is one `Finding` (none when the condition is met)."""
    stays = [s for s in stays if s.start <= s.end]
    window_start = years_before(filed_on, years)
    required = (filed_on - window_start).days
    weights = _day_weights(stays, blue_card_route=blue_card_route)
    findings: list[Finding] = []

    counted, day, earliest = 0.0, filed_on - datetime.timedelta(days=1), None
    while counted < required and day in weights:  # a day with no legal stay ends the chain
        counted += weights.get(day, 0.0)
        earliest = day
        day -= datetime.timedelta(days=1)
    if counted < required:
        if earliest is None:
            findings.append(Finding("no_stay_before_filing", {"day": filed_on - datetime.timedelta(days=1)}))
        else:
            findings.append(Finding("stay_too_short", {"gap_on": day, "counted_days": counted, "required": required}))
    start = earliest or filed_on

    if blue_card_route:
        two_years = years_before(filed_on, 2)
        day = filed_on - datetime.timedelta(days=1)
        polish_blue_card = _day_weights([s for s in stays if s.in_poland and s.blue_card], blue_card_route=False)
        while day >= two_years and day in polish_blue_card:
            day -= datetime.timedelta(days=1)
        if day >= two_years:
            findings.append(Finding("blue_card_poland_too_short", {"years": 2}))

    single_months, total_days = (12, 18 * 30) if blue_card_route else (6, 10 * 30)
    longest, total = 0, 0
    for absence in absences:
        left, returned = max(absence.left, start), min(absence.returned, filed_on)
        if returned <= left:
            continue  # outside the period that counts
        clipped = Absence(left, returned, absence.reason)
        short = clipped.at_most_months(single_months)
        if absence.reason in ALWAYS_EXCUSED or (absence.reason in EXCUSED_WHEN_SHORT and clipped.at_most_months(6)):
            continue
        longest = max(longest, clipped.days)
        total += clipped.days
        if not short:
            findings.append(Finding("break_too_long", {"left": left, "returned": returned, "months": single_months}))
    if total > total_days:
        findings.append(Finding("breaks_too_long_in_total", {"days": total, "limit_days": total_days}))
    return StayAssessment(
        filed_on=filed_on,
        required_days=required,
        counted_days=counted,
        continuous_from=earliest,
        longest_break_days=longest,
        counted_break_days=total,
        findings=tuple(findings),
    )


# --- As a notice of a form definition ---------------------------------------------------------------------------


def _rows(value: Any) -> list[dict]:
    return [row for row in value or [] if isinstance(row, dict)]


def _date(value: Any) -> datetime.date | None:
    try:
        return as_date(value)
    except ValidationError:
        return None


def stays_from_rows(
    rows: Any,
    *,
    half: Iterable[str] = (),
    uncounted: Iterable[str] = (),
    full_past_18_months: Iterable[str] = (),
    in_poland: bool = True,
) -> list[Stay]:
    """Periods of stay from a repeatable group's rows (``date_from``, ``date_to``, ``legal_basis``, and for a stay in
    another member state ``blue_card``); a row without both dates is left out. A period on a basis in
    `full_past_18_months` (the protection procedure) counts in full when it lasted more than 18 months
    (art. 212 ust. 1 pkt 2), otherwise by half (pkt 3 lit. c)."""
    half, uncounted, full_past_18_months = set(half), set(uncounted), set(full_past_18_months)
    stays = []
    for row in _rows(rows):
        start, end = _date(row.get("date_from")), _date(row.get("date_to"))
        if start is None or end is None:
            continue
        basis = row.get("legal_basis")
        weight: Weight = "half" if basis in half else "none" if basis in uncounted else "full"
        if basis in full_past_18_months and end >= add_months(start, 18):
            weight = "full"
        blue_card = bool(row.get("blue_card")) or basis == "blue_card"
        stays.append(Stay(start, end, weight, in_poland=in_poland, blue_card=blue_card))
    return stays


def absences_from_rows(rows: Any) -> list[Absence]:
    """Breaks from a repeatable group's rows (``date_from`` left, ``date_to`` came back, ``reason``)."""
    absences = []
    for row in _rows(rows):
        left, returned = _date(row.get("date_from")), _date(row.get("date_to"))
        if left is not None and returned is not None:
            absences.append(Absence(left, returned, str(row.get("reason") or "other")))
    return absences


def describe(finding: Finding) -> str:
    """The finding as the applicant and the officer read it (in the active language)."""
    p = finding.params
    messages = {
        "no_stay_before_filing": _(
            "None of the periods of legal stay you gave covers the day before filing (%(day)s): the 5 years of "
            "continuous legal stay are counted back from that day."
        ),
        "stay_too_short": _(
            "The periods you gave count %(counted)s of the %(required)d days of continuous legal stay the permit "
            "needs (5 years immediately before filing); the chain of legal stay stops at %(gap_on)s."
        ),
        "blue_card_poland_too_short": _(
            "On the Blue Card route the last %(years)d years before filing must be a stay in Poland on a Blue Card "
            "permit; the periods you gave do not show that."
        ),
        "break_too_long": _(
            "The break from %(left)s to %(returned)s is longer than %(months)d months; such a break interrupts the "
            "continuous stay unless one of the reasons of art. 212 ust. 4 applies."
        ),
        "breaks_too_long_in_total": _(
            "Your breaks add up to %(days)d days, more than the %(limit_days)d days (10 months of 30 days) the Act "
            "allows in total."
        ),
    }
    values = {k: (v.strftime("%d.%m.%Y") if isinstance(v, datetime.date) else v) for k, v in p.items()}
    if "counted_days" in p:
        values["counted"] = f"{p['counted_days']:g}"
    return str(messages[finding.code] % values)


@notice("continuous_legal_stay")
def continuous_legal_stay_notice(
    values: Mapping[str, Any],
    *,
    on: datetime.date,
    half_bases: list[str] = (),
    uncounted_bases: list[str] = (),
    full_past_18_months_bases: list[str] = (),
) -> list[tuple[str, str]]:
    """The continuous-stay check on a form's answers: roles ``stays`` (group), ``other_states`` (group of Blue Card
    stays in other member states), ``breaks`` (group) and ``blue_card_route`` (yes/no); `on` is the filing day."""
    stays = stays_from_rows(
        values.get("stays"),
        half=half_bases,
        uncounted=uncounted_bases,
        full_past_18_months=full_past_18_months_bases,
    )
    stays += stays_from_rows(values.get("other_states"), in_poland=False)
    result = assess_continuous_stay(
        stays,
        absences_from_rows(values.get("breaks")),
        filed_on=on,
        blue_card_route=values.get("blue_card_route") is True,
    )
    return [(f.code, describe(f)) for f in result.findings]
