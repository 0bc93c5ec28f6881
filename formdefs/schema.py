"""The shape of a form definition: a JSON document edited by administrators and validated before it is saved.

A definition is a list of steps (one wizard page each, carrying the official section letter); a step holds fields
and repeatable groups; fields and steps may be shown or required only when other answers say so (conditions);
cross-field rules and per-field validators are named, so the definition stays data and the code stays in
`validators/`.

The answers of an application (the *payload*) mirror the definition:
``{step_key: {field_key: value, group_key: [{field_key: value, ...}, ...]}}``.
A condition refers to an answer by its path ``"step_key.field_key"``; inside a repeatable group, by
``"step_key.group_key.field_key"`` relative to the same row.

Example::

    {"slug": "temporary-residence", "version": 1, "permit_type": "temporary-residence", "layout": "2019",
     "title": {"pl": "Wniosek o ...", "en": "...", "uk": "...", "ru": "..."},
     "steps": [{"key": "personal", "section": "A", "title": {...},
                "items": [{"key": "surname", "type": "name", "number": "1", "label": {...}, "required": true},
                          {"key": "pesel", "type": "pesel", "number": "18", "label": {...}, "required": false}]}],
     "attachments": [{"key": "photo", "label": {...}, "accept": ["image/jpeg", "image/png"], "max_size_mb": 5}],
     "rules": [{"rule": "pesel_matches_birth_and_sex",
                "params": {"pesel": "personal.pesel", "date_of_birth": "personal.date_of_birth",
                           "sex": "personal.sex"}}]}
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator

KEY_PATTERN = r"^[a-z][a-z0-9_]{0,62}$"
Key = Annotated[str, Field(pattern=KEY_PATTERN)]
LANGUAGES = ("pl", "en", "uk", "ru")


class SpecValueError(ValueError):
    """A definition error that knows which attribute it is about, so the message can point at its JSON path."""

    def __init__(self, message: str, at: str | None = None) -> None:
        super().__init__(message)
        self.at = at


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A text in the four languages of MOS. Polish is the official wording."""

    pl: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)]
    uk: Annotated[str, Field(min_length=1)]
    ru: Annotated[str, Field(min_length=1)]

    def get(self, language: str | None = None) -> str:
        """This text in `language` (the active language when none is given), or in Polish."""
        return translate(self, language)

    def __str__(self) -> str:
        # A template that prints a Text gets the active language, never the model's repr (`pl='...' en='...'`).
        return translate(self)


def translate(text: Text | None, language: str | None = None) -> str:
    """The one way a definition's text reaches a person: in `language` or the active one, falling back to Polish."""
    if text is None:
        return ""
    if language is None:
        from django.utils.translation import get_language

        language = get_language()
    return getattr(text, (language or "pl")[:2], None) or text.pl


# --- Conditions -------------------------------------------------------------------------------------------------

Scalar = Union[str, int, float, bool, date, None]  # noqa: UP007


class Equals(Strict):
    field: str
    equals: Scalar


class In(Strict):
    field: str
    in_: Annotated[list[Scalar], Field(alias="in", min_length=1)]
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Compare(Strict):
    """A comparison with a constant: exactly one of gt, ge, lt, le."""

    field: str
    gt: int | float | date | None = None
    ge: int | float | date | None = None
    lt: int | float | date | None = None
    le: int | float | date | None = None

    @model_validator(mode="after")
    def _one_operator(self) -> Compare:
        given = [op for op in ("gt", "ge", "lt", "le") if getattr(self, op) is not None]
        if len(given) != 1:
            raise ValueError("a comparison takes exactly one of gt, ge, lt, le")
        return self


class IsSet(Strict):
    field: str
    is_set: bool


class Not(Strict):
    not_: Condition = Field(alias="not")
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class All(Strict):
    all: Annotated[list[Condition], Field(min_length=1)]


class AnyOf(Strict):
    any: Annotated[list[Condition], Field(min_length=1)]


def _condition_kind(value: Any) -> str | None:
    """Tell the kind of a condition by its keys, so an error names one kind instead of all seven."""
    if isinstance(value, dict):
        keys = set(value)
    else:
        keys = set(type(value).model_fields) if isinstance(value, BaseModel) else set()
    for key, kind in (
        ("not", "not"),
        ("not_", "not"),
        ("all", "all"),
        ("any", "any"),
        ("equals", "equals"),
        ("in", "in"),
        ("in_", "in"),
        ("is_set", "is_set"),
    ):
        if key in keys:
            return kind
    return "compare" if keys & {"gt", "ge", "lt", "le"} else None


