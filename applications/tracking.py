"""The case as the applicant sees it: timeline sentences, what is expected now, and the decision deadline.

Contract with case processing (`workflows`), which speaks only through `services.record_event` and `set_status`:

* `data` of an event is shown only through `VISIBLE_DATA`: the keys listed for its kind (anything else, such as an
  officer's note, stays in the database and is never shown, mailed or returned by the API).
  - `call_to_supplement`: `deadline` (ISO date), `defects` (optional list of short texts meant for the applicant);
    the deadline is also `due_at`, the place to answer is `action_url`.
  - `call_for_evidence`: `deadline` (ISO date), `items` (what the office asks for), `evidence_requested: true`;
    `due_at` and `action_url` as for a call to supplement; closed by `evidence_received` (`evidence_on`) or
    `evidence_deadline_passed` (`evidence_on`: the day the deadline passed).
  - `appointment`: `at` (ISO date-time of the fingerprints appointment), `place` (address); `due_at` is the
    appointment itself (an `action_url` if the applicant must confirm or pick a slot).
  - `decision`: `kind` (`"grant"` or `"refusal"`), `valid_from`, `valid_to` (ISO dates of a granted permit), or
    `indefinite: true` instead of the dates for a permit granted for an indefinite time (permanent residence, EU
    long-term resident); `second_instance_decision` and `decision_final` carry `indefinite: true` likewise.
  - `left_unexamined`: `reason` (`"supplement"` or `"fingerprints"`).
  - `letter_opened`: `title`, `opened_on` (ISO date the addressee first opened an official letter: its delivery),
    `deadline` (ISO date, when a call's deadline runs from that opening; the call's own event gets it as `due_at`).
  - `suspension_refused` (`refused_on`): the officer refused the applicant's request to suspend (art. 98 k.p.a.);
    the order with the reason is a document of its own, and the case goes on.
  - `status_changed`: `status` (an `ApplicationStatus` value), `residence_card_ready_at` (ISO date-time).
  - `document`: `kind`, `title`, `document` (public id), written by `documents`.
  - After the decision (`workflows.finality`, `workflows.appeals`): `appeal_waived` (`waived_on`), `appeal_filed`
    (`filed_on`), `appeal_granted_by_voivode`, `appeal_forwarded` (`forwarded_on`), `second_instance_decision`
    (`outcome`: upheld, overturned, returned or discontinued; `decided_on`) and `decision_final` (`granted`,
    `final_on`, `leave_by` after a refusal). The decision's event gets the appeal page as `action_url` and the last
    moment for an appeal as `due_at`; `status_in_words` says the outcome with its date.
* **The decision clock** (`decision_clock`, the one function every page asks). Case processing records:
  - `complete_on` (ISO date): the application is free of formal defects (the formal check found none, or a
    supplement remedied them). The latest such event wins, so a correction is a new event.
  - `evidence_requested: true`: a call for evidence (art. 106f) was made; the clock waits for it.
  - `evidence_on` (ISO date): the evidence asked for was given, or the deadline for it passed.
  - `clock_excluded_days` (int): days left out of the clock (a suspension, a delay caused by the party; art. 35 § 5
    k.p.a.); every such event adds its days.
  - `new_decision_date` (ISO date): the office's notice of a delay (art. 36 k.p.a.) named a new date; the latest wins.
  The clock starts on the later of `complete_on` and `evidence_on` (art. 112a ust. 1-2) and runs for
  `DECISION_PERIODS[form slug]`: 60 days for temporary residence (art. 112a), 6 months for permanent residence and
  the EU long-term resident's permit (art. 210), plus the excluded days, to the next working day (art. 57 § 4 k.p.a.).
* **What is expected from the applicant**: the latest request no later event closed and whose `due_at` (if any) is
  still in the future. A request is an event with an `action_url` (not a document's download link), or an event of
  a kind in `ATTENDANCE_KINDS` with a `due_at` (the applicant comes in person then). An event is closed by a later
  event of the same kind (a new call replaces the old one; the summons follows the slot choice), by a later event of
  a kind in `CLOSED_BY[kind]`, or by any kind in `FINAL_KINDS`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from legal_calendar import add_months, next_working_day
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
    Kind.DECISION: ("kind", "valid_from", "valid_to", "indefinite"),
    Kind.DOCUMENT: ("kind", "title", "document"),
    Kind.LEFT_UNEXAMINED: ("reason",),
    Kind.DISCONTINUED: (),
    Kind.WITHDRAWN: (),
    Kind.LETTER_OPENED: ("title", "opened_on", "deadline"),
    Kind.CALL_FOR_EVIDENCE: ("deadline", "items"),
    Kind.EVIDENCE_RECEIVED: (),
    Kind.EVIDENCE_DEADLINE_PASSED: (),
    Kind.DELAY_NOTICE: ("new_decision_date",),
    Kind.APPEAL_WAIVED: ("waived_on",),
    Kind.APPEAL_FILED: ("filed_on",),
    Kind.APPEAL_GRANTED_BY_VOIVODE: (),
    Kind.APPEAL_FORWARDED: ("forwarded_on",),
    Kind.SECOND_INSTANCE_DECISION: ("outcome", "decided_on", "indefinite"),
    Kind.DECISION_FINAL: ("granted", "final_on", "leave_by", "indefinite"),
    Kind.CALL_TO_PAY: ("deadline", "amount"),
    Kind.PAYMENT_RECORDED: ("amount",),
    Kind.RETURNED: ("amount",),
    Kind.REFUSED_TO_INITIATE: (),
    Kind.SUSPENSION_REQUESTED: (),
    Kind.SUSPENDED: ("suspended_on",),
    Kind.RESUMED: ("resumed_on", "clock_excluded_days"),
    Kind.SUSPENSION_REFUSED: ("refused_on",),
}

#: How long the office has for a decision once the clock starts, per form slug (art. 112a ust. 1; art. 210 ust. 1).
DECISION_PERIODS: dict[str, dict[str, int]] = {
    "temporary-residence": {"days": 60},
    "temporary-residence-work": {"days": 60},
    "eu-blue-card": {"days": 60},  # a temporary residence permit too (art. 127 ff.): the 60 days of art. 112a
    "permanent-residence": {"months": 6},
    "eu-long-term-resident": {"months": 6},
}
#: Data keys of the decision clock (see the module's docstring); shown to the applicant only through sentences.
CLOCK_KEYS = (
    "complete_on",
    "evidence_requested",
    "evidence_on",
    "clock_excluded_days",
    "new_decision_date",
    "suspended_on",
    "resumed_on",
)

#: Events after which nothing more is expected from the applicant.
FINAL_KINDS = frozenset(
    {
        Kind.DECISION,
        Kind.LEFT_UNEXAMINED,
        Kind.DISCONTINUED,
        Kind.WITHDRAWN,
        Kind.DECISION_FINAL,
        Kind.RETURNED,
        Kind.REFUSED_TO_INITIATE,
    }
)
#: Kinds where the applicant is expected in person by `due_at`, with or without a page to act on.
ATTENDANCE_KINDS = frozenset({Kind.APPOINTMENT})
#: Later kinds that answer an open request.
CLOSED_BY: dict[str, frozenset[str]] = {
    Kind.CALL_TO_SUPPLEMENT: frozenset({Kind.SUPPLEMENT_RECEIVED}),
    Kind.CALL_FOR_EVIDENCE: frozenset({Kind.EVIDENCE_RECEIVED, Kind.EVIDENCE_DEADLINE_PASSED}),
    # A decision's request is the appeal (its `action_url`, `due_at` the last moment for it).
    Kind.DECISION: frozenset({Kind.APPEAL_FILED, Kind.APPEAL_WAIVED}),
    Kind.CALL_TO_PAY: frozenset({Kind.PAYMENT_RECORDED, Kind.RETURNED}),
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
    if kind == Kind.CALL_FOR_EVIDENCE:
        if due:
            return _("The office asks you for evidence (documents or explanations) by %(deadline)s.") % {
                "deadline": due
            }
        return _("The office asks you for evidence (documents or explanations).")
    if kind == Kind.EVIDENCE_RECEIVED:
        return _("The office has received your evidence.")
    if kind == Kind.EVIDENCE_DEADLINE_PASSED:
        return _("The deadline for the evidence has passed; the office decides on what it has.")
    if kind == Kind.DELAY_NOTICE:
        day = _when(data.get("new_decision_date"), with_time=False)
        return _("The office cannot decide in time and has set a new date: %(date)s.") % {"date": day}
    if kind in APPEAL_SENTENCES:
        return APPEAL_SENTENCES[kind](data)
    if kind == Kind.CALL_TO_PAY:
        amount = str(data.get("amount") or "")
        if due:
            return _("The office asks you to pay the stamp duty of %(amount)s PLN by %(deadline)s.") % {
                "amount": amount,
                "deadline": due,
            }
        return _("The office asks you to pay the stamp duty of %(amount)s PLN.") % {"amount": amount}
    if kind == Kind.PAYMENT_RECORDED:
        return _("The office has recorded your payment of the stamp duty.")
    if kind == Kind.RETURNED:
        return _("The application was returned because the stamp duty was not paid in time. This is not a decision.")
    if kind == Kind.REFUSED_TO_INITIATE:
        return _("The office refused to initiate proceedings on your application; the order says why.")
    if kind == Kind.SUSPENSION_REQUESTED:
        return _("You asked the office to suspend the proceedings.")
    if kind == Kind.SUSPENDED:
        return _(
            "The proceedings are suspended at your request. The time for the decision does not run, and the "
            "certificate of legal stay no longer has effect. You can ask to resume them; after 3 years they are "
            "discontinued."
        )
    if kind == Kind.SUSPENSION_REFUSED:
        return _(
            "On %(date)s the office refused to suspend the proceedings, and they go on. The order says why. No "
            "separate complaint lies against it; you can challenge it in an appeal against the decision in your case."
        ) % {"date": _data_day("refused_on", data)}
    if kind == Kind.RESUMED:
        days = data.get("clock_excluded_days") if isinstance(data.get("clock_excluded_days"), int) else 0
        return _(
            "The proceedings have been resumed. The %(days)d days of suspension do not count towards the time for "
            "the decision."
        ) % {"days": days}
    if kind == Kind.LETTER_OPENED:
        title, opened = str(data.get("title") or ""), _when(data.get("opened_on"), with_time=False)
        deadline = _when(data.get("deadline"), with_time=False)
        if deadline:
            return _(
                "You opened the letter “%(title)s” on %(date)s: it is delivered, and the deadline it sets runs "
                "from that day, until %(deadline)s."
            ) % {"title": title, "date": opened, "deadline": deadline}
        return _("You opened the letter “%(title)s” on %(date)s.") % {"title": title, "date": opened}
    return str(Kind(kind).label) if kind in Kind.values else ""


def _data_day(key: str, data: dict) -> str:
    return _when(data.get(key), with_time=False)


#: Art. 138 § 1 pkt 2 k.p.a.: the second instance overturned the decision and discontinued the first-instance
#: proceedings; the case's own ending (`workflows.appeal_steps.discontinued_on_appeal`).
OVERTURNED_AND_DISCONTINUED = gettext_lazy(
    "The Head of the Office for Foreigners overturned the decision and discontinued the proceedings on %(date)s."
)


def _second_instance_sentence(data: dict) -> str:
    sentences = {
        "upheld": _("The Head of the Office for Foreigners upheld the decision on %(date)s."),
        "overturned": _(
            "The Head of the Office for Foreigners overturned the decision and decided the case on %(date)s."
        ),
        "returned": _(
            "The Head of the Office for Foreigners overturned the decision on %(date)s and returned the case to the "
            "voivode to examine it again."
        ),
        "discontinued": _("The Head of the Office for Foreigners discontinued the appeal proceedings on %(date)s."),
        "overturned_discontinued": OVERTURNED_AND_DISCONTINUED,
    }
    sentence = sentences.get(str(data.get("outcome")), _("The Head of the Office for Foreigners decided on %(date)s."))
    return sentence % {"date": _data_day("decided_on", data)}


def _final_sentence(data: dict) -> str:
    day = _data_day("final_on", data)
    if data.get("granted") and data.get("indefinite"):
        return _("The decision is final as of %(date)s: the permit is granted for an indefinite time.") % {"date": day}
    if data.get("granted"):
        return _("The decision is final as of %(date)s: the permit is granted.") % {"date": day}
    text = _("The decision is final as of %(date)s: the permit is refused.") % {"date": day}
    if data.get("leave_by"):
        text += " " + _(
            "You must leave Poland by %(date)s (30 days, art. 299 ust. 6 of the Act on Foreigners), unless you "
            "have another right to stay. After that day your stay is illegal and a return decision may be issued."
        ) % {"date": _data_day("leave_by", data)}
    return text


#: The sentences of the steps after a decision (`workflows.appeals`, `workflows.finality`).
APPEAL_SENTENCES = {
    Kind.APPEAL_WAIVED: lambda data: _("You waived the appeal on %(date)s.") % {"date": _data_day("waived_on", data)},
    Kind.APPEAL_FILED: lambda data: (
        _(
            "Your appeal was filed on %(date)s. The voivode has 7 days to grant it or send it to the Head of the "
            "Office for Foreigners."
        )
        % {"date": _data_day("filed_on", data)}
    ),
    Kind.APPEAL_GRANTED_BY_VOIVODE: lambda data: _("The voivode granted your appeal and issues a new decision."),
    Kind.APPEAL_FORWARDED: lambda data: (
        _("Appeal sent to the Head of the Office for Foreigners on %(date)s.")
        % {"date": _data_day("forwarded_on", data)}
    ),
    Kind.SECOND_INSTANCE_DECISION: _second_instance_sentence,
    Kind.DECISION_FINAL: _final_sentence,
}


def status_in_words(application: Application, events: Iterable[CaseEvent] | None = None) -> str:
    """The case's outcome or stage as a sentence with its date ("Permit granted — final on 30 October 2026")."""
    status = application.status
    if status in (ApplicationStatus.GRANTED_FINAL, ApplicationStatus.REFUSED_FINAL):
        if events is None:
            events = application.events.filter(kind=Kind.DECISION_FINAL)
        finals = [event for event in events if event.kind == Kind.DECISION_FINAL]
        day = (
            _data_day("final_on", finals[-1].data) if finals else _when(application.status_changed_at, with_time=False)
        )
        if status == ApplicationStatus.GRANTED_FINAL and finals and finals[-1].data.get("indefinite"):
            return _("Permit granted for an indefinite time — final on %(date)s") % {"date": day}
        if status == ApplicationStatus.GRANTED_FINAL:
            return _("Permit granted — final on %(date)s") % {"date": day}
        return _("Permit refused — final on %(date)s") % {"date": day}
    if status == ApplicationStatus.DISCONTINUED:
        if events is None:
            events = application.events.filter(kind=Kind.SECOND_INSTANCE_DECISION)
        appeals = [event for event in events if event.kind == Kind.SECOND_INSTANCE_DECISION]
        if appeals and appeals[-1].data.get("outcome") == "overturned_discontinued":
            return str(OVERTURNED_AND_DISCONTINUED) % {"date": _data_day("decided_on", appeals[-1].data)}
    day = _when(application.status_changed_at, with_time=False)
    if status == ApplicationStatus.DECISION_ISSUED:
        if events is None:
            events = application.events.filter(kind=Kind.DECISION)
        decisions = [event for event in events if event.kind == Kind.DECISION]
        outcome = decisions[-1].data.get("kind") if decisions else None
        # The applicant reads what was decided, not only that something was (the appeal runs from delivery).
        if outcome == "grant":
            return _("Permit granted on %(date)s — not final yet") % {"date": day}
        if outcome == "refusal":
            return _("Permit refused on %(date)s — not final yet") % {"date": day}
    if status == ApplicationStatus.APPEAL_FILED:
        return _("Appeal filed on %(date)s, with the voivode") % {"date": day}
    if status == ApplicationStatus.APPEAL_AT_SECOND_INSTANCE:
        return _("Appeal sent to the Head of the Office for Foreigners on %(date)s") % {"date": day}
    return str(ApplicationStatus(status).label) if status in ApplicationStatus.values else str(status)


