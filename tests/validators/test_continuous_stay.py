"""Five years of continuous legal stay before an EU long-term resident's application, and the breaks in it
(art. 211-212 of the Act on Foreigners): edge cases and properties."""

from __future__ import annotations

import datetime

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from validators.continuous_stay import Absence, Stay, add_months, assess_continuous_stay, years_before

D = datetime.date
FILED = D(2026, 6, 15)


def codes(assessment) -> list[str]:
    return [f.code for f in assessment.findings]


def five_years_to(filed: datetime.date, weight: str = "full") -> Stay:
    return Stay(years_before(filed, 5), filed - datetime.timedelta(days=1), weight)


def test_exactly_five_years_immediately_before_filing_is_enough_and_a_day_less_is_not():
    assert assess_continuous_stay([five_years_to(FILED)], filed_on=FILED).is_met
    short = Stay(years_before(FILED, 5) + datetime.timedelta(days=1), FILED - datetime.timedelta(days=1))
    result = assess_continuous_stay([short], filed_on=FILED)
    assert codes(result) == ["stay_too_short"]
    assert result.counted_days == result.required_days - 1


def test_the_filing_day_itself_is_not_part_of_the_five_years():
    stay = Stay(years_before(FILED, 5) + datetime.timedelta(days=1), FILED)
    assert codes(assess_continuous_stay([stay], filed_on=FILED)) == ["stay_too_short"]


def test_a_day_without_legal_stay_breaks_the_chain():
    first = Stay(D(2020, 1, 1), D(2023, 3, 1))
    second = Stay(D(2023, 3, 3), FILED)
    result = assess_continuous_stay([first, second], filed_on=FILED)
    assert codes(result) == ["stay_too_short"]
    assert result.continuous_from == D(2023, 3, 3)
    joined = Stay(D(2023, 3, 2), D(2023, 3, 2))
    assert assess_continuous_stay([first, joined, second], filed_on=FILED).is_met


def test_studies_count_by_half_so_ten_years_of_studies_are_needed():
    filed = D(2026, 6, 15)
    studies = Stay(years_before(filed, 10), filed - datetime.timedelta(days=1), "half")
    assert assess_continuous_stay([studies], filed_on=filed).is_met
    studies_nine = Stay(years_before(filed, 9), filed - datetime.timedelta(days=1), "half")
    assert codes(assess_continuous_stay([studies_nine], filed_on=filed)) == ["stay_too_short"]


def test_a_stay_that_does_not_count_adds_nothing_but_does_not_break_the_chain():
    posted = Stay(D(2024, 1, 1), FILED - datetime.timedelta(days=1), "none")
    before = Stay(D(2015, 1, 1), D(2023, 12, 31))
    result = assess_continuous_stay([before, posted], filed_on=FILED)
    assert result.is_met and result.continuous_from < D(2020, 1, 1)


def test_a_leap_day_in_the_window_is_one_more_day_to_cover():
    # 15 June 2021 - 14 June 2026 holds 29 February 2024; 15 June 2019 - 14 June 2024 too, and 2020 as well.
    assert assess_continuous_stay([five_years_to(FILED)], filed_on=FILED).required_days == 365 * 5 + 1
    assert assess_continuous_stay([five_years_to(D(2024, 3, 1))], filed_on=D(2024, 3, 1)).required_days == 365 * 5 + 2


def test_a_stay_starting_on_29_february():
    filed = D(2029, 3, 1)  # five years before is 1 March 2024: a stay from 29 February 2024 is more than enough
    assert assess_continuous_stay([Stay(D(2024, 2, 29), D(2029, 2, 28))], filed_on=filed).is_met
    filed = D(2029, 2, 28)  # five years before 28 February 2029 is 28 February 2024: one day is missing
    assert codes(assess_continuous_stay([Stay(D(2024, 2, 29), D(2029, 2, 27))], filed_on=filed)) == ["stay_too_short"]
    assert add_months(D(2024, 2, 29), 6) == D(2024, 8, 29) and years_before(D(2028, 2, 29), 5) == D(2023, 2, 28)


