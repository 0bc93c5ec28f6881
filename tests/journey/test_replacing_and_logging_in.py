"""A file is replaced in place and the same file as two documents is warned about; logging in keeps the language
the person chose and lands on "My applications"; dates read the same way everywhere."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from applications import services
from applications.case_models import Attachment
from formdefs.api import FieldType, display_answer
from formdefs.schema import FieldSpec
from tests.factories import PASSWORD, ApplicantFactory
from tests.journey.helpers import jpeg_bytes, pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def applicant_with_draft(client):
    applicant = ApplicantFactory()
    client.force_login(applicant)
    client.cookies["django_language"] = "en"
    return client, services.start_draft(applicant=applicant, slug="temporary-residence")


def _attach(client, draft, requirement: str, name: str, content: bytes, kind: str):
    return client.post(
        reverse("applications:draft-attachments", kwargs={"draft_id": draft.public_id}),
        {"requirement": requirement, "file": SimpleUploadedFile(name, content, content_type=kind)},
        follow=True,
    )


def test_an_attachment_is_replaced_by_a_new_file_for_the_same_document(applicant_with_draft):
    client, draft = applicant_with_draft
    _attach(client, draft, "photo", "first.jpg", jpeg_bytes(), "image/jpeg")
    old = draft.attachments.get()
    page = client.get(reverse("applications:draft-attachments", kwargs={"draft_id": draft.public_id}))
    replace_url = reverse("applications:attachment-replace", kwargs={"attachment_id": old.public_id})
    assert replace_url in page.content.decode()

    response = client.post(
        replace_url, {"file": SimpleUploadedFile("better.jpg", jpeg_bytes(770, 990), content_type="image/jpeg")}
    )

    assert response.status_code == 302
    new = draft.attachments.get()
    assert new.original_name == "better.jpg" and new.requirement == "photo" and new.pk != old.pk
    assert not Attachment.objects.filter(pk=old.pk).exists()


def test_a_refused_replacement_keeps_the_file_that_was_attached(applicant_with_draft):
    client, draft = applicant_with_draft
    _attach(client, draft, "photo", "first.jpg", jpeg_bytes(), "image/jpeg")
    old = draft.attachments.get()
    response = client.post(
        reverse("applications:attachment-replace", kwargs={"attachment_id": old.public_id}),
        {"file": SimpleUploadedFile("notes.txt", b"just text", content_type="text/plain")},
    )
    assert response.status_code == 200 and 'id="id_file_error"' in response.content.decode()
    assert list(draft.attachments.all()) == [old]


def test_another_applicant_cannot_replace_my_file(applicant_with_draft, client):
    owner_client, draft = applicant_with_draft
    _attach(owner_client, draft, "photo", "first.jpg", jpeg_bytes(), "image/jpeg")
    attachment = draft.attachments.get()
    client.force_login(ApplicantFactory())
    url = reverse("applications:attachment-replace", kwargs={"attachment_id": attachment.public_id})
    assert client.get(url).status_code == 404
    assert (
        client.post(url, {"file": SimpleUploadedFile("x.jpg", jpeg_bytes(), content_type="image/jpeg")}).status_code
        == 404
    )


def test_the_same_file_attached_as_two_different_documents_is_warned_about(applicant_with_draft):
    client, draft = applicant_with_draft
    others = [r.key for r in draft.definition.spec.attachments if r.key != "photo" and "application/pdf" in r.accept]
    assert len(others) >= 2
    content = pdf_bytes()
    _attach(client, draft, others[0], "scan.pdf", content, "application/pdf")
    response = _attach(client, draft, others[1], "scan.pdf", content, "application/pdf")
    warnings = [str(m) for m in get_messages(response.wsgi_request)] + [str(m) for m in response.context["messages"]]
    html = response.content.decode()
    assert "is the same file as the one you attached as" in html or any("same file" in w for w in warnings)
    assert html.count("The same file is also attached as") == 2  # marked on both rows, until it is put right


def test_logging_in_keeps_the_language_chosen_and_lands_on_my_applications(client):
    applicant = ApplicantFactory(preferred_language="uk")
    client.post(reverse("accounts:switch-language"), {"language": "pl", "next": "/"})
    response = client.post(reverse("accounts:login"), {"email": applicant.email, "password": PASSWORD})
    assert response.status_code == 302 and response.url == reverse("applications:dashboard")
    assert client.cookies["django_language"].value == "pl"
    applicant.refresh_from_db()
    assert applicant.preferred_language == "pl"
    assert '<html lang="pl"' in client.get(response.url).content.decode()


def test_the_home_page_offers_to_continue_a_draft(applicant_with_draft):
    client, draft = applicant_with_draft
    html = client.get("/").content.decode()
    assert reverse("applications:draft-resume", kwargs={"draft_id": draft.public_id}) in html


@pytest.mark.parametrize(("language", "shown"), [("pl", "15.03.1990"), ("en", "15 March 1990")])
def test_a_date_answer_reads_as_the_one_date_filter_writes_it(language, shown):
    field = FieldSpec(
        key="date_of_birth", type=FieldType.DATE, label={"pl": "Data", "en": "Date", "uk": "Дата", "ru": "Дата"}
    )
    with translation.override(language):
        assert display_answer(field, date(1990, 3, 15).isoformat(), language=language) == shown
