"""A definition compiled into Django forms: one form per wizard step and one formset per repeatable group.

The form fields only read the POSTed strings into Python types; `clean()` hands the answers to `checks`, the same
code the payload model runs, so a step that passes here passes at submission (cross-step rules aside).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .checks import check_fields, check_row_count, check_rules, is_group_visible, rules_of_step
from .conditions import NOT_APPLICABLE, is_blank
from .schema import FieldSpec, FormDefinitionSpec, GroupSpec, translate
from .types import kind_of

NA_SUFFIX = "__na"


def label_of(item: FieldSpec | GroupSpec, language: str) -> str:
    """The label as on the official form: its item number first ("1. Surname")."""
    text = translate(item.label, language)
    return f"{item.number}. {text}" if item.number else text


def form_field(spec_field: FieldSpec, language: str) -> forms.Field:
    """The Django field (and widget) for a field of the definition; it only parses, never judges.

    The widget carries `data-kind` (text, boolean or list): how the page script reads the answer for conditions.
    """
    kind = kind_of(spec_field)
    attrs: dict[str, Any] = {}
    if (
        spec_field.required
        and spec_field.show_if is None
        and not spec_field.not_applicable
        and kind.html_required(spec_field)
    ):
        attrs["required"] = True
    if spec_field.max_length:
        attrs["maxlength"] = spec_field.max_length
    attrs["data-kind"] = kind.script_kind
    return kind.form_field(
        spec_field,
        language=language,
        attrs=attrs,
        required=False,
        label=label_of(spec_field, language),
        help_text=translate(spec_field.help, language),
    )


def _add_fields(fields: list[FieldSpec], language: str) -> dict[str, forms.Field]:
    declared: dict[str, forms.Field] = {}
    for spec_field in fields:
        declared[spec_field.key] = form_field(spec_field, language)
        if spec_field.not_applicable:
            declared[spec_field.key + NA_SUFFIX] = forms.BooleanField(required=False, label=_("Not applicable"))
    return declared


class AnswerBoundField(forms.BoundField):
    """A bound field that marks itself invalid (`aria-invalid`, the error in `aria-describedby`) only when the page
    shows its errors: a page drawn with saved or prefilled answers is not judged yet."""

    @property
    def errors(self):
        if getattr(self.form, "hide_errors", False):
            return self.form.error_class(renderer=self.form.renderer)
        return super().errors


class _AnswersForm(forms.Form):
    """Shared cleaning of a step form and a group row form: parse, then the shared checks."""

    spec: FormDefinitionSpec
    step_key: str
    fields_spec: list[FieldSpec]
    in_row = False
    bound_field_class = AnswerBoundField
    hide_errors = False  # set by a page that shows these answers without judging them

    def __init__(self, *args: Any, answers: Mapping[str, Any] | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")  # a label is a question or a name, never "Surname:" (GOV.UK style)
        super().__init__(*args, **kwargs)
        self.answers = dict(answers or {})
        self.typed_values: dict[str, Any] = {}

    def _typed(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for spec_field in self.fields_spec:
            key = spec_field.key
            if key in self.errors:
                continue
            value = self.cleaned_data.get(key)
            if spec_field.not_applicable and self.cleaned_data.get(key + NA_SUFFIX):
                if not is_blank(value.strip() if isinstance(value, str) else value):
                    self.add_error(
                        key,
                        ValidationError(
                            _("Give an answer or tick “not applicable”, not both."), code="not_applicable_and_answer"
                        ),
                    )
                    continue
                value = NOT_APPLICABLE
            values[key] = value
        return values

    def clean(self) -> dict[str, Any]:
        super().clean()
        values = self._typed()
        failed = frozenset(k for k in self.errors if k in {f.key for f in self.fields_spec})
        cleaned, errors, shown = check_fields(
            self.fields_spec, values, self.answers, step_key=self.step_key, in_row=self.in_row, failed=failed
        )
        for key, error in errors.items():
            self.add_error(key, error)
        self.typed_values = shown  # the answers conditions look at (the groups' context): valid and asked
        self._check_rules(cleaned)
        self.cleaned_data = {k: v for k, v in cleaned.items() if k not in self.errors}
        return self.cleaned_data

    def _check_rules(self, cleaned: dict[str, Any]) -> None:
        if self.in_row:
            rules = rules_of_step(self.spec, self.step_key, self.group_key)
            found = check_rules(self.spec, rules, self.answers, row=cleaned)
        else:
            rules = rules_of_step(self.spec, self.step_key)
            found = check_rules(self.spec, rules, {**self.answers, self.step_key: cleaned})
        for path, error in found.items():
            key = path.split(".")[-1]
            if key in self.fields and key not in self.errors:
                self.add_error(key, error)


_CLASS_CACHE: dict[tuple[int, str, str, str], tuple[FormDefinitionSpec, type]] = {}


def _cached_class(spec: FormDefinitionSpec, kind: str, key: str, language: str, build) -> type:
    """Compiled classes per (spec, step or group, language): building Django fields is the costly part of a request.

    Keyed by the spec object's identity (published specs are parsed once per process); the spec is kept in the
    entry so its id cannot be reused by another object while cached.
    """
    cache_key = (id(spec), kind, key, language or "pl")
    entry = _CLASS_CACHE.get(cache_key)
    if entry is None or entry[0] is not spec:
        if len(_CLASS_CACHE) > 512:
            _CLASS_CACHE.clear()
        entry = (spec, build())
        _CLASS_CACHE[cache_key] = entry
    return entry[1]


def build_step_form(
    spec: FormDefinitionSpec, step_key: str, *, language: str = "pl", answers: Mapping[str, Any] | None = None
) -> type[forms.Form]:
    """The form class of one step's plain fields (groups are formsets, see `build_group_formset`)."""

    def build() -> type:
        step = spec.step(step_key)
        fields = [i for i in step.items if isinstance(i, FieldSpec)]
        attrs: dict[str, Any] = {
            "spec": spec,
            "step_key": step_key,
            "fields_spec": fields,
            "default_answers": {},
            **_add_fields(fields, language),
        }
        return _with_default_answers(type(f"{step_key.title().replace('_', '')}Form", (_AnswersForm,), attrs))

    base = _cached_class(spec, "step", step_key, language, build)
    return type(base.__name__, (base,), {"default_answers": dict(answers or {})})


