"""Consultations (art. 109): Border Guard, Police, ABW; 30 days or 60 with a reason; none for a child under 13."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS
from viewflow.workflow.timers import fire_due_timers

from workflows import services
from workflows.deadlines import last_moment
from workflows.models import Consultation

from .conftest import open_nodes, pass_formal_check, staff_login, submit_case, submit_work_case, take, take_fingerprints

pytestmark = pytest.mark.django_db


def born_years_ago(application, years: int) -> None:
    submitted = timezone.localdate(application.submitted_at)
    answers = application.answers
    answers["personal"]["date_of_birth"] = submitted.replace(year=submitted.year - years, day=1).isoformat()
    application.answers = answers
    application.save(update_fields=["answers"])


def test_a_child_of_twelve_is_not_consulted(django_capture_on_commit_callbacks, officer):
    application = submit_case(django_capture_on_commit_callbacks)
    born_years_ago(application, 12)
    pass_formal_check(application, officer)
    take_fingerprints(application, officer)
    assert open_nodes(application) == {"review"}
    assert not Consultation.objects.filter(application=application).exists()


def test_a_person_of_thirteen_is_consulted_with_the_three_services(django_capture_on_commit_callbacks, officer):
    application = submit_case(django_capture_on_commit_callbacks)
    born_years_ago(application, 13)
    pass_formal_check(application, officer)
    take_fingerprints(application, officer)
    assert open_nodes(application) >= {"consult_border_guard", "consult_police", "consult_abw"}


def test_a_work_permit_is_no_longer_sent_to_the_labour_office(django_capture_on_commit_callbacks, officer):
    application = submit_work_case(django_capture_on_commit_callbacks)
    pass_formal_check(application, officer)
    take_fingerprints(application, officer)
    agencies = set(Consultation.objects.filter(application=application).values_list("agency", flat=True))
    assert agencies == {"border_guard", "police", "abw"}


def consultation_task(application, officer) -> Task:
    return take(application, "consult_police", officer)


def test_an_extension_to_sixty_days_moves_the_deadline_and_the_timer(django_capture_on_commit_callbacks, officer):
    application = submit_case(django_capture_on_commit_callbacks)
    pass_formal_check(application, officer)
    take_fingerprints(application, officer)
    task = consultation_task(application, officer)
    consultation = services.extend_consultation(task=task, user=officer, reason="Sprawdzenie w bazach partnerów")
    assert consultation.deadline == last_moment(consultation.asked_at, 60)
    timer = Task.objects.get(previous=task, flow_task_type="TIMER", status=STATUS.SCHEDULED)
    assert timer.scheduled == consultation.deadline
    with time_machine.travel(timezone.now() + timedelta(days=40)):
        fired = fire_due_timers()  # the other two agencies' 30 days have passed, not the Police's 60
    assert fired == 2
    assert not Consultation.objects.get(pk=consultation.pk).answer
    with pytest.raises(services.WorkflowError):
        services.extend_consultation(task=task, user=officer, reason="Again")


def test_an_extension_without_a_reason_gets_a_field_message(client, django_capture_on_commit_callbacks, officer):
    application = submit_case(django_capture_on_commit_callbacks)
    pass_formal_check(application, officer)
    take_fingerprints(application, officer)
    task = consultation_task(application, officer)
    staff_login(client, officer)
    page = client.post(reverse("workflows:task", kwargs={"task_id": task.pk}), {"extend": "on", "extension_reason": ""})
    assert page.status_code == 400
    assert "reason" in page.context["form"].errors["extension_reason"][0]
    assert not Consultation.objects.get(application=application, agency="police").extended_reason
