"""A submission ends with a signed application package and receipt, issued exactly once per case."""

from __future__ import annotations

import io
import json
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse

from applications.case_models import CaseEvent
from applications.services import access_code
from documents import services
from documents.admin import DocumentAdmin
from documents.models import Document, DocumentKind, OfficialDocumentError
from documents.package import NOT_APPLICABLE, NOT_APPLICABLE_2026, package_sections
from documents.signing import verify_pdf_signature
from documents.storage import sha256_hex
from documents.tasks import render_submission_documents
from tests.documents.cases import submit_sample, submit_work_permit
from tests.documents.helpers import pdf_text, reader, xmp

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("signing_dir")]


def issued(application) -> dict[str, Document]:
    return {d.kind: d for d in Document.objects.filter(application=application)}


def content(document: Document) -> bytes:
    with document.file.open("rb") as handle:
        return handle.read()


def stored_files(settings) -> list[Path]:
    return sorted(p for p in Path(settings.MEDIA_ROOT, "documents").rglob("*.pdf"))


@pytest.fixture
def work_permit(django_capture_on_commit_callbacks):
    """A work permit submitted with the employer's annex; the task runs (eagerly) after the commit."""
    with django_capture_on_commit_callbacks(execute=True):
        return submit_work_permit()


def test_submission_issues_a_signed_pdf_a_package_and_receipt(work_permit):
    documents = issued(work_permit)
    assert set(documents) == {DocumentKind.APPLICATION_PACKAGE, DocumentKind.RECEIPT}
    for document in documents.values():
        pdf = content(document)
        assert document.signed and verify_pdf_signature(pdf).ok
        assert 'pdfaid:part="3"' in xmp(pdf)
        assert document.sha256 == sha256_hex(pdf) and document.size == len(pdf)


def test_package_holds_the_answers_annex_attachments_and_declaration(work_permit):
    pdf = content(issued(work_permit)[DocumentKind.APPLICATION_PACKAGE])
    embedded = reader(pdf).attachments
    assert json.loads(embedded["application.json"][0]) == work_permit.answers
    assert json.loads(embedded["annex.json"][0])["employer"]["employer_name"] == "Budex sp. z o.o."
    text = pdf_text(pdf)
    assert work_permit.case_number in text
    # "brak" where a question does not apply: the 2026 layout the new drafts are on (NIE DOTYCZY was the 2019 one).
    for answer in ("KOWALENKO", "OKSANA", "FX123456", "brak", "Budex sp. z o.o.", "198.51.100.23"):
        assert answer in text, answer
    assert "not_applicable" not in text
    attachment = work_permit.attachments.first()
    assert attachment.sha256 in text.replace("\n", "")
    assert len(reader(pdf).pages) >= 6


def test_receipt_carries_case_number_package_digest_access_code_and_qr_link(work_permit):
    documents = issued(work_permit)
    receipt = pdf_text(content(documents[DocumentKind.RECEIPT]))
    flat = receipt.replace("\n", "")
    package_sha256 = documents[DocumentKind.APPLICATION_PACKAGE].sha256
    assert work_permit.case_number in receipt
    assert package_sha256 in flat
    assert access_code(work_permit) in receipt
    assert "OKSANA KOWALENKO" in receipt and work_permit.office.name in receipt
    assert services.verification_url(work_permit.case_number, package_sha256) in flat
    assert "Офіційне підтвердження" in receipt  # the applicant's (Ukrainian) part
    assert len(reader(content(documents[DocumentKind.RECEIPT])).pages) == 1


def test_each_document_is_a_line_on_the_case_timeline_with_its_download(work_permit):
    events = list(work_permit.events.filter(kind=CaseEvent.Kind.DOCUMENT))
    documents = issued(work_permit)
    assert [e.data["kind"] for e in events] == [DocumentKind.APPLICATION_PACKAGE, DocumentKind.RECEIPT]
    for event in events:
        document = documents[event.data["kind"]]
        assert event.data["document"] == str(document.public_id)
        assert event.action_url == reverse("documents:download", kwargs={"document_id": document.public_id})


def test_running_the_task_again_issues_nothing_new(work_permit, settings):
    before = {kind: d.pk for kind, d in issued(work_permit).items()}
    render_submission_documents.delay(work_permit.pk)
    render_submission_documents.delay(work_permit.pk)
    assert {kind: d.pk for kind, d in issued(work_permit).items()} == before
    assert work_permit.events.filter(kind=CaseEvent.Kind.DOCUMENT).count() == 2
    assert len(stored_files(settings)) == 2


class WorkerDied(BaseException):
    """What a killed worker looks like from inside: not an Exception, so nothing catches or retries it."""


