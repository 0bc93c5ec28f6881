"""The notice of a delay (art. 36 k.p.a.): a reason and a later date; the new date is what every page then shows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse

from applications.case_models import CaseEvent, DocumentKind
from tests.documents.helpers import pdf_text, reader
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

    draft = client.post(
        case_page, {"new_date": new_date.isoformat(), "reason": "Oczekiwanie na opinię Straży Granicznej"}
    )
    assert draft.status_code == 200 and "Send the letter" in draft.content.decode()
    assert not application.documents.filter(kind=DocumentKind.DELAY_NOTICE).exists()  # read first, then sent
    sent = client.post(case_page, {"confirm": "1"})
    assert sent.status_code == 302
    assert application.documents.filter(kind=DocumentKind.DELAY_NOTICE).count() == 1
    assert application.events.filter(kind=CaseEvent.Kind.DELAY_NOTICE).count() == 1
    assert CaseProcess.objects.get(application=application).decision_due_on == new_date


def test_once_the_watch_gives_the_art_36_task_the_case_page_sends_the_officer_to_it_and_sends_no_second_notice(
    client, django_capture_on_commit_callbacks, officer
):
    """The case page's form is for a notice before the watch fires (the office knows early that the date cannot be
    kept); when the task is open, the notice goes from the task, so the applicant never gets two."""
    import time_machine
    from django.utils import timezone
    from viewflow.workflow.timers import fire_due_timers

    from workflows.clock import clock_of

    from .conftest import open_nodes, open_task

    application = submit_case(django_capture_on_commit_callbacks)
    pass_formal_check(application, officer)
    due = clock_of(application).due_on
    case_page = reverse("workflows:case", kwargs={"case_id": application.public_id})
    with time_machine.travel(timezone.now() + timedelta(days=(due - timezone.localdate()).days - 13)):
        fire_due_timers()
        assert "delay_notice" in open_nodes(application)
        staff_login(client, officer)
        page = client.get(case_page).content.decode()
        task_url = reverse("workflows:task", kwargs={"task_id": open_task(application, "delay_notice").pk})
        assert task_url in page and 'name="reason"' not in page
        refused = client.post(
            case_page, {"new_date": (due + timedelta(days=30)).isoformat(), "reason": "Oczekiwanie na opinię"}
        )
    assert refused.status_code == 400
    assert not application.documents.filter(kind=DocumentKind.DELAY_NOTICE).exists()
    assert clock_of(application).due_on == due


def test_the_notice_sent_from_the_case_page_is_read_as_a_draft_first_and_can_be_changed(
    client, django_capture_on_commit_callbacks, officer, other_office_officer
):
    application = submit_case(django_capture_on_commit_callbacks)
    pass_formal_check(application, officer)
    new_date = CaseProcess.objects.get(application=application).decision_due_on + timedelta(days=21)
    staff_login(client, officer)
    case_page = reverse("workflows:case", kwargs={"case_id": application.public_id})
    draft_url = reverse("workflows:case-delay-notice-draft", kwargs={"case_id": application.public_id})
    assert client.get(draft_url).status_code == 404  # nothing previewed yet
    assert client.post(case_page, {"confirm": "1"}).status_code == 302  # nothing to confirm: the form again
    assert not application.documents.filter(kind=DocumentKind.DELAY_NOTICE).exists()

    page = client.post(case_page, {"new_date": new_date.isoformat(), "reason": "Brak odpowiedzi konsula"})
    assert "Send the letter" in page.content.decode() and "Change the letter" in page.content.decode()
    draft = client.get(draft_url)
    assert draft["Content-Type"] == "application/pdf" and draft["Cache-Control"] == "private, no-store"
    text = pdf_text(draft.content)
    assert "PROJEKT" in text and "Brak odpowiedzi konsula" in text and new_date.strftime("%d.%m.%Y") in text
    assert "/ByteRange" not in draft.content.decode("latin-1") and not reader(draft.content).get_fields()  # not sealed

    changed = client.get(f"{case_page}?change=1").content.decode()
    assert "Brak odpowiedzi konsula" in changed  # the officer's answers come back to be corrected
    staff_login(client, other_office_officer)
    assert client.get(draft_url).status_code == 404
    assert not application.documents.filter(kind=DocumentKind.DELAY_NOTICE).exists()
