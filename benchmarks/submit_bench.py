"""Complete submissions through gunicorn on PostgreSQL with Redis and a Celery worker: submissions/s, p50/p95 per
request kind, how many packages (application package + receipt, rendered and sealed) the worker finishes per
second, and the CPU time each submission costs in every process, which gives this machine's ceiling.

Set-up (not timed): a fresh PostgreSQL database `mos_bench_submit` (dropped and created each run) and applicants
with a password and an empty temporary-residence draft (register-free). Timed: from 4 client threads, each
applicant logs in (`login`), opens and answers every step of the wizard (`step_page`, `step_post`), uploads the
photo and the passport scan (`upload`), opens the check-answers page (`check`) and the signing page
(`sign_page`), then ticks the declaration and signs (`submit`), in three batches, one per signature method:
the password confirmation (development only), a qualified electronic signature (download the package, sign it with
a test qualified certificate in this load generator, upload it) and the trusted profile (a local signing service
signs our XML; we fetch and verify it). gunicorn runs 2 workers.
The Celery worker (`-c 1`, at a lower CPU priority, as background work should be) issues the package and then
the receipt, which carries the package's SHA-256; its throughput is measured from the first submission until
every case has both.

CPU: user + system time of gunicorn, Celery, PostgreSQL, Redis and this load generator, read from /proc before
and after. `cpu_ms_per_submission` divided into the machine's cores is the most this machine could do;
`by_signature_method` gives it per method, with `server_total` leaving out this load generator (which also plays
the applicant's signature software) and the signing service (the state's).

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
SLUG = "temporary-residence"
#: Processes whose CPU time is counted, by a word of their command line.
CPU_GROUPS = {"gunicorn": "gunicorn", "celery": "celery", "postgresql": "postgres", "redis": "redis-server"}

PREPARE = """
import io, json, sys, django
django.setup()
from PIL import Image
from pypdf import PdfWriter
from accounts.models import Role, User
from accounts.services import assign_role
from applications import services
from formdefs.steps import answers_to_data, visible_wizard_steps
from formdefs.samples import applicant_payload

count, password, slug = int(sys.argv[1]), sys.argv[2], sys.argv[3]
out = []
for i in range(count):
    user = User.objects.create(email=f"submit-{i}@seed.mos.example", email_verified=True)
    user.set_password(password); user.save(); assign_role(user, Role.APPLICANT)
    draft = services.start_draft(applicant=user, slug=slug)
    out.append({"email": user.email, "draft": str(draft.public_id), "number": i})
spec = draft.definition.spec
payload = applicant_payload(slug)
steps = visible_wizard_steps(spec, payload)
photo = io.BytesIO(); Image.new("RGB", (700, 900), (200, 180, 160)).save(photo, format="JPEG", quality=85)  # 2026 rules
pdf = io.BytesIO(); writer = PdfWriter(); writer.add_blank_page(width=595, height=842); writer.write(pdf)
draft.answers = payload
uploads = [
    {"requirement": key, "name": f"{key}.jpg" if key == "photo" else f"{key}.pdf",
     "type": "image/jpeg" if key == "photo" else "application/pdf",
     "content": (photo if key == "photo" else pdf).getvalue().hex()}
    for key in services.missing_attachments(draft)
]
import time
from django.contrib.auth.hashers import check_password, get_hasher
encoded = User.objects.get(email=out[0]["email"]).password
check_password(password, encoded)
started = time.process_time()
for _ in range(10):
    check_password(password, encoded)
hasher = get_hasher()
argon2 = {"algorithm": hasher.algorithm, "cpu_ms_per_check": round((time.process_time() - started) * 100, 1)}
argon2.update({name: getattr(hasher, name, None) for name in ("time_cost", "memory_cost", "parallelism")})
print(json.dumps({
    "password_hashing": argon2,
    "applicants": out,
    "steps": [{"key": s.key, "data": answers_to_data(s, payload.get(s.key, {}))} for s in steps],
    "prefix": f"draft_v{draft.definition.version}",
    "uploads": uploads,
}))
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


