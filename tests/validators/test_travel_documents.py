"""Travel document numbers and the passport MRZ (ICAO 9303 TD3)."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.validators.helpers import make_td3, reference_check_digit
from validators.travel_documents import (
    MRZData,
    icao_check_digit,
    mrz_td3,
    parse_td3,
    to_mrz_name,
    travel_document_number,
)

SPECIMEN_1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
SPECIMEN_2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
SPECIMEN = f"{SPECIMEN_1}\n{SPECIMEN_2}"


def test_document_number_is_upper_cased_without_spaces():
    assert travel_document_number(" ab 123 4567 ") == "AB1234567"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("AB-123456", "document_number_characters"),
        ("ÄB123456", "document_number_characters"),
        ("AB12", "document_number_length"),
        ("A" * 21, "document_number_length"),
    ],
)
def test_document_number_with_other_characters_or_wrong_length_is_refused(value, code):
    with pytest.raises(ValidationError) as error:
        travel_document_number(value)
    assert error.value.code == code


def test_document_number_length_limits_are_parameters():
    assert travel_document_number("AB1", min_length=3, max_length=3) == "AB1"


def test_icao_check_digit_of_the_specimen_fields():
    assert icao_check_digit("L898902C3") == 6
    assert icao_check_digit("740812") == 2
    assert icao_check_digit("120415") == 9
    assert icao_check_digit("<<<<<<<<<<<<<<") == 0


def test_icao_check_digit_refuses_characters_outside_the_mrz_alphabet():
    with pytest.raises(ValueError, match="cannot appear"):
        icao_check_digit("ab")


@settings(max_examples=200)
@given(st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<", max_size=50))
def test_icao_check_digit_agrees_with_the_reference(text):
    assert icao_check_digit(text) == reference_check_digit(text)


def test_icao_specimen_is_parsed():
    assert parse_td3(SPECIMEN) == MRZData(
        document_code="P",
        issuing_state="UTO",
        surname="ERIKSSON",
        given_names="ANNA MARIA",
        document_number="L898902C3",
        nationality="UTO",
        date_of_birth=datetime.date(1974, 8, 12),
        sex="F",
        expiry_date=datetime.date(2012, 4, 15),
        personal_number="ZE184226B",
    )


@pytest.mark.parametrize(
    "pasted",
    [
        SPECIMEN,
        f"  {SPECIMEN.lower()}  ",
        SPECIMEN_1 + SPECIMEN_2,
        f"{SPECIMEN_1}\r\n{SPECIMEN_2}\n",
        f"{SPECIMEN_1} {SPECIMEN_2}",
    ],
)
def test_mrz_field_accepts_the_ways_people_paste_it(pasted):
    assert mrz_td3(pasted) == SPECIMEN


@pytest.mark.parametrize(
    ("line2", "code"),
    [
        ("L898902C37UTO7408122F1204159ZE184226B<<<<<10", "mrz_document_number_check"),
        ("L898902C36UTO7408123F1204159ZE184226B<<<<<10", "mrz_birth_date_check"),
        ("L898902C36UTO7408122F1204158ZE184226B<<<<<10", "mrz_expiry_date_check"),
        ("L898902C36UTO7408122F1204159ZE184226B<<<<<20", "mrz_personal_number_check"),
        ("L898902C36UTO7408122F1204159ZE184226B<<<<<11", "mrz_composite_check"),
        ("L898902C3<UTO7408122F1204159ZE184226B<<<<<10", "mrz_document_number_check"),
    ],
)
def test_mrz_with_a_wrong_check_digit_names_the_failed_check(line2, code):
    with pytest.raises(ValidationError) as error:
        parse_td3(f"{SPECIMEN_1}\n{line2}")
    assert error.value.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (SPECIMEN_1, "mrz_length"),
        (SPECIMEN.replace("ERIKSSON", "ERIKSS0#"), "mrz_characters"),
        (SPECIMEN.replace("P<UTO", "I<UTO"), "mrz_document_code"),
        (SPECIMEN.replace("P<UTO", "P<QQQ"), "mrz_issuing_state"),
    ],
)
def test_mrz_that_is_not_a_passport_mrz_is_refused(text, code):
    with pytest.raises(ValidationError) as error:
        parse_td3(text)
    assert error.value.code == code


def _td3(**overrides):
    data = {
        "surname": "KOWALSKA",
        "given_names": "ANNA",
        "number": "AB1234567",
        "nationality": "UKR",
        "issuing_state": "UKR",
        "born": datetime.date(1990, 1, 31),
        "sex": "F",
        "expiry": datetime.date(2030, 5, 1),
    }
    data.update(overrides)
    return make_td3(**data)


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"nationality": "QQQ"}, "mrz_nationality"),
        ({"sex": "Q"}, "mrz_sex"),
    ],
)
def test_mrz_with_unknown_nationality_or_sex_is_refused(overrides, code):
    with pytest.raises(ValidationError) as error:
        parse_td3(_td3(**overrides))
    assert error.value.code == code


def test_mrz_with_an_impossible_date_is_refused_even_with_matching_check_digits():
    line1, line2 = _td3().split("\n")
    for field_start, code in ((13, "mrz_birth_date"), (21, "mrz_expiry_date")):
        broken = line2[:field_start] + "991332" + str(reference_check_digit("991332")) + line2[field_start + 7 :]
        composite = broken[0:10] + broken[13:20] + broken[21:43]
        broken = broken[:43] + str(reference_check_digit(composite))
        with pytest.raises(ValidationError) as error:
            parse_td3(f"{line1}\n{broken}")
        assert error.value.code == code


def test_mrz_date_that_is_not_digits_is_refused():
    line1, line2 = _td3().split("\n")
    broken = line2[:13] + "<<<<<<" + str(reference_check_digit("<<<<<<")) + line2[20:43]
    broken += str(reference_check_digit(broken[0:10] + broken[13:20] + broken[21:43]))
    with pytest.raises(ValidationError) as error:
        parse_td3(f"{line1}\n{broken}")
    assert error.value.code == "mrz_birth_date"


def test_mrz_without_personal_number_may_use_filler_as_its_check_digit():
    line1, line2 = _td3().split("\n")
    line2 = line2[:42] + "<" + line2[43]
    assert parse_td3(f"{line1}\n{line2}").personal_number == ""


def test_german_passport_uses_d_and_unspecified_sex_is_none():
    data = parse_td3(_td3(nationality="D", issuing_state="D", sex="<"))
    assert (data.nationality, data.issuing_state, data.sex) == ("D", "D", None)


@time_machine.travel(datetime.date(2025, 6, 1))
def test_two_digit_birth_year_takes_the_latest_century_not_in_the_future():
    assert parse_td3(_td3(born=datetime.date(2025, 5, 31))).date_of_birth == datetime.date(2025, 5, 31)
    assert parse_td3(_td3(born=datetime.date(1925, 6, 2))).date_of_birth == datetime.date(1925, 6, 2)


@settings(max_examples=150)
@given(
    surname=st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=15),
    given_names=st.lists(
        st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=8), min_size=1, max_size=2
    ),
    number=st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=5, max_size=9),
    nationality=st.sampled_from(["POL", "UKR", "BLR", "IND", "XXA", "D", "UTO"]),
    born=st.dates(min_value=datetime.date(1930, 1, 1), max_value=datetime.date(2020, 12, 31)),
    sex=st.sampled_from(["F", "M"]),
    expiry=st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2099, 12, 31)),
    personal=st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", max_size=14),
)
def test_generated_mrz_parses_back_to_the_same_data(
    surname, given_names, number, nationality, born, sex, expiry, personal
):
    text = make_td3(
        surname=surname,
        given_names=" ".join(given_names),
        number=number,
        nationality=nationality,
        issuing_state=nationality,
        born=born,
        sex=sex,
        expiry=expiry,
        personal=personal,
    )
    data = parse_td3(text)
    assert (data.surname, data.given_names) == (surname, " ".join(given_names))
    assert (data.document_number, data.nationality, data.personal_number) == (number, nationality, personal)
    assert (data.date_of_birth, data.sex, data.expiry_date) == (born, sex, expiry)


@pytest.mark.parametrize(
    ("name", "mrz"),
    [
        ("Łukasz Żółć", "LUKASZ<ZOLC"),
        ("Jürgen Müller-Groß", "JUERGEN<MUELLER<GROSS"),
        ("Åse Øby", "AASE<OEBY"),
        ("O'Neil", "ONEIL"),
        ("José  María", "JOSE<MARIA"),
        ("Олена", None),
    ],
)
def test_names_are_transliterated_to_mrz_form(name, mrz):
    assert to_mrz_name(name) == mrz
