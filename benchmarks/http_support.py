"""Servers and a bounded load generator for the HTTP benchmarks (only 127.0.0.1).

`Server` starts gunicorn (or any command) with production-like settings and always stops it (terminate, wait,
kill on timeout). `load()` sends a fixed list of requests from a few threads over keep-alive connections.
Gunicorn's access log records each request's own duration (`%(D)s`, microseconds), which is the server time.
"""

from __future__ import annotations

import http.client
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
ACCESS_LOG_FORMAT = "%(m)s %(U)s %(s)s %(D)s"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(database_url: str, **extra: str) -> dict[str, str]:
    """The production settings the brief names, with benchmark-only settings from `benchmarks.gunicorn_settings`."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "DJANGO_SETTINGS_MODULE": "benchmarks.gunicorn_settings",
        "REDIS_URL": os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0",
        "CACHE_KEY_PREFIX": f"mos-bench-{os.getpid()}",
    }
    env.update(extra)
    return env


class Process:
    """A child process that is always stopped: terminate, wait, kill after `grace` seconds."""

    def __init__(self, args: list[str], env: dict[str, str], log: Path, grace: float = 10.0):
        self.args, self.env, self.log, self.grace = args, env, log, grace
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> Process:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        self._out = self.log.open("w")
        self.proc = subprocess.Popen(self.args, cwd=ROOT, env=self.env, stdout=self._out, stderr=subprocess.STDOUT)
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=self.grace)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        if getattr(self, "_out", None):
            self._out.close()

    def children(self) -> list[int]:
        """Pids of the direct children (gunicorn's workers)."""
        path = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        return [int(pid) for pid in path.read_text().split()] if path.exists() else []


def gunicorn(port: int, env: dict[str, str], workers: int, access_log: Path, log: Path) -> Process:
    args = [
        str(VENV_BIN / "gunicorn"),
        "mos.wsgi",
        "-w",
        str(workers),
        "-b",
        f"127.0.0.1:{port}",
        "--access-logfile",
        str(access_log),
        "--access-logformat",
        ACCESS_LOG_FORMAT,
        "--timeout",
        "60",
    ]
    return Process(args, env, log)


def wait_until_up(port: int, path: str = "/healthz", timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", path)
            if conn.getresponse().status < 500:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server on port {port} did not answer {path} in {timeout} s")


@dataclass
class Client:
    """One keep-alive connection with its cookies (a browser tab, roughly)."""

    port: int
    cookies: dict[str, str] = field(default_factory=dict)

    def __post_init__(self):
        self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)

    def request(
        self,
        method: str,
        path: str,
        body: dict | None = None,
        headers: dict | None = None,
        files: dict[str, tuple[str, bytes, str]] | None = None,
    ) -> tuple[int, bytes, dict]:
        """One request; `files` (field -> (file name, bytes, content type)) makes it a multipart upload."""
        from urllib.parse import urlencode

        hdrs = {"Host": "127.0.0.1", **(headers or {})}
        if self.cookies:
            hdrs["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if files is not None:
            data, hdrs["Content-Type"] = _multipart(body or {}, files)
        elif body is not None:
            data = urlencode(body, doseq=True)
            hdrs["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in range(2):
            try:
                self.conn.request(method, path, body=data, headers=hdrs)
                response = self.conn.getresponse()
                content = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                if attempt:
                    raise
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, content, dict(response.headers)

    def csrf_from(self, html: bytes) -> str:
        marker = b'name="csrfmiddlewaretoken" value="'
        start = html.index(marker) + len(marker)
        return html[start : html.index(b'"', start)].decode()


def _multipart(fields: dict, files: dict[str, tuple[str, bytes, str]]) -> tuple[bytes, str]:
    """A multipart/form-data body (RFC 7578) and its content type; the standard library has no encoder."""
    boundary = secrets.token_hex(16)
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, (filename, content, content_type) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n"
        )
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def cpu_seconds(groups: dict[str, str]) -> dict[str, float]:
    """User + system CPU seconds of the running processes whose command line holds each group's word (their
    children that ended included), and of this process (`load_generator`, all its threads), from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    totals = dict.fromkeys(groups, 0.0)
    me = os.getpid()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == me:
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            stat = (entry / "stat").read_text()
        except OSError:  # ended meanwhile
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        seconds = sum(int(value) for value in fields[11:15]) / ticks  # utime, stime, cutime, cstime
        for group, word in groups.items():
            if word in command:
                totals[group] += seconds
                break
    times = os.times()
    totals["load_generator"] = times.user + times.system
    return totals


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def summarise_ms(values: list[float]) -> dict:
    return {
        "n": len(values),
        "p50_ms": round(statistics.median(values), 2) if values else 0.0,
        "p95_ms": round(percentile(values, 0.95), 2),
    }


def load(clients: list, work: list, send) -> tuple[float, list[tuple[str, int, float]]]:
    """Run every item of `work` once, spread over one thread per client: `send(client, item)` -> (kind, status).

    Returns the wall time and (kind, status, milliseconds) per request.
    """
    results: list[tuple[str, int, float]] = []
    lock = threading.Lock()
    items = iter(work)

    def worker(client):
        while True:
            with lock:
                item = next(items, None)
            if item is None:
                return
            start = time.perf_counter()
            kind, status = send(client, item)
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                results.append((kind, status, elapsed))

    threads = [threading.Thread(target=worker, args=(client,)) for client in clients]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started, results


def server_times_ms(access_log: Path, path_prefix: str, method: str = "") -> list[float]:
    """Durations gunicorn logged for requests under `path_prefix` (optionally one method)."""
    times = []
    if not access_log.exists():
        return times
    for line in access_log.read_text().splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[1].startswith(path_prefix) and (not method or parts[0] == method):
            times.append(int(parts[3]) / 1000)
    return times


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for {pid}")
