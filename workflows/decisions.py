"""What a decision may say, checked before it leaves: its lawful validity period, whether it grants the request in
full, its legal basis, and the work terms a residence-and-work decision must state, all printed as a Polish reader
expects.

The law is data (`data/decision_law.json`, by permit and purpose); this module reads it. The officer's form
(`forms.DecisionForm`) and the service (`services.decide`) call the same `check_grant`, so a page, the API and a test
get the same field messages.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from applications.case_models import Application
from applications.services import answer
from formdefs.api import FieldSpec, FormDefinitionSpec, GroupSpec, display_answer
from polishtime import format_when

LAW_FILE = Path(__file__).with_name("data") / "decision_law.json"


@lru_cache(maxsize=1)
def _law() -> dict:
    return json.loads(LAW_FILE.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class DecisionLaw:
    """What the Act says of one permit for one purpose."""

    articles: tuple[str, ...]
    max_months: int | None
    within_employer_annex: bool
    states_work_terms: bool
    # Granted for an indefinite time ("na czas nieoznaczony": permanent residence, EU long-term resident): the decision
    # states no period, so a grant carries no dates.
    indefinite: bool = False

    def basis(self) -> str:
        """The articles as the decision cites them ("art. 98 ust. 1 i art. 114 ust. 1 ustawy ... o cudzoziemcach")."""
        if not self.articles:
            return _law()["act"]
        cited = list(self.articles)
        joined = cited[0] if len(cited) == 1 else ", ".join(cited[:-1]) + " i " + cited[-1]
        return f"{joined} {_law()['act']}"


def purpose_of(application: Application) -> str:
    return answer(application.answers, "purpose_of_stay") or ""


def law_for(application: Application) -> DecisionLaw:
    """The permit's rules, with the purpose's own where the Act sets them (its article added to the permit's)."""
    permit = _law()["permits"].get(application.definition.slug, {})
    purpose = permit.get("purposes", {}).get(purpose_of(application), {})
    articles = [*permit.get("permit_articles", []), *purpose.get("articles", [])]
    return DecisionLaw(
        articles=tuple(dict.fromkeys(articles)),
        max_months=purpose.get("max_months", permit.get("max_months")),
        within_employer_annex=bool(permit.get("within_employer_annex")),
        states_work_terms=bool(permit.get("states_work_terms")),
        indefinite=bool(permit.get("indefinite")),
    )


def add_months(day: date, months: int) -> date:
    """The same calendar day `months` later (the month's last day where it has no such day), as `period_at_most`."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Period:
    start: date | None
    end: date | None

    def __str__(self) -> str:
        return f"{format_when(self.start, 'date', language='pl')} – {format_when(self.end, 'date', language='pl')}"


def requested_period(application: Application) -> Period:
    """The period the applicant asked for (none for a permit given for an indefinite time)."""
    purpose = application.answers.get("purpose") or {}
    return Period(_as_date(purpose.get("period_from")), _as_date(purpose.get("period_to")))


def _annex(application: Application):
    draft = getattr(application, "draft", None)
    return getattr(draft, "employer_annex", None) if draft is not None else None


def annex_period(application: Application) -> Period | None:
    """The period of work in the employer's annex (None without an annex)."""
    annex = _annex(application)
    if annex is None:
        return None
    terms = annex.answers.get("work_terms") or {}
    return Period(_as_date(terms.get("period_from")), _as_date(terms.get("period_to")))


def _limit_text(months: int) -> str:
    if months % 12 == 0:
        years = months // 12
        return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
    return ngettext("%(count)d month", "%(count)d months", months) % {"count": months}


def lawful_period(application: Application, *, on: date) -> Period:
    """The longest period the law allows within the request, for a decision made `on` that day (no period for a
    permit granted for an indefinite time)."""
    law, asked, annex = law_for(application), requested_period(application), annex_period(application)
    if law.indefinite:
        return Period(None, None)
    start = max(day for day in (on, asked.start) if day)
    ends = [asked.end]
    if law.within_employer_annex and annex is not None:
        start = max(day for day in (start, annex.start) if day)
        ends.append(annex.end)
    if law.max_months:
        ends.append(add_months(start, law.max_months))
    known = [day for day in ends if day]
    return Period(start, min(known) if known else None)


@dataclass(frozen=True)
class GrantAssessment:
    """What a grant is measured against, and whether it grants the request in full (never typed by the officer)."""

    requested: Period
    fully_grants: bool
    indefinite: bool = False


def _day(value: date | None) -> str:
    return format_when(value, "date")


def check_grant(
    application: Application,
    *,
    valid_from: date | None,
    valid_to: date | None,
    justification: str,
    on: date,
) -> GrantAssessment:
    """Check a grant's period against the law and the request; a grant that differs from the request needs reasons.

    Raises `ValidationError` with a message per field (`valid_from`, `valid_to`, `justification`), all at once.
    """
    errors: dict[str, list[str]] = {}

    def fail(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    law, asked, annex = law_for(application), requested_period(application), annex_period(application)
    if law.indefinite:
        return _check_indefinite_grant(law, asked, valid_from=valid_from, valid_to=valid_to)
    if valid_from is None:
        fail("valid_from", _("Give the first day of the permit."))
    if valid_to is None:
        fail("valid_to", _("Give the last day of the permit."))
    if errors:
        raise ValidationError(errors)
    if valid_to < valid_from:
        fail("valid_to", _("The last day cannot be before the first day."))
    if valid_from < on:
        fail("valid_from", _("The permit cannot start before the day of the decision (%(day)s).") % {"day": _day(on)})
    if law.max_months and valid_to > add_months(valid_from, law.max_months):
        fail(
            "valid_to",
            _("This permit is granted for at most %(limit)s (%(basis)s): the last day can be %(last)s at the latest.")
            % {
                "limit": _limit_text(law.max_months),
                "basis": ", ".join(law.articles),
                "last": _day(add_months(valid_from, law.max_months)),
            },
        )
    if law.within_employer_annex and annex is not None:
        if annex.start and valid_from < annex.start:
            fail(
                "valid_from",
                _("The permit cannot start before the work in the employer's annex (%(day)s).")
                % {"day": _day(annex.start)},
            )
        if annex.end and valid_to > annex.end:
            fail(
                "valid_to",
                _("The permit cannot last beyond the work in the employer's annex (until %(day)s).")
                % {"day": _day(annex.end)},
            )
    if asked.end and valid_to > asked.end:
        fail(
            "valid_to",
            _("The applicant asked for a permit until %(day)s: a grant cannot go beyond the request.")
            % {"day": _day(asked.end)},
        )
    if asked.start and valid_from < asked.start:
        fail(
            "valid_from",
            _("The applicant asked for a permit from %(day)s: a grant cannot go beyond the request.")
            % {"day": _day(asked.start)},
        )
    if errors:
        raise ValidationError(errors)
    full = _grants_in_full(asked, valid_from=valid_from, valid_to=valid_to, on=on)
    if not full and not (justification or "").strip():
        fail(
            "justification",
            _(
                "This grant differs from the request (asked for %(asked)s): it is a partial grant. Give the reasons; "
                "they are printed in the decision."
            )
            % {"asked": _asked_text(asked)},
        )
        raise ValidationError(errors)
    return GrantAssessment(requested=asked, fully_grants=full)


def _check_indefinite_grant(
    law: DecisionLaw, asked: Period, *, valid_from: date | None, valid_to: date | None
) -> GrantAssessment:
    """A permit for an indefinite time states no period: a date typed anyway is refused by its field. The request is
    for that permit, so its grant grants the request in full."""
    message = _(
        "This permit is granted for an indefinite time (%(basis)s): its decision states no period. Leave this date "
        "empty."
    ) % {"basis": ", ".join(law.articles)}
    errors = {field: [message] for field, value in (("valid_from", valid_from), ("valid_to", valid_to)) if value}
    if errors:
        raise ValidationError(errors)
    return GrantAssessment(requested=asked, fully_grants=True, indefinite=True)


def _asked_text(asked: Period) -> str:
    return f"{_day(asked.start)} – {_day(asked.end)}"


def _grants_in_full(asked: Period, *, valid_from: date, valid_to: date, on: date) -> bool:
    """In full: the whole period asked for, from the day asked or, when that day has passed, from the decision's day
    (a permit is never granted for the past)."""
    if asked.start is None and asked.end is None:
        return True
    start = max(day for day in (asked.start, on) if day)
    return valid_from <= start and (asked.end is None or valid_to >= asked.end)


def assess(application: Application, decision) -> GrantAssessment | None:
    """For a made grant, what it was measured against (None for a refusal)."""
    if decision.kind != "grant":
        return None
    asked = requested_period(application)
    if decision.indefinite:
        return GrantAssessment(requested=asked, fully_grants=True, indefinite=True)
    if decision.valid_from is None:
        return None
    if decision.fully_grants is None:  # made before the check existed
        on = timezone.localdate(decision.decided_at) if decision.decided_at else timezone.localdate()
        full = _grants_in_full(asked, valid_from=decision.valid_from, valid_to=decision.valid_to, on=on)
    else:
        full = decision.fully_grants
    return GrantAssessment(requested=asked, fully_grants=full)


def refused_remainder(assessment: GrantAssessment, *, valid_from: date, valid_to: date, on: date) -> list[Period]:
    """The parts of the requested period a partial grant does not cover (what is refused "w pozostałym zakresie");
    days before the decision's own day are not among them (no permit is granted for the past)."""
    asked = assessment.requested
    parts = []
    first = max(day for day in (asked.start, on) if day)
    if first < valid_from:
        parts.append(Period(first, valid_from - timedelta(days=1)))
    if asked.end and asked.end > valid_to:
        parts.append(Period(valid_to + timedelta(days=1), asked.end))
    return parts


# --- Printing ------------------------------------------------------------------------------------------------------


def _fields(spec: FormDefinitionSpec) -> Iterable[FieldSpec]:
    for step in spec.steps:
        for item in step.items:
            if isinstance(item, GroupSpec):
                yield from item.fields
            elif isinstance(item, FieldSpec):
                yield item


def printed(spec: FormDefinitionSpec, answers: Mapping[str, Any], key: str) -> str:
    """An answer as a Polish reader reads it in a decision: countries and choices by their Polish names, dates as
    15.01.2027 (the form's own printing adds the codes, "Ukraina (UKR)", which a decision does not)."""
    value = answer(answers, key)
    if value in (None, "", []):
        return ""
    field = next((field for field in _fields(spec) if field.key == key), None)
    if field is None:
        return str(value)
    return display_answer(field, value, language="pl")


def citizenship(application: Application) -> str:
    return printed(application.definition.spec, application.answers, "citizenship")


def purpose_text(application: Application) -> str:
    return printed(application.definition.spec, application.answers, "purpose_of_stay")


def _pay(amount: Any) -> str:
    try:
        value = Decimal(str(amount))
    except (InvalidOperation, ValueError):
        return str(amount)
    whole, cents = f"{value:.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{' '.join(groups)},{cents} zł"


def work_terms(application: Application) -> list[tuple[str, str]]:
    """The terms a residence-and-work decision states (art. 118 ust. 1), from the employer's annex: the employer, the
    position, the lowest pay and the working time, in the words of a decision. Empty without an annex."""
    annex = _annex(application)
    if annex is None:
        return []
    spec, answers = annex.definition.spec, annex.answers

    def text(key: str) -> str:
        return printed(spec, answers, key)

    employer = answers.get("employer") or {}
    flat = employer.get("flat_number")
    street = " ".join(part for part in (employer.get("street"), employer.get("house_number")) if part)
    if flat and flat != "not_applicable":
        street = f"{street}/{flat}"
    address = ", ".join(
        part for part in (street, f"{employer.get('postal_code', '')} {employer.get('city', '')}") if part
    )
    terms = answers.get("work_terms") or {}
    pay = _pay(terms.get("pay_amount"))
    basis = text("pay_basis")
    working_time = []
    fraction = str(terms.get("working_time_fraction") or "").strip()
    if fraction in ("1", "1.0", "1,0"):
        working_time.append("pełny etat")
    elif fraction:
        working_time.append(f"{fraction.replace('.', ',')} etatu")
    if terms.get("hours_per_week"):
        working_time.append(f"{terms['hours_per_week']} godz. tygodniowo")
    period = annex_period(application)
    rows = [
        ("Podmiot powierzający wykonywanie pracy", f"{text('employer_name')}, {address.strip()}".strip(", ")),
        ("Stanowisko", text("position")),
        ("Najniższe wynagrodzenie", f"{pay} brutto {basis}".strip()),
        ("Wymiar czasu pracy", ", ".join(working_time)),
        ("Podstawa wykonywania pracy", text("contract_type")),
    ]
    if period and period.start and period.end:
        rows.append(("Okres pracy według załącznika nr 1", str(period)))
    return [(label, value) for label, value in rows if value]
