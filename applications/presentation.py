"""Answers as a person reads them: labels and values in the reader's language, grouped by step."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from polishtime import format_when
from validators.countries import country_choices

from .formdefs.compile_forms import label_of
from .formdefs.conditions import NOT_APPLICABLE, is_field_visible, is_step_visible
from .formdefs.schema import FieldSpec, FieldType, FormDefinitionSpec, GroupSpec, StepSpec
from .voivodeships import VOIVODESHIPS


@dataclass
class AnswerRow:
    label: str
    value: str = ""
    rows: list[list[tuple[str, str]]] | None = None  # a group: one list of (label, value) per entry


@dataclass
class StepSummary:
    step: StepSpec
    title: str
    answers: list[AnswerRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def display_value(spec_field: FieldSpec, value: Any, language: str) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if value == NOT_APPLICABLE:
        return _("Not applicable")
    kind = spec_field.type
    if kind in (FieldType.BOOLEAN, FieldType.DECLARATION):
        return _("Yes") if value else _("No")
    if kind == FieldType.DATE:
        try:
            return format_when(date.fromisoformat(str(value)), "date", language=language)
        except ValueError:
            return str(value)
    if kind in (FieldType.CHOICE, FieldType.MULTICHOICE):
        labels = {c.value: c.label.get(language) for c in spec_field.choices or []}
        values = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(v, str(v)) for v in values)
    if kind in (FieldType.COUNTRY, FieldType.COUNTRIES):
        names = dict(country_choices(language, include_special=True))
        values = value if isinstance(value, list) else [value]
        return ", ".join(names.get(v, str(v)) for v in values)
    if kind == FieldType.VOIVODESHIP:
        return next((v["name"] for v in VOIVODESHIPS if v["code"] == value), str(value))
    return str(value)


def summarise(
    spec: FormDefinitionSpec, answers: dict[str, Any], language: str, *, steps: list[StepSpec] | None = None
) -> list[StepSummary]:
    summaries = []
    for step in steps if steps is not None else spec.steps:
        if not is_step_visible(step, answers):
            continue
        values = answers.get(step.key) or {}
        summary = StepSummary(step=step, title=step.title.get(language))
        for item in step.items:
            if not is_field_visible(item, answers):
                continue
            if isinstance(item, GroupSpec):
                rows = [
                    [
                        (label_of(f, language), display_value(f, row.get(f.key), language))
                        for f in item.fields
                        if is_field_visible(f, answers, row=row)
                    ]
                    for row in values.get(item.key) or []
                ]
                summary.answers.append(AnswerRow(label=label_of(item, language), rows=rows))
            else:
                summary.answers.append(
                    AnswerRow(label=label_of(item, language), value=display_value(item, values.get(item.key), language))
                )
        summaries.append(summary)
    return summaries
