"""Is the application filed within the applicant's legal stay? (art. 105 ust. 1 and art. 108 ust. 1 of the Act on
Foreigners).

An application for a temporary residence permit is filed at the latest on the last day of legal stay (art. 105 ust. 1).
Filed on time and free of formal defects, it makes the stay legal until the decision is final (art. 108 ust. 1 pkt 2),
which MOS confirms with a certificate of legal stay. Filed later, it is still examined - the Act does not refuse or
leave it unexamined for that - but it gives no legal stay and no certificate: so the applicant is *warned*, plainly,
and may still submit; the officer sees the same finding as a fact on the case page.

The answers are those of the 2026 fragments: whether the applicant is in Poland is asked once, in B.7
(`residence.currently_abroad`, fragment `2026-place-of-stay`); the legal stay in the step `current_stay` (fragment
`2026-current-stay`), which is shown only to someone in Poland. A draft or case from before D.1 was dropped may still
hold `current_stay.in_poland`: it is not read, as B.7 said the same.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from polishtime import format_when
from validators._common import as_date

from .schema import FormDefinitionSpec

STEP = "current_stay"
ABROAD_STEP, ABROAD_FIELD = "residence", "currently_abroad"  # B.7, which decides whether `current_stay` is asked
UNTIL_FIELD = f"{STEP}.legal_stay_until"


class Finding:
    ON_TIME = "on_time"
    LAST_DAY = "last_day"
    LATE = "late"
    ABROAD = "abroad"  # filed from outside Poland: art. 108 does not apply


@dataclass(frozen=True)
class LegalStayCheck:
    finding: str
    filed_on: datetime.date
    until: datetime.date | None = None
    field: str = UNTIL_FIELD  # the answer the finding is about

    @property
    def late(self) -> bool:
        return self.finding == Finding.LATE

    @property
    def days_left(self) -> int | None:
        return None if self.until is None else (self.until - self.filed_on).days

    def message(self) -> str:
        """What the applicant (and the officer) reads, in the active language."""
        if self.finding == Finding.ABROAD:
            return _("You are applying from outside Poland: the application does not extend a stay in Poland.")
        until = format_when(self.until, "date")  # the one date filter of every page (CONVENTIONS.md)
        if self.finding == Finding.LATE:
            return _(
                "Your legal stay in Poland ended on %(until)s. An application filed after the last day of legal stay "
                "is late (art. 105 ust. 1 of the Act on Foreigners): it does not make your stay legal while the "
                "case lasts and you will get no certificate of legal stay (art. 108). You may still submit it."
            ) % {"until": until}
        if self.finding == Finding.LAST_DAY:
            return _(
                "Today, %(until)s, is the last day of your legal stay. Submit the application today: from tomorrow "
                "it would be late and would not make your stay legal while the case lasts."
            ) % {"until": until}
        return _(
            "Your legal stay lasts until %(until)s. Filed now, the application is on time: your stay stays legal "
            "until the decision is final (art. 108 of the Act on Foreigners)."
        ) % {"until": until}


def legal_stay_check(
    answers: Mapping[str, Any], filed_on: datetime.date, *, spec: FormDefinitionSpec
) -> LegalStayCheck | None:
    """The finding for the answers of a form with the current-stay step on the filing day; None when the form has no
    such step (`spec` says so: a version 1 form asks B.7 too, but not about the legal stay) or the answers needed
    are not given (the steps' own checks ask for them)."""
    if not any(step.key == STEP for step in spec.steps):
        return None
    place = answers.get(ABROAD_STEP)
    abroad = place.get(ABROAD_FIELD) if isinstance(place, Mapping) else None
    if abroad is True:
        return LegalStayCheck(Finding.ABROAD, filed_on)
    stay = answers.get(STEP)
    if abroad is not False or not isinstance(stay, Mapping):
        return None
    try:
        until = as_date(stay.get("legal_stay_until"))
    except ValidationError:  # not answered or not a date: nothing to compare
        return None
    if until < filed_on:
        finding = Finding.LATE
    elif until == filed_on:
        finding = Finding.LAST_DAY
    else:
        finding = Finding.ON_TIME
    return LegalStayCheck(finding, filed_on, until)
