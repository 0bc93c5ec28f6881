"""The public status page: case number and access code in, the stage and the date of the last change out."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.views import View

from .. import public_status
from .access import client_ip


class StatusView(View):
    template_name = "applications/status.html"

    def get(self, request) -> HttpResponse:
        initial = {"case_number": request.GET.get("case_number", "")[:14]}
        return render(request, self.template_name, {"form": public_status.StatusLookupForm(initial=initial)})

    def post(self, request) -> HttpResponse:
        form = public_status.StatusLookupForm(request.POST)
        if not form.is_valid():
            # A malformed number or code still counts against the address, so the form is no free oracle.
            if not public_status.allow_lookup(client_ip(request)):
                return self.throttled(request, form)
            return render(request, self.template_name, {"form": form})
        outcome = public_status.throttled_lookup(
            ip=client_ip(request), case_number=form.cleaned_data["case_number"], code=form.cleaned_data["access_code"]
        )
        if outcome.throttled:
            return self.throttled(request, form)
        context = {
            "form": form,
            "result": outcome.result,
            "not_found": outcome.result is None,
            "message": public_status.NOT_FOUND_MESSAGE,
        }
        return render(request, self.template_name, context)

    def throttled(self, request, form) -> HttpResponse:
        return render(
            request,
            self.template_name,
            {"form": form, "throttled": True, "message": public_status.THROTTLED_MESSAGE},
            status=429,
        )
