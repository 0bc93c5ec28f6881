"""Builders for valid identifiers, written independently of the code under test (the reference algorithms)."""

from __future__ import annotations

import datetime

PESEL_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
MONTH_OFFSET = {1800: 80, 1900: 0, 2000: 20, 2100: 40, 2200: 60}


def pesel_check_digit(first_ten: str) -> str:
    return str((10 - sum(w * int(d) for w, d in zip(PESEL_WEIGHTS, first_ten, strict=True)) % 10) % 10)


def make_pesel(born: datetime.date, sex: str, serial: int = 123) -> str:
    """A PESEL for this date and sex (the sex digit is even for F, odd for M)."""
    month = born.month + MONTH_OFFSET[born.year // 100 * 100]
    sex_digit = 0 if sex == "F" else 1
    first_ten = f"{born.year % 100:02d}{month:02d}{born.day:02d}{serial % 1000:03d}{sex_digit}"
    return first_ten + pesel_check_digit(first_ten)


def reference_check_digit(text: str) -> int:
    """ICAO 9303 check digit, written the plain way the specification describes it."""
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    total = 0
    weights = [7, 3, 1]
    for position, ch in enumerate(text):
        value = 0 if ch == "<" else alphabet.index(ch)
        total += value * weights[position % 3]
    return total % 10


def make_td3(
    *,
    surname: str,
    given_names: str,
    number: str,
    nationality: str,
    issuing_state: str,
    born: datetime.date,
    sex: str,
    expiry: datetime.date,
    personal: str = "",
) -> str:
    """Two TD3 lines with every check digit computed by the reference function."""
    names = (surname.replace(" ", "<") + "<<" + given_names.replace(" ", "<"))[:39].ljust(39, "<")
    line1 = "P<" + issuing_state.ljust(3, "<") + names
    number_field = number.ljust(9, "<")
    birth = born.strftime("%y%m%d")
    expiry_field = expiry.strftime("%y%m%d")
    personal_field = personal.ljust(14, "<")
    personal_check = str(reference_check_digit(personal_field))
    line2 = (
        number_field
        + str(reference_check_digit(number_field))
        + nationality.ljust(3, "<")
        + birth
        + str(reference_check_digit(birth))
        + (sex or "<")
        + expiry_field
        + str(reference_check_digit(expiry_field))
        + personal_field
        + personal_check
    )
    composite = line2[0:10] + line2[13:20] + line2[21:43]
    line2 += str(reference_check_digit(composite))
    assert len(line1) == len(line2) == 44
    return f"{line1}\n{line2}"
