"""Issue 13: the EU Blue Card with its employer's annex, the institutions' annexes linked by the one-time code, the
annex prefilled from the application (#17), and the start page for the permits not filed in MOS."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from applications import services
from applications.case_models import AnnexStatus, EmployerAnnex
from formdefs.steps import answers_to_data
from tests.factories import PASSWORD, ApplicantFactory, EmployerFactory
from tests.samples import annex_payload, applicant_payload, ready_draft

pytestmark = pytest.mark.django_db


def post_annex_step(client, annex, step, answers):
    data = answers_to_data(annex.definition.spec.step(step), answers)
    data[f"draft_v{annex.definition.version}-current_step"] = [step]
    return client.post(reverse("applications:annex-step", kwargs={"annex_id": annex.public_id, "step": step}), data)


def draft_for(slug: str, **purpose):
    draft = services.start_draft(applicant=ApplicantFactory(), slug=slug)
    payload = applicant_payload(slug, draft.definition.version)
    payload["purpose"].update(purpose)
    for step, answers in payload.items():
        draft = services.save_step_answers(draft=draft, step_key=step, answers=answers)
    return draft


def test_the_blue_card_applicant_files_after_the_employer_fills_the_annex_by_code(client):
    applicant, employer = ApplicantFactory(), EmployerFactory()
    draft = services.start_draft(applicant=applicant, slug="eu-blue-card")
    assert draft.definition.spec.layout == "2026"
    for step, answers in applicant_payload("eu-blue-card").items():
        draft = services.save_step_answers(draft=draft, step_key=step, answers=answers)
    assert "annex" in {e.step for e in services.check_draft(draft)}  # no annex yet

    client.force_login(applicant)
    page = client.post(reverse("applications:draft-annex", kwargs={"draft_id": draft.public_id}))
    code = re.search(r'class="code">([A-Z0-9-]+)<', page.content.decode()).group(1)

    client.force_login(employer)
    assert client.post(reverse("applications:employer-dashboard"), {"code": code}).status_code == 302
    annex = EmployerAnnex.objects.get(employer=employer)
    assert annex.definition.slug == "eu-blue-card-employer"
    # the foreign worker's part comes from the application (#17)
    assert annex.answers["foreigner"]["surname"] == "KOWALENKO"
    first = client.get(reverse("applications:annex-step", kwargs={"annex_id": annex.public_id, "step": "employer"}))
    assert reverse("applications:employer-dashboard") in first.content.decode()
    assert "Back to my applications" not in first.content.decode()

    payload = annex_payload("eu-blue-card-employer")
    low = {**payload["work"], "monthly_pay": "9000.00"}
    refused = post_annex_step(client, annex, "work", low)
    assert refused.status_code == 200
    assert "For an EU Blue Card the gross monthly pay must be at least" in refused.content.decode()
    for step, answers in payload.items():
        assert post_annex_step(client, annex, step, answers).status_code == 302, step
    client.post(
        reverse("applications:annex-check", kwargs={"annex_id": annex.public_id}),
        {"method": "password", "password": PASSWORD},
    )
    annex.refresh_from_db()
    assert annex.status == AnnexStatus.COMPLETE

    draft = ready_draft(applicant, "eu-blue-card", employer=employer)  # a second draft, by the services
    application = services.submit_draft(
        draft_id=draft.pk,
        applicant=applicant,
        signature_method="password",
        credentials={"password": PASSWORD},
        ip="127.0.0.1",
        declaration_confirmed=True,
        language="en",
    )
    assert application.case_number and application.definition.slug == "eu-blue-card"


@pytest.mark.parametrize(
    ("purpose", "annex_slug"),
    [
        ("studies", "annex-university"),
        ("research", "annex-research-host"),
        ("training", "annex-trainee-organiser"),
    ],
)
def test_an_institution_links_its_annex_by_the_code_and_the_draft_then_passes(purpose, annex_slug):
    draft = draft_for("temporary-residence", purpose_of_stay=purpose)
    required = services.annex_definition_for(draft)
    assert required is not None and required.slug == annex_slug
    assert "annex" in {e.step for e in services.check_draft(draft)}
    institution = EmployerFactory()
    annex = services.start_annex(employer=institution, code=services.create_annex_link_code(draft=draft))
    assert annex.definition.slug == annex_slug and annex.answers["foreigner"]["given_names"] == "OKSANA"
    for step, answers in annex_payload(annex_slug).items():
        annex = services.save_step_answers(draft=annex, step_key=step, answers=answers)
    services.complete_annex(
        annex=annex, employer=institution, signature_method="password", credentials={"password": PASSWORD}
    )
    draft.refresh_from_db()
    assert "annex" not in {e.step for e in services.check_draft(draft)}


def test_a_purpose_without_an_institution_needs_no_annex():
    draft = draft_for("temporary-residence", purpose_of_stay="family_reunification")
    assert services.annex_definition_for(draft) is None


def test_a_2026_work_draft_gets_annex_1_version_2_and_a_2019_draft_keeps_version_1():
    new = draft_for("temporary-residence-work")
    assert services.annex_definition_for(new).version == 2
    from formdefs.models import FormDefinition

    old = services.start_draft(applicant=ApplicantFactory(), slug="temporary-residence-work")
    old.definition = FormDefinition.objects.get(slug="temporary-residence-work", version=1)
    old.save(update_fields=["definition"])
    assert services.annex_definition_for(old).version == 1


def test_the_start_page_sends_intra_corporate_transfer_and_family_from_abroad_to_the_information_page(client):
    client.force_login(ApplicantFactory())
    page = client.get(reverse("applications:start")).content.decode()
    assert "106k" in page and "106l" in page
    link = reverse("information:not-in-mos")
    assert f'href="{link}"' in page
    assert 'value="intra-corporate-transfer"' not in page
    assert 'value="eu-blue-card"' in page
    info = client.get(link)
    assert info.status_code == 200 and "host entity" in info.content.decode()
    # Nor does the 2026 temporary residence form offer the transfer as a purpose it could then be filed under.
    draft = services.start_draft(applicant=ApplicantFactory(), slug="temporary-residence")
    purposes = draft.definition.spec.step("purpose").items[0]
    assert purposes.key == "purpose_of_stay" and draft.definition.version == 2
    assert "intra_corporate_transfer" not in {choice.value for choice in purposes.choices}


def test_the_employer_downloads_a_pdf_of_the_annex_it_filed_and_nobody_else_can(client):
    employer, other = EmployerFactory(), EmployerFactory()
    draft = ready_draft(slug="temporary-residence-work", employer=employer)
    annex = draft.employer_annex
    assert annex.status == AnnexStatus.COMPLETE and annex.definition.version == 2
    url = reverse("documents:annex-filed-pdf", kwargs={"annex_id": annex.public_id})
    client.force_login(employer)
    check = client.get(reverse("applications:annex-check", kwargs={"annex_id": annex.public_id}))
    assert url in check.content.decode()
    response = client.get(url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    client.force_login(other)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("language", "own_name", "not_annex_1"),
    [
        ("pl", "Załącznik: zaświadczenie uczelni", "Załącznik nr 1"),
        ("en", "Annex: the university&#x27;s statement", "Annex 1"),
        ("uk", "Додаток: довідка закладу вищої освіти", "Додаток 1"),
        ("ru", "Приложение: справка вуза", "Приложение 1"),
    ],
)
def test_a_university_sees_the_name_of_its_own_annex_and_not_annex_1(client, settings, language, own_name, not_annex_1):
    """The university fills its annex through the employer's one-time code: its list, the check page and the message
    after signing name the university's annex (the form's own title), in the language of the page."""
    draft = draft_for("temporary-residence", purpose_of_stay="studies")
    university = EmployerFactory()
    annex = services.start_annex(employer=university, code=services.create_annex_link_code(draft=draft))
    for step, answers in annex_payload("annex-university").items():
        annex = services.save_step_answers(draft=annex, step_key=step, answers=answers)
    client.force_login(university)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    pages = [
        client.get(reverse("applications:employer-dashboard")).content.decode(),
        client.get(reverse("applications:annex-check", kwargs={"annex_id": annex.public_id})).content.decode(),
    ]
    signed = client.post(
        reverse("applications:annex-check", kwargs={"annex_id": annex.public_id}),
        {"method": "password", "password": PASSWORD},
        follow=True,
    )
    annex.refresh_from_db()
    assert annex.status == AnnexStatus.COMPLETE
    pages.append(str(next(iter(signed.context["messages"]))))
    for page in pages:
        assert own_name in page.replace("'", "&#x27;")
        assert not_annex_1 not in page


def test_a_student_is_told_the_university_fills_the_annex_and_the_university_signs_the_annex_not_annex_1(client):
    draft = draft_for("temporary-residence", purpose_of_stay="studies")
    client.force_login(draft.applicant)
    page = client.post(reverse("applications:draft-annex", kwargs={"draft_id": draft.public_id})).content.decode()
    assert "The annex from the institution" in page and "Code for the institution:" in page
    assert "employer" not in page.lower() and "Annex 1" not in page
    code = re.search(r'class="code">([A-Z0-9-]+)<', page).group(1)

    university = EmployerFactory()
    client.force_login(university)
    assert client.post(reverse("applications:employer-dashboard"), {"code": code}).status_code == 302
    annex = EmployerAnnex.objects.get(employer=university)
    for step, answers in annex_payload("annex-university").items():
        assert post_annex_step(client, annex, step, answers).status_code == 302, step
    check = client.get(reverse("applications:annex-check", kwargs={"annex_id": annex.public_id})).content.decode()
    assert "Check the annex" in check and "Sign, complete and link the annex" in check and "Annex 1" not in check


def test_the_blue_card_applicant_is_told_the_employer_fills_the_annex_not_annex_1(client):
    draft = services.start_draft(applicant=ApplicantFactory(), slug="eu-blue-card")
    client.force_login(draft.applicant)
    page = client.get(reverse("applications:draft-annex", kwargs={"draft_id": draft.public_id})).content.decode()
    assert "The annex from your employer" in page and "Annex 1" not in page


def test_a_completed_annex_offers_no_change_link_into_its_closed_wizard(client):
    employer = EmployerFactory()
    annex = ready_draft(slug="temporary-residence-work", employer=employer).employer_annex
    client.force_login(employer)
    check = client.get(reverse("applications:annex-check", kwargs={"annex_id": annex.public_id})).content.decode()
    assert "Annex 1 (complete)" in check
    assert reverse("applications:annex-step", kwargs={"annex_id": annex.public_id, "step": "employer"}) not in check
