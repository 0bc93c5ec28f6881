"""Reads of issued documents, scoped to who asks: a forgotten check returns nothing (404), never a document."""

from __future__ import annotations

import uuid

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from applications.case_models import Application
from documents.models import ONCE_PER_CASE, Document, DocumentKind


def documents_for_applicant(user) -> QuerySet[Document]:
    if not user.is_authenticated:
        return Document.objects.none()
    return Document.objects.filter(application__applicant=user).select_related("application")


def documents_for_office(office) -> QuerySet[Document]:
    """The documents of one voivodeship office's cases (for case processing: scope by the officer's office)."""
    return Document.objects.filter(application__office=office).select_related("application")


def documents_of_case(application: Application) -> QuerySet[Document]:
    return application.documents.order_by("created_at", "pk")


def documents_matching(case_number: str, sha256: str) -> QuerySet[Document]:
    """Issued documents of a case with this digest (the public verification; callers show no personal data)."""
    return Document.objects.filter(application__case_number=case_number, sha256=sha256.lower())


def documents_with_digest(sha256: str) -> QuerySet[Document]:
    return Document.objects.filter(sha256=sha256.lower()).select_related("application")


def cases_missing_submission_documents() -> QuerySet[Application]:
    """Submitted cases without their package or receipt (a render that never ran or failed for good)."""
    return (
        Application.objects.annotate(issued=Count("documents", filter=Q(documents__kind__in=ONCE_PER_CASE)))
        .filter(issued__lt=len(ONCE_PER_CASE))
        .order_by("submitted_at")
    )


def cases_awaiting_receipt(*, submitted_before) -> QuerySet[Application]:
    """Cases submitted before a moment that still have no receipt (issued last, after the package), oldest first:
    what the sweep re-enqueues. An anti-join on the documents' (case, kind) index, no count over every case."""
    receipt = Document.objects.filter(application=OuterRef("pk"), kind=DocumentKind.RECEIPT)
    return Application.objects.filter(~Exists(receipt), submitted_at__lte=submitted_before).order_by("submitted_at")


def document_of_case(case_number: str, public_id: str) -> Document | None:
    """The document with this public id in this case (its printed verification link), or None; never raises."""
    try:
        key = uuid.UUID(str(public_id))
    except ValueError:
        return None
    return Document.objects.filter(application__case_number=str(case_number)[:20], public_id=key).first()
