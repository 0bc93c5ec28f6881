"""An e-mail address."""

from __future__ import annotations

from django import forms

from ..schema import FieldType
from .base import FieldKind, register


@register
class Email(FieldKind):
    type = FieldType.EMAIL
    validator = "email"
    widget_class = forms.EmailInput
