"""`manage.py backup` then `manage.py restore` into a fresh database and empty storage: every case, its
documents and uploads come back with the same SHA-256 digests, and `/verify/` confirms each document intact."""

from __future__ import annotations

import hashlib
import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client

from applications.case_models import Application
from documents.backup import BackupError, back_up
from documents.models import Document
from documents.services import issue_submission_documents
from tests.faults.helpers import default_database
from tests.samples import submit_sample


def snapshot() -> dict[str, dict]:
    """What a restore must give back, case by case: the rows' digests and the stored bytes' digests."""
    cases = {}
    for application in Application.objects.order_by("case_number"):
        files = list(application.documents.values_list("kind", "file", "sha256"))
        files += [("upload", a.file.name, a.sha256) for a in application.attachments.all()]
        cases[application.case_number] = {
            "status": application.status,
            "surname": application.surname,
            "files": sorted(
                (kind, name, sha256, hashlib.sha256(default_storage.open(name).read()).hexdigest())
                for kind, name, sha256 in files
            ),
        }
    return cases


def test_a_backup_restored_into_a_fresh_database_and_storage_keeps_every_case_document_and_digest(
    stack, private_postgres, settings, tmp_path
):
    settings.DOCUMENTS_RENDER_ON_SUBMIT = False
    for voivodeship in ("14", "02", "14"):
        issue_submission_documents(submit_sample(voivodeship=voivodeship).pk)
    before = snapshot()
    assert len(before) == 3 and all(len(case["files"]) >= 4 for case in before.values())

    call_command("backup", str(tmp_path / "backup"), stdout=io.StringIO())

    fresh = "mos_faults_restored"
    private_postgres.execute(f"DROP DATABASE IF EXISTS {fresh}")
    private_postgres.execute(f"CREATE DATABASE {fresh}")
    media = tmp_path / "restored-media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(media)}},
    }
    with default_database(private_postgres.url(fresh)):
        out = io.StringIO()
        call_command("restore", str(tmp_path / "backup"), stdout=out)
        assert "match their SHA-256" in out.getvalue()
        after = snapshot()
        assert after == before
        for _kind, _name, sha256, stored in (f for case in after.values() for f in case["files"]):
            assert stored == sha256
        client = Client(HTTP_ACCEPT_LANGUAGE="en", REMOTE_ADDR="203.0.113.77")
        for document in Document.objects.select_related("application"):
            page = client.get("/verify/", {"case": document.application.case_number, "sha256": document.sha256})
            assert page.context["digest_result"] == {**page.context["digest_result"], "found": True, "intact": True}
        receipt = Document.objects.filter(kind="receipt").first()
        pdf = SimpleUploadedFile("receipt.pdf", default_storage.open(receipt.file.name).read(), "application/pdf")
        result = client.post("/verify/", {"file": pdf}).context["upload_result"]
        assert result["found"] and result["sha256"] == receipt.sha256 and result["signature"].ok

        with pytest.raises(CommandError, match="not empty"):
            call_command("restore", str(tmp_path / "backup"), stdout=io.StringIO())
    private_postgres.execute(f"DROP DATABASE IF EXISTS {fresh} WITH (FORCE)")


def test_a_damaged_backup_is_refused_before_anything_is_restored(stack, private_postgres, settings, tmp_path):
    settings.DOCUMENTS_RENDER_ON_SUBMIT = False
    issue_submission_documents(submit_sample().pk)
    manifest = back_up(tmp_path / "backup")
    damaged = next(tmp_path.joinpath("backup", "files").rglob("*.pdf"))
    damaged.write_bytes(damaged.read_bytes() + b"%")
    assert manifest["files"]
    fresh = "mos_faults_damaged"
    private_postgres.execute(f"DROP DATABASE IF EXISTS {fresh}")
    private_postgres.execute(f"CREATE DATABASE {fresh}")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "empty-media")},
        },
    }
    with default_database(private_postgres.url(fresh)), pytest.raises(CommandError, match="does not match"):
        call_command("restore", str(tmp_path / "backup"), stdout=io.StringIO())
    with pytest.raises(BackupError, match="not empty"):
        back_up(tmp_path / "backup")
    private_postgres.execute(f"DROP DATABASE IF EXISTS {fresh} WITH (FORCE)")
