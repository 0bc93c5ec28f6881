"""Answers as a person reads them: labels and values in the reader's language, grouped by step."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from formdefs.api import (
    NOT_APPLICABLE,
    FieldSpec,
    FormDefinitionSpec,
    GroupSpec,
    StepSpec,
    display_answer,
    is_field_visible,
    is_step_visible,
    kind_of,
    label_of,
    step_letters,
)


@dataclass
class AnswerRow:
    label: str
    value: str = ""
    rows: list[list[tuple[str, str]]] | None = None  # a group: one list of (label, value) per entry
    key: str = ""  # the field's or group's key in its step
    change_url: str = ""  # its own "Change" link, landing on the field (set by the page that offers changes)

    @property
    def anchor(self) -> str:
        """The id of the question on its wizard page."""
        return f"group-{self.key}" if self.rows is not None else f"id_{self.key}"


@dataclass
class MissingItem:
    """One thing that stands between the draft and submission, linked to where it is put right."""

    label: str
    message: str
    url: str


@dataclass
class StepSummary:
    step: StepSpec
    title: str
    answers: list[AnswerRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    letter: str = ""


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
    letters = step_letters(list(spec.steps))
    for step in steps if steps is not None else spec.steps:
        if not is_step_visible(step, answers):
            continue
        values = answers.get(step.key) or {}
        summary = StepSummary(step=step, title=step.title.get(language), letter=letters.get(step.key, ""))
        unknown_of = unknown_checkboxes(step)
        for item in step.items:
            if not is_field_visible(item, answers):
                continue
            if isinstance(item, GroupSpec):
                rows = [
                    [
                        (label_of(f, language), display_value(f, row.get(f.key), language))
                        for f in item.fields
                        if is_field_visible(f, answers, row=row) and not kind_of(f).is_silent(f, row.get(f.key))
                    ]
                    for row in values.get(item.key) or []
                ]
                summary.answers.append(AnswerRow(label=label_of(item, language), rows=rows, key=item.key))
            elif not kind_of(item).is_silent(item, values.get(item.key)):
                qualified = unknown_of.get(item.key)
                if qualified is not None and values.get(item.key) is True:
                    # "7. Mother's given name — I do not know", not a row "I do not know — Yes" that names nothing.
                    row = AnswerRow(label=label_of(qualified, language), value=label_of(item, language), key=item.key)
                else:
                    row = AnswerRow(
                        label=label_of(item, language),
                        value=display_value(item, values.get(item.key), language),
                        key=item.key,
                    )
                summary.answers.append(row)
        summaries.append(summary)
    return summaries


def unknown_checkboxes(step: StepSpec) -> dict[str, FieldSpec]:
    """The "I do not know" checkboxes of a step and the question each stands for: a field asked only while a
    checkbox of its step is not ticked (`show_if: {"not": {"field": "<step>.<box>", "equals": true}}`)."""
    boxes = {i.key for i in step.items if isinstance(i, FieldSpec) and kind_of(i).yes_no}
    found = {}
    for item in step.items:
        inner = getattr(getattr(item, "show_if", None), "not_", None)
        path = getattr(inner, "field", "")
        box = path.removeprefix(f"{step.key}.")
        if isinstance(item, FieldSpec) and getattr(inner, "equals", None) is True and box in boxes:
            found[box] = item
    return found


def field_anchor(path: str) -> str:
    """The id of the input an answer path names on its page: `personal.surname` -> `id_surname`,
    `family.members.0.surname` -> `id_members-0-surname`, a group or a step as a whole -> its group or nothing."""
    parts = path.split(".")[1:]
    if not parts:
        return ""
    if len(parts) == 1:
        return f"id_{parts[0]}"
    if len(parts) >= 3 and parts[1].isdigit():
        return f"id_{parts[0]}-{parts[1]}-{parts[2]}"
    return f"group-{parts[0]}"


def path_label(spec: FormDefinitionSpec, path: str, language: str) -> str:
    """The question an answer path names, as the page labels it ("3. Surname", "Family members (2): Surname")."""
    parts = path.split(".")
    try:
        step = spec.step(parts[0])
    except (KeyError, LookupError, ValueError):
        return ""
    title = step.title.get(language)
    if len(parts) == 1:
        return title
    item = next((i for i in step.items if i.key == parts[1]), None)
    if item is None:
        return title
    label = label_of(item, language)
    if isinstance(item, GroupSpec) and len(parts) >= 4 and parts[2].isdigit():
        inner = next((f for f in item.fields if f.key == parts[3]), None)
        if inner is not None:
            return f"{label} ({int(parts[2]) + 1}): {label_of(inner, language)}"
    return label


#: What an attachment that answers no requirement of the form is (a supplement's file, an appeal's).
EXTRA_ATTACHMENT_NAMES = {
    "supplement": gettext_lazy("Supplement sent by the applicant"),
    "appeal": gettext_lazy("Attachment to the appeal"),
}


def attachment_name(spec: FormDefinitionSpec, requirement: str, language: str) -> str:
    """An attachment's name as the form gives it in `language` ("Health insurance", not `health_insurance`)."""
    for item in spec.attachments:
        if item.key == requirement:
            return item.label.get(language)
    return str(EXTRA_ATTACHMENT_NAMES.get(requirement, requirement))
