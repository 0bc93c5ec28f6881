"""Reading a definition: JSON -> `FormDefinitionSpec`, with errors an administrator can find in the JSON.

Every error names its JSON path (``steps[2].items[5].choices: a choice field needs choices``); the
discriminator tags pydantic puts into locations (``field``/``group``, ``equals``/``all``/...) are left out
because they do not appear in the JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from pydantic import ValidationError as PydanticValidationError

from .conditions import condition_paths
from .schema import FieldSpec, FormDefinitionSpec, GroupSpec, SpecValueError

_ITEM_TAGS = frozenset({"field", "group"})
_CONDITION_TAGS = frozenset({"equals", "in", "compare", "is_set", "not", "all", "any"})


class DefinitionError(ValueError):
    """An invalid definition; `messages` holds one ``path: message`` line per problem."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


def format_loc(loc: tuple[Any, ...]) -> str:
    """``('steps', 2, 'items', 5, 'field', 'choices')`` -> ``steps[2].items[5].choices``."""
    out: list[Any] = []
    expect: str | None = None
    for element in loc:
        if (expect == "item" and element in _ITEM_TAGS) or (expect == "condition" and element in _CONDITION_TAGS):
            expect = None
            continue
        expect = None
        previous = out[-1] if out else None
        out.append(element)
        if isinstance(element, int) and previous == "items":
            expect = "item"
        elif (isinstance(element, int) and previous in ("all", "any")) or element in ("show_if", "required_if", "not"):
            expect = "condition"
    text = ""
    for element in out:
        text += f"[{element}]" if isinstance(element, int) else (f".{element}" if text else str(element))
    return text or "(definition)"


def _messages(exc: PydanticValidationError) -> list[str]:
    messages = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        cause = (error.get("ctx") or {}).get("error")
        if isinstance(cause, SpecValueError) and cause.at:
            loc += (cause.at,)
        message = str(cause) if isinstance(cause, ValueError) else error["msg"]
        messages.append(f"{format_loc(loc)}: {message}")
    return messages


def parse_spec(data: dict[str, Any] | str | bytes) -> FormDefinitionSpec:
    """Parse and check a definition (shape, then references); raise `DefinitionError` naming the JSON paths."""
    if isinstance(data, str | bytes):
        try:
            data = json.loads(data)
        except json.JSONDecodeError as exc:
            raise DefinitionError([f"(definition): not valid JSON: {exc}"]) from exc
    if not isinstance(data, dict):
        raise DefinitionError(["(definition): a definition is a JSON object"])
    try:
        spec = FormDefinitionSpec.model_validate(data)
    except PydanticValidationError as exc:
        raise DefinitionError(_messages(exc)) from exc
    problems = list(_reference_problems(spec))
    if problems:
        raise DefinitionError(problems)
    return spec


def answer_paths(spec: FormDefinitionSpec) -> dict[str, FieldSpec | GroupSpec]:
    """Every answer path of the definition: ``step.field``, ``step.group`` and ``step.group.field``."""
    paths: dict[str, FieldSpec | GroupSpec] = {}
    for step in spec.steps:
        for item in step.items:
            paths[f"{step.key}.{item.key}"] = item
            if isinstance(item, GroupSpec):
                for field in item.fields:
                    paths[f"{step.key}.{item.key}.{field.key}"] = field
    return paths


def rule_roles(spec: FormDefinitionSpec, params: dict[str, Any]) -> tuple[dict[str, str], dict[str, Any]]:
    """Split a rule's params into roles (answer paths) and constants: a string naming a step's answer is a path."""
    steps = {s.key for s in spec.steps}
    roles, constants = {}, {}
    for name, value in params.items():
        if isinstance(value, str) and "." in value and value.split(".", 1)[0] in steps:
            roles[name] = value
        else:
            constants[name] = value
    return roles, constants


def _reference_problems(spec: FormDefinitionSpec) -> Iterator[str]:
    """Conditions and rules must name answers that exist; validators and rules must be registered."""
    from validators.registry import field_validator_names, notice_names, rule_names

    paths = answer_paths(spec)
    validators, rules = field_validator_names(), rule_names()

    def check_condition(condition: Any, where: str) -> Iterator[str]:
        if condition is None:
            return
        for path in condition_paths(condition):
            if path not in paths or isinstance(paths[path], GroupSpec):
                yield f"{where}: the condition refers to {path!r}, which is not an answer of this form"

    def check_field(field: FieldSpec, where: str) -> Iterator[str]:
        yield from check_condition(field.show_if, f"{where}.show_if")
        yield from check_condition(field.required_if, f"{where}.required_if")
        for v, ref in enumerate(field.validators):
            if ref.name not in validators:
                yield f"{where}.validators[{v}].name: unknown validator {ref.name!r}"

    for s, step in enumerate(spec.steps):
        yield from check_condition(step.show_if, f"steps[{s}].show_if")
        for i, item in enumerate(step.items):
            where = f"steps[{s}].items[{i}]"
            if isinstance(item, GroupSpec):
                yield from check_condition(item.show_if, f"{where}.show_if")
                for f, field in enumerate(item.fields):
                    yield from check_field(field, f"{where}.fields[{f}]")
            else:
                yield from check_field(item, where)
    for a, attachment in enumerate(spec.attachments):
        yield from check_condition(attachment.required_if, f"attachments[{a}].required_if")
    for r, rule in enumerate(spec.rules):
        if rule.rule not in rules:
            yield f"rules[{r}].rule: unknown rule {rule.rule!r}"
        roles, _constants = rule_roles(spec, rule.params)
        for role, path in roles.items():
            if path not in paths or isinstance(paths[path], GroupSpec):
                yield f"rules[{r}].params.{role}: {path!r} is not an answer of this form"
        groups = {".".join(p.split(".")[:2]) for p in roles.values() if p.count(".") == 2}
        if len(groups) > 1:
            yield f"rules[{r}].params: a rule may look into one repeatable group only"
    for n, notice in enumerate(spec.notices):
        if notice.notice not in notice_names():
            yield f"notices[{n}].notice: unknown notice {notice.notice!r}"
        for role, path in rule_roles(spec, notice.params)[0].items():
            if path not in paths or path.count(".") != 1:
                yield f"notices[{n}].params.{role}: {path!r} is not an answer or a group of this form"
