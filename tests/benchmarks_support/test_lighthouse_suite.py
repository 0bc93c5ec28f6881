"""The Lighthouse suite is registered in `make bench`, reads a Lighthouse report into the figures of issue 17, and is
skipped with its reason where npm or Chromium is missing (so `.ci/run`'s `make bench --quick` stays short)."""

from __future__ import annotations

import json

from benchmarks import __main__ as bench
from benchmarks import lighthouse_bench


def lighthouse_report(performance=0.97, accessibility=1.0, total_bytes=40_960, failing=()):
    audits = {
        "total-byte-weight": {"numericValue": total_bytes},
        "resource-summary": {"details": {"items": [{"resourceType": "script", "requestCount": 0}]}},
        "color-contrast": {"score": 0 if "color-contrast" in failing else 1},
        "image-alt": {"score": None},
    }
    return {
        "audits": audits,
        "categories": {
            "performance": {"score": performance},
            "accessibility": {
                "score": accessibility,
                "auditRefs": [{"id": "color-contrast", "weight": 7}, {"id": "image-alt", "weight": 10}],
            },
        },
    }


def test_the_suite_is_part_of_make_bench():
    assert bench.SUITES["lighthouse"][0] == "benchmarks.lighthouse_bench"


def test_a_report_becomes_scores_kilobytes_scripts_and_failing_audits():
    figures = lighthouse_bench.summarise(lighthouse_report(0.934, 0.92, 70_000, failing=("color-contrast",)))
    assert figures == {
        "performance": 93,
        "accessibility": 92,
        "kilobytes": 68.4,
        "script_requests": 0,
        "accessibility_failures": ["color-contrast"],
    }


def test_without_chromium_the_suite_is_skipped_with_its_reason(monkeypatch, capsys):
    monkeypatch.setattr(lighthouse_bench, "CHROME_PATH", "/nonexistent/chromium")
    result = lighthouse_bench.run(quick=True)
    assert "Chromium" in result["skipped"]
    assert "lighthouse skipped" in capsys.readouterr().out
    json.dumps(result)


def test_quick_mode_measures_two_pages_only():
    assert len(lighthouse_bench.QUICK_PAGES) == 2
