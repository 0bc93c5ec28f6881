"""The checks a signature must pass, each with the message that names it when it fails (four languages)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

#: check code -> the message shown to the signer when that check fails.
FAILURES = {
    # A qualified electronic signature (PAdES) uploaded by the applicant.
    "not_signed": _("Signature check failed: the uploaded file is not a PDF document with an electronic signature."),
    "integrity": _("Integrity check failed: the file was changed after it was signed."),
    "not_our_package": _(
        "Document check failed: the signed file is not the application package you downloaded from MOS. "
        "Sign the downloaded file without changing it and upload it."
    ),
    "validity": _("Certificate validity check failed: the certificate was not valid at the time of signing."),
    "not_qualified": _(
        "Qualified certificate check failed: the certificate is not a qualified certificate for electronic signatures."
    ),
    "untrusted": _(
        "Trust check failed: the certificate was not issued by a trusted provider of qualified certificates."
    ),
    "revoked": _("Revocation check failed: the certificate has been revoked."),
    "signer": _("Signer check failed: the document was signed by someone other than the person who must sign it."),
    "stale": _(
        "Document check failed: the application changed after the document for signing was prepared. "
        "Prepare it again and sign the new one."
    ),
    # The trusted profile's signing service.
    "service": _("The trusted profile signing service did not answer. Try again in a few minutes."),
    "not_returned": _("The document was not signed: the signing was cancelled or has not been finished."),
    "xml_signature": _("Signature check failed: the signature of the signed document is not valid."),
    "content": _("Content check failed: the signed document is not this application."),
    # The password confirmation (development only).
    "password": _("This is not your password. Type the password you log in with."),
    "method_off": _("This way of signing is not available."),
}


class SignatureRefused(Exception):
    """A signature that failed one of the checks; `check` names it, `message` says it to the signer."""

    def __init__(self, message, check: str = "") -> None:
        super().__init__(str(message))
        self.message = message
        self.check = check


def refuse(check: str) -> SignatureRefused:
    return SignatureRefused(FAILURES[check], check)
