"""Exactly once under concurrency, on PostgreSQL: claiming tasks, and the deadline dispatcher run twice at once."""

from __future__ import annotations

import random
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.utils import timezone
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS
from viewflow.workflow.timers import fire_due_timers

from applications.case_models import Application, ApplicationStatus, CaseEvent, Draft, DraftStatus
from documents.models import DocumentKind
from tests.factories import StaffFactory
from tests.journey.conftest import submit_sample
from workflows import services

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture(autouse=True)
def _no_submission_documents(settings):
    settings.DOCUMENTS_RENDER_ON_SUBMIT = False


def many_cases(count: int) -> list[Application]:
    """One case submitted through the services, then copies of it, each with its own process."""
    first = submit_sample()  # committed at once (transactional test): the signal starts its process
    fields = {
        name: getattr(first, name)
        for name in (
            "applicant",
            "definition",
            "voivodeship",
            "office",
            "answers",
            "submitted_at",
            "status_changed_at",
            "surname",
            "given_names",
            "declaration_confirmed_by",
            "declaration_confirmed_at",
            "signature_method",
        )
    }
    cases = [first]
    for number in range(2, count + 1):
        draft = Draft.objects.create(
            applicant=first.applicant, definition=first.definition, status=DraftStatus.SUBMITTED
        )
        copy = Application.objects.create(case_number=f"14/2099/{number:06d}", draft=draft, **fields)
        services.start_case(copy)
        cases.append(copy)
    return cases


def in_thread(function):
    """Run `function` on its own database connection (closed afterwards)."""

    def run(*args):
        try:
            return function(*args)
        finally:
            connection.close()

    return run


def test_sixteen_officers_race_for_two_hundred_tasks_and_each_is_taken_exactly_once(reference_data):
    cases = many_cases(200)
    task_ids = list(Task.objects.filter(flow_task_type="HUMAN", status=STATUS.NEW).values_list("pk", flat=True))
    assert len(task_ids) == 200
    officers = [StaffFactory(office="14") for _ in range(16)]
    start = threading.Barrier(16)

    @in_thread
    def grab(officer):
        order = task_ids[:]
        random.shuffle(order)
        start.wait()
        won = []
        for task in Task.objects.filter(pk__in=order):
            try:
                services.claim_task(task=task, user=officer)
                won.append(task.pk)
            except services.WorkflowError:
                pass
        return officer.pk, won

    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(grab, officers))

    wins = Counter(pk for _officer, won in results for pk in won)
    assert sorted(wins) == sorted(task_ids) and set(wins.values()) == {1}
    owners = dict(Task.objects.filter(pk__in=task_ids).values_list("pk", "owner_id"))
    assert all(owners[pk] == officer for officer, won in results for pk in won)
    assert CaseEvent.objects.filter(kind=CaseEvent.Kind.FORMAL_CHECK_STARTED).count() == len(cases)


def test_the_deadline_dispatcher_run_twice_at_once_moves_each_expired_case_once(reference_data):
    cases = many_cases(12)
    officer = StaffFactory(office="14")
    for case in cases:
        task = Task.objects.get(process__caseprocess__application=case, flow_task_type="HUMAN", status=STATUS.NEW)
        task = services.claim_task(task=task, user=officer)
        services.complete_formal_check(task=task, user=officer, complete=False, defects=["Brak podpisu"])
    start = threading.Barrier(2)

    @in_thread
    def dispatch(_):
        start.wait()
        return fire_due_timers()

    with time_machine.travel(timezone.now() + timedelta(days=35)):  # deemed delivery + 14 days, past any holiday
        with ThreadPoolExecutor(max_workers=2) as pool:
            fired = list(pool.map(dispatch, range(2)))
        assert fire_due_timers() == 0

    assert sum(fired) == len(cases)
    for case in cases:
        case.refresh_from_db()
        assert case.status == ApplicationStatus.LEFT_UNEXAMINED
        assert case.events.filter(kind=CaseEvent.Kind.LEFT_UNEXAMINED).count() == 1
        assert case.documents.filter(kind=DocumentKind.LEFT_UNEXAMINED).count() == 1
