"""The form engine's public face: what `applications`, `documents` and the rest may use of `formdefs`.

Everything else in the package is internal (import-linter keeps the layers; this module keeps the surface small).
"""

from __future__ import annotations

from typing import Any

from .compile_forms import NA_SUFFIX, BoundStep, bind_step, build_group_formset, build_step_form, label_of
from .compile_payload import PayloadError, payload_json_schema, payload_model, validate_payload
from .conditions import NOT_APPLICABLE, evaluate, is_field_visible, is_step_visible, visible_steps
from .fees import Fees, fee_table, fees_for, has_fees, purpose_fees, residence_card_fee, stamp_duty
from .legal_stay import LegalStayCheck, legal_stay_check
from .models import FormDefinition, FormDefinitionChange, FormDefinitionStatus
from .notices import Notice, notices_for
from .parsing import DefinitionError, parse_spec
from .schema import LANGUAGES, FieldSpec, FieldType, FormDefinitionSpec, GroupSpec, StepSpec, Text, translate
from .steps import (
    PREFILLED,
    answers_as_asked,
    answers_keys,
    answers_to_data,
    is_prefilled_only,
    is_signing_step,
    list_field,
    row_count,
    step_letters,
    storable,
    to_querydict,
    typed_rows,
    visible_wizard_steps,
    with_row_added,
    with_row_removed,
    wizard_steps,
)
from .types import FieldKind, kind_of
from .widgets import ADD_ITEM, REMOVE_ITEM, FastSelect


def display_answer(field: FieldSpec, value: Any, *, language: str, printed: bool = False) -> str:
    """A given answer as a person reads it: on the check-answers page in `language`, or `printed` in the application
    package (Polish, as the official form prints it). The one display code for both, by field type."""
    return kind_of(field).display(field, value, language=language, printed=printed)


__all__ = [
    "ADD_ITEM",
    "LANGUAGES",
    "NA_SUFFIX",
    "NOT_APPLICABLE",
    "PREFILLED",
    "REMOVE_ITEM",
    "BoundStep",
    "DefinitionError",
    "FastSelect",
    "Fees",
    "FieldKind",
    "FieldSpec",
    "FieldType",
    "FormDefinition",
    "FormDefinitionChange",
    "FormDefinitionSpec",
    "FormDefinitionStatus",
    "GroupSpec",
    "LegalStayCheck",
    "Notice",
    "PayloadError",
    "StepSpec",
    "Text",
    "answers_as_asked",
    "answers_keys",
    "answers_to_data",
    "bind_step",
    "build_group_formset",
    "build_step_form",
    "display_answer",
    "evaluate",
    "fee_table",
    "fees_for",
    "has_fees",
    "is_field_visible",
    "is_prefilled_only",
    "is_signing_step",
    "is_step_visible",
    "kind_of",
    "label_of",
    "legal_stay_check",
    "list_field",
    "notices_for",
    "parse_spec",
    "payload_json_schema",
    "payload_model",
    "purpose_fees",
    "residence_card_fee",
    "row_count",
    "stamp_duty",
    "step_letters",
    "storable",
    "to_querydict",
    "translate",
    "typed_rows",
    "validate_payload",
    "visible_steps",
    "visible_wizard_steps",
    "with_row_added",
    "with_row_removed",
    "wizard_steps",
]
