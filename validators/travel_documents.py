"""Travel documents: document numbers and the machine-readable zone (MRZ) of a passport (ICAO 9303, TD3)."""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from validators._common import as_text
from validators._registration import field_validator
from validators.countries import is_known_country_code

TD3_LINE_LENGTH = 44
_MRZ_CHARACTERS = re.compile(r"[0-9A-Z<]*")


@field_validator("travel_document_number")
def travel_document_number(value: Any, *, min_length: int = 5, max_length: int = 20) -> str:
    """A passport or ID number: Latin letters and digits only (spaces dropped), returned upper-case."""
    number = re.sub(r"\s", "", as_text(value)).upper()
    if not re.fullmatch(r"[A-Z0-9]*", number):
        raise ValidationError(
            _("A document number may contain only Latin letters and digits."), code="document_number_characters"
        )
    if not min_length <= len(number) <= max_length:
        raise ValidationError(
            _("A document number has between %(min_length)d and %(max_length)d characters."),
            code="document_number_length",
            params={"min_length": min_length, "max_length": max_length},
        )
    return number


def _character_value(ch: str) -> int:
    if ch == "<":
        return 0
    if "0" <= ch <= "9":
        return ord(ch) - ord("0")
    if "A" <= ch <= "Z":
        return ord(ch) - ord("A") + 10
    raise ValueError(f"{ch!r} cannot appear in a machine-readable zone")


def icao_check_digit(text: str) -> int:
    """The ICAO 9303 check digit of ``text``: weights 7, 3, 1 repeated; < is 0, A is 10 ... Z is 35."""
    weights = (7, 3, 1)
    return sum(_character_value(ch) * weights[i % 3] for i, ch in enumerate(text)) % 10


@dataclass(frozen=True)
class MRZData:
    """What the two lines of a passport's machine-readable zone say."""

    document_code: str
    issuing_state: str
    surname: str
    given_names: str
    document_number: str
    nationality: str
    date_of_birth: datetime.date
    sex: str | None
    expiry_date: datetime.date
    personal_number: str

    @property
    def document_kind(self) -> str | None:
        """`passport` when the document code says P (ICAO 9303: P, or P plus a state's letter); else None."""
        return "passport" if self.document_code.startswith("P") else None


def normalise_mrz(text: Any) -> tuple[str, str]:
    """The two 44-character lines from what an applicant pasted (any whitespace, any case, one or two lines)."""
    joined = re.sub(r"\s", "", as_text(text)).upper()
    if len(joined) != 2 * TD3_LINE_LENGTH:
        raise ValidationError(
            _("The machine-readable zone of a passport has two lines of 44 characters each. Please copy both lines."),
            code="mrz_length",
        )
    if not _MRZ_CHARACTERS.fullmatch(joined):
        raise ValidationError(
            _("The machine-readable zone may contain only Latin letters, digits and the < sign."),
            code="mrz_characters",
        )
    return joined[:TD3_LINE_LENGTH], joined[TD3_LINE_LENGTH:]


def _check(field: str, digit: str, code: str, message: Any) -> None:
    if not digit.isdigit() or icao_check_digit(field) != int(digit):
        raise ValidationError(message, code=code)


def _mrz_date(yymmdd: str, code: str, message: Any) -> tuple[int, int, int]:
    if not yymmdd.isdigit():
        raise ValidationError(message, code=code)
    return int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:])


def _birth_date(yymmdd: str) -> datetime.date:
    # Two digits of year: the latest century that does not put the birth in the future.
    message = _("The date of birth in the machine-readable zone is not a real date.")
    yy, mm, dd = _mrz_date(yymmdd, "mrz_birth_date", message)
    today = timezone.localdate()
    century = today.year // 100 * 100
    try:
        born = datetime.date(century + yy, mm, dd)
        if born > today:
            born = datetime.date(century - 100 + yy, mm, dd)
    except ValueError:
        raise ValidationError(message, code="mrz_birth_date") from None
    return born


def _expiry_date(yymmdd: str) -> datetime.date:
    message = _("The expiry date in the machine-readable zone is not a real date.")
    yy, mm, dd = _mrz_date(yymmdd, "mrz_expiry_date", message)
    try:
        return datetime.date(2000 + yy, mm, dd)
    except ValueError:
        raise ValidationError(message, code="mrz_expiry_date") from None


