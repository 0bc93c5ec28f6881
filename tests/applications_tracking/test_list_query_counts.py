"""The applicant's and the employer's lists cost the same number of queries for one row as for several."""

from __future__ import annotations

import pytest

from tests.factories import EmployerFactory
from tests.query_counts import queries_for

from .conftest import add_document, submit_sample

pytestmark = pytest.mark.django_db


def test_the_document_list_in_the_api_costs_the_same_for_one_case_or_four(client, applicant):
    add_document(submit_sample(applicant), kind="receipt", title="UPO")
    client.force_login(applicant)
    few, few_body = queries_for(client, "/api/v1/documents")

    for _ in range(3):
        case = submit_sample(applicant)
        add_document(case, kind="receipt", title="UPO")
        add_document(case, kind="decision", title="Decyzja")
    many, many_body = queries_for(client, "/api/v1/documents")

    assert few_body.count('"sha256"') == 1 and many_body.count('"sha256"') == 7
    assert many == few


def test_the_employers_dashboard_costs_the_same_for_one_annex_or_three(client):
    employer = EmployerFactory()
    submit_sample(slug="temporary-residence-work", employer=employer)
    client.force_login(employer)
    few, few_page = queries_for(client, "/employer/")

    for _ in range(2):
        submit_sample(slug="temporary-residence-work", employer=employer)
    many, many_page = queries_for(client, "/employer/")

    assert many_page.count("/employer/annexes/") == 3 * few_page.count("/employer/annexes/") > 0
    assert many == few


def test_the_applicants_dashboard_costs_the_same_for_one_case_or_four(client, applicant):
    submit_sample(applicant)
    client.force_login(applicant)
    few, few_page = queries_for(client, "/my/")

    for slug in ("temporary-residence", "permanent-residence", "temporary-residence-work"):
        submit_sample(applicant, slug=slug)
    many, many_page = queries_for(client, "/my/")

    assert many_page.count("/cases/") == 4 * few_page.count("/cases/") > 0
    assert many == few
