"""Complete submissions through gunicorn on PostgreSQL with Redis and a Celery worker: submissions/s, p50/p95 per
request kind, and how many packages (application package + receipt, rendered and sealed) the worker finishes per second.

Set-up (not timed): a fresh PostgreSQL database `mos_bench_submit` (dropped and created each run), applicants with a
password and a temporary-residence draft filled through the services (answers and attachments); for one in five
the wizard steps are instead POSTed over HTTP (timed as `wizard_step`). Timed: from 4 client threads, each
applicant logs in (`login`), opens the signing page (`sign_page`) and submits (`submit`). The worker
(`celery -A mos worker -c 1 --max-tasks-per-child 50`) renders the documents in the background; its throughput
is measured from the first submission until every case has its package and receipt.

    REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python -m benchmarks --only submit [--quick]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import http_support as hs
from benchmarks.inbox_bench import ensure_database

ROOT = Path(__file__).resolve().parent.parent
TARGET_SUBMISSIONS_PER_SECOND = 10.0
PASSWORD = "bench-Submit-Pass-2026"  # noqa: S105 - local benchmark accounts
DATABASE_URL = "postgres://postgres@127.0.0.1:5432/mos_bench_submit"

PREPARE = """
import io, json, sys, django
django.setup()
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter
from accounts.models import Role, User
from accounts.services import assign_role
from applications import services
from applications.wizard import visible_wizard_steps
from benchmarks.seed_payload import applicant_payload

count, by_http, password = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
png = io.BytesIO(); Image.new("RGB", (600, 800), (200, 180, 160)).save(png, format="PNG")
pdf = io.BytesIO(); writer = PdfWriter(); writer.add_blank_page(width=595, height=842); writer.write(pdf)
out = []
for i in range(count):
    user = User.objects.create(email=f"submit-{i}@seed.mos.example", email_verified=True)
    user.set_password(password); user.save(); assign_role(user, Role.APPLICANT)
    draft = services.start_draft(applicant=user, slug="temporary-residence")
    payload = applicant_payload("temporary-residence")
    payload["travel_document"]["document_series_number"] = f"SB{i:07d}"
    steps = []
    if i < by_http:
        steps = [s.key for s in visible_wizard_steps(draft.definition.spec, payload)]
    else:
        for step, answers in payload.items():
            draft = services.save_step_answers(draft=draft, step_key=step, answers=answers)
    if steps:  # what the full answers will require (the wizard fills them later, over HTTP)
        draft.answers = payload
    for key in services.missing_attachments(draft):
        content, kind = (png.getvalue(), "image/png") if key == "photo" else (pdf.getvalue(), "application/pdf")
        services.add_attachment(draft=draft, requirement=key,
                                upload=SimpleUploadedFile(f"{key}.bin", content, content_type=kind))
    out.append({"email": user.email, "draft": str(draft.public_id), "steps": steps})
print(json.dumps({"applicants": out, "payload": applicant_payload("temporary-residence"),
                  "version": draft.definition.version}))
"""

STEP_DATA = """
import json, sys, django
django.setup()
from applications.models import FormDefinition
from applications.wizard import answers_to_data
from benchmarks.seed_payload import applicant_payload
definition = FormDefinition.objects.filter(slug="temporary-residence", status="published").order_by("-version")[0]
payload = applicant_payload("temporary-residence")
print(json.dumps({step.key: answers_to_data(step, payload.get(step.key, {})) for step in definition.spec.steps
                  if step.key in payload}))