class Journey:
    """One applicant, from the login page to the submitted case, in one client (cookies cleared first)."""

    def __init__(
        self, prepared: dict, timings: dict[str, list[float]], problems: list[str], signing: Signing | None = None
    ):
        self.prepared, self.timings, self.problems = prepared, timings, problems
        self.signing = signing

    def timed(self, kind: str, client, method: str, path: str, body=None, files=None):
        start = time.perf_counter()
        status, html, headers = client.request(method, path, body, files=files)
        self.timings.setdefault(kind, []).append((time.perf_counter() - start) * 1000)
        return status, html, headers

    def expect(self, what: str, status: int, wanted: int, headers: dict | None = None) -> bool:
        if status != wanted:
            self.problems.append(f"{what}: {status} {(headers or {}).get('Location', '')}")
            return False
        return True

    def __call__(self, client, applicant: dict) -> tuple[str, int]:
        client.cookies.clear()
        draft = f"/drafts/{applicant['draft']}"
        _, html, _ = self.timed("login_page", client, "GET", "/accounts/login/")
        form = {"csrfmiddlewaretoken": client.csrf_from(html), "email": applicant["email"], "password": PASSWORD}
        status, _, headers = self.timed("login", client, "POST", "/accounts/login/", form)
        if not self.expect("login", status, 302, headers):
            return "journey", status
        for step in self.prepared["steps"]:
            url = f"{draft}/step/{step['key']}/"
            status, html, _ = self.timed("step_page", client, "GET", url)
            if not self.expect(f"step page {step['key']}", status, 200):
                return "journey", status
            data = {
                **step["data"],
                f"{self.prepared['prefix']}-current_step": step["key"],
                "csrfmiddlewaretoken": client.csrf_from(html),
            }
            status, _, headers = self.timed("step_post", client, "POST", url, data)
            if not self.expect(f"step {step['key']}", status, 302, headers):
                return "journey", status
        for upload in self.prepared["uploads"]:
            _, html, _ = self.timed("upload_page", client, "GET", f"{draft}/attachments/")
            files = {"file": (upload["name"], bytes.fromhex(upload["content"]), upload["type"])}
            body = {"csrfmiddlewaretoken": client.csrf_from(html), "requirement": upload["requirement"]}
            status, _, headers = self.timed("upload", client, "POST", f"{draft}/attachments/", body, files)
            if not self.expect(f"upload {upload['requirement']}", status, 302, headers):
                return "journey", status
        status, _, _ = self.timed("check", client, "GET", f"{draft}/check/")
        if not self.expect("check answers", status, 200):
            return "journey", status
        _, html, _ = self.timed("sign_page", client, "GET", f"{draft}/sign/")
        form = {"csrfmiddlewaretoken": client.csrf_from(html)}
        for name in _checkbox_names(html):
            form[name] = "on"
        method = self.signing.method if self.signing else "password"
        if method == "password":
            status, _, headers = self.timed("submit", client, "POST", f"{draft}/sign/", {**form, "password": PASSWORD})
        elif method == "qualified":
            status, html, _ = self.timed("submit", client, "POST", f"{draft}/sign/", {**form, "method": "qualified"})
            _, package, _ = self.timed("package_download", client, "GET", f"/documents{draft}/signing-package/")
            signed = self.signing.sign_package(package)
            files = {"signed_file": ("signed.pdf", signed, "application/pdf")}
            body = {**form, "method": "qualified", "csrfmiddlewaretoken": client.csrf_from(html)}
            status, _, headers = self.timed("submit", client, "POST", f"{draft}/sign/", body, files)
        else:
            status, _, headers = self.timed("submit", client, "POST", f"{draft}/sign/", {**form, "method": method})
            if not self.expect("to the signing service", status, 302, headers):
                return "journey", status
            back = self.signing.sign_at_service(headers["Location"])
            status, _, headers = self.timed("submit", client, "GET", back)
        if not (self.expect("submit", status, 302, headers) and "submitted=1" in headers.get("Location", "")):
            if status == 302:
                self.problems.append(f"submit went to {headers.get('Location')}")
            return "journey", 409
        return "journey", 302


