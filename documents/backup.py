"""Back up and restore a deployment: the PostgreSQL database (`pg_dump`, custom format) and every stored file
(documents and uploads, through Django's storage API, so local disk and S3 alike), with a manifest of SHA-256
digests. Used by `manage.py backup` and `manage.py restore`; README "Backup and restore" says how to run them.

Order: the dump first, then the files. A file is stored before the row that names it and never rewritten, so every
file the dump names is in the copy (files newer than the dump are copied too and are merely unused).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone

DUMP, FILES, MANIFEST = "database.dump", "files", "manifest.json"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """The backup or the restore cannot go on; the message says why."""


@dataclass(frozen=True)
class Checked:
    documents: int
    attachments: int
    damaged: list[str]


def _tool(name: str) -> str:
    directory = os.environ.get("PG_BIN", "")
    found = shutil.which(name, path=directory or None) or shutil.which(name)
    if not found:
        raise BackupError(f"{name} is not installed (postgresql-client), or set PG_BIN to its directory")
    return found


def _libpq() -> tuple[list[str], dict[str, str]]:
    """Connection arguments and environment for pg_dump/pg_restore, from the `default` database's settings."""
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        raise BackupError("backup and restore need PostgreSQL (DATABASE_URL=postgres://...)")
    args = ["--dbname", db["NAME"]]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    env = {**os.environ, **({"PGPASSWORD": db["PASSWORD"]} if db.get("PASSWORD") else {})}
    return args, env


def stored_names(directory: str = "") -> Iterator[str]:
    """Every file name in the default storage, depth first."""
    directories, files = default_storage.listdir(directory)
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for name in sorted(directories):
        yield from stored_names(f"{directory}/{name}" if directory else name)


def _safe_path(root: Path, name: str) -> Path:
    parts = PurePosixPath(name).parts
    if not parts or any(part in ("..", "") or part.startswith("/") for part in parts):
        raise BackupError(f"refusing an unsafe file name: {name!r}")
    return root.joinpath(*parts)


def back_up(target: Path) -> dict:
    """Write the dump, the files and the manifest into `target` (a new or empty directory); return the manifest."""
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"{target} is not empty")
    target.mkdir(parents=True, exist_ok=True)
    args, env = _libpq()
    dump = subprocess.run(  # noqa: S603 - pg_dump with arguments built here
        [_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", "--file", str(target / DUMP), *args],
        env=env,
        capture_output=True,
        text=True,
    )
    if dump.returncode:
        raise BackupError(f"pg_dump failed: {dump.stderr.strip()[-2000:]}")
    files: dict[str, dict] = {}
    for name in stored_names():
        destination = _safe_path(target / FILES, name)
        destination.parent.mkdir(parents=True, exist_ok=True)
        digest, size = hashlib.sha256(), 0
        with default_storage.open(name, "rb") as source, destination.open("wb") as out:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
        files[name] = {"sha256": digest.hexdigest(), "size": size}
    manifest = {
        "created_at": timezone.now().isoformat(timespec="seconds"),
        "database": DUMP,
        "database_sha256": _file_digest(target / DUMP),
        "files": files,
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return manifest


def restore(source: Path) -> Checked:
    """Load the dump into the (empty) `default` database and the files into the (empty) storage, then check that
    every document and upload has its recorded digest. Refuses a database that has tables, or a damaged backup."""
    manifest = json.loads((source / MANIFEST).read_text())
    if _file_digest(source / manifest["database"]) != manifest["database_sha256"]:
        raise BackupError("the database dump does not match its digest in the manifest")
    if "django_migrations" in connection.introspection.table_names():
        raise BackupError("the database is not empty: restore into a freshly created database")
    connection.close()
    args, env = _libpq()
    loaded = subprocess.run(  # noqa: S603 - pg_restore with arguments built here
        [_tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error", *args, str(source / DUMP)],
        env=env,
        capture_output=True,
        text=True,
    )
    if loaded.returncode:
        raise BackupError(f"pg_restore failed: {loaded.stderr.strip()[-2000:]}")
    for name, entry in manifest["files"].items():
        path = _safe_path(source / FILES, name)
        if _file_digest(path) != entry["sha256"]:
            raise BackupError(f"the copy of {name} does not match its digest in the manifest")
        if default_storage.exists(name):
            raise BackupError(f"{name} is already in the storage: restore into empty storage")
        with path.open("rb") as handle:
            saved = default_storage.save(name, File(handle, name=name))
        if saved != name:
            raise BackupError(f"the storage renamed {name} to {saved}")
    return check_stored_files()


def check_stored_files() -> Checked:
    """Every issued document and every upload against the digest recorded in its row."""
    from applications.case_models import Attachment
    from documents.models import Document
    from documents.storage import verify_digest

    damaged: list[str] = []
    documents = attachments = 0
    for name, sha256 in Document.objects.values_list("file", "sha256").iterator():
        documents += 1
        if not verify_digest(name, sha256):
            damaged.append(name)
    for name, sha256 in Attachment.objects.values_list("file", "sha256").iterator():
        attachments += 1
        if not verify_digest(name, sha256):
            damaged.append(name)
    return Checked(documents=documents, attachments=attachments, damaged=damaged)


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
