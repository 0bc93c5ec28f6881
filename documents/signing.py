"""The office's electronic seal on official documents: PAdES B-B with pyHanko, as an incremental update.

Production gives the key and certificate files (DOCUMENT_SIGNING_KEY_FILE, DOCUMENT_SIGNING_CERT_FILE and optionally
DOCUMENT_SIGNING_KEY_PASSPHRASE, in settings or the environment). Without them, outside production, a self-signed
test seal is generated once into DOCUMENT_SIGNING_DEV_DIR (default <BASE_DIR>/var/dev-signing/), unless
DOCUMENT_SIGNING_REQUIRE_KEY is true.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.signers.constants import ESIC_EXTENSION_1
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko_certvalidator import ValidationContext

FIELD_NAME = "PieczecUrzedu"
DEV_COMMON_NAME = "MOS test seal — not valid"


@dataclass(frozen=True)
class VerificationResult:
    intact: bool  # the signed bytes have not changed
    valid: bool  # the signature is cryptographically sound
    trusted: bool  # the certificate chains to our trust root
    covers_whole_file: bool  # nothing was appended after signing
    signer_name: str
    signed_at: datetime | None

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and self.trusted and self.covers_whole_file


def _setting(name: str, default: str = "") -> str:
    return str(getattr(settings, name, "") or os.environ.get(name, "") or default)


def dev_dir() -> Path:
    return Path(_setting("DOCUMENT_SIGNING_DEV_DIR", str(Path(settings.BASE_DIR) / "var" / "dev-signing")))


def key_and_cert_files() -> tuple[Path, Path, bytes | None]:
    """The seal's key and certificate files: configured ones, or the development seal (created if missing)."""
    key_file, cert_file = _setting("DOCUMENT_SIGNING_KEY_FILE"), _setting("DOCUMENT_SIGNING_CERT_FILE")
    if key_file and cert_file:
        passphrase = _setting("DOCUMENT_SIGNING_KEY_PASSPHRASE")
        return Path(key_file), Path(cert_file), passphrase.encode() if passphrase else None
    # Not tied to DEBUG (tests run with DEBUG off); production sets this so a missing key fails instead of sealing
    # with the test key.
    if _setting("DOCUMENT_SIGNING_REQUIRE_KEY").lower() in {"1", "true", "yes", "on"}:
        raise ImproperlyConfigured("DOCUMENT_SIGNING_KEY_FILE and DOCUMENT_SIGNING_CERT_FILE must be set.")
    return (*ensure_dev_seal(dev_dir()), None)


def ensure_dev_seal(directory: Path) -> tuple[Path, Path]:
    """Create a self-signed test key and certificate (digitalSignature, nonRepudiation) once per directory."""
    key_path, cert_path = directory / "seal-key.pem", directory / "seal-cert.pem"
    if key_path.exists() and cert_path.exists():
        return key_path, cert_path
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    directory.mkdir(parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "PL"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "MOS (development)"),
            x509.NameAttribute(NameOID.COMMON_NAME, DEV_COMMON_NAME),
        ]
    )
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    # Write to temporary names and rename, so two processes starting together never read half a file.
    for path, data in (
        (
            key_path,
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            ),
        ),
        (cert_path, cert.public_bytes(serialization.Encoding.PEM)),
    ):
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        tmp.chmod(0o600)
        tmp.replace(path)
    return key_path, cert_path


@cache
def _signer(key_file: str, cert_file: str, passphrase: bytes | None) -> signers.SimpleSigner:
    signer = signers.SimpleSigner.load(key_file, cert_file, key_passphrase=passphrase)
    if signer is None:
        raise ImproperlyConfigured(f"could not load the signing key {key_file} or certificate {cert_file}")
    return signer


def get_signer() -> signers.SimpleSigner:
    """The seal's signer, loaded once per process (per key and certificate path)."""
    key_file, cert_file, passphrase = key_and_cert_files()
    return _signer(str(key_file), str(cert_file), passphrase)


def sign_pdf(pdf: bytes, *, reason: str, location: str) -> bytes:
    """Seal a PDF (PAdES B-B, SHA-256) with an incremental update, so a PDF/A base document stays intact."""
    metadata = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason,
        location=location,
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    pdf_signer = Pdf17Signer(metadata, signer=get_signer())
    return _outside_event_loop(lambda: pdf_signer.sign_pdf(writer).getvalue())


class Pdf17Signer(signers.PdfSigner):
    """A PAdES signer that keeps a PDF/A-3 document at PDF 1.7.

    pyHanko raises the catalog's /Version to 2.0 (ISO 32002) for an ECDSA key on a NIST curve, while PDF/A-3 is ISO
    32000-1, i.e. PDF 1.7; PAdES over PDF 1.7 is declared by the ESIC developer extension alone (ETSI EN 319 142-1).
    """

    def register_extensions(self, pdf_out, *, md_algorithm: str) -> None:
        if self.signature_meta.subfilter == fields.SigSeedSubFilter.PADES:
            pdf_out.ensure_output_version(version=(1, 7))
            pdf_out.register_extension(ESIC_EXTENSION_1)


def _outside_event_loop(work):
    """pyHanko's synchronous API calls `asyncio.run`, which refuses to run inside a running event loop (an async
    view, or a browser test's loop): then the work runs on a short-lived thread of its own."""
    import asyncio

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return work()
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work).result()


def trust_roots() -> list[asn1_x509.Certificate]:
    return [get_signer().signing_cert]


def verify_pdf_signature(pdf: bytes) -> VerificationResult:
    """Check the last signature of a PDF against our own certificate as the trust root."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        signatures = reader.embedded_signatures
    except Exception:  # a damaged file is simply not a valid signed document
        return VerificationResult(False, False, False, False, "", None)
    if not signatures:
        return VerificationResult(False, False, False, False, "", None)
    embedded = signatures[-1]
    context = ValidationContext(trust_roots=trust_roots(), allow_fetching=False)
    try:
        status = _outside_event_loop(lambda: validate_pdf_signature(embedded, context))
    except (SignatureValidationError, ValueError):
        return VerificationResult(False, False, False, False, "", None)
    coverage = getattr(status.coverage, "name", str(status.coverage))
    return VerificationResult(
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=bool(status.trusted),
        covers_whole_file=coverage == "ENTIRE_FILE",
        signer_name=status.signing_cert.subject.native.get("common_name", "") if status.signing_cert else "",
        signed_at=status.signer_reported_dt,
    )
