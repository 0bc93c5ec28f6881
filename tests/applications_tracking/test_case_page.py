"""The case page: what happened (in the reader's language, no internal notes), what to do now, the decision deadline."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from applications import services, tracking
from applications.case_models import ApplicationStatus, CaseEvent
from tests.applications_tracking.conftest import add_document, record
from tests.factories import ApplicantFactory

pytestmark = pytest.mark.django_db
Kind = CaseEvent.Kind


def page(client, case) -> str:
    client.force_login(case.applicant)
    response = client.get(reverse("applications:case", kwargs={"case_id": case.public_id}))
    assert response.status_code == 200
    return response.content.decode()


def test_the_timeline_tells_each_step_without_officer_notes(client, case):
    record(case, Kind.FORMAL_CHECK_STARTED, data={"note": "INTERNAL: looks suspicious"})
    record(
        case,
        Kind.CALL_TO_SUPPLEMENT,
        data={"defects": ["Sign the application form"], "officer": "J. Nowak"},
        action_url="/cases/supplement/1/",
        due_at=timezone.now() + timedelta(days=14),
    )
    record(case, Kind.SUPPLEMENT_RECEIVED, data={"complete_on": "2030-03-02"})
    record(
        case,
        Kind.APPOINTMENT,
        data={"at": "2030-03-10T09:30:00+01:00", "place": "ul. Marszałkowska 3/5", "room_plan": "INTERNAL"},
    )
    record(case, Kind.CONSULTATIONS, data={"authorities": "INTERNAL list"})
    record(
        case,
        Kind.DECISION,
        data={"kind": "grant", "valid_from": "2030-05-01", "valid_to": "2032-04-30", "reasoning_draft": "INTERNAL"},
    )
    html = page(client, case)
    for sentence in (
        "Your application was submitted",
        "started checking",
        "supplement the application by",
        "Sign the application form",
        "received your supplement",
        "complete as of",
        "fingerprints on",
        "Marszałkowska",
        "other authorities",
        "the permit is granted",
        "valid from 1 May 2030 to 30 April 2032",
    ):
        assert sentence in html, sentence
    assert "INTERNAL" not in html and "J. Nowak" not in html


def test_the_timeline_reads_in_the_page_language(client, case):
    record(case, Kind.CALL_TO_SUPPLEMENT, action_url="/x/", due_at=timezone.make_aware(timezone.datetime(2030, 12, 10)))
    client.force_login(case.applicant)
    response = client.get(reverse("applications:case", kwargs={"case_id": case.public_id}), HTTP_ACCEPT_LANGUAGE="pl")
    assert "10.12.2030" in response.content.decode()


def test_the_open_call_to_supplement_is_what_to_do_now_until_answered(client, case):
    due = timezone.now() + timedelta(days=14)
    record(case, Kind.CALL_TO_SUPPLEMENT, action_url="/supplement/here/", due_at=due)
    html = page(client, case)
    assert "What you need to do now" in html and 'href="/supplement/here/"' in html
    record(case, Kind.SUPPLEMENT_RECEIVED)
    assert "What you need to do now" not in page(client, case)


def test_a_coming_fingerprints_appointment_is_what_to_do_now(client, case):
    when = timezone.now() + timedelta(days=5)
    record(case, Kind.APPOINTMENT, due_at=when, data={"at": timezone.localtime(when).isoformat(), "place": "Room 5"})
    html = page(client, case)
    assert "What you need to do now" in html and "Room 5" in html


def test_choosing_a_fingerprints_slot_is_open_until_the_summons(client, case):
    record(case, Kind.APPOINTMENT, data={"choose_slot": True}, action_url="/office/appointment/")
    html = page(client, case)
    assert "What you need to do now" in html and "choose a date and time" in html
    assert 'href="/office/appointment/"' in html
    when = timezone.now() + timedelta(days=5)
    record(case, Kind.APPOINTMENT, due_at=when, data={"at": timezone.localtime(when).isoformat(), "place": "Room 5"})
    html = page(client, case)
    assert "Please come to give your fingerprints on" in html.split("What has happened")[0]


def test_a_download_link_is_not_a_request(case):
    add_document(case)
    assert tracking.open_expectation(list(case.events.all())) is None


@pytest.mark.parametrize(
    ("reason", "sentence"),
    [
        ("supplement", "defects were not supplemented in time"),
        ("fingerprints", "fingerprints were not given"),
    ],
)
def test_left_unexamined_says_why(client, case, reason, sentence):
    record(case, Kind.LEFT_UNEXAMINED, data={"reason": reason})
    assert sentence in page(client, case)


def test_an_expired_or_replaced_request_is_not_shown_as_open():
    now = timezone.now()
    first = CaseEvent(kind=Kind.CALL_TO_SUPPLEMENT, action_url="/a/", due_at=now + timedelta(days=3))
    second = CaseEvent(kind=Kind.CALL_TO_SUPPLEMENT, action_url="/b/", due_at=now + timedelta(days=7))
    expired = CaseEvent(kind=Kind.APPOINTMENT, action_url="/c/", due_at=now - timedelta(days=1))
    assert tracking.open_expectation([first, second]).action_url == "/b/"
    assert tracking.open_expectation([expired]) is None
    assert tracking.open_expectation([second, CaseEvent(kind=Kind.LEFT_UNEXAMINED)]) is None


@pytest.mark.parametrize(
    ("slug", "complete", "deadline"),
    [
        ("temporary-residence", date(2030, 1, 31), date(2030, 4, 1)),
        ("temporary-residence-work", date(2030, 3, 1), date(2030, 4, 30)),
        ("permanent-residence", date(2030, 1, 31), date(2030, 7, 31)),
        ("eu-long-term-resident", date(2030, 11, 15), date(2031, 5, 15)),
    ],
)
def test_the_decision_deadline_runs_from_the_day_the_case_became_complete(slug, complete, deadline):
    from formdefs.models import FormDefinition

    case = type("Case", (), {"definition": FormDefinition(slug=slug)})()
    events = [CaseEvent(kind=Kind.FORMAL_CHECK_STARTED, data={"complete_on": complete.isoformat()})]
    assert tracking.decision_deadline(case, events) == deadline
    assert tracking.decision_deadline(case, [CaseEvent(kind=Kind.SUBMITTED)]) is None
    assert tracking.decision_deadline(case, [*events, CaseEvent(kind=Kind.DECISION)]) is None


def test_the_case_page_shows_the_decision_deadline(client, case):
    record(case, Kind.STATUS_CHANGED, data={"status": "in_progress", "complete_on": "2030-01-31"})
    html = page(client, case)
    assert "The office should decide by" in html and "1 April 2030" in html


def test_documents_are_listed_with_links_that_check_permission(client, case):
    document = add_document(case, kind="decision")
    html = page(client, case)
    link = reverse("documents:download", kwargs={"document_id": document.public_id})
    assert link in html and "Decision" in html
    other = ApplicantFactory()
    client.force_login(other)
    assert client.get(link).status_code == 404
    assert client.get(reverse("applications:case", kwargs={"case_id": case.public_id})).status_code == 404


def test_the_case_page_needs_as_many_queries_for_thirty_events_as_for_one(client, case, django_assert_max_num_queries):
    client.force_login(case.applicant)
    url = reverse("applications:case", kwargs={"case_id": case.public_id})
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(10):
        record(case, Kind.APPOINTMENT, data={"at": "2030-03-10T09:30:00+01:00"})
        record(case, Kind.STATUS_CHANGED, data={"status": "in_progress"})
        add_document(case)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count("timeline-document") == 10


@pytest.mark.parametrize(
    ("outcome", "words"),
    [("grant", "Permit granted on 1 December 2026 — not final yet"), ("refusal", "Permit refused on 1 December 2026")],
)
def test_a_decision_reads_as_what_was_decided_on_the_case_page_my_applications_and_the_api(
    client, case, outcome, words, time_machine
):
    time_machine.move_to("2026-12-01 10:00:00+01:00")
    services.set_status(case, ApplicationStatus.DECISION_ISSUED)
    record(case, Kind.DECISION, data={"kind": outcome})

    assert words in page(client, case)
    listed = client.get(reverse("applications:dashboard")).content.decode()
    assert words in listed and "Decision issued" not in listed
    assert client.get("/api/v1/cases").json()[0]["stage"].startswith(words)


def test_a_final_grant_reads_permit_granted_on_my_applications(client, case, time_machine):
    time_machine.move_to("2026-12-20 10:00:00+01:00")
    services.set_status(case, ApplicationStatus.GRANTED_FINAL)
    record(case, Kind.DECISION_FINAL, data={"final_on": "2026-12-17"})
    client.force_login(case.applicant)
    listed = client.get(reverse("applications:dashboard")).content.decode()
    assert "Permit granted — final on 17 December 2026" in listed and "Closed" not in listed
