"""Generic cross-field rules between two answers, written once and given their meaning by the definition's params
(and its own message, in four languages)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from validators._common import is_missing
from validators._registration import rule


def _one_of(value: Any, options: list[Any]) -> bool:
    if isinstance(value, list | tuple):
        return any(v in options for v in value)
    return value in options


@rule("answer_allowed_when")
def answer_allowed_when(values: Mapping[str, Any], *, when_in: list[Any], allowed: list[Any]) -> None:
    """When the `trigger` answer is one of `when_in`, the `answer` must be one of `allowed` (e.g. a flat lent for use
    is a title only from the relatives the Act names; the spouse-of-a-Polish-citizen basis needs a Polish spouse).
    Blames the `answer`."""
    trigger, answer = values.get("trigger"), values.get("answer")
    if is_missing(trigger) or is_missing(answer) or not _one_of(trigger, list(when_in)):
        return
    if not _one_of(answer, list(allowed)):
        raise ValidationError(
            {"answer": ValidationError(_("This answer does not fit your other answers."), code="answer_not_allowed")}
        )
