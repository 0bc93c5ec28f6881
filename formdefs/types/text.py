"""One line of text."""

from __future__ import annotations

from ..schema import FieldType
from .base import FieldKind, register


@register
class Text(FieldKind):
    type = FieldType.TEXT
