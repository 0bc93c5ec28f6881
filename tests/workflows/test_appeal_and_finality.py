"""After the decision: final 14 days after delivery, on a waiver, or with the second instance; the appeal through the
voivode to the Head of the Office for Foreigners (art. 127-140 k.p.a.), each step with its timer."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from viewflow.workflow.timers import fire_due_timers

from applications.case_models import ApplicationStatus, DocumentKind
from applications.public_status import lookup
from applications.services import access_code
from documents.models import LapseReason
from tests.factories import SecondInstanceFactory
from tests.journey.helpers import pdf_bytes
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
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


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
    assert (
        "Permit granted — final on 30 October 2026" in lookup(application.case_number, access_code(application)).stage
    )


def appeal(application, **kwargs):
    return appeals.file_appeal(
        application=application,
        user=application.applicant,
        text=kwargs.get("text", "Mam stałe zatrudnienie, wbrew uzasadnieniu decyzji."),
        uploads=kwargs.get("uploads", []),
    )


def sentences(application) -> list[str]:
    from applications.tracking import timeline

    return [entry.text for entry in timeline(application.events.order_by("created_at", "pk"))]


@pytest.mark.postgres
def test_a_waiver_makes_the_refusal_final_that_day_and_tells_the_applicant_to_leave_within_thirty_days(
    django_capture_on_commit_callbacks, officer, supervisor
):
    application = decided_case(django_capture_on_commit_callbacks, officer, supervisor, kind="refusal")
    with time_machine.travel(warsaw(2026, 10, 6, 12, 0), tick=False):
        appeals.waive_appeal(application=application, user=application.applicant)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REFUSED_FINAL
    finality = application.finality
    assert (finality.final_on, finality.reason, finality.granted) == (date(2026, 10, 6), Finality.Reason.WAIVER, False)
    assert finality.leave_by == date(2026, 11, 5)
    assert "You waived the appeal on 6 October 2026." in sentences(application)
    final = sentences(application)[-1]
    assert "final as of 6 October 2026: the permit is refused" in final and "leave Poland by 5 November 2026" in final
    assert not {"appeal_period", "residence_card"} & open_nodes(application)  # the case has ended
    with pytest.raises(ValidationError):  # a waiver cannot be taken back by an appeal
        appeal(application)


@pytest.mark.postgres
def test_the_voivode_grants_the_appeal_himself_with_a_new_decision_that_can_be_appealed_again(
    django_capture_on_commit_callbacks, officer, supervisor, second_officer
):
    application = decided_case(django_capture_on_commit_callbacks, officer, supervisor, kind="refusal")
    with time_machine.travel(warsaw(2026, 10, 8, 9, 0), tick=False):
        filed = appeal(application, uploads=[pdf_upload()])
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPEAL_FILED
    assert filed.receipt.kind == DocumentKind.APPEAL_RECEIPT and filed.receipt.signed
    assert application.attachments.filter(requirement="appeal").count() == 1
    with time_machine.travel(warsaw(2026, 10, 9, 9, 0), tick=False):
        appeals.review_appeal(
            task=take(application, "appeal_review", second_officer),
            user=second_officer,
            grant=True,
            valid_from=date(2026, 11, 1),
            valid_to=date(2028, 10, 31),
            justification="Odwołanie zasługuje na uwzględnienie w całości (art. 132 § 1 k.p.a.).",
        )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECISION_ISSUED
    assert application.decisions.first().kind == "grant"
    assert application.documents.filter(kind=DocumentKind.DECISION).count() == 2
    assert "appeal_period" in open_nodes(application)  # art. 132 § 3: the new decision may be appealed
    # Made available on 9 October, deemed delivered on 23 October, 14 days end on Friday 6 November.
    with time_machine.travel(warsaw(2026, 11, 7, 0, 1), tick=False):
        assert fire_due_timers() == 1
    application.refresh_from_db()
    assert application.status == ApplicationStatus.GRANTED_FINAL
    assert application.finality.final_on == date(2026, 11, 7)


@pytest.mark.postgres
def test_an_appeal_the_voivode_does_not_grant_in_seven_days_goes_to_the_head_of_the_office_who_upholds_it(
    django_capture_on_commit_callbacks, officer, supervisor, head_of_office
):
    application = decided_case(django_capture_on_commit_callbacks, officer, supervisor, kind="refusal")
    with time_machine.travel(warsaw(2026, 10, 8, 9, 0), tick=False):
        appeal(application)
    with time_machine.travel(warsaw(2026, 10, 15, 23, 58), tick=False):
        assert fire_due_timers() == 0
    with time_machine.travel(warsaw(2026, 10, 16, 0, 1), tick=False):  # art. 133: the 7 days ended on 15 October
        assert fire_due_timers() == 1
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPEAL_AT_SECOND_INSTANCE
    stage = lookup(application.case_number, access_code(application)).stage
    assert stage == "Appeal sent to the Head of the Office for Foreigners on 16 October 2026"
    task = open_task_of(application, "second_instance")
    assert task.owner_id is None
    with time_machine.travel(warsaw(2026, 12, 1, 10, 0), tick=False):
        appeals.decide_appeal(
            task=appeals.claim_appeal(task=task, user=head_of_office),
            user=head_of_office,
            outcome=Appeal.Outcome.UPHELD,
            justification="Organ pierwszej instancji prawidłowo ocenił brak środków.",
        )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REFUSED_FINAL
    assert application.finality.reason == Finality.Reason.SECOND_INSTANCE
    assert application.finality.final_on == date(2026, 12, 1)
    letter = application.documents.get(kind=DocumentKind.SECOND_INSTANCE_DECISION)
    assert letter.delivery.made_available_at is not None
    # 30 days to leave run from the delivery of the Head of the Office's decision (art. 299 ust. 6 pkt 1).
    assert application.finality.leave_by == date(2026, 12, 15) + timedelta(days=30)
    assert "The Head of the Office for Foreigners upheld the decision on 1 December 2026." in sentences(application)


def open_task_of(application, node):
    from .conftest import open_task

    return open_task(application, node)


@pytest.mark.postgres
def test_overturned_and_returned_the_case_is_examined_again_by_the_voivode_and_granted(
    django_capture_on_commit_callbacks, officer, supervisor, head_of_office
):
    application = decided_case(django_capture_on_commit_callbacks, officer, supervisor, kind="refusal")
    with time_machine.travel(warsaw(2026, 10, 8, 9, 0), tick=False):
        appeal(application)
        appeals.review_appeal(task=take(application, "appeal_review", officer), user=officer, grant=False)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPEAL_AT_SECOND_INSTANCE
    with time_machine.travel(warsaw(2026, 11, 2, 10, 0), tick=False):
        appeals.decide_appeal(
            task=appeals.claim_appeal(task=open_task_of(application, "second_instance"), user=head_of_office),
            user=head_of_office,
            outcome=Appeal.Outcome.RETURNED,
            justification="Nie wyjaśniono sytuacji zawodowej cudzoziemca (art. 7 i 77 k.p.a.).",
        )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_PROGRESS
    assert "review" in open_nodes(application)
    assert not hasattr(application, "finality") or not Finality.objects.filter(application=application).exists()
    with time_machine.travel(warsaw(2026, 11, 10, 10, 0), tick=False):
        review_and_decide(application, officer, proposed="grant", kind="grant")
        appeals.waive_appeal(application=application, user=application.applicant)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.GRANTED_FINAL
    assert application.finality.final_on == date(2026, 11, 10)
    assert "residence_card" in open_nodes(application)


@pytest.mark.postgres
def test_an_appeal_after_fourteen_days_is_refused_with_the_last_day(
    client, django_capture_on_commit_callbacks, officer, supervisor
):
    from django.urls import reverse
    from django.utils import translation

    application = decided_case(django_capture_on_commit_callbacks, officer, supervisor, kind="refusal")
    with time_machine.travel(warsaw(2026, 10, 30, 0, 1), tick=False):  # deemed delivered 15 October; ended 29th
        fire_due_timers()
        with pytest.raises(ValidationError) as refused:
            appeal(application)
        assert refused.value.message_dict["text"][0].startswith("The 14 days for an appeal ended on 29 October 2026.")
        with translation.override("pl"):
            with pytest.raises(ValidationError) as po_polsku:
                appeal(application)
            assert "29.10.2026" in po_polsku.value.message_dict["text"][0]
        client.force_login(application.applicant)
        page = client.post(
            reverse("workflows:appeal", kwargs={"case_id": application.public_id}),
            {"action": "appeal", "text": "Odwołuję się."},
        )
    assert page.status_code == 400
    assert "The 14 days for an appeal ended on 29 October 2026." in page.content.decode()
    assert not application.appeals.exists()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REFUSED_FINAL


@pytest.mark.postgres
def test_opening_the_decision_in_the_account_starts_the_fourteen_days_that_day_and_moves_the_timer(
    client, django_capture_on_commit_callbacks, officer
):
    from django.urls import reverse

    from .test_delivery import timer_of

    application = decided_case(django_capture_on_commit_callbacks, officer)  # Thursday 1 October 2026
    decision = application.documents.get(kind=DocumentKind.DECISION)
    with time_machine.travel(warsaw(2026, 10, 2, 8, 0), tick=False):  # opened on Friday 2 October
        client.force_login(application.applicant)
        assert client.get(reverse("documents:download", kwargs={"document_id": decision.public_id})).status_code == 200
    # 14 days from 2 October end on Friday 16 October.
    assert timer_of(application).scheduled == warsaw(2026, 10, 16, 23, 59, 59, 999999)
    with time_machine.travel(warsaw(2026, 10, 10, 12, 0), tick=False):
        client.force_login(application.applicant)
        page = client.get(reverse("workflows:appeal", kwargs={"case_id": application.public_id})).content.decode()
    assert "until 16 October 2026" in page
    with time_machine.travel(warsaw(2026, 10, 17, 0, 1), tick=False):
        assert fire_due_timers() == 1
        client.force_login(application.applicant)
        case_page = client.get(reverse("applications:case", kwargs={"case_id": application.public_id}))
    application.refresh_from_db()
    assert application.finality.final_on == date(2026, 10, 17)
    assert "Permit granted — final on 17 October 2026" in case_page.content.decode()


def test_after_ninety_days_the_open_appeal_is_recorded_as_overdue_and_stays_with_the_second_instance(
    django_capture_on_commit_callbacks, officer, supervisor, head_of_office
):
    from workflows.models import AuditEntry

    application = decided_case(django_capture_on_commit_callbacks, officer, supervisor, kind="refusal")
    with time_machine.travel(warsaw(2026, 10, 8, 9, 0), tick=False):
        appeal(application)
        appeals.review_appeal(task=take(application, "appeal_review", officer), user=officer, grant=False)
    with time_machine.travel(warsaw(2027, 1, 7, 23, 58), tick=False):
        assert fire_due_timers() == 0  # 90 days from 8 October: 6 January is Epiphany, so the 7th is the last day
    with time_machine.travel(warsaw(2027, 1, 8, 0, 1), tick=False):
        assert fire_due_timers() == 1
    assert AuditEntry.objects.filter(application=application, action="appeal.second_instance_overdue").exists()
    assert "second_instance" in open_nodes(application)
    with time_machine.travel(warsaw(2027, 1, 8, 10, 0), tick=False):
        appeals.decide_appeal(
            task=appeals.claim_appeal(task=open_task_of(application, "second_instance"), user=head_of_office),
            user=head_of_office,
            outcome=Appeal.Outcome.OVERTURNED,
            kind="grant",
            valid_from=date(2027, 2, 1),
            valid_to=date(2029, 1, 31),
            justification="Cudzoziemiec wykazał stabilne źródło dochodu.",
        )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.GRANTED_FINAL
    assert application.decisions.first().kind == "grant" and application.finality.final_on == date(2027, 1, 8)
    assert "residence_card" in open_nodes(application)


@pytest.mark.postgres
def test_the_voivodes_own_grant_is_read_as_a_draft_and_its_period_is_checked_like_the_first_decision(
    django_capture_on_commit_callbacks, officer, supervisor, second_officer
):
    from tests.documents.helpers import pdf_text
    from workflows import letters, previews
    from workflows.appeal_forms import AppealReviewForm
    from workflows.services import WorkflowError

    application = decided_case(django_capture_on_commit_callbacks, officer, supervisor, kind="refusal")
    with time_machine.travel(warsaw(2026, 10, 8, 9, 0), tick=False):
        appeal(application, uploads=[pdf_upload()])
    with time_machine.travel(warsaw(2026, 10, 9, 9, 0), tick=False):
        task = take(application, "appeal_review", second_officer)
        five_years = {
            "outcome": "granted",
            "valid_from": "2026-11-01",
            "valid_to": "2031-10-31",
            "justification": "Odwołanie zasadne.",
        }
        form = AppealReviewForm(five_years, application=application)
        assert not form.is_valid() and "valid_to" in form.errors  # at most 3 years, by its field
        assert form.cleaned_data["justification"] == "Odwołanie zasadne."  # the other answers stay
        with pytest.raises(WorkflowError):
            appeals.review_appeal(
                task=task,
                user=second_officer,
                grant=True,
                valid_from=date(2026, 11, 1),
                valid_to=date(2031, 10, 31),
                justification="Odwołanie zasadne.",
            )
        lawful = AppealReviewForm({**five_years, "valid_to": "2027-12-31"}, application=application)
        assert lawful.is_valid(), lawful.errors
        draft = previews.letter_for(task, second_officer, lawful.cleaned_data)
        text = " ".join(pdf_text(letters.preview(application, draft)).split())
        assert "DECYZJA" in text and "udzielić" in text and "PROJEKT" in text
        forwarded = AppealReviewForm({"outcome": "forwarded"}, application=application)
        assert forwarded.is_valid() and previews.letter_for(task, second_officer, forwarded.cleaned_data) is None