def test_one_absence_of_exactly_six_months_is_allowed_and_a_day_more_is_not():
    stay = five_years_to(FILED)
    six = Absence(D(2023, 1, 10), D(2023, 7, 10))
    assert assess_continuous_stay([stay], [six], filed_on=FILED).is_met
    longer = Absence(D(2023, 1, 10), D(2023, 7, 11))
    assert codes(assess_continuous_stay([stay], [longer], filed_on=FILED)) == ["break_too_long"]


def test_six_months_from_31_august_ends_on_the_last_day_of_february():
    stay = five_years_to(FILED)
    assert assess_continuous_stay([stay], [Absence(D(2023, 8, 31), D(2024, 2, 29))], filed_on=FILED).is_met
    assert not assess_continuous_stay([stay], [Absence(D(2023, 8, 31), D(2024, 3, 1))], filed_on=FILED).is_met
    assert assess_continuous_stay([stay], [Absence(D(2022, 8, 31), D(2023, 2, 28))], filed_on=FILED).is_met


def test_breaks_of_exactly_ten_months_in_total_are_allowed_and_a_day_more_is_not():
    stay = five_years_to(FILED)
    # A total of breaks is not a continuous term: a month counts as 30 days (art. 114 of the Civil Code): 300 days.
    breaks = [
        Absence(D(2022, 1, 1), D(2022, 1, 1) + datetime.timedelta(days=150)),
        Absence(D(2023, 1, 1), D(2023, 5, 31)),
    ]
    assert sum(b.days for b in breaks) == 300
    result = assess_continuous_stay([stay], breaks, filed_on=FILED)
    assert result.is_met and result.counted_break_days == 300
    breaks[1] = Absence(D(2023, 1, 1), D(2023, 6, 1))
    assert codes(assess_continuous_stay([stay], breaks, filed_on=FILED)) == ["breaks_too_long_in_total"]


def test_excused_breaks_do_not_count_and_a_personal_situation_only_when_short():
    stay = five_years_to(FILED)
    work = Absence(D(2022, 1, 1), D(2023, 6, 1), "work_for_polish_employer")
    assert assess_continuous_stay([stay], [work], filed_on=FILED).is_met
    personal_short = Absence(D(2022, 1, 1), D(2022, 7, 1), "personal_situation")
    other = Absence(D(2023, 1, 1), D(2023, 6, 30))
    assert assess_continuous_stay([stay], [personal_short, other], filed_on=FILED).is_met
    personal_long = Absence(D(2022, 1, 1), D(2022, 7, 2), "personal_situation")
    assert codes(assess_continuous_stay([stay], [personal_long, other], filed_on=FILED)) == [
        "break_too_long",
        "breaks_too_long_in_total",
    ]


def test_breaks_outside_the_five_years_do_not_count():
    stay = Stay(D(2010, 1, 1), FILED)
    old = Absence(D(2015, 1, 1), D(2016, 1, 1))
    assert assess_continuous_stay([stay], [old], filed_on=FILED).is_met


def test_blue_card_route_counts_stays_in_other_member_states_and_needs_two_years_in_poland():
    filed = FILED
    germany = Stay(
        years_before(filed, 5), years_before(filed, 2) - datetime.timedelta(days=1), in_poland=False, blue_card=True
    )
    poland = Stay(years_before(filed, 2), filed - datetime.timedelta(days=1), blue_card=True)
    assert assess_continuous_stay([germany, poland], filed_on=filed, blue_card_route=True).is_met
    assert codes(assess_continuous_stay([germany, poland], filed_on=filed)) == ["stay_too_short"]
    late = Stay(years_before(filed, 2) + datetime.timedelta(days=1), filed - datetime.timedelta(days=1), blue_card=True)
    gap_filler = Stay(years_before(filed, 2), years_before(filed, 2), in_poland=False, blue_card=True)
    result = assess_continuous_stay([germany, gap_filler, late], filed_on=filed, blue_card_route=True)
    assert codes(result) == ["blue_card_poland_too_short"]
    long_break = Absence(D(2025, 1, 1), D(2025, 12, 31))  # under 12 months: allowed on this route
    assert assess_continuous_stay([germany, poland], [long_break], filed_on=filed, blue_card_route=True).is_met


