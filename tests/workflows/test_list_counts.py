"""An office list counts its rows exactly up to a cap and says "more than …" beyond it, so that a queue of an office
with tens of thousands of open tasks does not pay for an exact COUNT on every page (seeded cases)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from viewflow.workflow.models import Task

from accounts.models import User
from accounts.second_factor import setup_totp
from benchmarks.seed import SEED_DOMAIN, seed
from tests.workflows.conftest import staff_login
from workflows import paging

pytestmark = pytest.mark.django_db

OFFICE = "14"


def _supervisor(client):
    user = User.objects.get(email=f"supervisor-{OFFICE}@{SEED_DOMAIN}")
    user.totp_device = setup_totp(user)
    staff_login(client, user)
    return user


def test_a_list_longer_than_the_cap_says_more_than_the_cap_and_numbers_pages_without_a_total(client, monkeypatch):
    seed(90, voivodeships=[OFFICE], applicants=2)
    _supervisor(client)
    open_tasks = client.get("/office/tasks/").content.decode()
    total = int(open_tasks.split('<p role="status">')[1].split(" ")[0])
    assert total > 30

    monkeypatch.setattr(paging, "COUNT_CAP", 30)
    page = client.get("/office/tasks/").content.decode()
    assert "More than 30 tasks." in page
    assert "Page 1</span>" in page and "Page 1 of" not in page
    assert 'rel="next"' in page


def test_a_deep_page_past_the_cap_is_counted_to_its_own_end_and_still_offers_the_next_page(client, monkeypatch):
    seed(90, voivodeships=[OFFICE], applicants=2)
    _supervisor(client)
    total = int(client.get("/office/tasks/").content.decode().split('<p role="status">')[1].split(" ")[0])
    assert total > 51
    monkeypatch.setattr(paging, "COUNT_CAP", 30)
    page = client.get("/office/tasks/?page=2").content.decode()
    assert "Page 2</span>" in page and 'rel="prev"' in page and 'rel="next"' in page
    assert page.count("<tr") == 26  # the header and 25 rows


def test_a_list_within_the_cap_keeps_its_exact_total_and_last_page(client):
    seed(90, voivodeships=[OFFICE], applicants=2)
    _supervisor(client)
    page = client.get("/office/tasks/").content.decode()
    assert "More than" not in page
    assert " tasks.</p>" in page and "Page 1 of " in page


def test_the_capped_count_reads_at_most_the_cap_and_one_row_and_the_page_is_a_slice_of_them():
    seed(20, voivodeships=[OFFICE], applicants=2)
    tasks = Task.objects.filter(flow_task_type="HUMAN").order_by("id")
    capped = paging.IdFirstPaginator(tasks, 5, cap=7)
    assert capped.get_page(1).paginator.count == 8 and capped.is_capped
    exact = paging.IdFirstPaginator(tasks, 5, cap=10_000)
    assert exact.get_page(1).paginator.count == tasks.count() and not exact.is_capped
    with CaptureQueriesContext(connection) as queries:
        page = paging.IdFirstPaginator(tasks, 5, cap=7).get_page(1)
    leading, _rows = (query["sql"] for query in queries.captured_queries)
    assert "LIMIT 8" in leading and "COUNT(" not in leading
    assert [task.pk for task in page] == list(tasks.values_list("pk", flat=True)[:5])
    with CaptureQueriesContext(connection) as queries:
        deep = paging.IdFirstPaginator(tasks, 5, cap=7).get_page(2)
    assert "LIMIT 11" in queries.captured_queries[0]["sql"]  # page 2 is counted to its own end and one more
    assert [task.pk for task in deep] == list(tasks.values_list("pk", flat=True)[5:10])


@pytest.mark.parametrize(
    "criteria, indexes",
    [
        ({"permit": "temporary-residence-work"}, ("workflows_task_office_open_permit_due",)),
        (
            {"permit": "temporary-residence", "purpose": "studies"},
            ("workflows_task_office_open_permit_due", "workflows_task_office_open_purpose_due"),
        ),
        ({"purpose": "studies"}, ("workflows_task_office_open_purpose_due",)),
        ({"stage": "review"}, ("workflows_task_office_open_stage_due",)),
    ],
)
def test_on_postgresql_a_filtered_queue_is_counted_and_paged_from_an_index_of_its_filter(criteria, indexes):
    """Migration 0017: the leading ids (the capped count and the page) of a filter by permit, purpose or stage are
    read from an index led by the office and that filter, never the whole table (the planner is told to avoid scans
    it could choose on a small test database; what is checked is that the query can be answered so)."""
    if connection.vendor != "postgresql":
        pytest.skip("the indexes are PostgreSQL's")
    from workflows import selectors, task_lists

    seed(40, voivodeships=[OFFICE], applicants=2)
    officer = User.objects.get(email=f"officer-{OFFICE}-0@{SEED_DOMAIN}")
    tasks = task_lists.filter_and_sort(selectors.queue(officer), **criteria)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
    plan = tasks.values_list("pk", flat=True)[: paging.COUNT_CAP + 1].explain()  # the count and the page's ids
    assert any(index in plan for index in indexes), plan
    assert "Seq Scan on viewflow_task" not in plan
