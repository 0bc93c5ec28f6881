"""An e-mail at each event that needs the applicant: in their language, with a link, nothing personal, exactly once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from applications import notifications
from applications.case_models import CaseEvent
from applications.notification_models import NotificationLog, NotificationStatus
from applications.tasks import send_event_notification
from tests.applications_tracking.conftest import add_document, record

pytestmark = pytest.mark.django_db
Kind = CaseEvent.Kind
NOTIFIED = sorted(set(notifications.RULES) - {Kind.SUBMITTED})


def case_url(case) -> str:
    return "https://mos.example.gov.pl" + reverse("applications:case", kwargs={"case_id": case.public_id})


def assert_nothing_personal(message, case) -> None:
    text = message.subject + message.body
    for secret in (
        case.surname,
        case.given_names,
        case.travel_document_number,
        case.applicant.last_name,
        case.applicant.email,
    ):
        assert secret and secret not in text


def test_submission_mails_the_applicant_once_with_a_link_and_the_case_number(
    applicant, django_capture_on_commit_callbacks
):
    from tests.journey.conftest import submit_sample

    with django_capture_on_commit_callbacks(execute=True):
        case = submit_sample(applicant)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [applicant.email]
    assert case.case_number in message.subject and case.case_number in message.body
    assert "Hello Olena," in message.body and case_url(case) in message.body
    assert "submitted" in message.body
    assert_nothing_personal(message, case)
    log = NotificationLog.objects.get(application=case)
    assert (log.kind, log.status, log.recipient) == (Kind.SUBMITTED, NotificationStatus.SENT, applicant.email)
    assert log.sent_at is not None


@pytest.mark.parametrize("kind", NOTIFIED)
def test_every_notified_kind_sends_one_email(case, kind, django_capture_on_commit_callbacks):
    due = timezone.now() + timedelta(days=14) if kind in (Kind.CALL_TO_SUPPLEMENT, Kind.APPOINTMENT) else None
    with django_capture_on_commit_callbacks(execute=True):
        if kind == Kind.DOCUMENT:
            add_document(case, kind="receipt", title="UPO")
        else:
            record(
                case,
                kind,
                data={"kind": "refusal", "note": "internal: officer thinks X", "defects": ["x"]},
                action_url="/somewhere/" if due else "",
                due_at=due,
            )
    assert len(mail.outbox) == 1, kind
    message = mail.outbox[0]
    assert message.to == [case.applicant.email]
    assert case_url(case) in message.body and case.case_number in message.body
    assert "internal" not in message.body and "refus" not in message.body
    assert_nothing_personal(message, case)
    if due:
        assert str(due.year) in message.body
    assert NotificationLog.objects.get(event__kind=kind).status == NotificationStatus.SENT


def test_consultations_and_letters_announced_by_their_own_event_send_nothing(case, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        record(case, Kind.CONSULTATIONS)
        for kind in ("application_package", "call_to_supplement", "summons", "decision", "left_unexamined"):
            add_document(case, kind=kind, title="Pismo")
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("language", "month"), [("pl", "10.12.2030"), ("uk", "10 грудня 2030"), ("en", "10 December 2030")]
)
def test_the_email_is_in_the_applicants_language(case, language, month, django_capture_on_commit_callbacks):
    case.applicant.preferred_language = language
    case.applicant.save()
    due = timezone.make_aware(timezone.datetime(2030, 12, 10, 12, 0))
    with django_capture_on_commit_callbacks(execute=True):
        record(case, Kind.CALL_TO_SUPPLEMENT, action_url="/supplement/", due_at=due)
    assert month in mail.outbox[0].body
    assert NotificationLog.objects.get().language == language


def test_an_applicant_who_turned_emails_off_still_gets_the_letters_the_law_requires(
    case, django_capture_on_commit_callbacks
):
    case.applicant.email_notifications = False
    case.applicant.save()
    with django_capture_on_commit_callbacks(execute=True):
        for kind in NOTIFIED:
            record(case, kind, due_at=timezone.now() + timedelta(days=7))
    kinds_mailed = {log.kind for log in NotificationLog.objects.filter(status=NotificationStatus.SENT)}
    assert kinds_mailed == set(notifications.MANDATORY_KINDS)
    assert len(mail.outbox) == len(notifications.MANDATORY_KINDS)
    skipped = NotificationLog.objects.filter(status=NotificationStatus.SKIPPED)
    assert {log.kind for log in skipped} == set(NOTIFIED) - set(notifications.MANDATORY_KINDS)
    assert all("switched off" in log.error for log in skipped)
    assert all("turn these e-mails off" not in message.body for message in mail.outbox)


def test_the_account_page_turns_emails_off(client, applicant):
    client.force_login(applicant)
    response = client.post(
        reverse("accounts:account"), {"first_name": "Olena", "last_name": "K", "preferred_language": "en"}
    )
    assert response.status_code == 302
    applicant.refresh_from_db()
    assert applicant.email_notifications is False


def test_a_task_that_runs_twice_sends_one_email(case, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        event = record(case, Kind.DECISION, data={"kind": "grant"})
    send_event_notification.delay(event.pk)
    send_event_notification.apply(args=[event.pk])
    assert len(mail.outbox) == 1
    assert NotificationLog.objects.filter(event=event).count() == 1


def test_a_failed_send_is_logged_and_retried_until_it_goes(case, monkeypatch):
    event = record(case, Kind.DECISION)
    calls = {"n": 0}
    real_send = notifications.EmailMessage.send

    def flaky_send(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise ConnectionRefusedError("SMTP down")
        return real_send(self, *args, **kwargs)

    monkeypatch.setattr(notifications.EmailMessage, "send", flaky_send)
    with pytest.raises(ConnectionRefusedError):
        notifications.deliver(event.pk)
    log = NotificationLog.objects.get(event=event)
    assert (log.status, log.attempts) == (NotificationStatus.FAILED, 1) and "SMTP down" in log.error
    notifications.deliver(event.pk)
    log.refresh_from_db()
    assert (log.status, log.attempts, log.error) == (NotificationStatus.SENT, 2, "")
    assert len(mail.outbox) == 1


def test_the_celery_task_retries_a_failure_by_itself(case, monkeypatch):
    from mos.celery import app

    # A worker retries; eagerly that needs the retry not to be raised at once to the caller.
    app.conf.task_eager_propagates = False  # tests/conftest.py puts it back after the test
    event = record(case, Kind.APPOINTMENT)
    calls = {"n": 0}
    real_send = notifications.EmailMessage.send

    def flaky_send(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] < 3:
            raise ConnectionRefusedError("SMTP down")
        return real_send(self, *args, **kwargs)

    monkeypatch.setattr(notifications.EmailMessage, "send", flaky_send)
    send_event_notification.apply(args=[event.pk])
    assert len(mail.outbox) == 1
    assert NotificationLog.objects.get(event=event).attempts == 3


def test_a_rolled_back_event_sends_nothing(case, django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        record(case, Kind.DECISION)
        raise RuntimeError("the officer's transaction failed")
    assert mail.outbox == [] and not NotificationLog.objects.exists()
