"""A travel document's series and number."""

from __future__ import annotations

from ..schema import FieldType
from .base import FieldKind, register


@register
class DocumentNumber(FieldKind):
    type = FieldType.DOCUMENT_NUMBER
    validator = "travel_document_number"
