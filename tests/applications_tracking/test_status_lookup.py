"""Public status: the right code shows the stage; a wrong code and an unknown case look alike; guessing is throttled."""

from __future__ import annotations

import pytest
from django.urls import reverse

from applications import public_status, services
from applications.case_models import ApplicationStatus

pytestmark = pytest.mark.django_db
URL = reverse("applications:status")
WRONG_CODE = "AAAA-BBBB-CCCC"


def look(client, case_number, code, ip="203.0.113.5"):
    return client.post(URL, {"case_number": case_number, "access_code": code}, REMOTE_ADDR=ip)


def test_the_page_opens_without_login(client):
    response = client.get(URL + "?case_number=14/2026/000001")
    assert response.status_code == 200 and "14/2026/000001" in response.content.decode()


def test_the_right_code_shows_the_stage_and_the_date_of_the_last_change_and_nothing_personal(client, case):
    services.set_status(case, ApplicationStatus.AWAITING_SUPPLEMENT)
    response = look(client, case.case_number, services.access_code(case).lower().replace("-", " "))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Waiting for documents from the applicant" in html
    assert case.status_changed_at.strftime("%Y") in html
    for personal in (
        case.surname,
        case.given_names,
        case.applicant.first_name,
        case.applicant.email,
        case.travel_document_number,
        case.office.name,
    ):
        assert personal not in html


def test_a_wrong_code_and_an_unknown_case_get_the_same_answer(client, case):
    wrong = look(client, case.case_number, WRONG_CODE, ip="203.0.113.6")
    unknown = look(client, "02/2020/999999", WRONG_CODE, ip="203.0.113.7")
    assert wrong.status_code == unknown.status_code == 200
    strip = lambda r, number: r.content.decode().replace(number, "N").split('name="csrfmiddlewaretoken"')[0]  # noqa: E731
    assert strip(wrong, case.case_number) == strip(unknown, "02/2020/999999")
    assert "We found no case with this number and access code" in wrong.content.decode()


def test_the_code_is_derived_and_compared_even_for_an_unknown_case(monkeypatch, db):
    seen = []
    real = public_status.access_code_matches

    def spy(application, code):
        seen.append(application.case_number)
        return real(application, code)

    monkeypatch.setattr(public_status, "access_code_matches", spy)
    assert public_status.lookup("02/2020/999999", WRONG_CODE) is None
    assert seen == ["02/2020/999999"]


@pytest.mark.parametrize(
    ("case_number", "code", "field", "message"),
    [
        ("14-2026-1", "ABCD-EFGH-JKLM", "case_number", "two digits, the year and six digits"),
        ("", "ABCD-EFGH-JKLM", "case_number", "This field is required"),
        ("14/2026/000001", "ABC", "access_code", "twelve letters and digits"),
        ("14/2026/000001", "ABCD-EFGH-JKL0", "access_code", "twelve letters and digits"),
    ],
)
def test_fields_are_checked_for_their_format(client, case_number, code, field, message):
    response = look(client, case_number, code)
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])


def test_guessing_codes_of_one_case_is_throttled_per_case_number_but_the_right_code_still_answers(client, case):
    for attempt in range(5):
        assert look(client, case.case_number, WRONG_CODE, ip=f"198.51.100.{attempt}").status_code == 200
    blocked = look(client, case.case_number, WRONG_CODE, ip="198.51.100.99")
    assert blocked.status_code == 429
    assert "Too many attempts" in blocked.content.decode()
    # The owner, with the code from the receipt, is not locked out by the strangers' guesses.
    owner = look(client, case.case_number, services.access_code(case), ip="198.51.100.200")
    assert owner.status_code == 200 and "Submitted, waiting for the office" in owner.content.decode()
    assert look(client, "02/2020/999999", WRONG_CODE, ip="198.51.100.99").status_code == 200


def test_only_wrong_codes_count_against_a_case(client, case):
    for attempt in range(8):
        assert look(client, case.case_number, services.access_code(case), ip=f"198.51.100.{attempt}").status_code == 200
    assert look(client, case.case_number, WRONG_CODE, ip="198.51.100.50").status_code == 200


def test_behind_a_trusted_proxy_each_client_has_its_own_limit(client, case, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    for number in range(10):
        response = client.post(
            URL,
            {"case_number": f"02/2020/{number:06d}", "access_code": WRONG_CODE},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR="203.0.113.80",
        )
        assert response.status_code == 200
    blocked = client.post(
        URL,
        {"case_number": case.case_number, "access_code": WRONG_CODE},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR="203.0.113.80",
    )
    assert blocked.status_code == 429
    # Another client through the same proxy is not blocked, and a forged leftmost entry changes nothing.
    other = client.post(
        URL,
        {"case_number": case.case_number, "access_code": services.access_code(case)},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR="203.0.113.80, 203.0.113.81",
    )
    assert other.status_code == 200


def test_guessing_from_one_address_is_throttled_per_ip(client, case):
    for number in range(10):
        assert look(client, f"02/2020/{number:06d}", WRONG_CODE).status_code == 200
    assert look(client, case.case_number, services.access_code(case)).status_code == 429
    assert look(client, case.case_number, services.access_code(case), ip="192.0.2.1").status_code == 200


def test_the_throttled_page_speaks_the_visitors_language(client, case):
    for number in range(11):
        response = client.post(
            URL,
            {"case_number": f"02/2020/{number:06d}", "access_code": WRONG_CODE},
            REMOTE_ADDR="192.0.2.50",
            HTTP_ACCEPT_LANGUAGE="pl",
        )
    assert response.status_code == 429
    assert 'lang="pl"' in response.content.decode()


def test_the_counter_window_passes(client, case, time_machine):
    time_machine.move_to("2030-01-01 10:00:00Z")
    for number in range(10):
        look(client, f"02/2020/{number:06d}", WRONG_CODE)
    assert look(client, "02/2020/000011", WRONG_CODE).status_code == 429
    time_machine.move_to("2030-01-01 11:00:01Z")
    assert look(client, "02/2020/000011", WRONG_CODE).status_code == 200
