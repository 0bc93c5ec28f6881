"""NIP, REGON, KRS, PKD and occupation codes of employers."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from validators.identity import krs, nip, occupation_code, pkd_code, regon


@pytest.mark.parametrize(("value", "cleaned"), [("1234563218", "1234563218"), ("PL 123-456-32-18", "1234563218")])
def test_valid_nip_is_returned_as_digits(value, cleaned):
    assert nip(value) == cleaned


@pytest.mark.parametrize(
    ("value", "code"), [("1234563219", "nip_checksum"), ("12345", "nip_format"), ("abc", "nip_format")]
)
def test_invalid_nip_is_refused(value, code):
    with pytest.raises(ValidationError) as error:
        nip(value)
    assert error.value.code == code


@pytest.mark.parametrize("value", ["192598184", "12345678512347"])
def test_valid_regon_of_9_or_14_digits_is_accepted(value):
    assert regon(value) == value


@pytest.mark.parametrize(("value", "code"), [("192598183", "regon_checksum"), ("1234", "regon_format")])
def test_invalid_regon_is_refused(value, code):
    with pytest.raises(ValidationError) as error:
        regon(value)
    assert error.value.code == code


def test_krs_has_ten_digits():
    assert krs("0000 012345") == "0000012345"
    with pytest.raises(ValidationError) as error:
        krs("12345")
    assert error.value.code == "krs_format"


@pytest.mark.parametrize(("value", "cleaned"), [("62.01.Z", "62.01.Z"), ("6201z", "62.01.Z"), (" 47.11 .B", "47.11.B")])
def test_pkd_code_is_normalised(value, cleaned):
    assert pkd_code(value) == cleaned


@pytest.mark.parametrize("value", ["62.1.Z", "62.01", "62.01.ZZ", "AB.CD.E"])
def test_malformed_pkd_code_is_refused(value):
    with pytest.raises(ValidationError) as error:
        pkd_code(value)
    assert error.value.code == "pkd_format"


def test_occupation_code_has_six_digits():
    assert occupation_code("251 201") == "251201"
    with pytest.raises(ValidationError) as error:
        occupation_code("25120")
    assert error.value.code == "occupation_format"
