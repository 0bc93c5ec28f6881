"""A calendar date: an ISO string in the payload, a date picker on the page, dd.mm.rrrr on the printed form."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from polishtime import format_when

from ..schema import FieldSpec, FieldType
from .base import FieldKind, printed_date, register

INVALID_DATE = gettext_lazy("Enter a real date as day, month and year, for example 15.03.1990.")


@register
class Date(FieldKind):
    type = FieldType.DATE
    python_type = date

    def form_field(self, field: FieldSpec, *, language: str, attrs: dict[str, Any], **common: Any) -> forms.Field:
        widget = forms.DateInput(attrs={"type": "date", **attrs}, format="%Y-%m-%d")
        # A browser without a date picker sends what the person typed: day.month.year is read as well.
        return forms.DateField(
            widget=widget,
            input_formats=["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d-%m-%Y"],
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
