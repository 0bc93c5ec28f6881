"""Wizard step POST (validate the step, save the draft) against a bare Django view that validates a plain form
with the same number of fields; both through the full middleware stack with Django's test client, logged in.

    .venv/bin/python -m benchmarks.wizard_bench [--quick]
"""

from __future__ import annotations

import statistics
import sys
import time
from typing import Any

from benchmarks.django_setup import setup_django
from formdefs.samples import applicant_payload

ANSWERS = applicant_payload("temporary-residence")["personal"]  # the first step, as the tests answer it


def bare_form_view(request):
    """The baseline: a plain Django form with one CharField per posted field, validated, then a redirect."""
    from django import forms
    from django.http import HttpResponse, HttpResponseRedirect

    fields = {name: forms.CharField(required=False, max_length=200) for name in request.POST}
    form = type("BareForm", (forms.Form,), fields)(request.POST)
    return HttpResponseRedirect("/") if form.is_valid() else HttpResponse("invalid", status=400)


def _applicant():
    from accounts.models import Role, User
    from accounts.services import assign_role

    user, created = User.objects.get_or_create(
        email="bench-applicant@mos.example", defaults={"email_verified": True, "first_name": "Bench"}
    )
    if created:
        assign_role(user, Role.APPLICANT)
    return user


def _measure(client, targets: dict[str, str], data: dict, runs: int) -> dict[str, tuple[float, float, int]]:
    """Per target: median and p95 milliseconds of `runs` POSTs (the targets interleaved, so a busy machine
    slows them alike), and the number of queries of one POST."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings: dict[str, list[float]] = {name: [] for name in targets}
    for _ in range(runs):
        for name, url in targets.items():
            start = time.perf_counter()
            response = client.post(url, data)
            timings[name].append((time.perf_counter() - start) * 1000)
            assert response.status_code == 302, (url, response.status_code)
    result = {}
    for name, url in targets.items():
        with CaptureQueriesContext(connection) as queries:
            client.post(url, data)
        values = sorted(timings[name])
        result[name] = (statistics.median(values), values[max(int(len(values) * 0.95) - 1, 0)], len(queries))
    return result


def run(quick: bool = False) -> dict[str, Any]:
    setup_django()
    from django.test import Client
    from django.test.utils import override_settings
    from django.urls import include, path

    from applications import services
    from formdefs.steps import answers_to_data

    runs = 30 if quick else 200
    module = sys.modules[__name__]
    module.urlpatterns = [path("bench/bare/", bare_form_view), path("", include("mos.urls"))]
    applicant = _applicant()
    draft = services.start_draft(applicant=applicant, slug="temporary-residence")
    step = draft.definition.spec.step("personal")
    data = dict(answers_to_data(step, ANSWERS))
    data[f"draft_v{draft.definition.version}-current_step"] = ["personal"]
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(applicant)
    wizard_url = f"/drafts/{draft.public_id}/step/personal/"
    with override_settings(ROOT_URLCONF=__name__, DEBUG=False):
        targets = {"wizard": wizard_url, "bare": "/bench/bare/"}
        _measure(client, targets, data, 5)  # warm-up: caches of the compiled forms, sessions
        measured = _measure(client, targets, data, runs)
        (wizard_p50, wizard_p95, wizard_queries), (bare_p50, bare_p95, bare_queries) = measured.values()
    draft.delete()
    ratio = wizard_p50 / bare_p50
    return {
        "runs": runs,
        "fields_posted": len(data),
        "wizard_step_post_p50_ms": round(wizard_p50, 2),
        "wizard_step_post_p95_ms": round(wizard_p95, 2),
        "bare_form_post_p50_ms": round(bare_p50, 2),
        "bare_form_post_p95_ms": round(bare_p95, 2),
        "wizard_to_bare_ratio": round(ratio, 2),
        "target_ratio_le_3": ratio <= 3,
        "wizard_queries_per_post": wizard_queries,
        "bare_queries_per_post": bare_queries,
    }


def main(argv: list[str] | None = None) -> None:
    result = run(quick="--quick" in (argv if argv is not None else sys.argv[1:]))
    for key, value in result.items():
        print(f"{key:34} {value}")


if __name__ == "__main__":
    main()
