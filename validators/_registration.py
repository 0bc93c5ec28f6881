"""The registry's storage and decorators, kept apart from ``validators.registry`` so that the validator modules can
register themselves without importing the registry (which imports them: that would be a circular import)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

FieldValidator = Callable[..., Any]  # fn(value, **params) -> the cleaned value; raises ValidationError
Rule = Callable[..., None]  # fn(values: Mapping[str, Any], **params) -> None; raises ValidationError({role: ...})

Notice = Callable[..., list]  # fn(values, *, on: date, **params) -> [(code, message)]; warns, never refuses

_FIELD_VALIDATORS: dict[str, FieldValidator] = {}
_RULES: dict[str, Rule] = {}
_NOTICES: dict[str, Notice] = {}


def field_validator(name: str) -> Callable[[FieldValidator], FieldValidator]:
    """Register a field validator under ``name`` (a name may be registered once)."""

    def decorator(fn: FieldValidator) -> FieldValidator:
        if name in _FIELD_VALIDATORS and _FIELD_VALIDATORS[name] is not fn:
            raise ValueError(f"Field validator {name!r} is already registered")
        _FIELD_VALIDATORS[name] = fn
        return fn

    return decorator


def rule(name: str) -> Callable[[Rule], Rule]:
    """Register a cross-field rule under ``name`` (a name may be registered once)."""

    def decorator(fn: Rule) -> Rule:
        if name in _RULES and _RULES[name] is not fn:
            raise ValueError(f"Rule {name!r} is already registered")
        _RULES[name] = fn
        return fn

    return decorator


def get_field_validator(name: str) -> FieldValidator:
    """Return the field validator registered as ``name``; KeyError if there is none."""
    try:
        return _FIELD_VALIDATORS[name]
    except KeyError:
        raise KeyError(f"Unknown field validator: {name!r}") from None


def get_rule(name: str) -> Rule:
    """Return the rule registered as ``name``; KeyError if there is none."""
    try:
        return _RULES[name]
    except KeyError:
        raise KeyError(f"Unknown rule: {name!r}") from None


def field_validator_names() -> frozenset[str]:
    """All registered field validator names (for checking a form definition before it is saved)."""
    return frozenset(_FIELD_VALIDATORS)


def rule_names() -> frozenset[str]:
    """All registered rule names (for checking a form definition before it is saved)."""
    return frozenset(_RULES)


def notice(name: str) -> Callable[[Notice], Notice]:
    """Register a notice under ``name``: a check that tells the applicant and the officer something about the answers
    (e.g. the continuous stay looks too short) without refusing them."""

    def decorator(fn: Notice) -> Notice:
        if name in _NOTICES and _NOTICES[name] is not fn:
            raise ValueError(f"Notice {name!r} is already registered")
        _NOTICES[name] = fn
        return fn

    return decorator


def get_notice(name: str) -> Notice:
    """Return the notice registered as ``name``; KeyError if there is none."""
    try:
        return _NOTICES[name]
    except KeyError:
        raise KeyError(f"Unknown notice: {name!r}") from None


def notice_names() -> frozenset[str]:
    """All registered notice names (for checking a form definition before it is saved)."""
    return frozenset(_NOTICES)
