"""The checks of answers, written once and called by both compilers (the Django step forms and the payload model).

Each compiler only turns input into Python types (a form from POST strings, pydantic from strict JSON); everything
after that - required and required_if, show_if, not applicable, length, pattern, range, choices, named validators and
cross-field rules - happens here, so the wizard and the API cannot disagree about what is a valid answer.
Errors are Django `ValidationError`s with translated messages, keyed by the field's key (or row field's key).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from validators.registry import get_field_validator, get_rule

from .conditions import NOT_APPLICABLE, evaluate, is_blank, is_field_required, is_field_visible
from .parsing import rule_roles
from .schema import FieldSpec, FormDefinitionSpec, GroupSpec, RuleSpec, translate
from .types import kind_of

Errors = dict[str, ValidationError]

DECIMAL_PLACES = 2


def python_type(field: FieldSpec) -> Any:
    return kind_of(field).python_type


def normalize(field: FieldSpec, value: Any) -> Any:
    """As a browser would send it: text stripped, an unticked declaration no answer (the type decides)."""
    return kind_of(field).normalize(value)


def clean_value(field: FieldSpec, value: Any) -> Any:
    """Check one answer that is given (not blank) and return it cleaned; raise ValidationError otherwise."""
    if value == NOT_APPLICABLE and field.not_applicable:
        return value
    if isinstance(value, str):
        value = _check_text(field, value)
    elif isinstance(value, int | Decimal) and not isinstance(value, bool):
        _check_number(field, value)
    value = kind_of(field).check(field, value)
    for ref in field.validators:
        value = get_field_validator(ref.name)(value, **ref.params)
    return value


def _check_text(field: FieldSpec, value: str) -> str:
    if "\x00" in value:
        raise ValidationError(_("Null characters are not allowed."), code="null_characters_not_allowed")
    if field.min_length is not None and len(value) < field.min_length:
        raise ValidationError(
            _("Enter at least %(limit)d characters.") % {"limit": field.min_length}, code="min_length"
        )
    if field.max_length is not None and len(value) > field.max_length:
        raise ValidationError(_("Enter at most %(limit)d characters.") % {"limit": field.max_length}, code="max_length")
    if field.pattern is not None and not re.fullmatch(field.pattern, value):
        raise pattern_error(field.pattern, value)
    return value


def _is_latin_name_pattern(pattern: str) -> bool:
    """A pattern for names as in a passport: it takes Latin letters, spaces, hyphens and apostrophes, not Cyrillic."""
    return bool(re.fullmatch(pattern, "Anna-Maria O'Neil Łukasz")) and not re.fullmatch(pattern, "Анна")


def pattern_error(pattern: str, value: str) -> ValidationError:
    """The message for an answer its pattern refuses, saying what is expected (not just "the format asked for")."""
    if _is_latin_name_pattern(pattern):
        if any(ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN") for ch in value):
            return ValidationError(_("Use Latin letters, as in your passport."), code="pattern_latin")
        return ValidationError(
            _("Use only Latin letters, spaces, hyphens and apostrophes, as in your passport."), code="pattern"
        )
    return ValidationError(_("Enter the answer as the hint under the question shows."), code="pattern")


def _check_number(field: FieldSpec, value: int | Decimal) -> None:
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValidationError(_("Enter a number."), code="invalid")
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -DECIMAL_PLACES:
            raise ValidationError(_("Enter an amount with at most two decimal places."), code="max_decimal_places")
    if field.min_value is not None and value < field.min_value:
        raise ValidationError(
            _("Enter a number not less than %(limit)s.") % {"limit": field.min_value}, code="min_value"
        )
    if field.max_value is not None and value > field.max_value:
        raise ValidationError(
            _("Enter a number not greater than %(limit)s.") % {"limit": field.max_value}, code="max_value"
        )


def prune_hidden(
    fields: list[Any], values: Mapping[str, Any], answers: Mapping[str, Any], *, step_key: str, in_row: bool = False
) -> dict[str, Any]:
    """The values without the answers to hidden questions (repeated, since hiding one may hide another)."""
    current = dict(values)
    for _round in range(len(fields) + 1):
        context = answers if in_row else {**answers, step_key: current}
        row = current if in_row else None
        kept = {
            k: v
            for k, v in current.items()
            if not any(f.key == k and not is_field_visible(f, context, row=row) for f in fields)
        }
        if kept == current:
            break
        current = kept
    return current


class Checked(NamedTuple):
    """What `check_fields` found: the cleaned answers, the errors, and the answers conditions look at."""

    cleaned: dict[str, Any]
    errors: Errors
    shown: dict[str, Any]  # the valid answers (as given, not cleaned) to the questions asked


def valid_answers(
    fields: list[FieldSpec], values: Mapping[str, Any], *, failed: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """The answers that conditions may look at: given, typed and passing `clean_value` (as given, not cleaned).

    An answer that is refused - whether its compiler could not type it or a check refused it - is *not set* for
    every condition, so where the refusal happens (form field, pydantic type or `checks`) never changes which
    questions are asked. The wizard behaves so across steps anyway: it only stores a step's valid answers.
    """
    given = {k: normalize_by_key(fields, k, v) for k, v in values.items()}
    return _clean_all(fields, given, failed)[0]


def _clean_all(
    fields: list[FieldSpec], values: Mapping[str, Any], failed: frozenset[str]
) -> tuple[dict[str, Any], dict[str, Any], Errors]:
    """(valid answers as given, the same answers cleaned, errors of the refused ones) of normalized answers."""
    valid: dict[str, Any] = {}
    cleaned: dict[str, Any] = {}
    errors: Errors = {}
    for field in fields:
        if field.key in failed or field.key not in values:
            continue
        value = values[field.key]
        if is_blank(value):
            continue
        try:
            cleaned[field.key] = clean_value(field, value)
        except ValidationError as exc:
            errors[field.key] = exc
        else:
            valid[field.key] = value
    return valid, cleaned, errors


def check_fields(
    fields: list[FieldSpec],
    values: Mapping[str, Any],
    answers: Mapping[str, Any],
    *,
    step_key: str,
    in_row: bool = False,
    failed: frozenset[str] = frozenset(),
    reject_hidden: bool = False,
) -> Checked:
    """Check the plain fields of a step (or of one group row); return the cleaned answers and the errors.

    `values` are typed answers; `failed` names fields whose input could not even be typed (already reported).
    A hidden question's answer is dropped, or with `reject_hidden` (the payload) refused. Conditions see only the
    valid answers to visible questions (`valid_answers`), so the two compilers decide visibility alike.
    """
    given = {k: normalize_by_key(fields, k, v) for k, v in values.items() if k not in failed}
    valid, cleaned_all, invalid = _clean_all(fields, given, failed)
    shown = prune_hidden(fields, valid, answers, step_key=step_key, in_row=in_row)
    context = answers if in_row else {**answers, step_key: shown}
    row = shown if in_row else None
    cleaned: dict[str, Any] = {}
    errors: Errors = {}
    for field in fields:
        if field.key in failed:
            continue
        value = given.get(field.key)
        visible = field.key in shown if field.key in valid else is_field_visible(field, context, row=row)
        if not visible:
            if reject_hidden and not is_blank(value):
                errors[field.key] = ValidationError(
                    _("This question is not asked given your other answers; leave it empty."), code="not_asked"
                )
            continue
        if is_blank(value):
            if is_field_required(field, context, row=row):
                errors[field.key] = ValidationError(_("This field is required."), code="required")
            continue
        if field.key in invalid:
            errors[field.key] = invalid[field.key]
        else:
            cleaned[field.key] = cleaned_all[field.key]
    return Checked(cleaned, errors, shown)


def normalize_by_key(fields: list[FieldSpec], key: str, value: Any) -> Any:
    for field in fields:
        if field.key == key:
            return normalize(field, value)
    return value


def check_row_count(group: GroupSpec, rows: list[Any]) -> None:
    """A group has between min_items and max_items rows."""
    if len(rows) < group.min_items:
        raise ValidationError(
            _("%(group)s: add at least %(limit)d.") % {"group": translate(group.label), "limit": group.min_items},
            code="min_items",
        )
    if len(rows) > group.max_items:
        raise ValidationError(
            _("%(group)s: add at most %(limit)d.") % {"group": translate(group.label), "limit": group.max_items},
            code="max_items",
        )


def rules_of_step(spec: FormDefinitionSpec, step_key: str, group_key: str | None = None) -> list[RuleSpec]:
    """The rules a step form (or a group's row form) can check alone: all roles in this step (and group)."""
    chosen = []
    for rule in spec.rules:
        paths = list(rule_roles(spec, rule.params)[0].values())
        if not paths or not all(p.split(".")[0] == step_key for p in paths):
            continue
        groups = {p.split(".")[1] for p in paths if p.count(".") == 2}
        if groups == ({group_key} if group_key else set()):
            chosen.append(rule)
    return chosen


def check_rules(
    spec: FormDefinitionSpec, rules: list[RuleSpec], answers: Mapping[str, Any], *, row: Mapping[str, Any] | None = None
) -> dict[str, ValidationError]:
    """Run cross-field rules; the errors are keyed by the answer path of the role the rule blames."""
    errors: dict[str, ValidationError] = {}
    for rule in rules:
        roles, constants = rule_roles(spec, rule.params)
        values = {}
        for role, path in roles.items():
            parts = path.split(".")
            value = (row or {}).get(parts[2]) if len(parts) == 3 else (answers.get(parts[0]) or {}).get(parts[1])
            values[role] = None if value == NOT_APPLICABLE else value
        try:
            get_rule(rule.rule)(values, **constants)
        except ValidationError as exc:
            blamed = exc.error_dict if hasattr(exc, "error_dict") else {next(iter(roles), ""): exc.error_list}
            for role, problems in blamed.items():
                path = roles.get(role) or next(iter(roles.values()), "")
                error = (
                    ValidationError(translate(rule.message), code="rule")
                    if rule.message
                    else (ValidationError(problems))
                )
                errors.setdefault(path, error)
    return errors


def is_group_visible(group: GroupSpec, answers: Mapping[str, Any]) -> bool:
    return evaluate(group.show_if, answers)
