"""A case worked through the officer and supervisor pages, and the applicant's supplement page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from viewflow.workflow.status import PROCESS

from applications.case_models import ApplicationStatus
from documents.models import DocumentKind
from tests.journey.helpers import pdf_bytes
from workflows import appeals
from workflows.models import AuditEntry, CaseProcess, Decision

from .conftest import login_through_pages, open_task, staff_login, submit_case

#: What the officer ticks when the applicant came: fingerprints, signature specimen, original travel document.
APPEARED = {"fingerprints": "on", "signature_specimen": "on", "travel_document_seen": "on"}

pytestmark = pytest.mark.django_db


def task_url(application, node):
    return reverse("workflows:task", kwargs={"task_id": open_task(application, node).pk})


def claim(client, application, node):
    task = open_task(application, node)
    response = client.post(reverse("workflows:task-claim", kwargs={"task_id": task.pk}))
    assert response.status_code == 302 and response.url == task_url(application, node)
    return task_url(application, node)


def work(client, application, node, data, *, claim_first=True):
    url = claim(client, application, node) if claim_first else task_url(application, node)
    assert client.get(url).status_code == 200
    response = client.post(url, data)
    if response.status_code == 200 and "Send the letter" in response.content.decode():
        response = client.post(url, {"confirm": "1"})  # the letter was shown as a draft: send it
    assert response.status_code == 302, response.content.decode()[:3000]


def test_officer_takes_a_case_from_the_queue_and_works_it_to_a_grant_approved_by_the_supervisor(
    client, django_capture_on_commit_callbacks, officer, supervisor
):
    application = submit_case(django_capture_on_commit_callbacks)
    login_through_pages(client, officer)
    queue = client.get(reverse("workflows:queue"))
    assert application.case_number in queue.content.decode()

    url = claim(client, application, "formal_check")
    page = client.get(url).content.decode()
    assert "KOWALENKO" in page  # the whole application, its attachments and documents
    assert all(a.original_name in page for a in application.attachments.all())
    assert client.post(url, {"complete": "no", "defects": ""}).status_code == 400
    work(
        client,
        application,
        "formal_check",
        {"complete": "no", "defects": "Brak fotografii\nBrak podpisu"},
        claim_first=False,
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.AWAITING_SUPPLEMENT

    applicant = application.applicant
    client.force_login(applicant)
    case_page = client.get(reverse("applications:case", kwargs={"case_id": application.public_id})).content.decode()
    supplement_url = reverse("workflows:supplement", kwargs={"case_id": application.public_id})
    assert supplement_url in case_page
    assert "Brak fotografii" in client.get(supplement_url).content.decode()
    response = client.post(
        supplement_url,
        {
            "message": "Przesyłam zdjęcie",
            "files": [SimpleUploadedFile("zdjecie.pdf", pdf_bytes(), content_type="application/pdf")],
        },
    )
    assert response.status_code == 302

    staff_login(client, officer)
    assert application.case_number in client.get(reverse("workflows:inbox")).content.decode()
    work(client, application, "formal_check_again", {"complete": "yes"}, claim_first=False)
    when = (timezone.localtime() + timedelta(days=8)).strftime("%Y-%m-%dT10:00")  # the summons goes 7 days ahead
    work(client, application, "book_appointment", {"starts_at": when, "place": "ul. Długa 5, sala 12"})
    work(client, application, "fingerprints", {"outcome": "taken", **APPEARED}, claim_first=False)
    for node in ("consult_border_guard", "consult_police", "consult_abw"):
        work(client, application, node, {"answer": "no_objections"})
    work(client, application, "review", {"conditions": ["purpose", "insurance"], "notes": "", "proposed": "refusal"})
    # The officer grants although the review proposed a refusal: a supervisor must approve.
    work(
        client,
        application,
        "decide",
        {"kind": "grant", "valid_from": timezone.localdate().isoformat(), "valid_to": "2028-12-31"},  # all asked
        claim_first=False,
    )
    assert Decision.objects.get(application=application).needs_approval

    staff_login(client, supervisor)
    work(client, application, "approve", {"approved": "yes", "note": ""})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECISION_ISSUED
    decision_document = application.documents.get(kind=DocumentKind.DECISION)

    appeals.waive_appeal(application=application, user=applicant)  # the decision is final: the card follows
    dashboard = client.get(reverse("workflows:dashboard")).content.decode()
    assert "Residence card" in dashboard

    staff_login(client, officer)
    work(
        client,
        application,
        "residence_card",
        {"number": "rp1234567", "ready_at": (timezone.localtime() + timedelta(days=20)).strftime("%Y-%m-%dT09:00")},
    )
    assert CaseProcess.objects.get(application=application).status == PROCESS.DONE
    download = client.get(reverse("workflows:document-download", kwargs={"document_id": decision_document.public_id}))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")

    client.force_login(applicant)
    mine = client.get(reverse("documents:download", kwargs={"document_id": decision_document.public_id}))
    assert mine.status_code == 200
    actions = set(AuditEntry.objects.filter(application=application).values_list("action", flat=True))
    assert {
        "task.claimed",
        "formal_check.completed",
        "appointment.booked",
        "fingerprints.recorded",
        "consultation.recorded",
        "review.proposed",
        "decision.made",
        "decision.approved",
        "residence_card.recorded",
        "document.downloaded",
    } <= actions
    assert AuditEntry.objects.filter(action="task.claimed", ip="127.0.0.1").exists()


def test_the_applicant_picks_a_free_slot_and_gets_the_summons(
    client, django_capture_on_commit_callbacks, officer, other_office_officer
):
    from applications.case_models import CaseEvent
    from workflows.models import Appointment, AppointmentSlot

    application = submit_case(django_capture_on_commit_callbacks)
    elsewhere = AppointmentSlot.objects.create(
        office=other_office_officer.staff_membership.office,
        starts_at=timezone.now() + timedelta(days=9),
        place="Kraków",
    )
    slot = AppointmentSlot.objects.create(
        office=application.office, starts_at=timezone.now() + timedelta(days=8), place="ul. Długa 5, stanowisko 2"
    )
    staff_login(client, officer)
    work(client, application, "formal_check", {"complete": "yes"})
    url = reverse("workflows:appointment", kwargs={"case_id": application.public_id})
    assert application.events.filter(kind=CaseEvent.Kind.APPOINTMENT, action_url=url).exists()

    client.force_login(application.applicant)
    page = client.get(url).content.decode()
    assert "stanowisko 2" in page and "Kraków" not in page
    assert client.post(url, {"slot": elsewhere.pk}).status_code == 400
    assert client.post(url, {"slot": slot.pk}).status_code == 302
    appointment = Appointment.objects.get(application=application)
    assert appointment.slot == slot and appointment.booked_by == application.applicant
    assert application.documents.filter(kind=DocumentKind.SUMMONS).exists()
    assert "already arranging" in client.get(url).content.decode()

    fingerprints = open_task(application, "fingerprints")
    assert fingerprints.owner is None  # to the office's queue, not to the applicant
    staff_login(client, officer)
    work(client, application, "fingerprints", {"outcome": "taken", **APPEARED})


def test_behind_a_trusted_proxy_the_audit_records_the_officers_address(
    client, officer, django_capture_on_commit_callbacks, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    application = submit_case(django_capture_on_commit_callbacks)
    staff_login(client, officer)
    task = open_task(application, "formal_check")
    client.post(
        reverse("workflows:task-claim", kwargs={"task_id": task.pk}),
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.1, 192.0.2.33",
    )
    assert AuditEntry.objects.get(action="task.claimed", application=application).ip == "192.0.2.33"
