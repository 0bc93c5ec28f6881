"""The service provider's pages: start the login at the national node, receive its answer, log out, our metadata."""

from __future__ import annotations

import logging

from django.contrib import messages
from django.contrib.auth import login, logout
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from . import saml
from .views import keep_the_page_language, safe_next

logger = logging.getLogger(__name__)
BACKEND = "django.contrib.auth.backends.ModelBackend"


def _configured() -> None:
    if not saml.is_configured():
        raise Http404


def _refused(request: HttpRequest, reason: Exception) -> HttpResponse:
    logger.warning("login through the national node refused: %s", reason)
    return render(request, "accounts/saml_refused.html", status=403)


class SamlLoginView(View):
    def get(self, request: HttpRequest) -> HttpResponse:
        _configured()
        next_url = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
            next_url = ""
        return HttpResponseRedirect(saml.start_login(request.session, next_url))


@csrf_exempt  # the node's POST comes from another site; the SAML signature and our request id protect it
def assertion_consumer(request: HttpRequest) -> HttpResponse:
    _configured()
    if request.method != "POST":
        return HttpResponse(status=405)
    try:
        token = saml.accept_response(request.POST.get("SAMLResponse", ""))
    except saml.SamlLoginRefused as reason:
        return _refused(request, reason)
    # A top-level GET to ourselves: the browser sends our (SameSite=Lax) session cookie with it.
    return HttpResponseRedirect(reverse("saml:complete") + f"?token={token}")


class CompleteLoginView(View):
    def get(self, request: HttpRequest) -> HttpResponse:
        _configured()
        session_user = request.user if request.user.is_authenticated else None
        try:
            user, next_url, name_id, issuer = saml.complete_login(
                request.session, request.GET.get("token", ""), session_user=session_user
            )
        except saml.SamlLoginRefused as reason:
            return _refused(request, reason)
        login(request, user, backend=BACKEND)
        request.session[saml.SESSION_NAME_ID], request.session[saml.SESSION_IDP] = name_id, issuer
        # As after a password login: the page asked for, else the person's landing page ("My applications" for an
        # applicant), in the language this browser was using, which the account's preference now follows.
        return keep_the_page_language(request, user, HttpResponseRedirect(safe_next(request, next_url, user)))


class SamlLogoutView(View):
    """Log out here and at the node (single logout) when the login came through it."""

    def post(self, request: HttpRequest) -> HttpResponse:
        _configured()
        node_url = saml.start_logout(request.session)
        pending = request.session.get("saml_logout_request")
        logout(request)
        if node_url is None:
            return redirect("home")
        request.session["saml_logout_request"] = pending
        return HttpResponseRedirect(node_url)


class SingleLogoutServiceView(View):
    def get(self, request: HttpRequest) -> HttpResponse:
        _configured()
        if saml.finish_logout(request.session, request.GET.get("SAMLResponse", "")):
            messages.success(request, _("You have been logged out of MOS and of login.gov.pl."))
        else:
            messages.warning(request, _("You have been logged out of MOS; login.gov.pl did not confirm its logout."))
        request.session.pop("saml_logout_request", None)
        return redirect("home")


def metadata(request: HttpRequest) -> HttpResponse:
    _configured()
    return HttpResponse(saml.metadata_xml(), content_type="application/samlmetadata+xml")
