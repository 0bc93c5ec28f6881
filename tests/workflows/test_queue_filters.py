"""The office lists worked by deadline: filters, orders, the days-left column and per-row button names, at a cost
that does not grow with the page (seeded cases, and one case driven through the flow for the stamp itself)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from accounts.models import User
from accounts.second_factor import setup_totp
from benchmarks.seed import SEED_DOMAIN, seed
from tests.query_counts import queries_for
from workflows import task_lists
from workflows.services import APPLICANT_NODES, SECOND_INSTANCE_NODES
from workflows.task_index import legal_deadline

from .conftest import open_task, staff_login, submit_case

pytestmark = pytest.mark.django_db

OFFICE = "14"
CASE = re.compile(r"\b14/\d{4}/\d{6}\b")


def _supervisor(client):
    user = User.objects.get(email=f"supervisor-{OFFICE}@{SEED_DOMAIN}")
    user.totp_device = setup_totp(user)
    staff_login(client, user)
    return user


def _stamp_deadlines_from_today():
    """Spread the seeded tasks' deadlines from 10 days ago to 10 days ahead, so every deadline filter finds some."""
    today = timezone.localdate()
    for n, task in enumerate(Task.objects.filter(status__in=[STATUS.NEW, STATUS.ASSIGNED], flow_task_type="HUMAN")):
        task.data["due"] = (today + timedelta(days=n % 21 - 10)).isoformat()
        Task.objects.filter(pk=task.pk).update(data=task.data)


def _office_tasks(**filters):
    """The open tasks an office works: not the applicant's own steps, nor the Head of the Office's."""
    tasks = Task.objects.filter(status__in=[STATUS.NEW, STATUS.ASSIGNED], flow_task_type="HUMAN", **filters)
    for node in APPLICANT_NODES | SECOND_INSTANCE_NODES:
        tasks = tasks.exclude(flow_task__endswith=f".{node}")
    return tasks


def _deadlines(page: str) -> list[str]:
    return re.findall(r'<td><time datetime="(\d{4}-\d{2}-\d{2})">', page)


def test_a_new_task_carries_its_permit_purpose_filing_date_case_number_and_legal_deadline(
    django_capture_on_commit_callbacks,
):
    application = submit_case(django_capture_on_commit_callbacks)
    task = open_task(application, "formal_check")
    assert task.data["permit"] == application.definition.slug == "temporary-residence"
    assert task.data["purpose"] == "work"
    assert task.data["case"] == application.case_number
    assert task.data["filed"] == application.submitted_at.isoformat()
    # The decision clock (art. 112a) does not run before the application is free of formal defects: no date yet.
    assert task.data["due"] is None
    assert task_lists.task_deadline(task) == legal_deadline("formal_check", application)


def test_the_queue_shows_the_nearest_legal_deadline_first_with_the_days_left(client):
    seed(45, voivodeships=[OFFICE], applicants=2)
    _supervisor(client)
    page = client.get("/office/tasks/").content.decode()
    deadlines = _deadlines(page)
    assert len(deadlines) == 25 and deadlines == sorted(deadlines)
    assert "Days left" in page and ("days" in page or "overdue by" in page)


def test_overdue_shows_only_tasks_past_their_deadline_and_due_this_week_only_the_next_seven_days(client):
    seed(30, voivodeships=[OFFICE], applicants=2)  # few enough that the overdue fit on the first page
    today = timezone.localdate()
    tasks = list(_office_tasks())
    # Give a known deadline to some tasks (as a moved deadline would be stamped again).
    for offset, task in zip([-3, -1, 0, 2, 6, 7, 30], tasks, strict=False):
        task.data["due"] = (today + timedelta(days=offset)).isoformat()
        Task.objects.filter(pk=task.pk).update(data=task.data)
    _supervisor(client)
    overdue = client.get("/office/tasks/?deadline=overdue").content.decode()
    expected_overdue = {t.pk for t in _office_tasks() if t.data.get("due") and t.data["due"] < today.isoformat()}
    assert f"{len(expected_overdue)} tasks." in overdue or f"{len(expected_overdue)} task." in overdue
    assert all(day < today.isoformat() for day in _deadlines(overdue))
    assert "overdue by 3 days" in overdue and "overdue by 1 day" in overdue

    week = client.get("/office/tasks/?deadline=week").content.decode()
    days = _deadlines(week)
    assert days and all(today.isoformat() <= day <= (today + timedelta(days=6)).isoformat() for day in days)
    assert "due today" in week and "6 days" in week and (today + timedelta(days=7)).isoformat() not in days


