"""Staff sessions must carry a verified second factor, whatever path logged them in."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _


class StaffSecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.needs_second_factor and not user.is_verified():
            logout(request)
            messages.error(request, _("Staff accounts must log in with a second factor."))
            return redirect("accounts:login")
        return self.get_response(request)
