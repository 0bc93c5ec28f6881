"""Verify a qualified electronic signature (PAdES) that the applicant made over the package we handed out.

pyHanko checks the cryptography and the chain; the checks that make it *our* package signed by a *qualified*
certificate of the *right person* are ours. The trust anchors come from `QUALIFIED_SIGNATURE_TRUST_ANCHORS` (a PEM
bundle: a test CA in tests, an export of the national/EU trusted list in a deployment); extra revocation data from
`QUALIFIED_SIGNATURE_CRL_FILES`, besides the CRLs and OCSP responses the signed file carries.
"""

from __future__ import annotations

import asyncio
import io
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from asn1crypto import core, pem
from asn1crypto import x509 as asn1_x509
from django.conf import settings

from .checks import SignatureRefused, refuse
from .people import Person, is_same_person

QC_STATEMENTS = "1.3.6.1.5.5.7.1.3"
QC_COMPLIANCE = "0.4.0.1862.1.1"  # ETSI EN 319 412-5: a qualified certificate (EU)
QC_SSCD = "0.4.0.1862.1.4"  # the private key is in a qualified signature creation device
QC_TYPE, QC_TYPE_ESIGN = "0.4.0.1862.1.6", "0.4.0.1862.1.6.1"


class _QcTypes(core.SequenceOf):
    _child_spec = core.ObjectIdentifier


class _QcStatement(core.Sequence):
    _fields = [("statement_id", core.ObjectIdentifier), ("statement_info", core.Any, {"optional": True})]


class _QcStatements(core.SequenceOf):
    _child_spec = _QcStatement


@dataclass(frozen=True)
class QualifiedSignatureEvidence:
    signer: Person
    subject: str
    issuer: str
    serial_number: str
    signed_at: datetime
    signed_sha256: str

    def as_dict(self) -> dict:
        return {
            "signer_name": self.signer.full_name,
            "signer_pesel": self.signer.pesel,
            "certificate_subject": self.subject,
            "certificate_issuer": self.issuer,
            "certificate_serial": self.serial_number,
            "signed_at": self.signed_at.isoformat(),
            "signed_sha256": self.signed_sha256,
        }


def _run(coroutine_factory):
    """pyHanko's API is async; run it on a thread of its own when a loop is already running (async views, tests)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine_factory())
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(coroutine_factory())).result()


def _read_pem_or_der(path: Path) -> list[bytes]:
    data = path.read_bytes()
    if pem.detect(data):
        return [der for _type, _headers, der in pem.unarmor(data, multiple=True)]
    return [data]


def trust_anchors() -> list[asn1_x509.Certificate]:
    configured = getattr(settings, "QUALIFIED_SIGNATURE_TRUST_ANCHORS", "") or ""
    anchors: list[asn1_x509.Certificate] = []
    for name in filter(None, (part.strip() for part in str(configured).split(","))):
        path = Path(name)
        for file in sorted(path.glob("*.pem")) + sorted(path.glob("*.crt")) if path.is_dir() else [path]:
            anchors.extend(asn1_x509.Certificate.load(der) for der in _read_pem_or_der(file))
    return anchors


def _configured_crls() -> list[bytes]:
    files = getattr(settings, "QUALIFIED_SIGNATURE_CRL_FILES", "") or ""
    return [
        der for name in filter(None, (p.strip() for p in str(files).split(","))) for der in _read_pem_or_der(Path(name))
    ]


def qc_statement_ids(cert: asn1_x509.Certificate) -> tuple[set[str], set[str]]:
    """The QC statement ids of a certificate and its QcType values (empty when it has no such extension)."""
    for extension in cert["tbs_certificate"]["extensions"]:
        if extension["extn_id"].dotted == QC_STATEMENTS:
            statements = _QcStatements.load(extension["extn_value"].contents)
            ids, types = set(), set()
            for statement in statements:
                ids.add(statement["statement_id"].dotted)
                if statement["statement_id"].dotted == QC_TYPE and statement["statement_info"].contents:
                    types |= {oid.dotted for oid in _QcTypes.load(statement["statement_info"].dump())}
            return ids, types
    return set(), set()


def is_qualified_for_signatures(cert: asn1_x509.Certificate) -> bool:
    """A qualified certificate (QcCompliance) whose key sits in a QSCD (QcSSCD), for a person's signature (QcType
    esign, when a type is given: a seal's certificate does not sign for a person)."""
    ids, types = qc_statement_ids(cert)
    return QC_COMPLIANCE in ids and QC_SSCD in ids and (not types or QC_TYPE_ESIGN in types)


