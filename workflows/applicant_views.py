"""The applicant's task inside a case: answering a call to supplement (reached from the case timeline)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from applications.representation import cases_for_party_or_representative
from applications.selectors import cases_for_applicant

from .appointments import booking_task, free_slots_for, pick_slot
from .audit import client_ip
from .forms import PickSlotForm, SupplementForm
from .services import WorkflowError
from .supplements import (
    answer_evidence,
    answer_supplement,
    open_evidence_request,
    open_supplement_request,
    open_supplement_task,
)


class SupplementView(LoginRequiredMixin, View):
    """Answering a call: the party, or a representative whose power of attorney the office accepted."""

    template_name = "workflows/supplement.html"

    def get(self, request: HttpRequest, case_id) -> HttpResponse:
        application = get_object_or_404(cases_for_party_or_representative(request.user), public_id=case_id)
        return self.page(request, application, SupplementForm())

    def post(self, request: HttpRequest, case_id) -> HttpResponse:
        application = get_object_or_404(cases_for_party_or_representative(request.user), public_id=case_id)
        form = SupplementForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                answer_supplement(
                    application=application,
                    applicant=request.user,
                    message=form.cleaned_data["message"],
                    uploads=form.cleaned_data["files"],
                )
            except WorkflowError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Thank you. The office will check your documents."))
                return redirect("applications:case", case_id=application.public_id)
        return self.page(request, application, form, status=400)

    def page(self, request, application, form, status=200) -> HttpResponse:
        request_ = open_supplement_request(application)
        is_open = request_ is not None and open_supplement_task(application) is not None
        return render(
            request,
            self.template_name,
            {"case": application, "form": form, "call": request_, "is_open": is_open},
            status=status,
        )


class EvidenceView(LoginRequiredMixin, View):
    """The applicant answers a call for evidence (art. 106f), as with a supplement."""

    template_name = "workflows/evidence.html"

    def get(self, request: HttpRequest, case_id) -> HttpResponse:
        application = get_object_or_404(cases_for_applicant(request.user), public_id=case_id)
        return self.page(request, application, SupplementForm())

    def post(self, request: HttpRequest, case_id) -> HttpResponse:
        application = get_object_or_404(cases_for_applicant(request.user), public_id=case_id)
        form = SupplementForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                answer_evidence(
                    application=application,
                    applicant=request.user,
                    message=form.cleaned_data["message"],
                    uploads=form.cleaned_data["files"],
                )
            except WorkflowError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Thank you. The office has your evidence."))
                return redirect("applications:case", case_id=application.public_id)
        return self.page(request, application, form, status=400)

    def page(self, request, application, form, status=200) -> HttpResponse:
        call = open_evidence_request(application)
        is_open = call is not None and open_supplement_task(application, "evidence") is not None
        context = {"case": application, "form": form, "call": call, "is_open": is_open}
        return render(request, self.template_name, context, status=status)


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
