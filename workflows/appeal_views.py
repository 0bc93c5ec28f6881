"""Pages of the appeal: the applicant's (appeal or waive, from the case timeline) and the second instance's queue
and decision. The voivode's step is an ordinary office task (`views.STEPS["appeal_review"]`)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from viewflow.workflow.status import STATUS

from applications.representation import cases_for_party_or_representative

from . import appeal_forms, appeal_letters, appeal_selectors, appeals, knowledge, letters, selectors, task_index
from .audit import client_ip
from .finality import last_day_for_appeal, open_period_of
from .services import WorkflowError


def _add_errors(form, error: ValidationError) -> None:
    for field, errors in error.message_dict.items():
        for message in errors:
            form.add_error(field if field in form.fields else None, message)


class AppealView(LoginRequiredMixin, View):
    """The applicant (or an accepted representative) appeals within 14 days of delivery, or waives the appeal."""

    template_name = "workflows/appeal.html"

    def case(self, request, case_id):
        return get_object_or_404(cases_for_party_or_representative(request.user), public_id=case_id)

    def get(self, request: HttpRequest, case_id) -> HttpResponse:
        return self.page(request, self.case(request, case_id), appeal_forms.AppealForm(), appeal_forms.WaiverForm())

    def post(self, request: HttpRequest, case_id) -> HttpResponse:
        application = self.case(request, case_id)
        appeal_form, waiver_form = appeal_forms.AppealForm(), appeal_forms.WaiverForm()
        try:
            if request.POST.get("action") == "waive":
                waiver_form = appeal_forms.WaiverForm(request.POST)
                if waiver_form.is_valid():
                    appeals.waive_appeal(application=application, user=request.user)
                    messages.success(request, _("You waived the appeal. The decision is final today."))
                    return redirect("applications:case", case_id=application.public_id)
            else:
                appeal_form = appeal_forms.AppealForm(request.POST, request.FILES)
                if appeal_form.is_valid():
                    appeals.file_appeal(
                        application=application,
                        user=request.user,
                        text=appeal_form.cleaned_data["text"],
                        uploads=appeal_form.cleaned_data["files"],
                    )
                    messages.success(request, _("Your appeal has been sent. Its receipt is in your documents."))
                    return redirect("applications:case", case_id=application.public_id)
        except ValidationError as error:
            _add_errors(waiver_form if request.POST.get("action") == "waive" else appeal_form, error)
        return self.page(request, application, appeal_form, waiver_form, status=400)

    def page(self, request, application, appeal_form, waiver_form, status=200) -> HttpResponse:
        period = open_period_of(application) or application.appeal_periods.first()
        context = {
            "case": application,
            "form": appeal_form,
            "waiver_form": waiver_form,
            "is_open": appeals.appeal_is_open(application),
            "last_day": last_day_for_appeal(period) if period else None,
        }
        return render(request, self.template_name, context, status=status)


class SecondInstanceMixin(LoginRequiredMixin):
    """The Head of the Office for Foreigners' staff only; objects through `appeal_selectors` (forwarded cases)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not appeals.is_second_instance(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class SecondInstanceQueueView(SecondInstanceMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        tasks = list(appeal_selectors.second_instance_tasks(request.user))
        rows = []
        for task in tasks:
            application = task.process.caseprocess.application
            appeal = appeals.open_appeal(application)
            rows.append(
                {"task": task, "case": application, "appeal": appeal, "due_on": appeals.second_instance_due_on(appeal)}
            )
        return render(request, "workflows/second_instance_queue.html", {"rows": rows})


def _draft_key(task) -> str:
    return f"workflows.second_instance.{task.pk}"


def _pending_decision(request, task) -> QueryDict | None:
    """The form data of the decision on the appeal the officer read as a draft (kept in the session), or None."""
    stored = request.session.get(_draft_key(task))
    if not stored:
        return None
    data = QueryDict(mutable=True)
    for key, values in stored.items():
        data.setlist(key, values)
    return data


