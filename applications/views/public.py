from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.models import Role

from ..permits import PERMIT_TYPES
from ..selectors import open_drafts_for_applicant


def home(request: HttpRequest) -> HttpResponse:
    """The front page; an applicant with a draft in progress is offered to continue it."""
    latest_draft = None
    if request.user.is_authenticated and request.user.has_role(Role.APPLICANT):
        latest_draft = open_drafts_for_applicant(request.user).select_related("definition").first()
    return render(
        request,
        "applications/home.html",
        {"permit_types": PERMIT_TYPES, "latest_draft": latest_draft},
    )
