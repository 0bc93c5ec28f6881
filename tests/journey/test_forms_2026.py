"""Version 2 of the temporary residence forms next to version 1: a draft keeps its version to the end; new drafts start
on version 2; the 2026 package prints "brak"; the fees and the legal-stay finding reach the pages and the API."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from applications import services
from documents.package import package_context
from formdefs.api import FormDefinition, FormDefinitionStatus, legal_stay_check, visible_wizard_steps
from formdefs.legal_stay import Finding
from formdefs.serialization import DEFINITIONS_DIR
from formdefs.services import import_definition
from tests.factories import PASSWORD, ApplicantFactory
from tests.journey.helpers import pdf_bytes, step_url
from tests.samples import ready_draft

pytestmark = pytest.mark.django_db

SLUG = "temporary-residence"


def back_to_version_1(slug: str = SLUG) -> None:
    """The database as it was before version 2 was published: version 1 the published one."""
    FormDefinition.objects.filter(slug=slug, version__gt=1).delete()
    FormDefinition.objects.filter(slug=slug, version=1).update(status=FormDefinitionStatus.PUBLISHED)


def publish_version_2(slug: str = SLUG) -> FormDefinition:
    return import_definition((DEFINITIONS_DIR / slug / "v2.json").read_text(encoding="utf-8"), publish=True)


def submit(draft):
    return services.submit_draft(
        draft_id=draft.pk,
        applicant=draft.applicant,
        signature_method="password",
        credentials={"password": PASSWORD},
        ip="127.0.0.1",
        declaration_confirmed=True,
        language="pl",
    )


@pytest.mark.parametrize("slug", [SLUG, "temporary-residence-work"])
def test_a_version_1_draft_continues_and_submits_after_version_2_is_published(slug):
    back_to_version_1(slug)
    old = ready_draft(slug=slug)
    assert old.definition.version == 1

    v2 = publish_version_2(slug)
    assert v2.status == FormDefinitionStatus.PUBLISHED
    assert FormDefinition.objects.get(slug=slug, version=1).status == FormDefinitionStatus.RETIRED

    new = services.start_draft(applicant=ApplicantFactory(), slug=slug)
    assert new.definition.version == 2, "new drafts start on the newest published version"

    old.refresh_from_db()
    old = services.save_step_answers(draft=old, step_key="means", answers=old.answers["means"])  # still editable
    application = submit(old)
    assert application.definition.version == 1 and application.definition.spec.layout == "2019"
    context = package_context(
        definition=application.definition.spec,
        answers=application.answers,
        case_number=application.case_number,
        office=application.office,
        submitted_at=application.submitted_at,
    )
    printed = [
        row["value"] for s in context["sections"] for e in s["entries"] if e["kind"] == "fields" for row in e["rows"]
    ]
    assert "NIE DOTYCZY" in printed and "brak" not in printed, "the 2019 layout to the end"


def test_a_version_2_application_submits_and_its_package_prints_brak_and_the_fees():
    draft = ready_draft(slug=SLUG)
    assert draft.definition.version == 2
    application = submit(draft)
    context = package_context(
        definition=application.definition.spec,
        answers=application.answers,
        case_number=application.case_number,
        office=application.office,
        submitted_at=application.submitted_at,
    )
    rows = {
        row["label"]: row["value"]
        for s in context["sections"]
        for e in s["entries"]
        if e["kind"] == "fields"
        for row in e["rows"]
    }
    assert rows["Nazwisko (nazwiska) poprzednie"] == "brak"
    assert rows["Seria i numer wizy"] == "POL12345678"
    assert "NIE DOTYCZY" not in rows.values()
    assert context["fees"].stamp_duty == 440 and context["fees"].residence_card == 100  # purpose: work


def test_the_check_answers_page_warns_when_the_application_would_be_late_and_shows_the_fees(client):
    draft = ready_draft(slug=SLUG)
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    stay = {**draft.answers["current_stay"], "legal_stay_until": yesterday, "last_entry_date": "2026-09-05"}
    draft = services.save_step_answers(draft=draft, step_key="current_stay", answers=stay)
    client.force_login(draft.applicant)
    page = client.get(reverse("applications:draft-check", kwargs={"draft_id": draft.public_id}))
    text = page.content.decode()
    assert page.context["legal_stay"].late
    assert "Your application would be late" in text and "certificate of legal stay" in text
    assert page.context["can_sign"], "late is a warning: the Act still lets the application be filed"
    assert page.context["fees"].stamp_duty == 440 and "What it costs" in text

    sign = client.get(reverse("applications:draft-sign", kwargs={"draft_id": draft.public_id}))
    assert "Your application would be late" in sign.content.decode()


def test_the_officers_case_page_shows_the_legal_stay_finding(client, django_capture_on_commit_callbacks, settings):
    from tests.factories import StaffFactory
    from tests.workflows.conftest import staff_login
    from workflows.selectors import case_file

    settings.DOCUMENTS_RENDER_ON_SUBMIT = False
    draft = ready_draft(slug=SLUG)
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    stay = {**draft.answers["current_stay"], "legal_stay_until": yesterday, "last_entry_date": "2026-09-05"}
    draft = services.save_step_answers(draft=draft, step_key="current_stay", answers=stay)
    with django_capture_on_commit_callbacks(execute=True):
        application = submit(draft)
    file = case_file(application, "en")
    assert file.legal_stay.late and file.legal_stay.field == "current_stay.legal_stay_until"
    staff_login(client, StaffFactory(office="14"))
    page = client.get(reverse("workflows:case", kwargs={"case_id": application.public_id}))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Filed within the legal stay" in text and "No: filed late" in text


def test_the_start_page_and_the_api_list_the_fees_by_purpose(client):
    client.force_login(ApplicantFactory())
    page = client.get(reverse("applications:start")).content.decode()
    assert "Stamp duty by purpose of stay" in page and "170 PLN" in page and "85 PLN" in page
    forms = {f["slug"]: f for f in client.get("/api/v1/forms").json()}
    assert forms[SLUG]["version"] == 2
    assert forms[SLUG]["fees"]["stamp_duty"]["by_purpose"]["seasonal_work"] == "170"
    assert forms["permanent-residence"]["fees"]["stamp_duty"]["default"] == "640"
    assert forms["eu-long-term-resident"]["fees"]["residence_card"] == "100"


def test_the_files_of_one_2026_application_take_at_most_50_mb(settings):
    draft = ready_draft(slug=SLUG)
    used = sum(draft.attachments.values_list("size", flat=True))
    big = draft.attachments.first()
    type(big).objects.filter(pk=big.pk).update(size=50 * 1024 * 1024 - used + big.size - 10)  # just below the limit
    with pytest.raises(ValidationError) as error:
        services.add_attachment(
            draft=draft, requirement="other", upload=SimpleUploadedFile("more.pdf", pdf_bytes(), "application/pdf")
        )
    assert error.value.code == "application_too_large"


# --- Asked once whether the applicant is in Poland (B.7; D.1 is gone) ---------------------------------------------

B7 = "Czy obecnie przebywasz poza terytorium Rzeczypospolitej Polskiej?"
FORMER_D1 = "Czy obecnie przebywasz na terytorium Rzeczypospolitej Polskiej?"
ABROAD = {"currently_abroad": True, "abroad_country": "UKR", "abroad_city": "Lwów", "abroad_house_number": "5"}


def printed_rows(application) -> list[dict]:
    context = package_context(
        definition=application.definition.spec,
        answers=application.answers,
        case_number=application.case_number,
        office=application.office,
        submitted_at=application.submitted_at,
    )
    return [row for s in context["sections"] for e in s["entries"] if e["kind"] == "fields" for row in e["rows"]]


def test_in_poland_by_b7_the_applicant_is_asked_the_legal_stay_and_not_asked_again_whether_in_poland(client):
    draft = ready_draft(slug=SLUG)
    assert draft.answers["residence"]["currently_abroad"] is False
    assert "current_stay" in [s.key for s in visible_wizard_steps(draft.definition.spec, draft.answers)]
    client.force_login(draft.applicant)
    page = client.get(step_url(draft, "current_stay"))
    assert page.status_code == 200
    text = page.content.decode()
    assert 'name="last_entry_date"' in text and 'name="legal_stay_until"' in text
    assert 'name="in_poland"' not in text and FORMER_D1 not in text

    rows = printed_rows(submit(draft))
    assert [row["value"] for row in rows if row["label"] == B7] == ["NIE"], "B.7 printed once, with the answer"
    assert not [row for row in rows if row["label"] == FORMER_D1]
    assert "Pobyt legalny do dnia" in [row["label"] for row in rows]


def test_abroad_by_b7_the_applicant_is_not_asked_the_legal_stay(client):
    applicant = ApplicantFactory()
    draft = services.start_draft(applicant=applicant, slug=SLUG)
    draft = services.save_step_answers(
        draft=draft, step_key="residence", answers={**draft.answers.get("residence", {}), **ABROAD}
    )
    assert "current_stay" not in [s.key for s in visible_wizard_steps(draft.definition.spec, draft.answers)]
    client.force_login(applicant)
    page = client.get(step_url(draft, "current_stay"))
    assert page.status_code == 302, page.status_code


def test_a_draft_that_holds_the_former_d1_still_submits_and_b7_decides():
    """A v2 draft saved before D.1 was dropped keeps `current_stay.in_poland`: it is not refused, not stored on the
    case, and the package prints B.7 only."""
    draft = ready_draft(slug=SLUG)
    draft = services.save_step_answers(
        draft=draft, step_key="current_stay", answers={"in_poland": True, **draft.answers["current_stay"]}
    )
    assert draft.answers["current_stay"]["in_poland"] is True
    assert services.check_draft(draft) == []
    application = submit(draft)
    assert "in_poland" not in application.answers["current_stay"]
    assert application.answers["current_stay"]["legal_basis"] == "visa"
    assert not [row for row in printed_rows(application) if row["label"] == FORMER_D1]


def test_an_applicant_who_says_in_b7_they_are_abroad_after_filling_part_d_submits_without_it():
    draft = ready_draft(slug=SLUG)
    residence = {**draft.answers["residence"], **ABROAD}
    draft = services.save_step_answers(draft=draft, step_key="residence", answers=residence)
    assert draft.answers["current_stay"], "part D as typed is still in the draft"
    assert services.check_draft(draft) == [], "a page the applicant is no longer shown is not held against them"
    application = submit(draft)
    assert "current_stay" not in application.answers
    assert legal_stay_check(application.answers, timezone.localdate(), spec=application.definition.spec).finding == (
        Finding.ABROAD
    )
    rows = printed_rows(application)
    assert [row["value"] for row in rows if row["label"] == B7] == ["TAK"]
    assert [row["value"] for row in rows if row["label"] == "Pobyt legalny do dnia"] == ["brak"], "not asked: brak"
