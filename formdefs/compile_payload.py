"""A definition compiled into one strict pydantic model of the whole payload (submission, JSON API, tests).

JSON types: text-like answers are strings; integer -> number; decimal -> a string such as ``"1234.50"`` (a JSON number
is accepted too, but the cleaned payload always holds a string, so no amount passes through a float); date -> an ISO
string ``"2024-05-31"`` (Python mode takes a `date`); boolean and declaration -> true/false; multichoice and countries
-> arrays of strings; "not applicable" -> the string ``"not_applicable"``. A group is an array of row objects.

The model checks types only at the field level; the answers themselves are checked by `checks` (shared with the
forms) in a model validator. `validate_payload` reports every problem at once: when some answers have the wrong type,
it blanks them and checks the rest, as a form does with the fields that could be read.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Literal, Optional, Union

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationInfo, create_model, model_validator
from pydantic import ValidationError as PydanticValidationError
from pydantic_core import PydanticCustomError

from .checks import check_fields, check_row_count, check_rules, is_group_visible, valid_answers
from .conditions import NOT_APPLICABLE, is_blank, is_step_visible
from .schema import FieldSpec, FormDefinitionSpec, GroupSpec
from .types import kind_of

_CONFIG = ConfigDict(strict=True, extra="forbid", populate_by_name=False)
_CACHE: OrderedDict[tuple[str, int, str], type[BaseModel]] = OrderedDict()
_CACHE_SIZE = 64


@dataclass(frozen=True)
class PayloadError:
    step: str
    path: str  # dotted answer path: "personal.surname", "family.members.0.surname", "personal" for the step
    message: str
    code: str


def _annotation(field: FieldSpec) -> Any:
    base = kind_of(field).annotation(field)
    if field.not_applicable:
        base = Union[Literal[NOT_APPLICABLE], base]  # noqa: UP007 - built at runtime from a variable
    return Optional[base]  # noqa: UP045


def _schema_extra(field: FieldSpec) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    for name, key in (
        ("min_length", "minLength"),
        ("max_length", "maxLength"),
        ("pattern", "pattern"),
        ("min_value", "minimum"),
        ("max_value", "maximum"),
        ("min_items", "minItems"),
        ("max_items", "maxItems"),
    ):
        if getattr(field, name) is not None:
            extra[key] = (
                getattr(field, name) if name != "min_value" and name != "max_value" else str(getattr(field, name))
            )
    if field.number:
        extra["x-number"] = field.number
    extra["x-type"] = str(field.type)
    return extra


def _field(field: FieldSpec) -> tuple[Any, Any]:
    description = field.help.pl if field.help else None
    return _annotation(field), Field(
        None, alias=field.key, title=field.label.pl, description=description, json_schema_extra=_schema_extra(field)
    )


def _step_model(spec: FormDefinitionSpec, step_index: int) -> type[BaseModel]:
    step = spec.steps[step_index]
    fields: dict[str, Any] = {}
    for item in step.items:
        if isinstance(item, GroupSpec):
            row = create_model(
                f"{_camel(step.key)}{_camel(item.key)}Row",
                __config__=_CONFIG,
                **{f"f_{f.key}": _field(f) for f in item.fields},
            )
            fields[f"f_{item.key}"] = (Optional[list[row]], Field(None, alias=item.key, title=item.label.pl))  # noqa: UP045
        else:
            fields[f"f_{item.key}"] = _field(item)
    return create_model(_camel(step.key), __config__=_CONFIG, **fields)


def _camel(key: str) -> str:
    return "".join(part.capitalize() for part in key.replace("-", "_").split("_"))


def payload_model(spec: FormDefinitionSpec) -> type[BaseModel]:
    """The payload model of a definition, built once per (slug, version, content)."""
    digest = hashlib.sha256(spec.model_dump_json().encode()).hexdigest()
    key = (spec.slug, spec.version, digest)
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    steps = {
        f"f_{s.key}": (Optional[_step_model(spec, i)], Field(None, alias=s.key, title=s.title.pl))  # noqa: UP045
        for i, s in enumerate(spec.steps)
    }

    class Base(BaseModel):
        model_config = _CONFIG
        _cleaned: dict[str, Any] | None = PrivateAttr(default=None)

        @model_validator(mode="after")
        def _check_answers(self, info: ValidationInfo) -> Base:
            failed = frozenset((info.context or {}).get("failed", ()))
            cleaned, errors = check_payload(spec, self.model_dump(by_alias=True), failed=failed)
            if errors:
                raise PydanticCustomError(
                    "invalid_answers",
                    "{summary}",
                    {
                        "summary": "; ".join(f"{path}: {' '.join(exc.messages)}" for path, exc in errors.items()),
                        "errors": [
                            {"path": path, "message": " ".join(exc.messages), "code": _code(exc)}
                            for path, exc in errors.items()
                        ],
                    },
                )
            self._cleaned = cleaned
            return self

    model = create_model(f"Payload{_camel(spec.slug)}V{spec.version}", __base__=Base, **steps)
    _CACHE[key] = model
    if len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return model


def _code(exc: ValidationError) -> str:
    return next((e.code for e in exc.error_list if e.code), "invalid")


def check_payload(
    spec: FormDefinitionSpec, typed: dict[str, Any], *, failed: frozenset[str] = frozenset()
) -> tuple[dict[str, Any], dict[str, ValidationError]]:
    """Check typed answers of a whole payload with the shared checks; errors are keyed by dotted answer path."""
    answers = {step: _condition_answers(spec, step, data, failed) for step, data in typed.items()}
    cleaned: dict[str, Any] = {}
    errors: dict[str, ValidationError] = {}
    for step in spec.steps:
        data = typed.get(step.key) or {}
        if step.key in failed:
            continue
        if not is_step_visible(step, answers):
            if any(not is_blank(v) for v in data.values()):
                errors[step.key] = ValidationError(_not_asked(), code="not_asked")
            continue
        fields = [i for i in step.items if isinstance(i, FieldSpec)]
        local_failed = frozenset(k for k in data if f"{step.key}.{k}" in failed)
        values = {f.key: data.get(f.key) for f in fields}
        step_clean, step_errors, shown = check_fields(
            fields, values, answers, step_key=step.key, failed=local_failed, reject_hidden=True
        )
        errors.update({f"{step.key}.{k}": e for k, e in step_errors.items()})
        context = {**answers, step.key: shown}  # as `bind_step` gives the groups: valid answers to asked questions
        for group in (i for i in step.items if isinstance(i, GroupSpec)):
            step_clean.update(_check_group(spec, step.key, group, data.get(group.key), context, failed, errors))
        cleaned[step.key] = step_clean
    rule_answers = {**answers, **cleaned}
    for rule in spec.rules:
        if not any(p.count(".") == 2 for p in _role_paths(spec, rule)):
            errors.update({p: e for p, e in check_rules(spec, [rule], rule_answers).items() if p not in errors})
    return cleaned, errors


def _condition_answers(spec: FormDefinitionSpec, step_key: str, data: Any, failed: frozenset[str]) -> dict[str, Any]:
    """A step's answers as other steps' conditions see them: only the valid ones (what the wizard stores)."""
    if not isinstance(data, dict):
        return {}
    data = {k: v for k, v in data.items() if f"{step_key}.{k}" not in failed}
    try:
        step = spec.step(step_key)
    except KeyError:
        return data
    fields = [i for i in step.items if isinstance(i, FieldSpec)]
    plain = {f.key for f in fields}
    return {**{k: v for k, v in data.items() if k not in plain}, **valid_answers(fields, data)}


def _check_group(
    spec: FormDefinitionSpec,
    step_key: str,
    group: GroupSpec,
    rows: Any,
    context: dict[str, Any],
    failed: frozenset[str],
    errors: dict[str, ValidationError],
) -> dict[str, Any]:
    path = f"{step_key}.{group.key}"
    if not is_group_visible(group, context):
        if not is_blank(rows):
            errors[path] = ValidationError(_not_asked(), code="not_asked")
        return {}
    if path in failed:
        return {}
    rows = rows or []
    try:
        check_row_count(group, rows)
    except ValidationError as exc:
        errors[path] = exc
    row_rules = [r for r in spec.rules if any(p.startswith(f"{path}.") for p in _role_paths(spec, r))]
    cleaned_rows = []
    for index, row in enumerate(rows):
        prefix = f"{path}.{index}."
        local_failed = frozenset(k for k in row if prefix + k in failed)
        row_clean, row_errors, _shown = check_fields(
            group.fields, row, context, step_key=step_key, in_row=True, failed=local_failed, reject_hidden=True
        )
        errors.update({prefix + k: e for k, e in row_errors.items()})
        for rule_path, exc in check_rules(spec, row_rules, context, row=row_clean).items():
            key = prefix + rule_path.split(".")[-1] if rule_path.count(".") == 2 else rule_path
            errors.setdefault(key, exc)
        cleaned_rows.append(row_clean)
    return {group.key: cleaned_rows} if cleaned_rows or rows == [] else {}


def _role_paths(spec: FormDefinitionSpec, rule: Any) -> list[str]:
    from .parsing import rule_roles

    return list(rule_roles(spec, rule.params)[0].values())


def _not_asked() -> str:
    from django.utils.translation import gettext

    return gettext("This question is not asked given your other answers; leave it empty.")


def _loc_path(spec: FormDefinitionSpec, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Cut a pydantic location down to the payload's structure (dropping union member tags)."""
    if not loc:
        return ()
    try:
        step = spec.step(str(loc[0]))
    except KeyError:
        return loc[:1]
    if len(loc) < 2:
        return loc[:1]
    item = next((i for i in step.items if i.key == loc[1]), None)
    if isinstance(item, GroupSpec) and len(loc) >= 3 and isinstance(loc[2], int):
        return loc[:4] if len(loc) >= 4 and any(f.key == loc[3] for f in item.fields) else loc[:3]
    return loc[:2]