@pytest.mark.parametrize("dies_at", ["sealing the package", "sealing the receipt", "recording the receipt"])
def test_a_worker_killed_mid_render_is_completed_by_the_next_run(settings, dies_at):
    """Simulated: a real prefork worker against the pytest test database is not practical; the task body is run,
    'killed' at one point with a BaseException, and run again, as Celery redelivers an unacknowledged task."""
    application = submit_sample()
    real_sign, real_record = services.sign_pdf, services.record_event
    calls = {"sign": 0, "record": 0}

    def sign(pdf, **kwargs):
        calls["sign"] += 1
        if (dies_at, calls["sign"]) in {("sealing the package", 1), ("sealing the receipt", 2)}:
            raise WorkerDied
        return real_sign(pdf, **kwargs)

    def record(*args, **kwargs):
        calls["record"] += 1
        if dies_at == "recording the receipt" and calls["record"] == 2:
            raise WorkerDied
        return real_record(*args, **kwargs)

    with (
        mock.patch.object(services, "sign_pdf", sign),
        mock.patch.object(services, "record_event", record),
        pytest.raises(WorkerDied),
    ):
        render_submission_documents.run(application.pk)
    assert DocumentKind.RECEIPT not in issued(application)

    render_submission_documents.run(application.pk)
    documents = issued(application)
    assert set(documents) == {DocumentKind.APPLICATION_PACKAGE, DocumentKind.RECEIPT}
    assert Document.objects.filter(application=application).count() == 2
    assert application.events.filter(kind=CaseEvent.Kind.DOCUMENT).count() == 2
    assert [p.name for p in stored_files(settings)] == sorted(Path(d.file.name).name for d in documents.values())


def test_a_worker_that_loses_the_race_returns_the_winners_receipt_and_removes_its_file(settings):
    application = submit_sample()
    package, receipt = services.issue_submission_documents(application.pk)
    real_existing = services._existing
    # Both checks before the insert miss the winner (it commits in between): the unique constraint decides.
    with mock.patch.object(services, "_existing", side_effect=[None, None, real_existing(application, "receipt")]):
        again = services.issue_receipt(application, package)
    assert again == receipt
    # Only the pre-check misses it: the check under the row lock finds it.
    with mock.patch.object(services, "_existing", side_effect=[None, receipt]):
        assert services.issue_receipt(application, package) == receipt
    assert len(stored_files(settings)) == 2
    assert Document.objects.filter(application=application, kind=DocumentKind.RECEIPT).count() == 1


def test_no_render_on_submission_when_switched_off(settings, django_capture_on_commit_callbacks):
    settings.DOCUMENTS_RENDER_ON_SUBMIT = False
    with django_capture_on_commit_callbacks(execute=True):
        application = submit_sample()
    assert not issued(application)
    call_command("issue_submission_documents", application.case_number, stdout=io.StringIO())
    assert set(issued(application)) == {DocumentKind.APPLICATION_PACKAGE, DocumentKind.RECEIPT}


def test_an_issued_document_is_never_deleted_or_rewritten():
    application = submit_sample()
    package, _receipt = services.issue_submission_documents(application.pk)
    with pytest.raises(OfficialDocumentError):
        package.delete()
    with pytest.raises(OfficialDocumentError):
        Document.objects.filter(pk=package.pk).delete()
    with pytest.raises(OfficialDocumentError):
        Document.objects.filter(pk=package.pk).update(sha256="0" * 64)
    package.sha256 = "0" * 64
    with pytest.raises(OfficialDocumentError):
        package.save()
    package.refresh_from_db()
    package.title = "Wniosek (tytuł poprawiony)"
    package.save()  # the title is only a label
    assert Document.objects.filter(pk=package.pk).exists()
    admin = DocumentAdmin(Document, None)
    assert not admin.has_delete_permission(None, package) and not admin.has_change_permission(None, package)
    assert not admin.has_add_permission(None)


def test_the_same_case_renders_the_same_package_bytes_before_sealing():
    application = submit_sample()
    parts = services.submission_parts(application)
    from documents.package import render_package

    first = render_package(created=application.submitted_at, **parts)
    assert render_package(created=application.submitted_at, **parts) == first


def test_a_not_applicable_answer_prints_nie_dotyczy():
    """On the 2019 layout NIE DOTYCZY; version 2 (layout 2026, published now) prints "brak" as its instructions want."""
    application = submit_sample()
    layout = application.definition.spec.layout
    sections = package_sections(application.definition.spec, application.answers)
    personal = {
        row["label"]: row["value"]
        for entry in sections[0]["entries"]
        if entry["kind"] == "fields"
        for row in entry["rows"]
    }
    assert application.answers["personal"]["previous_surnames"] == "not_applicable"
    assert (NOT_APPLICABLE if layout == "2019" else NOT_APPLICABLE_2026) in personal.values()
    assert "not_applicable" not in personal.values()


def test_other_documents_may_be_issued_more_than_once(settings):
    application = submit_sample()
    context = {
        "office": application.office,
        "issued_at": application.submitted_at,
        "deadline": application.submitted_at,
        "defects": ["brak fotografii"],
    }
    first, second = (
        services.issue_document(
            application,
            DocumentKind.CALL_TO_SUPPLEMENT,
            "documents/call_to_supplement.html",
            context,
            language="pl",
            title="Wezwanie do usunięcia braków formalnych",
        )
        for _ in range(2)
    )
    assert first.pk != second.pk
    assert "brak fotografii" in pdf_text(content(first))
