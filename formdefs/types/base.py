"""What a field type means, in one class: its Django field and widget, its pydantic type, the check of an answer, how
an answer is shown on screen and printed in the application package, how it becomes form data again, and how the
page script reads it. Each type is a small subclass in its own module (`formdefs/types/<type>.py`), registered once.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, ClassVar

from django import forms

from ..schema import FieldSpec, FieldType, translate

YES, NO = "TAK", "NIE"  # as printed on the official form


class FieldKind:
    """The behaviour every field type has; a type overrides what differs."""

    type: ClassVar[FieldType]
    python_type: ClassVar[Any] = str  # the answer's Python type (the payload model's, and what the form field gives)
    validator: ClassVar[str | None] = None  # the `validators.registry` check every answer goes through
    multiple: ClassVar[bool] = False  # the answer is a list (each element checked, several inputs on the page)
    select_list: ClassVar[bool] = False  # drawn as one select per answer with "Add another" (widgets.SelectList)
    script_kind: ClassVar[str] = "text"  # how static/js/conditions.js reads the input: text, boolean or list
    widget_class: ClassVar[type[forms.Widget]] = forms.TextInput
    signed: ClassVar[bool] = False  # answered on the signing page, not in the wizard (a step of these only)
    yes_no: ClassVar[bool] = False  # answered yes or no: printed TAK/NIE, an empty answer reads NIE

    # --- Pages -------------------------------------------------------------------------------------------------

    def html_required(self, field: FieldSpec) -> bool:
        """Whether the browser may insist on an answer (the server decides anyway)."""
        return True

    def widget(self, field: FieldSpec, attrs: dict[str, Any]) -> forms.Widget:
        return self.widget_class(attrs=attrs)

    def form_field(self, field: FieldSpec, *, language: str, attrs: dict[str, Any], **common: Any) -> forms.Field:
        """The Django field that reads the POSTed strings into `python_type` (it never judges the answer)."""
        return forms.CharField(widget=self.widget(field, attrs), **common)

    def form_data(self, field: FieldSpec, value: Any) -> list[str] | None:
        """The POSTed strings that would give `value` (to show a saved answer on its page); None: nothing sent."""
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]

    # --- Answers -----------------------------------------------------------------------------------------------

    def annotation(self, field: FieldSpec) -> Any:
        """The pydantic type of an answer in the payload model."""
        return self.python_type

    def normalize(self, value: Any) -> Any:
        return value.strip() if isinstance(value, str) else value

    def check(self, field: FieldSpec, value: Any) -> Any:
        """The type's own check of a given answer (length, pattern and range are checked for every type)."""
        if self.validator is not None:
            from validators.registry import get_field_validator

            validate = get_field_validator(self.validator)
            value = [validate(v) for v in value] if isinstance(value, list) else validate(value)
        return value

    # --- Reading it back ---------------------------------------------------------------------------------------

    def is_silent(self, field: FieldSpec, value: Any) -> bool:
        """Whether this answer says nothing worth a row on the summary or in the package (an unticked box)."""
        return False

    def display(self, field: FieldSpec, value: Any, *, language: str, printed: bool = False) -> str:
        """An answer as a person reads it: on screen in `language`, or `printed` on the official form (Polish)."""
        return str(value)


def as_list(value: Any) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def choice_labels(field: FieldSpec, values: list[Any], language: str) -> str:
    """The labels of choice values in `language` (a value the definition no longer offers, as is)."""
    labels = {c.value: translate(c.label, language) for c in field.choices or []}
    return ", ".join(labels.get(v, str(v)) for v in values)


def printed_date(value: Any) -> str:
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    try:
        return date.fromisoformat(str(value)).strftime("%d.%m.%Y")
    except ValueError:
        return str(value)


_REGISTRY: dict[FieldType, FieldKind] = {}


def register(cls: type[FieldKind]) -> type[FieldKind]:
    """Class decorator: make `cls` the behaviour of its `type` (one registration per type)."""
    if cls.type in _REGISTRY:
        raise ValueError(f"field type {cls.type} is registered twice")
    _REGISTRY[cls.type] = cls()
    return cls


def kind_of(field: FieldSpec | FieldType | str) -> FieldKind:
    """The behaviour of a field's type."""
    key = field.type if isinstance(field, FieldSpec) else FieldType(field)
    return _REGISTRY[key]


def registered() -> dict[FieldType, FieldKind]:
    return dict(_REGISTRY)


@functools.cache
def country_names(language: str) -> dict[str, str]:
    from validators.countries import country_choices

    return dict(country_choices(language, include_special=True))


Formatter = Callable[[Any], str]
