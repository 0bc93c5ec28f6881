"""Cases driven through the flow from code: submitted through the real services, worked by real officers."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from tests.factories import StaffFactory, SupervisorFactory
from tests.samples import submit_sample
from workflows import services


@pytest.fixture(autouse=True)
def _no_submission_documents(settings):
    """The package and receipt are the documents app's business (and slow); these tests issue only letters."""
    settings.DOCUMENTS_RENDER_ON_SUBMIT = False


def submit_case(django_capture_on_commit_callbacks, **kwargs):
    """Submit an application; the `application_submitted` signal (after commit) starts its process."""
    with django_capture_on_commit_callbacks(execute=True):
        return submit_sample(**kwargs)


def submit_work_case(django_capture_on_commit_callbacks, voivodeship: str = "14"):
    """A temporary residence and work application, with the employer's Annex 1 completed."""
    with django_capture_on_commit_callbacks(execute=True):
        return submit_sample(slug="temporary-residence-work", voivodeship=voivodeship)


def open_task(application, node: str) -> Task:
    return Task.objects.get(
        process__caseprocess__application=application,
        flow_task_type="HUMAN",
        status__in=[STATUS.NEW, STATUS.ASSIGNED],
        flow_task__endswith=f".{node}",
    )


def open_nodes(application, *, with_watch: bool = False) -> set[str]:
    """The open steps and timers of the case; the watch beside the main path (`workflows.endings`) only if asked."""
    return {
        task.flow_task.name
        for task in Task.objects.filter(
            process__caseprocess__application=application, status__in=[STATUS.NEW, STATUS.ASSIGNED, STATUS.SCHEDULED]
        )
        if with_watch or task.flow_task.name != "watch_case"
    }


def take(application, node: str, user) -> Task:
    task = open_task(application, node)
    if task.owner_id != user.pk:
        task = services.claim_task(task=task, user=user)
    return task


def pass_formal_check(application, officer):
    services.complete_formal_check(task=take(application, "formal_check", officer), user=officer, complete=True)


def take_fingerprints(application, officer):
    services.book_appointment(
        task=take(application, "book_appointment", officer),
        user=officer,
        starts_at=timezone.now() + timedelta(days=7),
        place="ul. Długa 5, sala 12",
    )
    services.record_fingerprints(
        task=take(application, "fingerprints", officer),
        user=officer,
        outcome="taken",
        fingerprints=True,
        signature_specimen=True,
        travel_document_seen=True,
    )


def answer_consultations(application, officer, answers: dict[str, str] | None = None):
    answers = answers or {}
    for node in ("consult_border_guard", "consult_police", "consult_abw", "consult_labour_office"):
        if node in open_nodes(application):
            answer = answers.get(node, "no_objections")
            services.record_consultation(
                task=take(application, node, officer),
                user=officer,
                answer=answer,
                note="Wpis w SIS" if answer == "objections" else "",
            )


def review_and_decide(application, officer, *, proposed="grant", kind="grant", justification="", grounds=None):
    """Review and decide; a grant is for the longest period the law and the request allow (with reasons where that
    is less than was asked, as the law requires of a partial grant); a refusal on the permit's first ground of the
    Act unless `grounds` are given."""
    from workflows.decisions import lawful_period, requested_period
    from workflows.refusal_grounds import grounds_for

    if kind == "refusal" and grounds is None:
        grounds = [ground.key for ground in grounds_for(application)[:1]]

    services.submit_review(
        task=take(application, "review", officer),
        user=officer,
        checklist={"purpose": True},
        notes="",
        proposed=proposed,
    )
    period = lawful_period(application, on=timezone.localdate())
    if kind == "grant" and not justification and period.end != requested_period(application).end:
        justification = "Okres pracy wskazany w załączniku nr 1 jest krótszy niż wnioskowany okres pobytu."
    return services.decide(
        task=take(application, "decide", officer),
        user=officer,
        kind=kind,
        valid_from=period.start,
        valid_to=period.end,
        justification=justification,
        grounds=grounds,
    )


@pytest.fixture
def officer(db):
    return StaffFactory(office="14")


@pytest.fixture
def second_officer(db):
    return StaffFactory(office="14")


@pytest.fixture
def supervisor(db):
    return SupervisorFactory(office="14")


@pytest.fixture
def other_office_officer(db):
    return StaffFactory(office="12")


def staff_login(client, user):
    """Log a staff member in with a verified second factor (the session key django-otp sets after the code)."""
    from django_otp import DEVICE_ID_SESSION_KEY

    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = user.totp_device.persistent_id
    session.save()
    return client


def login_through_pages(client, user):
    """The real pages: e-mail and password, then the current TOTP code."""
    from accounts.second_factor import current_code
    from tests.factories import PASSWORD

    client.post("/accounts/login/", {"email": user.email, "password": PASSWORD})
    response = client.post("/accounts/login/second-factor/", {"token": current_code(user.totp_device)})
    assert response.status_code == 302, response.content[:500]
    return client
