"""An amount of money (PLN) with at most two decimal places; the payload holds it as a string, never a float."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms

from ..schema import FieldSpec, FieldType
from .base import FieldKind, register
from .integer import number_attrs


def printed_amount(value: Any) -> str:
    """ "7 350,50": a non-breaking space between thousands and a decimal comma, as Polish forms print amounts."""
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return str(value)
    return f"{amount:,.2f}".replace(",", "\u00a0").replace(".", ",")


@register
class DecimalAmount(FieldKind):
    type = FieldType.DECIMAL
    python_type = Decimal

    def form_field(self, field: FieldSpec, *, language: str, attrs: dict[str, Any], **common: Any) -> forms.Field:
        widget = forms.NumberInput(attrs={"step": "0.01", **number_attrs(field, attrs)})
        return forms.DecimalField(widget=widget, **common)

    def display(self, field: FieldSpec, value: Any, *, language: str, printed: bool = False) -> str:
        return printed_amount(value) if printed else str(value)
