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
        valid = form.is_valid()
        case_number = form.cleaned_data.get("case_number") if valid else None
        if not public_status.allow_lookup(client_ip(request), case_number):
            return render(
                request,
                self.template_name,
                {"form": form, "throttled": True, "message": public_status.THROTTLED_MESSAGE},
                status=429,
            )
        context = {"form": form}
        if valid:
            result = public_status.lookup(form.cleaned_data["case_number"], form.cleaned_data["access_code"])
            context.update(result=result, not_found=result is None, message=public_status.NOT_FOUND_MESSAGE)
        return render(request, self.template_name, context)
