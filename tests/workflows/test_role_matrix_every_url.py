"""The role matrix of every office URL and officer API operation: each one is listed here with what an anonymous
visitor, an applicant of another case, an officer of another office and the second instance's staff get, so a URL
added to `workflows/urls.py` without its row fails the first test.

Statuses: 302 is the way to the login page; 403 the wrong kind of account; 404 a case, task or file of somebody else
(scoped selectors: its existence is not told); 200 a page of one's own office."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import ApplicantFactory, SecondInstanceFactory, StaffFactory, SupervisorFactory
from workflows import services
from workflows.urls import urlpatterns

from .conftest import open_task, staff_login, submit_case, take

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "other_applicant", "other_office_officer", "other_office_supervisor", "second_instance")

#: what a role gets on a page of the office's lists, on a supervisor's page, on an object of the office (a case, a
#: task, a file), on an applicant's page of somebody's case, and on the second instance's pages
LIST = {"other_applicant": 403, "other_office_officer": 200, "other_office_supervisor": 200, "second_instance": 403}
SUPERVISOR_LIST = {**LIST, "other_office_officer": 403}
#: the knowledge base: every office's staff and the second instance's, who work the appeals with it
KNOWLEDGE = {**LIST, "second_instance": 200}
OFFICE_OBJECT = {
    "other_applicant": 403,
    "other_office_officer": 404,
    "other_office_supervisor": 404,
    "second_instance": 403,
}
SUPERVISOR_OBJECT = {**OFFICE_OBJECT, "other_office_officer": 403}
#: documents and attachments: the second instance reads those of forwarded appeals only
FILE = {**OFFICE_OBJECT, "second_instance": 404}
APPLICANT_PAGE = {
    "other_applicant": 404,
    "other_office_officer": 404,
    "other_office_supervisor": 404,
    "second_instance": 404,
}
SECOND_INSTANCE = {
    "other_applicant": 403,
    "other_office_officer": 403,
    "other_office_supervisor": 403,
    "second_instance": 200,
}

#: url name -> (method, the kwargs it needs, by name of a value of `the_office`, expected statuses by role)
MATRIX: dict[str, tuple[str, dict[str, str], dict[str, int]]] = {
    "inbox": ("get", {}, LIST),
    "queue": ("get", {}, LIST),
    "office-tasks": ("get", {}, SUPERVISOR_LIST),
    "task": ("get", {"task_id": "task"}, OFFICE_OBJECT),
    "task-claim": ("post", {"task_id": "task"}, OFFICE_OBJECT),
    "task-reassign": ("post", {"task_id": "task"}, SUPERVISOR_OBJECT),
    "task-handover": ("post", {"task_id": "task"}, OFFICE_OBJECT),
    "task-letter-preview": ("get", {"task_id": "task"}, OFFICE_OBJECT),
    "task-decision-draft": ("get", {"task_id": "task"}, OFFICE_OBJECT),
    "cases": ("get", {}, LIST),
    "case": ("get", {"case_id": "case"}, OFFICE_OBJECT),
    "case-delay-notice-draft": ("get", {"case_id": "case"}, OFFICE_OBJECT),
    "case-powers-of-attorney": ("get", {"case_id": "case"}, OFFICE_OBJECT),
    "case-power-of-attorney-file": (
        "get",
        {"case_id": "case", "representation_id": "representation", "which": "which"},
        OFFICE_OBJECT,
    ),
    "dashboard": ("get", {}, SUPERVISOR_LIST),
    "knowledge": ("get", {}, KNOWLEDGE),
    "knowledge-article": ("get", {"slug": "article"}, KNOWLEDGE),
    "document-download": ("get", {"document_id": "document"}, FILE),
    "attachment-download": ("get", {"attachment_id": "attachment"}, FILE),
    "attachment-view": ("get", {"attachment_id": "attachment"}, FILE),
    "supplement": ("get", {"case_id": "called_case"}, APPLICANT_PAGE),
    "evidence": ("get", {"case_id": "called_case"}, APPLICANT_PAGE),
    "suspend": ("post", {"case_id": "case"}, APPLICANT_PAGE),
    "resume": ("post", {"case_id": "case"}, APPLICANT_PAGE),
    "appointment": ("get", {"case_id": "case"}, APPLICANT_PAGE),
    "appeal": ("get", {"case_id": "case"}, APPLICANT_PAGE),
    "second-instance-queue": ("get", {}, SECOND_INSTANCE),
    "second-instance-task": ("get", {"task_id": "task"}, {**SECOND_INSTANCE, "second_instance": 404}),
    "second-instance-decision-draft": ("get", {"task_id": "task"}, {**SECOND_INSTANCE, "second_instance": 404}),
}

#: officer API operation -> expected statuses by role (anonymous: 401)
API = {
    "/api/v1/officer/inbox": LIST,
    "/api/v1/officer/queue": LIST,
    "/api/v1/officer/appeals": SECOND_INSTANCE,
}


def test_every_url_of_the_office_has_its_row_in_the_role_matrix():
    names = {pattern.name for pattern in urlpatterns}
    assert names - set(MATRIX) == set(), "add the new URL's row to MATRIX"
    assert set(MATRIX) - names == set()


@pytest.fixture
def the_office(django_capture_on_commit_callbacks):
    """A Mazowieckie case at its formal check (taken by an officer), and another called to supplement (a letter)."""
    officer = StaffFactory(office="14")
    application = submit_case(django_capture_on_commit_callbacks, voivodeship="14")
    task = take(application, "formal_check", officer)
    called = submit_case(django_capture_on_commit_callbacks, voivodeship="14")
    with django_capture_on_commit_callbacks(execute=True):
        services.complete_formal_check(
            task=take(called, "formal_check", officer), user=officer, complete=False, defects=["Brak zdjęcia"]
        )
    assert open_task(called, "supplement")
    return {
        "task": task.pk,
        "case": application.public_id,
        "called_case": called.public_id,
        "representation": 1,
        "which": "power",
        "article": "kontrola-formalna-wniosku-mos",
        "document": called.documents.first().public_id,
        "attachment": application.attachments.first().public_id,
    }


def _log_in(client, role: str) -> None:
    if role == "other_applicant":
        client.force_login(ApplicantFactory())
    elif role == "other_office_officer":
        staff_login(client, StaffFactory(office="12"))
    elif role == "other_office_supervisor":
        staff_login(client, SupervisorFactory(office="12"))
    elif role == "second_instance":
        staff_login(client, SecondInstanceFactory())


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_what_the_matrix_says_on_every_url_and_api_operation(client, the_office, role):
    _log_in(client, role)
    wrong = []
    for name, (method, needs, expected) in MATRIX.items():
        url = reverse(f"workflows:{name}", kwargs={key: the_office[value] for key, value in needs.items()})
        response = getattr(client, method)(url)
        want = 302 if role == "anonymous" else expected[role]
        if response.status_code != want or (want == 302 and "/accounts/login/" not in response.url):
            wrong.append((name, method, response.status_code, want))
    for url, expected in API.items():
        status = client.get(url).status_code
        want = 401 if role == "anonymous" else expected[role]
        if status != want:
            wrong.append((url, "get", status, want))
    assert wrong == []
