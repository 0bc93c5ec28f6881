"""Named validators that form definitions refer to by string.

A form definition (JSON edited in the admin) names its field validators and cross-field rules; this registry
maps those names to plain functions so that the definition never holds code.
"""

from __future__ import annotations

from validators._registration import (
    FieldValidator,
    Notice,
    Rule,
    field_validator,
    field_validator_names,
    get_field_validator,
    get_notice,
    get_rule,
    notice,
    notice_names,
    rule,
    rule_names,
)

__all__ = [
    "FieldValidator",
    "Notice",
    "Rule",
    "field_validator",
    "field_validator_names",
    "get_field_validator",
    "get_notice",
    "get_rule",
    "notice",
    "notice_names",
    "rule",
    "rule_names",
]

# The modules below register on import; importing them here makes a plain
# ``from validators.registry import get_field_validator`` see every name.
from validators import (  # noqa: F401
    answers,
    contact,
    continuous_stay,
    countries,
    dates,
    files,
    identity,
    names,
    rules,
    travel_documents,
)
