"""After the decision: final 14 days after delivery, on a waiver, or with the second instance; the appeal through the
voivode to the Head of the Office for Foreigners (art. 127-140 k.p.a.), each step with its timer."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from viewflow.workflow.timers import fire_due_timers

from applications.case_models import ApplicationStatus, CaseEvent, DocumentKind
from applications.public_status import lookup
from applications.services import access_code
from documents.models import LapseReason
from tests.factories import SecondInstanceFactory
from workflows import appeals, services
from workflows.deadlines import POLISH_TIME
from workflows.models import Appeal, Finality

from .conftest import (
    answer_consultations,
    open_nodes,
    pass_formal_check,
    review_and_decide,
    submit_case,
    take,
    take_fingerprints,
)

pytestmark = pytest.mark.django_db


def warsaw(*args) -> datetime:
    return datetime(*args, tzinfo=POLISH_TIME)


@pytest.fixture
def head_of_office(db):
    return SecondInstanceFactory()


def decided_case(django_capture_on_commit_callbacks, officer, supervisor=None, *, kind="grant", at=None):
    """A case worked up to a delivered decision (a refusal approved by the supervisor), at `at` (Warsaw time)."""
    with time_machine.travel(at or warsaw(2026, 10, 1, 10, 0), tick=False):
        application = submit_case(django_capture_on_commit_callbacks)
        pass_formal_check(application, officer)
        take_fingerprints(application, officer)
        answer_consultations(application, officer)
        review_and_decide(
            application, officer, proposed=kind, kind=kind, justification="Brak środków." if kind == "refusal" else ""
        )
        if kind == "refusal":
            services.approve_decision(task=take(application, "approve", supervisor), user=supervisor, approved=True)
    application.refresh_from_db()
    return application


def pdf_upload(name="uzasadnienie.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", content_type="application/pdf")


@pytest.mark.postgres
def test_a_grant_not_appealed_is_final_the_day_after_the_fourteen_days_from_delivery(
    django_capture_on_commit_callbacks, officer
):
    # Made available on Thursday 1 October 2026, never opened: deemed delivered on 15 October; 14 days end on
    # Thursday 29 October; final on 30 October.
    application = decided_case(django_capture_on_commit_callbacks, officer)
    assert application.status == ApplicationStatus.DECISION_ISSUED
    assert "appeal_period" in open_nodes(application)
    certificate = application.documents.filter(kind=DocumentKind.LEGAL_STAY_CERTIFICATE).first()
    assert certificate is None or certificate.lapsed_at is None  # the legal stay lasts until the decision is final
    with time_machine.travel(warsaw(2026, 10, 29, 23, 58), tick=False):
        assert fire_due_timers() == 0
    with time_machine.travel(warsaw(2026, 10, 30, 0, 1), tick=False):
        assert fire_due_timers() == 1
    application.refresh_from_db()
    assert application.status == ApplicationStatus.GRANTED_FINAL
    assert application.finality.final_on == date(2026, 10, 30)
    assert application.finality.reason == Finality.Reason.NO_APPEAL
    assert "residence_card" in open_nodes(application)
    if certificate is not None:
        certificate.refresh_from_db()
        assert certificate.lapse_reason == LapseReason.FINAL_DECISION
    assert "Permit granted — final on 30 October 2026" in lookup(application.case_number, access_code(application)).stage
