"""A PESEL number (its check digit is verified)."""

from __future__ import annotations

from ..schema import FieldType
from .base import FieldKind, register


@register
class Pesel(FieldKind):
    type = FieldType.PESEL
    validator = "pesel"
