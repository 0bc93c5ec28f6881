"""A phone number, stored as E.164."""

from __future__ import annotations

from django import forms

from ..schema import FieldType
from .base import FieldKind, register


class TelInput(forms.TextInput):
    input_type = "tel"


@register
class Phone(FieldKind):
    type = FieldType.PHONE
    validator = "phone"
    widget_class = TelInput
