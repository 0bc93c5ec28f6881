"""`make bench`: every benchmark, printed side by side with its baseline, and written to results/latest.json.

    .venv/bin/python -m benchmarks [--quick] [--only wizard,documents]

Figures are medians of repeated runs on this machine; nothing here is a pass/fail test.

The inbox, status, memory and submit suites use PostgreSQL (127.0.0.1:5432) and Redis, whatever DATABASE_URL says:
full runs read `mos_bench`, seeded once with the 1M cases (about 7 minutes here):
    createdb -h 127.0.0.1 -U postgres mos_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mos_bench .venv/bin/python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mos_bench .venv/bin/python manage.py seed_cases 1000000 --reset
`--quick` seeds 10,000 cases into `mos_bench_quick` the first time; the submit suite recreates `mos_bench_submit`,
the load suite (Locust, 5 minutes; 30 s with `--quick`) `mos_bench_load`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"

SUITES = {
    "wizard": ("benchmarks.wizard_bench", "Wizard step POST vs a bare form of the same size"),
    "documents": ("benchmarks.documents_bench", "Application package and receipt: render + seal vs bare WeasyPrint"),
    "inbox": ("benchmarks.inbox_bench", "Officer inbox, queue, cases and search on seeded PostgreSQL cases"),
    "status": ("benchmarks.status_bench", "Public status lookup through gunicorn (-w 2)"),
    "memory": ("benchmarks.memory_bench", "RSS of one gunicorn worker after 100 and after 10,000 mixed requests"),
    "submit": ("benchmarks.submit_bench", "Complete submissions through gunicorn + Redis + a Celery worker"),
    "load": ("benchmarks.load_bench", "Locust: applicants and officers at once through gunicorn, PostgreSQL, Redis"),
    "lighthouse": ("benchmarks.lighthouse_bench", "Lighthouse: applicant pages at 375 px on a slow mobile network"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (CI, a quick look)")
    parser.add_argument("--only", default=",".join(SUITES), help="comma-separated: " + ", ".join(SUITES))
    args = parser.parse_args()
    import importlib

    report: dict = {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick": args.quick,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_avg_1min": round(os.getloadavg()[0], 2),
        },
        "database": os.environ.get("DATABASE_URL", "sqlite (var/bench.sqlite3)").split("@")[-1],
        "results": {},
    }
    for name in [n.strip() for n in args.only.split(",") if n.strip()]:
        module_name, title = SUITES[name]
        print(f"\n== {title}")
        started = time.perf_counter()
        result = importlib.import_module(module_name).run(quick=args.quick)
        result["seconds"] = round(time.perf_counter() - started, 1)
        report["results"][name] = result
        for key, value in result.items():
            print(f"  {key:36} {value}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\nWritten to {RESULTS / 'latest.json'}")


if __name__ == "__main__":
    main()
