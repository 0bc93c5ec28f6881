"""Every kind of official document, issued and sealed the way the case issues it, is still a tagged PDF/A-3b file:
PDF 1.7 in its header and its catalog, the PDF/A identification in its XMP, every font embedded, every embedded file
an associated file, and a seal that verifies (issue 17)."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from applications.case_models import DocumentKind
from documents.services import issue_document, issue_submission_documents
from documents.signing import verify_pdf_signature
from tests.documents.cases import submit_work_permit
from tests.documents.helpers import xmp
from tests.documents.samples import OFFICE, decision_context

# The letters of a case and the template each is printed from (workflows.letters and workflows.certificates).
LETTER_TEMPLATES = {
    DocumentKind.CALL_TO_SUPPLEMENT: "documents/call_to_supplement.html",
    DocumentKind.SUMMONS: "documents/summons_fingerprints.html",
    DocumentKind.DECISION: "documents/decision.html",
    DocumentKind.LEFT_UNEXAMINED: "documents/left_unexamined.html",
    DocumentKind.CALL_FOR_EVIDENCE: "documents/call_for_evidence.html",
    DocumentKind.DISCONTINUANCE: "documents/discontinuance.html",
    DocumentKind.LEGAL_STAY_CERTIFICATE: "documents/legal_stay_certificate.html",
    DocumentKind.DELAY_NOTICE: "documents/delay_notice.html",
    DocumentKind.CALL_TO_PAY: "documents/call_to_pay.html",
    DocumentKind.COMBINED_CALL: "documents/combined_call.html",
    DocumentKind.RETURN_NOTICE: "documents/return_notice.html",
    DocumentKind.REFUSAL_TO_INITIATE: "documents/refusal_to_initiate.html",
    DocumentKind.SUSPENSION: "documents/suspension.html",
    DocumentKind.RESUMPTION: "documents/resumption.html",
    DocumentKind.SUSPENSION_REFUSED: "documents/suspension_refused.html",
    DocumentKind.SUPPLEMENT_RECEIPT: "documents/supplement_receipt.html",
    DocumentKind.APPEAL_RECEIPT: "documents/appeal_receipt.html",
    DocumentKind.SECOND_INSTANCE_DECISION: "documents/second_instance_decision.html",
}
LETTER_CONTEXT = decision_context() | {
    "office": OFFICE,
    "issued_at": datetime(2025, 4, 1, 9, 0, tzinfo=UTC),
    "deadline_days": 7,
    "addressee": {"name": "Olena Українська", "address": "ul. Żelazna 12\n00-851 Warszawa"},
    "defects": ["brak fotografii"],
    "items": ["zaświadczenie o zatrudnieniu"],
    "appointment_at": datetime(2025, 4, 8, 9, 15, tzinfo=UTC),
    "place_of_appointment": "ul. Marszałkowska 3/5, sala 12, Warszawa",
    "reason": "nieusunięcie braków formalnych",
}


def sealed_files(application) -> dict[str, bytes]:
    files = {}
    for document in application.documents.all():
        with document.file.open("rb") as handle:
            files[document.kind] = handle.read()
    return files


def fonts_of(reader: PdfReader):
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        fonts = resources.get("/Font") or {}
        for font in fonts.values():
            yield font.get_object()


def is_embedded(font) -> bool:
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(
        key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
    )


def embedded_file_specs(root) -> list:
    names = (root.get("/Names") or {}).get("/EmbeddedFiles")
    if names is None:
        return []
    array = names.get_object().get("/Names") or []
    return [array[i + 1].get_object() for i in range(0, len(array), 2)]


def issue_every_kind() -> dict[str, bytes]:
    """One case with its package and receipt (issued at submission) and every letter, each sealed and stored."""
    application = submit_work_permit()
    issue_submission_documents(application.pk)  # the task that runs after the submission commits
    for kind, template in LETTER_TEMPLATES.items():
        issue_document(application, kind, template, LETTER_CONTEXT, language="pl", title=str(kind.label))
    return sealed_files(application)


def conformance_problems(kind: str, pdf: bytes) -> list[str]:
    """What keeps a sealed document from being a tagged PDF/A-3b file at PDF 1.7 (empty when nothing does)."""
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    problems = []
    if not pdf.startswith(b"%PDF-1.7"):
        problems.append(f"header {pdf[:8]!r}")
    if root.get("/Version") not in (None, "/1.7"):
        problems.append(f"catalog /Version {root.get('/Version')}")
    metadata = xmp(pdf)
    if not ('pdfaid:part="3"' in metadata and 'pdfaid:conformance="B"' in metadata):
        problems.append("no PDF/A-3B identification in the XMP")
    if not (root.get("/MarkInfo") and bool(root["/MarkInfo"].get("/Marked")) and "/StructTreeRoot" in root):
        problems.append("not a tagged PDF")
    fonts = list(fonts_of(reader))
    if not fonts or not all(is_embedded(font) for font in fonts):
        problems.append("a font is not embedded")
    specs = embedded_file_specs(root)
    associated = [spec.get_object() for spec in root.get("/AF") or []]
    names = [str(spec["/F"]) for spec in associated]
    if sorted(names) != sorted(str(spec["/F"]) for spec in specs) or len(set(names)) != len(names):
        problems.append(f"associated files {names} are not the embedded files, each once")
    if not all("/AFRelationship" in spec for spec in associated):
        problems.append("an associated file has no /AFRelationship")
    if kind == DocumentKind.APPLICATION_PACKAGE and not {"application.json", "annex.json"} <= set(names):
        problems.append("the package does not carry application.json and annex.json")
    if not verify_pdf_signature(pdf).ok:
        problems.append("the seal does not verify")
    return problems


@pytest.mark.django_db
def test_every_kind_of_sealed_document_stays_a_tagged_pdf_a_3b_at_version_1_7():
    sealed = issue_every_kind()
    assert set(sealed) == {kind.value for kind in DocumentKind}
    problems = {kind: found for kind, pdf in sealed.items() if (found := conformance_problems(kind, pdf))}
    assert problems == {}


def test_an_ecdsa_seal_would_have_raised_the_catalog_to_pdf_2_0_without_the_pdf_1_7_signer():
    """The check above can fail: pyHanko's own signer, given the same P-256 seal, writes /Version /2.0."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    from documents.rendering import render_pdf
    from documents.signing import get_signer
    from tests.documents.samples import receipt_context

    pdf = render_pdf("documents/receipt.html", receipt_context(), language="pl", title="UPO")
    metadata = signers.PdfSignatureMetadata(field_name="X", subfilter=fields.SigSeedSubFilter.PADES)
    plain = signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)), metadata, signer=get_signer()).getvalue()
    assert "catalog /Version /2.0" in conformance_problems("receipt", plain)
