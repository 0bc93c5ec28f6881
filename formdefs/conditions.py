"""Conditions of a definition, evaluated in one place for the wizard, the payload model and the preview.

Answers are the payload ``{step_key: {field_key: value, group_key: [row, ...]}}`` in Python or JSON types (a date
may be a `date` or an ISO string). A missing, empty or "not applicable" answer is *not set*; a comparison with
an answer that is not set (or of another type) is false.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from .schema import All, AnyOf, Compare, Equals, FieldSpec, FormDefinitionSpec, GroupSpec, In, IsSet, Not, StepSpec

NOT_APPLICABLE = "not_applicable"  # the payload's answer "NIE DOTYCZY" for a field with `not_applicable`
Answers = Mapping[str, Any]


def is_blank(value: Any) -> bool:
    """No answer: absent, None, an empty string or an empty list."""
    return value is None or value == "" or value == []


def lookup(path: str, answers: Answers, row: Mapping[str, Any] | None = None) -> Any:
    """The answer at ``step.field``, or at ``step.group.field`` in the given row; None when there is none."""
    parts = path.split(".")
    if len(parts) == 3:
        return None if row is None else row.get(parts[2])
    step = answers.get(parts[0]) if isinstance(answers, Mapping) else None
    return step.get(parts[1]) if isinstance(step, Mapping) and len(parts) == 2 else None


def _comparable(value: Any, constant: Any) -> Any:
    """Bring an answer to the constant's type (ISO strings to dates, numbers to Decimal) or return None."""
    if isinstance(constant, bool) or isinstance(value, bool):
        return value if type(value) is type(constant) else None
    if isinstance(constant, date):
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                return None
        return value if isinstance(value, date) else None
    if isinstance(constant, int | float | Decimal):
        if isinstance(value, int | float | Decimal):
            return Decimal(str(value))
        if isinstance(value, str):
            try:
                return Decimal(value)
            except InvalidOperation:
                return None
        return None
    if isinstance(constant, str) and isinstance(value, date):
        return value.isoformat()
    return value


def _equals(value: Any, constant: Any) -> bool:
    if isinstance(value, list):
        return any(_equals(element, constant) for element in value)
    if constant is None:
        return is_blank(value)
    if is_blank(value) or value == NOT_APPLICABLE:
        return False
    other = _comparable(value, constant)
    expected = Decimal(str(constant)) if isinstance(other, Decimal) else constant
    return other is not None and other == expected


def evaluate(condition: Any, answers: Answers, *, row: Mapping[str, Any] | None = None) -> bool:
    """Does the condition hold for these answers (and, inside a group, this row)?"""
    if condition is None:
        return True
    if isinstance(condition, Equals):
        return _equals(lookup(condition.field, answers, row), condition.equals)
    if isinstance(condition, In):
        value = lookup(condition.field, answers, row)
        return any(_equals(value, constant) for constant in condition.in_)
    if isinstance(condition, IsSet):
        value = lookup(condition.field, answers, row)
        return (not is_blank(value)) == condition.is_set
    if isinstance(condition, Compare):
        value = lookup(condition.field, answers, row)
        for op in ("gt", "ge", "lt", "le"):
            constant = getattr(condition, op)
            if constant is not None:
                return _compare(value, op, constant)
    if isinstance(condition, Not):
        return not evaluate(condition.not_, answers, row=row)
    if isinstance(condition, All):
        return all(evaluate(c, answers, row=row) for c in condition.all)
    if isinstance(condition, AnyOf):
        return any(evaluate(c, answers, row=row) for c in condition.any)
    raise TypeError(f"not a condition: {condition!r}")


def _compare(value: Any, op: str, constant: Any) -> bool:
    if is_blank(value) or value == NOT_APPLICABLE or isinstance(value, list):
        return False
    value = _comparable(value, constant)
    if isinstance(value, Decimal):
        constant = Decimal(str(constant))
    if value is None:
        return False
    try:
        return {"gt": value > constant, "ge": value >= constant, "lt": value < constant, "le": value <= constant}[op]
    except TypeError:  # pragma: no cover - _comparable already aligned the types
        return False


def condition_paths(condition: Any) -> Iterator[str]:
    """Every answer path a condition looks at (to check a definition's references)."""
    if isinstance(condition, Not):
        yield from condition_paths(condition.not_)
    elif isinstance(condition, All | AnyOf):
        for inner in condition.all if isinstance(condition, All) else condition.any:
            yield from condition_paths(inner)
    else:
        yield condition.field


def is_step_visible(step: StepSpec, answers: Answers) -> bool:
    return evaluate(step.show_if, answers)


def visible_steps(spec: FormDefinitionSpec, answers: Answers) -> list[StepSpec]:
    """The steps the applicant is asked, in order, given the answers so far."""
    return [step for step in spec.steps if is_step_visible(step, answers)]


def is_field_visible(item: FieldSpec | GroupSpec, answers: Answers, *, row: Mapping[str, Any] | None = None) -> bool:
    return evaluate(item.show_if, answers, row=row)


def is_field_required(field: FieldSpec, answers: Answers, *, row: Mapping[str, Any] | None = None) -> bool:
    """Required now: visible, and required always or by its `required_if`."""
    if not is_field_visible(field, answers, row=row):
        return False
    if field.required:
        return True
    return field.required_if is not None and evaluate(field.required_if, answers, row=row)
