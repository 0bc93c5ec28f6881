"""Names of people, in any script."""

from __future__ import annotations

import unicodedata
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from validators._common import as_text
from validators._registration import field_validator

# Besides letters and combining marks: the space, the hyphen and both apostrophes (O'Neil, D’Angelo).
_ALLOWED_PUNCTUATION = frozenset(" -'\u2019")


def _is_name_character(ch: str) -> bool:
    return ch in _ALLOWED_PUNCTUATION or unicodedata.category(ch)[0] in ("L", "M")


@field_validator("person_name")
def person_name(value: Any, *, min_length: int = 1, max_length: int = 100) -> str:
    """A person's name: letters of any script, spaces, hyphens and apostrophes; inner whitespace collapsed."""
    name = unicodedata.normalize("NFC", " ".join(as_text(value).split()))
    if any(not _is_name_character(ch) for ch in name):
        raise ValidationError(
            _("A name may contain only letters, spaces, hyphens and apostrophes (no digits or dots)."),
            code="name_characters",
        )
    if len(name) < min_length:
        raise ValidationError(
            _("This name is too short: it needs at least %(min_length)d characters."),
            code="name_too_short",
            params={"min_length": min_length},
        )
    if len(name) > max_length:
        raise ValidationError(
            _("This name is too long: it may have at most %(max_length)d characters."),
            code="name_too_long",
            params={"max_length": max_length},
        )
    if name and not any(unicodedata.category(ch).startswith("L") for ch in name):
        raise ValidationError(_("A name must contain at least one letter."), code="name_no_letters")
    return name