def _details(event: CaseEvent) -> tuple[str, ...]:
    data = visible_data(event)
    details: list[str] = []
    for key in ("defects", "items"):
        if isinstance(data.get(key), list):
            details += [str(item) for item in data[key] if isinstance(item, str | int)]
    if data.get("complete_on") and (day := _when(data["complete_on"], with_time=False)):
        details.append(_("The application is complete as of %(date)s.") % {"date": day})
    if data.get("valid_from") and data.get("valid_to"):
        details.append(
            _("The permit is valid from %(start)s to %(end)s.")
            % {"start": _when(data["valid_from"], with_time=False), "end": _when(data["valid_to"], with_time=False)}
        )
    if data.get("indefinite") and event.kind != Kind.DECISION_FINAL:  # the final one says it in its sentence
        details.append(_("The permit is granted for an indefinite time."))
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


@dataclass(frozen=True)
class DecisionClock:
    """Where the office's time for the decision stands: when it started, what it waits for, when it ends."""

    starts_on: date | None = None
    due_on: date | None = None
    excluded_days: int = 0
    waiting_for_evidence: bool = False
    new_date_notified: bool = False
    #: The day the proceedings were suspended at the applicant's request, while they stay suspended (art. 98 k.p.a.).
    suspended_since: date | None = None

    @property
    def is_running(self) -> bool:
        return self.due_on is not None


