"""Cross-field rules: PESEL against birth and sex, date order, validity, period length, MRZ, minimum wage."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError

from tests.validators.helpers import make_td3
from validators.money import minimum_wage
from validators.registry import get_rule, rule_names

TODAY = datetime.date(2025, 6, 15)
SPECIMEN = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"


def errors_of(name, values, **params):
    """The roles that carry a message after running the rule, with their codes."""
    try:
        get_rule(name)(values, **params)
    except ValidationError as error:
        return {role: [e.code for e in errors] for role, errors in error.error_dict.items()}
    return {}


def test_every_rule_is_registered():
    assert rule_names() == {
        "pesel_matches_birth_and_sex",
        "date_order",
        "valid_on_submission",
        "period_at_most",
        "mrz_matches",
        "pay_not_below_minimum_wage",
        "pay_not_below_full_minimum_wage",
        "pay_not_below_blue_card_threshold",
        "blue_card_contract_long_enough",
        "answer_allowed_when",
    }


def test_unknown_rule_is_a_key_error():
    with pytest.raises(KeyError):
        get_rule("no_such_rule")


def test_pesel_matches_birth_and_sex():
    assert (
        errors_of("pesel_matches_birth_and_sex", {"pesel": "44051401359", "date_of_birth": "1944-05-14", "sex": "M"})
        == {}
    )
    assert errors_of(
        "pesel_matches_birth_and_sex", {"pesel": "44051401359", "date_of_birth": datetime.date(1944, 5, 15)}
    ) == {"pesel": ["pesel_birth_date_mismatch"]}
    assert errors_of("pesel_matches_birth_and_sex", {"pesel": "44051401359", "sex": "F"}) == {
        "pesel": ["pesel_sex_mismatch"]
    }


@pytest.mark.parametrize(
    "values", [{"pesel": None, "date_of_birth": "1944-05-15"}, {"pesel": "44051401358", "sex": "F"}, {"pesel": ""}]
)
def test_pesel_rule_does_nothing_without_a_valid_pesel(values):
    assert errors_of("pesel_matches_birth_and_sex", values) == {}


def test_date_order():
    assert errors_of("date_order", {"start": "2025-01-01", "end": "2025-01-01"}) == {}
    assert errors_of("date_order", {"start": "2025-01-02", "end": "2025-01-01"}) == {"end": ["date_order"]}
    assert errors_of("date_order", {"start": "2025-01-01", "end": "2025-01-01"}, allow_equal=False) == {
        "end": ["date_order"]
    }
    assert errors_of("date_order", {"start": None, "end": "2025-01-01"}) == {}


@time_machine.travel(TODAY)
def test_travel_document_must_be_valid_on_the_day_of_submission():
    assert errors_of("valid_on_submission", {"expiry": TODAY}) == {}
    assert errors_of("valid_on_submission", {"expiry": TODAY - datetime.timedelta(days=1)}) == {
        "expiry": ["document_expired"]
    }
    assert errors_of("valid_on_submission", {"expiry": None}) == {}


def test_period_at_most():
    assert errors_of("period_at_most", {"start": "2024-02-29", "end": "2027-02-28"}) == {}
    assert errors_of("period_at_most", {"start": "2024-02-29", "end": "2027-03-01"}) == {"end": ["period_too_long"]}
    assert errors_of("period_at_most", {"start": "2025-01-01", "end": "2026-01-02"}, years=1) == {
        "end": ["period_too_long"]
    }
    assert errors_of("period_at_most", {"start": "2025-01-01"}) == {}


def test_mrz_matches_the_specimen_answers():
    values = {
        "mrz": SPECIMEN,
        "surname": "Eriksson",
        "given_names": "Anna Maria",
        "date_of_birth": datetime.date(1974, 8, 12),
        "sex": "F",
        "nationality": "UTO",
        "expiry_date": "2012-04-15",
        "document_number": "l898902c3",
    }
    assert errors_of("mrz_matches", values) == {}


def test_mrz_mismatches_are_keyed_by_the_role_that_disagrees():
    values = {
        "mrz": SPECIMEN,
        "surname": "Erikson",
        "given_names": "Anna",
        "date_of_birth": datetime.date(1974, 8, 13),
        "sex": "M",
        "nationality": "SWE",
        "expiry_date": "2012-04-16",
        "document_number": "L898902C4",
    }
    assert errors_of("mrz_matches", values) == {
        "surname": ["mrz_surname_mismatch"],
        "given_names": ["mrz_given_names_mismatch"],
        "date_of_birth": ["mrz_date_of_birth_mismatch"],
        "sex": ["mrz_sex_mismatch"],
        "nationality": ["mrz_nationality_mismatch"],
        "expiry_date": ["mrz_expiry_date_mismatch"],
        "document_number": ["mrz_document_number_mismatch"],
    }


def test_mrz_names_are_compared_after_transliteration():
    mrz = make_td3(
        surname="MUELLER<GROSS",
        given_names="LUKASZ",
        number="C01X00T47",
        nationality="D",
        issuing_state="D",
        born=datetime.date(1980, 1, 1),
        sex="M",
        expiry=datetime.date(2031, 1, 1),
    )
    values = {"mrz": mrz, "surname": "Müller-Groß", "given_names": "Łukasz", "nationality": "DEU"}
    assert errors_of("mrz_matches", values) == {}


def test_truncated_mrz_name_only_has_to_begin_like_the_answer():
    long_given = "ALEKSANDRA MARIA KONSTANCJA"
    mrz = make_td3(
        surname="WISNIEWSKA",
        given_names=long_given,
        number="AB1234567",
        nationality="POL",
        issuing_state="POL",
        born=datetime.date(1980, 1, 1),
        sex="F",
        expiry=datetime.date(2031, 1, 1),
    )
    assert errors_of("mrz_matches", {"mrz": mrz, "given_names": "Aleksandra Maria Konstancja"}) == {}


@pytest.mark.parametrize(
    "values",
    [
        {"mrz": None, "surname": "X"},
        {"mrz": "not an mrz", "surname": "X"},
        {"mrz": SPECIMEN, "surname": "Ерікссон", "document_number": "L8989-02C3"},
    ],
)
def test_mrz_rule_does_nothing_without_a_valid_mrz_or_comparable_answers(values):
    assert errors_of("mrz_matches", values) == {}


@time_machine.travel(TODAY)
def test_pay_not_below_minimum_wage_2025():
    rule = "pay_not_below_minimum_wage"
    assert errors_of(rule, {"amount": Decimal("4666.00"), "basis": "monthly"}) == {}
    assert errors_of(rule, {"amount": Decimal("4665.99"), "basis": "monthly"}) == {
        "amount": ["pay_below_minimum_monthly"]
    }
    assert errors_of(rule, {"amount": "2333", "basis": "monthly", "fraction": Decimal("0.5")}) == {}
    assert errors_of(rule, {"amount": "2332,99", "basis": "monthly", "fraction": "0.5"}) == {
        "amount": ["pay_below_minimum_monthly"]
    }
    assert errors_of(rule, {"amount": Decimal("30.50"), "basis": "hourly"}) == {}
    assert errors_of(rule, {"amount": Decimal("30.49"), "basis": "hourly"}) == {"amount": ["pay_below_minimum_hourly"]}
    assert errors_of(rule, {"amount": "5000", "basis": "monthly", "fraction": "1.5"}) == {
        "fraction": ["fraction_out_of_range"]
    }


@pytest.mark.parametrize(
    "values",
    [
        {"amount": None, "basis": "monthly"},
        {"amount": "abc", "basis": "monthly"},
        {"amount": "1", "basis": None},
        {"amount": "1", "basis": "weekly"},
        {"amount": "NaN", "basis": "hourly"},
    ],
)
def test_pay_rule_does_nothing_without_amount_and_known_basis(values):
    assert errors_of("pay_not_below_minimum_wage", values) == {}


@time_machine.travel(datetime.date(2026, 1, 2))
def test_minimum_wage_follows_todays_year():
    assert errors_of("pay_not_below_minimum_wage", {"amount": "4805", "basis": "monthly"}) == {
        "amount": ["pay_below_minimum_monthly"]
    }
    assert minimum_wage().hourly == Decimal("31.40")


def test_minimum_wage_for_a_year_outside_the_table_uses_the_nearest_known_year():
    assert minimum_wage(datetime.date(2030, 1, 1)).monthly == Decimal("4806.00")
    assert minimum_wage(datetime.date(2020, 1, 1)).monthly == Decimal("4666.00")
