"""Delivery is a fact of each letter: made available, opened or deemed delivered; deadlines and timers run from it."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS
from viewflow.workflow.timers import fire_due_timers

from applications.case_models import ApplicationStatus, CaseEvent, DocumentKind
from applications.tracking import open_expectation, timeline
from workflows import services
from workflows.deadlines import POLISH_TIME, last_moment
from workflows.delivery import EDoreczeniaDelivery
from workflows.models import Delivery

from .conftest import staff_login, submit_case, take

pytestmark = pytest.mark.django_db


def warsaw(*args) -> datetime:
    return datetime(*args, tzinfo=POLISH_TIME)


def call_to_supplement(django_capture_on_commit_callbacks, officer, *, days: int | None = None):
    application = submit_case(django_capture_on_commit_callbacks)
    services.complete_formal_check(
        task=take(application, "formal_check", officer),
        user=officer,
        complete=False,
        defects=["Brak fotografii"],
        deadline_days=days,
    )
    return application


def letter_of(application):
    return application.documents.get(kind=DocumentKind.CALL_TO_SUPPLEMENT)


def open_letter(client, application):
    client.force_login(application.applicant)
    response = client.get(reverse("documents:download", kwargs={"document_id": letter_of(application).public_id}))
    assert response.status_code == 200
    return response


def timer_of(application) -> Task:
    """The call's timer (not the case's watch beside the main path, `workflows.endings`)."""
    return Task.objects.get(
        process__caseprocess__application=application,
        flow_task_type="TIMER",
        status=STATUS.SCHEDULED,
        flow_task__endswith="__timeout",
    )


def expires_exactly_at(application, last_moment: datetime) -> None:
    """The case is still waiting a minute before `last_moment` and is left unexamined a minute after."""
    with time_machine.travel(last_moment - timedelta(minutes=1)):
        assert fire_due_timers() == 0
    application.refresh_from_db()
    assert application.status == ApplicationStatus.AWAITING_SUPPLEMENT
    with time_machine.travel(last_moment + timedelta(minutes=1)):
        assert fire_due_timers() == 1
    application.refresh_from_db()
    assert application.status == ApplicationStatus.LEFT_UNEXAMINED


def test_each_letter_is_made_available_in_the_account_with_its_deemed_delivery(
    django_capture_on_commit_callbacks, officer
):
    with time_machine.travel(warsaw(2026, 10, 14, 10, 0), tick=False):
        application = call_to_supplement(django_capture_on_commit_callbacks, officer)
    delivery = Delivery.objects.get(document=letter_of(application))
    assert delivery.channel == Delivery.Channel.ACCOUNT
    assert delivery.made_available_at == warsaw(2026, 10, 14, 10, 0)
    assert delivery.deemed_delivered_at.astimezone(POLISH_TIME).date().isoformat() == "2026-10-28"
    assert delivery.opened_at is None


@pytest.mark.postgres
def test_a_call_never_opened_is_deemed_delivered_on_the_fourteenth_day_and_expires_past_11_november(
    django_capture_on_commit_callbacks, officer
):
    # Made available on 14 October: deemed delivered on 28 October; 14 days end on 11 November, a holiday.
    with time_machine.travel(warsaw(2026, 10, 14, 10, 0), tick=False):
        application = call_to_supplement(django_capture_on_commit_callbacks, officer)
    request = application.supplement_requests.get()
    assert request.deadline == warsaw(2026, 11, 12, 23, 59, 59, 999999)
    assert timer_of(application).scheduled == request.deadline
    expires_exactly_at(application, warsaw(2026, 11, 13, 0, 0))


@pytest.mark.postgres
def test_a_call_opened_on_day_three_expires_fourteen_days_later_past_easter_monday(
    client, django_capture_on_commit_callbacks, officer
):
    # Made available on Friday 20 March 2026, opened on Monday 23 March: 14 days end on Easter Monday, 6 April.
    with time_machine.travel(warsaw(2026, 3, 20, 15, 0), tick=False):
        application = call_to_supplement(django_capture_on_commit_callbacks, officer)
    assert timer_of(application).scheduled == warsaw(2026, 4, 17, 23, 59, 59, 999999)  # deemed 3 April + 14
    with time_machine.travel(warsaw(2026, 3, 23, 9, 30), tick=False):
        open_letter(client, application)
    request = application.supplement_requests.get()
    assert request.deadline == warsaw(2026, 4, 7, 23, 59, 59, 999999)
    assert timer_of(application).scheduled == request.deadline
    call = application.events.get(kind=CaseEvent.Kind.CALL_TO_SUPPLEMENT)
    assert call.due_at == request.deadline and call.data["deadline"] == "2026-04-07"
    expires_exactly_at(application, warsaw(2026, 4, 8, 0, 0))


@pytest.mark.postgres
def test_a_call_opened_before_a_weekend_runs_over_it_to_the_monday(client, django_capture_on_commit_callbacks, officer):
    # Opened on Tuesday 1 December 2026 with 11 days: the 12th is a Saturday, so the deadline is Monday 14 December.
    with time_machine.travel(warsaw(2026, 11, 30, 12, 0), tick=False):
        application = call_to_supplement(django_capture_on_commit_callbacks, officer, days=11)
    with time_machine.travel(warsaw(2026, 12, 1, 8, 0), tick=False):
        open_letter(client, application)
    assert application.supplement_requests.get().deadline == warsaw(2026, 12, 14, 23, 59, 59, 999999)
    expires_exactly_at(application, warsaw(2026, 12, 15, 0, 0))


def test_opening_the_letter_after_deemed_delivery_does_not_move_the_deadline(
    client, django_capture_on_commit_callbacks, officer
):
    with time_machine.travel(warsaw(2026, 10, 14, 10, 0), tick=False):
        application = call_to_supplement(django_capture_on_commit_callbacks, officer)
    with time_machine.travel(warsaw(2026, 10, 30, 10, 0), tick=False):
        open_letter(client, application)
    delivery = Delivery.objects.get(document=letter_of(application))
    assert delivery.opened_at == warsaw(2026, 10, 30, 10, 0) and not delivery.was_opened_in_time
    assert application.supplement_requests.get().deadline == warsaw(2026, 11, 12, 23, 59, 59, 999999)


def test_only_the_first_opening_by_the_addressee_counts(client, django_capture_on_commit_callbacks, officer):
    with time_machine.travel(warsaw(2026, 3, 20, 15, 0), tick=False):
        application = call_to_supplement(django_capture_on_commit_callbacks, officer)
    staff_login(client, officer)
    with time_machine.travel(warsaw(2026, 3, 21, 9, 0), tick=False):
        officer_copy = reverse("workflows:document-download", kwargs={"document_id": letter_of(application).public_id})
        assert client.get(officer_copy).status_code == 200
    assert Delivery.objects.get(document=letter_of(application)).opened_at is None
    with time_machine.travel(warsaw(2026, 3, 23, 9, 30), tick=False):
        open_letter(client, application)
    with time_machine.travel(warsaw(2026, 3, 25, 9, 30), tick=False):
        open_letter(client, application)
    delivery = Delivery.objects.get(document=letter_of(application))
    assert delivery.opened_at == warsaw(2026, 3, 23, 9, 30) and delivery.opened_by == application.applicant
    assert application.events.filter(kind=CaseEvent.Kind.LETTER_OPENED).count() == 1


def test_the_applicant_sees_the_day_the_letter_was_opened_and_the_deadline_from_it(
    client, django_capture_on_commit_callbacks, officer
):
    with time_machine.travel(warsaw(2026, 3, 20, 15, 0), tick=False):
        application = call_to_supplement(django_capture_on_commit_callbacks, officer)
    with time_machine.travel(warsaw(2026, 3, 23, 9, 30), tick=False):
        open_letter(client, application)
        events = list(application.events.order_by("created_at", "pk"))
        expected = open_expectation(events)
    assert expected is not None and expected.due_at == warsaw(2026, 4, 7, 23, 59, 59, 999999)
    [opened] = [entry for entry in timeline(events) if entry.kind == CaseEvent.Kind.LETTER_OPENED]
    assert "23 March 2026" in opened.text and "7 April 2026" in opened.text


def test_an_officer_cannot_give_less_than_seven_days_to_supplement(client, django_capture_on_commit_callbacks, officer):
    application = submit_case(django_capture_on_commit_callbacks)
    task = take(application, "formal_check", officer)
    staff_login(client, officer)
    page = client.post(
        reverse("workflows:task", kwargs={"task_id": task.pk}),
        {"complete": "no", "defects": "Brak fotografii", "deadline_days": "6"},
    )
    assert page.status_code == 400
    assert "no less than 7 days" in page.context["form"].errors["deadline_days"][0]
    assert not application.supplement_requests.exists()


def test_an_officer_may_give_more_than_fourteen_days(client, django_capture_on_commit_callbacks, officer):
    application = submit_case(django_capture_on_commit_callbacks)
    task = take(application, "formal_check", officer)
    staff_login(client, officer)
    page = client.post(
        reverse("workflows:task", kwargs={"task_id": task.pk}),
        {"complete": "no", "defects": "Brak fotografii", "deadline_days": "21"},
    )
    assert page.status_code == 200  # the call is shown as a draft first
    page = client.post(reverse("workflows:task", kwargs={"task_id": task.pk}), {"confirm": "1"})
    assert page.status_code == 302
    request = application.supplement_requests.get()
    assert request.days == 21
    assert request.deadline == last_moment(request.delivery.deemed_delivered_at, 21)


def test_e_doreczenia_deems_delivery_on_the_day_after_fourteen_days():
    deemed = EDoreczeniaDelivery().deemed_delivered_at(warsaw(2026, 10, 14, 10, 0))
    assert deemed == warsaw(2026, 10, 29, 0, 0)


def test_the_officer_sees_when_the_letter_was_made_available_and_opened(
    client, django_capture_on_commit_callbacks, officer
):
    with time_machine.travel(warsaw(2026, 3, 20, 15, 0), tick=False):
        application = call_to_supplement(django_capture_on_commit_callbacks, officer)
    staff_login(client, officer)
    case_page = reverse("workflows:case", kwargs={"case_id": application.public_id})
    assert "unless opened before" in client.get(case_page).content.decode()
    with time_machine.travel(warsaw(2026, 3, 23, 9, 30), tick=False):
        open_letter(client, application)
    staff_login(client, officer)
    page = client.get(case_page).content.decode()
    assert "delivered: opened by the addressee" in page and "23 March 2026, 09:30" in page


def test_the_deadline_of_each_open_task_is_read_from_its_timer_in_one_query(
    client, django_capture_on_commit_callbacks, officer, django_assert_num_queries
):
    from workflows.deadlines import deadlines_of_tasks

    from .conftest import open_task

    with time_machine.travel(warsaw(2026, 3, 20, 15, 0), tick=False):
        first = call_to_supplement(django_capture_on_commit_callbacks, officer)
        second = call_to_supplement(django_capture_on_commit_callbacks, officer)
    with time_machine.travel(warsaw(2026, 3, 23, 9, 30), tick=False):
        open_letter(client, first)
    tasks = [open_task(first, "supplement"), open_task(second, "supplement")]
    with django_assert_num_queries(1):
        found = deadlines_of_tasks(task.pk for task in tasks)
    assert found == {
        tasks[0].pk: first.supplement_requests.get().deadline,
        tasks[1].pk: second.supplement_requests.get().deadline,
    }
    assert found[tasks[0].pk] == warsaw(2026, 4, 7, 23, 59, 59, 999999)


def test_the_decision_is_delivered_like_every_letter(django_capture_on_commit_callbacks, officer):
    from .conftest import answer_consultations, pass_formal_check, review_and_decide, take_fingerprints

    application = submit_case(django_capture_on_commit_callbacks)
    pass_formal_check(application, officer)
    take_fingerprints(application, officer)
    answer_consultations(application, officer)
    review_and_decide(application, officer)
    decision = application.documents.get(kind=DocumentKind.DECISION)
    assert Delivery.objects.get(document=decision).channel == Delivery.Channel.ACCOUNT
