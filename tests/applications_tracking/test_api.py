"""The JSON API: who sees what (anonymous 401, anybody else 404, the owner 200), tokens, public status, form schemas."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from applications import services
from applications.api_tokens import create_api_token
from applications.case_models import CaseEvent
from applications.notification_models import ApiToken
from tests.applications_tracking.conftest import add_document, record
from tests.factories import ApplicantFactory, EmployerFactory, StaffFactory

pytestmark = pytest.mark.django_db
API = "/api/v1"


def bearer(user) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {create_api_token(user=user)[1]}"}


@pytest.fixture
def full_case(case):
    record(
        case,
        CaseEvent.Kind.CALL_TO_SUPPLEMENT,
        data={"defects": ["Sign page 2"], "note": "INTERNAL"},
        action_url="/supplement/",
        due_at=timezone.now() + timedelta(days=7),
    )
    record(case, CaseEvent.Kind.SUPPLEMENT_RECEIVED, data={"complete_on": "2030-01-31"})
    add_document(case, kind="decision")
    return case


def case_paths(case) -> list[str]:
    return [f"{API}/cases/{case.public_id}", f"{API}/cases/{case.public_id}/timeline"]


def test_anonymous_callers_get_401_everywhere_but_the_public_endpoints(client, full_case):
    for path in [f"{API}/cases", f"{API}/documents", *case_paths(full_case)]:
        response = client.get(path)
        assert response.status_code == 401, path
        assert response.json() == {"detail": "Authentication required."}
    assert client.get(f"{API}/cases", HTTP_AUTHORIZATION="Bearer mos_wrong").status_code == 401


def test_the_owner_reads_the_case_with_a_token(client, full_case):
    headers = bearer(full_case.applicant)
    cases = client.get(f"{API}/cases", **headers).json()
    assert [c["case_number"] for c in cases] == [full_case.case_number]
    detail = client.get(f"{API}/cases/{full_case.public_id}", **headers).json()
    assert detail["status"] == "submitted" and detail["decision_deadline"] == "2030-04-01"
    assert [e["kind"] for e in detail["timeline"]] == [
        "submitted",
        "call_to_supplement",
        "supplement_received",
        "document",
    ]
    assert detail["timeline"][1]["data"] == {"defects": ["Sign page 2"]}
    assert "INTERNAL" not in str(detail)
    assert detail["expected"] is None
    [document] = detail["documents"]
    assert document["title"] == "Decision"
    assert client.get(document["download_url"]).status_code == 302  # the download page wants a login
    timeline = client.get(f"{API}/cases/{full_case.public_id}/timeline", **headers).json()
    assert timeline == detail["timeline"]


def test_the_owner_reads_with_the_session_too(client, full_case):
    client.force_login(full_case.applicant)
    assert client.get(f"{API}/cases").status_code == 200
    assert client.get(f"{API}/documents").json()[0]["case_number"] == full_case.case_number


@pytest.mark.parametrize("stranger", [ApplicantFactory, EmployerFactory, StaffFactory])
def test_nobody_else_sees_the_case_or_its_documents(client, full_case, stranger):
    other = stranger()
    headers = bearer(other)
    assert client.get(f"{API}/cases", **headers).json() == []
    assert client.get(f"{API}/documents", **headers).json() == []
    for path in case_paths(full_case):
        response = client.get(path, **headers)
        assert response.status_code == 404 and "detail" in response.json()
    if stranger is not StaffFactory:  # staff sessions need a second factor; the download page is the same for all
        client.force_login(other)
        assert client.get(f"/documents/{full_case.documents.get().public_id}/download/").status_code == 404


def test_a_malformed_case_id_is_422(client, full_case):
    assert client.get(f"{API}/cases/not-a-uuid", **bearer(full_case.applicant)).status_code == 422


def test_tokens_are_stored_hashed_and_mark_their_last_use(client, applicant):
    token, key = create_api_token(user=applicant, name="my script")
    assert key not in token.key_hash and token.key_hash == ApiToken.hash_key(key)
    assert client.get(f"{API}/cases", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None
    applicant.is_active = False
    applicant.save()
    assert client.get(f"{API}/cases", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


def test_the_management_command_prints_a_working_key(client, applicant, capsys):
    call_command("create_api_token", applicant.email.upper(), name="cli")
    key = capsys.readouterr().out.strip()
    assert key.startswith("mos_")
    assert client.get(f"{API}/cases", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200


def test_the_public_status_endpoint(client, case):
    code = services.access_code(case)
    ok = client.post(
        f"{API}/status", {"case_number": case.case_number, "access_code": code}, content_type="application/json"
    )
    assert ok.status_code == 200
    assert ok.json()["status"] == "submitted" and set(ok.json()) == {"case_number", "status", "stage", "changed_on"}
    wrong = client.post(
        f"{API}/status",
        {"case_number": case.case_number, "access_code": "AAAA-BBBB-CCCC"},
        content_type="application/json",
    )
    unknown = client.post(
        f"{API}/status",
        {"case_number": "02/2020/000001", "access_code": "AAAA-BBBB-CCCC"},
        content_type="application/json",
    )
    assert wrong.status_code == unknown.status_code == 404 and wrong.json() == unknown.json()
    bad = client.post(f"{API}/status", {"case_number": "14-2026", "access_code": code}, content_type="application/json")
    assert bad.status_code == 422


def test_the_public_status_endpoint_is_throttled_per_case_number_but_answers_the_right_code(client, case):
    def look(code, ip):
        return client.post(
            f"{API}/status",
            {"case_number": case.case_number, "access_code": code},
            content_type="application/json",
            REMOTE_ADDR=ip,
        )

    for attempt in range(5):
        look("AAAA-BBBB-CCCC", f"198.51.100.{attempt}")
    blocked = look("AAAA-BBBB-CCCC", "198.51.100.77")
    assert blocked.status_code == 429 and "Too many attempts" in blocked.json()["detail"]
    assert look(services.access_code(case), "198.51.100.78").status_code == 200


def test_form_schemas_describe_the_answers(client, db):
    forms = client.get(f"{API}/forms").json()
    assert {f["slug"] for f in forms} >= {"temporary-residence", "permanent-residence"}
    schema = client.get(forms[0]["schema_url"]).json()
    assert schema["type"] == "object" and schema["properties"]
    assert client.get(f"{API}/forms/no-such-form/schema").status_code == 404


def test_the_openapi_schema_declares_the_errors(client, db):
    schema = client.get(f"{API}/openapi.json").json()
    detail = schema["paths"]["/api/v1/cases/{case_id}"]["get"]["responses"]
    assert {"200", "401", "403", "404", "422"} <= set(detail)
    assert {"200", "404", "422", "429"} <= set(schema["paths"]["/api/v1/status"]["post"]["responses"])
    schemes = schema["components"]["securitySchemes"]
    assert {"ApiTokenAuth": {"type": "http", "scheme": "bearer"}}.items() <= schemes.items()
    assert schemes["SessionAuth"]["in"] == "cookie"
