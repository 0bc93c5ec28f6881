"""The officers' inbox in the JSON API: their own office's tasks only, read-only, session only."""

from __future__ import annotations

import pytest

from applications.api_tokens import create_api_token
from tests.factories import ApplicantFactory
from tests.workflows.conftest import login_through_pages, submit_case

pytestmark = pytest.mark.django_db


def test_an_officer_sees_the_queue_of_their_office_only(
    client, django_capture_on_commit_callbacks, officer, other_office_officer
):
    application = submit_case(django_capture_on_commit_callbacks)
    login_through_pages(client, officer)
    queue = client.get("/api/v1/officer/queue").json()
    assert [item["case_number"] for item in queue["items"]] == [application.case_number]
    assert queue["items"][0]["step"] == "formal_check"
    assert client.get("/api/v1/officer/inbox").json()["count"] == 0

    client.post("/accounts/logout/")
    login_through_pages(client, other_office_officer)
    assert client.get("/api/v1/officer/queue").json()["count"] == 0


def test_the_officer_api_refuses_applicants_anonymous_visitors_and_tokens(client):
    assert client.get("/api/v1/officer/inbox").status_code == 401
    applicant = ApplicantFactory()
    client.force_login(applicant)
    assert client.get("/api/v1/officer/inbox").status_code == 403
    client.logout()
    _token, key = create_api_token(user=applicant)
    assert client.get("/api/v1/officer/inbox", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401
