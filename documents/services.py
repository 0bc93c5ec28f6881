"""Issuing official documents: render, seal, store with SHA-256, record on the case, exactly once where it matters."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from applications.case_models import Application, CaseEvent
from applications.services import access_code, record_event
from applications.signing import has_valid_signature, method_label
from documents.models import ONCE_PER_CASE, Document, DocumentKind
from documents.package import TEMPLATE as PACKAGE_TEMPLATE
from documents.package import package_context, package_files, package_title
from documents.rendering import PdfAttachment, render_pdf
from documents.signing import sign_pdf
from documents.storage import store_file

logger = logging.getLogger(__name__)

RECEIPT_TEMPLATE = "documents/receipt.html"
RECEIPT_TITLE = "Urzędowe poświadczenie odbioru (UPO)"


def issue_document(
    application: Application,
    kind: DocumentKind | str,
    template: str,
    context: dict[str, Any],
    *,
    language: str,
    title: str,
    attachments: Sequence[PdfAttachment] = (),
    created: datetime | None = None,
    public_id: uuid.UUID | None = None,
) -> Document:
    """Render `template`, seal it, store it and record it on the case timeline; return the `Document`.

    A package or receipt is issued once per case: if it exists it is returned as it is, and when two workers race
    the loser's stored file is removed and the winner's row returned. Rendering happens before the row lock, so a
    slow render never holds the case.
    """
    kind = DocumentKind(kind)
    once = kind in ONCE_PER_CASE
    if once and (existing := _existing(application, kind)):
        return existing
    logger.info("rendering the %s of case %s", kind.value, application.case_number)
    pdf = render_pdf(
        template,
        context,
        language=language,
        title=title,
        case_number=application.case_number,
        attachments=attachments,
        created=created,
    )
    signed = sign_pdf(pdf, reason=title, location=application.office.city)
    public_id = public_id or uuid.uuid4()  # given when the document prints its own verification link
    stored = store_file(_file_name(application, kind, public_id), signed)
    try:
        with transaction.atomic():
            # Serialises issuing for one case (PostgreSQL); the unique constraint is the last word.
            Application.objects.select_for_update().only("pk").get(pk=application.pk)
            if once and (existing := _existing(application, kind)):
                raise _AlreadyIssued(existing)
            document = Document.objects.create(
                public_id=public_id,
                application=application,
                kind=kind,
                title=title,
                language=language,
                file=stored.name,
                sha256=stored.sha256,
                size=stored.size,
                signed=True,
            )
            record_event(
                application,
                CaseEvent.Kind.DOCUMENT,
                data={
                    "kind": kind.value,
                    "title": title,
                    "document": str(public_id),
                    "size": stored.size,
                    "sha256": stored.sha256,
                },
                action_url=reverse("documents:download", kwargs={"document_id": public_id}),
            )
    except _AlreadyIssued as lost:
        _remove_orphan(stored.name)
        return lost.document
    except IntegrityError:
        _remove_orphan(stored.name)
        if once and (existing := _existing(application, kind)):
            return existing
        raise
    except BaseException:
        _remove_orphan(stored.name)
        raise
    return document


def lapse_document(document: Document, *, reason: str, at: datetime | None = None) -> Document:
    """End the legal effect of an issued document (once); the public verification says so from then on."""
    if document.lapsed_at is None:
        document.lapsed_at, document.lapse_reason = at or timezone.now(), reason
        document.save(update_fields=["lapsed_at", "lapse_reason"])
    return document


def document_verification_url(case_number: str, public_id: uuid.UUID) -> str:
    """The public page that says whether this document was issued in this case and still has effect (its QR)."""
    query = urlencode({"case": case_number, "document": str(public_id)})
    return f"{settings.SITE_URL.rstrip('/')}{reverse('documents:verify')}?{query}"


def issue_submission_documents(application_id: int) -> tuple[Document, Document]:
    """The application package, then the receipt (UPO) carrying the package's SHA-256; safe to run again."""
    application = Application.objects.select_related(
        "office", "definition", "applicant", "draft", "declaration_confirmed_by", "signing_request"
    ).get(pk=application_id)
    if not has_valid_signature(application):
        raise UnsignedApplication(application.case_number)
    package = issue_application_package(application)
    receipt = issue_receipt(application, package)
    return package, receipt


class UnsignedApplication(Exception):
    """No package or receipt for a case without a verified signature: an unsigned application does not exist."""


