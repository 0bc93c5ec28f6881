"""The case as the applicant sees it: timeline sentences, what is expected now, and the decision deadline.

Contract with case processing (`workflows`), which speaks only through `services.record_event` and `set_status`:

* `data` of an event is shown only through `VISIBLE_DATA`: the keys listed for its kind (anything else, such as an
  officer's note, stays in the database and is never shown, mailed or returned by the API).
  - `call_to_supplement`: `deadline` (ISO date), `defects` (optional list of short texts meant for the applicant);
    the deadline is also `due_at`, the place to answer is `action_url`.
  - `appointment`: `at` (ISO date-time of the fingerprints appointment), `place` (address); `due_at` is the
    appointment itself (an `action_url` if the applicant must confirm or pick a slot).
  - `decision`: `kind` (`"grant"` or `"refusal"`), `valid_from`, `valid_to` (ISO dates of a granted permit).
  - `left_unexamined`: `reason` (`"supplement"` or `"fingerprints"`).
  - `status_changed`: `status` (an `ApplicationStatus` value), `residence_card_ready_at` (ISO date-time).
  - `document`: `kind`, `title`, `document` (public id), written by `documents`.
* **The day the case became complete** (the decision deadline runs from it): record any event with
  `data={"complete_on": "YYYY-MM-DD"}`, normally when the formal check finds no defects or when a supplement
  completes the case. The latest such event wins, so a correction is a new event. The deadline is that day plus
  `DECISION_PERIODS[form slug]` (Act on Foreigners: 60 days for temporary residence, 3 months for permanent
  residence and EU long-term residence).
* **What is expected from the applicant**: the latest request no later event closed and whose `due_at` (if any) is
  still in the future. A request is an event with an `action_url` (not a document's download link), or an event of
  a kind in `ATTENDANCE_KINDS` with a `due_at` (the applicant comes in person then). An event is closed by a later
  event of the same kind (a new call replaces the old one; the summons follows the slot choice), by a later event of
  a kind in `CLOSED_BY[kind]`, or by any kind in `FINAL_KINDS`.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from polishtime import format_when

from .case_models import Application, ApplicationStatus, CaseEvent

Kind = CaseEvent.Kind

#: Data keys of each kind the applicant may see (everything else is internal).
VISIBLE_DATA: dict[str, tuple[str, ...]] = {
    Kind.SUBMITTED: ("case_number",),
    Kind.STATUS_CHANGED: ("status", "complete_on", "residence_card_ready_at"),
    Kind.FORMAL_CHECK_STARTED: ("complete_on",),
    Kind.CALL_TO_SUPPLEMENT: ("deadline", "defects"),
    Kind.SUPPLEMENT_RECEIVED: ("complete_on",),
    Kind.APPOINTMENT: ("at", "place", "choose_slot"),
    Kind.CONSULTATIONS: (),
    Kind.DECISION: ("kind", "valid_from", "valid_to"),
    Kind.DOCUMENT: ("kind", "title", "document"),
    Kind.LEFT_UNEXAMINED: ("reason",),
    Kind.DISCONTINUED: (),
    Kind.WITHDRAWN: (),
}

#: How long the office has for a decision, from the day the case became complete, per form slug.
DECISION_PERIODS: dict[str, dict[str, int]] = {
    "temporary-residence": {"days": 60},
    "temporary-residence-work": {"days": 60},
    "permanent-residence": {"months": 3},
    "eu-long-term-resident": {"months": 3},
}

#: Events after which nothing more is expected from the applicant.
FINAL_KINDS = frozenset({Kind.DECISION, Kind.LEFT_UNEXAMINED, Kind.DISCONTINUED, Kind.WITHDRAWN})
#: Kinds where the applicant is expected in person by `due_at`, with or without a page to act on.
ATTENDANCE_KINDS = frozenset({Kind.APPOINTMENT})
#: Later kinds that answer an open request.
CLOSED_BY: dict[str, frozenset[str]] = {
    Kind.CALL_TO_SUPPLEMENT: frozenset({Kind.SUPPLEMENT_RECEIVED}),
}


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str
    title: str
    text: str
    action_url: str = ""
    action_label: str = ""
    due_at: datetime | None = None
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class Expectation:
    text: str
    action_url: str
    due_at: datetime | None


def visible_data(event: CaseEvent) -> dict[str, Any]:
    allowed = VISIBLE_DATA.get(event.kind, ())
    return {key: event.data[key] for key in allowed if isinstance(event.data, dict) and key in event.data}


def _when(value: Any, with_time: bool) -> str:
    """A date (or date-time) from the event data, in the reader's format; '' when it does not parse."""
    return format_when(value, "zone" if with_time else "date")


def outcome_label(outcome: str) -> str:
    """The decision's outcome in words (`kind` of a decision event as case processing records it)."""
    return {"grant": _("the permit is granted"), "refusal": _("the permit is refused")}.get(outcome, "")


