"""Public status lookup through gunicorn: requests/s, client p95 and server p95 for valid lookups (POST /status/).

gunicorn `-w 2` on a seeded PostgreSQL database (`benchmarks.gunicorn_settings`: production settings with the
lookup throttle raised), Redis as the cache when REDIS_URL is set (else local memory); a fixed number of lookups of
real cases with their access codes, from a few threads on 127.0.0.1 over keep-alive connections. Server time is
gunicorn's own per-request duration from its access log (`%(D)s`); client time includes loopback and the client.

    .venv/bin/python -m benchmarks --only status            # on mos_bench (the 1M data of inbox_bench)
    .venv/bin/python -m benchmarks --only status --quick    # on mos_bench_quick (10,000 cases)
    STATUS_BENCH_DATABASE_URL=postgres://... overrides; a database with no seeded case gets 10,000.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks import http_support as hs
from benchmarks.inbox_bench import DEFAULT_URLS, ensure_database

TARGET_SERVER_P95_MS = 10.0
ROOT = Path(__file__).resolve().parent.parent


def _lookups(env: dict[str, str], count: int) -> list[tuple[str, str]]:
    """(case number, access code) of `count` seeded cases, computed with the server's key."""
    code = (
        "import json, django; django.setup();"
        "from applications.case_models import Application; from applications.services import access_code;"
        "cases = Application.objects.filter(applicant__email__endswith='seed.mos.example')"
        f".order_by('?')[:{count}];"
        "print(json.dumps([(a.case_number, access_code(a)) for a in cases]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=True
    )
    return [tuple(pair) for pair in json.loads(done.stdout.strip().splitlines()[-1])]


def ensure_seeded(env: dict[str, str], cases: int) -> None:
    check = "import django; django.setup(); from benchmarks.seed import seeded_case_count;print(seeded_case_count())"
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True, capture_output=True, timeout=600
    )
    done = subprocess.run(
        [sys.executable, "-c", check], cwd=ROOT, env=env, capture_output=True, text=True, check=True, timeout=120
    )
    if int(done.stdout.strip().splitlines()[-1]) == 0:
        for command in (["load_voivodeships"], ["load_form_definitions"], ["seed_cases", str(cases)]):
            subprocess.run(
                [sys.executable, "manage.py", *command, "-v0"],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
                timeout=3600,
            )


def run(quick: bool) -> dict:
    url = os.environ.get("STATUS_BENCH_DATABASE_URL", DEFAULT_URLS[quick])
    ensure_database(url)
    env = hs.server_env(url)
    ensure_seeded(env, 10_000)
    requests_total = 600 if quick else 2000
    pairs = _lookups(env, 200)
    port = hs.free_port()
    workdir = Path(tempfile.mkdtemp(prefix="status-bench-"))
    access_log = workdir / "access.log"
    with hs.gunicorn(port, env, 2, access_log, workdir / "gunicorn.log"):
        hs.wait_until_up(port)
        clients = [hs.Client(port) for _ in range(4)]
        for client in clients:
            status, html, _headers = client.request("GET", "/status/")
            assert status == 200, status
            client.token = client.csrf_from(html)
        warm = [pairs[i % len(pairs)] for i in range(40)]
        work = [pairs[i % len(pairs)] for i in range(requests_total)]

        def send(client, pair):
            status, body, _ = client.request(
                "POST",
                "/status/",
                {"csrfmiddlewaretoken": client.token, "case_number": pair[0], "access_code": pair[1]},
            )
            if status == 200 and b"We found no case" in body:
                status = 404
            return "status", status

        hs.load(clients, warm, send)
        # One client at a time first: the server time without requests queueing behind each other.
        before = len(hs.server_times_ms(access_log, "/status/", "POST"))
        _s, sequential = hs.load(clients[:1], work[:200], send)
        middle = len(hs.server_times_ms(access_log, "/status/", "POST"))
        seconds, results = hs.load(clients, work, send)
    logged = hs.server_times_ms(access_log, "/status/", "POST")
    alone, server = logged[before:middle], logged[middle:]
    client_ms = [ms for _kind, _status, ms in results]
    ok = sum(1 for _kind, status, _ms in results if status == 200)
    server_summary = hs.summarise_ms(server)
    return {
        "database": url.rsplit("/", 1)[-1],
        "cache": "redis",
        "workers": 2,
        "client_threads": len(clients),
        "requests": len(results),
        "found": ok,
        "requests_per_second": round(len(results) / seconds, 1),
        "client_p50_ms": hs.summarise_ms(client_ms)["p50_ms"],
        "client_p95_ms": hs.summarise_ms(client_ms)["p95_ms"],
        "server_p50_ms": server_summary["p50_ms"],
        "server_p95_ms": server_summary["p95_ms"],
        "one_client_client_p95_ms": hs.summarise_ms([ms for _k, _s, ms in sequential])["p95_ms"],
        "one_client_server_p50_ms": hs.summarise_ms(alone)["p50_ms"],
        "one_client_server_p95_ms": hs.summarise_ms(alone)["p95_ms"],
        "target_server_p95_ms": TARGET_SERVER_P95_MS,
        "target_met_server_p95": server_summary["p95_ms"] <= TARGET_SERVER_P95_MS and ok == len(results),
        "target_met_server_p95_one_client": hs.summarise_ms(alone)["p95_ms"] <= TARGET_SERVER_P95_MS,
    }


if __name__ == "__main__":
    print(json.dumps(run("--quick" in sys.argv), indent=2))
