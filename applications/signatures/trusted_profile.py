"""Signing with the trusted profile (profil zaufany): the signing service's protocol and the check of what it returns.

The protocol (JSON over HTTPS, server to server, plus one browser visit):
  1. POST {TRUSTED_PROFILE_SERVICE_URL}/documents {"document": base64 XML, "success_url", "failure_url"}
     -> 201 {"id", "sign_url"};
  2. the signer's browser goes to sign_url, logs in with the trusted profile and signs; the service sends it back
     to success_url (or failure_url);
  3. GET {TRUSTED_PROFILE_SERVICE_URL}/documents/{id}/signed -> 200 the signed XML (409 while unsigned).
The signed XML holds our application element untouched, the signer's identity as the service confirms it
(SignerIdentity: GivenName, Surname, PESEL), and a XAdES signature by the service's certificate
(TRUSTED_PROFILE_SERVICE_CERT_FILE, pinned) over both.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from .application_xml import NAMESPACE, canonical_digest, parse_xml
from .checks import refuse
from .people import Person, is_same_person

SERVICE_NAMESPACE = "urn:mos:trusted-profile-signing:1"
TIMEOUT = 15


@dataclass(frozen=True)
class TrustedProfileEvidence:
    signer: Person
    service_certificate: str
    application_digest: str
    signed_sha256: str
    signed_at: str

    def as_dict(self) -> dict:
        return {
            "signer_name": self.signer.full_name,
            "signer_pesel": self.signer.pesel,
            "service_certificate": self.service_certificate,
            "application_c14n_sha256": self.application_digest,
            "signed_sha256": self.signed_sha256,
            "signed_at": self.signed_at,
        }


def _service_url() -> str:
    return str(getattr(settings, "TRUSTED_PROFILE_SERVICE_URL", "") or "").rstrip("/")


def send_for_signing(document: bytes, *, success_url: str, failure_url: str) -> tuple[str, str]:
    """Hand our XML to the signing service; returns its document id and the page where the signer signs."""
    import requests

    if not _service_url():
        raise refuse("service")
    try:
        response = requests.post(
            f"{_service_url()}/documents",
            json={
                "document": base64.b64encode(document).decode(),
                "success_url": success_url,
                "failure_url": failure_url,
            },
            timeout=TIMEOUT,
        )
        response.raise_for_status()
        body = response.json()
        return str(body["id"]), str(body["sign_url"])
    except (requests.RequestException, ValueError, KeyError) as error:
        raise refuse("service") from error


def fetch_signed(reference: str) -> bytes:
    import requests

    try:
        response = requests.get(f"{_service_url()}/documents/{reference}/signed", timeout=TIMEOUT)
    except requests.RequestException as error:
        raise refuse("service") from error
    if response.status_code in (404, 409, 410):
        raise refuse("not_returned")
    if response.status_code != 200:
        raise refuse("service")
    return response.content


def _service_certificate() -> str:
    path = getattr(settings, "TRUSTED_PROFILE_SERVICE_CERT_FILE", "") or ""
    if not path:
        raise refuse("xml_signature")
    return Path(path).read_text()


def verify_trusted_profile_signature(
    signed: bytes, *, document: bytes, expected_signer: Person
) -> TrustedProfileEvidence:
    """The service's XAdES signature is valid; one signed element is exactly our application XML (by its canonical
    digest); the signed identity is the expected signer's."""
    from lxml import etree
    from signxml import InvalidInput, InvalidSignature
    from signxml.verifier import SignatureConfiguration
    from signxml.xades import XAdESVerifier

    certificate = _service_certificate()
    try:
        results = XAdESVerifier().verify(
            parse_xml(signed),
            x509_cert=certificate,
            expect_config=SignatureConfiguration(expect_references=True),
        )
    except (InvalidSignature, InvalidInput, etree.XMLSyntaxError, ValueError) as error:
        raise refuse("xml_signature") from error
    ours = canonical_digest(document)
    elements = [r.signed_xml for r in results if r.signed_xml is not None]
    application = [e for e in elements if e.tag == f"{{{NAMESPACE}}}Wniosek"]
    if len(application) != 1 or canonical_digest(application[0]) != ours:
        raise refuse("content")
    identity = [e for e in elements if e.tag == f"{{{SERVICE_NAMESPACE}}}SignerIdentity"]
    if len(identity) != 1:
        raise refuse("signer")

    def text(tag: str) -> str:
        return (identity[0].findtext(f"{{{SERVICE_NAMESPACE}}}{tag}") or "").strip()

    signer = Person(given_names=text("GivenName"), surname=text("Surname"), pesel=text("PESEL"))
    if not is_same_person(expected_signer, signer):
        raise refuse("signer")
    signed_at = next(
        (
            e.text
            for r in results
            if r.signed_xml is not None
            for e in r.signed_xml.iter("{http://uri.etsi.org/01903/v1.3.2#}SigningTime")
        ),
        "",
    )
    return TrustedProfileEvidence(
        signer=signer,
        service_certificate=hashlib.sha256(certificate.encode()).hexdigest(),
        application_digest=ours,
        signed_sha256=hashlib.sha256(signed).hexdigest(),
        signed_at=signed_at or "",
    )
