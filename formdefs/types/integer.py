"""A whole number (height in centimetres, a count), optionally between min_value and max_value."""

from __future__ import annotations

from typing import Any

from django import forms

from ..schema import FieldSpec, FieldType
from .base import FieldKind, register


def number_attrs(field: FieldSpec, attrs: dict[str, Any]) -> dict[str, Any]:
    limits = (("min", field.min_value), ("max", field.max_value))
    return {**attrs, **{k: str(v) for k, v in limits if v is not None}}


@register
class Integer(FieldKind):
    type = FieldType.INTEGER
    python_type = int

    def form_field(self, field: FieldSpec, *, language: str, attrs: dict[str, Any], **common: Any) -> forms.Field:
        return forms.IntegerField(widget=forms.NumberInput(attrs=number_attrs(field, attrs)), **common)
