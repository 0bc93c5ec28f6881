"""Infrastructure views (no business logic)."""

import json
import logging
import sys

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

csp_logger = logging.getLogger("mos.csp")

#: A browser's report is well under a kilobyte; anything much larger is not a report.
CSP_REPORT_MAX_BYTES = 16 * 1024


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": connection.vendor})


def server_error(request: HttpRequest) -> HttpResponse:
    """`handler500`: a database that is restarting or unreachable is a 503 with a page that says to try again
    (rendered without the request, so without a query); any other error is Django's plain 500."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        return HttpResponse(render_to_string("unavailable.html"), status=503, headers={"Retry-After": "30"})
    return defaults.server_error(request)


@csrf_exempt  # browsers send reports without a token
@require_POST
def csp_report(request: HttpRequest) -> HttpResponse:
    """Where browsers report Content-Security-Policy violations: each is logged (a page that breaks the policy)."""
    if len(request.body) > CSP_REPORT_MAX_BYTES:
        return HttpResponse(status=413)
    try:
        report = json.loads(request.body).get("csp-report", {})
    except (ValueError, AttributeError):
        return HttpResponse(status=400)
    if not isinstance(report, dict):
        return HttpResponse(status=400)
    csp_logger.warning(
        "CSP violation on %s: %s blocked %s",
        str(report.get("document-uri", ""))[:300],
        str(report.get("violated-directive") or report.get("effective-directive", ""))[:100],
        str(report.get("blocked-uri", ""))[:300],
    )
    return HttpResponse(status=204)


def favicon(request):
    from django.http import HttpResponsePermanentRedirect
    from django.templatetags.static import static

    return HttpResponsePermanentRedirect(static("img/favicon.svg"))
