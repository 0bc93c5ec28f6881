"""Sample answers (one copy, in the application code) and a helper that submits an application with them."""

from __future__ import annotations

from formdefs.samples import annex_payload, applicant_payload, employer_payload

__all__ = ["annex_payload", "applicant_payload", "employer_payload", "ready_draft", "submit_sample"]


def ready_draft(applicant=None, slug: str = "temporary-residence", voivodeship: str = "14", *, employer=None):
    """A draft ready to submit, made through the services as the wizard would: every step answered, the required
    attachments of the right kind, and for the work permit the employer's Annex 1 completed (by `employer`, or a
    new employer)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from applications import services
    from tests.factories import PASSWORD, ApplicantFactory, EmployerFactory
    from tests.journey.helpers import jpeg_bytes, pdf_bytes, png_bytes

    applicant = applicant or ApplicantFactory()
    draft = services.start_draft(applicant=applicant, slug=slug)
    payload = applicant_payload(slug, draft.definition.version)
    payload["residence"]["voivodeship"] = voivodeship
    for step, answers in payload.items():
        draft = services.save_step_answers(draft=draft, step_key=step, answers=answers)
    photo = (jpeg_bytes(), "image/jpeg") if draft.definition.spec.layout == "2026" else (png_bytes(), "image/png")
    for key in services.missing_attachments(draft):
        content, kind = photo if key == "photo" else (pdf_bytes(), "application/pdf")
        services.add_attachment(
            draft=draft, requirement=key, upload=SimpleUploadedFile(f"{key}.bin", content, content_type=kind)
        )
    if services.needs_employer_annex(draft):
        employer = employer or EmployerFactory()
        annex = services.start_annex(employer=employer, code=services.create_annex_link_code(draft=draft))
        for step, answers in annex_payload(annex.definition.slug, annex.definition.version).items():
            annex = services.save_step_answers(draft=annex, step_key=step, answers=answers)
        services.complete_annex(
            annex=annex, employer=employer, signature_method="password", credentials={"password": PASSWORD}
        )
    return draft


def submit_sample(
    applicant=None,
    slug: str = "temporary-residence",
    voivodeship: str = "14",
    *,
    employer=None,
    language: str = "pl",
    ip: str = "127.0.0.1",
):
    """A submitted application made through the services from a `ready_draft`."""
    from applications import services
    from tests.factories import PASSWORD

    draft = ready_draft(applicant, slug, voivodeship, employer=employer)
    return services.submit_draft(
        draft_id=draft.pk,
        applicant=draft.applicant,
        signature_method="password",
        credentials={"password": PASSWORD},
        ip=ip,
        declaration_confirmed=True,
        language=language,
    )
