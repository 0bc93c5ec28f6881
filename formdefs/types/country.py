"""A country: an ISO 3166-1 alpha-3 code or a travel-document code (XXA stateless, ...), as a select list."""

from __future__ import annotations

from typing import Any

from django import forms

from ..schema import FieldSpec, FieldType
from ..widgets import FastSelect
from .base import FieldKind, as_list, country_names, register
from .choice import OpenChoiceField


def country_options(language: str) -> list[tuple[str, str]]:
    from validators.countries import country_choices

    return country_choices(language, include_special=True)


def country_list(values: list[Any], *, language: str, printed: bool) -> str:
    """On screen the name in the reader's language; printed, the Polish name with the code: "Ukraina (UKR)"."""
    names = country_names("pl" if printed else language)
    if printed:
        return ", ".join(f"{names[str(v)]} ({v})" if str(v) in names else str(v) for v in values)
    return ", ".join(names.get(v, str(v)) for v in values)


@register
class Country(FieldKind):
    type = FieldType.COUNTRY
    validator = "country_code"

    def form_field(self, field: FieldSpec, *, language: str, attrs: dict[str, Any], **common: Any) -> forms.Field:
        choices = [("", "—"), *country_options(language)]
        return OpenChoiceField(choices=choices, widget=FastSelect(attrs=attrs), **common)

    def display(self, field: FieldSpec, value: Any, *, language: str, printed: bool = False) -> str:
        return country_list(as_list(value), language=language, printed=printed)
