"""Submitted cases for the document tests, made through the applications services."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from applications import services
from tests.factories import PASSWORD, ApplicantFactory, EmployerFactory
from tests.journey.conftest import submit_sample
from tests.samples import applicant_payload, employer_payload

__all__ = ["submit_sample", "submit_work_permit"]


def submit_work_permit(applicant=None, employer=None, language: str = "uk"):
    """A temporary residence and work application with the employer's Annex 1 completed."""
    from tests.journey.helpers import pdf_bytes, png_bytes

    applicant, employer = applicant or ApplicantFactory(), employer or EmployerFactory()
    draft = services.start_draft(applicant=applicant, slug="temporary-residence-work")
    for step, answers in applicant_payload("temporary-residence-work").items():
        draft = services.save_step_answers(draft=draft, step_key=step, answers=answers)
    annex = services.start_annex(employer=employer, code=services.create_annex_link_code(draft=draft))
    for step, answers in employer_payload().items():
        annex = services.save_step_answers(draft=annex, step_key=step, answers=answers)
    services.complete_annex(annex=annex, employer=employer)
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
        ip="198.51.100.23",
        declaration_confirmed=True,
        language=language,
    )
