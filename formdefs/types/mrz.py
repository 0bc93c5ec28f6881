"""The two lines of a passport's machine-readable zone (TD3); the wizard can prefill other fields from it."""

from __future__ import annotations

from typing import Any

from django import forms

from ..schema import FieldSpec, FieldType
from .base import FieldKind, register


@register
class Mrz(FieldKind):
    type = FieldType.MRZ
    validator = "mrz_td3"

    def widget(self, field: FieldSpec, attrs: dict[str, Any]) -> forms.Widget:
        return forms.Textarea(attrs={**attrs, "rows": 2, "spellcheck": "false", "autocapitalize": "characters"})
