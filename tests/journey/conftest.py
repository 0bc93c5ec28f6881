import pytest

from applications import services
from tests.factories import PASSWORD, ApplicantFactory
from tests.samples import applicant_payload


def submit_sample(applicant=None, slug: str = "temporary-residence", voivodeship: str = "14"):
    """A submitted application made through the services (attachments of the right kind included)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.journey.helpers import pdf_bytes, png_bytes

    applicant = applicant or ApplicantFactory()
    draft = services.start_draft(applicant=applicant, slug=slug)
    payload = applicant_payload(slug)
    payload["residence"]["voivodeship"] = voivodeship
    for step, answers in payload.items():
        draft = services.save_step_answers(draft=draft, step_key=step, answers=answers)
    for key in services.missing_attachments(draft):
        content, kind = (png_bytes(), "image/png") if key == "photo" else (pdf_bytes(), "application/pdf")
        services.add_attachment(
            draft=draft, requirement=key, upload=SimpleUploadedFile(f"{key}.bin", content, content_type=kind)
        )
    return services.submit_draft(
        draft_id=draft.pk,
        applicant=applicant,
        signature_method="password",
        credentials={"password": PASSWORD},
        ip="127.0.0.1",
        declaration_confirmed=True,
    )


@pytest.fixture
def submitted_application(db):
    return submit_sample()
