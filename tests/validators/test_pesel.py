"""PESEL: format, check digit, date of birth with the century in the month, and the sex digit."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.validators.helpers import make_pesel, pesel_check_digit
from validators.identity import pesel, pesel_birth_date_and_sex
from validators.registry import get_field_validator


@pytest.mark.parametrize(
    ("number", "born", "sex"),
    [
        ("44051401359", datetime.date(1944, 5, 14), "M"),  # 19xx: month as written
        ("02211307589", datetime.date(2002, 1, 13), "F"),  # 20xx: month + 20
        ("02122401358", datetime.date(1902, 12, 24), "M"),
    ],
)
def test_real_format_pesel_is_accepted_and_gives_birth_date_and_sex(number, born, sex):
    assert pesel(number) == number
    assert get_field_validator("pesel")(number) == number
    assert pesel_birth_date_and_sex(number) == (born, sex)


def test_pesel_with_spaces_is_returned_as_bare_digits():
    assert pesel(" 440514 01359 ") == "44051401359"


def test_pesel_with_wrong_check_digit_is_refused():
    with pytest.raises(ValidationError) as error:
        pesel("44051401358")
    assert error.value.code == "pesel_checksum"


@pytest.mark.parametrize("number", ["4405140135", "440514013590", "4405140135X", "", None])
def test_pesel_must_have_eleven_digits(number):
    with pytest.raises(ValidationError) as error:
        pesel(number)
    assert error.value.code == "pesel_format"


def test_pesel_of_30_february_is_refused_even_with_a_correct_check_digit():
    first_ten = "9002301234"
    with pytest.raises(ValidationError) as error:
        pesel(first_ten + pesel_check_digit(first_ten))
    assert error.value.code == "pesel_date"


@pytest.mark.parametrize("year", [1800, 1899, 1999, 2000, 2099, 2100, 2299])
def test_pesel_covers_every_century_from_1800_to_2299(year):
    born = datetime.date(year, 6, 30)
    number = make_pesel(born, "F")
    assert pesel_birth_date_and_sex(number) == (born, "F")


def test_birth_date_and_sex_of_an_invalid_pesel_is_an_error():
    with pytest.raises(ValidationError):
        pesel_birth_date_and_sex("44051401358")


@settings(max_examples=200)
@given(
    born=st.dates(min_value=datetime.date(1800, 1, 1), max_value=datetime.date(2299, 12, 31)),
    sex=st.sampled_from(["F", "M"]),
    serial=st.integers(min_value=0, max_value=999),
)
def test_pesel_built_from_date_and_sex_validates_and_round_trips(born, sex, serial):
    number = make_pesel(born, sex, serial)
    assert pesel(number) == number
    assert pesel_birth_date_and_sex(number) == (born, sex)


@settings(max_examples=200)
@given(
    born=st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2099, 12, 31)),
    position=st.integers(min_value=0, max_value=10),
    delta=st.integers(min_value=1, max_value=9),
)
def test_any_single_digit_change_breaks_the_pesel(born, position, delta):
    number = make_pesel(born, "M")
    changed = number[:position] + str((int(number[position]) + delta) % 10) + number[position + 1 :]
    with pytest.raises(ValidationError) as error:
        pesel(changed)
    assert error.value.code in {"pesel_checksum", "pesel_date"}