Condition = Annotated[
    Union[  # noqa: UP007
        Annotated[Equals, Tag("equals")],
        Annotated[In, Tag("in")],
        Annotated[Compare, Tag("compare")],
        Annotated[IsSet, Tag("is_set")],
        Annotated[Not, Tag("not")],
        Annotated[All, Tag("all")],
        Annotated[AnyOf, Tag("any")],
    ],
    Discriminator(
        _condition_kind,
        custom_error_type="invalid_condition",
        custom_error_message="a condition needs one of: equals, in, gt/ge/lt/le, is_set, not, all, any",
    ),
]
Not.model_rebuild()
All.model_rebuild()
AnyOf.model_rebuild()


# --- Fields -----------------------------------------------------------------------------------------------------


class FieldType(StrEnum):
    TEXT = "text"  # one line
    TEXTAREA = "textarea"  # several lines
    NAME = "name"  # a person's name: letters of any script, spaces, hyphens, apostrophes
    INTEGER = "integer"
    DECIMAL = "decimal"  # amounts of money (PLN), two decimal places
    DATE = "date"
    BOOLEAN = "boolean"  # yes / no (a required boolean must be answered, either way)
    CHOICE = "choice"  # one of `choices`
    MULTICHOICE = "multichoice"  # some of `choices`
    COUNTRY = "country"  # ISO 3166-1 alpha-3 or a travel-document code (e.g. XXA stateless)
    COUNTRIES = "countries"  # a list of such codes
    EMAIL = "email"
    PHONE = "phone"  # stored as E.164
    PESEL = "pesel"
    POSTAL_CODE = "postal_code"  # Polish NN-NNN
    DOCUMENT_NUMBER = "document_number"  # travel document series and number
    MRZ = "mrz"  # the two lines of a passport's machine-readable zone (TD3)
    VOIVODESHIP = "voivodeship"  # TERYT code of one of the 16 voivodeships
    DECLARATION = "declaration"  # a box that must be ticked


class Choice(Strict):
    value: Annotated[str, Field(pattern=r"^[A-Za-z0-9_\-]{1,40}$")]
    label: Text


class ValidatorRef(Strict):
    """A validator from the registry in `validators/`, by name, with its parameters."""

    name: Key
    params: dict[str, Any] = {}


class FieldSpec(Strict):
    key: Key
    type: FieldType
    label: Text
    help: Text | None = None
    number: Annotated[str, Field(max_length=8)] | None = None  # the item number on the official form
    required: bool = True
    required_if: Condition | None = None  # required only when this holds (then `required` must be false)
    show_if: Condition | None = None  # asked only when this holds; otherwise the answer must be absent
    not_applicable: bool = False  # offers "not applicable" (NIE DOTYCZY) as an explicit answer
    min_length: Annotated[int, Field(ge=0)] | None = None
    max_length: Annotated[int, Field(ge=1, le=10000)] | None = None
    min_value: int | Decimal | None = None
    max_value: int | Decimal | None = None
    pattern: str | None = None  # a regular expression the whole text must match
    choices: list[Choice] | None = None
    min_items: Annotated[int, Field(ge=0)] | None = None  # for multichoice and countries
    max_items: Annotated[int, Field(ge=1)] | None = None
    validators: list[ValidatorRef] = []
    prefill_from_mrz: str | None = None  # which part of a parsed MRZ fills this field (surname, given_names, ...)

    @model_validator(mode="after")
    def _consistent(self) -> FieldSpec:
        has_choices = self.type in (FieldType.CHOICE, FieldType.MULTICHOICE)
        if has_choices and not self.choices:
            raise SpecValueError(f"a {self.type} field needs choices", "choices")
        if not has_choices and self.choices:
            raise SpecValueError(f"a {self.type} field takes no choices", "choices")
        if self.choices and len({c.value for c in self.choices}) != len(self.choices):
            raise SpecValueError("choice values must be unique", "choices")
        if self.required_if is not None and self.required:
            raise SpecValueError("required_if needs required: false", "required_if")
        if self.pattern is not None:
            try:
                re.compile(self.pattern)
            except re.error as exc:
                raise SpecValueError(f"pattern is not a regular expression: {exc}", "pattern") from exc
        if self.min_length is not None and self.max_length is not None and self.min_length > self.max_length:
            raise SpecValueError("min_length is greater than max_length", "min_length")
        if self.min_value is not None and self.max_value is not None and self.min_value > self.max_value:
            raise SpecValueError("min_value is greater than max_value", "min_value")
        if self.type == FieldType.DECLARATION and not self.required:
            raise SpecValueError("a declaration must be required", "required")
        return self


