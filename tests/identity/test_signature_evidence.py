"""The receipt only after a verified signature, naming the method truly; the package embeds the signature's evidence;
the password confirmation only where development allows it."""

from __future__ import annotations

import io
import json

import pytest
from django.urls import reverse

from applications import services
from applications.signing import SignatureRefused, available_signature_methods
from documents.models import Document, DocumentKind
from documents.services import UnsignedApplication, issue_submission_documents
from documents.signing_package import signing_package
from mos.identity_settings import identity_settings
from tests.factories import PASSWORD
from tests.identity.pki import pades_sign


def submit_with_qualified_signature(draft, applicant, ca, tmp_path):
    request = signing_package(draft=draft, signer=applicant)
    signed = pades_sign(request.document.read(), ca.issue(given_name="Oksana", surname="Kowalenko"), ca, tmp_path)
    return services.submit_draft(
        draft_id=draft.pk,
        applicant=applicant,
        signature_method="qualified",
        credentials={"request": request.public_id, "signed": signed},
        ip="127.0.0.1",
        declaration_confirmed=True,
        language="uk",
    ), signed


def pdf_text_and_files(document: Document) -> tuple[str, dict[str, bytes]]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(document.file.read()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    files = {name: contents[0] for name, contents in reader.attachments.items()}
    return text, files


@pytest.mark.slow
def test_the_package_embeds_the_signature_evidence_and_the_receipt_names_the_method(
    applicant, draft, trusted_ca, tmp_path
):
    application, signed = submit_with_qualified_signature(draft, applicant, trusted_ca, tmp_path)
    package, receipt = issue_submission_documents(application.pk)
    text, files = pdf_text_and_files(package)
    evidence = json.loads(files["signature.json"])
    assert evidence["method"] == "qualified" and evidence["signer_name"] == "Oksana Kowalenko"
    assert files["podpis-wnioskodawcy.pdf"] == signed
    assert "kwalifikowany podpis elektroniczny" in text.lower()
    receipt_text, _files = pdf_text_and_files(receipt)
    assert "kwalifikowany podpis elektroniczny" in receipt_text.lower()
    assert "Кваліфікований електронний підпис" in receipt_text  # the applicant's language
    assert "hasłem" not in receipt_text


def test_no_receipt_is_issued_for_an_application_without_a_verified_signature(applicant, draft, settings):
    application = services.submit_draft(
        draft_id=draft.pk,
        applicant=applicant,
        signature_method="password",
        credentials={"password": PASSWORD},
        ip=None,
        declaration_confirmed=True,
    )
    settings.SIGNATURE_PASSWORD_CONFIRMATION = False  # a production that switched the development method off
    with pytest.raises(UnsignedApplication):
        issue_submission_documents(application.pk)
    assert not Document.objects.filter(application=application, kind=DocumentKind.RECEIPT).exists()


def test_the_password_confirmation_is_off_without_debug_unless_a_setting_enables_it(monkeypatch):
    monkeypatch.delenv("SIGNATURE_PASSWORD_CONFIRMATION", raising=False)
    assert identity_settings(debug=False)["SIGNATURE_PASSWORD_CONFIRMATION"] is False
    assert identity_settings(debug=True)["SIGNATURE_PASSWORD_CONFIRMATION"] is True
    monkeypatch.setenv("SIGNATURE_PASSWORD_CONFIRMATION", "1")
    assert identity_settings(debug=False)["SIGNATURE_PASSWORD_CONFIRMATION"] is True


def test_with_the_development_method_off_a_password_does_not_submit(signed_in, applicant, draft, settings):
    settings.SIGNATURE_PASSWORD_CONFIRMATION = False
    assert "password" not in available_signature_methods()
    url = reverse("applications:draft-sign", kwargs={"draft_id": draft.public_id})
    page = signed_in.get(url)
    assert b'value="password"' not in page.content and b'value="qualified"' in page.content
    response = signed_in.post(url, {"declaration_false_statement": "on", "method": "password", "password": PASSWORD})
    assert response.status_code == 200 and not hasattr(draft, "application")
    with pytest.raises(SignatureRefused) as refused:
        services.submit_draft(
            draft_id=draft.pk,
            applicant=applicant,
            signature_method="password",
            credentials={"password": PASSWORD},
            ip=None,
            declaration_confirmed=True,
        )
    assert refused.value.check == "method_off"