class Signing:
    """What the signer does outside MOS: a test qualified certificate (the trust anchor given to the server) and a
    local trusted-profile signing service (started here, its certificate given to the server)."""

    def __init__(self, workdir: Path):
        from tests.identity.pki import TestCA

        self.method = "password"
        self.workdir = workdir
        self.ca = TestCA("Bench Qualified CA")
        (workdir / "anchors.pem").write_bytes(self.ca.cert_pem())
        self.person = self.ca.issue(given_name="OKSANA", surname="KOWALENKO")
        service = TestCA("Bench Signing Service CA").issue(given_name="Signing", surname="Service", qualified=False)
        self.service_key, self.service_cert = service.write(workdir, "service")
        self.port = hs.free_port()
        self.process: subprocess.Popen | None = None

    def env(self) -> dict[str, str]:
        return {
            "SIGNATURE_PASSWORD_CONFIRMATION": "1",
            "QUALIFIED_SIGNATURE_TRUST_ANCHORS": str(self.workdir / "anchors.pem"),
            "TRUSTED_PROFILE_SERVICE_URL": f"http://127.0.0.1:{self.port}",
            "TRUSTED_PROFILE_SERVICE_CERT_FILE": str(self.service_cert),
        }

    def __enter__(self) -> Signing:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.identity.signing_service",
                str(self.port),
                str(self.service_key),
                str(self.service_cert),
            ],
            cwd=ROOT,
        )
        from tests.identity.conftest import wait_for

        wait_for(f"http://127.0.0.1:{self.port}/health", self.process)
        return self

    def __exit__(self, *exc) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def sign_package(self, package: bytes) -> bytes:
        from tests.identity.pki import pades_sign

        return pades_sign(package, self.person, self.ca, self.workdir)

    def sign_at_service(self, sign_url: str) -> str:
        import requests

        identity = {"given_name": "OKSANA", "surname": "KOWALENKO", "pesel": "", "action": "sign"}
        answer = requests.post(sign_url, data=identity, allow_redirects=False, timeout=30)
        from urllib.parse import urlsplit

        back = urlsplit(answer.headers["Location"])
        return f"{back.path}?{back.query}"


METHODS = ("password", "qualified", "trusted_profile")
PASSWORD_CHECKS = {"password": 2, "qualified": 1, "trusted_profile": 1}  # login (+ the password "signature")


