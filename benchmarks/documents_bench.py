"""Benchmark of the document pipeline on the temporary residence and work application (with the employer's annex):
the package rendered and sealed as a worker does it, the same HTML through bare WeasyPrint, the seal alone, the
receipt rendered and sealed, an uploaded 10 MB scan checked and cleaned of active content (`applications.pdf_cleaning`)
as an upload is, and the peak memory of the process.

    .venv/bin/python -m benchmarks.documents_bench [--quick]

Timings are medians; ours and bare WeasyPrint run interleaved, so a busy machine slows both alike.
"""

from __future__ import annotations

import gc
import io
import logging
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from formdefs.samples import applicant_payload, employer_payload

ROOT = Path(__file__).resolve().parent.parent
CASE_NUMBER = "14/2026/000123"
SUBMITTED_AT = datetime(2026, 3, 14, 9, 26, 53, tzinfo=UTC)
OFFICE = {"name": "Mazowiecki Urząd Wojewódzki w Warszawie", "address": "pl. Bankowy 3/5, 00-950 Warszawa"}

# The sample answers the tests use too (formdefs.samples).
ANSWERS: dict[str, Any] = applicant_payload("temporary-residence-work")
ANNEX_ANSWERS: dict[str, Any] = employer_payload()


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mos.settings")
    import django
    from django.conf import settings

    django.setup()
    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    if not os.environ.get("DOCUMENT_SIGNING_KEY_FILE"):
        # Keep the benchmark's development seal out of the work tree.
        settings.DOCUMENT_SIGNING_DEV_DIR = os.path.join(tempfile.gettempdir(), "mos-bench-dev-signing")


def package_parts() -> dict[str, Any]:
    from formdefs.schema import FormDefinitionSpec
    from formdefs.serialization import official_definition

    definition = FormDefinitionSpec.model_validate(official_definition("temporary-residence-work"))
    annex = FormDefinitionSpec.model_validate(official_definition("employer-annex-1"))
    attachments = [
        {"label": a.label.pl, "name": f"{a.key}.pdf", "size": 180_000 + 1000 * i, "sha256": f"{i:02x}" * 32}
        for i, a in enumerate(definition.attachments)
    ]
    return {
        "definition": definition,
        "answers": ANSWERS,
        "attachments": attachments,
        "annex": {"definition": annex, "answers": ANNEX_ANSWERS},
        "declaration": {
            "confirmed_by": "Oksana Kowalenko <oksana@example.com>",
            "confirmed_at": SUBMITTED_AT,
            "ip": "203.0.113.7",
            "method": "password",
        },
        "case_number": CASE_NUMBER,
        "office": OFFICE,
        "submitted_at": SUBMITTED_AT,
    }


def scan_pdf(megabytes: float = 10.0) -> bytes:
    """A scanned document as a phone or scanner makes it: A4 pages at 300 dpi, one JPEG each, about `megabytes`."""
    from PIL import Image

    pages, size = [], 0
    while size < megabytes * 2**20:
        page = Image.effect_noise((2480, 3508), 40).convert("RGB")  # noise: as incompressible as a real scan's grain
        buffer = io.BytesIO()
        page.save(buffer, format="JPEG", quality=75)
        size += buffer.tell()
        pages.append(page)
    out = io.BytesIO()
    pages[0].save(out, format="PDF", save_all=True, append_images=pages[1:], resolution=300, quality=75)
    return out.getvalue()


def receipt_context(package_sha256: str) -> dict[str, Any]:
    return {
        "office": OFFICE,
        "submitted_at": SUBMITTED_AT,
        "applicant_name": "OKSANA KOWALENKO",
        "package_sha256": package_sha256,
        "access_code": "C8VN-7LLG-Q5QC",
        "applicant_language": "uk",
        "verification_url": f"http://127.0.0.1:8000/verify/?case=14%2F2026%2F000123&sha256={package_sha256}",
        "application_title": "Wniosek o udzielenie zezwolenia na pobyt czasowy i pracę",
    }


