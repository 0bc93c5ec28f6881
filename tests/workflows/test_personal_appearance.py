"""The personal appearance (art. 106e) and the no-show (art. 106i): summons 7 days ahead, excuses, discontinuance."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone
from viewflow.workflow.status import PROCESS

from applications.case_models import ApplicationStatus, CaseEvent, DocumentKind
from workflows import services
from workflows.deadlines import POLISH_TIME
from workflows.delivery import record_opening
from workflows.models import Appointment, AppointmentSlot, CaseProcess

from .conftest import open_nodes, pass_formal_check, submit_case, take

pytestmark = pytest.mark.django_db


def warsaw(*args) -> datetime:
    return datetime(*args, tzinfo=POLISH_TIME)


def summoned(django_capture_on_commit_callbacks, officer, *, days_ahead=10, opened=True):
    application = submit_case(django_capture_on_commit_callbacks)
    pass_formal_check(application, officer)
    services.book_appointment(
        task=take(application, "book_appointment", officer),
        user=officer,
        starts_at=timezone.now() + timedelta(days=days_ahead),
        place="ul. Długa 5, sala 12",
    )
    if opened:
        summons = application.documents.filter(kind=DocumentKind.SUMMONS).order_by("-created_at").first()
        record_opening(document=summons, user=application.applicant)
    return application


def record(application, officer, outcome, **kwargs):
    services.record_fingerprints(
        task=take(application, "fingerprints", officer), user=officer, outcome=outcome, **kwargs
    )


def test_the_summons_is_refused_for_a_date_less_than_seven_days_ahead(django_capture_on_commit_callbacks, officer):
    application = submit_case(django_capture_on_commit_callbacks)
    pass_formal_check(application, officer)
    with pytest.raises(services.WorkflowError, match="7 days"):
        services.book_appointment(
            task=take(application, "book_appointment", officer),
            user=officer,
            starts_at=timezone.now() + timedelta(days=6),
            place="ul. Długa 5",
        )


def test_slots_closer_than_seven_days_are_not_offered(django_capture_on_commit_callbacks, officer):
    from workflows.appointments import free_slots_for

    application = submit_case(django_capture_on_commit_callbacks)
    near = AppointmentSlot.objects.create(
        office=application.office, starts_at=timezone.now() + timedelta(days=5), place="A"
    )
    far = AppointmentSlot.objects.create(
        office=application.office, starts_at=timezone.now() + timedelta(days=8), place="B"
    )
    assert list(free_slots_for(application)) == [far] and near.pk


def test_the_appointment_records_fingerprints_signature_and_the_travel_document(
    django_capture_on_commit_callbacks, officer
):
    application = summoned(django_capture_on_commit_callbacks, officer)
    with pytest.raises(services.WorkflowError, match="travel document"):
        record(application, officer, "taken", fingerprints=True, signature_specimen=True)
    record(application, officer, "taken", fingerprints=True, signature_specimen=True, travel_document_seen=True)
    appointment = Appointment.objects.get(application=application)
    assert appointment.fingerprints_taken and appointment.signature_specimen_taken and appointment.travel_document_seen
    assert "consult_police" in open_nodes(application)


def test_a_no_show_without_excuse_discontinues_the_proceedings_with_its_own_decision(
    django_capture_on_commit_callbacks, officer
):
    application = summoned(django_capture_on_commit_callbacks, officer)
    record(application, officer, "no_show_end")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DISCONTINUED
    assert application.documents.filter(kind=DocumentKind.DISCONTINUANCE).count() == 1
    assert application.events.filter(kind=CaseEvent.Kind.DISCONTINUED).count() == 1
    assert not application.documents.filter(kind=DocumentKind.LEFT_UNEXAMINED).exists()
    assert CaseProcess.objects.get(application=application).status == PROCESS.DONE


def test_a_no_show_with_an_excuse_gets_a_new_date_at_least_seven_days_away(django_capture_on_commit_callbacks, officer):
    application = summoned(django_capture_on_commit_callbacks, officer)
    with pytest.raises(services.WorkflowError, match="excuse"):
        record(application, officer, "no_show_rebook")
    record(application, officer, "no_show_rebook", excuse="physical_impossibility")
    assert open_nodes(application) == {"book_appointment"}
    assert Appointment.objects.get(application=application).excuse == "physical_impossibility"
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_PROGRESS


def test_a_summons_never_opened_in_time_is_no_ground_to_discontinue(django_capture_on_commit_callbacks, officer):
    # Made available now and never opened, it is deemed delivered after 14 days: after the appointment in 10 days.
    application = summoned(django_capture_on_commit_callbacks, officer, opened=False)
    with pytest.raises(services.WorkflowError, match="7 days"):
        record(application, officer, "no_show_end")
    record(application, officer, "no_show_rebook", excuse="summons_late")
    assert open_nodes(application) == {"book_appointment"}


def test_a_child_under_six_is_not_discontinued_for_not_appearing(django_capture_on_commit_callbacks, officer):
    application = summoned(django_capture_on_commit_callbacks, officer)
    born = date.today().replace(year=date.today().year - 4, day=1)
    answers = application.answers
    answers["personal"]["date_of_birth"] = born.isoformat()
    application.answers = answers
    application.save(update_fields=["answers"])
    with pytest.raises(services.WorkflowError, match="under 6"):
        record(application, officer, "no_show_end")
    assert services.age_on(application, date.today()) == 4


@pytest.mark.postgres
def test_a_summons_opened_on_time_makes_the_no_show_a_default(client, django_capture_on_commit_callbacks, officer):
    with time_machine.travel(warsaw(2026, 3, 2, 10, 0), tick=False):
        application = summoned(django_capture_on_commit_callbacks, officer, days_ahead=9, opened=True)
    with time_machine.travel(warsaw(2026, 3, 11, 12, 0), tick=False):
        record(application, officer, "no_show_end")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DISCONTINUED


def test_the_officer_reads_the_discontinuance_for_a_no_show_as_a_draft_before_it_is_issued(
    client, django_capture_on_commit_callbacks, officer
):
    from django.urls import reverse

    from tests.documents.helpers import pdf_text

    from .conftest import staff_login

    application = summoned(django_capture_on_commit_callbacks, officer)
    task = take(application, "fingerprints", officer)
    staff_login(client, officer)
    url = reverse("workflows:task", kwargs={"task_id": task.pk})
    page = client.post(url, {"outcome": "no_show_end"})
    assert page.status_code == 200 and "Send the letter" in page.content.decode()
    draft = pdf_text(client.get(reverse("workflows:task-letter-preview", kwargs={"task_id": task.pk})).content)
    assert "PROJEKT" in draft and "umorz" in draft.lower()
    application.refresh_from_db()
    assert application.status != ApplicationStatus.DISCONTINUED  # nothing issued before the officer confirms

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"confirm": "1"}).status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DISCONTINUED
    assert application.documents.filter(kind=DocumentKind.DISCONTINUANCE).count() == 1


def test_a_no_show_that_cannot_end_the_case_is_refused_at_once_without_a_draft(
    client, django_capture_on_commit_callbacks, officer
):
    from django.urls import reverse

    from .conftest import staff_login

    application = summoned(django_capture_on_commit_callbacks, officer)
    answers = application.answers
    answers["personal"]["date_of_birth"] = date.today().replace(year=date.today().year - 4, day=1).isoformat()
    application.answers = answers
    application.save(update_fields=["answers"])
    task = take(application, "fingerprints", officer)
    staff_login(client, officer)
    page = client.post(reverse("workflows:task", kwargs={"task_id": task.pk}), {"outcome": "no_show_end"})
    assert page.status_code == 400 and "Send the letter" not in page.content.decode()
    assert page.context["form"].data["outcome"] == "no_show_end"  # the form stays, with the answer
    assert "A child under 6 is not discontinued for not appearing" in page.content.decode()