def _country(field: str, code: str, message: Any) -> str:
    country = field.rstrip("<")
    if not is_known_country_code(country):
        raise ValidationError(message, code=code)
    return country


def parse_td3(text: Any) -> MRZData:
    """Parse a passport MRZ and verify every check digit, so a typing mistake is caught before submission."""
    line1, line2 = normalise_mrz(text)
    if line1[0] != "P":
        raise ValidationError(
            _("This is not the machine-readable zone of a passport: the first line must start with P."),
            code="mrz_document_code",
        )
    number, number_check = line2[0:9], line2[9]
    birth, birth_check = line2[13:19], line2[19]
    expiry, expiry_check = line2[21:27], line2[27]
    personal, personal_check = line2[28:42], line2[42]
    _check(
        number,
        number_check,
        "mrz_document_number_check",
        _("The check digit of the document number in the machine-readable zone does not match."),
    )
    _check(
        birth,
        birth_check,
        "mrz_birth_date_check",
        _("The check digit of the date of birth in the machine-readable zone does not match."),
    )
    _check(
        expiry,
        expiry_check,
        "mrz_expiry_date_check",
        _("The check digit of the expiry date in the machine-readable zone does not match."),
    )
    # ICAO allows < as the check digit when the optional personal number is empty.
    if not (personal_check == "<" and personal == "<" * 14):
        _check(
            personal,
            personal_check,
            "mrz_personal_number_check",
            _("The check digit of the personal number in the machine-readable zone does not match."),
        )
    _check(
        line2[0:10] + line2[13:20] + line2[21:43],
        line2[43],
        "mrz_composite_check",
        _("The final check digit of the machine-readable zone does not match."),
    )

    sex = line2[20]
    if sex not in "FMX<":
        raise ValidationError(_("The sex in the machine-readable zone must be F, M, X or <."), code="mrz_sex")
    surname, _sep, given = line1[5:].partition("<<")
    return MRZData(
        document_code=line1[0:2].rstrip("<"),
        issuing_state=_country(
            line1[2:5],
            "mrz_issuing_state",
            _("The issuing state in the machine-readable zone is not a known country code."),
        ),
        surname=" ".join(surname.split("<")).strip(),
        given_names=" ".join(part for part in given.split("<") if part),
        document_number=number.rstrip("<"),
        nationality=_country(
            line2[10:13],
            "mrz_nationality",
            _("The nationality in the machine-readable zone is not a known country code."),
        ),
        date_of_birth=_birth_date(birth),
        sex=sex if sex in "FM" else None,
        expiry_date=_expiry_date(expiry),
        personal_number=personal.rstrip("<"),
    )


@field_validator("mrz_td3")
def mrz_td3(value: Any) -> str:
    """A passport MRZ whose check digits all match; returned as the two lines joined by a newline."""
    parse_td3(value)
    return "\n".join(normalise_mrz(value))


# ICAO 9303 part 3, section 6: letters written with more than one Latin letter in the MRZ.
# NFKD alone would turn Ä into A and drop Ł, ß and Æ, so these are mapped first.
_ICAO_TRANSLITERATION = str.maketrans(
    {
        "Ä": "AE",
        "Å": "AA",
        "Æ": "AE",
        "Ö": "OE",
        "Ø": "OE",
        "Œ": "OE",
        "Ü": "UE",
        "ß": "SS",
        "Ł": "L",
        "Đ": "D",
        "Ð": "D",
        "Þ": "TH",
        "Ĳ": "IJ",
        "Ħ": "H",
        "Ŀ": "L",
        "Ŋ": "N",
        "ı": "I",
    }
)


def to_mrz_name(name: str) -> str | None:
    """A name as the MRZ writes it (ANNA<MARIA), or None if it is not in Latin script and cannot be compared."""
    text = name.upper().replace("ẞ", "ß").translate(_ICAO_TRANSLITERATION)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    text = re.sub(r"['\u2019.]", "", text)  # apostrophes and dots are left out (O'NEIL -> ONEIL)
    text = re.sub(r"[\s,-]+", "<", text.strip())
    if not re.fullmatch(r"[A-Z<]*", text):
        return None
    return text.strip("<")
