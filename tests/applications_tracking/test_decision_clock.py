"""The decision clock (art. 112a, art. 210 of the Act on Foreigners; art. 35 § 5, art. 36, art. 57 k.p.a.)."""

from __future__ import annotations

from datetime import date

import pytest

from applications import tracking
from applications.case_models import CaseEvent
from formdefs.api import FormDefinition

Kind = CaseEvent.Kind


def case(slug: str):
    return type("Case", (), {"definition": FormDefinition(slug=slug)})()


def event(kind=Kind.STATUS_CHANGED, **data) -> CaseEvent:
    return CaseEvent(kind=kind, data=data)


def test_temporary_residence_is_decided_within_sixty_days_of_being_free_of_defects():
    clock = tracking.decision_clock(case("temporary-residence"), [event(complete_on="2030-01-31")])
    assert (clock.starts_on, clock.due_on) == (date(2030, 1, 31), date(2030, 4, 1))


@pytest.mark.parametrize("slug", ["permanent-residence", "eu-long-term-resident"])
def test_permanent_residence_decision_is_due_six_months_after_the_evidence_was_given(slug):
    events = [
        event(complete_on="2030-01-10"),
        event(Kind.DOCUMENT, evidence_requested=True),
        event(evidence_on="2030-02-20"),
    ]
    clock = tracking.decision_clock(case(slug), events)
    assert clock.starts_on == date(2030, 2, 20)
    assert clock.due_on == date(2030, 8, 20)


def test_the_clock_does_not_run_while_a_call_for_evidence_waits():
    events = [event(complete_on="2030-01-10"), event(Kind.DOCUMENT, evidence_requested=True)]
    clock = tracking.decision_clock(case("temporary-residence"), events)
    assert clock.waiting_for_evidence and clock.due_on is None
    assert tracking.decision_deadline(case("temporary-residence"), events) is None


def test_evidence_given_before_the_defects_were_remedied_starts_the_clock_at_the_remedy():
    events = [event(evidence_on="2030-01-05"), event(complete_on="2030-01-31")]
    assert tracking.decision_clock(case("temporary-residence"), events).starts_on == date(2030, 1, 31)


def test_suspension_and_delays_caused_by_the_party_are_left_out_of_the_clock():
    events = [event(complete_on="2030-01-31"), event(clock_excluded_days=10), event(clock_excluded_days=5)]
    clock = tracking.decision_clock(case("temporary-residence"), events)
    assert clock.excluded_days == 15 and clock.due_on == date(2030, 4, 16)


def test_a_decision_deadline_on_a_holiday_moves_to_the_next_working_day():
    # 60 days after 12 September 2026 is Wednesday 11 November, Independence Day.
    clock = tracking.decision_clock(case("temporary-residence"), [event(complete_on="2026-09-12")])
    assert clock.due_on == date(2026, 11, 12)


def test_the_notice_of_a_delay_sets_the_new_date():
    events = [event(complete_on="2030-01-31"), event(new_decision_date="2030-05-15")]
    clock = tracking.decision_clock(case("temporary-residence"), events)
    assert clock.due_on == date(2030, 5, 15) and clock.new_date_notified


def test_the_clock_stops_when_the_case_ends():
    events = [event(complete_on="2030-01-31"), event(Kind.DECISION)]
    assert tracking.decision_clock(case("temporary-residence"), events).due_on is None
