"""How a declaration is signed: an adapter (`SignatureMethod`) with one class per method, each returning the evidence
kept with the case.

The law (art. 106c-106d of the Act on Foreigners) knows a trusted profile, a qualified electronic signature and a
personal signature; the password confirmation is no signature in law and stays only as a development method
(`SIGNATURE_PASSWORD_CONFIRMATION`, on by default only with DEBUG).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.core.files.base import ContentFile
from django.utils import timezone

from .signature_models import SigningMethod, SigningRequest, SigningRequestStatus
from .signatures.checks import SignatureRefused, refuse

__all__ = [
    "SIGNATURE_METHODS",
    "SignatureEvidence",
    "SignatureMethod",
    "SignatureRefused",
    "available_signature_methods",
]


@dataclass(frozen=True)
class SignatureEvidence:
    method: str
    signed_by_id: int
    signed_at: datetime
    ip: str | None
    details: dict = field(default_factory=dict)
    signing_request_id: int | None = None


class SignatureMethod(Protocol):
    code: str

    def sign(self, *, user, credentials: dict, ip: str | None) -> SignatureEvidence: ...


class PasswordConfirmation:
    """Re-authentication with the account password, recorded with time and IP: for development only."""

    code = SigningMethod.PASSWORD.value

    def sign(self, *, user, credentials: dict, ip: str | None) -> SignatureEvidence:
        if not check_password(credentials.get("password") or "", user.password):
            raise refuse("password")
        return SignatureEvidence(
            method=self.code,
            signed_by_id=user.pk,
            signed_at=timezone.now(),
            ip=ip,
            details={"signer_name": user.get_full_name(), "note": "development method, not a signature in law"},
        )


def _pending_request(user, credentials: dict, method: str) -> SigningRequest:
    """The signer's own request, still pending, made over what is being submitted now (else: stale)."""
    request = (
        SigningRequest.objects.select_for_update()
        .filter(public_id=credentials.get("request"), signer=user, method=method)
        .first()
    )
    if request is None:
        raise refuse("not_returned")
    if request.content_sha256 != credentials["content_sha256"]:
        raise refuse("stale")
    return request


def _record(request: SigningRequest, signed: bytes, suffix: str, evidence: dict) -> None:
    request.signed_document.save(f"{request.public_id.hex}-signed.{suffix}", ContentFile(signed), save=False)
    request.signed_sha256 = hashlib.sha256(signed).hexdigest()
    request.status, request.evidence, request.verified_at = SigningRequestStatus.VERIFIED, evidence, timezone.now()
    request.save(update_fields=["signed_document", "signed_sha256", "status", "evidence", "verified_at"])


class QualifiedSignature:
    """A PAdES signature the signer made with their own software over the package we handed out, uploaded back."""

    code = SigningMethod.QUALIFIED.value

    def sign(self, *, user, credentials: dict, ip: str | None) -> SignatureEvidence:
        from .signatures.qualified import verify_qualified_signature

        request = _pending_request(user, credentials, self.code)
        with request.document.open("rb") as handle:
            package = handle.read()
        result = verify_qualified_signature(
            credentials.get("signed") or b"", package=package, expected_signer=credentials["expected_signer"]
        )
        details = {**result.as_dict(), "package_sha256": request.document_sha256}
        _record(request, credentials["signed"], "pdf", details)
        return SignatureEvidence(self.code, user.pk, result.signed_at, ip, details, request.pk)


class TrustedProfileSignature:
    """XAdES by the trusted profile's signing service over our XML of the application, fetched back from it."""

    code = SigningMethod.TRUSTED_PROFILE.value

    def sign(self, *, user, credentials: dict, ip: str | None) -> SignatureEvidence:
        from .signatures.trusted_profile import fetch_signed, verify_trusted_profile_signature

        request = _pending_request(user, credentials, self.code)
        signed = fetch_signed(request.service_reference)
        with request.document.open("rb") as handle:
            document = handle.read()
        result = verify_trusted_profile_signature(
            signed, document=document, expected_signer=credentials["expected_signer"]
        )
        details = {**result.as_dict(), "document_sha256": request.document_sha256}
        _record(request, signed, "xml", details)
        return SignatureEvidence(self.code, user.pk, timezone.now(), ip, details, request.pk)


SIGNATURE_METHODS: dict[str, SignatureMethod] = {
    method.code: method for method in (QualifiedSignature(), TrustedProfileSignature(), PasswordConfirmation())
}


def available_signature_methods() -> list[str]:
    """The legal methods always; the password confirmation only where a setting allows it (DEBUG by default)."""
    codes = [SigningMethod.TRUSTED_PROFILE.value, SigningMethod.QUALIFIED.value]
    if getattr(settings, "SIGNATURE_PASSWORD_CONFIRMATION", settings.DEBUG):
        codes.append(SigningMethod.PASSWORD.value)
    return codes


def has_valid_signature(application) -> bool:
    """Whether the case carries a verified signature (the receipt is issued only then): a legal method's request
    verified with the evidence recorded, or, where development allows it, the password confirmation."""
    if application.signature_method == SigningMethod.PASSWORD:
        return SigningMethod.PASSWORD.value in available_signature_methods()
    request = application.signing_request
    return (
        request is not None
        and request.method == application.signature_method
        and request.status == SigningRequestStatus.VERIFIED
        and bool(request.signed_sha256)
        and application.signature_evidence.get("signed_sha256") == request.signed_sha256
    )


def method_label(code: str, language: str = "pl") -> str:
    """The method's name as the package and the receipt print it."""
    from django.utils import translation

    with translation.override(language):
        try:
            return str(SigningMethod(code).label)
        except ValueError:
            return code
