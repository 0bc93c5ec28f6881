"""The party appoints a representative; the party or the representative files a letter in the case."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from .. import selectors
from ..representation import appoint_representative, cases_for_party_or_representative, file_letter
from ..representation_models import POWER_OF_ATTORNEY_STAMP_DUTY
from .access import ApplicantRequiredMixin


class AppointForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("The representative's e-mail address"),
        help_text=gettext_lazy("The representative needs a MOS account of their own."),
    )
    power_of_attorney = forms.FileField(label=gettext_lazy("Power of attorney (PDF or a scan)"))
    stamp_duty_proof = forms.FileField(
        label=gettext_lazy("Proof of the stamp duty paid (17 PLN)"),
        required=False,
        help_text=gettext_lazy("Not needed when the representative is your spouse, parent, child or sibling."),
    )


class RepresentativesView(ApplicantRequiredMixin, View):
    template_name = "applications/representatives.html"

    def _page(self, request, case, form, status=200) -> HttpResponse:
        context = {
            "case": case,
            "form": form,
            "representations": case.representations.select_related("representative"),
            "stamp_duty": POWER_OF_ATTORNEY_STAMP_DUTY,
        }
        return render(request, self.template_name, context, status=status)

    def get(self, request, case_id) -> HttpResponse:
        case = get_object_or_404(selectors.cases_for_applicant(request.user), public_id=case_id)
        return self._page(request, case, AppointForm())

    def post(self, request, case_id) -> HttpResponse:
        case = get_object_or_404(selectors.cases_for_applicant(request.user), public_id=case_id)
        form = AppointForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                appoint_representative(
                    application=case,
                    party=request.user,
                    representative_email=form.cleaned_data["email"],
                    power_of_attorney=form.cleaned_data["power_of_attorney"],
                    stamp_duty_proof=form.cleaned_data.get("stamp_duty_proof"),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The office will check the power of attorney."))
                return redirect("applications:case-representatives", case_id=case.public_id)
        return self._page(request, case, form, status=400)


class LetterForm(forms.Form):
    letter = forms.FileField(label=gettext_lazy("Your letter (PDF or a scan)"))


class LetterView(ApplicantRequiredMixin, View):
    """A letter in the case, from the party or an accepted representative."""

    template_name = "applications/letter.html"

    def get(self, request, case_id) -> HttpResponse:
        case = get_object_or_404(cases_for_party_or_representative(request.user), public_id=case_id)
        return render(request, self.template_name, {"case": case, "form": LetterForm()})

    def post(self, request, case_id) -> HttpResponse:
        case = get_object_or_404(cases_for_party_or_representative(request.user), public_id=case_id)
        form = LetterForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                file_letter(application=case, author=request.user, upload=form.cleaned_data["letter"])
            except ValidationError as error:
                form.add_error("letter", error)
            else:
                messages.success(request, _("Your letter has been sent to the office."))
                return redirect("applications:case", case_id=case.public_id)
        return render(request, self.template_name, {"case": case, "form": form}, status=400)
