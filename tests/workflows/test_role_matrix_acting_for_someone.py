"""The role matrix for acting for someone: a representative (power of attorney, 17 PLN, checked by the office) sees
the case, answers calls and files letters, never signs; a guardian files for a child from their own account."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from applications import services
from applications.case_models import ApplicationStatus, Draft
from applications.representation import appoint_representative
from applications.representation_models import PowerOfAttorneyStatus
from tests.factories import PASSWORD, ApplicantFactory
from tests.journey.helpers import pdf_bytes
from workflows import services as workflow_services
from workflows.representation import check_power_of_attorney

from .conftest import submit_case, take

pytestmark = pytest.mark.django_db


def pdf(name: str = "pelnomocnictwo.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


@pytest.fixture
def case(django_capture_on_commit_callbacks):
    return submit_case(django_capture_on_commit_callbacks)


@pytest.fixture
def lawyer(db):
    return ApplicantFactory(first_name="Anna", last_name="Adwokat")


def appoint(case, lawyer):
    return appoint_representative(
        application=case,
        party=case.applicant,
        representative_email=lawyer.email,
        power_of_attorney=pdf(),
        stamp_duty_proof=pdf("oplata-17-zl.pdf"),
    )


def accepted(case, lawyer, officer):
    return check_power_of_attorney(
        representation=appoint(case, lawyer), officer=officer, accepted=True, stamp_duty_paid_pln=Decimal("17")
    )


def test_a_representative_sees_the_case_only_once_the_office_accepted_the_power_of_attorney(
    client, case, lawyer, officer
):
    representation = appoint(case, lawyer)
    client.force_login(lawyer)
    case_url = reverse("applications:case", kwargs={"case_id": case.public_id})
    assert client.get(case_url).status_code == 404
    check_power_of_attorney(
        representation=representation, officer=officer, accepted=True, stamp_duty_paid_pln=Decimal("17.00")
    )
    page = client.get(case_url)
    assert page.status_code == 200 and case.case_number in page.content.decode()
    assert "Withdraw the application" not in page.content.decode()  # the party's act, not shown to a representative


def test_a_power_of_attorney_without_its_17_pln_stamp_duty_is_not_accepted(case, lawyer, officer):
    representation = appoint(case, lawyer)
    with pytest.raises(ValidationError):
        check_power_of_attorney(
            representation=representation, officer=officer, accepted=True, stamp_duty_paid_pln=Decimal("10")
        )
    representation.refresh_from_db()
    assert representation.status == PowerOfAttorneyStatus.PENDING


def test_an_officer_of_another_office_cannot_check_the_power_of_attorney(case, lawyer, other_office_officer):
    with pytest.raises(PermissionDenied):
        check_power_of_attorney(
            representation=appoint(case, lawyer),
            officer=other_office_officer,
            accepted=True,
            stamp_duty_paid_pln=Decimal("17"),
        )


def test_only_the_party_appoints_a_representative(case, lawyer):
    with pytest.raises(PermissionDenied):
        appoint_representative(
            application=case,
            party=lawyer,
            representative_email=lawyer.email,
            power_of_attorney=pdf(),
            stamp_duty_proof=None,
        )


def test_an_accepted_representative_files_a_letter_and_a_stranger_cannot(client, case, lawyer, officer):
    accepted(case, lawyer, officer)
    url = reverse("applications:case-letter", kwargs={"case_id": case.public_id})
    client.force_login(lawyer)
    assert client.post(url, {"letter": pdf("pismo.pdf")}).status_code == 302
    assert case.attachments.filter(requirement="letter").count() == 1
    client.force_login(ApplicantFactory())
    assert client.post(url, {"letter": pdf("pismo.pdf")}).status_code == 404


def test_an_accepted_representative_answers_a_call_to_supplement(client, case, lawyer, officer):
    accepted(case, lawyer, officer)
    task = take(case, "formal_check", officer)
    workflow_services.complete_formal_check(task=task, user=officer, complete=False, defects=["Brak fotografii"])
    client.force_login(lawyer)
    response = client.post(
        reverse("workflows:supplement", kwargs={"case_id": case.public_id}),
        {"message": "W załączeniu zdjęcie", "files": pdf("zdjecie.pdf")},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == ApplicationStatus.FORMAL_CHECK


def test_a_representative_cannot_sign_the_application(client, lawyer, officer, django_capture_on_commit_callbacks):
    from tests.samples import ready_draft

    party = ApplicantFactory()
    draft = ready_draft(party)
    client.force_login(lawyer)
    sign_url = reverse("applications:draft-sign", kwargs={"draft_id": draft.public_id})
    assert client.get(sign_url).status_code == 404
    assert client.post(sign_url, {"declaration_false_statement": "on", "password": PASSWORD}).status_code == 404
    package_url = reverse("documents:draft-signing-package", kwargs={"draft_id": draft.public_id})
    assert client.get(package_url).status_code == 404
    with pytest.raises(Draft.DoesNotExist):
        services.submit_draft(
            draft_id=draft.pk,
            applicant=lawyer,
            signature_method="password",
            credentials={"password": PASSWORD},
            ip=None,
            declaration_confirmed=True,
        )
    draft.refresh_from_db()
    assert draft.status == "open"


def test_a_guardian_files_for_a_child_and_is_the_one_who_signs(client, db):
    from tests.samples import applicant_payload, ready_draft

    guardian = ApplicantFactory(first_name="Maria", last_name="Kowalenko")
    client.force_login(guardian)
    client.post(reverse("applications:start"), {"permit_type": "temporary-residence", "for_child": "1"})
    started = Draft.objects.get(applicant=guardian)
    assert started.filed_by_guardian
    draft = ready_draft(guardian)
    draft.filed_by_guardian = True
    draft.save(update_fields=["filed_by_guardian"])
    payload = applicant_payload("temporary-residence")
    services.save_step_answers(
        draft=draft,
        step_key="personal",
        answers={**payload["personal"], "given_names": "TARAS", "date_of_birth": "2016-04-02"},
    )
    application = services.submit_draft(
        draft_id=draft.pk,
        applicant=guardian,
        signature_method="password",
        credentials={"password": PASSWORD},
        ip=None,
        declaration_confirmed=True,
    )
    assert application.guardian == guardian and application.applicant == guardian
    assert (application.given_names, application.surname) == ("TARAS", "KOWALENKO")  # the child is the party


def test_a_guardian_cannot_file_for_an_adult(db):
    from tests.samples import ready_draft

    guardian = ApplicantFactory()
    draft = ready_draft(guardian)  # the sample person was born in 1990
    draft.filed_by_guardian = True
    draft.save(update_fields=["filed_by_guardian"])
    with pytest.raises(services.SubmissionError):
        services.submit_draft(
            draft_id=draft.pk,
            applicant=guardian,
            signature_method="password",
            credentials={"password": PASSWORD},
            ip=None,
            declaration_confirmed=True,
        )


def test_the_officer_reads_the_power_of_attorney_and_accepts_it_on_the_case_page(
    client, case, lawyer, officer, other_office_officer
):
    from .conftest import staff_login

    representation = appoint(case, lawyer)
    url = reverse("workflows:case-powers-of-attorney", kwargs={"case_id": case.public_id})
    file_url = reverse(
        "workflows:case-power-of-attorney-file",
        kwargs={"case_id": case.public_id, "representation_id": representation.pk, "which": "power-of-attorney"},
    )
    staff_login(client, other_office_officer)
    assert client.get(url).status_code == 404 and client.get(file_url).status_code == 404
    client.force_login(lawyer)
    assert client.get(url).status_code == 403
    staff_login(client, officer)
    page = client.get(url)
    assert page.status_code == 200 and "Anna Adwokat" in page.content.decode()
    assert b"".join(client.get(file_url).streaming_content) == pdf_bytes()
    unpaid = client.post(url, {"representation": representation.pk, "decision": "accept", "stamp_duty_paid_pln": "0"})
    assert unpaid.status_code == 400
    paid = client.post(url, {"representation": representation.pk, "decision": "accept", "stamp_duty_paid_pln": "17.00"})
    assert paid.status_code == 302
    representation.refresh_from_db()
    assert representation.status == PowerOfAttorneyStatus.ACCEPTED and representation.checked_by == officer
