"""One of the 16 voivodeships, by TERYT code (it decides which office gets the application)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from validators.voivodeships import VOIVODESHIPS

from ..schema import FieldSpec, FieldType
from ..widgets import FastSelect
from .base import FieldKind, register
from .choice import OpenChoiceField

NAMES = {v["code"]: v["name"] for v in VOIVODESHIPS}


@register
class Voivodeship(FieldKind):
    type = FieldType.VOIVODESHIP

    def form_field(self, field: FieldSpec, *, language: str, attrs: dict[str, Any], **common: Any) -> forms.Field:
        choices = [("", "—"), *NAMES.items()]
        return OpenChoiceField(choices=choices, widget=FastSelect(attrs=attrs), **common)

    def check(self, field: FieldSpec, value: Any) -> Any:
        if value not in NAMES:
            raise ValidationError(_("Choose one of the voivodeships."), code="invalid_choice")
        return super().check(field, value)

    def display(self, field: FieldSpec, value: Any, *, language: str, printed: bool = False) -> str:
        return NAMES.get(str(value) if printed else value, str(value))
