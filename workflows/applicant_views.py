"""The applicant's task inside a case: answering a call to supplement (reached from the case timeline)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from applications.representation import cases_for_party_or_representative
from applications.selectors import cases_for_applicant

from .appointments import booking_task, free_slots_for, pick_slot
from .audit import client_ip
from .forms import PickSlotForm, SupplementForm, SuspensionRequestForm
from .services import WorkflowError
from .supplements import (
    answer_evidence,
    answer_supplement,
    answerable_before_its_step,
    open_evidence_request,
    open_supplement_request,
    open_supplement_task,
)


@dataclass(frozen=True)
class CallKind:
    """What differs between answering a call to supplement and a call for evidence (art. 106f)."""

    template_name: str
    node: str
    answer: Callable
    open_call: Callable
    thanks: str
    parties: Callable  # who may answer: the party, or also an accepted representative


CALL_KINDS = {
    "supplement": CallKind(
        "workflows/supplement.html",
        "supplement",
        answer_supplement,
        open_supplement_request,
        gettext_lazy("Thank you. The office will check your documents."),
        cases_for_party_or_representative,
    ),
    "evidence": CallKind(
        "workflows/evidence.html",
        "evidence",
        answer_evidence,
        open_evidence_request,
        gettext_lazy("Thank you. The office has your evidence."),
        cases_for_applicant,
    ),
}


class CallAnswerView(LoginRequiredMixin, View):
    """Answering a call in the account: files and a message; each answer gets its own receipt (UPO)."""

    kind: str = "supplement"

    @property
    def call_kind(self) -> CallKind:
        return CALL_KINDS[self.kind]

    def get(self, request: HttpRequest, case_id) -> HttpResponse:
        application = get_object_or_404(self.call_kind.parties(request.user), public_id=case_id)
        return self.page(request, application, SupplementForm())

    def post(self, request: HttpRequest, case_id) -> HttpResponse:
        application = get_object_or_404(self.call_kind.parties(request.user), public_id=case_id)
        form = SupplementForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                self.call_kind.answer(
                    application=application,
                    applicant=request.user,
                    message=form.cleaned_data["message"],
                    uploads=form.cleaned_data["files"],
                )
            except WorkflowError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, str(self.call_kind.thanks))
                return redirect("applications:case", case_id=application.public_id)
        return self.page(request, application, form, status=400)

    def page(self, request, application, form, status=200) -> HttpResponse:
        call = self.call_kind.open_call(application)
        is_open = call is not None and (
            open_supplement_task(application, self.call_kind.node) is not None
            or answerable_before_its_step(application, call)
        )
        context = {"case": application, "form": form, "call": call, "is_open": is_open}
        return render(request, self.call_kind.template_name, context, status=status)


class SupplementView(CallAnswerView):
    kind = "supplement"


class EvidenceView(CallAnswerView):
    kind = "evidence"


class SuspensionRequestView(LoginRequiredMixin, View):
    """The applicant asks to suspend the proceedings (art. 98 k.p.a.), or, when suspended, to resume them."""

    resume = False

    def post(self, request: HttpRequest, case_id) -> HttpResponse:
        from .endings import request_resumption, request_suspension

        application = get_object_or_404(cases_for_applicant(request.user), public_id=case_id)
        try:
            if self.resume:
                request_resumption(application=application, applicant=request.user)
                messages.success(request, _("The proceedings are resumed."))
            else:
                form = SuspensionRequestForm(request.POST)
                reason = form.cleaned_data["reason"] if form.is_valid() else ""
                request_suspension(application=application, applicant=request.user, reason=reason)
                messages.success(request, _("Your request to suspend the proceedings has been sent to the office."))
        except WorkflowError as error:
            messages.error(request, error.message)
        return redirect("applications:case", case_id=application.public_id)


class AppointmentView(LoginRequiredMixin, View):
    """The applicant chooses a fingerprints appointment from the office's free slots."""

    template_name = "workflows/appointment.html"

    def get(self, request: HttpRequest, case_id) -> HttpResponse:
        application = get_object_or_404(cases_for_applicant(request.user), public_id=case_id)
        return self.page(request, application, PickSlotForm(slots=free_slots_for(application)))

    def post(self, request: HttpRequest, case_id) -> HttpResponse:
        application = get_object_or_404(cases_for_applicant(request.user), public_id=case_id)
        form = PickSlotForm(request.POST, slots=free_slots_for(application))
        if form.is_valid():
            try:
                pick_slot(
                    application=application,
                    applicant=request.user,
                    slot=form.cleaned_data["slot"],
                    ip=client_ip(request),
                )
            except WorkflowError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Your appointment is booked. The summons is on your case page."))
                return redirect("applications:case", case_id=application.public_id)
        return self.page(request, application, form, status=400)

    def page(self, request, application, form, status=200) -> HttpResponse:
        return render(
            request,
            self.template_name,
            {"case": application, "form": form, "is_open": booking_task(application) is not None},
            status=status,
        )
