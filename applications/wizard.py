"""The application wizard: django-formtools' named-URL wizard over the steps of a draft's pinned definition.

Its storage is the draft row (not the session), so the applicant can stop anywhere and continue on another
device; each valid step also writes its cleaned answers to `Draft.answers`, the payload that is submitted.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils import timezone
from formtools.wizard.storage.base import BaseStorage

from formdefs.api import (
    NA_SUFFIX,
    BoundStep,
    FormDefinitionSpec,
    GroupSpec,
    answers_to_data,
    bind_step,
    build_group_formset,
    to_querydict,
    typed_rows,
    visible_wizard_steps,
)

from .case_models import Draft


def first_unfinished_step(spec: FormDefinitionSpec, draft: Draft) -> str | None:
    """Where to resume: the first visible step with no saved answers (or with typed input not yet accepted)."""
    for step in visible_wizard_steps(spec, draft.answers):
        if step.key not in draft.answers or step.key in draft.unsaved_input:
            return step.key
    return None


# --- The composite step form that formtools handles ----------------------------------------------------------


class StepForm:
    """One wizard page: the step's form plus its groups' formsets, validated together.

    formtools needs only `data`, `files`, `is_valid()` and `prefix`; `show_errors` lets a page show what was
    typed (after "add a row" or a prefill) without judging it yet.
    """

    def __init__(
        self,
        *,
        spec: FormDefinitionSpec,
        step_key: str,
        data: Any,
        language: str,
        answers: Mapping[str, Any],
        show_errors: bool = True,
    ) -> None:
        self.spec, self.step_key, self.language = spec, step_key, language
        self.step = spec.step(step_key)
        if data is None:  # nothing posted or typed: show the saved answers, not judged yet
            data = to_querydict(answers_to_data(self.step, answers.get(step_key) or {}))
            show_errors = False
        self.data = data
        self.files: dict = {}
        self.prefix = None
        self.show_errors = show_errors
        context = {k: v for k, v in answers.items() if k != step_key}
        self.bound: BoundStep = bind_step(spec, step_key, self.data, language=language, answers=context)
        if not show_errors:
            for form in [self.bound.form, *(row for fs in self.bound.formsets.values() for row in fs.forms)]:
                form.hide_errors = True
        # Groups hidden by an answer on this very page are still drawn (the page's script shows them when that
        # answer changes; without a script everything shows); the server ignores them while they are hidden.
        self.display_formsets: dict[str, Any] = {}
        for group in (i for i in self.step.items if isinstance(i, GroupSpec)):
            if group.key not in self.bound.formsets:
                formset_class = build_group_formset(spec, step_key, group.key, language=language, answers=context)
                self.display_formsets[group.key] = formset_class(prefix=group.key, initial=typed_rows(self.data, group))

    def is_valid(self) -> bool:
        return self.bound.is_valid()

    @property
    def form(self):
        return self.bound.form

    @property
    def formsets(self) -> dict:
        return self.bound.formsets

    @property
    def cleaned_answers(self) -> dict[str, Any]:
        return self.bound.cleaned_answers

    def items(self) -> list[tuple[Any, Any, Any]]:
        """In the definition's order: (field spec, bound field, its "not applicable" box or None), or for a
        group (group spec, formset, per row a list of (bound field, "not applicable" box or None, field spec))."""
        rows = []
        for item in self.step.items:
            if isinstance(item, GroupSpec):
                formset = self.formsets[item.key] if item.key in self.formsets else self.display_formsets.get(item.key)
                if formset is not None:
                    fields = [
                        [(row[f.key], row[f.key + NA_SUFFIX] if f.not_applicable else None, f) for f in item.fields]
                        for row in formset.forms
                    ]
                    rows.append((item, formset, fields))
            else:
                na = self.form[item.key + NA_SUFFIX] if item.not_applicable else None
                rows.append((item, self.form[item.key], na))
        return rows

    def show_if_json(self) -> dict[str, Any]:
        """The conditions of this page's fields and groups, for the page's script (comfort, not safety)."""
        found: dict[str, Any] = {}
        for item in self.step.items:
            if item.show_if is not None:
                found[item.key] = item.show_if.model_dump(by_alias=True, mode="json", exclude_none=True)
            if isinstance(item, GroupSpec):
                for field in item.fields:
                    if field.show_if is not None:
                        found[f"{item.key}.{field.key}"] = field.show_if.model_dump(
                            by_alias=True, mode="json", exclude_none=True
                        )
        return found

    def error_list(self) -> list[tuple[str, str, str]]:
        """(element id, label, message) of every error on the page, for the error summary."""
        if not self.show_errors:
            return []
        found = [("", "", str(e)) for e in self.form.non_field_errors()]
        for name, errors in self.form.errors.items():
            if name != "__all__":
                found += [(self.form[name].id_for_label, self.form[name].label, str(e)) for e in errors]
        for key, formset in self.formsets.items():
            found += [(f"group-{key}", "", str(e)) for e in formset.non_form_errors()]
            for index, row in enumerate(formset.forms):
                for name, errors in row.errors.items():
                    if name != "__all__":
                        label = f"{row[name].label} ({index + 1})"
                        found += [(row[name].id_for_label, label, str(e)) for e in errors]
        return found


# --- Storage ------------------------------------------------------------------------------------------------------


class DraftWizardStorage(BaseStorage):
    """formtools storage kept in the draft (or annex) row; the view puts it on `request.mos_draft`."""

    def __init__(self, prefix: str, request=None, file_storage=None) -> None:
        super().__init__(prefix, request, file_storage)
        self.draft: Draft = request.mos_draft
        self.accepted: tuple[str, dict] | None = None  # a step's answers accepted in this request
        self.data = self.draft.wizard_state.get(self.prefix) or {}
        if not self.data:
            self.init_data()

    def update_response(self, response) -> None:
        from . import services

        super().update_response(response)
        state = {**self.draft.wizard_state, self.prefix: self.data}
        if self.accepted is not None:
            step_key, answers = self.accepted
            services.save_step_answers(draft=self.draft, step_key=step_key, answers=answers, wizard_state=state)
        else:
            extra = {"updated_at": timezone.now()} if isinstance(self.draft, Draft) else {}
            type(self.draft).objects.filter(pk=self.draft.pk).update(wizard_state=state, **extra)
        self.draft.wizard_state = state


def _fields_named(condition: Any) -> list[str]:
    """The "step.key" paths a condition (as show_if_json gives it) reads, however deeply nested."""
    if isinstance(condition, dict):
        found = [condition["field"]] if isinstance(condition.get("field"), str) else []
        for key in ("not", "all", "any"):
            if key in condition:
                found += _fields_named(condition[key])
        return found
    if isinstance(condition, list):
        return [path for item in condition for path in _fields_named(item)]
    return []


def answers_named_by(conditions: dict[str, Any], answers: dict[str, Any], step_key: str) -> dict[str, dict[str, Any]]:
    """The answers of other steps that this page's conditions read, for its script: only those, so a page without
    conditions carries none of the application's answers (and loads no script), and a page with them stays small."""
    wanted: dict[str, dict[str, Any]] = {}
    for path in _fields_named(list(conditions.values())):
        step, _, rest = path.partition(".")
        key = rest.split(".", 1)[0]
        if step != step_key and key in (answers.get(step) or {}):
            wanted.setdefault(step, {})[key] = answers[step][key]
    return wanted
