"""Cases for the tracking tests: submitted through the services, without rendering PDFs (documents tests do that)."""

from __future__ import annotations

import pytest

from applications import services
from applications.case_models import CaseEvent
from tests.factories import ApplicantFactory
from tests.journey.conftest import submit_sample


@pytest.fixture(autouse=True)
def _fresh_throttle_counters():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _no_pdf_rendering(settings):
    settings.DOCUMENTS_RENDER_ON_SUBMIT = False
    settings.SITE_URL = "https://mos.example.gov.pl"


@pytest.fixture
def applicant(db):
    return ApplicantFactory(first_name="Olena", last_name="Kovalenko-Secret", preferred_language="en")


@pytest.fixture
def case(applicant):
    return submit_sample(applicant)


def record(application, kind, **kwargs) -> CaseEvent:
    """What case processing does: one event through the service (after-commit work runs in the caller's capture)."""
    return services.record_event(application, kind, **kwargs)


def add_document(application, kind: str = "decision", title: str = "Decyzja"):
    """A Document row and its timeline event, without rendering a PDF."""
    import hashlib
    import uuid

    from django.urls import reverse

    from documents.models import Document

    public_id = uuid.uuid4()
    document = Document.objects.create(
        public_id=public_id,
        application=application,
        kind=kind,
        title=title,
        file=f"documents/test/{public_id}.pdf",
        sha256=hashlib.sha256(public_id.bytes).hexdigest(),
        size=1234,
        signed=True,
    )
    record(
        application,
        CaseEvent.Kind.DOCUMENT,
        data={"kind": kind, "title": title, "document": str(public_id)},
        action_url=reverse("documents:download", kwargs={"document_id": public_id}),
    )
    return document
