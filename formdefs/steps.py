"""The steps of a definition and the answers <-> form-data mapping: pure functions of a spec and plain data.

The wizard pages (`applications.wizard`), the services (prefill from the MRZ, the declarations of the signing page)
and the tests use these; none of them needs a request or a database row.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import QueryDict

from .compile_forms import NA_SUFFIX
from .conditions import NOT_APPLICABLE, is_step_visible
from .schema import FieldSpec, FormDefinitionSpec, GroupSpec, StepSpec
from .types import kind_of


def is_signing_step(step: StepSpec) -> bool:
    """A step of declarations only: it is answered on the signing page, not in the wizard."""
    return all(isinstance(i, FieldSpec) and kind_of(i).signed for i in step.items)


def wizard_steps(spec: FormDefinitionSpec) -> list[StepSpec]:
    return [s for s in spec.steps if not is_signing_step(s)]


def visible_wizard_steps(spec: FormDefinitionSpec, answers: Mapping[str, Any]) -> list[StepSpec]:
    return [s for s in wizard_steps(spec) if is_step_visible(s, answers)]


def step_letters(steps: list[StepSpec]) -> dict[str, str]:
    """What each page is lettered: its section of the official form, numbered when the section spans several pages
    ("E.1", "E.2", "E.3" rather than three pages all "E."); a page of a section of its own keeps the bare letter."""
    counts: dict[str, int] = {}
    for step in steps:
        if step.section:
            counts[step.section] = counts.get(step.section, 0) + 1
    seen: dict[str, int] = {}
    letters: dict[str, str] = {}
    for step in steps:
        if not step.section:
            letters[step.key] = ""
        elif counts[step.section] == 1:
            letters[step.key] = step.section
        else:
            seen[step.section] = seen.get(step.section, 0) + 1
            letters[step.key] = f"{step.section}.{seen[step.section]}"
    return letters


#: In a step's unsaved input: it was filled by the MRZ prefill and the applicant has not submitted it yet.
PREFILLED = "__prefilled__"


def is_prefilled_only(typed: Mapping[str, Any]) -> bool:
    """Whether a step's unsaved input comes from a prefill only (so no error is shown before the person acts)."""
    return bool(typed.get(PREFILLED))


# --- Answers <-> form data ---------------------------------------------------------------------------------------


def _field_data(field: FieldSpec, value: Any, prefix: str) -> dict[str, list[str]]:
    name = prefix + field.key
    if value is None:
        return {}
    if field.not_applicable and value == NOT_APPLICABLE:
        return {name + NA_SUFFIX: ["on"]}
    values = kind_of(field).form_data(field, value)
    return {} if values is None else {name: values}


def answers_to_data(
    step: StepSpec, answers: Mapping[str, Any], *, extra_rows: Mapping[str, int] | None = None
) -> dict[str, list[str]]:
    """The POST data that would give these answers: used to show saved or prefilled answers on a step."""
    data: dict[str, list[str]] = {}
    for item in step.items:
        if isinstance(item, GroupSpec):
            rows = list(answers.get(item.key) or [])
            rows += [{}] * (extra_rows or {}).get(item.key, 0)
            data.update(_management(item.key, len(rows), item))
            for index, row in enumerate(rows):
                for field in item.fields:
                    data.update(_field_data(field, row.get(field.key), f"{item.key}-{index}-"))
        else:
            data.update(_field_data(item, answers.get(item.key), ""))
    return data


def _management(prefix: str, total: int, group: GroupSpec) -> dict[str, list[str]]:
    return {
        f"{prefix}-TOTAL_FORMS": [str(total)],
        f"{prefix}-INITIAL_FORMS": ["0"],
        f"{prefix}-MIN_NUM_FORMS": ["0"],
        f"{prefix}-MAX_NUM_FORMS": [str(group.max_items)],
    }


def list_field(step: StepSpec, name: str) -> FieldSpec | None:
    """The field of this step whose input `name` is a list of selects with "Add another" (a top-level field, or
    one in a group's row: `members-0-citizenship`)."""
    for item in step.items:
        if isinstance(item, GroupSpec):
            for field in item.fields:
                prefix, _sep, rest = name.partition("-")
                index, _sep, key = rest.partition("-")
                if prefix == item.key and index.isdigit() and key == field.key and kind_of(field).select_list:
                    return field
        elif item.key == name and kind_of(item).select_list:
            return item
    return None


