"""The role matrix after the decision: the second instance sees only forwarded appeals; voivodeship offices see their
own cases and never the second instance's step; the appeal page is the party's (or an accepted representative's)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tests.factories import ApplicantFactory, SecondInstanceFactory
from workflows import appeals, services

from .conftest import (
    answer_consultations,
    open_task,
    pass_formal_check,
    review_and_decide,
    staff_login,
    submit_case,
    take,
    take_fingerprints,
)

pytestmark = pytest.mark.django_db


def refused_and_appealed(django_capture_on_commit_callbacks, officer, supervisor, *, forward: bool):
    application = submit_case(django_capture_on_commit_callbacks)
    pass_formal_check(application, officer)
    take_fingerprints(application, officer)
    answer_consultations(application, officer)
    review_and_decide(application, officer, proposed="refusal", kind="refusal", justification="Brak środków.")
    services.approve_decision(task=take(application, "approve", supervisor), user=supervisor, approved=True)
    appeals.file_appeal(application=application, user=application.applicant, text="Odwołuję się.", uploads=[])
    if forward:
        appeals.review_appeal(task=take(application, "appeal_review", officer), user=officer, grant=False)
    return application


SECOND_INSTANCE_PAGES = ["workflows:second-instance-queue"]
OFFICE_PAGES = ["workflows:inbox", "workflows:queue", "workflows:cases", "workflows:dashboard"]


def test_the_second_instance_sees_only_forwarded_appeals_and_no_office_page(
    client, django_capture_on_commit_callbacks, officer, supervisor
):
    forwarded = refused_and_appealed(django_capture_on_commit_callbacks, officer, supervisor, forward=True)
    with_the_voivode = submit_case(django_capture_on_commit_callbacks)
    head_of_office = SecondInstanceFactory()
    staff_login(client, head_of_office)

    queue = client.get(reverse("workflows:second-instance-queue")).content.decode()
    assert forwarded.case_number in queue and with_the_voivode.case_number not in queue
    listed = client.get("/api/v1/officer/appeals").json()
    assert [item["case_number"] for item in listed["items"]] == [forwarded.case_number]
    assert listed["items"][0]["step"] == "second_instance"
    assert client.get("/api/v1/officer/queue").status_code == 403  # no voivodeship office's queue
    task = open_task(forwarded, "second_instance")
    assert client.get(reverse("workflows:second-instance-task", kwargs={"task_id": task.pk})).status_code == 200
    other_task = open_task(with_the_voivode, "formal_check")
    assert client.get(reverse("workflows:second-instance-task", kwargs={"task_id": other_task.pk})).status_code == 404
    for name in OFFICE_PAGES:
        assert client.get(reverse(name)).status_code == 403, name
    assert client.get(reverse("workflows:knowledge")).status_code == 200  # the guidance is for both instances
    assert client.get(reverse("workflows:task", kwargs={"task_id": task.pk})).status_code == 403
    assert client.get(reverse("workflows:case", kwargs={"case_id": forwarded.public_id})).status_code == 403
    # The file of the forwarded case can be read; the other case's cannot.
    decision = forwarded.documents.get(kind="decision")
    assert (
        client.get(reverse("workflows:document-download", kwargs={"document_id": decision.public_id})).status_code
        == 200
    )
    attachment = with_the_voivode.attachments.first()
    url = reverse("workflows:attachment-download", kwargs={"attachment_id": attachment.public_id})
    assert client.get(url).status_code == 404
    with pytest.raises(PermissionDenied):
        services.claim_task(task=other_task, user=head_of_office)

    # Claimed and decided through the page by the second instance only.
    url = reverse("workflows:second-instance-task", kwargs={"task_id": task.pk})
    assert client.post(url, {"claim": "1"}).status_code == 302
    draft = client.post(url, {"outcome": "upheld", "justification": "Decyzja jest prawidłowa."})
    assert draft.status_code == 200 and "Send the letter" in draft.content.decode()  # read as a draft first
    response = client.post(url, {"confirm": "1"})
    assert response.status_code == 302
    forwarded.refresh_from_db()
    assert forwarded.status == "refused_final"


def test_voivodeship_staff_never_see_or_work_the_second_instance_step(
    client, django_capture_on_commit_callbacks, officer, supervisor, other_office_officer
):
    forwarded = refused_and_appealed(django_capture_on_commit_callbacks, officer, supervisor, forward=True)
    task = open_task(forwarded, "second_instance")
    for person in (officer, supervisor, other_office_officer):
        staff_login(client, person)
        for name in SECOND_INSTANCE_PAGES:
            assert client.get(reverse(name)).status_code == 403
        assert client.get(reverse("workflows:second-instance-task", kwargs={"task_id": task.pk})).status_code == 403
        assert client.get(reverse("workflows:task", kwargs={"task_id": task.pk})).status_code == 404
        assert client.post(reverse("workflows:task-claim", kwargs={"task_id": task.pk})).status_code == 404
        assert forwarded.case_number not in client.get(reverse("workflows:queue")).content.decode()
        assert client.get("/api/v1/officer/appeals").status_code == 403
        assert forwarded.case_number not in client.get("/api/v1/officer/queue").content.decode()
        assert not services.may_work_on(person, task)
    with pytest.raises(PermissionDenied):
        appeals.claim_appeal(task=task, user=officer)
    with pytest.raises(PermissionDenied):
        appeals.decide_appeal(task=task, user=supervisor, outcome="upheld", justification="—")


def test_the_voivodes_appeal_step_is_his_own_offices(
    client, django_capture_on_commit_callbacks, officer, supervisor, other_office_officer
):
    application = refused_and_appealed(django_capture_on_commit_callbacks, officer, supervisor, forward=False)
    task = open_task(application, "appeal_review")
    staff_login(client, other_office_officer)
    assert client.get(reverse("workflows:task", kwargs={"task_id": task.pk})).status_code == 404
    assert client.post(reverse("workflows:task-claim", kwargs={"task_id": task.pk})).status_code == 404
    staff_login(client, officer)
    assert application.case_number in client.get(reverse("workflows:queue")).content.decode()
    client.post(reverse("workflows:task-claim", kwargs={"task_id": task.pk}))
    grant = {"outcome": "granted", "valid_from": "2026-12-01", "valid_to": "2027-11-30", "justification": "Zasadne."}
    draft = client.post(reverse("workflows:task", kwargs={"task_id": task.pk}), grant)
    assert draft.status_code == 200 and application.decisions.count() == 1  # the new decision is read as a draft first
    response = client.post(reverse("workflows:task", kwargs={"task_id": task.pk}), {**grant, "confirm": "1"})
    assert response.status_code in (200, 302)
    assert application.decisions.first().valid_to == date(2027, 11, 30)


def test_the_appeal_page_is_the_partys_only(client, django_capture_on_commit_callbacks, officer, supervisor):
    application = submit_case(django_capture_on_commit_callbacks)
    url = reverse("workflows:appeal", kwargs={"case_id": application.public_id})
    assert client.get(url).status_code == 302  # anonymous: to the login page
    client.force_login(ApplicantFactory())
    assert client.get(url).status_code == 404
    assert client.post(url, {"action": "waive", "confirm": "on"}).status_code == 404
    for name in SECOND_INSTANCE_PAGES:
        assert client.get(reverse(name)).status_code == 403
    assert client.get("/api/v1/officer/appeals").status_code == 403
    client.logout()
    assert client.get("/api/v1/officer/appeals").status_code == 401
    client.force_login(application.applicant)
    page = client.get(url)
    assert page.status_code == 200 and "no decision in this case that you can appeal against" in page.content.decode()


def test_the_demo_data_has_a_second_instance_account_printed_with_the_others():
    from io import StringIO

    from django.core.management import call_command

    from accounts.models import User

    out = StringIO()
    call_command("load_demo", stdout=out)
    line = next(line for line in out.getvalue().splitlines() if "second.instance@mos.example" in line)
    assert "Second-instance officer" in line and "TOTP secret" in line
    person = User.objects.get(email="second.instance@mos.example")
    assert appeals.is_second_instance(person) and not services.is_staff(person)


def test_the_second_instance_reads_its_decision_as_a_draft_and_issues_it_only_when_confirmed(
    client, django_capture_on_commit_callbacks, officer, supervisor
):
    from tests.documents.helpers import pdf_text, reader

    forwarded = refused_and_appealed(django_capture_on_commit_callbacks, officer, supervisor, forward=True)
    head_of_office = SecondInstanceFactory()
    task = appeals.claim_appeal(task=open_task(forwarded, "second_instance"), user=head_of_office)
    staff_login(client, head_of_office)
    url = reverse("workflows:second-instance-task", kwargs={"task_id": task.pk})
    draft_url = reverse("workflows:second-instance-decision-draft", kwargs={"task_id": task.pk})
    assert client.get(draft_url).status_code == 404  # nothing read yet
    answers = {
        "outcome": "overturned",
        "kind": "grant",
        "valid_from": "2027-02-01",
        "valid_to": "2029-01-31",
        "justification": "Cudzoziemiec wykazał stabilne źródło dochodu.",
    }
    page = client.post(url, answers)
    assert page.status_code == 200 and "Send the letter" in page.content.decode()
    draft = client.get(draft_url)
    assert draft["Content-Type"] == "application/pdf" and draft["Cache-Control"] == "private, no-store"
    text = pdf_text(draft.content)
    assert "PROJEKT" in text and "Szef Urzędu do Spraw Cudzoziemców" in text and "31.01.2029" in text
    assert "/ByteRange" not in draft.content.decode("latin-1") and not reader(draft.content).get_fields()
    assert "stabilne źródło dochodu" in client.get(f"{url}?change=1").content.decode()  # back to be corrected
    forwarded.refresh_from_db()
    assert forwarded.status != "granted_final" and forwarded.decisions.count() == 1  # nothing issued yet

    assert client.post(url, {"confirm": "1"}).status_code == 302
    forwarded.refresh_from_db()
    assert forwarded.status == "granted_final" and forwarded.decisions.first().kind == "grant"
    assert client.get(draft_url).status_code in (403, 404)  # the task is done