"""


def _python(code: str, env: dict, *args: str, timeout: int = 900) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
    return done.stdout.strip().splitlines()[-1]


def _fresh_database(env: dict) -> None:
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(env["DATABASE_URL"])
    with psycopg.connect(
        host=config["HOST"], port=config["PORT"] or 5432, user=config["USER"], dbname="postgres", autocommit=True
    ) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{config["NAME"]}" WITH (FORCE)')
    ensure_database(env["DATABASE_URL"])
    for command in (["migrate"], ["load_voivodeships"], ["load_form_definitions"]):
        subprocess.run(
            [sys.executable, "manage.py", *command, "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            timeout=900,
        )


def run(quick: bool) -> dict:
    redis = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    count = 10 if quick else 100
    by_http = max(1, count // 5)
    workdir = Path(tempfile.mkdtemp(prefix="submit-bench-"))
    env = hs.server_env(
        os.environ.get("SUBMIT_BENCH_DATABASE_URL", DATABASE_URL),
        REDIS_URL=redis,
        CACHE_KEY_PREFIX=f"bench-submit-{os.getpid()}",
        MEDIA_ROOT=str(workdir / "media"),
    )
    _fresh_database(env)
    prepared = json.loads(_python(PREPARE, env, str(count), str(by_http), PASSWORD))
    step_data = json.loads(_python(STEP_DATA, env))
    prefix = f"draft_v{prepared['version']}"
    port = hs.free_port()
    celery = hs.Process(
        [
            str(hs.VENV_BIN / "celery"),
            "-A",
            "mos",
            "worker",
            "-c",
            "1",
            "--max-tasks-per-child",
            "50",
            "--loglevel",
            "WARNING",
        ],
        env,
        workdir / "celery.log",
        grace=30,
    )
    with hs.gunicorn(port, env, 2, workdir / "access.log", workdir / "gunicorn.log"), celery:
        hs.wait_until_up(port)
        time.sleep(3)  # the worker connects to Redis

        def send(client, item):
            kind, applicant = item
            if kind == "login":
                status, html, _ = client.request("GET", "/accounts/login/")
                status, _, _ = client.request(
                    "POST",
                    "/accounts/login/",
                    {"csrfmiddlewaretoken": client.csrf_from(html), "email": applicant["email"], "password": PASSWORD},
                )
                return "login", status
            if kind == "wizard":
                statuses = []
                for step in applicant["steps"]:
                    url = f"/drafts/{applicant['draft']}/step/{step}/"
                    _, html, _ = client.request("GET", url)
                    data = {
                        **step_data.get(step, {}),
                        f"{prefix}-current_step": step,
                        "csrfmiddlewaretoken": client.csrf_from(html),
                    }
                    start = time.perf_counter()
                    status, _, _ = client.request("POST", url, data)
                    step_times.append((time.perf_counter() - start) * 1000)
                    statuses.append(status)
                    if status != 302:
                        problems.append(f"wizard step {step}: {status}")
                return "wizard", 302 if all(s == 302 for s in statuses) else 400
            url = f"/drafts/{applicant['draft']}/sign/"
            _, html, _ = client.request("GET", url)
            form = {"csrfmiddlewaretoken": client.csrf_from(html), "password": PASSWORD}
            for name in _checkbox_names(html):
                form[name] = "on"
            start = time.perf_counter()
            status, _, headers = client.request("POST", url, form)
            submit_times.append((time.perf_counter() - start) * 1000)
            ok = status == 302 and "submitted=1" in headers.get("Location", "")
            if not ok:
                problems.append(f"submit: {status} {headers.get('Location', '')}")
            return "submit", 302 if ok else (status if status != 302 else 409)

        problems: list[str] = []
        step_times: list[float] = []
        submit_times: list[float] = []
        journeys = [
            [("login", a)] + ([("wizard", a)] if a["steps"] else []) + [("submit", a)] for a in prepared["applicants"]
        ]
        clients = [hs.Client(port) for _ in range(4)]
        # Each client thread takes whole journeys (one applicant at a time, with its own cookies).
        started = time.perf_counter()
        _seconds, results = hs.load(clients, journeys, lambda client, journey: _journey(client, journey, send))
        submitted_in = time.perf_counter() - started
        submitted = len(submit_times) - sum(1 for p in problems if p.startswith("submit"))
        deadline = time.monotonic() + (300 if quick else 900)
        documents, documents_in = 0, 0.0
        while time.monotonic() < deadline:
            now_documents = _count_documents(env["DATABASE_URL"])
            if now_documents != documents:
                documents, documents_in = now_documents, time.perf_counter() - started
            if documents >= 2 * submitted:
                break
            time.sleep(0.5)
    kinds = {kind: [ms for k, _s, ms in results if k == kind] for kind in ("journey",)}
    failures = [r for r in results if r[1] != 302]
    return {
        "applicants": count,
        "wizard_over_http": by_http,
        "client_threads": len(clients),
        "gunicorn_workers": 2,
        "celery_workers": 1,
        "failed_journeys": len(failures),
        "problems": problems[:5],
        "submissions_per_second": round(count / submitted_in, 2),
        "submit": hs.summarise_ms(submit_times),
        "wizard_step": hs.summarise_ms(step_times),
        "journey": hs.summarise_ms(kinds["journey"]),
        "documents_issued": documents,
        "seconds_until_last_document": round(documents_in, 1),
        "packages_per_second": round(documents / 2 / documents_in, 2) if documents_in else 0.0,
        "complete_submissions_per_second": round(documents / 2 / documents_in, 2) if documents_in else 0.0,
        "target_submissions_per_second": TARGET_SUBMISSIONS_PER_SECOND,
        "target_met_submissions": count / submitted_in >= TARGET_SUBMISSIONS_PER_SECOND and not failures,
        "target_met_complete_with_receipt": bool(documents_in)
        and documents / 2 / documents_in >= TARGET_SUBMISSIONS_PER_SECOND,
    }


def _journey(client, journey, send) -> tuple[str, int]:
    client.cookies.clear()
    worst = 302
    for item in journey:
        _kind, status = send(client, item)
        if status not in (200, 302):
            worst = status
    return "journey", worst


def _count_documents(url: str) -> int:
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    with psycopg.connect(
        host=config["HOST"], port=config["PORT"] or 5432, user=config["USER"], dbname=config["NAME"]
    ) as conn:
        return conn.execute("SELECT COUNT(*) FROM documents_document").fetchone()[0]


def _checkbox_names(html: bytes) -> list[str]:
    import re

    return [m.decode() for m in re.findall(rb'type="checkbox" name="([^"]+)"', html)]


if __name__ == "__main__":
    print(json.dumps(run("--quick" in sys.argv), indent=2))