def storable(data, step: StepSpec) -> dict[str, list[str]]:
    """The part of a POST worth keeping for a step: its own fields only, without NUL characters (which
    PostgreSQL's JSON cannot hold), so nothing a browser sends can break saving the draft."""
    known = set(answers_keys(step))
    return {
        key: [value.replace("\x00", "") for value in values]
        for key, values in data.lists()
        if key in known or any(key.startswith(f"{group}-") for group in known)
    }


def answers_keys(step: StepSpec) -> list[str]:
    keys: list[str] = []
    for item in step.items:
        if isinstance(item, GroupSpec):
            keys.append(item.key)
        else:
            keys += [item.key, item.key + NA_SUFFIX]
    return keys


def to_querydict(data: Mapping[str, list[str]]) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, values in data.items():
        query.setlist(key, list(values))
    return query


def row_count(data, group: GroupSpec) -> int:
    """How many entries the page says the group has (0 for anything that is not a sensible number)."""
    try:
        total = int(data.get(f"{group.key}-TOTAL_FORMS") or 0)
    except (TypeError, ValueError):
        return 0
    return min(max(total, 0), group.max_items)


def with_row_added(data: QueryDict, group: GroupSpec) -> QueryDict:
    data = data.copy()
    total = row_count(data, group)
    data[f"{group.key}-TOTAL_FORMS"] = str(min(total + 1, group.max_items))
    return data


def with_row_removed(data: QueryDict, group: GroupSpec, index: int) -> QueryDict:
    """Drop one row and renumber the rows after it, keeping everything else typed on the page."""
    data = data.copy()
    total = row_count(data, group)
    if not 0 <= index < total:
        return data
    for i in range(index, total):
        for field in group.fields:
            for suffix in ("", NA_SUFFIX):
                source, target = f"{group.key}-{i + 1}-{field.key}{suffix}", f"{group.key}-{i}-{field.key}{suffix}"
                if source in data:
                    data.setlist(target, data.getlist(source))
                else:
                    data.pop(target, None)
    for field in group.fields:
        for suffix in ("", NA_SUFFIX):
            data.pop(f"{group.key}-{total - 1}-{field.key}{suffix}", None)
    data[f"{group.key}-TOTAL_FORMS"] = str(total - 1)
    return data


def typed_rows(data, group: GroupSpec) -> list[dict[str, Any]]:
    """The rows typed for a group, as initial values of an unbound formset (shown, not judged)."""
    rows = []
    for index in range(row_count(data, group)):
        row: dict[str, Any] = {}
        for field in group.fields:
            name = f"{group.key}-{index}-{field.key}"
            values = data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])
            if values:
                row[field.key] = values if kind_of(field).multiple else values[0]
            if data.get(name + NA_SUFFIX):
                row[field.key + NA_SUFFIX] = True
        rows.append(row)
    return rows


def answers_as_asked(spec: FormDefinitionSpec, answers: Mapping[str, Any]) -> dict[str, Any]:
    """A draft's answers as the definition asks them now, to be checked and submitted.

    The wizard stores each page as it was answered, so a draft may hold what the form no longer asks: a question
    dropped from a definition changed in place (`current_stay.in_poland`, asked in B.7 since), or a whole page that
    a later answer hides (the current stay, once B.7 says the applicant is abroad). Those are left out rather than
    refused: the applicant could not empty a page they are no longer shown. A step's other answers, and its groups'
    rows, are kept as stored, so the checks still judge them.
    """
    known = {step.key: {item.key for item in step.items} for step in spec.steps}
    kept: dict[str, Any] = {
        key: {k: v for k, v in value.items() if k in known[key]} if isinstance(value, Mapping) else value
        for key, value in answers.items()
        if key in known
    }
    while True:  # a hidden page may hide a later one that depends on it
        hidden = [step.key for step in spec.steps if step.key in kept and not is_step_visible(step, kept)]
        if not hidden:
            return kept
        for key in hidden:
            del kept[key]
