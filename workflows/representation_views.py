"""The officer's page for the powers of attorney in a case: read them (and the stamp duty proof), accept or refuse."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from applications.representation_models import POWER_OF_ATTORNEY_STAMP_DUTY, PowerOfAttorneyStatus

from . import selectors
from .representation import check_power_of_attorney
from .views import StaffMixin


class CheckForm(forms.Form):
    stamp_duty_paid_pln = forms.DecimalField(
        label=gettext_lazy("Stamp duty paid (PLN)"),
        min_value=Decimal("0"),
        max_digits=8,
        decimal_places=2,
        required=False,
    )
    decision = forms.ChoiceField(
        label=gettext_lazy("The power of attorney"),
        choices=[("accept", gettext_lazy("Accept")), ("refuse", gettext_lazy("Refuse"))],
        widget=forms.RadioSelect,
    )


class PowersOfAttorneyView(StaffMixin, View):
    template_name = "workflows/powers_of_attorney.html"

    def _page(self, request, case, form=None, status=200) -> HttpResponse:
        return render(
            request,
            self.template_name,
            {
                "case": case,
                "representations": case.representations.select_related("representative", "checked_by"),
                "form": form or CheckForm(initial={"stamp_duty_paid_pln": POWER_OF_ATTORNEY_STAMP_DUTY}),
                "pending": PowerOfAttorneyStatus.PENDING,
            },
            status=status,
        )

    def get(self, request: HttpRequest, case_id) -> HttpResponse:
        return self._page(request, selectors.office_case(request.user, case_id))

    def post(self, request: HttpRequest, case_id) -> HttpResponse:
        case = selectors.office_case(request.user, case_id)
        representation = get_object_or_404(case.representations, pk=request.POST.get("representation"))
        form = CheckForm(request.POST)
        if form.is_valid():
            try:
                check_power_of_attorney(
                    representation=representation,
                    officer=request.user,
                    accepted=form.cleaned_data["decision"] == "accept",
                    stamp_duty_paid_pln=form.cleaned_data.get("stamp_duty_paid_pln"),
                )
            except ValidationError as error:
                form.add_error("stamp_duty_paid_pln", error)
            else:
                messages.success(request, _("The check of the power of attorney is recorded."))
                return redirect("workflows:case-powers-of-attorney", case_id=case.public_id)
        return self._page(request, case, form, status=400)


class PowerOfAttorneyFileView(StaffMixin, View):
    """The power of attorney or its stamp duty proof, for the officers of the case's office only."""

    def get(self, request: HttpRequest, case_id, representation_id: int, which: str) -> HttpResponse:
        case = selectors.office_case(request.user, case_id)
        representation = get_object_or_404(case.representations, pk=representation_id)
        file = {
            "power-of-attorney": representation.power_of_attorney,
            "stamp-duty": representation.stamp_duty_proof,
        }.get(which)
        if not file:
            raise Http404
        response = FileResponse(file.open("rb"), as_attachment=True, filename=file.name.rsplit("/", 1)[-1])
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response
