"""Several countries (citizenships, countries travelled to), each checked like `country`."""

from __future__ import annotations

from typing import Any

from django import forms

from ..schema import FieldSpec, FieldType
from ..widgets import FastSelectMultiple
from .base import FieldKind, as_list, register
from .country import country_list, country_options
from .multichoice import OpenMultipleChoiceField, check_items


@register
class Countries(FieldKind):
    type = FieldType.COUNTRIES
    python_type = list[str]
    validator = "country_code"
    multiple = True
    script_kind = "list"

    def form_field(self, field: FieldSpec, *, language: str, attrs: dict[str, Any], **common: Any) -> forms.Field:
        widget = FastSelectMultiple(attrs=attrs)
        return OpenMultipleChoiceField(choices=country_options(language), widget=widget, **common)

    def check(self, field: FieldSpec, value: Any) -> Any:
        check_items(field, value)
        return super().check(field, value)

    def display(self, field: FieldSpec, value: Any, *, language: str, printed: bool = False) -> str:
        return country_list(as_list(value), language=language, printed=printed)
