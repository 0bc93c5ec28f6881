"""The employer fills Annex 1 with the applicant's one-time code; the work permit needs it to be submitted."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from applications import services
from applications.case_models import AnnexStatus, EmployerAnnex
from formdefs.steps import answers_to_data
from tests.factories import PASSWORD, ApplicantFactory, EmployerFactory
from tests.samples import applicant_payload, employer_payload

pytestmark = pytest.mark.django_db


def post_annex_step(client, annex, step, answers):
    data = answers_to_data(annex.definition.spec.step(step), answers)
    data[f"draft_v{annex.definition.version}-current_step"] = [step]
    return client.post(reverse("applications:annex-step", kwargs={"annex_id": annex.public_id, "step": step}), data)


def test_the_employer_links_annex_1_with_the_code_and_the_applicant_sees_it(client):
    applicant, employer = ApplicantFactory(), EmployerFactory()
    draft = services.start_draft(applicant=applicant, slug="temporary-residence-work")
    client.force_login(applicant)
    page = client.post(reverse("applications:draft-annex", kwargs={"draft_id": draft.public_id}))
    code = re.search(r'class="code">([A-Z0-9-]+)<', page.content.decode()).group(1)

    client.force_login(employer)
    response = client.post(reverse("applications:employer-dashboard"), {"code": code})
    annex = EmployerAnnex.objects.get(employer=employer)
    assert annex.draft == draft and response.status_code == 302
    for step, answers in employer_payload(annex.definition.version).items():
        assert post_annex_step(client, annex, step, answers).status_code == 302, step
    client.post(
        reverse("applications:annex-check", kwargs={"annex_id": annex.public_id}),
        {"method": "password", "password": PASSWORD},
    )
    annex.refresh_from_db()
    assert annex.status == AnnexStatus.COMPLETE

    # The code worked once.
    again = client.post(reverse("applications:employer-dashboard"), {"code": code})
    assert again.status_code == 200 and again.context["form"].has_error("code")

    client.force_login(applicant)
    check = client.get(reverse("applications:draft-check", kwargs={"draft_id": draft.public_id}))
    assert "has completed Annex 1" in check.content.decode()


def test_a_work_permit_cannot_be_submitted_without_the_annex():
    applicant = ApplicantFactory()
    draft = services.start_draft(applicant=applicant, slug="temporary-residence-work")
    for step, answers in applicant_payload("temporary-residence-work").items():
        draft = services.save_step_answers(draft=draft, step_key=step, answers=answers)
    assert "annex" in {e.step for e in services.check_draft(draft)}


def test_a_wrong_or_expired_code_is_refused_with_a_message(client, time_machine):
    applicant, employer = ApplicantFactory(), EmployerFactory()
    draft = services.start_draft(applicant=applicant, slug="temporary-residence-work")
    time_machine.move_to(timezone.now() - timedelta(days=15))
    code = services.create_annex_link_code(draft=draft)  # made 15 days ago: valid for 14
    time_machine.move_to(timezone.now() + timedelta(days=15))
    client.force_login(employer)
    wrong = client.post(reverse("applications:employer-dashboard"), {"code": "AAAA-BBBB-CCCC"})
    assert wrong.context["form"].has_error("code")
    late = client.post(reverse("applications:employer-dashboard"), {"code": code})
    assert late.context["form"].has_error("code") and not EmployerAnnex.objects.exists()


def test_a_permit_without_an_annex_offers_no_code(client):
    applicant = ApplicantFactory()
    draft = services.start_draft(applicant=applicant, slug="temporary-residence")
    client.force_login(applicant)
    assert client.post(reverse("applications:draft-annex", kwargs={"draft_id": draft.public_id})).status_code == 403
