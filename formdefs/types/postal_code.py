"""A Polish postal code, NN-NNN."""

from __future__ import annotations

from ..schema import FieldType
from .base import FieldKind, register


@register
class PostalCode(FieldKind):
    type = FieldType.POSTAL_CODE
    validator = "postal_code_pl"