def person_in_certificate(cert: asn1_x509.Certificate) -> Person:
    subject = cert.subject.native
    serial = str(subject.get("serial_number") or "")
    pesel = serial.removeprefix("PNOPL-") if serial.upper().startswith("PNOPL-") else ""
    given, surname = subject.get("given_name") or "", subject.get("surname") or ""
    if not surname and subject.get("common_name"):
        *given_parts, surname = str(subject["common_name"]).split()
        given = " ".join(given_parts)
    return Person(given_names=str(given), surname=str(surname), pesel=pesel)


def verify_qualified_signature(
    signed: bytes, *, package: bytes, expected_signer: Person, now: datetime | None = None
) -> QualifiedSignatureEvidence:
    """Check, in this order, each failure naming itself: a signature is there; integrity; the signed revision is our
    package byte for byte, extended by an incremental update only; validity at signing time; qualified; trusted
    chain; not revoked; the signer is the expected person."""
    import hashlib

    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import async_validate_pdf_signature
    from pyhanko.sign.validation.dss import DocumentSecurityStore
    from pyhanko_certvalidator import CertificateValidator, ValidationContext
    from pyhanko_certvalidator.errors import ExpiredError, NotYetValidError, RevokedError

    now = now or datetime.now(UTC)
    try:
        reader = PdfFileReader(io.BytesIO(signed), strict=False)
        signatures = reader.embedded_signatures
    except Exception as error:  # not a PDF at all
        raise refuse("not_signed") from error
    if not signatures:
        raise refuse("not_signed")
    embedded = signatures[-1]
    anchors = trust_anchors()
    # Only the cryptography here (trust is checked below, with a message of its own).
    crypto_only = ValidationContext(trust_roots=anchors, allow_fetching=False, revocation_mode="soft-fail")
    try:
        status = _run(lambda: async_validate_pdf_signature(embedded, crypto_only, skip_diff=True))
    except Exception as error:  # a broken CMS structure is a failed integrity check
        raise refuse("integrity") from error
    if not (status.intact and status.valid):
        raise refuse("integrity")
    byte_range = list(embedded.sig_object["/ByteRange"])
    coverage = getattr(status.coverage, "name", str(status.coverage))
    if not signed.startswith(package) or byte_range[1] < len(package) or coverage != "ENTIRE_FILE":
        raise refuse("not_our_package")
    if len(signatures) > 1 and any(list(s.sig_object["/ByteRange"])[1] < len(package) for s in signatures[:-1]):
        raise refuse("not_our_package")  # our package carries no signature: an earlier one is not ours

    cert = status.signing_cert
    signed_at = status.signer_reported_dt or now
    moment = now
    if status.timestamp_validity is not None and status.timestamp_validity.timestamp:
        moment = signed_at = status.timestamp_validity.timestamp
    validity = cert["tbs_certificate"]["validity"]
    not_before, not_after = validity["not_before"].native, validity["not_after"].native
    # Without a trusted timestamp the time the signer's software claims proves nothing: the certificate must be
    # valid both then and now (the upload), which is when we know the signature existed.
    if not all(not_before <= t <= not_after for t in {signed_at, now}):
        raise refuse("validity")
    if not is_qualified_for_signatures(cert):
        raise refuse("not_qualified")

    if not anchors:
        raise refuse("untrusted")
    crls, ocsps = _configured_crls(), []
    try:
        dss = DocumentSecurityStore.read_dss(reader)
        crls += [c.dump() for c in dss.crls]
        ocsps += [o.dump() for o in dss.ocsps]
    except Exception:  # noqa: S110 - no DSS: nothing embedded to add
        pass
    intermediates = list(embedded.other_embedded_certs)
    context = ValidationContext(
        trust_roots=anchors,
        other_certs=intermediates,
        crls=crls,
        ocsps=ocsps,
        allow_fetching=False,
        moment=moment,
        revocation_mode="soft-fail",
    )
    try:
        _run(lambda: CertificateValidator(cert, intermediates, context).async_validate_usage({"non_repudiation"}))
    except RevokedError as error:
        raise refuse("revoked") from error
    except (ExpiredError, NotYetValidError) as error:
        raise refuse("validity") from error
    except Exception as error:
        raise refuse("untrusted") from error

    signer = person_in_certificate(cert)
    if not is_same_person(expected_signer, signer):
        raise refuse("signer")
    return QualifiedSignatureEvidence(
        signer=signer,
        subject=cert.subject.human_friendly,
        issuer=cert.issuer.human_friendly,
        serial_number=format(cert.serial_number, "x"),
        signed_at=signed_at,
        signed_sha256=hashlib.sha256(signed).hexdigest(),
    )


__all__ = ["QualifiedSignatureEvidence", "SignatureRefused", "verify_qualified_signature"]
