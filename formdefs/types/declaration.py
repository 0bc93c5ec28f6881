"""A box that must be ticked (the declarations signed on the signing page); unticked is no answer at all."""

from __future__ import annotations

from typing import Any

from django import forms

from ..schema import FieldSpec, FieldType
from .base import FieldKind, register
from .boolean import yes_no


@register
class Declaration(FieldKind):
    type = FieldType.DECLARATION
    python_type = bool
    script_kind = "boolean"
    yes_no = True
    signed = True

    def form_field(self, field: FieldSpec, *, language: str, attrs: dict[str, Any], **common: Any) -> forms.Field:
        return forms.BooleanField(widget=forms.CheckboxInput(attrs=attrs), **common)

    def form_data(self, field: FieldSpec, value: Any) -> list[str] | None:
        return ["on"] if value else None  # an unticked box is not sent at all

    def normalize(self, value: Any) -> Any:
        return None if value is False else value  # what a browser sends for an unticked box

    def display(self, field: FieldSpec, value: Any, *, language: str, printed: bool = False) -> str:
        return yes_no(value, printed=printed)