def _blank(raw: dict[str, Any], loc: tuple[Any, ...], kind: str) -> tuple[Any, ...]:
    """Remove a wrongly typed answer (or a key that is not part of the form) so the rest can be checked."""
    container: Any = raw
    for element in loc[:-1]:
        container = container[element]
    if kind == "extra_forbidden" or (len(loc) == 3 and isinstance(loc[-1], int)):
        if isinstance(container, dict):
            container.pop(loc[-1], None)
            return loc
        return _blank(raw, loc[:-1], "invalid")  # a row that is not an object: the whole group is unreadable
    container[loc[-1]] = None
    return loc


def validate_payload(spec: FormDefinitionSpec, data: dict[str, Any] | str) -> tuple[dict[str, Any], list[PayloadError]]:
    """Check a payload (a dict in JSON or Python types, or JSON text); return (cleaned JSON-ready dict, errors)."""
    model = payload_model(spec)
    text = data if isinstance(data, str) else json.dumps(data, cls=DjangoJSONEncoder)
    try:
        raw = json.loads(text)
    except json.JSONDecodeError:
        return {}, [PayloadError("", "", "The payload is not valid JSON.", "json_invalid")]
    if not isinstance(raw, dict):
        return {}, [PayloadError("", "", "The payload must be a JSON object.", "model_type")]
    errors: list[PayloadError] = []
    failed: set[str] = set()
    for _attempt in range(4):
        try:
            instance = model.model_validate_json(json.dumps(raw), context={"failed": failed})
        except PydanticValidationError as exc:
            progressed = False
            for error in exc.errors():
                if error["type"] == "invalid_answers":
                    errors.extend(
                        PayloadError(e["path"].split(".")[0], e["path"], e["message"], e["code"])
                        for e in error["ctx"]["errors"]
                    )
                    continue
                loc = _loc_path(spec, tuple(error["loc"]))
                path = ".".join(str(x) for x in loc)
                if path in failed:
                    continue
                failed.add(path)
                errors.append(PayloadError(str(loc[0]) if loc else "", path, error["msg"], error["type"]))
                if loc:
                    failed.add(".".join(str(x) for x in _blank(raw, loc, error["type"])))
                else:
                    raw.clear()
                progressed = True
            if not progressed:
                break
        else:
            if errors:
                break
            cleaned = instance._cleaned or {}
            return json.loads(json.dumps(cleaned, cls=DjangoJSONEncoder)), []
    return {}, errors


def payload_json_schema(spec: FormDefinitionSpec) -> dict[str, Any]:
    """The JSON Schema of a definition's payload (for the API documentation)."""
    return payload_model(spec).model_json_schema(by_alias=True)
