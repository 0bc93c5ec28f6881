"""Files of a case (documents and uploads) through Django's default storage, each with its SHA-256."""

from __future__ import annotations

import hashlib
import hmac
import os.path
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage


@dataclass(frozen=True)
class StoredFile:
    name: str  # the name the storage chose (differs from the one asked for when that was taken)
    sha256: str
    size: int


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def store_file(name: str, content: bytes) -> StoredFile:
    """Save bytes under `name`, never overwriting: on a clash the storage picks a new name, which is returned."""
    if getattr(default_storage, "file_overwrite", False):
        # S3Storage(file_overwrite=True) would replace an existing object; ask for a free name ourselves.
        name = default_storage.get_alternative_name(*os.path.splitext(name)) if default_storage.exists(name) else name
    saved = default_storage.save(name, ContentFile(content))
    return StoredFile(name=saved, sha256=sha256_hex(content), size=len(content))


def read_file(name: str) -> bytes:
    with default_storage.open(name, "rb") as handle:
        return handle.read()


def verify_digest(name: str, sha256: str) -> bool:
    """Whether the stored file still has the digest recorded when it was saved (False if it is gone)."""
    if not default_storage.exists(name):
        return False
    data = read_file(name)
    return hmac.compare_digest(sha256_hex(data), sha256.lower())


def download_url(name: str, *, expires: int = 300) -> str | None:
    """A short-lived presigned URL on S3; None on local storage, where a permission-checking view streams the file."""
    if isinstance(default_storage, FileSystemStorage) or not hasattr(default_storage, "bucket"):
        return None
    return default_storage.url(name, expire=expires)
