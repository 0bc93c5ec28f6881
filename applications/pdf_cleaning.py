"""Uploaded PDFs are rewritten without active content before they are stored and reach officers' PDF readers.

qpdf (through pikepdf) reads the file, recovering what viewers recover, and writes a fresh one: every object is
serialised anew and only what the document reaches is written, so bytes hidden between objects or after the end (an
HTML/PDF polyglot's page) are gone, and streams are compressed, so no stream reads as markup either. Removed on the
way: JavaScript, the actions run on opening or on events (/OpenAction, /AA), actions other than moving within the
document or opening a web link (Launch, SubmitForm, ImportData, GoToR, ...), embedded and attached files, XFA forms,
RichMedia, 3D, sound and movie annotations.

One exception: a signed PDF (an applicant's certificate with a qualified signature) in which nothing active was
found, which needed no repair and whose bytes hold no markup is stored byte for byte, because a rewrite would break
its signature and the office could no longer verify it.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

#: Actions kept: they only move within the document, name a viewer command, or show a web link.
SAFE_ACTIONS = frozenset({"/GoTo", "/URI", "/Named", "/Thread"})
#: Annotations that carry media, files or scripts of their own.
ACTIVE_ANNOTATIONS = frozenset({"/FileAttachment", "/RichMedia", "/Screen", "/Movie", "/Sound", "/3D"})
#: What an HTML page needs and a PDF never has outside compressed streams.
MARKUP_MARKERS = (b"<html", b"<script", b"<body", b"<svg", b"<iframe", b"<!doctype")
#: Keys that run something by themselves.
ACTIVE_KEYS = ("/OpenAction", "/AA", "/JS", "/RichMediaContent", "/RichMediaSettings")

UNCLEANABLE_MESSAGE = _(
    "This PDF file cannot be made safe to pass on to the office. Save it again as a plain PDF (for example with "
    "“Print to PDF”) and upload it again."
)


@dataclass
class CleanedPdf:
    data: bytes
    sha256: str
    removed: list[str] = field(default_factory=list)
    repaired: bool = False
    kept_signed: bool = False


def clean_pdf(data: bytes) -> CleanedPdf:
    """The PDF rewritten without active content; ValidationError (shown on the field) if that is impossible."""
    import pikepdf  # qpdf is loaded only where PDFs are cleaned

    removed: set[str] = set()
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            repaired = any("damaged" in warning or "reconstruct" in warning for warning in pdf.get_warnings())
            _clean_catalog(pdf, removed)
            for obj in list(pdf.objects):
                if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                    _clean_dictionary(obj, removed)
            for page in pdf.pages:
                _clean_annotations(page.obj, removed)
            if not removed and not repaired and _is_signed(pdf) and not _has_markup(data):
                return CleanedPdf(data, hashlib.sha256(data).hexdigest(), kept_signed=True)
            out = io.BytesIO()
            pdf.save(
                out,
                compress_streams=True,
                object_stream_mode=pikepdf.ObjectStreamMode.preserve,
                fix_metadata_version=False,
                deterministic_id=True,
            )
    except pikepdf.PasswordError:
        raise ValidationError(
            _("This PDF file is protected with a password. Please upload it without the password."),
            code="upload_pdf_encrypted",
        ) from None
    except Exception:  # qpdf cannot read or write it: nothing safe can be stored
        raise ValidationError(UNCLEANABLE_MESSAGE, code="upload_pdf_uncleanable") from None
    cleaned = out.getvalue()
    return CleanedPdf(cleaned, hashlib.sha256(cleaned).hexdigest(), sorted(removed), repaired)


def _is_signed(pdf) -> bool:
    import pikepdf

    return any(
        isinstance(obj, pikepdf.Dictionary) and "/ByteRange" in obj and "/Contents" in obj for obj in pdf.objects
    )


def _has_markup(data: bytes) -> bool:
    lowered = data.lower()
    return any(marker in lowered for marker in MARKUP_MARKERS)


def _clean_catalog(pdf, removed: set[str]) -> None:
    from pikepdf import Name

    root = pdf.Root
    names = root.get(Name.Names)
    if names is not None:
        for key in ("/JavaScript", "/EmbeddedFiles"):
            if key in names:
                del names[key]
                removed.add(key[1:])
    form = root.get(Name.AcroForm)
    if form is not None:
        if Name.XFA in form:
            del form[Name.XFA]
            removed.add("XFA")
        if Name.NeedsRendering in root:
            del root[Name.NeedsRendering]


def _clean_dictionary(obj, removed: set[str]) -> None:
    """Strip what runs by itself from one dictionary, and from the direct dictionaries inside it."""
    import pikepdf

    stack = [obj]
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Array):
            stack.extend(item for item in node if isinstance(item, pikepdf.Object) and not item.is_indirect)
            continue
        if not isinstance(node, pikepdf.Dictionary | pikepdf.Stream):
            continue
        for key in ACTIVE_KEYS:
            if key in node:
                del node[key]
                removed.add(key[1:])
        action = node.get("/A")
        if isinstance(action, pikepdf.Dictionary) and str(action.get("/S")) not in SAFE_ACTIONS:
            removed.add(str(action.get("/S"))[1:])
            del node["/A"]
        if "/Next" in node and "/S" in node:  # a chain of further actions: none is needed to read a document
            del node["/Next"]
            removed.add("Next")
        if "/EF" in node:  # a file specification with the file itself embedded
            del node["/EF"]
            removed.add("EmbeddedFile")
        if str(node.get("/Type")) == "/EmbeddedFile" and isinstance(node, pikepdf.Stream):
            node.write(b"")
            removed.add("EmbeddedFile")
        for key in list(node.keys()):
            value = node.get(key)
            if isinstance(value, pikepdf.Dictionary | pikepdf.Array) and not value.is_indirect:
                stack.append(value)


def _clean_annotations(page, removed: set[str]) -> None:
    import pikepdf

    annotations = page.get("/Annots")
    if not isinstance(annotations, pikepdf.Array):
        return
    kept = pikepdf.Array()
    for annotation in annotations:
        subtype = str(annotation.get("/Subtype")) if isinstance(annotation, pikepdf.Dictionary) else ""
        if subtype in ACTIVE_ANNOTATIONS:
            removed.add(subtype[1:])
            continue
        kept.append(annotation)
    page[pikepdf.Name.Annots] = kept


@dataclass
class StoredUpload:
    """What is stored for an accepted upload: the file, its digest and size (of the stored bytes)."""

    file: object
    sha256: str
    size: int
    removed: list[str] = field(default_factory=list)


def stored_upload(upload, *, content_type: str, sha256: str, size: int) -> StoredUpload:
    """A PDF is stored cleaned (its new digest and size); an image as uploaded."""
    from django.core.files.base import ContentFile

    if content_type != "application/pdf":
        return StoredUpload(upload, sha256, size)
    upload.seek(0)
    cleaned = clean_pdf(upload.read())
    upload.seek(0)
    return StoredUpload(ContentFile(cleaned.data), cleaned.sha256, len(cleaned.data), cleaned.removed)
