"""Queries are exact, so they are asserted: a wizard step costs the same whatever was answered before."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from applications import services
from tests.factories import ApplicantFactory
from tests.journey.helpers import post_step
from tests.samples import applicant_payload

pytestmark = pytest.mark.django_db


def test_posting_a_step_costs_the_same_queries_early_and_late_in_the_form(client):
    applicant = ApplicantFactory()
    client.force_login(applicant)
    draft = services.start_draft(applicant=applicant, slug="temporary-residence")
    payload = applicant_payload("temporary-residence")
    post_step(client, draft, "personal", payload["personal"])  # warm caches (sessions, compiled forms)
    counts = []
    for step in ("personal", "personal_more", "residence", "travel_document", "purpose", "family", "stays"):
        with CaptureQueriesContext(connection) as queries:
            response = post_step(client, draft, step, payload[step])
        assert response.status_code == 302, step
        counts.append(len(queries))
    assert len(set(counts)) == 1, counts


def test_the_dashboard_costs_the_same_with_one_draft_or_ten(client, django_assert_max_num_queries):
    applicant = ApplicantFactory()
    client.force_login(applicant)
    services.start_draft(applicant=applicant, slug="temporary-residence")
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("applications:dashboard"))
    for _ in range(9):
        services.start_draft(applicant=applicant, slug="permanent-residence")
    with django_assert_max_num_queries(len(one)):
        client.get(reverse("applications:dashboard"))
