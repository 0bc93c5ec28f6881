"""A person's name: letters of any script, spaces, hyphens, apostrophes."""

from __future__ import annotations

from ..schema import FieldType
from .base import FieldKind, register


@register
class Name(FieldKind):
    type = FieldType.NAME
    validator = "person_name"