def test_a_protection_procedure_counts_by_half_and_in_full_past_18_months():
    from validators.continuous_stay import stays_from_rows

    def row(start, end):
        return {"date_from": start, "date_to": end, "legal_basis": "protection_procedure"}

    options = {"half": ["protection_procedure"], "full_past_18_months": ["protection_procedure"]}
    short, long_ = stays_from_rows([row("2020-01-01", "2021-06-30"), row("2022-01-01", "2023-07-01")], **options)
    assert (short.weight, long_.weight) == ("half", "full")


dates = st.dates(min_value=D(2012, 1, 1), max_value=D(2030, 12, 31))


@settings(deadline=None)
@given(filed=dates)
def test_property_five_full_years_before_any_filing_day_meet_the_condition(filed):
    assert assess_continuous_stay([five_years_to(filed)], filed_on=filed).is_met


@settings(deadline=None)
@given(filed=dates, missing=st.integers(min_value=1, max_value=400))
def test_property_a_stay_that_starts_later_never_meets_it(filed, missing):
    start = years_before(filed, 5) + datetime.timedelta(days=missing)
    result = assess_continuous_stay([Stay(start, filed - datetime.timedelta(days=1))], filed_on=filed)
    assert result.findings[0].code == "stay_too_short"
    assert result.counted_days == result.required_days - missing


@settings(deadline=None)
@given(left=st.dates(min_value=D(2022, 1, 1), max_value=D(2025, 6, 1)), extra=st.integers(min_value=-60, max_value=60))
def test_property_one_break_is_refused_exactly_when_it_passes_six_calendar_months(left, extra):
    returned = add_months(left, 6) + datetime.timedelta(days=extra)
    assume(left < returned < FILED)
    result = assess_continuous_stay([five_years_to(FILED)], [Absence(left, returned)], filed_on=FILED)
    assert ("break_too_long" in codes(result)) == (extra > 0)


@settings(deadline=None)
@given(lengths=st.lists(st.integers(min_value=1, max_value=120), min_size=1, max_size=8))
def test_property_the_total_is_refused_exactly_when_it_passes_300_days(lengths):
    absences, day = [], D(2021, 7, 1)
    for length in lengths:
        absences.append(Absence(day, day + datetime.timedelta(days=length)))
        day += datetime.timedelta(days=length + 30)
    assume(day < FILED)
    result = assess_continuous_stay([five_years_to(FILED)], absences, filed_on=FILED)
    assert result.counted_break_days == sum(lengths)
    assert ("breaks_too_long_in_total" in codes(result)) == (sum(lengths) > 300)
    assert "break_too_long" not in codes(result)


@settings(deadline=None)
@given(
    stays=st.lists(
        st.tuples(dates, st.integers(min_value=0, max_value=900), st.sampled_from(["full", "half", "none"])), max_size=6
    ),
    filed=dates,
)
def test_property_more_periods_never_make_it_worse(stays, filed):
    periods = [Stay(start, start + datetime.timedelta(days=length), weight) for start, length, weight in stays]
    before = assess_continuous_stay(periods, filed_on=filed)
    after = assess_continuous_stay([*periods, Stay(D(2011, 1, 1), D(2011, 12, 31))], filed_on=filed)
    assert after.counted_days >= before.counted_days
    assert before.counted_days <= before.required_days or before.is_met
