"""schemathesis against the API schema, in-process (WSGI), as an applicant with a token: no 5xx, no answer outside
the schema. Bounded: 25 examples per operation."""

from __future__ import annotations

from datetime import timedelta

import pytest
import schemathesis
from django.utils import timezone
from hypothesis import HealthCheck, settings

from applications.api_tokens import create_api_token
from applications.case_models import CaseEvent
from mos.wsgi import application
from tests.applications_tracking.conftest import add_document, record

#: Schemathesis' WSGI transport reads the body as it comes; the site compresses for clients that ask (GZipMiddleware).
PLAIN = {"Accept-Encoding": "identity"}

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Calling the WSGI app directly (not through Django's test client) would close the database connection at the
    end of each request, and with it the test's transaction (PostgreSQL); the test client disconnects the same
    handler, so do as it does."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(case) -> str:
    """An applicant with a case that has a timeline, a call to supplement and a document."""
    record(
        case,
        CaseEvent.Kind.CALL_TO_SUPPLEMENT,
        data={"defects": ["Sign page 2"]},
        action_url="/supplement/",
        due_at=timezone.now() + timedelta(days=7),
    )
    record(case, CaseEvent.Kind.SUPPLEMENT_RECEIVED, data={"complete_on": "2030-01-31"})
    add_document(case)
    return create_api_token(user=case.applicant)[1]


# Loaded when the module is collected (the schema endpoint touches no database). `schemathesis.pytest.from_fixture`
# would load it per test, but its lazy node ids do not work with pytest 9.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_the_api_answers_within_its_schema(case, token):
    case.call_and_validate(headers={"Authorization": f"Bearer {token}", **PLAIN})


def test_the_owners_real_case_and_documents_validate_against_the_schema(case, token):
    """Random ids mostly meet 404; the owner's own case exercises the full answers (timeline, documents, deadline)."""
    headers = {"Authorization": f"Bearer {token}", **PLAIN}
    for path in ("/api/v1/cases/{case_id}", "/api/v1/cases/{case_id}/timeline"):
        response = (
            schema[path]["GET"]
            .Case(path_parameters={"case_id": str(case.public_id)})
            .call_and_validate(headers=headers)
        )
        assert response.status_code == 200
    for path in ("/api/v1/cases", "/api/v1/documents"):
        response = schema[path]["GET"].Case().call_and_validate(headers=headers)
        assert response.status_code == 200 and response.json()