def _day(value: Any) -> date | None:
    return parse_date(value) if isinstance(value, str) else None


def complete_on(events: Iterable[CaseEvent]) -> date | None:
    """The day the case became free of formal defects (the latest event that says so), or None."""
    day = None
    for event in events:
        day = _day(event.data.get("complete_on") if isinstance(event.data, dict) else None) or day
    return day


def add_period(start: date, *, days: int = 0, months: int = 0) -> date:
    """`start` plus whole months (the same day, or the month's last day: art. 57 § 3 k.p.a.) and days."""
    return add_months(start, months) + timedelta(days=days)


def decision_clock(application: Application, events: Iterable[CaseEvent]) -> DecisionClock:
    """The statutory time for the decision (art. 112a, art. 210; art. 35 § 5 and art. 36 k.p.a.), from the timeline.

    Not running (no `due_on`) before the case is free of formal defects, while a call for evidence waits for its
    answer or deadline, and after the case has ended.
    """
    complete, evidence, new_date, excluded, waiting = None, None, None, 0, False
    suspended_since = None
    for event in events:
        data = event.data if isinstance(event.data, dict) else {}
        if event.kind in FINAL_KINDS:
            return DecisionClock()
        complete = _day(data.get("complete_on")) or complete
        if data.get("evidence_requested"):
            waiting = True
        if day := _day(data.get("evidence_on")):
            evidence, waiting = max(evidence or day, day), False
        if isinstance(data.get("clock_excluded_days"), int):
            excluded += data["clock_excluded_days"]
        new_date = _day(data.get("new_decision_date")) or new_date
        if day := _day(data.get("suspended_on")):
            suspended_since = day
        if data.get("resumed_on"):
            suspended_since = None
    if suspended_since is not None:  # suspended: the clock stands still until the proceedings are resumed
        return DecisionClock(excluded_days=excluded, suspended_since=suspended_since)
    period = DECISION_PERIODS.get(application.definition.slug)
    if complete is None or period is None:
        return DecisionClock(excluded_days=excluded)
    start = max(complete, evidence) if evidence else complete
    if waiting:
        return DecisionClock(starts_on=None, excluded_days=excluded, waiting_for_evidence=True)
    due = next_working_day(add_period(start, **period) + timedelta(days=excluded))
    if new_date is not None:
        return DecisionClock(starts_on=start, due_on=new_date, excluded_days=excluded, new_date_notified=True)
    return DecisionClock(starts_on=start, due_on=due, excluded_days=excluded)


def decision_deadline(application: Application, events: Iterable[CaseEvent]) -> date | None:
    """The day the office must decide by, or None while the clock does not run (see `decision_clock`)."""
    return decision_clock(application, list(events)).due_on
