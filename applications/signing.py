"""How an applicant signs the application: an adapter, so the state's trusted profile or a qualified
signature can be added later next to the first method, a confirmation with the account password."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from django.contrib.auth.hashers import check_password
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class SignatureEvidence:
    method: str
    signed_by_id: int
    signed_at: datetime
    ip: str | None


class SignatureRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class SignatureMethod(Protocol):
    code: str

    def sign(self, *, user, credentials: dict, ip: str | None) -> SignatureEvidence: ...


class PasswordConfirmation:
    """Re-authentication with the account password (what the applicant knows), recorded with time and IP."""

    code = "password"

    def sign(self, *, user, credentials: dict, ip: str | None) -> SignatureEvidence:
        if not check_password(credentials.get("password") or "", user.password):
            raise SignatureRefused(_("This is not your password. Type the password you log in with."))
        return SignatureEvidence(method=self.code, signed_by_id=user.pk, signed_at=timezone.now(), ip=ip)


SIGNATURE_METHODS: dict[str, SignatureMethod] = {PasswordConfirmation.code: PasswordConfirmation()}
