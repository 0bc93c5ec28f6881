"""Preparing what is signed and who must sign it: the documents handed out for a qualified signature or the trusted
profile, the digest that makes a signature stale when the application changes, the expected signer."""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction

from .case_models import Draft, DraftStatus, EmployerAnnex
from .signature_models import SigningMethod, SigningRequest, SigningRequestStatus
from .signatures.application_xml import content_digest, render_application_xml
from .signatures.people import Person


def _answer(answers: dict, key: str) -> Any:
    for step in answers.values():
        if isinstance(step, dict) and key in step:
            return step[key]
    return None


def signing_parts(subject: Draft | EmployerAnnex) -> dict[str, Any]:
    """What a signature covers: the answers (declarations ticked), attachment digests, the annex."""
    if isinstance(subject, EmployerAnnex):
        return {"form": f"{subject.definition.slug}/{subject.definition.version}", "answers": subject.answers}
    annex = getattr(subject, "employer_annex", None)
    return {
        "form": f"{subject.definition.slug}/{subject.definition.version}",
        "answers": subject.answers,
        "attachments": [
            {"requirement": a.requirement, "name": a.original_name, "sha256": a.sha256}
            for a in subject.attachments.order_by("requirement", "uploaded_at", "pk")
        ],
        "annex": annex.answers if annex is not None else None,
        "guardian": subject.applicant_id if subject.filed_by_guardian else None,
    }


def signing_digest(subject: Draft | EmployerAnnex) -> str:
    return content_digest(signing_parts(subject))


def expected_signer(subject: Draft | EmployerAnnex, user) -> Person:
    """The person whose signature counts: the foreigner named in the application; for a child's application the
    parent or guardian filing it, and for an annex the person signing for the employer (both the account holder)."""
    if isinstance(subject, EmployerAnnex) or subject.filed_by_guardian:
        return account_holder(user)
    answers = subject.answers
    pesel = str(_answer(answers, "pesel") or "")
    if not (pesel.isdigit() and len(pesel) == 11):
        # The foreigner files their own application: the PESEL the national node confirmed for the account counts.
        pesel = account_holder(user).pesel
    return Person(
        given_names=str(_answer(answers, "given_names") or ""),
        surname=str(_answer(answers, "surname") or ""),
        pesel=pesel,
    )


def account_holder(user) -> Person:
    """The person holding the account: as the national node confirmed them, else as the account says."""
    from accounts.identity_models import NationalIdentity

    identity = NationalIdentity.objects.filter(user=user).first()
    if identity is not None:
        return Person(given_names=identity.given_names, surname=identity.surname, pesel=identity.pesel)
    return Person(given_names=user.first_name, surname=user.last_name)


def application_xml(subject: Draft | EmployerAnnex) -> bytes:
    parts = signing_parts(subject)
    definition = subject.definition
    guardian = isinstance(subject, Draft) and subject.filed_by_guardian
    return render_application_xml(
        slug=definition.slug,
        version=definition.version,
        answers=parts["answers"],
        attachments=parts.get("attachments") or (),
        annex_answers=parts.get("annex"),
        signer={
            "rola": "rodzic lub opiekun",
            "imiona": subject.applicant.first_name,
            "nazwisko": subject.applicant.last_name,
        }
        if guardian
        else None,
    )


def _check_signer(subject: Draft | EmployerAnnex, signer) -> None:
    if isinstance(subject, Draft):
        if subject.applicant_id != signer.pk or subject.status != DraftStatus.OPEN:
            raise PermissionDenied
    elif subject.employer_id != signer.pk:
        raise PermissionDenied


def prepare_signing_request(
    *, subject: Draft | EmployerAnnex, signer, method: SigningMethod | str, document: bytes, suffix: str
) -> SigningRequest:
    """Keep the document exactly as handed out (a signature is later checked against these bytes)."""
    _check_signer(subject, signer)
    digest = signing_digest(subject)
    with transaction.atomic():
        request = SigningRequest(
            signer=signer,
            draft=subject if isinstance(subject, Draft) else None,
            annex=subject if isinstance(subject, EmployerAnnex) else None,
            method=method,
            content_sha256=digest,
            document_sha256=hashlib.sha256(document).hexdigest(),
        )
        request.document.save(f"{request.public_id.hex}.{suffix}", ContentFile(document), save=False)
        request.save()
    return request


def reusable_signing_request(*, subject: Draft | EmployerAnnex, signer, method: str) -> SigningRequest | None:
    """The latest pending request over the application as it is now (a second download gives the same bytes)."""
    field = "draft" if isinstance(subject, Draft) else "annex"
    request = (
        SigningRequest.objects.filter(
            **{field: subject}, signer=signer, method=method, status=SigningRequestStatus.PENDING
        )
        .order_by("-created_at")
        .first()
    )
    return request if request is not None and request.content_sha256 == signing_digest(subject) else None


def request_trusted_profile_signature(
    *, subject: Draft | EmployerAnnex, signer, success_url: str, failure_url: str
) -> tuple[SigningRequest, str]:
    """Send our XML to the trusted profile's signing service; returns the request and where the signer signs.

    The success and failure URLs get the request's id appended, so the return knows which request it closes.
    """
    from .signatures.trusted_profile import send_for_signing

    document = application_xml(subject)
    request = prepare_signing_request(
        subject=subject, signer=signer, method=SigningMethod.TRUSTED_PROFILE, document=document, suffix="xml"
    )
    reference, sign_url = send_for_signing(
        document,
        success_url=f"{success_url}?request={request.public_id}",
        failure_url=f"{failure_url}?request={request.public_id}&cancelled=1",
    )
    request.service_reference = reference
    request.save(update_fields=["service_reference"])
    return request, sign_url


def signing_credentials(subject: Draft | EmployerAnnex, user, credentials: dict) -> dict:
    """The caller's credentials plus what the method checks them against (current digest, expected signer)."""
    return {**credentials, "content_sha256": signing_digest(subject), "expected_signer": expected_signer(subject, user)}
