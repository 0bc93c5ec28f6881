"""Through the test client: a version-1 draft of the permanent residence form goes on and is submitted after version 2
is published; a version-2 application of each form (permanent, EU long-term resident) is submitted; the
continuous-stay check warns the applicant before signing and is a fact on the officer's case page."""

from __future__ import annotations

import copy
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from applications.case_models import Application, Draft
from formdefs.models import FormDefinition, FormDefinitionStatus
from formdefs.serialization import DEFINITIONS_DIR
from formdefs.services import import_definition
from formdefs.steps import visible_wizard_steps
from tests.factories import PASSWORD, ApplicantFactory
from tests.journey.helpers import fill_every_step, pdf_bytes, post_step
from tests.samples import applicant_payload

pytestmark = pytest.mark.django_db

PERMANENT, EU = "permanent-residence", "eu-long-term-resident"


def jpeg_bytes(width: int = 700, height: int = 900) -> bytes:
    """A photograph as the 2026 rules want it: JPEG, at least 684 x 883 pixels, 35:45."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 180, 160)).save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def start(client, slug: str) -> Draft:
    response = client.post(reverse("applications:start"), {"permit_type": slug})
    assert response.status_code == 302
    return Draft.objects.latest("created_at")


def attach_everything_required(client, draft: Draft) -> None:
    from applications.services import missing_attachments

    for key in missing_attachments(draft):
        if key == "photo":
            name, content, kind = "photo.jpg", jpeg_bytes(), "image/jpeg"
        else:
            name, content, kind = f"{key}.pdf", pdf_bytes(), "application/pdf"
        response = client.post(
            reverse("applications:draft-attachments", kwargs={"draft_id": draft.public_id}),
            {"requirement": key, "file": SimpleUploadedFile(name, content, content_type=kind)},
        )
        assert response.status_code == 302, (key, response.context and response.context["form"].errors)


def check_page(client, draft: Draft):
    return client.get(reverse("applications:draft-check", kwargs={"draft_id": draft.public_id}))


def sign_and_submit(client, draft: Draft) -> Application:
    check = check_page(client, draft)
    assert check.context["can_sign"], (check.context["other_errors"], check.context["summaries"])
    sign_url = reverse("applications:draft-sign", kwargs={"draft_id": draft.public_id})
    response = client.post(sign_url, {"declaration_false_statement": "on", "password": PASSWORD})
    assert response.status_code == 302
    return Application.objects.get(draft=draft)


def back_to_version_1_only(slug: str) -> None:
    """The database as it was before version 2 shipped: version 1 published, no version 2."""
    FormDefinition.objects.filter(slug=slug, version__gt=1).delete()
    FormDefinition.objects.filter(slug=slug, version=1).update(status=FormDefinitionStatus.PUBLISHED)


def test_a_version_1_draft_continues_and_is_submitted_after_version_2_is_published(client):
    back_to_version_1_only(PERMANENT)
    client.force_login(ApplicantFactory())
    draft = start(client, PERMANENT)
    assert draft.definition.version == 1
    payload = applicant_payload(PERMANENT, version=1)
    first_steps = [s.key for s in visible_wizard_steps(draft.definition.spec, {})][:3]
    for step in first_steps:
        assert post_step(client, draft, step, payload[step]).status_code == 302

    version_2 = import_definition((DEFINITIONS_DIR / PERMANENT / "v2.json").read_text(encoding="utf-8"), publish=True)
    assert version_2.is_published
    assert FormDefinition.objects.get(slug=PERMANENT, version=1).status == FormDefinitionStatus.RETIRED

    fill_every_step(client, draft, payload)
    draft.refresh_from_db()
    assert draft.definition.version == 1 and "spouse" not in draft.answers
    attach_everything_required(client, draft)
    application = sign_and_submit(client, draft)
    assert application.definition.version == 1 and application.definition.spec.layout == "2019"
    assert application.answers["basis"]["permanent_basis"] == "pole_card"

    assert start(client, PERMANENT).definition.version == 2, "a new draft starts on version 2"


@pytest.mark.parametrize("slug", [PERMANENT, EU])
def test_a_version_2_application_is_filled_attached_signed_and_submitted(client, slug):
    client.force_login(ApplicantFactory())
    draft = start(client, slug)
    assert (draft.definition.version, draft.definition.spec.layout) == (2, "2026")
    fill_every_step(client, draft, applicant_payload(slug))
    attach_everything_required(client, draft)
    assert check_page(client, draft).context["notices"] == []
    application = sign_and_submit(client, draft)
    assert application.definition.version == 2
    if slug == PERMANENT:
        assert application.answers["spouse"]["spouse_citizenship"] == "POL"
        assert {"marriage_certificate", "stamp_duty_proof"} <= set(
            application.attachments.values_list("requirement", flat=True)
        )
    else:
        assert application.answers["long_term_conditions"]["lender_relationship"] == "spouse"


def test_too_short_a_stay_is_a_warning_before_signing_and_a_fact_for_the_officer(client):
    from workflows.selectors import case_file

    client.force_login(ApplicantFactory())
    draft = start(client, EU)
    payload = copy.deepcopy(applicant_payload(EU))
    payload["long_term_stay"]["legal_stays"] = [
        {"date_from": "2023-01-01", "date_to": "2027-12-31", "legal_basis": "residence_permit"}
    ]
    fill_every_step(client, draft, payload)
    attach_everything_required(client, draft)
    check = check_page(client, draft)
    assert [n.code for n in check.context["notices"]] == ["stay_too_short"]
    assert check.context["can_sign"], "a warning does not stop the submission"
    assert check.context["notices"][0].message in check.content.decode()
    step = client.get(
        reverse("applications:draft-step", kwargs={"draft_id": draft.public_id, "step": "long_term_stay"})
    )
    assert [n.code for n in step.context["notices"]] == ["stay_too_short"], "the step that holds the periods says so"
    other = client.get(reverse("applications:draft-step", kwargs={"draft_id": draft.public_id, "step": "personal"}))
    assert other.context["notices"] == []

    application = sign_and_submit(client, draft)
    facts = case_file(application, "en").facts
    assert [f.code for f in facts] == ["stay_too_short"]