class SecondInstanceTaskView(SecondInstanceMixin, View):
    """The decision on the appeal: read as a draft PDF (PROJEKT, unsealed), issued once confirmed."""

    def get(self, request: HttpRequest, task_id: int) -> HttpResponse:
        task = appeal_selectors.second_instance_task(request.user, task_id)
        application = task.process.caseprocess.application
        pending = _pending_decision(request, task) if request.GET.get("change") else None
        return self.page(request, task, appeal_forms.SecondInstanceForm(pending, application=application))

    def post(self, request: HttpRequest, task_id: int) -> HttpResponse:
        task = appeal_selectors.second_instance_task(request.user, task_id)
        if request.POST.get("claim"):
            try:
                appeals.claim_appeal(task=task, user=request.user, ip=client_ip(request))
            except WorkflowError as error:
                messages.error(request, error.message)
            return redirect("workflows:second-instance-task", task_id=task.pk)
        if task.owner_id != request.user.pk or task.status != STATUS.ASSIGNED:
            raise PermissionDenied
        confirmed = request.POST.get("confirm") == "1"
        pending = _pending_decision(request, task) if confirmed else request.POST
        if pending is None:  # nothing read as a draft (an old tab, a session that ended): the form again
            return redirect("workflows:second-instance-task", task_id=task.pk)
        form = appeal_forms.SecondInstanceForm(pending, application=task.process.caseprocess.application)
        if form.is_valid():
            data = form.cleaned_data
            if not confirmed:
                request.session[_draft_key(task)] = dict(request.POST.lists())
                return self.draft_page(request, task)
            try:
                appeals.decide_appeal(
                    task=task,
                    user=request.user,
                    outcome=data["outcome"],
                    justification=data["justification"],
                    kind=data.get("kind") or "",
                    valid_from=data.get("valid_from"),
                    valid_to=data.get("valid_to"),
                    grounds=data.get("grounds") or [],
                    ip=client_ip(request),
                )
            except WorkflowError as error:
                form.add_error(None, error.message)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                request.session.pop(_draft_key(task), None)
                messages.success(request, _("The decision on the appeal has been issued."))
                return redirect("workflows:second-instance-queue")
        return self.page(request, task, form, status=400)

    def draft_page(self, request, task) -> HttpResponse:
        url = reverse("workflows:second-instance-task", kwargs={"task_id": task.pk})
        context = {
            "step_title": task.flow_task.task_title,
            "file": selectors.case_file(task.process.caseprocess.application, get_language() or "en"),
            "preview_url": reverse("workflows:second-instance-decision-draft", kwargs={"task_id": task.pk}),
            "confirm_url": url,
            "change_url": f"{url}?change=1",
        }
        return render(request, "workflows/letter_preview.html", context)

    def page(self, request, task, form, status=200) -> HttpResponse:
        application = task.process.caseprocess.application
        appeal = appeals.open_appeal(application)
        is_mine = task.owner_id == request.user.pk and task.status == STATUS.ASSIGNED
        context = {
            "task": task,
            "appeal": appeal,
            "due_on": appeals.second_instance_due_on(appeal) if appeal else None,
            "form": form if is_mine else None,
            "can_claim": task.status == STATUS.NEW,
            "file": selectors.case_file(application, get_language() or "en"),
            "articles": knowledge.articles_for(
                step=task.flow_task.name, purpose=(task.data or {}).get(task_index.PURPOSE_KEY) or ""
            ),
        }
        return render(request, "workflows/second_instance_task.html", context, status=status)


class SecondInstanceDecisionDraftView(SecondInstanceMixin, View):
    """The draft PDF of the decision on the appeal its officer is about to issue (unsealed, PROJEKT, never stored)."""

    def get(self, request: HttpRequest, task_id: int) -> HttpResponse:
        task = appeal_selectors.second_instance_task(request.user, task_id)
        if task.owner_id != request.user.pk or task.status != STATUS.ASSIGNED:
            raise PermissionDenied
        application = task.process.caseprocess.application
        data = _pending_decision(request, task)
        form = appeal_forms.SecondInstanceForm(data, application=application) if data is not None else None
        if form is None or not form.is_valid():
            raise Http404
        letter = appeal_letters.draft_second_instance_decision(
            application, appeals.open_appeal(application), request.user, form.cleaned_data
        )
        response = HttpResponse(letters.preview(application, letter), content_type="application/pdf")
        response["Content-Disposition"] = "inline"
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "sandbox; default-src 'none'"
        response["Cache-Control"] = "private, no-store"
        return response
