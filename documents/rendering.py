"""One function that turns a template under templates/documents/ into a PDF/A-3b official document.

Rendering is offline by construction: the URL fetcher serves only data: URLs and the project's own fonts and
stylesheet, so nothing an applicant types can make WeasyPrint open a network connection or read another file.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import CSS, HTML, Attachment
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

DOCUMENTS_DIR = Path(__file__).resolve().parent
FONTS_DIR = DOCUMENTS_DIR / "fonts"
STYLES_DIR = DOCUMENTS_DIR / "static_pdf"
STYLESHEET = STYLES_DIR / "documents.css"
ALLOWED_DIRS = (FONTS_DIR, STYLES_DIR)
GENERATOR = "MOS"
# WeasyPrint logs every rendering step at INFO; in a worker that is noise, warnings and errors still show.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

CONTENT_TYPES = {".ttf": "font/ttf", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png"}


class ForbiddenURL(ValueError):
    """The renderer was asked for a URL outside data: and the project's own font and stylesheet files."""


class RestrictedURLFetcher(URLFetcher):
    """Serve data: URLs and file:// URLs under documents/fonts and documents/static_pdf; refuse everything else.

    fail_on_errors makes a refused URL abort the render instead of leaving a silent hole in an official document.
    """

    def __init__(self) -> None:
        super().__init__(timeout=1, allowed_protocols=("data", "file"), allow_redirects=False, fail_on_errors=True)

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = allowed_file_path(url)
            return URLFetcherResponse(
                path.as_uri(),
                path.read_bytes(),
                {"Content-Type": CONTENT_TYPES.get(path.suffix, "application/octet-stream")},
            )
        raise ForbiddenURL(f"the document renderer does not fetch {url[:80]!r}")


def allowed_file_path(url: str) -> Path:
    """The local path of a file:// URL if it lies under one of ALLOWED_DIRS (after resolving .. and symlinks)."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        raise ForbiddenURL(f"not a local file URL: {url[:80]!r}")
    path = Path(unquote(parts.path)).resolve()
    if not any(path.is_relative_to(directory) for directory in ALLOWED_DIRS) or not path.is_file():
        raise ForbiddenURL(f"the document renderer does not read {str(path)[:80]!r}")
    return path


@dataclass(frozen=True)
class PdfAttachment:
    """A file embedded in the PDF/A-3 (for example the application's answers as JSON)."""

    name: str
    content: bytes | str
    description: str = ""
    relationship: str = "Data"  # PDF/A-3 AFRelationship: Data, Source, Alternative, Supplement, Unspecified


def pdf_identifier(case_number: str | None, template_name: str) -> bytes:
    """The permanent part of the PDF file identifier: the same for every render of one document of one case."""
    seed = f"MOS|{case_number or '-'}|{template_name}"
    return hashlib.sha256(seed.encode()).hexdigest()[:32].encode()


def unique_associated_files(_document, pdf) -> None:
    """List each associated file once in the catalog's /AF: WeasyPrint 70 adds every attachment twice (once from the
    EmbeddedFiles names, once from its file specification), which PDF/A-3 validators flag."""
    associated = pdf.catalog.get("AF")
    if not associated:
        return
    seen: set[str] = set()
    unique = [item for item in associated if not (str(item) in seen or seen.add(str(item)))]
    associated.clear()
    associated.extend(unique)


_thread_state = threading.local()


def shared_style() -> tuple[RestrictedURLFetcher, FontConfiguration, CSS]:
    """The URL fetcher, font configuration and parsed print stylesheet, made once per thread (in practice once per
    worker process, which Celery recycles after a number of tasks).

    Parsing the stylesheet registers its @font-face fonts with the font configuration; doing that for every document
    cost about 30 ms, most of a one-page receipt.
    """
    style = getattr(_thread_state, "style", None)
    if style is None:
        fetcher, font_config = RestrictedURLFetcher(), FontConfiguration()
        style = (fetcher, font_config, CSS(filename=str(STYLESHEET), url_fetcher=fetcher, font_config=font_config))
        _thread_state.style = style
    return style


def render_html(
    template_name: str,
    context: dict,
    *,
    language: str,
    title: str,
    case_number: str | None = None,
    created: datetime | None = None,
) -> str:
    """The HTML of a document (the step before PDF; handy in tests and for previews)."""
    created = (created or timezone.now()).astimezone(UTC).replace(microsecond=0)
    document = {
        "title": title,
        "language": language,
        "case_number": case_number or "",
        "generator": GENERATOR,
        "created": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    with translation.override(language):
        return render_to_string(template_name, {**context, "document": document})


def render_pdf(
    template_name: str,
    context: dict,
    *,
    language: str,
    title: str,
    case_number: str | None = None,
    attachments: Sequence[PdfAttachment] = (),
    variant: str = "pdf/a-3b",
    created: datetime | None = None,
) -> bytes:
    """Render `template_name` (under templates/documents/) into PDF bytes.

    `created` is the document's date (metadata and attachment dates); pass the same value to get the same bytes.
    """
    created = (created or timezone.now()).astimezone(UTC).replace(microsecond=0)
    html = render_html(template_name, context, language=language, title=title, case_number=case_number, created=created)
    fetcher, font_config, stylesheet = shared_style()
    pdf_attachments = [
        Attachment(
            string=a.content,
            name=a.name,
            description=a.description or None,
            relationship=a.relationship,
            created=created,
            modified=created,
            url_fetcher=fetcher,
        )
        for a in attachments
    ]
    try:
        return HTML(string=html, base_url=STYLES_DIR.as_uri() + "/", url_fetcher=fetcher).write_pdf(
            stylesheets=[stylesheet],
            font_config=font_config,
            pdf_variant=variant or None,
            pdf_identifier=pdf_identifier(case_number, template_name),
            attachments=pdf_attachments,
            custom_metadata=True,
            # Tagged PDF (a structure tree from the HTML): a screen reader reads headings, tables and lists in order.
            pdf_tags=True,
            finisher=unique_associated_files,
        )
    except FatalURLFetchingError as exc:  # a BaseException in WeasyPrint: make it an ordinary error for callers
        raise ForbiddenURL(str(exc.__cause__ or exc)) from exc
