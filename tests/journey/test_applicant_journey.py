"""The applicant's journey through the test client: start, fill, attach, check, sign, submit, withdraw."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from applications.case_models import Application, ApplicationStatus, Draft, DraftStatus
from formdefs.steps import wizard_steps
from tests.factories import PASSWORD, ApplicantFactory
from tests.journey.helpers import fill_every_step, jpeg_bytes, pdf_bytes, post_step, step_url
from tests.samples import applicant_payload

pytestmark = pytest.mark.django_db

REQUIRED_FILES = {
    "photo": ("photo.jpg", jpeg_bytes(), "image/jpeg"),  # the 2026 photo: JPEG, 684 x 883 at least, 35:45
}


def start(client, slug: str = "temporary-residence") -> Draft:
    response = client.post(reverse("applications:start"), {"permit_type": slug})
    assert response.status_code == 302
    draft = Draft.objects.latest("created_at")
    assert response.url == step_url(draft, wizard_steps(draft.definition.spec)[0].key)
    return draft


def attach_everything_required(client, draft: Draft) -> None:
    from applications.services import missing_attachments

    for key in missing_attachments(draft):
        name, content, kind = REQUIRED_FILES.get(key, (f"{key}.pdf", pdf_bytes(), "application/pdf"))
        response = client.post(
            reverse("applications:draft-attachments", kwargs={"draft_id": draft.public_id}),
            {"requirement": key, "file": SimpleUploadedFile(name, content, content_type=kind)},
        )
        assert response.status_code == 302, response.context["form"].errors


def test_an_applicant_fills_in_attaches_checks_signs_and_submits(client):
    applicant = ApplicantFactory()
    client.force_login(applicant)
    draft = start(client)
    assert draft.definition.version == 2 and draft.status == DraftStatus.OPEN  # the newest published version

    fill_every_step(client, draft, applicant_payload("temporary-residence"))
    draft.refresh_from_db()
    assert draft.answers["personal"]["surname"] == "KOWALENKO"

    check = client.get(reverse("applications:draft-check", kwargs={"draft_id": draft.public_id}))
    assert check.status_code == 200 and not check.context["can_sign"]  # the documents are still missing

    attach_everything_required(client, draft)
    check = client.get(reverse("applications:draft-check", kwargs={"draft_id": draft.public_id}))
    assert check.context["can_sign"], check.context["other_errors"]

    sign_url = reverse("applications:draft-sign", kwargs={"draft_id": draft.public_id})
    wrong = client.post(sign_url, {"declaration_false_statement": "on", "password": "not-my-password"})
    assert wrong.status_code == 200 and wrong.context["form"].has_error("password")
    unticked = client.post(sign_url, {"password": PASSWORD})
    assert unticked.context["form"].has_error("declaration_false_statement")

    response = client.post(sign_url, {"declaration_false_statement": "on", "password": PASSWORD})
    application = Application.objects.get(draft=draft)
    assert response.status_code == 302
    assert application.case_number.startswith("14/") and application.case_number.endswith("/000001")
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.declaration_confirmed_by == applicant and application.declaration_ip == "127.0.0.1"
    assert application.answers["declaration"]["declaration_false_statement"] is True
    assert application.attachments.count() == draft.attachments.count() > 0

    page = client.get(response.url)
    assert application.case_number in page.content.decode()

    # A second click, another tab, a retry: still one application.
    again = client.post(sign_url, {"declaration_false_statement": "on", "password": PASSWORD})
    assert again.status_code == 302 and Application.objects.filter(applicant=applicant).count() == 1


def test_an_invalid_step_shows_errors_and_keeps_what_was_typed(client):
    client.force_login(ApplicantFactory())
    draft = start(client)
    answers = dict(applicant_payload("temporary-residence")["personal"], date_of_birth="2999-01-01", surname="")
    response = post_step(client, draft, "personal", answers)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html and 'href="#id_surname"' in html
    assert 'value="SHEVCHENKO"' in html  # what was typed is still there
    draft.refresh_from_db()
    assert "personal" not in draft.answers


def test_a_draft_is_resumed_on_another_device_at_the_first_unfinished_step(client):
    applicant = ApplicantFactory()
    client.force_login(applicant)
    draft = start(client)
    payload = applicant_payload("temporary-residence")
    post_step(client, draft, "personal", payload["personal"])
    post_step(client, draft, "personal_more", payload["personal_more"])

    from django.test import Client

    other_device = Client()
    other_device.force_login(applicant)
    response = other_device.get(reverse("applications:draft-resume", kwargs={"draft_id": draft.public_id}))
    assert response.url == step_url(draft, "residence")
    page = other_device.get(step_url(draft, "personal"))
    assert 'value="KOWALENKO"' in page.content.decode()


def test_a_file_is_judged_by_its_bytes_not_its_name(client):
    client.force_login(ApplicantFactory())
    draft = start(client)
    url = reverse("applications:draft-attachments", kwargs={"draft_id": draft.public_id})
    fake = SimpleUploadedFile("passport.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf")
    response = client.post(url, {"requirement": "travel_document_copy", "file": fake})
    assert response.status_code == 200 and response.context["form"].has_error("file")
    assert draft.attachments.count() == 0


def test_an_attachment_is_listed_downloaded_by_its_owner_only_and_removed(client):
    owner = ApplicantFactory()
    client.force_login(owner)
    draft = start(client)
    url = reverse("applications:draft-attachments", kwargs={"draft_id": draft.public_id})
    client.post(
        url,
        {
            "requirement": "travel_document_copy",
            "file": SimpleUploadedFile("paszport.pdf", pdf_bytes(), content_type="application/pdf"),
        },
    )
    attachment = draft.attachments.get()
    assert len(attachment.sha256) == 64 and attachment.size > 0
    download = reverse("applications:attachment-download", kwargs={"attachment_id": attachment.public_id})
    response = client.get(download)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")

    client.force_login(ApplicantFactory())
    assert client.get(download).status_code == 404

    client.force_login(owner)
    remove = reverse("applications:attachment-remove", kwargs={"attachment_id": attachment.public_id})
    assert client.post(remove).status_code == 302
    assert draft.attachments.count() == 0


def test_a_draft_can_be_deleted(client):
    client.force_login(ApplicantFactory())
    draft = start(client)
    response = client.post(reverse("applications:draft-delete", kwargs={"draft_id": draft.public_id}))
    assert response.status_code == 302 and not Draft.objects.filter(pk=draft.pk).exists()


def test_a_submitted_application_can_be_withdrawn_once(client, submitted_application):
    application = submitted_application
    client.force_login(application.applicant)
    url = reverse("applications:case-withdraw", kwargs={"case_id": application.public_id})
    assert client.get(url).status_code == 200
    client.post(url)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN and application.withdrawn_at
    assert application.events.filter(kind="withdrawn").count() == 1
    client.post(url)
    assert application.events.filter(kind="withdrawn").count() == 1
