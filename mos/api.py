"""The JSON API at /api/v1/ (django-ninja); OpenAPI schema at /api/v1/openapi.json, documentation at /api/v1/docs."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import NinjaAPI
from ninja.errors import AuthenticationError

from applications.api import applicant_router, public_router
from workflows.api import officer_router

api = NinjaAPI(
    title="MOS API",
    version="1",
    urls_namespace="api-v1",
    description="Cases of applicants (token or session), the public status lookup and form schemas.",
)


@api.exception_handler(AuthenticationError)
def unauthorized(request: HttpRequest, exc: AuthenticationError):
    return api.create_response(request, {"detail": gettext("Authentication required.")}, status=401)


api.add_router("/", applicant_router)
api.add_router("/", public_router)

# Officers' inbox (read-only), session only: see workflows/api.py.
api.add_router("/officer/", officer_router)
