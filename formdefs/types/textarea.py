"""Several lines of text."""

from __future__ import annotations

from django import forms

from ..schema import FieldType
from .base import FieldKind, register


@register
class Textarea(FieldKind):
    type = FieldType.TEXTAREA
    widget_class = forms.Textarea
