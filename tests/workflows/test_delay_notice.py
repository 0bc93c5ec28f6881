"""The notice of a delay (art. 36 k.p.a.): a reason and a later date; the new date is what every page then shows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse

from applications.case_models import CaseEvent, DocumentKind
from workflows.models import CaseProcess

from .conftest import pass_formal_check, staff_login, submit_case

pytestmark = pytest.mark.django_db


def test_the_officer_notifies_a_delay_with_a_reason_and_a_new_date(client, django_capture_on_commit_callbacks, officer):
    application = submit_case(django_capture_on_commit_callbacks)
    pass_formal_check(application, officer)
    due = CaseProcess.objects.get(application=application).decision_due_on
    new_date = due + timedelta(days=30)
    staff_login(client, officer)
    case_page = reverse("workflows:case", kwargs={"case_id": application.public_id})
    assert "Notify the applicant of a delay" in client.get(case_page).content.decode()

    refused = client.post(case_page, {"new_date": new_date.isoformat(), "reason": ""})
    assert refused.status_code == 400 and "reason" in refused.context["delay_form"].errors
    earlier = client.post(case_page, {"new_date": due.isoformat(), "reason": "Oczekiwanie na opinię"})
    assert (
        earlier.status_code == 400
        and "later than the current one" in earlier.context["delay_form"].errors["new_date"][0]
    )

    sent = client.post(
        case_page, {"new_date": new_date.isoformat(), "reason": "Oczekiwanie na opinię Straży Granicznej"}
    )
    assert sent.status_code == 302
    assert application.documents.filter(kind=DocumentKind.DELAY_NOTICE).count() == 1
    assert application.events.filter(kind=CaseEvent.Kind.DELAY_NOTICE).count() == 1
    assert CaseProcess.objects.get(application=application).decision_due_on == new_date