def test_the_lists_filter_by_stage_permit_purpose_and_officer(client):
    seed(40, voivodeships=[OFFICE], applicants=2)
    _supervisor(client)
    review = client.get("/office/tasks/?stage=review").content.decode()
    assert (
        review.count("Open the task")
        == Task.objects.filter(status__in=[STATUS.NEW, STATUS.ASSIGNED], flow_task__endswith=".review").count()
    )
    assert review.count("Open the task") > 0 and "Substantive review" in review and "Formal check</td>" not in review

    work = client.get("/office/tasks/?permit=temporary-residence-work").content.decode()
    assert work.count("Open the task") == _office_tasks(data__permit="temporary-residence-work").count() > 0

    purposes = sorted({t.data.get("purpose") for t in _office_tasks()} - {"", None, "work"})
    assert purposes, "the seed gives open cases more purposes than work"
    chosen = client.get(f"/office/tasks/?purpose={purposes[0]}").content.decode()
    assert chosen.count("Open the task") == _office_tasks(data__purpose=purposes[0]).count() > 0

    owner = Task.objects.filter(status=STATUS.ASSIGNED).order_by("pk").first().owner
    mine = client.get(f"/office/tasks/?assignee={owner.pk}").content.decode()
    assert mine.count("Open the task") == _office_tasks(status=STATUS.ASSIGNED, owner=owner).count() > 0


@pytest.mark.parametrize("sort", ["filed", "case"])
def test_the_lists_sort_by_filing_date_or_case_number(client, sort):
    seed(45, voivodeships=[OFFICE], applicants=2)
    _supervisor(client)
    page = client.get(f"/office/tasks/?sort={sort}").content.decode()
    numbers = re.findall(r"<td>(14/\d{4}/\d{6})</td>", page)
    assert len(numbers) == 25
    if sort == "case":
        assert numbers == sorted(numbers)
    else:
        # The filing date is each row's first <time> (a task with no deadline yet has only that one).
        filed = [re.search(r'<time datetime="([^"]+)">', row).group(1) for row in page.split("<tr")[2:]]
        assert len(filed) == 25 and filed == sorted(filed)


def test_each_take_button_names_its_step_and_case(client):
    seed(45, voivodeships=[OFFICE], applicants=2)
    officer = User.objects.get(email=f"officer-{OFFICE}-0@{SEED_DOMAIN}")
    officer.totp_device = setup_totp(officer)
    staff_login(client, officer)
    page = client.get("/office/queue/").content.decode()
    names = re.findall(r'<button type="submit" class="button">(Take the task [^<]+)</button>', page)
    assert names and len(names) == len(set(names))
    assert any("“Consultation: Police” of case" in name for name in names)


@pytest.mark.parametrize(
    "query",
    [
        "?deadline=overdue",
        "?deadline=week&sort=case",
        "?stage=review&sort=filed",
        "?permit=temporary-residence",
        "?purpose=work&sort=case",
    ],
)
def test_a_filtered_list_makes_as_many_queries_for_75_cases_as_for_15(client, query):
    seed(15, voivodeships=[OFFICE], applicants=1)  # every stage once
    _supervisor(client)
    _stamp_deadlines_from_today()
    few, few_page = queries_for(client, f"/office/tasks/{query}")
    seed(60, voivodeships=[OFFICE], applicants=1)
    _stamp_deadlines_from_today()
    many, many_page = queries_for(client, f"/office/tasks/{query}")
    assert many_page.count("Open the task") > few_page.count("Open the task") > 0
    assert many == few


def test_a_choice_that_is_not_offered_is_ignored_not_an_error(client):
    seed(5, voivodeships=[OFFICE], applicants=1)
    _supervisor(client)
    response = client.get("/office/tasks/?stage=__class__&sort=drop&deadline=%27")
    assert response.status_code == 200 and "Open the task" in response.content.decode()


def test_the_filters_combine_with_each_other_and_with_the_order(client):
    seed(40, voivodeships=[OFFICE], applicants=2)
    _stamp_deadlines_from_today()
    _supervisor(client)
    today = timezone.localdate().isoformat()
    overdue = [t for t in _office_tasks() if t.data.get("due") and t.data["due"] < today]
    stage, permit = overdue[0].flow_task.name, overdue[0].data["permit"]
    expected = [t for t in overdue if t.flow_task.name == stage and t.data["permit"] == permit]
    assert len(expected) < len(overdue), "each filter takes some tasks away"
    html = client.get(f"/office/tasks/?stage={stage}&permit={permit}&deadline=overdue&sort=case").content.decode()
    numbers = re.findall(r"<td>(14/\d{4}/\d{6})</td>", html)
    assert numbers == sorted(numbers) == sorted(t.data["case"] for t in expected)
