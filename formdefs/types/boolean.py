"""Yes or no. A required boolean is two radio buttons and must be answered either way; an optional one ("I do not
know", "I have none") is one checkbox that is ticked or left alone, and an unticked box is not an answer to print."""

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


class _RawCheckbox(forms.CheckboxInput):
    """A checkbox that hands the field what was sent, so that anything but a ticked box's value is refused (as the
    payload model refuses it) rather than read as "ticked"."""

    def value_from_datadict(self, data, files, name):
        return data.get(name)


class CheckboxField(forms.BooleanField):
    def to_python(self, value: Any) -> bool:
        if value in (None, "", False, "false", "False"):
            return False
        if value in (True, "on", "true", "True"):
            return True
        raise forms.ValidationError(_("Tick the box or leave it empty."), code="invalid")

    def validate(self, value: Any) -> None:
        return None  # optional: an empty box is an answer too


@register
class Boolean(FieldKind):
    type = FieldType.BOOLEAN
    python_type = bool
    script_kind = "boolean"
    yes_no = True

    def html_required(self, field: FieldSpec) -> bool:
        return field.required

    def is_checkbox(self, field: FieldSpec) -> bool:
        return not field.required

    def form_field(self, field: FieldSpec, *, language: str, attrs: dict[str, Any], **common: Any) -> forms.Field:
        if self.is_checkbox(field):
            common["required"] = False
            return CheckboxField(widget=_RawCheckbox(attrs=attrs), **common)
        return forms.TypedChoiceField(
            choices=[("true", gettext_lazy("Yes")), ("false", gettext_lazy("No"))],
            coerce=lambda value: value == "true",
            empty_value=None,
            widget=forms.RadioSelect(attrs=attrs),
            **common,
        )

    def form_data(self, field: FieldSpec, value: Any) -> list[str] | None:
        if self.is_checkbox(field):
            return ["on"] if value else None
        return ["true" if value else "false"]

    def is_silent(self, field: FieldSpec, value: Any) -> bool:
        return self.is_checkbox(field) and value not in TRUE_VALUES

    def display(self, field: FieldSpec, value: Any, *, language: str, printed: bool = False) -> str:
        return yes_no(value, printed=printed)
