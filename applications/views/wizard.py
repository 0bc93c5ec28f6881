"""The step-by-step application form (django-formtools named-URL wizard, stored in the draft)."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from formtools.wizard.views import NamedUrlWizardView

from formdefs.api import (
    ADD_ITEM,
    REMOVE_ITEM,
    FieldSpec,
    FieldType,
    answers_to_data,
    is_prefilled_only,
    is_step_visible,
    list_field,
    notices_for,
    step_letters,
    storable,
    to_querydict,
    with_row_added,
    with_row_removed,
    wizard_steps,
)
from validators.travel_documents import parse_td3

from .. import services
from ..selectors import open_drafts_for_applicant
from ..wizard import StepForm, answers_named_by

RETURN_TO_CHECK = "check"
PENDING_POST = "wizard_post_before_login"


class DraftWizardView(NamedUrlWizardView):
    form_list = [forms.Form]  # replaced per request by the draft's steps; formtools insists on one at import time
    storage_name = "applications.wizard.DraftWizardStorage"
    url_name = "applications:draft-step"
    done_step_name = "done"
    template_name = "applications/wizard_step.html"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            if request.method == "POST":  # the session expired while typing: keep the page for after the login
                request.session[PENDING_POST] = {
                    "path": request.path,
                    "data": {key: values for key, values in request.POST.lists() if key != "csrfmiddlewaretoken"},
                }
            return redirect_to_login(request.get_full_path())
        self.draft = get_object_or_404(open_drafts_for_applicant(request.user), public_id=kwargs["draft_id"])
        request.mos_draft = self.draft
        self.spec = self.draft.definition.spec
        self.language = get_language()
        self.form_list = OrderedDict((step.key, StepForm) for step in wizard_steps(self.spec))
        self.condition_dict = {step.key: self._visible(step) for step in wizard_steps(self.spec)}
        return super().dispatch(request, *args, **kwargs)

    def _visible(self, step):
        return lambda wizard: is_step_visible(step, wizard.draft.answers)

    def get_prefix(self, request, *args, **kwargs) -> str:
        return f"draft_v{self.draft.definition.version}"

    def get_step_url(self, step: str) -> str:
        url = reverse(self.url_name, kwargs={"draft_id": self.draft.public_id, "step": step})
        return url + ("?return=check" if self._returning_to_check() and step != self.done_step_name else "")

    def _returning_to_check(self) -> bool:
        return (self.request.GET.get("return") or self.request.POST.get("return")) == RETURN_TO_CHECK

    def get_form(self, step: str | None = None, data: Any = None, files: Any = None) -> StepForm:
        step = step or self.steps.current
        show_errors = True
        if data is None and step in self.draft.unsaved_input:
            typed = self.draft.unsaved_input[step]  # what was typed (or prefilled) last time, not yet accepted
            show_errors = not is_prefilled_only(typed)  # a prefill is checked by the applicant, not judged yet
            data = to_querydict(typed)
        if data is not None and not hasattr(data, "getlist"):
            data = to_querydict(data)
        return StepForm(
            spec=self.spec,
            step_key=step,
            data=data,
            language=self.language,
            answers=self.draft.answers,
            show_errors=show_errors,
        )

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        step = kwargs.get("step")
        pending = request.session.pop(PENDING_POST, None)
        if pending and pending.get("path") == request.path and step in self.get_form_list():
            self._keep_unsaved(step, to_querydict(pending["data"]))  # typed before the session expired
        if step in self.get_form_list():
            self.storage.current_step = step
            return self.render(self.get_form(step=step, data=self._stored_data(step)))
        return super().get(request, *args, **kwargs)

    def _stored_data(self, step: str):
        if step in self.draft.unsaved_input:
            return None  # get_form shows the unsaved input
        if step in self.draft.answers:
            return to_querydict(answers_to_data(self.spec.step(step), self.draft.answers[step]))
        return None

    def post(self, *args, **kwargs) -> HttpResponse:
        data = self.request.POST
        posted_step = data.get(f"{self.prefix}-current_step")
        if posted_step not in self.get_form_list():
            raise SuspiciousOperation("The wizard's management data names no step of this form.")
        if posted_step != self.steps.current:
            self.storage.current_step = posted_step  # the page the person was on (formtools does the same)
        step = self.steps.current
        step_spec = self.spec.step(step)
        for group in (i for i in step_spec.items if not isinstance(i, FieldSpec)):
            if f"add_row_{group.key}" in data:
                return self._redisplay(step, with_row_added(data, group), f"group-{group.key}")
            for index in range(group.max_items + 1):
                if f"remove_row_{group.key}_{index}" in data:
                    return self._redisplay(step, with_row_removed(data, group, index), f"group-{group.key}")
        listed = self._list_button(step_spec, data)
        if listed is not None:
            return listed
        if "prefill_mrz" in data:
            return self._prefill_from_mrz(data.get("mrz_lines", ""))
        if self.request.POST.get("wizard_goto_step") in self.get_form_list():
            self._keep_unsaved(step, data)
            return super().post(*args, **kwargs)
        response = super().post(*args, **kwargs)
        if self.storage.accepted is None:
            # The step did not validate: keep everything typed on it in the draft (the valid answers and the
            # invalid ones as typed), so that a reload, a language switch or another device shows it again.
            self._keep_unsaved(step, data)
        return response

    def _list_button(self, step_spec, data) -> HttpResponse | None:
        """ "Add another country" / "Remove" of a list of selects: the page again, one select more or less."""
        for key in data:
            if key.startswith(ADD_ITEM):
                name, index = key[len(ADD_ITEM) :], None
            elif key.startswith(REMOVE_ITEM):
                name, _sep, position = key[len(REMOVE_ITEM) :].rpartition("_")
                if not position.isdigit():
                    continue
                index = int(position)
            else:
                continue
            field = list_field(step_spec, name)
            if field is None:
                continue
            changed = data.copy()
            values = changed.getlist(name) or [""]
            if index is None:
                values = [*values, ""][: field.max_items or 20]
            elif 0 <= index < len(values):
                values = values[:index] + values[index + 1 :]
            changed.setlist(name, values)
            last = len(values) - 1
            return self._redisplay(self.steps.current, changed, f"id_{name}" + (f"_{last}" if last else ""))
        return None

    def _redisplay(self, step: str, data, anchor: str) -> HttpResponse:
        self._keep_unsaved(step, data)
        form = StepForm(
            spec=self.spec,
            step_key=step,
            data=data,
            language=self.language,
            answers=self.draft.answers,
            show_errors=False,
        )
        return self.render(form, anchor=anchor)

    def _keep_unsaved(self, step: str, data) -> None:
        self.draft.unsaved_input = {**self.draft.unsaved_input, step: storable(data, self.spec.step(step))}
        type(self.draft).objects.filter(pk=self.draft.pk).update(unsaved_input=self.draft.unsaved_input)

    def _prefill_from_mrz(self, text: str) -> HttpResponse:
        from django.core.exceptions import ValidationError

        step = self.steps.current
        try:
            mrz = parse_td3(text)
        except ValidationError as error:
            form = self.get_form(step=step, data=self._stored_data(step))
            return self.render(form, mrz_error=" ".join(error.messages), mrz_lines=text)
        filled = services.prefill_from_mrz(draft=self.draft, mrz=mrz, mrz_text=text)
        messages.success(
            self.request, _("We copied %(count)s answers from your passport. Check them.") % {"count": filled}
        )
        return redirect(self.get_step_url(step))

    def render(self, form=None, **kwargs) -> HttpResponse:
        return super().render(form, **kwargs)

    def get_context_data(self, form: StepForm, **kwargs) -> dict:
        context = super().get_context_data(form=form, **kwargs)
        visible = list(self.get_form_list())
        conditions = form.show_if_json()
        context.update(
            {
                "draft": self.draft,
                "spec": self.spec,
                "step_form": form,
                "step_spec": form.step,
                "conditions": conditions,
                "answers_for_conditions": answers_named_by(conditions, self.draft.answers, form.step_key),
                "step_number": visible.index(form.step_key) + 1,
                "step_count": len(visible),
                "step_title": form.step.title.get(self.language),
                "section_letter": step_letters(list(self.spec.steps)).get(form.step_key, ""),
                "step_intro": form.step.intro.get(self.language) if form.step.intro else "",
                "form_title": self.spec.title.get(self.language),
                "returning_to_check": self._returning_to_check(),
                "notices": notices_for(self.spec, self.draft.answers, on=timezone.localdate(), step=form.step_key)
                if form.step_key in self.draft.answers
                else [],
                "offers_mrz_prefill": form.step_key == visible[0]
                and any(f.type == FieldType.MRZ for s in self.spec.steps for f in s.items if isinstance(f, FieldSpec)),
            }
        )
        return context

    def get_form_step_data(self, form: StepForm) -> dict:
        return storable(form.data, form.step)

    def process_step(self, form: StepForm) -> dict:
        # Saved with the wizard's state when the response is ready (one write); conditions see them at once.
        self.storage.accepted = (self.steps.current, form.cleaned_answers)
        self.draft.answers = {**self.draft.answers, self.steps.current: form.cleaned_answers}
        return super().process_step(form)

    def render_next_step(self, form, **kwargs) -> HttpResponse:
        if self._returning_to_check():
            return HttpResponseRedirect(reverse("applications:draft-check", kwargs={"draft_id": self.draft.public_id}))
        return super().render_next_step(form, **kwargs)

    def render_done(self, form, **kwargs) -> HttpResponse:
        """The last step was saved: the answers are checked as a whole on the check-answers page."""
        return HttpResponseRedirect(reverse("applications:draft-check", kwargs={"draft_id": self.draft.public_id}))

    def done(self, form_list, **kwargs) -> HttpResponse:  # pragma: no cover - render_done never calls it
        raise NotImplementedError
