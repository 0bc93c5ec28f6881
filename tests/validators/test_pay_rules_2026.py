"""The 2026 pay rules: the full minimum wage whatever the working time (Annex 1 v2) and the Blue Card threshold."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from validators.money import blue_card_monthly_threshold, minimum_wage
from validators.registry import get_rule

FULL = minimum_wage().monthly
HOURLY = minimum_wage().hourly
THRESHOLD = blue_card_monthly_threshold()
fractions = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1"), places=2)


def refused_field(rule: str, values: dict) -> str | None:
    try:
        get_rule(rule)(values)
    except ValidationError as error:
        (field,) = error.message_dict
        return field
    return None


def test_the_2026_minimum_wage_is_the_regulations_figure():
    assert (minimum_wage(datetime.date(2026, 6, 1)).monthly, minimum_wage(datetime.date(2026, 6, 1)).hourly) == (
        Decimal("4806.00"),
        Decimal("31.40"),
    )


@given(fraction=fractions, pay=st.decimals(min_value=FULL, max_value=Decimal("100000"), places=2))
def test_pay_at_or_above_the_full_minimum_passes_whatever_the_working_time(fraction, pay):
    values = {"amount": str(pay), "basis": "monthly", "fraction": str(fraction)}
    assert refused_field("pay_not_below_full_minimum_wage", values) is None


@given(fraction=fractions, pay=st.decimals(min_value=Decimal("0"), max_value=FULL - Decimal("0.01"), places=2))
def test_part_time_pay_below_the_full_minimum_is_refused_on_the_amount(fraction, pay):
    """Half-time at half the minimum passed the 2019 rule; the 2026 rule refuses it."""
    values = {"amount": str(pay), "basis": "monthly", "fraction": str(fraction)}
    assert refused_field("pay_not_below_full_minimum_wage", values) == "amount"


def test_half_time_at_half_the_minimum_passed_the_old_rule_and_fails_the_new():
    values = {"amount": str(FULL / 2), "basis": "monthly", "fraction": "0.5"}
    assert refused_field("pay_not_below_minimum_wage", values) is None
    assert refused_field("pay_not_below_full_minimum_wage", values) == "amount"


@given(rate=st.decimals(min_value=HOURLY, max_value=Decimal("500"), places=2), hours=st.integers(1, 320))
def test_hourly_pay_must_add_up_to_the_full_monthly_minimum(rate, hours):
    values = {"amount": str(rate), "basis": "hourly", "hours_per_month": hours}
    expected = None if rate * hours >= FULL else "amount"
    assert refused_field("pay_not_below_full_minimum_wage", values) == expected


@given(rate=st.decimals(min_value=Decimal("0"), max_value=HOURLY - Decimal("0.01"), places=2))
def test_hourly_pay_below_the_minimum_rate_is_refused(rate):
    assert refused_field("pay_not_below_full_minimum_wage", {"amount": str(rate), "basis": "hourly"}) == "amount"


@given(pay=st.decimals(min_value=Decimal("0"), max_value=Decimal("30000"), places=2))
def test_the_blue_card_pay_threshold(pay):
    expected = None if pay >= THRESHOLD else "amount"
    assert refused_field("pay_not_below_blue_card_threshold", {"amount": str(pay)}) == expected


@given(start=st.dates(datetime.date(2025, 1, 1), datetime.date(2030, 12, 31)), days=st.integers(0, 800))
def test_a_blue_card_contract_runs_at_least_six_months(start, days):
    end = start + datetime.timedelta(days=days)
    month = start.month + 6
    six_months = start.replace(year=start.year + (month - 1) // 12, month=(month - 1) % 12 + 1, day=1)
    # the last day of the six months: the day before the same date six months on (or the month's end when shorter)
    import calendar

    last = min(start.day, calendar.monthrange(six_months.year, six_months.month)[1])
    enough = end >= six_months.replace(day=last) - datetime.timedelta(days=1)
    refused = refused_field("blue_card_contract_long_enough", {"start": start.isoformat(), "end": end.isoformat()})
    assert refused == (None if enough else "end")


@pytest.mark.parametrize(
    ("start", "end", "ok"),
    [("2026-01-01", "2026-06-30", True), ("2026-01-01", "2026-06-29", False), ("2026-08-31", "2027-02-27", True)],
)
def test_six_months_at_the_edges(start, end, ok):
    refused = refused_field("blue_card_contract_long_enough", {"start": start, "end": end})
    assert (refused is None) == ok
