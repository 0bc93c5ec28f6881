"""Several countries (citizenships, countries travelled to), each checked like `country`."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _

from ..schema import FieldSpec, FieldType, translate
from ..widgets import SelectList
from .base import FieldKind, as_list, register
from .country import country_list, country_options
from .multichoice import OpenMultipleChoiceField, check_items


class CountryListField(OpenMultipleChoiceField):
    """The answers of a `SelectList`, judged as the payload judges them: a select left empty after "Add another"
    is refused (choose a country or remove the line), not silently dropped."""


@register
class Countries(FieldKind):
    type = FieldType.COUNTRIES
    python_type = list[str]
    validator = "country_code"
    multiple = True
    select_list = True
    script_kind = "list"

    def form_field(self, field: FieldSpec, *, language: str, attrs: dict[str, Any], **common: Any) -> forms.Field:
        attrs = {k: v for k, v in attrs.items() if k != "required"}  # a second, empty select may stay unanswered
        widget = SelectList(
            attrs=attrs,
            item_label=translate(field.label, language),
            add_label=_("Add another country"),
            remove_label=_("Remove"),
        )
        return CountryListField(choices=country_options(language), widget=widget, **common)

    def check(self, field: FieldSpec, value: Any) -> Any:
        check_items(field, value)
        return super().check(field, value)

    def display(self, field: FieldSpec, value: Any, *, language: str, printed: bool = False) -> str:
        return country_list(as_list(value), language=language, printed=printed)
