"""Some of the definition's `choices` (between min_items and max_items), as check boxes."""

from __future__ import annotations

from typing import Any, Literal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..schema import FieldSpec, FieldType, translate
from .base import FieldKind, as_list, choice_labels, register
from .choice import check_choices


class OpenMultipleChoiceField(forms.MultipleChoiceField):
    def valid_value(self, value: Any) -> bool:
        return True


def check_items(field: FieldSpec, values: list[Any]) -> None:
    if field.min_items is not None and len(values) < field.min_items:
        raise ValidationError(_("Choose at least %(limit)d.") % {"limit": field.min_items}, code="min_items")
    if field.max_items is not None and len(values) > field.max_items:
        raise ValidationError(_("Choose at most %(limit)d.") % {"limit": field.max_items}, code="max_items")


@register
class MultiChoice(FieldKind):
    type = FieldType.MULTICHOICE
    python_type = list[str]
    multiple = True
    script_kind = "list"

    def html_required(self, field: FieldSpec) -> bool:
        return False  # a browser would demand every box ticked

    def form_field(self, field: FieldSpec, *, language: str, attrs: dict[str, Any], **common: Any) -> forms.Field:
        choices = [(c.value, translate(c.label, language)) for c in field.choices or []]
        return OpenMultipleChoiceField(choices=choices, widget=forms.CheckboxSelectMultiple(attrs=attrs), **common)

    def annotation(self, field: FieldSpec) -> Any:
        return list[Literal[tuple(c.value for c in field.choices or [])]]

    def check(self, field: FieldSpec, value: Any) -> Any:
        check_choices(field, value)
        check_items(field, value)
        return super().check(field, value)

    def display(self, field: FieldSpec, value: Any, *, language: str, printed: bool = False) -> str:
        return choice_labels(field, as_list(value), "pl" if printed else language)
