"""Downloads only for the case's applicant; the public verification page tells nothing personal; S3 downloads."""

from __future__ import annotations

import urllib.request

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from applications.services import access_code
from documents.models import DocumentKind
from documents.services import issue_submission_documents, verification_url
from documents.storage import read_file, sha256_hex
from tests.documents.cases import submit_sample
from tests.factories import ApplicantFactory, EmployerFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("signing_dir")]
VERIFY = reverse("documents:verify")


@pytest.fixture
def case():
    application = submit_sample()
    package, receipt = issue_submission_documents(application.pk)
    return application, package, receipt


def download(document) -> str:
    return reverse("documents:download", kwargs={"document_id": document.public_id})


def pdf_of(document) -> bytes:
    with document.file.open("rb") as handle:
        return handle.read()


def test_the_applicant_downloads_their_receipt(client, case):
    application, _package, receipt = case
    client.force_login(application.applicant)
    response = client.get(download(receipt))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_of(receipt)
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"].startswith("attachment;")


@pytest.mark.parametrize("who", ["another applicant", "employer"])
def test_nobody_else_downloads_the_documents_of_a_case(client, case, who):
    client.force_login(ApplicantFactory() if who == "another applicant" else EmployerFactory())
    for document in case[1:]:
        assert client.get(download(document)).status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in(client, case):
    response = client.get(download(case[2]))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def personal_data(application) -> list[str]:
    return [
        application.surname,
        application.given_names,
        application.applicant.email,
        access_code(application),
        application.applicant.get_full_name(),
    ]


def test_verification_with_the_right_digest_says_issued_and_intact_and_nothing_personal(visitor, case):
    application, package, _receipt = case
    response = visitor.get(VERIFY, {"case": application.case_number, "sha256": package.sha256.upper()})
    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["digest_result"] == {
        "found": True,
        "kind": "Application package",
        "issued_at": package.created_at,
        "intact": True,
        "lapsed_at": None,
        "lapse_reason": "",
    }
    assert "Such a document was issued" in page and "The document is intact" in page
    for value in personal_data(application):
        assert value not in page, value


def test_the_qr_link_of_the_receipt_opens_a_filled_in_check(visitor, case, settings):
    application, package, _receipt = case
    url = verification_url(application.case_number, package.sha256)
    assert url.startswith(settings.SITE_URL + VERIFY)
    response = visitor.get(url.removeprefix(settings.SITE_URL))
    assert response.context["digest_result"]["found"]
    assert application.case_number in response.content.decode()  # the form keeps what was checked


def test_verification_with_a_wrong_digest_or_case_finds_nothing(visitor, case):
    application, package, _receipt = case
    for query in (
        {"case": application.case_number, "sha256": sha256_hex(b"another file")},
        {"case": "02/2020/000001", "sha256": package.sha256},
    ):
        response = visitor.get(VERIFY, query)
        assert response.context["digest_result"] == {"found": False}
        assert "No such document" in response.content.decode()


def test_a_stored_file_that_changed_is_reported_as_not_intact(visitor, case, settings):
    from pathlib import Path

    application, package, _receipt = case
    path = Path(settings.MEDIA_ROOT, package.file.name)
    path.write_bytes(path.read_bytes() + b"%")
    response = visitor.get(VERIFY, {"case": application.case_number, "sha256": package.sha256})
    assert response.context["digest_result"]["found"] and not response.context["digest_result"]["intact"]


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"case": "14-2026-1", "sha256": "a" * 64}, "case", "for example 14/2026/000123"),
        ({"case": "14/2026/000001", "sha256": "xyz"}, "sha256", "exactly 64 characters"),
        ({"case": "14/2026/000001", "sha256": "a" * 63 + "g"}, "sha256", "exactly 64 characters"),
    ],
)
def test_malformed_input_gets_a_message_on_its_field(visitor, query, field, message):
    response = visitor.get(VERIFY, query)
    form = response.context["digest_form"]
    assert list(form.errors) == [field] and message in form.errors[field][0]
    assert "digest_result" not in response.context


def upload(visitor, content: bytes, name: str = "document.pdf"):
    return visitor.post(VERIFY, {"file": SimpleUploadedFile(name, content, content_type="application/pdf")})


def test_an_uploaded_receipt_is_recognised_and_its_seal_validates(visitor, case):
    application, _package, receipt = case
    response = upload(visitor, pdf_of(receipt))
    result = response.context["upload_result"]
    assert result["found"] and result["kind"] == "Official receipt (UPO)"
    assert result["signature"].ok
    page = response.content.decode()
    assert "This file is a document issued by MOS" in page
    for value in personal_data(application):
        assert value not in page, value


def test_a_tampered_upload_is_neither_issued_nor_intact(visitor, case):
    data = bytearray(pdf_of(case[2]))
    data[len(data) // 3] ^= 0x01
    result = upload(visitor, bytes(data)).context["upload_result"]
    assert not result["found"]
    assert not result["signature"].intact and not result["signature"].ok


def test_an_upload_that_is_not_a_pdf_or_too_big_is_refused_with_a_message(visitor, settings):
    errors = upload(visitor, b"GIF89a not a pdf").context["upload_form"].errors
    assert "not a PDF" in errors["file"][0]
    settings.DOCUMENTS_VERIFY_MAX_UPLOAD_BYTES = 2 * 2**20
    errors = upload(visitor, b"%PDF-1.7\n" + b"0" * (2 * 2**20)).context["upload_form"].errors
    assert "too big: at most 2 MB" in errors["file"][0]


def test_checks_are_throttled_per_address(visitor, settings):
    settings.DOCUMENTS_VERIFY_RATE_PER_MINUTE = 3
    query = {"case": "14/2026/000001", "sha256": "a" * 64}
    assert [visitor.get(VERIFY, query).status_code for _ in range(3)] == [200, 200, 200]
    response = visitor.get(VERIFY, query)
    assert response.status_code == 429 and response["Retry-After"] == "60"
    assert "Too many checks from your address" in response.content.decode()
    assert upload(visitor, b"%PDF-1.7").status_code == 429
    assert visitor.get(VERIFY).status_code == 200  # the empty form is never counted


@pytest.mark.s3
def test_on_s3_the_document_is_stored_and_downloaded_through_a_presigned_url(s3_storage, client):
    application = submit_sample()
    _package, receipt = issue_submission_documents(application.pk)
    stored = read_file(receipt.file.name)
    assert sha256_hex(stored) == receipt.sha256
    assert s3_storage.exists(receipt.file.name)
    client.force_login(application.applicant)
    response = client.get(download(receipt))
    assert response.status_code == 302 and response["Cache-Control"] == "private, no-store"
    assert "X-Amz-Signature=" in response["Location"]
    with urllib.request.urlopen(response["Location"], timeout=10) as fetched:  # noqa: S310 - our test server
        assert fetched.read() == stored
    assert receipt.kind == DocumentKind.RECEIPT
