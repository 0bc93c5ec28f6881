"""The certificate of legal stay (art. 108): issued once the case is free of formal defects, lapsing when it ends.

Under MOS it replaces the stamp in the passport: a sealed PDF with a QR code to the public verification page, which says
whether the certificate was issued in the case and whether it still has effect. It is issued only for an application
filed within the applicant's legal stay (the officer confirms it at the formal check; an answer `legal_stay_until`
in the application, where the form has it, is checked too).
"""

from __future__ import annotations

import uuid
from datetime import date

from django.db import transaction
from django.utils import timezone

from applications.case_models import Application, DocumentKind
from applications.services import answer
from documents.models import Document, LapseReason
from documents.services import addressee_of, document_verification_url, issue_document, lapse_document

from .delivery import deliver_letter

__all__ = ["filed_within_legal_stay", "issue_legal_stay_certificate", "lapse_legal_stay_certificate"]


def filed_within_legal_stay(application: Application, *, confirmed: bool) -> bool:
    """The officer's confirmation, unless the application itself says the legal stay ended before filing."""
    value = answer(application.answers, "legal_stay_until")
    try:
        until = date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        until = None
    if until is not None and until < timezone.localdate(application.submitted_at):
        return False
    return confirmed


def issue_legal_stay_certificate(application: Application) -> Document:
    """Issue the certificate once (a second call returns the first); it is made available in the account."""
    existing = application.documents.filter(kind=DocumentKind.LEGAL_STAY_CERTIFICATE).first()
    if existing is not None:
        return existing
    public_id = uuid.uuid4()
    context = {
        "office": application.office,
        "issued_at": timezone.localdate(),
        "place": application.office.city,
        "application_title": application.definition.spec.title.pl.removeprefix("Wniosek o "),
        "application_date": application.submitted_at,
        "addressee": addressee_of(application),
        "verification_url": document_verification_url(application.case_number, public_id),
    }
    certificate = issue_document(
        application,
        DocumentKind.LEGAL_STAY_CERTIFICATE,
        "documents/legal_stay_certificate.html",
        context,
        language="pl",
        title="Zaświadczenie o legalności pobytu",
        public_id=public_id,
    )
    if certificate.public_id == public_id:  # this call issued it (not a concurrent one)
        deliver_letter(certificate)
    return certificate


def lapse_legal_stay_certificate(application: Application, *, reason: LapseReason) -> Document | None:
    """The legal stay of art. 108 ends: the decision, a suspension at the applicant's request, or the case's end."""
    with transaction.atomic():
        certificate = application.documents.filter(kind=DocumentKind.LEGAL_STAY_CERTIFICATE).first()
        return lapse_document(certificate, reason=reason) if certificate else None
