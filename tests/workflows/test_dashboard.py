"""The supervisor's dashboard: backlog and median days per stage and per officer, and the overdue lists a page at a
time, in a fixed number of queries however large the office."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from accounts.models import User
from accounts.second_factor import setup_totp
from applications.case_models import Application
from benchmarks.seed import SEED_DOMAIN, seed
from tests.query_counts import queries_for
from workflows.models import Consultation, SupplementRequest
from workflows.selectors import dashboard
from workflows.services import APPLICANT_NODES, SECOND_INSTANCE_NODES

from .conftest import staff_login

pytestmark = pytest.mark.django_db
OFFICE = "14"


def _supervisor():
    user = User.objects.get(email=f"supervisor-{OFFICE}@{SEED_DOMAIN}")
    user.totp_device = setup_totp(user)
    return user


def _overdue(count: int) -> None:
    """Overdue calls and consultations for the first `count` seeded cases (the seed writes none)."""
    past = timezone.now() - timedelta(days=3)
    officer = User.objects.filter(email__startswith=f"officer-{OFFICE}-").first()
    for application in Application.objects.order_by("pk")[:count]:
        SupplementRequest.objects.create(application=application, defects=["Brak"], deadline=past, requested_by=officer)
        Consultation.objects.create(application=application, agency="police", deadline=past)


def test_the_backlog_per_stage_and_per_officer_with_median_days(db):
    seed(30, voivodeships=[OFFICE], applicants=2)
    now = timezone.now()
    Task.objects.filter(status__in=[STATUS.NEW, STATUS.ASSIGNED]).update(created=now - timedelta(days=10))
    Task.objects.filter(status=STATUS.ASSIGNED).update(assigned=now - timedelta(days=4))
    board = dashboard(_supervisor())
    # The office's open work: not the applicant's own steps (a supplement, an appeal period, a suspension), nor the
    # Head of the Office's.
    open_office_tasks = Task.objects.filter(status__in=[STATUS.NEW, STATUS.ASSIGNED], flow_task_type="HUMAN")
    for node in APPLICANT_NODES | SECOND_INSTANCE_NODES:
        open_office_tasks = open_office_tasks.exclude(flow_task__endswith=f".{node}")
    open_office_tasks = open_office_tasks.count()
    assert sum(row.count for row in board.stages) == open_office_tasks
    assert all(row.median_days == 10.0 for row in board.stages)
    assigned_to_staff = Task.objects.filter(status=STATUS.ASSIGNED)
    for node in APPLICANT_NODES:  # the applicant's own steps are assigned to the applicant
        assigned_to_staff = assigned_to_staff.exclude(flow_task__endswith=f".{node}")
    assert sum(row.count for row in board.officers) == assigned_to_staff.count()
    assert all(row.median_days == 4.0 for row in board.officers)
    assert all(row.label.startswith("officer-14-") or "@" not in row.label for row in board.officers)


def test_the_overdue_lists_are_paged(client):
    seed(30, voivodeships=[OFFICE], applicants=2)
    _overdue(30)
    staff_login(client, _supervisor())
    first = client.get("/office/dashboard/").content.decode()
    assert first.count(": call to supplement,") == 25 and "Page 1 of 2" in first
    second = client.get("/office/dashboard/?supplements_page=2").content.decode()
    assert second.count(": call to supplement,") == 5
    assert second.count(": Police,") == 25  # the other list stays on its first page


def test_the_dashboard_makes_as_many_queries_for_60_cases_as_for_15(client):
    seed(15, voivodeships=[OFFICE], applicants=1)
    _overdue(15)
    staff_login(client, _supervisor())
    few, few_page = queries_for(client, "/office/dashboard/")
    seed(45, voivodeships=[OFFICE], applicants=1)
    _overdue(60)
    many, many_page = queries_for(client, "/office/dashboard/")
    assert many_page.count(": call to supplement,") > few_page.count(": call to supplement,")
    assert many == few
