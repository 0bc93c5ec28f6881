"""Exactly-once submission and gapless case numbers under real concurrency (PostgreSQL)."""

from __future__ import annotations

import threading

import pytest
from django.db import close_old_connections, connection

from applications import services
from applications.case_models import Application
from tests.factories import PASSWORD, ApplicantFactory
from tests.journey.conftest import submit_sample
from tests.samples import applicant_payload

pytestmark = [pytest.mark.postgres, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def prepared_draft(applicant):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.journey.helpers import jpeg_bytes, pdf_bytes

    draft = services.start_draft(applicant=applicant, slug="temporary-residence")
    for step, answers in applicant_payload("temporary-residence").items():
        draft = services.save_step_answers(draft=draft, step_key=step, answers=answers)
    for key in services.missing_attachments(draft):
        content, kind = (jpeg_bytes(), "image/jpeg") if key == "photo" else (pdf_bytes(), "application/pdf")
        services.add_attachment(
            draft=draft, requirement=key, upload=SimpleUploadedFile(f"{key}.bin", content, content_type=kind)
        )
    return draft


def run_together(jobs) -> list:
    """Start every job at the same moment, each in its own thread with its own database connection."""
    barrier = threading.Barrier(len(jobs))
    results: list = [None] * len(jobs)

    def worker(index, job):
        try:
            barrier.wait()
            results[index] = job()
        except Exception as error:
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    close_old_connections()
    return results


def submit(draft):
    return lambda: (
        services.submit_draft(
            draft_id=draft.pk,
            applicant=draft.applicant,
            signature_method="password",
            credentials={"password": PASSWORD},
            ip="127.0.0.1",
            declaration_confirmed=True,
        ).case_number
    )


def test_twenty_concurrent_submissions_of_one_draft_make_one_case(reference_data):
    draft = prepared_draft(ApplicantFactory())
    results = run_together([submit(draft)] * 20)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert len(set(results)) == 1
    assert Application.objects.filter(draft=draft).count() == 1


def test_fifty_concurrent_submissions_get_fifty_consecutive_numbers(reference_data):
    submit_sample()  # number 1 is taken before the race
    drafts = [prepared_draft(ApplicantFactory()) for _ in range(50)]
    results = run_together([submit(d) for d in drafts])
    assert not [r for r in results if isinstance(r, Exception)], results
    sequence = sorted(int(number.rsplit("/", 1)[1]) for number in results)
    assert sequence == list(range(2, 52))
    assert all(number.startswith("14/") for number in results)
