"""An officer finds a case of the office by its number, the applicant's travel document number or surname."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from applications.case_models import Application
from benchmarks.seed import seed

from .conftest import staff_login, submit_case

pytestmark = pytest.mark.django_db

CASE_LINK = re.compile(r'href="/office/cases/[0-9a-f-]{36}/"')


def search(client, query: str, **params) -> str:
    response = client.get("/office/cases/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def cases(django_capture_on_commit_callbacks):
    """Two cases in Mazowieckie and one in Małopolskie, with names and passports the search can tell apart."""
    made = {}
    for key, voivodeship, surname, passport in [
        ("kowalczuk", "14", "Kowalczuk", "AB1234567"),
        ("kowalenko", "14", "Kowalenko", "EK7654321"),
        ("elsewhere", "12", "Kowalski", "FF1111111"),
    ]:
        application = submit_case(django_capture_on_commit_callbacks, voivodeship=voivodeship)
        Application.objects.filter(pk=application.pk).update(surname=surname, travel_document_number=passport)
        made[key] = application
    return made


def test_an_officer_finds_a_case_by_its_number(client, officer, cases):
    staff_login(client, officer)
    page = search(client, cases["kowalczuk"].case_number)
    assert cases["kowalczuk"].case_number in page and cases["kowalenko"].case_number not in page
    assert "1 case found." in page


def test_an_officer_finds_a_case_by_the_travel_document_number_in_any_case_and_with_spaces(client, officer, cases):
    staff_login(client, officer)
    page = search(client, "ab 1234567")
    assert cases["kowalczuk"].case_number in page and len(CASE_LINK.findall(page)) == 1


def test_a_surname_search_matches_the_start_of_the_name_in_any_letter_case_and_only_in_the_office(
    client, officer, cases
):
    staff_login(client, officer)
    page = search(client, "kowal")
    assert cases["kowalczuk"].case_number in page and cases["kowalenko"].case_number in page
    assert cases["elsewhere"].case_number not in page  # Kowalski's case belongs to another office
    assert "2 cases found." in page
    page = search(client, "KOWALE")
    assert cases["kowalenko"].case_number in page and cases["kowalczuk"].case_number not in page
    assert "No case of this office matches the search." in search(client, "Nowak")


def test_another_offices_case_number_finds_nothing(client, officer, cases):
    staff_login(client, officer)
    page = search(client, cases["elsewhere"].case_number)
    assert not CASE_LINK.findall(page) and "0 cases found." in page


def test_a_one_letter_search_is_refused_on_the_field_and_keeps_what_was_typed(client, officer, cases):
    staff_login(client, officer)
    page = search(client, "K")
    assert 'class="error-message"' in page and "at least 2 characters" in page
    assert 'value="K"' in page
    assert len(CASE_LINK.findall(page)) == 2  # the office's cases are still listed


def test_the_search_is_kept_on_the_next_page_and_costs_the_same_queries_for_more_rows(client, officer):
    seed(5, voivodeships=["14"], applicants=1)
    Application.objects.update(surname="Kowalska")
    staff_login(client, officer)
    search(client, "kow")
    with CaptureQueriesContext(connection) as few:
        assert len(CASE_LINK.findall(search(client, "kow"))) == 5

    seed(45, voivodeships=["14"], applicants=1)
    Application.objects.update(surname="Kowalska")
    with CaptureQueriesContext(connection) as many:
        first = search(client, "kow")
    assert len(CASE_LINK.findall(first)) == 25 and "50 cases found." in first
    assert len(many) == len(few)
    assert 'href="?q=kow&amp;page=2"' in first
    second = search(client, "kow", page=2)
    assert len(CASE_LINK.findall(second)) == 25 and "Page 2 of 2" in second


def test_the_search_box_is_labelled_in_polish(client, officer):
    staff_login(client, officer)
    page = client.get("/office/cases/", HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert "Numer sprawy, numer dokumentu podróży lub nazwisko" in page


def test_the_search_refuses_other_roles_and_anonymous_visitors(client, cases):
    from tests.factories import ApplicantFactory, EmployerFactory

    response = client.get("/office/cases/", {"q": cases["kowalczuk"].case_number})
    assert response.status_code == 302 and "/accounts/login/" in response.url
    for user in (ApplicantFactory(), EmployerFactory()):
        client.force_login(user)
        assert client.get("/office/cases/", {"q": "kowal"}).status_code == 403


@pytest.mark.parametrize("query", ["%%", "_", "x" * 101, "' OR 1=1 --", "14/2026/", "\u0000ab", "ab\\"])
def test_hostile_or_odd_searches_get_an_answer_not_an_error(client, officer, cases, query):
    staff_login(client, officer)
    response = client.get("/office/cases/", {"q": query})
    assert response.status_code in (200, 400)
    if response.status_code == 200 and len(query) > 100:
        assert 'class="error-message"' in response.content.decode()
