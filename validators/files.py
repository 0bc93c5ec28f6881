"""Uploaded files: what they really are (by their bytes), how big, a checksum and a safe name.

The type is decided from the content, never from the name or the browser's Content-Type, which the uploader controls.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image

from validators._registration import field_validator

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", PDF),
    (b"\xff\xd8\xff", JPEG),
    (b"\x89PNG\r\n\x1a\n", PNG),
)
_EXTENSIONS = {PDF: (".pdf",), JPEG: (".jpg", ".jpeg"), PNG: (".png",)}
_CHUNK_SIZE = 64 * 1024
_WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"COM{i}" for i in range(1, 10)] + [f"LPT{i}" for i in range(1, 10)]
)


def sniff_content_type(head: bytes) -> str | None:
    """The content type the first bytes of a file announce (PDF, JPEG or PNG), else None."""
    for magic, content_type in _MAGIC:
        if head.startswith(magic):
            return content_type
    return None


@dataclass(frozen=True)
class UploadInfo:
    """What an accepted upload is; stored with the attachment."""

    content_type: str
    size: int
    sha256: str
    safe_name: str
    width: int | None = None
    height: int | None = None


def _chunks(file: IO[bytes] | Any) -> Iterator[bytes]:
    file.seek(0)
    while chunk := file.read(_CHUNK_SIZE):
        yield chunk


def _is_allowed(ch: str) -> bool:
    return ch in "._-" or unicodedata.category(ch)[0] in ("L", "M") or unicodedata.category(ch) == "Nd"


def safe_filename(name: str, max_length: int = 100) -> str:
    """A file name safe to store and to offer for download: no folders, control characters or path tricks.

    Letters of any script, digits, dot, dash and underscore are kept (other characters become _), the extension is
    kept, the result is at most ``max_length`` characters and never empty ("file").
    """
    name = unicodedata.normalize("NFC", str(name or ""))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]  # a browser on Windows may send C:\Users\...\scan.pdf
    cleaned = "".join(ch if _is_allowed(ch) else "_" for ch in name if unicodedata.category(ch)[0] != "C")
    while ".." in cleaned or "__" in cleaned:
        cleaned = cleaned.replace("..", ".").replace("__", "_")
    cleaned = cleaned.strip("._-")  # no hidden files, no names read as command-line options
    stem, dot, extension = cleaned.rpartition(".")
    if not dot:
        stem, extension = cleaned, ""
    extension = extension[:10].lower()
    stem = stem.strip("._-") or "file"
    if stem.upper() in _WINDOWS_RESERVED:
        stem = f"file_{stem}"
    suffix = f".{extension}" if extension else ""
    if len(suffix) >= max_length:
        suffix = ""
    stem = stem[: max(max_length - len(suffix), 1)].rstrip("._-") or "file"[: max(max_length - len(suffix), 1)]
    return (stem + suffix)[: max(max_length, 1)]


def _name_for(file: Any, content_type: str) -> str:
    """The uploaded name made safe, with an extension that agrees with what the bytes are."""
    name = safe_filename(os.path.basename(str(getattr(file, "name", "") or "")) or "file")
    stem, dot, extension = name.rpartition(".")
    if dot and f".{extension}" in _EXTENSIONS[content_type]:
        return name
    return f"{stem if dot else name}{_EXTENSIONS[content_type][0]}"


def _check_pdf(file: Any) -> None:
    """Readable by qpdf (through pikepdf), which also recovers what viewers recover (a lost `startxref`, a broken
    cross-reference table); a password-protected file is refused, since the office could not open it."""
    import pikepdf  # qpdf is loaded only where PDFs are checked

    try:
        file.seek(0)
        with pikepdf.open(file) as pdf:
            pages = len(pdf.pages)
    except pikepdf.PasswordError:
        raise ValidationError(
            _("This PDF file is protected with a password. Please upload it without the password."),
            code="upload_pdf_encrypted",
        ) from None
    except Exception:  # qpdf raises many kinds of errors for a file it cannot recover; all mean the same here
        pages = 0
    if pages == 0:
        raise ValidationError(_("This PDF file is damaged and cannot be opened."), code="upload_pdf_damaged")


def _image_size(file: Any) -> tuple[int, int]:
    """Width and height of an image that Pillow can read completely; ValidationError otherwise."""
    try:
        file.seek(0)
        with Image.open(file) as image:
            size = image.size
            image.verify()
    except Exception:  # Pillow raises many kinds of errors (including decompression bombs) for a bad image
        raise ValidationError(_("This image is damaged and cannot be opened."), code="upload_image_damaged") from None
    return size


def _check_dimensions(width: int, height: int, min_width: int | None, min_height: int | None) -> None:
    if (min_width and width < min_width) or (min_height and height < min_height):
        raise ValidationError(
            _(
                "This photograph is too small (%(width)d × %(height)d pixels). "
                "It must be at least %(min_width)d × %(min_height)d pixels."
            ),
            code="upload_photo_too_small",
            params={"width": width, "height": height, "min_width": min_width or 0, "min_height": min_height or 0},
        )


#: The shorter side of a scanned or photographed document, at least. An ID-3 passport page (88 mm) at 600 px is
#: about 170 dpi, above the 150 dpi at which its machine-readable zone (2.5 mm characters) stays legible; anything
#: smaller is a thumbnail, not a copy an officer can read. Photographs have their own rule in the definitions.
SCAN_MIN_SHORT_SIDE = 600


def _check_scan_resolution(width: int, height: int, min_short_side: int | None) -> None:
    if min_short_side and min(width, height) < min_short_side:
        raise ValidationError(
            _(
                "This scan is too small to be read (%(width)d × %(height)d pixels). Scan or photograph the document "
                "so that its shorter side has at least %(min_side)d pixels."
            ),
            code="upload_scan_too_small",
            params={"width": width, "height": height, "min_side": min_short_side},
        )


def _check_photo_limits(
    width: int, height: int, size: int, max_kb: int | None, proportion: str | None, tolerance: float = 0.02
) -> None:
    """The 2026 photograph rules beyond its pixels: at most `max_kb` kilobytes, in `proportion` ("35:45") within
    `tolerance` (2 %: a photo cropped a pixel or two off is still 35 x 45)."""
    if max_kb and size > max_kb * 1024:
        raise ValidationError(
            _("This photograph is too large (%(size)s kB): it may have at most %(max_kb)d kB."),
            code="upload_photo_too_large",
            params={"size": size // 1024, "max_kb": max_kb},
        )
    if proportion:
        want_w, want_h = (int(part) for part in proportion.split(":"))
        if abs(width / height - want_w / want_h) > tolerance * want_w / want_h:
            raise ValidationError(
                _(
                    "This photograph has the wrong proportions (%(width)d × %(height)d pixels): "
                    "crop it to %(want_w)d × %(want_h)d (width to height)."
                ),
                code="upload_photo_proportion",
                params={"width": width, "height": height, "want_w": want_w, "want_h": want_h},
            )


def _describe(accept: Sequence[str]) -> str:
    labels = {PDF: "PDF", JPEG: "JPEG", PNG: "PNG"}
    return ", ".join(labels.get(content_type, content_type) for content_type in accept)


def validate_upload(
    file: Any,
    *,
    accept: Sequence[str],
    max_size_mb: int,
    min_width: int | None = None,
    min_height: int | None = None,
    min_short_side: int | None = None,
    max_kb: int | None = None,
    proportion: str | None = None,
) -> UploadInfo:
    """Check an uploaded file (type by its bytes, size, PDF or image readable, photo or scan size) and describe it.

    `min_width`/`min_height` are a photograph's rule; `min_short_side` a scan's (`SCAN_MIN_SHORT_SIDE`).

    Works with Django's UploadedFile/File and plain binary file objects; the position is reset to the start afterwards.
    """
    try:
        max_size = max_size_mb * 1024 * 1024
        declared_size = getattr(file, "size", None)
        if isinstance(declared_size, int) and declared_size > max_size:
            raise _too_big(max_size_mb)
        digest = hashlib.sha256()
        size = 0
        head = b""
        for chunk in _chunks(file):
            if len(head) < 16:
                head += chunk[:16]
            size += len(chunk)
            if size > max_size:
                raise _too_big(max_size_mb)
            digest.update(chunk)
        if size == 0:
            raise ValidationError(_("This file is empty."), code="upload_empty")
        content_type = sniff_content_type(head)
        if content_type is None or content_type not in accept:
            raise ValidationError(
                _("This type of file cannot be accepted here. Allowed types: %(allowed)s."),
                code="upload_type",
                params={"allowed": _describe(accept)},
            )
        width = height = None
        if content_type == PDF:
            _check_pdf(file)
        else:
            width, height = _image_size(file)
            _check_dimensions(width, height, min_width, min_height)
            _check_photo_limits(width, height, size, max_kb, proportion)
            _check_scan_resolution(width, height, min_short_side)
        return UploadInfo(
            content_type=content_type,
            size=size,
            sha256=digest.hexdigest(),
            safe_name=_name_for(file, content_type),
            width=width,
            height=height,
        )
    finally:
        file.seek(0)


def _too_big(max_size_mb: int) -> ValidationError:
    return ValidationError(
        _("This file is too large: the limit is %(max_size_mb)d MB."),
        code="upload_too_large",
        params={"max_size_mb": max_size_mb},
    )


@field_validator("photo_dimensions")
def photo_dimensions(
    file: Any, *, min_width: int = 0, min_height: int = 0, max_kb: int | None = None, proportion: str | None = None
) -> Any:
    """A photograph (JPEG or PNG) at least min_width × min_height pixels (and, when given, at most `max_kb` kB in
    `proportion`, as the 2026 rules want); returns the file, rewound."""
    try:
        head = b""
        for chunk in _chunks(file):
            head = chunk[:16]
            break
        if sniff_content_type(head) not in (JPEG, PNG):
            raise ValidationError(_("The photograph must be a JPEG or PNG image."), code="upload_type")
        width, height = _image_size(file)
        _check_dimensions(width, height, min_width, min_height)
        size = getattr(file, "size", None)
        if not isinstance(size, int):
            file.seek(0, 2)
            size = file.tell()
        _check_photo_limits(width, height, size, max_kb, proportion)
        return file
    finally:
        file.seek(0)
