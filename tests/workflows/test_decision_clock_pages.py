"""The applicant's case page, the officer's case page and the supervisor's dashboard show the same decision date."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import time_machine
from django.urls import reverse

from workflows.deadlines import POLISH_TIME
from workflows.models import CaseProcess

from .conftest import pass_formal_check, staff_login, submit_case

pytestmark = pytest.mark.django_db


def test_every_page_shows_the_decision_date_from_the_one_clock(
    client, django_capture_on_commit_callbacks, officer, supervisor
):
    # Free of defects on 12 September 2026: 60 days end on 11 November, a holiday, so the office decides by the 12th.
    with time_machine.travel(datetime(2026, 9, 12, 10, 0, tzinfo=POLISH_TIME), tick=False):
        application = submit_case(django_capture_on_commit_callbacks)
        pass_formal_check(application, officer)
    assert CaseProcess.objects.get(application=application).decision_due_on == date(2026, 11, 12)

    with time_machine.travel(datetime(2026, 11, 2, 10, 0, tzinfo=POLISH_TIME), tick=False):
        client.force_login(application.applicant)
        applicant_page = client.get(reverse("applications:case", kwargs={"case_id": application.public_id}))
        assert "The office should decide by 12 November 2026" in applicant_page.content.decode()

        staff_login(client, officer)
        officer_page = client.get(reverse("workflows:case", kwargs={"case_id": application.public_id}))
        assert "12 November 2026" in officer_page.content.decode()

        staff_login(client, supervisor)
        board = client.get(reverse("workflows:dashboard")).content.decode()
        assert application.case_number in board and "12 November 2026" in board
