"""Polish identity and business numbers: PESEL, NIP, REGON, KRS, PKD and occupation codes."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import exceptions as stdnum_errors
from stdnum.pl import nip as stdnum_nip
from stdnum.pl import pesel as stdnum_pesel
from stdnum.pl import regon as stdnum_regon

from validators._common import as_text
from validators._registration import field_validator


def _digits_only(value: Any) -> str:
    """Strip the spaces and dashes people type into long numbers."""
    return re.sub(r"[\s-]", "", as_text(value))


@field_validator("pesel")
def pesel(value: Any) -> str:
    """A PESEL: 11 digits, a matching check digit and a real date of birth (1800-2299, century in the month)."""
    number = _digits_only(value)
    if not re.fullmatch(r"\d{11}", number):
        raise ValidationError(_("A PESEL number has exactly 11 digits."), code="pesel_format")
    if number[-1] != stdnum_pesel.calc_check_digit(number[:-1]):
        raise ValidationError(
            _("This PESEL number is not valid: its check digit does not match."), code="pesel_checksum"
        )
    try:
        stdnum_pesel.get_birth_date(number)
    except stdnum_errors.ValidationError:
        raise ValidationError(
            _("This PESEL number is not valid: it does not contain a real date of birth."), code="pesel_date"
        ) from None
    return number


def pesel_birth_date_and_sex(number: str) -> tuple[datetime.date, str]:
    """The date of birth and sex ("F" or "M") a valid PESEL encodes; ValidationError for an invalid one."""
    number = pesel(number)
    return stdnum_pesel.get_birth_date(number), stdnum_pesel.get_gender(number)


@field_validator("nip")
def nip(value: Any) -> str:
    """A Polish tax identification number (NIP): 10 digits with a check digit; returns the bare digits."""
    try:
        return stdnum_nip.validate(as_text(value))
    except stdnum_errors.InvalidChecksum:
        raise ValidationError(
            _("This NIP number is not valid: its check digit does not match."), code="nip_checksum"
        ) from None
    except stdnum_errors.ValidationError:
        raise ValidationError(_("A NIP number has exactly 10 digits."), code="nip_format") from None


@field_validator("regon")
def regon(value: Any) -> str:
    """A REGON statistical number (9 or 14 digits, with check digits); returns the bare digits."""
    try:
        return stdnum_regon.validate(as_text(value))
    except stdnum_errors.InvalidChecksum:
        raise ValidationError(
            _("This REGON number is not valid: its check digit does not match."), code="regon_checksum"
        ) from None
    except stdnum_errors.ValidationError:
        raise ValidationError(_("A REGON number has 9 or 14 digits."), code="regon_format") from None


@field_validator("krs")
def krs(value: Any) -> str:
    """A National Court Register (KRS) number: 10 digits. It has no check digit, so only the form is checked."""
    number = _digits_only(value)
    if not re.fullmatch(r"\d{10}", number):
        raise ValidationError(
            _("A KRS number has exactly 10 digits, including leading zeros (for example 0000012345)."),
            code="krs_format",
        )
    return number


@field_validator("pkd_code")
def pkd_code(value: Any) -> str:
    """A PKD business activity code such as 62.01.Z; the dots may be left out, the letter may be lower case."""
    match = re.fullmatch(r"(\d{2})\.?(\d{2})\.?([A-Z])", re.sub(r"\s", "", as_text(value)).upper())
    if not match:
        raise ValidationError(_("Enter a PKD code in the form 62.01.Z."), code="pkd_format")
    return "{}.{}.{}".format(*match.groups())


@field_validator("occupation_code")
def occupation_code(value: Any) -> str:
    """A code of the Polish classification of occupations and specialities (KZiS): 6 digits."""
    code = _digits_only(value)
    if not re.fullmatch(r"\d{6}", code):
        raise ValidationError(
            _("An occupation code has exactly 6 digits (for example 251201)."), code="occupation_format"
        )
    return code
