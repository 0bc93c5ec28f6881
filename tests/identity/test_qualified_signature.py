"""A qualified electronic signature (PAdES) over the package we hand out: each failed check refused with its message."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from applications.case_models import Application, DraftStatus
from applications.signature_models import SigningRequest, SigningRequestStatus
from applications.signatures.checks import FAILURES
from tests.identity.pki import TestCA, pades_sign, qc_statements

DECLARATION = {"declaration_false_statement": "on"}


def sign_url(draft) -> str:
    return reverse("applications:draft-sign", kwargs={"draft_id": draft.public_id})


def download_package(client, draft) -> bytes:
    """Choose the qualified signature (the declarations ticked), then download the package to sign."""
    page = client.post(sign_url(draft), {**DECLARATION, "method": "qualified"})
    assert page.status_code == 200 and b"Download the application package" in page.content
    response = client.get(reverse("documents:draft-signing-package", kwargs={"draft_id": draft.public_id}))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return b"".join(response.streaming_content)


def upload(client, draft, signed: bytes):
    return client.post(
        sign_url(draft),
        {
            **DECLARATION,
            "method": "qualified",
            "signed_file": SimpleUploadedFile("signed.pdf", signed, "application/pdf"),
        },
    )


def oksana(ca: TestCA, **kwargs):
    return ca.issue(given_name="Oksana", surname="Kowalenko", **kwargs)


def assert_refused(response, draft, check: str) -> None:
    assert response.status_code == 200
    assert str(FAILURES[check]) in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == DraftStatus.OPEN and not Application.objects.filter(draft=draft).exists()


@pytest.mark.slow
def test_a_qualified_signature_over_our_package_by_the_applicant_is_accepted(signed_in, draft, trusted_ca, tmp_path):
    package = download_package(signed_in, draft)
    signed = pades_sign(package, oksana(trusted_ca), trusted_ca, tmp_path)
    response = upload(signed_in, draft, signed)
    assert response.status_code == 302 and "submitted=1" in response["Location"]
    application = Application.objects.get(draft=draft)
    assert application.signature_method == "qualified"
    assert application.signature_evidence["signer_name"] == "Oksana Kowalenko"
    assert "MOS Test Qualified Trust Service Provider" in application.signature_evidence["certificate_issuer"]
    request = application.signing_request
    assert request.status == SigningRequestStatus.VERIFIED
    assert request.signed_document.read() == signed and request.document.read() == package


@pytest.mark.slow
def test_a_signed_package_with_one_changed_byte_is_refused(signed_in, draft, trusted_ca, tmp_path):
    package = download_package(signed_in, draft)
    signed = bytearray(pades_sign(package, oksana(trusted_ca), trusted_ca, tmp_path))
    signed[len(package) // 2] ^= 0x01  # one byte of the signed package
    assert_refused(upload(signed_in, draft, bytes(signed)), draft, "integrity")


@pytest.mark.slow
def test_a_signed_document_that_is_not_our_package_is_refused(signed_in, draft, trusted_ca, tmp_path):
    from tests.journey.helpers import pdf_bytes

    download_package(signed_in, draft)
    other = pades_sign(pdf_bytes(), oksana(trusted_ca), trusted_ca, tmp_path)
    assert_refused(upload(signed_in, draft, other), draft, "not_our_package")


@pytest.mark.slow
def test_a_qualified_signature_from_an_untrusted_ca_is_refused(signed_in, draft, trusted_ca, tmp_path):
    package = download_package(signed_in, draft)
    stranger = TestCA("Somebody's Own CA")
    assert_refused(
        upload(signed_in, draft, pades_sign(package, oksana(stranger), stranger, tmp_path)), draft, "untrusted"
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    "qc",
    [None, qc_statements(compliance=False), qc_statements(sscd=False), qc_statements(qc_type="0.4.0.1862.1.6.2")],
    ids=["no-qc-statements", "no-qc-compliance", "key-not-in-qscd", "a-seal-not-a-signature"],
)
def test_a_signature_with_a_non_qualified_certificate_is_refused(signed_in, draft, trusted_ca, tmp_path, qc):
    package = download_package(signed_in, draft)
    certificate = oksana(trusted_ca, qualified=False, qc=qc)
    assert_refused(
        upload(signed_in, draft, pades_sign(package, certificate, trusted_ca, tmp_path)), draft, "not_qualified"
    )


@pytest.mark.slow
def test_a_signature_with_an_expired_certificate_is_refused(signed_in, draft, trusted_ca, tmp_path):
    package = download_package(signed_in, draft)
    now = datetime.now(UTC)
    expired = oksana(trusted_ca, not_before=now - timedelta(days=800), not_after=now - timedelta(days=1))
    assert_refused(upload(signed_in, draft, pades_sign(package, expired, trusted_ca, tmp_path)), draft, "validity")


@pytest.mark.slow
def test_a_signature_by_someone_else_is_refused(signed_in, draft, trusted_ca, tmp_path):
    package = download_package(signed_in, draft)
    somebody = trusted_ca.issue(given_name="Jan", surname="Nowak")
    assert_refused(upload(signed_in, draft, pades_sign(package, somebody, trusted_ca, tmp_path)), draft, "signer")


@pytest.mark.slow
def test_a_signature_with_a_revoked_certificate_is_refused_when_the_crl_says_so(
    signed_in, draft, trusted_ca, tmp_path, settings
):
    package = download_package(signed_in, draft)
    revoked = oksana(trusted_ca)
    trusted_ca.revoke(revoked)
    crl = tmp_path / "ca.crl"
    crl.write_bytes(trusted_ca.crl_der())
    settings.QUALIFIED_SIGNATURE_CRL_FILES = str(crl)
    assert_refused(upload(signed_in, draft, pades_sign(package, revoked, trusted_ca, tmp_path)), draft, "revoked")


@pytest.mark.slow
def test_a_package_signed_before_the_application_changed_is_refused_as_stale(signed_in, draft, trusted_ca, tmp_path):
    from applications import services

    package = download_package(signed_in, draft)
    signed = pades_sign(package, oksana(trusted_ca), trusted_ca, tmp_path)
    services.save_step_answers(
        draft=draft, step_key="personal", answers={**draft.answers["personal"], "father_name": "IVAN"}
    )
    response = upload(signed_in, draft, signed)
    # The package for the changed application is a new one: the old signature is over the old bytes.
    assert_refused(response, draft, "stale")
    assert SigningRequest.objects.filter(draft=draft, status=SigningRequestStatus.PENDING).count() == 1


def test_an_upload_that_is_not_a_signed_pdf_is_refused(signed_in, draft, trusted_ca):
    download_package(signed_in, draft)
    assert_refused(upload(signed_in, draft, b"%PDF-1.7 not really"), draft, "not_signed")
