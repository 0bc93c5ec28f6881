"""A calendar date: an ISO string in the payload, a date picker on the page, dd.mm.rrrr on the printed form."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from polishtime import format_when

from ..schema import FieldSpec, FieldType
from .base import FieldKind, printed_date, register

INVALID_DATE = gettext_lazy("Enter a real date, with the day, the month and the year (for example 1990-03-15).")


@register
class Date(FieldKind):
    type = FieldType.DATE
    python_type = date

    def form_field(self, field: FieldSpec, *, language: str, attrs: dict[str, Any], **common: Any) -> forms.Field:
        widget = forms.DateInput(attrs={"type": "date", **attrs}, format="%Y-%m-%d")
        # ISO only, as the payload model (the two must agree); the date picker sends it whatever it shows.
        return forms.DateField(
            widget=widget,
            input_formats=["%Y-%m-%d"],
            error_messages={"invalid": INVALID_DATE},
            **common,
        )

    def display(self, field: FieldSpec, value: Any, *, language: str, printed: bool = False) -> str:
        if printed:
            return printed_date(value)
        try:
            return format_when(date.fromisoformat(str(value)), "date", language=language)
        except ValueError:
            return str(value)
