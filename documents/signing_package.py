"""The application package before submission: the PDF the applicant downloads, signs with a qualified signature and
uploads back. Rendered from the draft as it is now; the request keeps the bytes, so the upload is checked against
exactly what was handed out."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from applications.case_models import Draft, EmployerAnnex
from applications.models import Office
from applications.signature_models import SigningMethod, SigningRequest
from applications.signing_services import prepare_signing_request, reusable_signing_request, signing_parts
from documents.package import render_package

NOT_YET_NUMBERED = "nadawany przy złożeniu"


def draft_package_parts(draft: Draft, signer) -> dict[str, Any]:
    spec = draft.definition.spec
    labels = {requirement.key: requirement.label.pl for requirement in spec.attachments}
    parts = signing_parts(draft)
    voivodeship = (draft.answers.get("residence") or {}).get("voivodeship")
    office = Office.objects.filter(voivodeship__code=voivodeship).first() if voivodeship else None
    annex = getattr(draft, "employer_annex", None)
    return {
        "definition": spec,
        "answers": draft.answers,
        "attachments": [
            {
                "label": labels.get(a["requirement"], a["requirement"]),
                "name": a["name"],
                "size": "",
                "sha256": a["sha256"],
            }
            for a in parts["attachments"]
        ],
        "annex": annex and {"definition": annex.definition.spec, "answers": annex.answers},
        "declaration": {
            "confirmed_by": signer.get_full_name(),
            "confirmed_at": None,
            "ip": "—",
            "method": SigningMethod.QUALIFIED.value,
            "guardian": signer.get_full_name() if draft.filed_by_guardian else "",
        },
        "case_number": NOT_YET_NUMBERED,
        "office": office,
        "submitted_at": None,
    }


def annex_package_parts(annex: EmployerAnnex, signer) -> dict[str, Any]:
    return {
        "definition": annex.definition.spec,
        "answers": annex.answers,
        "attachments": [],
        "annex": None,
        "declaration": {
            "confirmed_by": signer.get_full_name(),
            "confirmed_at": None,
            "ip": "—",
            "method": SigningMethod.QUALIFIED.value,
        },
        "case_number": NOT_YET_NUMBERED,
        "office": None,
        "submitted_at": None,
    }


def signing_package(*, draft: Draft | None = None, annex: EmployerAnnex | None = None, signer) -> SigningRequest:
    """The package to sign: the one already handed out if the application (or annex) has not changed since, else a
    new one."""
    subject = draft if draft is not None else annex
    existing = reusable_signing_request(subject=subject, signer=signer, method=SigningMethod.QUALIFIED)
    if existing is not None:
        return existing
    parts = draft_package_parts(draft, signer) if draft is not None else annex_package_parts(annex, signer)
    pdf = render_package(created=timezone.now(), **parts)
    return prepare_signing_request(
        subject=subject, signer=signer, method=SigningMethod.QUALIFIED, document=pdf, suffix="pdf"
    )
