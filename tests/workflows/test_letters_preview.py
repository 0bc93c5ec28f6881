"""Letters before they leave: the officer reads each letter as an unsealed draft marked PROJEKT and confirms it; a
task can go back to the queue or to a colleague, with the reason in the audit trail."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from viewflow.workflow.status import STATUS

from documents.models import DocumentKind
from tests.documents.helpers import pdf_text, reader
from tests.factories import ApplicantFactory
from workflows.models import AuditEntry, SupplementRequest

from .conftest import open_task, pass_formal_check, staff_login, submit_case, take

pytestmark = pytest.mark.django_db


def _task_url(task, name="workflows:task"):
    return reverse(name, kwargs={"task_id": task.pk})


def test_a_call_to_supplement_is_shown_as_a_draft_and_sent_only_when_confirmed(
    client, django_capture_on_commit_callbacks, officer
):
    application = submit_case(django_capture_on_commit_callbacks)
    task = take(application, "formal_check", officer)
    staff_login(client, officer)
    data = {"complete": "no", "defects": "Brak aktualnej fotografii\nBrak polisy"}
    page = client.post(_task_url(task), data)
    assert page.status_code == 200 and "Send the letter" in page.content.decode()
    assert not SupplementRequest.objects.filter(application=application).exists()  # nothing saved yet
    assert open_task(application, "formal_check").status == STATUS.ASSIGNED

    draft = client.get(_task_url(task, "workflows:task-letter-preview"))
    assert draft.status_code == 200 and draft["Content-Type"] == "application/pdf"
    pdf = draft.content
    text = pdf_text(pdf)
    assert "PROJEKT" in text and "Brak aktualnej fotografii" in text and application.case_number in text
    assert "/ByteRange" not in pdf.decode("latin-1") and not reader(pdf).get_fields()  # not sealed
    assert not application.documents.filter(kind=DocumentKind.CALL_TO_SUPPLEMENT).exists()

    changed = client.get(_task_url(task) + "?change=1").content.decode()
    assert "Brak polisy" in changed  # the form comes back as it was filled

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_task_url(task), {"confirm": "1"})
    assert response.status_code == 302
    request = SupplementRequest.objects.get(application=application)
    assert request.defects == ["Brak aktualnej fotografii", "Brak polisy"]
    sent = application.documents.get(kind=DocumentKind.CALL_TO_SUPPLEMENT)
    with sent.file.open("rb") as handle:
        sealed = handle.read()
    assert "PROJEKT" not in pdf_text(sealed) and "Brak polisy" in pdf_text(sealed)
    assert "/ByteRange" in sealed.decode("latin-1")  # the letter that left is sealed
    assert client.get(_task_url(task, "workflows:task-letter-preview")).status_code in (403, 404)


def test_a_step_without_a_letter_is_saved_at_once(client, django_capture_on_commit_callbacks, officer):
    application = submit_case(django_capture_on_commit_callbacks)
    task = take(application, "formal_check", officer)
    staff_login(client, officer)
    assert client.post(_task_url(task), {"complete": "yes"}).status_code == 302
    assert open_task(application, "book_appointment")


def test_the_summons_is_previewed_with_the_day_and_hour_of_the_appointment(
    client, django_capture_on_commit_callbacks, officer
):
    application = submit_case(django_capture_on_commit_callbacks)
    pass_formal_check(application, officer)
    task = take(application, "book_appointment", officer)
    staff_login(client, officer)
    when = timezone.localtime() + timedelta(days=9)
    data = {"starts_at": when.strftime("%Y-%m-%dT10:30"), "place": "ul. Długa 5, sala 12"}
    assert "Send the letter" in client.post(_task_url(task), data).content.decode()
    text = pdf_text(client.get(_task_url(task, "workflows:task-letter-preview")).content)
    assert "PROJEKT" in text and "10:30" in text and when.strftime("%d.%m.%Y") in text


def test_a_summons_for_less_than_seven_days_ahead_is_refused_on_its_date_before_any_draft(
    client, django_capture_on_commit_callbacks, officer
):
    application = submit_case(django_capture_on_commit_callbacks)
    pass_formal_check(application, officer)
    task = take(application, "book_appointment", officer)
    staff_login(client, officer)
    soon = timezone.localtime() + timedelta(days=3)
    response = client.post(_task_url(task), {"starts_at": soon.strftime("%Y-%m-%dT10:30"), "place": "ul. Długa 5"})
    assert response.status_code == 400
    assert "Send the letter" not in response.content.decode()
    assert response.context["form"].errors["starts_at"] == [
        "The summons must be sent at least 7 days before the appointment (art. 106e)."
    ]
    assert response.context["form"].data["place"] == "ul. Długa 5"  # the other answer is kept
    assert client.get(_task_url(task, "workflows:task-letter-preview")).status_code == 404
    assert not application.appointments.exists()


def test_only_the_officer_holding_the_task_sees_its_draft_letter(
    client, django_capture_on_commit_callbacks, officer, second_officer, other_office_officer
):
    application = submit_case(django_capture_on_commit_callbacks)
    task = take(application, "formal_check", officer)
    staff_login(client, officer)
    client.post(_task_url(task), {"complete": "no", "defects": "Brak"})
    url = _task_url(task, "workflows:task-letter-preview")
    staff_login(client, second_officer)
    assert client.get(url).status_code == 403
    staff_login(client, other_office_officer)
    assert client.get(url).status_code == 404
    client.force_login(ApplicantFactory())
    assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302


def test_an_officer_returns_a_task_to_the_queue_with_a_reason(client, django_capture_on_commit_callbacks, officer):
    application = submit_case(django_capture_on_commit_callbacks)
    task = take(application, "formal_check", officer)
    staff_login(client, officer)
    url = _task_url(task, "workflows:task-handover")
    refused = client.post(url, {"reason": "  "})
    assert refused.status_code == 400  # no reason, no return: the task page again, the message beside the field
    assert refused.context["handover_form"].errors == {"reason": ["Say why you give the task back."]}
    assert 'id="handover_reason_error"' in refused.content.decode()
    assert open_task(application, "formal_check").owner == officer
    assert client.post(url, {"reason": "Urlop od jutra"}).status_code == 302
    task.refresh_from_db()
    assert task.owner is None and task.status == STATUS.NEW
    entry = AuditEntry.objects.get(action="task.returned", application=application)
    assert entry.user == officer and entry.data["reason"] == "Urlop od jutra"


def test_an_officer_hands_a_task_to_a_colleague_of_the_same_office_only(
    client, django_capture_on_commit_callbacks, officer, second_officer, other_office_officer
):
    application = submit_case(django_capture_on_commit_callbacks)
    task = take(application, "formal_check", officer)
    staff_login(client, officer)
    page = client.get(_task_url(task)).content.decode()
    assert second_officer.email in page and other_office_officer.email not in page
    url = _task_url(task, "workflows:task-handover")
    refused = client.post(url, {"to_user": other_office_officer.pk, "reason": "Nie mój urząd"})
    task.refresh_from_db()
    assert task.owner == officer  # a person of another office is not a choice
    assert refused.status_code == 400
    form = refused.context["handover_form"]
    assert form.errors == {"to_user": ["Choose a person of your office."]}
    html = refused.content.decode()
    assert 'id="handover_to_user_error"' in html and "Nie mój urząd</textarea>" in html  # the reason is kept
    assert '<details class="handover" open>' in html
    assert refused.context["form"] is not None  # the step's own form is still there, beside it
    client.post(url, {"to_user": second_officer.pk, "reason": "Zna sprawę"})
    task.refresh_from_db()
    assert task.owner == second_officer and task.status == STATUS.ASSIGNED
    entry = AuditEntry.objects.get(action="task.handed_over", application=application)
    assert entry.data["to"] == second_officer.pk and entry.data["reason"] == "Zna sprawę"
    # It is no longer the first officer's to give away: back to the task page, saying so.
    again = client.post(url, {"reason": "Jeszcze raz"}, follow=True)
    assert again.redirect_chain[0][1] == 302
    assert "Only the officer who holds an open task can give it back." in again.content.decode()
    task.refresh_from_db()
    assert task.owner == second_officer


def test_a_refused_handover_is_shown_in_the_officers_language_and_keeps_the_reason(
    client, django_capture_on_commit_callbacks, officer
):
    application = submit_case(django_capture_on_commit_callbacks)
    task = take(application, "formal_check", officer)
    staff_login(client, officer)
    url = _task_url(task, "workflows:task-handover")
    refused = client.post(url, {"to_user": "999999", "reason": "Zna sprawę"}, HTTP_ACCEPT_LANGUAGE="pl")
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "Wybierz osobę ze swojego urzędu." in html and "Zna sprawę</textarea>" in html
    assert not AuditEntry.objects.filter(action__in=["task.returned", "task.handed_over"], application=application)


def test_others_cannot_return_or_hand_over_a_task(
    client, django_capture_on_commit_callbacks, officer, other_office_officer
):
    application = submit_case(django_capture_on_commit_callbacks)
    task = take(application, "formal_check", officer)
    url = _task_url(task, "workflows:task-handover")
    staff_login(client, other_office_officer)
    assert client.post(url, {"reason": "x"}).status_code == 404
    client.force_login(application.applicant)
    assert client.post(url, {"reason": "x"}).status_code == 403
    client.logout()
    assert client.post(url, {"reason": "x"}).status_code == 302
    task.refresh_from_db()
    assert task.owner == officer