class GroupSpec(Strict):
    """A repeatable group: a table of rows (family members, previous stays, travels abroad)."""

    key: Key
    type: Literal["group"]
    label: Text
    help: Text | None = None
    number: Annotated[str, Field(max_length=8)] | None = None
    item_label: Text | None = None  # what one row is called ("family member")
    min_items: Annotated[int, Field(ge=0)] = 0
    max_items: Annotated[int, Field(ge=1, le=100)] = 20
    show_if: Condition | None = None
    fields: Annotated[list[FieldSpec], Field(min_length=1)]

    @model_validator(mode="after")
    def _unique_keys(self) -> GroupSpec:
        _check_unique([f.key for f in self.fields], "field keys in a group", "fields")
        if self.min_items > self.max_items:
            raise SpecValueError("min_items is greater than max_items", "min_items")
        return self


def _item_kind(value: Any) -> str:
    kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
    return "group" if kind == "group" else "field"


Item = Annotated[
    Union[Annotated[GroupSpec, Tag("group")], Annotated[FieldSpec, Tag("field")]],  # noqa: UP007
    Discriminator(_item_kind),
]


class StepSpec(Strict):
    key: Key
    section: Annotated[str, Field(max_length=8)] | None = None  # the official part letter (A, B, ...)
    title: Text
    intro: Text | None = None
    show_if: Condition | None = None
    items: Annotated[list[Item], Field(min_length=1)]

    @model_validator(mode="after")
    def _unique_keys(self) -> StepSpec:
        _check_unique([i.key for i in self.items], "item keys in a step", "items")
        return self


class AttachmentSpec(Strict):
    key: Key
    label: Text
    help: Text | None = None
    required: bool = True
    required_if: Condition | None = None
    accept: Annotated[list[Literal["application/pdf", "image/jpeg", "image/png"]], Field(min_length=1)] = [
        "application/pdf",
        "image/jpeg",
        "image/png",
    ]
    max_size_mb: Annotated[int, Field(ge=1, le=50)] = 10
    multiple: bool = False
    validators: list[ValidatorRef] = []


class RuleSpec(Strict):
    """A named cross-field rule; `params` maps the rule's roles to answer paths (or constants)."""

    rule: Key
    params: dict[str, Any]
    message: Text | None = None  # overrides the rule's own message


class NoticeSpec(Strict):
    """A named check that warns and never refuses: the applicant sees it before signing, the officer as a fact of the
    case. `params` maps the notice's roles to answer paths (a repeatable group's path gives its rows) or constants."""

    notice: Key
    params: dict[str, Any] = {}


class FormDefinitionSpec(Strict):
    slug: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9\-]{1,62}$")]
    version: Annotated[int, Field(ge=1)]
    permit_type: Annotated[str, Field(pattern=r"^[a-z0-9\-]{2,63}$")]
    layout: str = "2019"  # which official layout (regulation) this follows
    title: Text
    description: Text | None = None
    annex_of: str | None = None  # for an annex (the employer's Annex 1): the slug of the main form
    # An annex of a form that has several (the institutions' purpose annexes of temporary residence) applies to a
    # draft only when this holds on the draft's answers (paths are the main form's, not the annex's).
    annex_if: Condition | None = None
    filled_by: Literal["employer", "institution"] = "employer"  # who fills an annex (the pages name them so)
    steps: Annotated[list[StepSpec], Field(min_length=1)]
    attachments: list[AttachmentSpec] = []
    rules: list[RuleSpec] = []
    notices: list[NoticeSpec] = []

    @model_validator(mode="after")
    def _unique_keys(self) -> FormDefinitionSpec:
        if self.annex_if is not None and not self.annex_of:
            raise SpecValueError("annex_if needs annex_of", "annex_if")
        _check_unique([s.key for s in self.steps], "step keys", "steps")
        _check_unique([a.key for a in self.attachments], "attachment keys", "attachments")
        return self

    def step(self, key: str) -> StepSpec:
        for step in self.steps:
            if step.key == key:
                return step
        raise KeyError(key)


def _check_unique(keys: list[str], what: str, at: str | None = None) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise SpecValueError(f"{what} must be unique: {key!r} appears twice", at)
        seen.add(key)
