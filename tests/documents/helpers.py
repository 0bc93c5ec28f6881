"""Reading rendered PDFs back with pypdf."""

from __future__ import annotations

import io

from pypdf import PdfReader


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in reader(pdf).pages)


def xmp(pdf: bytes) -> str:
    return reader(pdf).trailer["/Root"]["/Metadata"].get_object().get_data().decode()
