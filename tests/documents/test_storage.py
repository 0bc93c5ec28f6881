"""Stored documents keep their digest, never overwrite each other, and download through short-lived URLs on S3."""

from __future__ import annotations

import urllib.error
import urllib.request
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.utils import timezone

from documents.storage import download_url, read_file, sha256_hex, store_file, verify_digest


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - a URL we just generated for our server
        return response.read()


def test_local_storage_saves_with_digest_and_has_no_public_url():
    stored = store_file("cases/2025/receipt.pdf", b"%PDF-1.7 test")
    assert stored.sha256 == sha256_hex(b"%PDF-1.7 test") and stored.size == 13
    assert read_file(stored.name) == b"%PDF-1.7 test"
    assert verify_digest(stored.name, stored.sha256)
    assert download_url(stored.name) is None


def test_local_storage_never_overwrites_and_notices_a_changed_file(settings):
    first = store_file("cases/x.pdf", b"one")
    second = store_file("cases/x.pdf", b"two")
    assert first.name != second.name
    assert read_file(first.name) == b"one"
    Path(settings.MEDIA_ROOT, first.name).write_bytes(b"1ne")
    assert not verify_digest(first.name, first.sha256)
    assert not verify_digest("cases/missing.pdf", first.sha256)


@pytest.mark.s3
def test_s3_saves_reads_back_and_checks_the_digest(s3_storage):
    content = b"%PDF-1.7 " + bytes(range(256)) * 40
    stored = store_file("cases/WSO-MZ-2025-000123/package.pdf", content)
    assert read_file(stored.name) == content
    assert verify_digest(stored.name, stored.sha256)
    assert not verify_digest(stored.name, sha256_hex(b"something else"))
    assert not verify_digest("cases/none.pdf", stored.sha256)


@pytest.mark.s3
def test_s3_keeps_file_names_with_polish_characters(s3_storage):
    stored = store_file("uploads/zaświadczenie o zatrudnieniu – Łódź.pdf", b"zazolc")
    assert "Łódź" in stored.name
    assert read_file(stored.name) == b"zazolc"


@pytest.mark.s3
def test_s3_never_overwrites_on_a_name_clash(s3_storage):
    first = store_file("cases/clash.pdf", b"first")
    second = store_file("cases/clash.pdf", b"second")
    assert first.name != second.name
    assert read_file(first.name) == b"first" and read_file(second.name) == b"second"


@pytest.mark.s3
def test_s3_presigned_url_downloads_the_file(s3_storage):
    stored = store_file("cases/download.pdf", b"download me")
    url = download_url(stored.name, expires=300)
    assert url and "X-Amz-Signature=" in url and "X-Amz-Expires=300" in url
    assert fetch(url) == b"download me"


@pytest.mark.s3
def test_s3_presigned_url_stops_working_when_it_expires(s3_storage):
    stored = store_file("cases/expiring.pdf", b"secret")
    with time_machine.travel(timezone.now() - timedelta(hours=1), tick=False):
        url = download_url(stored.name, expires=300)
    with pytest.raises(urllib.error.HTTPError) as error:
        fetch(url)
    assert error.value.code == 403
