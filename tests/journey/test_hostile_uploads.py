"""Hostile uploads get nowhere: PDFs are stored cleaned of active content, polyglots lose their markup, damaged but
recoverable PDFs are repaired, and a thumbnail is no scan of a passport. Every refusal is a message on the field."""

from __future__ import annotations

import hashlib
import io

import pikepdf
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from pikepdf import Array, Dictionary, Name, String
from PIL import Image

from applications import services
from applications.pdf_cleaning import clean_pdf
from tests.factories import ApplicantFactory

pytestmark = pytest.mark.django_db

MARKUP = (b"<html", b"<script", b"<body", b"alert(")


def pdf_with(build=None, *, compress: bool = False) -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    if build:
        build(pdf)
    out = io.BytesIO()
    pdf.save(out, compress_streams=compress, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    return out.getvalue()


def javascript_on_open(pdf) -> None:
    pdf.Root.OpenAction = pdf.make_indirect(Dictionary(S=Name.JavaScript, JS=String("app.alert('opened');")))


def every_kind_of_active_content(pdf) -> None:
    javascript_on_open(pdf)
    script = pdf.make_indirect(Dictionary(S=Name.JavaScript, JS=String("app.alert('named');")))
    attached = pdf.make_stream(b"MZ pretend executable")
    attached.Type = Name.EmbeddedFile
    spec = Dictionary(Type=Name.Filespec, F=String("run.exe"), EF=Dictionary(F=attached))
    pdf.Root.Names = Dictionary(
        JavaScript=Dictionary(Names=Array([String("start"), script])),
        EmbeddedFiles=Dictionary(Names=Array([String("run.exe"), pdf.make_indirect(spec)])),
    )
    pdf.Root.AcroForm = Dictionary(Fields=Array([]), XFA=pdf.make_stream(b"<xdp:xdp>alert(1)</xdp:xdp>"))
    page = pdf.pages[0].obj
    page.AA = Dictionary(O=Dictionary(S=Name.Launch, F=String("cmd.exe")))
    rect = Array([0, 0, 100, 100])
    page.Annots = Array(
        [
            pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=rect, A=script)),
            pdf.make_indirect(
                Dictionary(
                    Type=Name.Annot,
                    Subtype=Name.Link,
                    Rect=rect,
                    A=Dictionary(S=Name.URI, URI=String("https://www.gov.pl/")),
                )
            ),
            pdf.make_indirect(
                Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=rect, A=Dictionary(S=Name.Launch, F=String("x")))
            ),
            pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.RichMedia, Rect=rect)),
            pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.FileAttachment, Rect=rect, FS=spec)),
        ]
    )


def polyglot() -> bytes:
    """A PDF whose bytes are also an HTML page, with a sound cross-reference table (every offset right)."""
    html = b"<html><body><script>alert(document.cookie)</script></body></html>"
    page_content = b"% " + html + b"\nBT /F1 12 Tf 72 720 Td (Scan) Tj ET\n"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(page_content) + page_content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%" + html + b"\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out) + html


