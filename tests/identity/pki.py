"""A test certification authority made with `cryptography`: qualified and ordinary certificates, CRLs, PEM files."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from asn1crypto import core
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID, ObjectIdentifier

QC_STATEMENTS = ObjectIdentifier("1.3.6.1.5.5.7.1.3")
QC_COMPLIANCE = "0.4.0.1862.1.1"
QC_SSCD = "0.4.0.1862.1.4"
QC_TYPE, QC_TYPE_ESIGN, QC_TYPE_ESEAL = "0.4.0.1862.1.6", "0.4.0.1862.1.6.1", "0.4.0.1862.1.6.2"


class _QcTypes(core.SequenceOf):
    _child_spec = core.ObjectIdentifier


class _QcStatement(core.Sequence):
    _fields = [("statement_id", core.ObjectIdentifier), ("statement_info", core.Any, {"optional": True})]


class _QcStatements(core.SequenceOf):
    _child_spec = _QcStatement


def qc_statements(*, compliance: bool = True, sscd: bool = True, qc_type: str | None = QC_TYPE_ESIGN) -> bytes:
    statements = []
    if compliance:
        statements.append({"statement_id": QC_COMPLIANCE})
    if sscd:
        statements.append({"statement_id": QC_SSCD})
    if qc_type:
        statements.append({"statement_id": QC_TYPE, "statement_info": core.Any(_QcTypes([qc_type]))})
    return _QcStatements(statements).dump()


@dataclass
class Issued:
    key: ec.EllipticCurvePrivateKey
    cert: x509.Certificate

    def key_pem(self) -> bytes:
        return self.key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )

    def cert_pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    def write(self, directory: Path, stem: str) -> tuple[Path, Path]:
        directory.mkdir(parents=True, exist_ok=True)
        key_path, cert_path = directory / f"{stem}-key.pem", directory / f"{stem}-cert.pem"
        key_path.write_bytes(self.key_pem())
        cert_path.write_bytes(self.cert_pem())
        return key_path, cert_path


class TestCA:
    """A root CA issuing end-entity certificates for people (given name, surname, PESEL as PNOPL-...)."""

    __test__ = False

    def __init__(self, name: str = "MOS Test Qualified CA") -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.name = x509.Name(
            [x509.NameAttribute(NameOID.COUNTRY_NAME, "PL"), x509.NameAttribute(NameOID.COMMON_NAME, name)]
        )
        now = datetime.now(UTC)
        self.cert = (
            x509.CertificateBuilder()
            .subject_name(self.name)
            .issuer_name(self.name)
            .public_key(self.key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=3650))
            .not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(self.key.public_key()), critical=False)
            .sign(self.key, hashes.SHA256())
        )
        self.revoked: list[int] = []

    def cert_pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    def issue(
        self,
        *,
        given_name: str,
        surname: str,
        pesel: str | None = None,
        qualified: bool = True,
        qc: bytes | None = None,
        not_before: datetime | None = None,
        not_after: datetime | None = None,
    ) -> Issued:
        key = ec.generate_private_key(ec.SECP256R1())
        now = datetime.now(UTC)
        attributes = [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "PL"),
            x509.NameAttribute(NameOID.GIVEN_NAME, given_name),
            x509.NameAttribute(NameOID.SURNAME, surname),
            x509.NameAttribute(NameOID.COMMON_NAME, f"{given_name} {surname}"),
        ]
        if pesel:
            attributes.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, f"PNOPL-{pesel}"))
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name(attributes))
            .issuer_name(self.name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(not_before or now - timedelta(days=30))
            .not_valid_after(not_after or now + timedelta(days=700))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()), critical=False)
            .add_extension(
                x509.CRLDistributionPoints(
                    [
                        x509.DistributionPoint(
                            [x509.UniformResourceIdentifier("http://127.0.0.1:9/test-ca.crl")], None, None, None
                        )
                    ]
                ),
                critical=False,
            )
        )
        if qualified or qc is not None:
            builder = builder.add_extension(
                x509.UnrecognizedExtension(QC_STATEMENTS, qc if qc is not None else qc_statements()), critical=False
            )
        return Issued(key, builder.sign(self.key, hashes.SHA256()))

    def revoke(self, issued: Issued) -> None:
        self.revoked.append(issued.cert.serial_number)

    def crl_der(self) -> bytes:
        now = datetime.now(UTC)
        builder = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(self.name)
            .last_update(now - timedelta(hours=1))
            .next_update(now + timedelta(days=7))
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()), critical=False)
            .add_extension(x509.CRLNumber(1), critical=False)
        )
        for serial in self.revoked:
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder()
                .serial_number(serial)
                .revocation_date(now - timedelta(minutes=5))
                .build()
            )
        return builder.sign(self.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


def pades_sign(pdf: bytes, issued: Issued, ca: TestCA, tmp: Path, *, crl: bytes | None = None) -> bytes:
    """What the applicant's signature software does: a PAdES signature added as an incremental update."""
    import io

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    key_path, cert_path = issued.write(tmp, f"signer-{issued.cert.serial_number}")
    ca_path = tmp / "ca.pem"
    ca_path.write_bytes(ca.cert_pem())
    signer = signers.SimpleSigner.load(str(key_path), str(cert_path), ca_chain_files=(str(ca_path),))
    metadata = signers.PdfSignatureMetadata(
        field_name="PodpisWnioskodawcy", subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256"
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    return signers.sign_pdf(writer, metadata, signer=signer).getvalue()


def self_signed_rsa(common_name: str, directory: Path, stem: str) -> tuple[Path, Path]:
    """An RSA key and self-signed certificate, as SAML metadata carries (xmlsec1 signs with it)."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365))
        .sign(key, hashes.SHA256())
    )
    directory.mkdir(parents=True, exist_ok=True)
    key_path, cert_path = directory / f"{stem}-key.pem", directory / f"{stem}-cert.pem"
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path