def run(quick: bool) -> dict:
    redis = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    per_method = 4 if quick else 20
    count = per_method * len(METHODS)
    workdir = Path(tempfile.mkdtemp(prefix="submit-bench-"))
    signing = Signing(workdir)
    env = hs.server_env(
        os.environ.get("SUBMIT_BENCH_DATABASE_URL", DATABASE_URL),
        REDIS_URL=redis,
        CACHE_KEY_PREFIX=f"bench-submit-{os.getpid()}",
        MEDIA_ROOT=str(workdir / "media"),
        **signing.env(),
    )
    _fresh_database(env)
    prepared = json.loads(_python(PREPARE, env, str(count), PASSWORD, SLUG))
    port = hs.free_port()
    celery = hs.Process(
        [
            "nice",
            "-n",
            "10",
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
    timings: dict[str, list[float]] = {}
    problems: list[str] = []
    results: list[tuple[str, int, float]] = []
    by_method: dict[str, dict] = {}
    submitted = documents = 0
    submitted_in = documents_in = 0.0
    cpu_totals: dict[str, float] = {}
    with hs.gunicorn(port, env, 2, workdir / "access.log", workdir / "gunicorn.log"), celery, signing:
        hs.wait_until_up(port)
        time.sleep(3)  # the worker connects to Redis
        clients = [hs.Client(port) for _ in range(4)]
        for index, method in enumerate(METHODS):
            signing.method = method
            batch = prepared["applicants"][index * per_method : (index + 1) * per_method]
            method_timings: dict[str, list[float]] = {}
            cpu_before = hs.cpu_seconds(CPU_GROUPS)
            started = time.perf_counter()
            _seconds, batch_results = hs.load(clients, batch, Journey(prepared, method_timings, problems, signing))
            batch_seconds = time.perf_counter() - started
            batch_submitted = sum(1 for _kind, status, _ms in batch_results if status == 302)
            submitted += batch_submitted
            submitted_in += batch_seconds
            deadline = time.monotonic() + (300 if quick else 900)
            while time.monotonic() < deadline:
                documents = _count_documents(env["DATABASE_URL"])
                if documents >= 2 * submitted:
                    break
                time.sleep(0.25)
            batch_with_documents = time.perf_counter() - started
            documents_in += batch_with_documents
            cpu_after = hs.cpu_seconds(CPU_GROUPS)
            cpu = {group: cpu_after[group] - cpu_before[group] for group in cpu_before}
            for group, seconds in cpu.items():
                cpu_totals[group] = cpu_totals.get(group, 0.0) + seconds
            per_submission = {group: round(sec * 1000 / max(1, batch_submitted)) for group, sec in cpu.items()}
            server = sum(v for group, v in per_submission.items() if group != "load_generator")
            by_method[method] = {
                "submitted": batch_submitted,
                "cpu_ms_per_submission": {**per_submission, "server_total": server},
                "password_checks_per_journey": PASSWORD_CHECKS[method],
                "submit_ms": hs.summarise_ms(method_timings.get("submit", [])),
                "seconds_with_documents": round(batch_with_documents, 1),
            }
            results += batch_results
            for kind, values in method_timings.items():
                timings.setdefault(kind, []).extend(values)
    per_submission = {group: round(seconds * 1000 / max(1, submitted)) for group, seconds in cpu_totals.items()}
    total_ms = sum(per_submission.values())
    cores = os.cpu_count() or 1
    packages_per_second = round(documents / 2 / documents_in, 2) if documents_in else 0.0
    return {
        "applicants": count,
        "steps_per_journey": len(prepared["steps"]),
        "uploads_per_journey": len(prepared["uploads"]),
        "client_threads": len(clients),
        "gunicorn_workers": 2,
        "celery_workers": "1 (nice 10)",
        "submitted": submitted,
        "failed_journeys": count - submitted,
        "problems": problems[:5],
        "submissions_per_second": round(submitted / submitted_in, 2) if submitted_in else 0.0,
        "journey": hs.summarise_ms([ms for _k, _s, ms in results]),
        **{f"{kind}": hs.summarise_ms(values) for kind, values in sorted(timings.items())},
        "documents_issued": documents,
        "seconds_until_last_document": round(documents_in, 1),
        "packages_per_second": packages_per_second,
        "complete_submissions_per_second": packages_per_second,
        "cpu_ms_per_submission": {**per_submission, "total": total_ms},
        "by_signature_method": by_method,
        "ceiling_complete_submissions_per_second": round(cores * 1000 / total_ms, 2) if total_ms else None,
        "password_checks_per_journey": PASSWORD_CHECKS,
        "password_hashing": prepared["password_hashing"],
        "target_submissions_per_second": TARGET_SUBMISSIONS_PER_SECOND,
        "target_met_submissions": submitted_in > 0
        and submitted / submitted_in >= TARGET_SUBMISSIONS_PER_SECOND
        and submitted == count,
        "target_met_complete_with_receipt": packages_per_second >= TARGET_SUBMISSIONS_PER_SECOND,
    }


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
