"""The legal calendar: deadlines end at the end of their last day in Polish time, past weekends and holidays."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from workflows.deadlines import (
    DEADLINE_RULES,
    POLISH_TIME,
    DeadlineKind,
    check_days,
    is_working_day,
    last_moment,
    next_working_day,
)

days_in_range = st.dates(min_value=date(2025, 1, 1), max_value=date(2035, 12, 31))
periods = st.integers(min_value=0, max_value=200)


def test_a_deadline_ending_on_11_november_moves_to_12_november():
    # 28 October 2026 + 14 days = Wednesday 11 November, Independence Day.
    end = last_moment(date(2026, 10, 28), 14)
    assert end.date() == date(2026, 11, 12)
    assert (end.hour, end.minute, end.second) == (23, 59, 59)


def test_a_deadline_ending_on_easter_monday_moves_to_the_tuesday():
    # 23 March 2026 + 14 days = Monday 6 April 2026, Easter Monday.
    assert last_moment(date(2026, 3, 23), 14).date() == date(2026, 4, 7)


def test_a_deadline_ending_on_a_saturday_moves_to_the_monday():
    # 8 days after Friday 6 November 2026 is Saturday 14 November.
    assert last_moment(date(2026, 11, 6), 8).date() == date(2026, 11, 16)


def test_a_deadline_ending_on_christmas_eve_runs_past_the_whole_christmas_weekend():
    # Christmas Eve is a public holiday from 2025; then Christmas Day, the Second Day (Saturday) and Sunday.
    assert last_moment(date(2026, 12, 10), 14).date() == date(2026, 12, 28)


def test_the_day_of_delivery_is_not_counted():
    assert last_moment(date(2026, 12, 1), 7).date() == date(2026, 12, 8)


def test_the_deadline_ends_at_midnight_polish_time_in_winter_and_in_summer():
    winter = last_moment(date(2026, 12, 1), 7)
    summer = last_moment(date(2026, 7, 1), 7)
    assert winter.astimezone(UTC).replace(microsecond=0) == datetime(2026, 12, 8, 22, 59, 59, tzinfo=UTC)
    assert summer.astimezone(UTC).replace(microsecond=0) == datetime(2026, 7, 8, 21, 59, 59, tzinfo=UTC)


def test_a_letter_opened_after_midnight_in_poland_counts_from_the_polish_day():
    opened = datetime(2026, 11, 30, 23, 30, tzinfo=UTC)  # already 1 December, 00:30, in Warsaw
    assert last_moment(opened, 7).date() == date(2026, 12, 8)


def test_the_table_names_each_deadline_kind_with_the_minimum_the_law_sets():
    assert {kind: (rule.minimum_days, rule.default_days) for kind, rule in DEADLINE_RULES.items()} == {
        DeadlineKind.CALL_TO_SUPPLEMENT: (7, 14),
        DeadlineKind.CALL_FOR_EVIDENCE: (14, 14),
        DeadlineKind.SUMMONS: (7, 14),
        DeadlineKind.CALL_TO_PAY: (7, 14),
    }
    assert DEADLINE_RULES[DeadlineKind.CALL_TO_PAY].maximum_days == 14


@pytest.mark.parametrize(
    ("kind", "days", "code"),
    [
        (DeadlineKind.CALL_TO_SUPPLEMENT, 6, "too_short"),
        (DeadlineKind.CALL_FOR_EVIDENCE, 13, "too_short"),
        (DeadlineKind.CALL_TO_PAY, 6, "too_short"),
        (DeadlineKind.CALL_TO_PAY, 15, "too_long"),
    ],
)
def test_a_period_the_law_does_not_allow_is_refused_with_a_field_message(kind, days, code):
    with pytest.raises(ValidationError) as refused:
        check_days(kind, days, field="deadline_days")
    [error] = refused.value.error_dict["deadline_days"]
    assert error.code == code


def test_periods_within_the_law_pass():
    check_days(DeadlineKind.CALL_TO_SUPPLEMENT, 7)
    check_days(DeadlineKind.CALL_TO_SUPPLEMENT, 30)
    check_days(DeadlineKind.CALL_TO_PAY, 14)


@given(delivered=days_in_range, days=periods)
def test_every_deadline_ends_on_a_working_day_at_the_end_of_the_polish_day(delivered, days):
    end = last_moment(delivered, days)
    assert end.tzinfo == POLISH_TIME
    assert is_working_day(end.date())
    assert end + timedelta(microseconds=1) == datetime.combine(
        end.date() + timedelta(days=1), datetime.min.time(), POLISH_TIME
    )


@given(delivered=days_in_range, days=periods)
def test_a_deadline_is_never_shorter_than_the_law_and_moves_only_past_days_off(delivered, days):
    nominal = delivered + timedelta(days=days)
    end = last_moment(delivered, days).date()
    assert end >= nominal
    assert all(not is_working_day(nominal + timedelta(days=n)) for n in range((end - nominal).days))


@given(first=days_in_range, second=days_in_range, days=periods)
def test_a_later_delivery_never_gives_an_earlier_deadline(first, second, days):
    early, late = sorted((first, second))
    assert last_moment(early, days) <= last_moment(late, days)


@given(day=days_in_range)
def test_the_next_working_day_is_the_first_one_on_or_after_the_day(day):
    found = next_working_day(day)
    assert is_working_day(found) and found >= day
    assert all(not is_working_day(day + timedelta(days=n)) for n in range((found - day).days))