def _with_default_answers(form_class: type[_AnswersForm]) -> type[_AnswersForm]:
    original = form_class.__init__

    def __init__(self: _AnswersForm, *args: Any, answers: Mapping[str, Any] | None = None, **kwargs: Any) -> None:
        original(self, *args, answers=self.default_answers if answers is None else answers, **kwargs)

    form_class.__init__ = __init__
    return form_class


class GroupFormSet(forms.BaseFormSet):
    """The rows of a repeatable group; every row is checked, even an empty one (the payload does the same)."""

    group: GroupSpec

    def __init__(self, *args: Any, answers: Mapping[str, Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.answers = dict(self.default_answers if answers is None else answers)

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        return {"answers": self.answers, "empty_permitted": False, "use_required_attribute": False}

    def clean(self) -> None:
        check_row_count(self.group, self.forms)


def build_group_formset(
    spec: FormDefinitionSpec,
    step_key: str,
    group_key: str,
    *,
    language: str = "pl",
    answers: Mapping[str, Any] | None = None,
) -> type[forms.BaseFormSet]:
    """The formset class of a group; its prefix should be the group's key."""

    def build() -> type:
        group = next(i for i in spec.step(step_key).items if i.key == group_key and isinstance(i, GroupSpec))
        row_form = type(
            f"{group_key.title().replace('_', '')}RowForm",
            (_AnswersForm,),
            {
                "spec": spec,
                "step_key": step_key,
                "group_key": group_key,
                "fields_spec": group.fields,
                "in_row": True,
                **_add_fields(group.fields, language),
            },
        )
        formset = forms.formset_factory(
            row_form,
            formset=GroupFormSet,
            extra=0,
            min_num=0,
            max_num=group.max_items,
            absolute_max=group.max_items + 1,
        )
        formset.group = group
        return formset

    base = _cached_class(spec, "group", f"{step_key}.{group_key}", language, build)
    return type(base.__name__, (base,), {"default_answers": dict(answers or {})})


@dataclass
class BoundStep:
    """A step's form and its groups' formsets, bound to POST data; what a wizard page validates."""

    form: forms.Form
    formsets: dict[str, forms.BaseFormSet] = field(default_factory=dict)

    def is_valid(self) -> bool:
        results = [self.form.is_valid()] + [fs.is_valid() for fs in self.formsets.values()]  # validate all
        return all(results)

    @property
    def cleaned_answers(self) -> dict[str, Any]:
        answers = dict(self.form.cleaned_data)
        for key, formset in self.formsets.items():
            answers[key] = [row.cleaned_data for row in formset.forms]
        return answers

    def error_keys(self) -> set[str]:
        """Answer paths with an error, relative to the step: ``surname``, ``members``, ``members.0.surname``."""
        keys = {k for k in self.form.errors if k != "__all__"}
        for key, formset in self.formsets.items():
            if formset.non_form_errors():
                keys.add(key)
            for index, row in enumerate(formset.forms):
                keys.update(f"{key}.{index}.{k}" for k in row.errors if k != "__all__")
        return {k.removesuffix(NA_SUFFIX) for k in keys}


def bind_step(
    spec: FormDefinitionSpec,
    step_key: str,
    data: Any,
    *,
    language: str = "pl",
    answers: Mapping[str, Any] | None = None,
) -> BoundStep:
    """Bind a step's POST data: the form first, then the visible groups with the step's answers as context."""
    answers = dict(answers or {})
    form = build_step_form(spec, step_key, language=language, answers=answers)(data)
    form.is_valid()
    context = {**answers, step_key: form.typed_values}
    bound = BoundStep(form)
    for group in (i for i in spec.step(step_key).items if isinstance(i, GroupSpec)):
        if is_group_visible(group, context):
            formset_class = build_group_formset(spec, step_key, group.key, language=language, answers=context)
            bound.formsets[group.key] = formset_class(data, prefix=group.key)
    return bound
