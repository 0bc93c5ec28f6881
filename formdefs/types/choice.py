"""One of the definition's `choices`, as a select list."""

from __future__ import annotations

from typing import Any, Literal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..schema import FieldSpec, FieldType, translate
from ..widgets import FastSelect
from .base import FieldKind, as_list, choice_labels, register


class OpenChoiceField(forms.ChoiceField):
    """Offers choices but leaves deciding what is valid to the checks (one place for both compilers)."""

    def valid_value(self, value: Any) -> bool:
        return True


def check_choices(field: FieldSpec, values: list[Any]) -> None:
    allowed = {c.value for c in field.choices or []}
    if any(v not in allowed for v in values):
        raise ValidationError(_("Choose one of the answers offered."), code="invalid_choice")
    if len(set(values)) != len(values):
        raise ValidationError(_("Choose each answer only once."), code="duplicate_choice")


@register
class Choice(FieldKind):
    type = FieldType.CHOICE

    def options(self, field: FieldSpec, language: str) -> list[tuple[str, str]]:
        return [(c.value, translate(c.label, language)) for c in field.choices or []]

    def form_field(self, field: FieldSpec, *, language: str, attrs: dict[str, Any], **common: Any) -> forms.Field:
        choices = [("", "—"), *self.options(field, language)]
        return OpenChoiceField(choices=choices, widget=FastSelect(attrs=attrs), **common)

    def annotation(self, field: FieldSpec) -> Any:
        return Literal[tuple(c.value for c in field.choices or [])]

    def check(self, field: FieldSpec, value: Any) -> Any:
        check_choices(field, [value])
        return super().check(field, value)

    def display(self, field: FieldSpec, value: Any, *, language: str, printed: bool = False) -> str:
        return choice_labels(field, as_list(value), "pl" if printed else language)
