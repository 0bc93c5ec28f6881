"""Every applicant URL refuses another applicant, an employer, an officer and an anonymous visitor."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.second_factor import current_code
from applications import services
from tests.factories import PASSWORD, ApplicantFactory, EmployerFactory, StaffFactory
from tests.journey.helpers import pdf_bytes

pytestmark = pytest.mark.django_db


def verified_login(client, user) -> None:
    client.post(reverse("accounts:login"), {"email": user.email, "password": PASSWORD})
    if user.needs_second_factor:
        client.post(reverse("accounts:login-second-factor"), {"token": current_code(user.totp_device)})


@pytest.fixture
def owned(submitted_application):
    """An applicant with a submitted case and an open draft with an attachment."""
    applicant = submitted_application.applicant
    draft = services.start_draft(applicant=applicant, slug="temporary-residence-work")
    attachment = services.add_attachment(
        draft=draft,
        requirement="travel_document_copy",
        upload=SimpleUploadedFile("p.pdf", pdf_bytes(), content_type="application/pdf"),
    )
    return {"applicant": applicant, "case": submitted_application, "draft": draft, "attachment": attachment}


def applicant_urls(owned) -> list[tuple[str, str]]:
    draft, case, attachment = owned["draft"], owned["case"], owned["attachment"]
    d = {"draft_id": draft.public_id}
    return [
        ("get", reverse("applications:draft-resume", kwargs=d)),
        ("get", reverse("applications:draft-step", kwargs={**d, "step": "personal"})),
        ("post", reverse("applications:draft-step", kwargs={**d, "step": "personal"})),
        ("get", reverse("applications:draft-attachments", kwargs=d)),
        ("post", reverse("applications:draft-attachments", kwargs=d)),
        ("get", reverse("applications:draft-annex", kwargs=d)),
        ("post", reverse("applications:draft-annex", kwargs=d)),
        ("get", reverse("applications:draft-check", kwargs=d)),
        ("get", reverse("applications:draft-sign", kwargs=d)),
        ("post", reverse("applications:draft-sign", kwargs=d)),
        ("get", reverse("applications:draft-delete", kwargs=d)),
        ("post", reverse("applications:draft-delete", kwargs=d)),
        ("get", reverse("applications:attachment-download", kwargs={"attachment_id": attachment.public_id})),
        ("post", reverse("applications:attachment-remove", kwargs={"attachment_id": attachment.public_id})),
        ("get", reverse("applications:case", kwargs={"case_id": case.public_id})),
        ("get", reverse("applications:case-withdraw", kwargs={"case_id": case.public_id})),
        ("post", reverse("applications:case-withdraw", kwargs={"case_id": case.public_id})),
    ]


@pytest.mark.parametrize("intruder", ["other applicant", "employer", "officer", "anonymous"])
def test_nobody_else_reaches_an_applicants_drafts_cases_or_files(client, owned, intruder):
    if intruder == "other applicant":
        verified_login(client, ApplicantFactory())
        refused = {404}
    elif intruder == "employer":
        verified_login(client, EmployerFactory())
        refused = {403, 404}
    elif intruder == "officer":
        verified_login(client, StaffFactory())
        refused = {403, 404}
    else:
        refused = {302}
    for method, url in applicant_urls(owned):
        response = getattr(client, method)(url)
        assert response.status_code in refused, (intruder, method, url, response.status_code)
        if response.status_code == 302:
            assert response.url.startswith(reverse("accounts:login"))
    owned["draft"].refresh_from_db()
    owned["case"].refresh_from_db()
    assert owned["case"].status == "submitted" and owned["draft"].attachments.count() == 1


def test_the_owner_reaches_all_of_them(client, owned):
    verified_login(client, owned["applicant"])
    for method, url in applicant_urls(owned):
        if method == "get":
            assert client.get(url, follow=True).status_code == 200, url


@pytest.mark.parametrize("who", ["employer", "officer", "anonymous"])
def test_only_applicants_start_applications(client, who):
    if who == "employer":
        verified_login(client, EmployerFactory())
    elif who == "officer":
        verified_login(client, StaffFactory())
    response = client.post(reverse("applications:start"), {"permit_type": "temporary-residence"})
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url.startswith(reverse("accounts:login"))


def test_an_employer_sees_only_their_own_annexes(client, submitted_application):
    from applications.case_models import EmployerAnnex
    from formdefs.models import FormDefinition

    first, second = EmployerFactory(), EmployerFactory()
    annex = EmployerAnnex.objects.create(
        employer=first, definition=FormDefinition.objects.get(slug="employer-annex-1", version=1)
    )
    verified_login(client, second)
    assert client.get(reverse("applications:annex-check", kwargs={"annex_id": annex.public_id})).status_code == 404
    step = reverse("applications:annex-step", kwargs={"annex_id": annex.public_id, "step": "employer"})
    assert client.get(step).status_code == 404
    verified_login(client, ApplicantFactory())
    assert client.get(step).status_code == 403