def image(size: tuple[int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def draft():
    return services.start_draft(applicant=ApplicantFactory(), slug="temporary-residence")


@pytest.fixture
def v1_draft(db):
    """A draft on version 1 (layout 2019), which still takes scans as images: version 1 published again, as it was
    before version 2 (version 2 wants scans as PDF: see the last test of the scans below)."""
    from formdefs.api import FormDefinition, FormDefinitionStatus

    FormDefinition.objects.filter(slug="temporary-residence", version__gt=1).delete()
    FormDefinition.objects.filter(slug="temporary-residence", version=1).update(status=FormDefinitionStatus.PUBLISHED)
    return services.start_draft(applicant=ApplicantFactory(), slug="temporary-residence")


def upload(draft, data: bytes, name: str = "passport.pdf", requirement: str = "travel_document_copy"):
    return services.add_attachment(
        draft=draft, requirement=requirement, upload=SimpleUploadedFile(name, data, content_type="application/pdf")
    )


def stored_bytes(attachment) -> bytes:
    with attachment.file.open("rb") as handle:
        return handle.read()


def test_a_sound_pdf_that_runs_javascript_on_opening_is_stored_without_it(draft):
    original = pdf_with(javascript_on_open)
    with pikepdf.open(io.BytesIO(original)) as check:
        assert check.get_warnings() == [] and "/OpenAction" in check.Root  # sound structure, active content
    attachment = upload(draft, original)
    stored = stored_bytes(attachment)
    assert b"JavaScript" not in stored and b"OpenAction" not in stored and b"alert" not in stored
    assert attachment.sha256 == hashlib.sha256(stored).hexdigest() != hashlib.sha256(original).hexdigest()
    assert attachment.size == len(stored)
    with pikepdf.open(io.BytesIO(stored)) as cleaned:
        assert len(cleaned.pages) == 1 and "/OpenAction" not in cleaned.Root


def test_every_kind_of_active_content_is_removed_and_a_web_link_is_kept():
    cleaned = clean_pdf(pdf_with(every_kind_of_active_content))
    assert set(cleaned.removed) >= {"OpenAction", "AA", "JavaScript", "EmbeddedFiles", "XFA", "RichMedia"}
    assert set(cleaned.removed) >= {"FileAttachment", "Launch", "EmbeddedFile"}
    with pikepdf.open(io.BytesIO(cleaned.data)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                assert str(obj.get("/S", "")) not in {"/JavaScript", "/Launch"}
                assert not {"/JS", "/AA", "/OpenAction", "/XFA", "/EF"} & set(obj.keys())
                assert str(obj.get("/Type", "")) != "/EmbeddedFile"
        annotations = pdf.pages[0].obj.Annots
        assert [str(a.Subtype) for a in annotations] == ["/Link", "/Link", "/Link"]
        assert [str(a.A.S) for a in annotations if "/A" in a] == ["/URI"]
        assert "/Names" not in pdf.Root or not set(pdf.Root.Names.keys()) & {"/JavaScript", "/EmbeddedFiles"}
    for marker in (b"MZ pretend executable", b"cmd.exe", b"xdp:xdp"):
        assert marker not in cleaned.data


def test_an_html_pdf_polyglot_with_a_valid_xref_table_loses_its_markup(draft):
    original = polyglot()
    with pikepdf.open(io.BytesIO(original)) as check:
        assert check.get_warnings() == [] and len(check.pages) == 1  # a well-formed PDF ...
    assert original.startswith(b"%PDF-") and b"<script>" in original  # ... that a browser would run as HTML
    stored = stored_bytes(upload(draft, original))
    lowered = stored.lower()
    assert not [marker for marker in MARKUP if marker in lowered]
    with pikepdf.open(io.BytesIO(stored)) as cleaned:
        assert len(cleaned.pages) == 1 and cleaned.get_warnings() == []


def test_a_pdf_without_startxref_is_repaired_and_accepted(draft):
    original = pdf_with()
    damaged = original[: original.rfind(b"startxref")]
    assert clean_pdf(damaged).repaired
    stored = stored_bytes(upload(draft, damaged))
    with pikepdf.open(io.BytesIO(stored)) as repaired:
        assert repaired.get_warnings() == [] and len(repaired.pages) == 1


def test_garbage_behind_a_pdf_header_is_refused_as_damaged(draft):
    with pytest.raises(ValidationError) as error:
        upload(draft, b"%PDF-1.7\n" + b"\x00garbage" * 100)
    assert error.value.code == "upload_pdf_damaged"


def test_a_password_protected_pdf_is_refused(draft):
    pdf = pikepdf.new()
    pdf.add_blank_page()
    out = io.BytesIO()
    pdf.save(out, encryption=pikepdf.Encryption(owner="o", user="secret"))
    with pytest.raises(ValidationError) as error:
        upload(draft, out.getvalue())
    assert error.value.code == "upload_pdf_encrypted"


SCAN_TOO_SMALL = {
    "pl": "Ten skan jest za mały, by go odczytać (8 × 8 pikseli)",
    "en": "This scan is too small to be read (8 × 8 pixels)",
    "uk": "Цей скан замалий, щоб його прочитати (8 × 8 пікселів)",
    "ru": "Этот скан слишком мал, чтобы его прочитать (8 × 8 пикселей)",
}


@pytest.mark.parametrize(("language", "message"), SCAN_TOO_SMALL.items())
def test_an_eight_pixel_passport_scan_is_refused_with_a_message_in_each_language(v1_draft, language, message):
    with pytest.raises(ValidationError) as error:
        upload(v1_draft, image((8, 8)), name="passport.png")
    assert error.value.code == "upload_scan_too_small"
    with translation.override(language):
        assert message in error.value.messages[0] and "600" in error.value.messages[0]


def test_a_legible_scan_is_accepted_and_the_photograph_keeps_its_own_rule(v1_draft):
    draft = v1_draft
    attachment = upload(draft, image((600, 850)), name="passport.png")
    assert attachment.content_type == "image/png" and attachment.sha256 == hashlib.sha256(image((600, 850))).hexdigest()
    # The photograph's rule is the definition's 492 × 633, not the scan's: a 500 × 640 photo is fine.
    assert upload(draft, image((500, 640)), name="photo.png", requirement="photo").content_type == "image/png"
    other_draft = services.start_draft(applicant=draft.applicant, slug="temporary-residence")
    with pytest.raises(ValidationError) as error:
        upload(other_draft, image((400, 640)), name="photo.png", requirement="photo")
    assert error.value.code == "upload_photo_too_small"


def test_on_the_2026_layout_a_scan_is_a_pdf(draft):
    assert draft.definition.spec.layout == "2026"
    with pytest.raises(ValidationError) as error:
        upload(draft, image((600, 850)), name="passport.png")
    assert error.value.code == "upload_type" and "PDF" in error.value.messages[0]
    assert upload(draft, pdf_with()).content_type == "application/pdf"


def test_a_supplement_scan_must_be_legible_too(db):
    from tests.samples import submit_sample

    application = submit_sample()
    with pytest.raises(ValidationError) as error:
        services.add_case_attachment(
            application=application, upload=SimpleUploadedFile("p.png", image((300, 300)), content_type="image/png")
        )
    assert error.value.code == "upload_scan_too_small"
    attachment = services.add_case_attachment(
        application=application, upload=SimpleUploadedFile("p.pdf", pdf_with(javascript_on_open))
    )
    assert b"JavaScript" not in stored_bytes(attachment)


def test_a_signed_pdf_without_active_content_is_kept_byte_for_byte_so_its_signature_stays_valid(draft):
    from documents.signing import sign_pdf, verify_pdf_signature

    signed = sign_pdf(pdf_with(), reason="Zaświadczenie", location="Warszawa")
    attachment = upload(draft, signed)
    stored = stored_bytes(attachment)
    assert stored == signed and attachment.sha256 == hashlib.sha256(signed).hexdigest()
    assert verify_pdf_signature(stored).intact and verify_pdf_signature(stored).valid


def test_a_signed_pdf_with_javascript_is_cleaned_all_the_same(draft):
    from documents.signing import sign_pdf

    signed = sign_pdf(pdf_with(javascript_on_open), reason="Zaświadczenie", location="Warszawa")
    cleaned = clean_pdf(signed)
    assert clean_pdf(sign_pdf(pdf_with(), reason="Zaświadczenie", location="Warszawa")).kept_signed
    assert not cleaned.kept_signed and "OpenAction" in cleaned.removed and b"alert" not in cleaned.data
