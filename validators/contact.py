"""Contact details: Polish postal codes, telephone numbers, e-mail addresses."""

from __future__ import annotations

import re
from typing import Any

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils.translation import gettext_lazy as _

from validators._common import as_text
from validators._registration import field_validator


@field_validator("postal_code_pl")
def postal_code_pl(value: Any) -> str:
    """A Polish postal code NN-NNN; "00950" is accepted and returned as "00-950"."""
    match = re.fullmatch(r"(\d{2})\s*[-\u2013]?\s*(\d{3})", as_text(value))
    if not match:
        raise ValidationError(_("Enter a Polish postal code in the form 00-950."), code="postal_code_format")
    return f"{match[1]}-{match[2]}"


@field_validator("phone")
def phone(value: Any, *, default_region: str = "PL") -> str:
    """A telephone number that exists in the numbering plan; returned in E.164 (+48601234567)."""
    try:
        number = phonenumbers.parse(as_text(value), default_region)
    except phonenumbers.NumberParseException:
        raise ValidationError(
            _("Enter a telephone number, with the country code if it is not a Polish number (for example +380...)."),
            code="phone_format",
        ) from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(_("This telephone number does not exist. Please check it."), code="phone_invalid")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


_email_validator = EmailValidator()


@field_validator("email")
def email(value: Any) -> str:
    """An e-mail address (Django's rules); the domain is lower-cased, the local part is kept as typed."""
    address = as_text(value)
    try:
        _email_validator(address)
    except ValidationError:
        raise ValidationError(_("Enter a valid e-mail address, such as name@example.com."), code="email") from None
    local, _at, domain = address.rpartition("@")
    return f"{local}@{domain.lower()}"
