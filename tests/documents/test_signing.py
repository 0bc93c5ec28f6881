"""The office seal: a PAdES signature that validates against our certificate and breaks on any change."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography import x509

from documents.rendering import render_pdf
from documents.signing import DEV_COMMON_NAME, ensure_dev_seal, sign_pdf, verify_pdf_signature
from tests.documents.helpers import reader, xmp
from tests.documents.samples import CASE_NUMBER, receipt_context


@pytest.fixture(scope="module")
def receipt_pdf():
    return render_pdf("documents/receipt.html", receipt_context(), language="pl", title="UPO", case_number=CASE_NUMBER)


def seal(pdf: bytes) -> bytes:
    return sign_pdf(pdf, reason="Urzędowe poświadczenie odbioru", location="Warszawa")


def test_sealed_receipt_validates_against_the_office_certificate(signing_dir, receipt_pdf):
    result = verify_pdf_signature(seal(receipt_pdf))
    assert (result.intact, result.valid, result.trusted, result.covers_whole_file) == (True, True, True, True)
    assert result.ok
    assert result.signer_name == DEV_COMMON_NAME
    assert result.signed_at is not None


def test_signing_is_an_incremental_update_that_keeps_the_pdf_a_document(signing_dir, receipt_pdf):
    signed = seal(receipt_pdf)
    assert signed.startswith(receipt_pdf)
    assert 'pdfaid:part="3"' in xmp(signed)
    assert reader(signed).pages[0].extract_text() == reader(receipt_pdf).pages[0].extract_text()


def test_a_changed_byte_breaks_the_seal(signing_dir, receipt_pdf):
    signed = bytearray(seal(receipt_pdf))
    signed[len(receipt_pdf) // 2] ^= 0x01
    result = verify_pdf_signature(bytes(signed))
    assert result.intact is False
    assert not result.ok


def test_bytes_appended_after_signing_are_not_covered(signing_dir, receipt_pdf):
    result = verify_pdf_signature(seal(receipt_pdf) + b"\n%% appended\n")
    assert result.intact and not result.covers_whole_file and not result.ok


def test_an_unsigned_document_is_not_valid(signing_dir, receipt_pdf):
    assert not verify_pdf_signature(receipt_pdf).ok


def test_development_seal_is_made_once_with_the_key_usage_of_a_seal(tmp_path: Path):
    key, cert_path = ensure_dev_seal(tmp_path)
    assert ensure_dev_seal(tmp_path) == (key, cert_path)
    first = cert_path.read_bytes()
    ensure_dev_seal(tmp_path)
    assert cert_path.read_bytes() == first
    cert = x509.load_pem_x509_certificate(first)
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment
    assert cert.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)[0].value == DEV_COMMON_NAME


def test_configured_key_files_are_used_instead_of_the_development_seal(tmp_path, settings, receipt_pdf):
    key, cert = ensure_dev_seal(tmp_path / "production")
    settings.DOCUMENT_SIGNING_KEY_FILE, settings.DOCUMENT_SIGNING_CERT_FILE = str(key), str(cert)
    settings.DOCUMENT_SIGNING_DEV_DIR = str(tmp_path / "unused")
    assert verify_pdf_signature(seal(receipt_pdf)).ok
    assert not (tmp_path / "unused").exists()
