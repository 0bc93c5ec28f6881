"""Permanent residence and the EU long-term resident's permit are granted for an indefinite time ("na czas
nieoznaczony", art. 195 ust. 1 and art. 211 ust. 1 of the Act on foreigners): the grant states no period, the officer
types none, it grants the request in full, and every page says "for an indefinite time" instead of empty dates."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from viewflow.workflow.timers import fire_due_timers

from applications.case_models import ApplicationStatus, DocumentKind
from applications.public_status import lookup
from applications.services import access_code
from tests.documents.helpers import pdf_text
from tests.factories import SecondInstanceFactory
from workflows import appeals, services
from workflows.appeal_forms import AppealReviewForm, SecondInstanceForm
from workflows.decisions import check_grant, law_for
from workflows.forms import DecisionForm
from workflows.models import Appeal, Decision, Review
from workflows.refusal_grounds import grounds_for
from workflows.services import WorkflowError

from .conftest import (
    answer_consultations,
    open_task,
    pass_formal_check,
    staff_login,
    submit_case,
    take,
    take_fingerprints,
)
from .test_appeal_and_finality import warsaw

pytestmark = pytest.mark.django_db


def _to_decision(application, officer, proposed="grant"):
    pass_formal_check(application, officer)
    take_fingerprints(application, officer)
    answer_consultations(application, officer)
    services.submit_review(
        task=take(application, "review", officer), user=officer, checklist={}, notes="", proposed=proposed
    )
    return take(application, "decide", officer)


def _task_url(task):
    return reverse("workflows:task", kwargs={"task_id": task.pk})


def _flat(document) -> str:
    with document.file.open("rb") as handle:
        return " ".join(pdf_text(handle.read()).split())


def test_both_permits_for_an_indefinite_time_are_flagged_in_the_law_data(django_capture_on_commit_callbacks):
    for slug, article in (("permanent-residence", "art. 195 ust. 1"), ("eu-long-term-resident", "art. 211 ust. 1")):
        law = law_for(submit_case(django_capture_on_commit_callbacks, slug=slug))
        assert law.indefinite and law.max_months is None and article in law.articles
    assert not law_for(submit_case(django_capture_on_commit_callbacks)).indefinite


def test_a_permanent_residence_grant_with_no_period_is_issued_and_prints_na_czas_nieoznaczony(
    client, django_capture_on_commit_callbacks, officer
):
    application = submit_case(django_capture_on_commit_callbacks, slug="permanent-residence")
    task = _to_decision(application, officer)
    staff_login(client, officer)
    page = client.get(_task_url(task)).content.decode()
    assert 'name="valid_from"' not in page and 'name="valid_to"' not in page  # no period to type
    assert "granted for an indefinite time" in page
    assert client.post(_task_url(task), {"kind": "grant", "justification": ""}).status_code == 200  # the draft
    draft = " ".join(
        pdf_text(client.get(reverse("workflows:task-letter-preview", kwargs={"task_id": task.pk})).content).split()
    )
    assert "PROJEKT" in draft and "na czas nieoznaczony" in draft
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(_task_url(task), {"confirm": "1"}).status_code == 302
    decision = Decision.objects.get(application=application)
    assert decision.indefinite and decision.fully_grants and not decision.needs_approval
    assert (decision.valid_from, decision.valid_to, decision.issued_at is not None) == (None, None, True)
    flat = _flat(application.documents.get(kind=DocumentKind.DECISION))
    assert "udzielić cudzoziemcowi zezwolenia na pobyt stały na czas nieoznaczony" in flat
    assert "art. 195 ust. 1 ustawy z dnia 12 grudnia 2013 r. o cudzoziemcach" in flat
    assert "uwzględnia w całości żądanie strony" in flat
    assert "na okres" not in flat and "pozostałym zakresie" not in flat
    # The office's case page, the applicant's case page and the API say it in words, with no empty dates.
    office_page = client.get(reverse("workflows:case", kwargs={"case_id": application.public_id})).content.decode()
    assert "for an indefinite time" in office_page
    client.force_login(application.applicant)
    case_page = client.get(reverse("applications:case", kwargs={"case_id": application.public_id})).content.decode()
    assert "The permit is granted for an indefinite time." in case_page and "The permit is valid" not in case_page
    timeline = client.get(f"/api/v1/cases/{application.public_id}/timeline").json()
    decided = next(event for event in timeline if event["kind"] == "decision")
    assert decided["data"] == {"kind": "grant", "indefinite": True}


def test_the_eu_long_term_residents_grant_cites_its_article_and_no_period(django_capture_on_commit_callbacks, officer):
    application = submit_case(django_capture_on_commit_callbacks, slug="eu-long-term-resident")
    task = _to_decision(application, officer)
    with django_capture_on_commit_callbacks(execute=True):
        decision = services.decide(task=task, user=officer, kind="grant")
    assert decision.indefinite and decision.fully_grants
    flat = _flat(application.documents.get(kind=DocumentKind.DECISION))
    assert "na czas nieoznaczony" in flat and "art. 211 ust. 1" in flat


def test_a_period_typed_for_a_permanent_residence_grant_is_refused_with_a_field_message(
    client, django_capture_on_commit_callbacks, officer
):
    application = submit_case(django_capture_on_commit_callbacks, slug="permanent-residence")
    task = _to_decision(application, officer)
    staff_login(client, officer)
    data = {"kind": "grant", "valid_from": "2027-01-15", "valid_to": "2031-12-31", "justification": "Moje powody."}
    page = client.post(_task_url(task), data)
    body = page.content.decode()
    assert page.status_code == 400
    # By each date's field, and in the summary of errors above the form.
    assert body.count("granted for an indefinite time (art. 195 ust. 1): its decision states no period") == 4
    assert 'value="2027-01-15"' in body and "Moje powody." in body  # the typed date stays by its message
    form = DecisionForm({"kind": "grant", "valid_to": "2031-12-31"}, application=application)
    assert not form.is_valid() and list(form.errors) == ["valid_to"]
    with pytest.raises(ValidationError) as raised:
        services.decide(task=task, user=officer, kind="grant", valid_from=date(2027, 1, 15))
    assert list(raised.value.message_dict) == ["valid_from"]
    assert not Decision.objects.filter(application=application).exists()


def test_the_supervisor_reads_for_an_indefinite_time_on_the_approval_page_and_its_draft(
    client, django_capture_on_commit_callbacks, officer, supervisor
):
    application = submit_case(django_capture_on_commit_callbacks, slug="permanent-residence")
    task = _to_decision(application, officer, proposed="refusal")
    decision = services.decide(task=task, user=officer, kind="grant")  # differs from the proposal: approved first
    assert decision.needs_approval and decision.indefinite
    approval = take(application, "approve", supervisor)
    staff_login(client, supervisor)
    page = client.get(_task_url(approval)).content.decode()
    assert "for an indefinite time" in page
    draft = client.get(reverse("workflows:task-decision-draft", kwargs={"task_id": approval.pk})).content
    assert "na czas nieoznaczony" in " ".join(pdf_text(draft).split())


def test_a_temporary_grant_without_dates_is_still_refused(django_capture_on_commit_callbacks, officer):
    application = submit_case(django_capture_on_commit_callbacks)
    task = _to_decision(application, officer)
    form = DecisionForm({"kind": "grant"}, application=application)
    assert not form.is_valid() and {"valid_from", "valid_to"} <= set(form.errors)
    with pytest.raises(WorkflowError):
        services.decide(task=task, user=officer, kind="grant")
    on = timezone.localdate()
    with pytest.raises(ValidationError) as raised:
        check_grant(application, valid_from=None, valid_to=None, justification="", on=on)
    assert {"valid_from", "valid_to"} <= set(raised.value.message_dict)


def test_the_database_holds_dates_for_a_temporary_grant_and_none_for_an_indefinite_one(
    django_capture_on_commit_callbacks, officer
):
    application = submit_case(django_capture_on_commit_callbacks, slug="permanent-residence")
    review = Review.objects.create(application=application, proposed="grant", proposed_by=officer)
    made = {"application": application, "review": review, "decided_by": officer}
    day = date(2027, 1, 15)
    refused = [
        {"kind": "grant"},  # a temporary grant with no period
        {"kind": "grant", "valid_from": day},  # half a period
        {"kind": "grant", "indefinite": True, "valid_from": day, "valid_to": day},  # an indefinite grant with dates
        {"kind": "grant", "indefinite": True, "valid_to": day},
        {"kind": "refusal", "indefinite": True},  # only a grant is for an indefinite time
    ]
    for fields in refused:
        with pytest.raises(IntegrityError), transaction.atomic():
            Decision.objects.create(**made, **fields)
    Decision.objects.create(**made, kind="grant", indefinite=True)
    Decision.objects.create(**made, kind="grant", valid_from=day, valid_to=date(2028, 1, 14))
    Decision.objects.create(**made, kind="refusal", justification="Brak podstaw.")
    assert Decision.objects.filter(application=application).count() == 3


# --- After the decision: final, the voivode's grant of the appeal (art. 132 k.p.a.), the second instance -----------


def _refused_permanent_case(django_capture_on_commit_callbacks, officer, supervisor):
    with time_machine.travel(warsaw(2026, 10, 1, 10, 0), tick=False):
        application = submit_case(django_capture_on_commit_callbacks, slug="permanent-residence")
        task = _to_decision(application, officer, proposed="refusal")
        services.decide(
            task=task,
            user=officer,
            kind="refusal",
            justification="Brak polskiego pochodzenia.",
            grounds=[grounds_for(application)[0].key],  # a refusal names its ground of the Act
        )
        services.approve_decision(task=take(application, "approve", supervisor), user=supervisor, approved=True)
        appeals.file_appeal(
            application=application, user=application.applicant, text="Jestem osobą polskiego pochodzenia.", uploads=[]
        )
    application.refresh_from_db()
    return application


@pytest.mark.postgres
def test_a_final_permanent_grant_reads_granted_for_an_indefinite_time_in_status(
    client, django_capture_on_commit_callbacks, officer
):
    with time_machine.travel(warsaw(2026, 10, 1, 10, 0), tick=False):
        application = submit_case(django_capture_on_commit_callbacks, slug="permanent-residence")
        services.decide(task=_to_decision(application, officer), user=officer, kind="grant")
    with time_machine.travel(warsaw(2026, 10, 30, 0, 1), tick=False):
        assert fire_due_timers() == 1
    application.refresh_from_db()
    assert application.status == ApplicationStatus.GRANTED_FINAL
    stage = lookup(application.case_number, access_code(application)).stage
    assert stage == "Permit granted for an indefinite time — final on 30 October 2026"
    client.force_login(application.applicant)
    assert client.get(f"/api/v1/cases/{application.public_id}").json()["stage"] == stage
    case_page = client.get(reverse("applications:case", kwargs={"case_id": application.public_id})).content.decode()
    assert "final as of 30 October 2026: the permit is granted for an indefinite time." in case_page


@pytest.mark.postgres
def test_the_voivode_grants_the_appeal_of_a_permanent_case_for_an_indefinite_time(
    django_capture_on_commit_callbacks, officer, supervisor, second_officer
):
    from workflows import letters, previews

    application = _refused_permanent_case(django_capture_on_commit_callbacks, officer, supervisor)
    reasons = "Odwołanie zasługuje na uwzględnienie w całości (art. 132 § 1 k.p.a.)."
    with time_machine.travel(warsaw(2026, 10, 9, 9, 0), tick=False):
        task = take(application, "appeal_review", second_officer)
        form = AppealReviewForm(application=application)
        assert "valid_from" not in form.fields and "valid_to" not in form.fields
        typed = AppealReviewForm(
            {"outcome": "granted", "valid_to": "2031-10-31", "justification": reasons}, application=application
        )
        assert not typed.is_valid() and "indefinite time" in " ".join(typed.errors["valid_to"])
        with pytest.raises(WorkflowError):
            appeals.review_appeal(
                task=task, user=second_officer, grant=True, valid_to=date(2031, 10, 31), justification=reasons
            )
        lawful = AppealReviewForm({"outcome": "granted", "justification": reasons}, application=application)
        assert lawful.is_valid(), lawful.errors
        draft = previews.letter_for(task, second_officer, lawful.cleaned_data)
        assert "na czas nieoznaczony" in " ".join(pdf_text(letters.preview(application, draft)).split())
        with django_capture_on_commit_callbacks(execute=True):
            appeals.review_appeal(task=task, user=second_officer, grant=True, justification=reasons)
    application.refresh_from_db()
    decision = application.decisions.first()
    assert (decision.kind, decision.indefinite, decision.fully_grants, decision.valid_to) == ("grant", True, True, None)
    assert application.status == ApplicationStatus.DECISION_ISSUED
    newest = application.documents.filter(kind=DocumentKind.DECISION).order_by("-pk").first()
    flat = _flat(newest)
    assert "na czas nieoznaczony" in flat and "art. 195 ust. 1" in flat and "na okres" not in flat


@pytest.mark.postgres
def test_the_second_instance_overturns_and_grants_a_permanent_case_for_an_indefinite_time(
    django_capture_on_commit_callbacks, officer, supervisor
):
    head_of_office = SecondInstanceFactory()
    application = _refused_permanent_case(django_capture_on_commit_callbacks, officer, supervisor)
    with time_machine.travel(warsaw(2026, 10, 9, 9, 0), tick=False):
        appeals.review_appeal(task=take(application, "appeal_review", officer), user=officer, grant=False)
    task = appeals.claim_appeal(task=open_task(application, "second_instance"), user=head_of_office)
    justification = "Cudzoziemiec wykazał polskie pochodzenie (art. 195 ust. 1 pkt 3)."
    overturn = {"outcome": Appeal.Outcome.OVERTURNED, "kind": "grant", "justification": justification}
    form = SecondInstanceForm(application=application)
    assert "valid_from" not in form.fields and "valid_to" not in form.fields
    typed = SecondInstanceForm({**overturn, "valid_from": "2026-12-01"}, application=application)
    assert not typed.is_valid() and "indefinite time" in " ".join(typed.errors["valid_from"])
    with time_machine.travel(warsaw(2026, 12, 1, 10, 0), tick=False):
        with pytest.raises(WorkflowError):
            appeals.decide_appeal(task=task, user=head_of_office, valid_from=date(2026, 12, 1), **overturn)
        assert SecondInstanceForm(overturn, application=application).is_valid()
        appeals.decide_appeal(task=task, user=head_of_office, **overturn)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.GRANTED_FINAL
    decision = application.decisions.first()
    assert (decision.indefinite, decision.valid_from, decision.valid_to) == (True, None, None)
    flat = _flat(application.documents.get(kind=DocumentKind.SECOND_INSTANCE_DECISION))
    assert "udzielić cudzoziemcowi zezwolenia na pobyt stały na czas nieoznaczony" in flat
    assert "art. 195 ust. 1 ustawy z dnia 12 grudnia 2013 r. o cudzoziemcach" in flat and "na okres" not in flat
    stage = lookup(application.case_number, access_code(application)).stage
    assert stage == "Permit granted for an indefinite time — final on 1 December 2026"
