"""The employer signs its annex with the same methods before it counts for the application."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from applications import services
from applications.case_models import AnnexStatus
from applications.signatures.checks import FAILURES
from tests.factories import ApplicantFactory, EmployerFactory
from tests.identity.pki import pades_sign
from tests.samples import employer_payload


@pytest.fixture
def employer(db):
    return EmployerFactory(first_name="Marek", last_name="Zieliński")


@pytest.fixture
def annex(employer):
    draft = services.start_draft(applicant=ApplicantFactory(), slug="temporary-residence-work")
    annex = services.start_annex(employer=employer, code=services.create_annex_link_code(draft=draft))
    for step, answers in employer_payload(annex.definition.version).items():
        annex = services.save_step_answers(draft=annex, step_key=step, answers=answers)
    return annex


def check_url(annex) -> str:
    return reverse("applications:annex-check", kwargs={"annex_id": annex.public_id})


def download(client, annex) -> bytes:
    page = client.post(check_url(annex), {"method": "qualified"})
    # The employer's annex is Annex 1 by name; an institution's annex is "the annex" (its own title above).
    assert page.status_code == 200 and (
        b"Download Annex 1 to sign" in page.content or b"Download the annex to sign" in page.content
    )
    response = client.get(reverse("documents:annex-signing-package", kwargs={"annex_id": annex.public_id}))
    return b"".join(response.streaming_content)


def upload(client, annex, signed: bytes):
    return client.post(
        check_url(annex), {"method": "qualified", "signed_file": SimpleUploadedFile("a.pdf", signed, "application/pdf")}
    )


@pytest.mark.slow
def test_an_annex_signed_by_the_employer_with_a_qualified_signature_is_complete(
    client, employer, annex, trusted_ca, tmp_path
):
    client.force_login(employer)
    package = download(client, annex)
    signed = pades_sign(package, trusted_ca.issue(given_name="Marek", surname="Zielinski"), trusted_ca, tmp_path)
    response = upload(client, annex, signed)
    assert response.status_code == 302
    annex.refresh_from_db()
    assert annex.status == AnnexStatus.COMPLETE and annex.signature_method == "qualified"
    assert annex.signature_evidence["signer_name"] == "Marek Zielinski"


@pytest.mark.slow
def test_an_annex_signed_by_someone_else_is_not_linked(client, employer, annex, trusted_ca, tmp_path):
    client.force_login(employer)
    package = download(client, annex)
    signed = pades_sign(package, trusted_ca.issue(given_name="Jan", surname="Nowak"), trusted_ca, tmp_path)
    response = upload(client, annex, signed)
    assert response.status_code == 200 and str(FAILURES["signer"]) in response.content.decode()
    annex.refresh_from_db()
    assert annex.status == AnnexStatus.DRAFT
    assert "annex" in {e.step for e in services.check_draft(annex.draft)}


def test_an_annex_signed_with_the_employers_trusted_profile_is_complete(client, employer, annex, trusted_profile):
    import requests

    client.force_login(employer)
    response = client.post(check_url(annex), {"method": "trusted_profile"})
    assert response.status_code == 302
    answer = requests.post(
        response["Location"],
        data={"given_name": "MAREK", "surname": "ZIELIŃSKI", "pesel": "", "action": "sign"},
        allow_redirects=False,
        timeout=10,
    )
    back = answer.headers["Location"].split("testserver", 1)[-1]
    assert client.get(back).status_code == 302
    annex.refresh_from_db()
    assert annex.status == AnnexStatus.COMPLETE and annex.signature_method == "trusted_profile"


def test_an_annex_cannot_be_completed_without_a_signature(client, employer, annex, settings):
    settings.SIGNATURE_PASSWORD_CONFIRMATION = False
    client.force_login(employer)
    response = client.post(check_url(annex), {})
    assert response.status_code == 200
    annex.refresh_from_db()
    assert annex.status == AnnexStatus.DRAFT
