"""The deadline sweep from Celery beat (or cron), the system's own audit entries, and list pages' query counts."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from applications.case_models import ApplicationStatus
from workflows import services
from workflows.models import AuditEntry
from workflows.tasks import BEAT_ENTRY, fire_workflow_timers

from .conftest import staff_login, submit_case, take

pytestmark = pytest.mark.django_db


def test_celery_beat_sweeps_the_workflow_timers_every_minute():
    from mos.celery import app

    entry = app.conf.beat_schedule[BEAT_ENTRY]
    assert entry["task"] == BEAT_ENTRY and entry["schedule"] == 60.0


def test_the_beat_task_and_the_cron_command_fire_an_expired_call_to_supplement_once(
    django_capture_on_commit_callbacks, officer
):
    first, second = submit_case(django_capture_on_commit_callbacks), submit_case(django_capture_on_commit_callbacks)
    for case in (first, second):
        services.complete_formal_check(
            task=take(case, "formal_check", officer), user=officer, complete=False, defects=["Brak podpisu"]
        )
    with time_machine.travel(timezone.now() + timedelta(days=35)):  # deemed delivery + 14 days, past any holiday
        assert fire_workflow_timers.delay().get() == 2
        call_command("workflow_timers", verbosity=0)  # the cron alternative finds nothing left to do
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == second.status == ApplicationStatus.LEFT_UNEXAMINED
    assert AuditEntry.objects.filter(application=first, action="case.left_unexamined", user=None).count() == 1
    assert AuditEntry.objects.filter(application=first, action="process.finished").count() == 1
    assert AuditEntry.objects.filter(application=first, action="process.started").count() == 1


def test_the_queue_page_makes_the_same_number_of_queries_for_one_or_many_cases(
    client, django_capture_on_commit_callbacks, officer
):
    staff_login(client, officer)
    submit_case(django_capture_on_commit_callbacks)
    client.get(reverse("workflows:queue"))
    with CaptureQueriesContext(connection) as one:
        assert client.get(reverse("workflows:queue")).status_code == 200
    for _ in range(4):
        submit_case(django_capture_on_commit_callbacks)
    with CaptureQueriesContext(connection) as five:
        page = client.get(reverse("workflows:queue"))
    assert page.content.decode().count("Take the task") == 5
    assert len(five) == len(one)


def test_a_case_whose_process_failed_to_start_is_started_by_the_command(
    django_capture_on_commit_callbacks, monkeypatch
):
    from tests.journey.conftest import submit_sample
    from workflows.models import CaseProcess

    def broken(application):
        raise RuntimeError("database went away")

    monkeypatch.setattr(services, "start_case", broken)
    with django_capture_on_commit_callbacks(execute=True):
        application = submit_sample()  # the applicant still gets their submission
    assert not CaseProcess.objects.filter(application=application).exists()
    monkeypatch.undo()
    call_command("start_case_processes", verbosity=0)
    call_command("start_case_processes", verbosity=0)
    assert CaseProcess.objects.filter(application=application).count() == 1


def test_the_demo_data_publishes_free_fingerprints_slots_once():
    from workflows.models import AppointmentSlot

    call_command("load_demo", stdout=StringIO())
    count = AppointmentSlot.objects.count()
    call_command("load_demo", stdout=StringIO())
    assert count == 12 and AppointmentSlot.objects.count() == count