def issue_application_package(application: Application) -> Document:
    parts = submission_parts(application)
    return issue_document(
        application,
        DocumentKind.APPLICATION_PACKAGE,
        PACKAGE_TEMPLATE,
        package_context(**parts),
        language="pl",
        title=package_title(parts["definition"]),
        attachments=package_files(**parts),
        created=application.submitted_at,
    )


def issue_receipt(application: Application, package: Document) -> Document:
    spec = application.definition.spec
    context = {
        "office": application.office,
        "submitted_at": application.submitted_at,
        "applicant_name": applicant_name(application),
        "signature_method": method_label(application.signature_method, "pl"),
        "signature_method_translated": method_label(application.signature_method, application.applicant_language),
        "guardian_name": guardian_name(application),
        "package_sha256": package.sha256,
        "verification_url": verification_url(application.case_number, package.sha256),
        "access_code": access_code(application),
        "applicant_language": application.applicant_language,
        "application_title": spec.title.pl,
    }
    return issue_document(
        application, DocumentKind.RECEIPT, RECEIPT_TEMPLATE, context, language="pl", title=RECEIPT_TITLE
    )


def submission_parts(application: Application) -> dict[str, Any]:
    """What `package_context` needs, read from the submitted case (answers as frozen at submission)."""
    spec = application.definition.spec
    labels = {requirement.key: requirement.label.pl for requirement in spec.attachments}
    attachments = [
        {"label": labels.get(a.requirement, a.requirement), "name": a.original_name, "size": a.size, "sha256": a.sha256}
        for a in application.attachments.order_by("requirement", "uploaded_at", "pk")
    ]
    annex = getattr(application.draft, "employer_annex", None)
    confirmed_by = application.declaration_confirmed_by
    return {
        "definition": spec,
        "answers": application.answers,
        "attachments": attachments,
        "annex": annex and {"definition": annex.definition.spec, "answers": annex.answers},
        "declaration": {
            "confirmed_by": f"{confirmed_by.get_full_name()} <{confirmed_by.email}>".strip(),
            "confirmed_at": application.declaration_confirmed_at,
            "ip": application.declaration_ip or "—",
            "method": application.signature_method,
            "guardian": guardian_name(application),
        },
        "signature": signature_parts(application),
        "case_number": application.case_number,
        "office": application.office,
        "submitted_at": application.submitted_at,
    }


def signature_parts(application: Application) -> dict[str, Any]:
    """The evidence of the signature and the signed file, embedded in the package."""
    request = application.signing_request
    signed_file = None
    if request is not None and request.signed_document:
        with request.signed_document.open("rb") as handle:
            suffix = "pdf" if request.method == "qualified" else "xml"
            signed_file = (f"podpis-wnioskodawcy.{suffix}", handle.read())
    return {
        "method": application.signature_method,
        "evidence": application.signature_evidence,
        "signed_file": signed_file,
    }


def guardian_name(application: Application) -> str:
    """The parent or guardian who filed and signed for a child (empty for an adult's own application)."""
    guardian = getattr(application, "guardian", None)
    return guardian.get_full_name() if guardian is not None else ""


def applicant_name(application: Application) -> str:
    name = f"{application.given_names} {application.surname}".strip()
    return name or application.applicant.get_full_name() or application.applicant.email


def addressee_of(application: Application) -> dict:
    """Who an official letter of the case is addressed to: the party, and for a child the parent or guardian who acts
    for them (shown on every document, issue 19)."""
    return {"name": applicant_name(application), "guardian": guardian_name(application)}


def verification_url(case_number: str, sha256: str) -> str:
    """The public page where anybody checks a document of the case by its digest (printed as the receipt's QR)."""
    query = urlencode({"case": case_number, "sha256": sha256})
    return f"{settings.SITE_URL.rstrip('/')}{reverse('documents:verify')}?{query}"


class _AlreadyIssued(Exception):
    def __init__(self, document: Document) -> None:
        self.document = document


def _existing(application: Application, kind: DocumentKind) -> Document | None:
    return Document.objects.filter(application=application, kind=kind).first()


def _file_name(application: Application, kind: DocumentKind, public_id: uuid.UUID) -> str:
    year = timezone.localdate(application.submitted_at).year
    case = application.case_number.replace("/", "-")
    return f"documents/{year}/{case}/{kind.value}-{public_id.hex[:12]}.pdf"


def _remove_orphan(name: str) -> None:
    """Delete a file stored for a row that was never written (a lost race or a failed insert)."""
    try:
        default_storage.delete(name)
    except Exception:  # the row is what counts; a stray file is only untidy
        logger.warning("could not remove the orphan document file %s", name, exc_info=True)
