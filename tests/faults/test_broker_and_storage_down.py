"""Redis, then the S3 server, stopped at the moment an applicant submits: the submission succeeds for the
applicant, and the documents, the process and the e-mail happen once the server is back, with nobody's help:
Celery beat's sweep (every 2 s here, for work older than 1 s) finds what is missing and enqueues it again.

The process starts in the request after commit (it needs the database, not Redis), so it exists at once.
"""

from __future__ import annotations

import time

import pytest

from applications.case_models import Application, CaseEvent
from applications.notification_models import NotificationLog, NotificationStatus
from documents.models import DocumentKind
from tests.faults.helpers import applicant_client, document_kinds, sign_form, submitted_to_case_page, wait_for
from tests.samples import ready_draft
from workflows.models import CaseProcess

BOTH = [DocumentKind.APPLICATION_PACKAGE, DocumentKind.RECEIPT]


def submission_email(application) -> NotificationLog | None:
    event = application.events.get(kind=CaseEvent.Kind.SUBMITTED)
    return NotificationLog.objects.filter(event=event, status=NotificationStatus.SENT).first()


def test_a_submission_while_redis_is_down_succeeds_and_its_work_is_done_when_redis_is_back(stack):
    draft = ready_draft()
    client = applicant_client(draft.applicant)
    url, form = sign_form(client, draft)
    worker = stack.worker("worker", beat=True)
    wait_for("the worker is ready", lambda: " ready." in worker.output(), 120, log=worker)

    stack.redis.stop()
    started = time.monotonic()
    response = client.post(url, form)
    waited = time.monotonic() - started

    assert submitted_to_case_page(response), (response.status_code, response.content[:500])
    assert waited < 15, f"the applicant waited {waited:.1f} s for a broker that is down"
    application = Application.objects.get(draft=draft)
    assert client.get(response["Location"]).status_code == 200
    assert CaseProcess.objects.filter(application=application).exists()
    assert document_kinds(application) == []
    assert submission_email(application) is None

    stack.redis.start()
    wait_for(
        "the package, the receipt and the e-mail once Redis is back",
        lambda: document_kinds(application) == BOTH and submission_email(application),
        240,
        0.5,
        log=worker,
    )
    assert application.events.filter(kind=CaseEvent.Kind.SUBMITTED).count() == 1
    assert NotificationLog.objects.filter(application=application, kind=CaseEvent.Kind.SUBMITTED).count() == 1
    assert "Subject: " in worker.output() and application.case_number in worker.output()


@pytest.mark.s3
def test_a_submission_while_the_s3_server_is_down_loses_nothing_and_its_documents_are_stored_when_it_is_back(
    private_s3, stack
):
    draft = ready_draft()  # the photo and the scan are stored in S3 while it is up
    uploaded = {a.file.name: a.sha256 for a in draft.attachments.all()}
    client = applicant_client(draft.applicant)
    url, form = sign_form(client, draft)
    worker = stack.worker("worker", beat=True)
    wait_for("the worker is ready", lambda: " ready." in worker.output(), 120, log=worker)

    stack.s3.stop()
    response = client.post(url, form)

    assert submitted_to_case_page(response), (response.status_code, response.content[:500])
    application = Application.objects.get(draft=draft)
    wait_for("the worker tried and failed to render", lambda: "Retry in" in worker.output(), 120, log=worker)
    assert document_kinds(application) == []

    stack.s3.start()
    wait_for(
        "the package and the receipt once S3 is back",
        lambda: document_kinds(application) == BOTH,
        240,
        0.5,
        log=worker,
    )
    import hashlib

    stored = stack.s3.objects()
    for document in application.documents.all():
        assert hashlib.sha256(stored[document.file.name]).hexdigest() == document.sha256
    for name, sha256 in uploaded.items():
        assert hashlib.sha256(stored[name]).hexdigest() == sha256
    assert application.attachments.count() == len(uploaded)
