"""Memory of one gunicorn worker: VmRSS after 100 and after 10,000 mixed requests, and the growth.

gunicorn `-w 1` on the status bench's PostgreSQL database; the mix, round-robin from 2 client threads: home page,
a valid status lookup (POST), the login page, /healthz, and a logged-in applicant's wizard step (GET). The RSS is
read from /proc/<worker pid>/status (the master's only child).

    .venv/bin/python -m benchmarks --only memory [--quick]      # quick: 100 then 1,000 requests
    MEM_KINDS=wizard .venv/bin/python -m benchmarks --only memory --quick   # one kind of request alone

`rss_mib_by_requests` is the RSS after every tenth of the requests: a leak climbs steadily, memory that the
allocator keeps after warming up (Python's 1 MiB arenas are returned only when empty) climbs and levels off.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks import http_support as hs
from benchmarks.inbox_bench import DEFAULT_URLS, ensure_database
from benchmarks.status_bench import _lookups, ensure_seeded

ROOT = Path(__file__).resolve().parent.parent
TARGET_GROWTH_PERCENT = 10.0
PASSWORD = "bench-Memory-Pass-2026"  # noqa: S105 - a local benchmark account


def _applicant_draft(env: dict[str, str]) -> str:
    """An applicant (password login) with an open draft; returns the draft's public id."""
    code = (
        "import django; django.setup();"
        "from accounts.models import User, Role; from accounts.services import assign_role;"
        "from applications import services;"
        "u, new = User.objects.get_or_create(email='bench-memory@seed.mos.example',"
        " defaults={'email_verified': True});"
        f"u.set_password('{PASSWORD}'); u.save(); assign_role(u, Role.APPLICANT);"
        "d = u.drafts.filter(status='open').first()"
        " or services.start_draft(applicant=u, slug='temporary-residence');"
        "print(d.public_id)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True
    )
    return done.stdout.strip().splitlines()[-1]


def run(quick: bool) -> dict:
    url = os.environ.get("STATUS_BENCH_DATABASE_URL", DEFAULT_URLS[quick])
    ensure_database(url)
    env = hs.server_env(url)
    ensure_seeded(env, 10_000)
    pairs = _lookups(env, 100)
    draft = _applicant_draft(env)
    total = 1000 if quick else 10_000
    port = hs.free_port()
    workdir = Path(tempfile.mkdtemp(prefix="memory-bench-"))
    with hs.gunicorn(port, env, 1, workdir / "access.log", workdir / "gunicorn.log") as server:
        hs.wait_until_up(port)
        clients = [hs.Client(port) for _ in range(2)]
        for client in clients:
            status, html, _ = client.request("GET", "/accounts/login/")
            client.request(
                "POST",
                "/accounts/login/",
                {
                    "csrfmiddlewaretoken": client.csrf_from(html),
                    "email": "bench-memory@seed.mos.example",
                    "password": PASSWORD,
                },
            )
            status, html, _ = client.request("GET", "/status/")
            client.token = client.csrf_from(html)
        wizard = f"/drafts/{draft}/step/personal/"
        status, _, _ = clients[0].request("GET", wizard)
        if status != 200:
            raise RuntimeError(f"the logged-in wizard page answered {status}")
        kinds = os.environ.get("MEM_KINDS", "home,status,login,healthz,wizard").split(",")

        def send(client, i):
            kind = kinds[i % len(kinds)]
            if kind == "status":
                pair = pairs[i % len(pairs)]
                status, _, _ = client.request(
                    "POST",
                    "/status/",
                    {"csrfmiddlewaretoken": client.token, "case_number": pair[0], "access_code": pair[1]},
                )
            else:
                path = {"home": "/", "login": "/accounts/login/", "healthz": "/healthz", "wizard": wizard}[kind]
                status, _, _ = client.request("GET", path)
            return kind, status

        (worker,) = server.children()
        _, first = hs.load(clients, list(range(100)), send)
        after_100 = hs.rss_kib(worker)
        rest, trajectory = [], {100: round(after_100 / 1024, 1)}
        marks = [100, *range(total // 10, total + 1, total // 10)]
        for start, end in itertools.pairwise(marks):  # a leak climbs, a warming cache levels off
            _, done = hs.load(clients, list(range(start, end)), send)
            rest += done
            trajectory[end] = round(hs.rss_kib(worker) / 1024, 1)
        after_total = hs.rss_kib(worker)
        if server.children() != [worker]:
            raise RuntimeError("the worker was replaced during the run")
    errors = sum(1 for _kind, status, _ms in first + rest if status >= 400)
    growth = round((after_total - after_100) / after_100 * 100, 1)
    return {
        "requests": total,
        "errors": errors,
        "rss_after_100_mib": round(after_100 / 1024, 1),
        f"rss_after_{total}_mib": round(after_total / 1024, 1),
        "growth_percent": growth,
        "rss_mib_by_requests": trajectory,
        "target_growth_percent": TARGET_GROWTH_PERCENT,
        "target_met_growth": growth <= TARGET_GROWTH_PERCENT,
        "at_target_size": total >= 10_000,
    }


if __name__ == "__main__":
    print(json.dumps(run("--quick" in sys.argv), indent=2))
