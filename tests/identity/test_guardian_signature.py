"""A parent or guardian signs a child's application: their certificate counts, the child's would not; the guardian
is named on the package and the receipt."""

from __future__ import annotations

import pytest

from applications import services
from applications.signatures.checks import SignatureRefused
from documents.services import issue_submission_documents
from documents.signing_package import signing_package
from tests.factories import ApplicantFactory
from tests.identity.pki import pades_sign
from tests.identity.test_signature_evidence import pdf_text_and_files
from tests.samples import applicant_payload, ready_draft


@pytest.fixture
def guardian(db):
    return ApplicantFactory(first_name="Maria", last_name="Kowalenko")


@pytest.fixture
def childs_draft(guardian):
    draft = ready_draft(guardian)
    draft.filed_by_guardian = True
    draft.save(update_fields=["filed_by_guardian"])
    personal = {
        **applicant_payload("temporary-residence")["personal"],
        "given_names": "TARAS",
        "date_of_birth": "2016-04-02",
    }
    return services.save_step_answers(draft=draft, step_key="personal", answers=personal)


def submit(draft, guardian, certificate, ca, tmp_path):
    request = signing_package(draft=draft, signer=guardian)
    signed = pades_sign(request.document.read(), certificate, ca, tmp_path)
    return services.submit_draft(
        draft_id=draft.pk,
        applicant=guardian,
        signature_method="qualified",
        credentials={"request": request.public_id, "signed": signed},
        ip=None,
        declaration_confirmed=True,
    )


@pytest.mark.slow
def test_a_childs_application_signed_by_the_guardian_names_the_guardian_on_the_package_and_receipt(
    guardian, childs_draft, trusted_ca, tmp_path
):
    application = submit(
        childs_draft, guardian, trusted_ca.issue(given_name="Maria", surname="Kowalenko"), trusted_ca, tmp_path
    )
    assert application.guardian == guardian and application.given_names == "TARAS"
    package, receipt = issue_submission_documents(application.pk)
    package_text, _files = pdf_text_and_files(package)
    receipt_text, _files = pdf_text_and_files(receipt)
    assert "Maria Kowalenko" in package_text and "TARAS" in package_text
    assert "Maria Kowalenko" in receipt_text and "Przedstawiciel ustawowy" in receipt_text


@pytest.mark.slow
def test_a_childs_application_signed_with_the_childs_own_certificate_is_refused(
    guardian, childs_draft, trusted_ca, tmp_path
):
    with pytest.raises(SignatureRefused) as refused:
        submit(childs_draft, guardian, trusted_ca.issue(given_name="Taras", surname="Kowalenko"), trusted_ca, tmp_path)
    assert refused.value.check == "signer"


@pytest.mark.slow
def test_the_letters_of_a_childs_case_name_the_guardian_who_acts_for_the_child(
    guardian, childs_draft, trusted_ca, tmp_path
):
    from tests.documents.helpers import pdf_text
    from workflows.letters import call_to_supplement_letter, preview
    from workflows.models import SupplementRequest

    application = submit(
        childs_draft, guardian, trusted_ca.issue(given_name="Maria", surname="Kowalenko"), trusted_ca, tmp_path
    )
    call = SupplementRequest(application=application, defects=["Brak fotografii"], requested_by=guardian, days=14)
    text = pdf_text(preview(application, call_to_supplement_letter(application, call)))
    assert "TARAS" in text and "przedstawiciela ustawowego: Maria Kowalenko" in " ".join(text.split())
