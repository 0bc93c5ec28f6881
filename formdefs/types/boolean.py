"""Yes or no, as two radio buttons; a required boolean must be answered, either way."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..schema import FieldSpec, FieldType
from .base import NO, YES, FieldKind, register

TRUE_VALUES = (True, "true", "True", "1", 1)


def yes_no(value: Any, *, printed: bool) -> str:
    if printed:
        return YES if value in TRUE_VALUES else NO
    return _("Yes") if value else _("No")


@register
class Boolean(FieldKind):
    type = FieldType.BOOLEAN
    python_type = bool
    script_kind = "boolean"
    yes_no = True

    def form_field(self, field: FieldSpec, *, language: str, attrs: dict[str, Any], **common: Any) -> forms.Field:
        return forms.TypedChoiceField(
            choices=[("true", gettext_lazy("Yes")), ("false", gettext_lazy("No"))],
            coerce=lambda value: value == "true",
            empty_value=None,
            widget=forms.RadioSelect(attrs=attrs),
            **common,
        )

    def form_data(self, field: FieldSpec, value: Any) -> list[str]:
        return ["true" if value else "false"]

    def display(self, field: FieldSpec, value: Any, *, language: str, printed: bool = False) -> str:
        return yes_no(value, printed=printed)
