"""Benchmark of the document pipeline: a >= 6-page application package through render_pdf against bare WeasyPrint,
the seal, and a receipt rendered and sealed.

    .venv/bin/python -m benchmarks.documents_bench [--quick]
"""

from __future__ import annotations

import io
import os
import resource
import statistics
import sys
import tempfile
import time
from typing import Any


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mos.settings")
    import django
    from django.conf import settings

    django.setup()
    if not os.environ.get("DOCUMENT_SIGNING_KEY_FILE"):
        # Keep the benchmark's development seal out of the work tree.
        settings.DOCUMENT_SIGNING_DEV_DIR = os.path.join(tempfile.gettempdir(), "mos-bench-dev-signing")


def _median_ms(fn, runs: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def synthetic_parts(rows: int = 160) -> dict:
    from tests.documents.samples import package_parts, small_answers

    answers = small_answers()
    answers["stays"]["previous_stays"] = [
        {"from_date": f"20{10 + i % 15:02d}-0{1 + i % 9}-1{i % 10}",
         "to_date": f"20{11 + i % 14:02d}-0{1 + i % 9}-2{i % 10}",
         "purpose": f"pobyt nr {i}: praca sezonowa w gospodarstwie w Żółkiewce"} for i in range(rows)]
    return package_parts(answers=answers)


def run(quick: bool = False) -> dict:
    """Median times in milliseconds, the page count, and peak RSS in MiB."""
    _setup_django()
    from pypdf import PdfReader
    from weasyprint import HTML

    from documents.package import TEMPLATE, package_context, render_package
    from documents.rendering import STYLESHEET, render_html, render_pdf
    from documents.signing import get_signer, sign_pdf
    from tests.documents.samples import CASE_NUMBER, receipt_context

    runs = 5 if quick else 20
    parts = synthetic_parts()
    render_package(**parts)  # the first render loads fonts and caches; it is not what a warm worker pays
    get_signer()
    render_ms, package_pdf = _median_ms(lambda: render_package(**parts), runs)
    pages = len(PdfReader(io.BytesIO(package_pdf)).pages)
    html = render_html(TEMPLATE, package_context(**parts), language="pl", title="Wniosek", case_number=CASE_NUMBER)
    bare_ms, _ = _median_ms(lambda: HTML(string=html).write_pdf(), runs)  # no print stylesheet: plain layout
    bare_css_ms, _ = _median_ms(lambda: HTML(string=html).write_pdf(stylesheets=[str(STYLESHEET)]), runs)
    sign_ms, _ = _median_ms(lambda: sign_pdf(package_pdf, reason="Pakiet wniosku", location="Warszawa"), runs)

    def receipt() -> bytes:
        pdf = render_pdf("documents/receipt.html", receipt_context(), language="pl", title="UPO",
                         case_number=CASE_NUMBER)
        return sign_pdf(pdf, reason="Urzędowe poświadczenie odbioru", location="Warszawa")

    receipt_ms, _ = _median_ms(receipt, runs)
    peak_rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
    return {
        "runs": runs,
        "package_pages": pages,
        "package_bytes": len(package_pdf),
        "render_package_ms": round(render_ms, 1),
        "bare_weasyprint_ms": round(bare_ms, 1),
        "render_to_bare_ratio": round(render_ms / bare_ms, 2),
        "bare_with_stylesheet_ms": round(bare_css_ms, 1),
        "render_to_bare_with_stylesheet_ratio": round(render_ms / bare_css_ms, 2),
        "sign_package_ms": round(sign_ms, 1),
        "receipt_render_and_sign_ms": round(receipt_ms, 1),
        "peak_rss_mib": round(peak_rss_mib, 1),
    }


def main(argv: list[str] | None = None) -> None:
    result = run(quick="--quick" in (argv if argv is not None else sys.argv[1:]))
    for key, value in result.items():
        print(f"{key:38} {value}")


if __name__ == "__main__":
    main()