def medians(functions: dict[str, Callable[[], Any]], runs: int) -> dict[str, float]:
    """Median milliseconds of each function, run round-robin after one warm-up call each.

    As `timeit` does, the cyclic garbage collector is run before each call and paused during it: a WeasyPrint render
    leaves a large heap behind, and a full collection (100 ms and more) landed, run after run, on whichever function
    came next in the round (once making a 110 ms receipt read 264 ms)."""
    times: dict[str, list[float]] = {name: [] for name in functions}
    for fn in functions.values():
        fn()
    for _ in range(runs):
        for name, fn in functions.items():
            gc.collect()
            gc.disable()
            try:
                start = time.perf_counter()
                fn()
                times[name].append((time.perf_counter() - start) * 1000)
            finally:
                gc.enable()
    return {name: statistics.median(values) for name, values in times.items()}


def run(quick: bool = False) -> dict[str, Any]:
    """Median times in milliseconds, the page count, the targets met, and peak RSS in MiB."""
    _setup_django()
    from pypdf import PdfReader
    from weasyprint import HTML

    from applications.pdf_cleaning import clean_pdf
    from documents.package import TEMPLATE, package_context, render_package
    from documents.rendering import STYLES_DIR, STYLESHEET, render_html, render_pdf
    from documents.signing import sign_pdf
    from validators.files import validate_upload

    runs = 5 if quick else 20
    parts = package_parts()
    package_pdf = render_package(**parts)
    html = render_html(TEMPLATE, package_context(**parts), language="pl", title="Wniosek", case_number=CASE_NUMBER)
    receipt = receipt_context("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
    receipt_html = render_html("documents/receipt.html", receipt, language="pl", title="UPO", case_number=CASE_NUMBER)

    def package_render_and_sign() -> bytes:
        return sign_pdf(render_package(**parts), reason="Wniosek", location="Warszawa")

    def receipt_render_and_sign() -> bytes:
        pdf = render_pdf("documents/receipt.html", receipt, language="pl", title="UPO", case_number=CASE_NUMBER)
        return sign_pdf(pdf, reason="Urzędowe poświadczenie odbioru", location="Warszawa")

    def bare(source: str) -> Callable[[], bytes]:
        # The same HTML and print stylesheet (so the same fonts and pages): no PDF/A, no attachments, no seal.
        return lambda: HTML(string=source, base_url=STYLES_DIR.as_uri() + "/").write_pdf(stylesheets=[str(STYLESHEET)])

    result = medians(
        {
            "package": package_render_and_sign,
            "package_bare": bare(html),
            "package_render": lambda: render_package(**parts),
            "sign": lambda: sign_pdf(package_pdf, reason="Wniosek", location="Warszawa"),
            "receipt": receipt_render_and_sign,
            "receipt_bare": bare(receipt_html),
        },
        runs,
    )
    scan = scan_pdf()
    scan_times = medians(
        {
            "check": lambda: validate_upload(io.BytesIO(scan), accept=["application/pdf"], max_size_mb=20),
            "clean": lambda: clean_pdf(scan),
        },
        max(3, runs // 4),
    )
    pages = len(PdfReader(io.BytesIO(package_pdf)).pages)
    peak_rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
    ratio = result["package"] / result["package_bare"]
    return {
        "runs": runs,
        "package_pages": pages,
        "package_bytes": len(package_pdf),
        "package_render_and_sign_ms": round(result["package"], 1),
        "package_render_only_ms": round(result["package_render"], 1),
        "bare_weasyprint_same_html_ms": round(result["package_bare"], 1),
        "package_to_bare_ratio": round(ratio, 2),
        "sign_package_ms": round(result["sign"], 1),
        "receipt_render_and_sign_ms": round(result["receipt"], 1),
        "receipt_bare_weasyprint_ms": round(result["receipt_bare"], 1),
        "scan_upload_mb": round(len(scan) / 2**20, 1),
        "scan_upload_check_ms": round(scan_times["check"], 1),
        "scan_upload_clean_ms": round(scan_times["clean"], 1),
        "target_scan_clean_lt_2000ms": scan_times["clean"] < 2000,
        "peak_rss_mib": round(peak_rss_mib, 1),
        "target_ratio_le_1.3": ratio <= 1.3,
        "target_package_lt_500ms": result["package"] < 500,
        "target_receipt_lt_50ms": result["receipt"] < 50,
        "cpus_load_avg_1min": f"{os.cpu_count()} / {os.getloadavg()[0]:.2f}",
    }


def main(argv: list[str] | None = None) -> None:
    result = run(quick="--quick" in (argv if argv is not None else sys.argv[1:]))
    for key, value in result.items():
        print(f"{key:34} {value}")


if __name__ == "__main__":
    main()
