"""Names, dates, postal codes, phones, e-mail addresses and country codes."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from validators.contact import email, phone, postal_code_pl
from validators.countries import country_choices, country_code
from validators.dates import birth_date, date_not_in_future, date_not_in_past
from validators.names import person_name
from validators.registry import field_validator_names, get_field_validator

TODAY = datetime.date(2025, 6, 15)
LATIN_AND_CYRILLIC = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZąęłńóśźżĄĘŁŃÓŚŹŻäöüß"
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЄІЇҐ"
)


def code_of(fn, *args, **kwargs):
    with pytest.raises(ValidationError) as error:
        fn(*args, **kwargs)
    return error.value.code


def test_every_field_validator_is_registered_and_unknown_names_are_key_errors():
    assert field_validator_names() >= {
        "pesel",
        "travel_document_number",
        "mrz_td3",
        "postal_code_pl",
        "phone",
        "email",
        "country_code",
        "person_name",
        "birth_date",
        "date_not_in_future",
        "date_not_in_past",
        "nip",
        "regon",
        "krs",
        "pkd_code",
        "occupation_code",
        "photo_dimensions",
    }
    with pytest.raises(KeyError):
        get_field_validator("no_such_validator")


@pytest.mark.parametrize(
    ("value", "cleaned"),
    [
        ("  Anna   Maria ", "Anna Maria"),
        ("Żaneta Wójcik-Kowalska", "Żaneta Wójcik-Kowalska"),
        ("O'Neil", "O'Neil"),
        ("D’Angelo", "D’Angelo"),
        ("Олександр", "Олександр"),
        ("李小龍", "李小龍"),
        ("Nguyễn", "Nguyễn"),
    ],
)
def test_person_name_accepts_letters_of_any_script(value, cleaned):
    assert person_name(value) == cleaned


@pytest.mark.parametrize(
    ("value", "kwargs", "code"),
    [
        ("Anna2", {}, "name_characters"),
        ("J. Smith", {}, "name_characters"),
        ("", {}, "name_too_short"),
        ("Al", {"min_length": 3}, "name_too_short"),
        ("A" * 101, {}, "name_too_long"),
        ("- '", {}, "name_no_letters"),
    ],
)
def test_person_name_refuses_digits_dots_and_bad_lengths(value, kwargs, code):
    assert code_of(person_name, value, **kwargs) == code


@settings(max_examples=200)
@given(st.lists(st.text(alphabet=LATIN_AND_CYRILLIC, min_size=1, max_size=20), min_size=1, max_size=3))
def test_person_name_accepts_generated_latin_and_cyrillic_names(parts):
    name = " ".join(parts)
    assert person_name(name) == name


@settings(max_examples=200)
@given(
    st.text(alphabet=LATIN_AND_CYRILLIC, max_size=20),
    st.characters(categories=["Nd"]),
    st.text(alphabet=LATIN_AND_CYRILLIC, max_size=20),
)
def test_person_name_refuses_any_name_with_a_digit(before, digit, after):
    assert code_of(person_name, before + digit + after) == "name_characters"


@time_machine.travel(TODAY)
def test_birth_date_bounds():
    assert birth_date("2000-06-15") == datetime.date(2000, 6, 15)
    assert birth_date(datetime.datetime(2000, 6, 15, 12, 0)) == datetime.date(2000, 6, 15)
    assert code_of(birth_date, "2025-06-16") == "birth_date_in_future"
    assert code_of(birth_date, "2007-06-16", min_age=18) == "birth_date_too_young"
    assert birth_date("2007-06-15", min_age=18) == datetime.date(2007, 6, 15)
    assert code_of(birth_date, "1894-06-14") == "birth_date_too_old"
    assert code_of(birth_date, "15.06.2000") == "date_invalid"
    assert code_of(birth_date, 12) == "date_invalid"


@time_machine.travel(TODAY)
def test_dates_against_today():
    assert date_not_in_future(TODAY) == TODAY
    assert code_of(date_not_in_future, TODAY + datetime.timedelta(days=1)) == "date_in_future"
    assert date_not_in_past(TODAY) == TODAY
    assert code_of(date_not_in_past, TODAY - datetime.timedelta(days=1)) == "date_in_past"


@pytest.mark.parametrize(("value", "cleaned"), [("00-950", "00-950"), ("00950", "00-950"), (" 31 - 150 ", "31-150")])
def test_polish_postal_code_is_normalised(value, cleaned):
    assert postal_code_pl(value) == cleaned


@pytest.mark.parametrize("value", ["0-950", "00-95", "AB-123", "00-9500"])
def test_malformed_postal_code_is_refused(value):
    assert code_of(postal_code_pl, value) == "postal_code_format"


@pytest.mark.parametrize(
    ("value", "kwargs", "cleaned"),
    [
        ("601 234 567", {}, "+48601234567"),
        ("+48 601-234-567", {}, "+48601234567"),
        ("0048601234567", {}, "+48601234567"),
        ("+380 50 123 4567", {}, "+380501234567"),
        ("050 123 4567", {"default_region": "UA"}, "+380501234567"),
    ],
)
def test_phone_is_returned_in_e164(value, kwargs, cleaned):
    assert phone(value, **kwargs) == cleaned


@pytest.mark.parametrize(
    ("value", "code"), [("call me", "phone_format"), ("+48 123", "phone_invalid"), ("", "phone_format")]
)
def test_impossible_phone_is_refused(value, code):
    assert code_of(phone, value) == code


def test_email_domain_is_lower_cased():
    assert email(" Jan.Kowalski@Example.PL ") == "Jan.Kowalski@example.pl"
    assert code_of(email, "jan@") == "email"
    assert code_of(email, "no at sign") == "email"


@pytest.mark.parametrize(
    ("value", "cleaned"), [("pol", "POL"), (" UKR ", "UKR"), ("XXA", "XXA"), ("D", "D"), ("UTO", "UTO")]
)
def test_country_code_accepts_iso_and_icao_codes(value, cleaned):
    assert country_code(value) == cleaned


@pytest.mark.parametrize("value", ["PL", "QQQ", "", "POLAND"])
def test_country_code_refuses_unknown_codes(value):
    assert code_of(country_code, value) == "country_code"


def test_country_choices_are_translated_and_sorted():
    polish = dict(country_choices("pl"))
    assert polish["DEU"] == "Niemcy"
    assert polish["POL"] == "Polska"
    names = [name for _code, name in country_choices("pl")]
    assert names.index("Łotwa") < names.index("Maroko")
    assert dict(country_choices("en"))["DEU"] == "Germany"
    assert dict(country_choices("en"))["BOL"] == "Bolivia"
    assert dict(country_choices("uk-UA"))["DEU"] != "Germany"
    assert "XXA" not in polish
    assert dict(country_choices("en", include_special=True))["XXA"] == "Stateless person"
