"""Where the text of a rendered PDF lies: every text run's box on its page, read back with pypdf and measured with the
project's own fonts (fontTools), so a test can prove that nothing is printed outside the page."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache

from fontTools.ttLib import TTFont
from pypdf import PdfReader

from documents.rendering import FONTS_DIR

# The PostScript names WeasyPrint writes (a subset tag, then the family and the style) and the files they come from.
FONT_FILES = {
    "MOS-Sans": "DejaVuSans.ttf",
    "MOS-Sans-Bold": "DejaVuSans-Bold.ttf",
    "MOS-Sans-Oblique": "DejaVuSans-Oblique.ttf",
    "MOS-Sans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
    "MOS-Serif": "DejaVuSerif.ttf",
    "MOS-Serif-Bold": "DejaVuSerif-Bold.ttf",
    "MOS-Mono": "DejaVuSansMono.ttf",
}
WIDEST = "DejaVuSans-Bold.ttf"


@dataclass(frozen=True)
class TextRun:
    page: int
    text: str
    left: float
    right: float
    bottom: float
    top: float


@cache
def _metrics(file_name: str) -> tuple[dict[int, str], dict[str, int], int]:
    font = TTFont(FONTS_DIR / file_name, lazy=True)
    return (
        font.getBestCmap(),
        {name: width for name, (width, _) in font["hmtx"].metrics.items()},
        font["head"].unitsPerEm,
    )


def text_width(text: str, size: float, base_font: str) -> float:
    """The advance width of `text` at `size` points in the font WeasyPrint named `base_font` (an unknown font is
    measured with the widest one, so the check errs towards finding an overflow)."""
    name = base_font.lstrip("/").split("+", 1)[-1]
    cmap, widths, units = _metrics(FONT_FILES.get(name, WIDEST))
    return sum(widths.get(cmap.get(ord(char), ".notdef"), units) for char in text) * size / units


def text_runs(pdf: bytes) -> list[TextRun]:
    runs: list[TextRun] = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):

        def visit(text, cm, tm, font_dict, font_size, number=number):
            text = text.rstrip("\n")
            if not text.strip():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            size = font_size * abs(tm[0] * cm[0] or tm[1] * cm[1] or 1)
            base_font = str(font_dict.get("/BaseFont", "")) if font_dict else ""
            for line in text.split("\n"):
                width = text_width(line, size, base_font)
                runs.append(TextRun(number, line, x, x + width, y, y + size))
                y -= size

        page.extract_text(visitor_text=visit)
    return runs


def page_boxes(pdf: bytes) -> dict[int, tuple[float, float, float, float]]:
    return {
        number: tuple(float(v) for v in page.mediabox)
        for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1)
    }


def runs_outside_page(pdf: bytes, *, tolerance: float = 0.5) -> list[TextRun]:
    """The text runs that do not lie wholly inside their page's media box."""
    boxes = page_boxes(pdf)
    outside = []
    for run in text_runs(pdf):
        left, bottom, right, top = boxes[run.page]
        if (
            run.left < left - tolerance
            or run.right > right + tolerance
            or run.bottom < bottom - tolerance
            or run.top > top + tolerance
        ):
            outside.append(run)
    return outside
