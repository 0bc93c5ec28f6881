"""The certificate of legal stay (art. 108): issued once, verifiable like the receipt, and shown as lapsed after."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from applications.case_models import DocumentKind
from documents.models import LapseReason
from workflows import appeals, services
from workflows.certificates import issue_legal_stay_certificate

from .conftest import answer_consultations, review_and_decide, submit_case, take, take_fingerprints

pytestmark = pytest.mark.django_db


def free_of_defects(django_capture_on_commit_callbacks, officer, *, within_legal_stay=True):
    application = submit_case(django_capture_on_commit_callbacks)
    services.complete_formal_check(
        task=take(application, "formal_check", officer),
        user=officer,
        complete=True,
        within_legal_stay=within_legal_stay,
    )
    return application


def verify(client, certificate) -> str:
    url = reverse("documents:verify")
    query = {"case": certificate.application.case_number, "document": str(certificate.public_id)}
    return client.get(url, query).content.decode()


def test_the_certificate_is_issued_once_and_verifiable_like_the_receipt(
    client, django_capture_on_commit_callbacks, officer
):
    application = free_of_defects(django_capture_on_commit_callbacks, officer)
    certificate = application.documents.get(kind=DocumentKind.LEGAL_STAY_CERTIFICATE)
    assert certificate.signed and certificate.delivery.made_available_at
    assert issue_legal_stay_certificate(application) == certificate
    assert application.documents.filter(kind=DocumentKind.LEGAL_STAY_CERTIFICATE).count() == 1

    page = verify(client, certificate)
    assert "Such a document was issued" in page and "Certificate of legal stay" in page
    assert "no longer has effect" not in page
    with certificate.file.open("rb") as pdf:
        upload = SimpleUploadedFile("certificate.pdf", pdf.read(), content_type="application/pdf")
    uploaded = client.post(reverse("documents:verify"), {"file": upload}).content.decode()
    assert "This file is a document issued by MOS" in uploaded


def test_no_certificate_when_the_officer_does_not_confirm_the_legal_stay(django_capture_on_commit_callbacks, officer):
    application = free_of_defects(django_capture_on_commit_callbacks, officer, within_legal_stay=False)
    assert not application.documents.filter(kind=DocumentKind.LEGAL_STAY_CERTIFICATE).exists()


def test_the_certificate_lapses_when_the_decision_is_final_and_verify_says_so(
    client, django_capture_on_commit_callbacks, officer
):
    application = free_of_defects(django_capture_on_commit_callbacks, officer)
    take_fingerprints(application, officer)
    answer_consultations(application, officer)
    review_and_decide(application, officer)
    certificate = application.documents.get(kind=DocumentKind.LEGAL_STAY_CERTIFICATE)
    assert certificate.lapsed_at is None  # issued, not yet final: the stay stays legal (art. 108)
    appeals.waive_appeal(application=application, user=application.applicant)
    certificate.refresh_from_db()
    assert certificate.lapsed_at is not None and certificate.lapse_reason == LapseReason.FINAL_DECISION
    page = verify(client, certificate)
    assert "This document no longer has effect" in page and "the decision in the case was issued" in page


def test_an_unknown_certificate_link_finds_nothing(client, django_capture_on_commit_callbacks, officer):
    application = free_of_defects(django_capture_on_commit_callbacks, officer)
    page = client.get(reverse("documents:verify"), {"case": application.case_number, "document": "not-a-uuid"})
    assert page.status_code == 200 and "No such document" in page.content.decode()
