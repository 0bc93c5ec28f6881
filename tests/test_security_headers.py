"""Content-Security-Policy without inline script or style, its report endpoint, and Permissions-Policy."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
#: PDFs are rendered by WeasyPrint from these, never served to a browser: their <style> is no CSP matter.
PDF_TEMPLATES = TEMPLATES / "documents"


def directives(header: str) -> dict[str, list[str]]:
    parts = [part.strip().split() for part in header.split(";") if part.strip()]
    return {part[0]: part[1:] for part in parts}


@pytest.mark.parametrize("path", ["/", "/info/", "/status/", "/accounts/login/", "/api/v1/docs", "/api/v1/forms"])
def test_every_answer_carries_a_strict_content_security_policy(client, path):
    response = client.get(path)
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'"] and policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert policy["report-uri"] == ["/csp-report/"]
    # Nothing unsafe for scripts or styles; 'wasm-unsafe-eval' lets pdf.js compile WebAssembly, never run eval().
    unsafe = {value for values in policy.values() for value in values if "unsafe" in value}
    assert unsafe <= {"'wasm-unsafe-eval'"}


def test_every_answer_switches_off_powerful_browser_features(client):
    policy = client.get("/")["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy


def test_no_template_served_to_browsers_has_inline_script_or_style():
    inline = []
    for template in TEMPLATES.rglob("*.html"):
        if PDF_TEMPLATES in template.parents:
            continue
        text = template.read_text()
        for pattern in (
            r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")",
            r"<style",
            r"\sstyle=",
            r"\son\w+=",
        ):
            inline += [f"{template.relative_to(TEMPLATES)}: {match.group(0)}" for match in re.finditer(pattern, text)]
    assert inline == []


def test_a_violation_report_is_logged(client, caplog):
    report = {
        "csp-report": {
            "document-uri": "https://mos.example/info/",
            "violated-directive": "script-src-elem",
            "blocked-uri": "inline",
        }
    }
    response = client.post("/csp-report/", json.dumps(report), content_type="application/csp-report")
    assert response.status_code == 204
    assert any("script-src-elem" in record.getMessage() and record.name == "mos.csp" for record in caplog.records)


@pytest.mark.parametrize(
    ("body", "status"), [(b"not json", 400), (b"[1, 2]", 400), (b'{"csp-report": 5}', 400), (b"x" * 20_000, 413)]
)
def test_a_malformed_report_is_refused(client, body, status):
    assert client.post("/csp-report/", body, content_type="application/csp-report").status_code == status


def test_the_report_endpoint_takes_only_posts(client):
    assert client.get("/csp-report/").status_code == 405
