"""Every officer list page and API list makes the same number of queries for 5 rows as for 50 (seeded cases)."""

from __future__ import annotations

import re

import pytest
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from accounts.models import User
from accounts.second_factor import setup_totp
from applications.case_models import Application
from benchmarks.seed import SEED_DOMAIN, seed
from tests.query_counts import queries_for
from tests.workflows.conftest import staff_login

pytestmark = pytest.mark.django_db

OFFICE = "14"


def _staff(email: str):
    user = User.objects.get(email=email)
    user.totp_device = setup_totp(user)
    return user


@pytest.mark.parametrize(
    ("role", "url", "marker"),
    [
        ("officer", "/office/", "Open the task"),
        ("officer", "/office/queue/", "Take the task"),
        ("supervisor", "/office/tasks/", "Open the task"),
        ("supervisor", "/office/cases/", "/office/cases/"),
        ("officer", "/api/v1/officer/inbox", '"case_number"'),
        ("officer", "/api/v1/officer/queue", '"case_number"'),
    ],
)
def test_an_office_list_makes_as_many_queries_for_50_cases_as_for_5(client, role, url, marker):
    seed(5, voivodeships=[OFFICE], applicants=1)
    if role == "officer":  # the officer the seed gave an assigned task to
        email = Task.objects.filter(status=STATUS.ASSIGNED).order_by("pk").values_list("owner__email", flat=True)[0]
    else:
        email = f"supervisor-{OFFICE}@{SEED_DOMAIN}"
    staff_login(client, _staff(email))
    few, few_page = queries_for(client, url)

    seed(45, voivodeships=[OFFICE], applicants=1)
    many, many_page = queries_for(client, url)

    assert many_page.count(marker) > few_page.count(marker) > 0
    assert many == few


def test_the_applicants_case_list_in_the_api_makes_as_many_queries_for_50_cases_as_for_5(client):
    seed(5, voivodeships=[OFFICE], applicants=1)
    applicant = Application.objects.get(
        case_number__startswith=f"{OFFICE}/",
        applicant__email__endswith=SEED_DOMAIN,
        pk=Application.objects.order_by("pk").values("pk")[:1],
    ).applicant
    client.force_login(applicant)
    few, few_page = queries_for(client, "/api/v1/cases")

    seed(45, voivodeships=[OFFICE], applicants=1)
    Application.objects.filter(applicant__email__endswith=SEED_DOMAIN).update(applicant=applicant)
    many, many_page = queries_for(client, "/api/v1/cases")

    assert few_page.count('"case_number"') == 5
    assert many_page.count('"case_number"') == 50
    assert many == few


def test_the_office_lists_show_a_page_at_a_time(client):
    seed(60, voivodeships=[OFFICE], applicants=2)
    staff_login(client, _staff(f"supervisor-{OFFICE}@{SEED_DOMAIN}"))
    case_link = re.compile(r'href="/office/cases/[0-9a-f-]{36}/"')
    first = client.get("/office/cases/").content.decode()
    assert len(case_link.findall(first)) == 25 and "Page 1 of 3" in first
    last = client.get("/office/cases/?page=99").content.decode()  # past the end: the last page
    assert "Page 3 of 3" in last and len(case_link.findall(last)) == 10
