"""Load held: Locust (headless) drives 100 applicants and 10 officers through gunicorn, PostgreSQL, Redis and a
Celery worker for 5 minutes (`--quick`: 18 applicants and 2 officers for 30 s): errors, requests/s, p50/p95 of each
page, and the CPU each process spent.

Applicants (`benchmarks/locustfile.py`) log in, answer every wizard step, upload the photo and the passport scan,
check, sign and submit (the worker renders and seals the package and receipt meanwhile), then open their case and
their dashboard; officers log in with a password and a TOTP code and open their inbox, the office queue, the case
list, a case and a search. Think time 2-6 s per user. Set-up (not timed): a fresh database `mos_bench_load` with
the accounts and empty drafts (`benchmarks.submit_bench`'s preparation). Only 127.0.0.1 is contacted; the run is
bounded by `--run-time` and the user count.

CPU: user + system seconds of gunicorn, Celery, PostgreSQL and Redis (all their processes on this machine: the
shared servers' other databases count too) and of the Locust process, from /proc before and after the run.

    REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python -m benchmarks --only load [--quick]
"""

from __future__ import annotations

import csv
import json
import os
import resource
import subprocess
import tempfile
import time
from pathlib import Path

from benchmarks import http_support as hs
from benchmarks.submit_bench import PASSWORD, PREPARE, SLUG, _count_documents, _fresh_database, _python

ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = "postgres://postgres@127.0.0.1:5432/mos_bench_load"
CPU_GROUPS = {
    "gunicorn": "gunicorn",
    "celery": "celery",
    "postgresql": "postgres",
    "redis": "redis-server",
}
GUNICORN_WORKERS = 2

OFFICERS = """
import json, secrets, sys, django
django.setup()
from accounts.models import Role, User
from accounts.second_factor import setup_totp
from accounts.services import assign_role
from applications.models import Office
from workflows.models import StaffMembership

count, password = int(sys.argv[1]), sys.argv[2]
office = Office.objects.get(voivodeship__code="14")
out = []
for i in range(count):
    user = User.objects.create(email=f"load-officer-{i}@seed.mos.example", email_verified=True,
                               first_name="Officer", last_name=str(i))
    user.set_password(password); user.save(); assign_role(user, Role.OFFICER)
    StaffMembership.objects.create(user=user, office=office)
    key = secrets.token_hex(20)
    setup_totp(user, key_hex=key)
    out.append({"email": user.email, "totp_key": key})
print(json.dumps(out))
"""


def run(quick: bool) -> dict:
    # Users start 2 a second in the full run: 110 logins at once (Argon2, about 0.1 s of CPU each) would queue for
    # a minute on 2 workers, past a TOTP code's window.
    seconds, applicants, officers, spawn_rate = (30, 18, 2, 10) if quick else (300, 100, 10, 2)
    workdir = Path(tempfile.mkdtemp(prefix="load-bench-"))
    env = hs.server_env(
        os.environ.get("LOAD_BENCH_DATABASE_URL", DATABASE_URL),
        REDIS_URL=os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0",
        CACHE_KEY_PREFIX=f"bench-load-{os.getpid()}",
        MEDIA_ROOT=str(workdir / "media"),
    )
    _fresh_database(env)
    prepared = json.loads(_python(PREPARE, env, str(applicants), PASSWORD, SLUG))
    prepared["officers"] = json.loads(_python(OFFICERS, env, str(officers), PASSWORD))
    prepared["password"] = PASSWORD
    data = workdir / "load.json"
    data.write_text(json.dumps(prepared))
    port = hs.free_port()
    celery = hs.Process(
        ["nice", "-n", "10", str(hs.VENV_BIN / "celery"), "-A", "mos", "worker", "-c", "1", "--loglevel", "WARNING"],
        env,
        workdir / "celery.log",
        grace=30,
    )
    locust = [
        str(hs.VENV_BIN / "locust"),
        "-f",
        str(ROOT / "benchmarks" / "locustfile.py"),
        "--headless",
        "--users",
        str(applicants + officers),
        "--spawn-rate",
        str(spawn_rate),
        "--run-time",
        f"{seconds}s",
        "--stop-timeout",
        "10",
        "--host",
        f"http://127.0.0.1:{port}",
        "--csv",
        str(workdir / "locust"),
        "--only-summary",
        "--loglevel",
        "WARNING",
        "--exit-code-on-error",
        "0",
    ]
    locust_env = {**os.environ, "LOAD_BENCH_DATA": str(data), "LOAD_BENCH_OFFICERS": str(officers)}
    with hs.gunicorn(port, env, GUNICORN_WORKERS, workdir / "access.log", workdir / "gunicorn.log"), celery:
        hs.wait_until_up(port)
        time.sleep(3)  # the worker connects to Redis
        cpu_before, children_before = hs.cpu_seconds(CPU_GROUPS), resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run(
            locust, cwd=ROOT, env=locust_env, capture_output=True, text=True, timeout=seconds + 180, check=False
        )
        elapsed = time.perf_counter() - started
        cpu_after, children_after = hs.cpu_seconds(CPU_GROUPS), resource.getrusage(resource.RUSAGE_CHILDREN)
        documents = _count_documents(env["DATABASE_URL"])
    if done.returncode:
        raise RuntimeError(f"locust exited with {done.returncode}: {done.stderr[-3000:]}")
    pages, total = _read_stats(workdir / "locust_stats.csv")
    failures = _read_failures(workdir / "locust_failures.csv")
    cpu = {group: round(cpu_after[group] - cpu_before[group], 1) for group in cpu_before}
    cpu.pop("load_generator", None)  # this process only waited
    # Locust has ended (and was reaped) by the second reading: its CPU is what this process's children gained.
    cpu["locust"] = round(
        children_after.ru_utime + children_after.ru_stime - children_before.ru_utime - children_before.ru_stime, 1
    )
    requests = total.get("n", 0)
    return {
        "applicants": applicants,
        "officers": officers,
        "seconds": seconds,
        "users_started_per_second": spawn_rate,
        "gunicorn_workers": GUNICORN_WORKERS,
        "celery_workers": "1 (nice 10)",
        "requests": requests,
        "errors": total.get("failures", 0),
        "error_kinds": failures[:5],
        "requests_per_second": round(requests / elapsed, 1) if elapsed else 0.0,
        "all_pages": total,
        **{f"page_{name}": figures for name, figures in sorted(pages.items())},
        "submitted": sum(p["n"] - p["failures"] for name, p in pages.items() if name == "submit"),
        "documents_issued_by_the_end": documents,
        "cpu_seconds": {**cpu, "total": round(sum(cpu.values()), 1)},
        "cpu_ms_per_request": round(sum(cpu.values()) * 1000 / max(1, requests), 1),
        "target_met_zero_errors": total.get("failures", 1) == 0 and requests > 0,
    }


def _read_stats(path: Path) -> tuple[dict[str, dict], dict]:
    pages: dict[str, dict] = {}
    total: dict = {}
    with path.open() as handle:
        for row in csv.DictReader(handle):
            figures = {
                "n": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "p50_ms": float(row["50%"] or 0),
                "p95_ms": float(row["95%"] or 0),
            }
            if row["Name"] == "Aggregated":
                total = figures
            else:
                pages[row["Name"]] = figures
    return pages, total


def _read_failures(path: Path) -> list[str]:
    if not path.exists():
        return []
    with path.open() as handle:
        return [f"{r['Method']} {r['Name']}: {r['Error']} x{r['Occurrences']}" for r in csv.DictReader(handle)]


if __name__ == "__main__":
    import sys

    print(json.dumps(run("--quick" in sys.argv), indent=2))
