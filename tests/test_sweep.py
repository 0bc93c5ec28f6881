"""The sweep finds what a fault lost and does it again, once: documents, e-mails and processes of work older than
the grace period (what its enqueue after commit would have done had the broker been up). The after-commit work
never runs in these tests (the test's transaction never commits), which is exactly a lost enqueue."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from applications.case_models import CaseEvent
from applications.notification_models import NotificationLog, NotificationStatus
from applications.tasks import sweep_event_notifications
from documents.models import DocumentKind
from documents.services import issue_submission_documents
from documents.tasks import sweep_submission_documents
from tests.samples import submit_sample
from workflows.models import CaseProcess
from workflows.tasks import sweep_case_processes

pytestmark = pytest.mark.django_db


def kinds(application) -> list[str]:
    return sorted(application.documents.values_list("kind", flat=True))


def test_the_sweep_issues_the_package_and_receipt_of_a_case_whose_render_was_lost(settings):
    settings.SWEEP_GRACE_SECONDS = 600
    application = submit_sample()
    assert sweep_submission_documents.run() == 0, "younger than the grace period: its own task may still run"
    with time_machine.travel(timezone.now() + timedelta(minutes=11)):
        assert sweep_submission_documents.run() == 1
        assert kinds(application) == [DocumentKind.APPLICATION_PACKAGE, DocumentKind.RECEIPT]
        assert sweep_submission_documents.run() == 0


def test_the_sweep_sends_the_email_of_an_event_that_never_got_one_and_only_once():
    application = submit_sample()
    submitted = application.events.get(kind=CaseEvent.Kind.SUBMITTED)
    assert not NotificationLog.objects.filter(event=submitted).exists()

    assert sweep_event_notifications.run(0) == 1
    assert NotificationLog.objects.get(event=submitted).status == NotificationStatus.SENT
    assert [m.to for m in mail.outbox] == [[application.applicant.email]]
    assert sweep_event_notifications.run(0) == 0
    assert len(mail.outbox) == 1


def test_the_sweep_leaves_silent_documents_and_stale_events_without_email(settings):
    settings.SWEEP_NOTIFICATION_WINDOW_HOURS = 48
    with time_machine.travel(timezone.now() - timedelta(days=3)):
        stale = submit_sample()
    application = submit_sample()
    issue_submission_documents(application.pk)
    notified = sweep_event_notifications.run(0)
    logged = set(NotificationLog.objects.values_list("event__application_id", "event__kind", "event__data__kind"))
    assert notified == 2
    assert logged == {
        (application.pk, CaseEvent.Kind.SUBMITTED, None),
        (application.pk, CaseEvent.Kind.DOCUMENT, DocumentKind.RECEIPT),
    }
    assert not NotificationLog.objects.filter(application=stale).exists()


def test_the_sweep_starts_the_process_a_submission_never_started_and_only_once():
    application = submit_sample()
    assert not CaseProcess.objects.filter(application=application).exists()
    assert sweep_case_processes.run(0) == 1
    assert CaseProcess.objects.filter(application=application).count() == 1
    assert sweep_case_processes.run(0) == 0


def test_sweep_pending_work_does_all_three_by_hand():
    application = submit_sample()
    out = io.StringIO()
    call_command("sweep_pending_work", "--grace", "0", stdout=out)
    assert out.getvalue().strip() == "1 process(es) started, 1 case(s) enqueued for documents, 2 e-mail(s) enqueued"
    assert kinds(application) == [DocumentKind.APPLICATION_PACKAGE, DocumentKind.RECEIPT]
    assert CaseProcess.objects.filter(application=application).exists()