def event_sentence(event: CaseEvent, document_labels: Mapping[str, str] | None = None) -> str:
    """One sentence about an event, in the active language, built from whitelisted data only."""
    data = visible_data(event)
    due = _when(event.due_at, with_time=False) if event.due_at else ""
    kind = event.kind
    if kind == Kind.SUBMITTED:
        return _("Your application was submitted. Case number: %(number)s.") % {
            "number": data.get("case_number") or event.application.case_number
        }
    if kind == Kind.WITHDRAWN:
        return _("You withdrew the application.")
    if kind == Kind.STATUS_CHANGED:
        status = data.get("status")
        if status in ApplicationStatus.values:
            return _("The status of your case is now: %(status)s.") % {"status": ApplicationStatus(status).label}
        return _("The status of your case has changed.")
    if kind == Kind.FORMAL_CHECK_STARTED:
        return _("The office has started checking that the application is complete.")
    if kind == Kind.CALL_TO_SUPPLEMENT:
        if due:
            return _("The office asks you to supplement the application by %(deadline)s.") % {"deadline": due}
        return _("The office asks you to supplement the application.")
    if kind == Kind.SUPPLEMENT_RECEIVED:
        return _("The office has received your supplement.")
    if kind == Kind.APPOINTMENT:
        when = _when(data.get("at"), with_time=True)
        place = str(data.get("place") or "")
        if when and place:
            return _("Please come to give your fingerprints on %(when)s at %(place)s.") % {"when": when, "place": place}
        if when:
            return _("Please come to give your fingerprints on %(when)s.") % {"when": when}
        if data.get("choose_slot"):
            return _("Please choose a date and time to give your fingerprints.")
        return _("The office invites you to give your fingerprints.")
    if kind == Kind.CONSULTATIONS:
        return _("The office has asked other authorities for their opinion. This is a normal step.")
    if kind == Kind.DECISION:
        outcome = outcome_label(str(data.get("kind") or ""))
        if outcome:
            return _("The office has issued a decision: %(outcome)s.") % {"outcome": outcome}
        return _("The office has issued a decision.")
    if kind == Kind.DOCUMENT:
        label = (document_labels or {}).get(str(data.get("document"))) or str(data.get("title") or "")
        return _("A document has been issued: %(title)s.") % {"title": label}
    if kind == Kind.LEFT_UNEXAMINED:
        if data.get("reason") == "fingerprints":
            return _("The application was left unexamined because the fingerprints were not given.")
        if data.get("reason") == "supplement":
            return _("The application was left unexamined because the defects were not supplemented in time.")
        return _("The application was left unexamined.")
    if kind == Kind.DISCONTINUED:
        return _("The proceedings have been discontinued.")
    return str(Kind(kind).label) if kind in Kind.values else ""


def _details(event: CaseEvent) -> tuple[str, ...]:
    data = visible_data(event)
    details: list[str] = []
    defects = data.get("defects")
    if isinstance(defects, list):
        details += [str(defect) for defect in defects if isinstance(defect, str | int)]
    if data.get("complete_on") and (day := _when(data["complete_on"], with_time=False)):
        details.append(_("The application is complete as of %(date)s.") % {"date": day})
    if data.get("valid_from") and data.get("valid_to"):
        details.append(
            _("The permit is valid from %(start)s to %(end)s.")
            % {"start": _when(data["valid_from"], with_time=False), "end": _when(data["valid_to"], with_time=False)}
        )
    if data.get("residence_card_ready_at") and (day := _when(data["residence_card_ready_at"], with_time=False)):
        details.append(_("Your residence card can be collected from %(date)s.") % {"date": day})
    return tuple(details)


def timeline(events: Iterable[CaseEvent], document_labels: Mapping[str, str] | None = None) -> list[TimelineEntry]:
    entries = []
    for event in events:
        label = ""
        if event.action_url:
            label = _("Download") if event.kind == Kind.DOCUMENT else _("What to do")
        entries.append(
            TimelineEntry(
                at=event.created_at,
                kind=event.kind,
                title=str(Kind(event.kind).label) if event.kind in Kind.values else event.kind,
                text=event_sentence(event, document_labels),
                action_url=event.action_url,
                action_label=label,
                due_at=event.due_at,
                details=_details(event),
            )
        )
    return entries


def open_expectation(events: list[CaseEvent], now: datetime | None = None) -> Expectation | None:
    """What the applicant should do now and by when, if there is a deadline (the latest open request), or None."""
    now = now or timezone.now()
    for index in range(len(events) - 1, -1, -1):
        event = events[index]
        is_request = (event.action_url and event.kind != Kind.DOCUMENT) or (
            event.kind in ATTENDANCE_KINDS and event.due_at
        )
        if not is_request or (event.due_at and event.due_at <= now):
            continue
        later = {e.kind for e in events[index + 1 :]}
        if event.kind in later or later & FINAL_KINDS or later & CLOSED_BY.get(event.kind, frozenset()):
            continue
        return Expectation(text=event_sentence(event), action_url=event.action_url, due_at=event.due_at)
    return None


def complete_on(events: Iterable[CaseEvent]) -> date | None:
    """The day the case became complete (the latest event that says so), or None."""
    day = None
    for event in events:
        value = event.data.get("complete_on") if isinstance(event.data, dict) else None
        parsed = parse_date(value) if isinstance(value, str) else None
        if parsed:
            day = parsed
    return day


def add_period(start: date, *, days: int = 0, months: int = 0) -> date:
    """`start` plus whole months (clamped to the month's last day, as the Code of Administrative Procedure counts)
    and days."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day) + timedelta(days=days)


def decision_deadline(application: Application, events: Iterable[CaseEvent]) -> date | None:
    """The statutory deadline for the decision, or None before the case is complete or after it is closed."""
    events = list(events)
    start = complete_on(events)
    period = DECISION_PERIODS.get(application.definition.slug)
    if start is None or period is None or any(event.kind in FINAL_KINDS for event in events):
        return None
    return add_period(start, **period)
