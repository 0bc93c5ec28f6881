"""Answers as a person reads them: labels and values in the reader's language, grouped by step."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from formdefs.api import (
    NOT_APPLICABLE,
    FieldSpec,
    FormDefinitionSpec,
    GroupSpec,
    StepSpec,
    display_answer,
    is_field_visible,
    is_step_visible,
    label_of,
)


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
    return display_answer(spec_field, value, language=language)


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
