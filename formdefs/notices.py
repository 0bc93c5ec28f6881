"""Notices: what a definition's named non-refusing checks say about a set of answers (the applicant reads them on
the check-answers page, the officer as facts on the case page)."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from validators.registry import get_notice

from .conditions import NOT_APPLICABLE
from .parsing import rule_roles
from .schema import FormDefinitionSpec


@dataclass(frozen=True)
class Notice:
    notice: str  # the notice's name in the definition
    code: str  # what it found (stable, for tests and reports)
    message: str  # in the active language


def notices_for(
    spec: FormDefinitionSpec, answers: Mapping[str, Any], *, on: datetime.date, step: str | None = None
) -> list[Notice]:
    """Every notice the definition's checks raise on `answers`, as of the filing day `on` (only those that read
    answers of `step`, when given: the wizard shows them on that step)."""
    found: list[Notice] = []
    for notice in spec.notices:
        roles, constants = rule_roles(spec, notice.params)
        if step is not None and not any(path.split(".", 1)[0] == step for path in roles.values()):
            continue
        values = {}
        for role, path in roles.items():
            step, key = path.split(".", 1)
            value = (answers.get(step) or {}).get(key)
            values[role] = None if value == NOT_APPLICABLE else value
        for code, message in get_notice(notice.notice)(values, on=on, **constants):
            found.append(Notice(notice=notice.notice, code=code, message=message))
    return found
