"""Who may see, take and work which task: the office scoping, the roles, and the second pair of eyes."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tests.factories import ApplicantFactory, SupervisorFactory
from workflows import services
from workflows.models import AuditEntry

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


@pytest.fixture
def mazowieckie_case(django_capture_on_commit_callbacks):
    return submit_case(django_capture_on_commit_callbacks, voivodeship="14")


def test_an_officer_of_malopolskie_cannot_see_take_or_work_a_mazowieckie_task(
    client, mazowieckie_case, other_office_officer, officer
):
    task = open_task(mazowieckie_case, "formal_check")
    staff_login(client, other_office_officer)
    assert mazowieckie_case.case_number not in client.get(reverse("workflows:queue")).content.decode()
    assert client.get(reverse("workflows:task", kwargs={"task_id": task.pk})).status_code == 404
    assert client.post(reverse("workflows:task-claim", kwargs={"task_id": task.pk})).status_code == 404
    assert client.get(reverse("workflows:case", kwargs={"case_id": mazowieckie_case.public_id})).status_code == 404
    document_url = reverse(
        "workflows:attachment-download", kwargs={"attachment_id": mazowieckie_case.attachments.first().public_id}
    )
    assert client.get(document_url).status_code == 404
    with pytest.raises(PermissionDenied):
        services.claim_task(task=task, user=other_office_officer)

    # Taken by the Mazowieckie officer, it still cannot be worked from Kraków.
    take(mazowieckie_case, "formal_check", officer)
    url = reverse("workflows:task", kwargs={"task_id": task.pk})
    assert client.post(url, {"complete": "yes"}).status_code == 404
    with pytest.raises(PermissionDenied):
        services.complete_formal_check(task=task, user=other_office_officer, complete=True)


def test_an_officer_cannot_work_a_task_somebody_else_has_taken(client, mazowieckie_case, officer, second_officer):
    take(mazowieckie_case, "formal_check", officer)
    task = open_task(mazowieckie_case, "formal_check")
    staff_login(client, second_officer)
    url = reverse("workflows:task", kwargs={"task_id": task.pk})
    assert client.get(url).status_code == 200  # the same office may read the case
    assert client.post(url, {"complete": "yes"}).status_code == 403
    response = client.post(reverse("workflows:task-claim", kwargs={"task_id": task.pk}))
    assert response.status_code == 302 and response.url == reverse("workflows:queue")


@pytest.mark.parametrize(
    "name", ["workflows:inbox", "workflows:queue", "workflows:office-tasks", "workflows:dashboard", "workflows:cases"]
)
def test_an_applicant_cannot_reach_the_office_pages(client, name):
    client.force_login(ApplicantFactory())
    assert client.get(reverse(name)).status_code == 403


def test_an_applicant_cannot_open_another_applicants_supplement_page_or_an_officer_task(client, mazowieckie_case):
    client.force_login(ApplicantFactory())
    url = reverse("workflows:supplement", kwargs={"case_id": mazowieckie_case.public_id})
    assert client.get(url).status_code == 404
    task = open_task(mazowieckie_case, "formal_check")
    client.force_login(mazowieckie_case.applicant)
    assert client.get(reverse("workflows:task", kwargs={"task_id": task.pk})).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("workflows:inbox"))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_officers_see_no_supervisor_pages_and_approvals_only_reach_supervisors(
    client, mazowieckie_case, officer, supervisor
):
    staff_login(client, officer)
    assert client.get(reverse("workflows:dashboard")).status_code == 403
    pass_formal_check(mazowieckie_case, officer)
    take_fingerprints(mazowieckie_case, officer)
    answer_consultations(mazowieckie_case, officer)
    review_and_decide(mazowieckie_case, officer, proposed="refusal", kind="refusal", justification="Brak dochodu")
    approve = open_task(mazowieckie_case, "approve")
    assert mazowieckie_case.case_number not in client.get(reverse("workflows:queue")).content.decode()
    with pytest.raises(PermissionDenied):
        services.claim_task(task=approve, user=officer)
    staff_login(client, supervisor)
    assert mazowieckie_case.case_number in client.get(reverse("workflows:queue")).content.decode()


def test_a_supervisor_cannot_approve_their_own_proposal(client, mazowieckie_case, officer, supervisor):
    pass_formal_check(mazowieckie_case, supervisor)
    take_fingerprints(mazowieckie_case, officer)
    answer_consultations(mazowieckie_case, officer)
    services.submit_review(
        task=take(mazowieckie_case, "review", supervisor), user=supervisor, checklist={}, notes="", proposed="refusal"
    )
    services.decide(
        task=take(mazowieckie_case, "decide", supervisor),
        user=supervisor,
        kind="refusal",
        justification="Brak dochodu",
        grounds=["art100_1_1"],
    )
    task = take(mazowieckie_case, "approve", supervisor)
    with pytest.raises(PermissionDenied):
        services.approve_decision(task=task, user=supervisor, approved=True)
    staff_login(client, supervisor)
    url = reverse("workflows:task", kwargs={"task_id": task.pk})
    assert "another supervisor must approve it" in client.get(url).content.decode()
    assert client.post(url, {"approved": "yes"}).status_code == 403

    # Another supervisor of the office takes it over (reassigned by the first) and approves.
    other = SupervisorFactory(office="14")
    response = client.post(reverse("workflows:task-reassign", kwargs={"task_id": task.pk}), {"to_user": other.pk})
    assert response.status_code == 302
    services.approve_decision(task=open_task(mazowieckie_case, "approve"), user=other, approved=True)
    assert AuditEntry.objects.filter(action="task.reassigned", user=supervisor).exists()


def test_the_audit_trail_cannot_be_changed_or_deleted(mazowieckie_case, officer):
    take(mazowieckie_case, "formal_check", officer)
    entry = AuditEntry.objects.get(action="task.claimed")
    entry.action = "something else"
    with pytest.raises(ValueError):
        entry.save()
    with pytest.raises(ValueError):
        entry.delete()


def test_the_audit_trail_is_read_only_in_the_admin(client, mazowieckie_case, officer):
    from tests.factories import AdministratorFactory

    take(mazowieckie_case, "formal_check", officer)
    admin = AdministratorFactory()
    staff_login(client, admin)
    entry = AuditEntry.objects.get(action="task.claimed")
    assert client.get(reverse("admin:workflows_auditentry_changelist")).status_code == 200
    assert client.get(reverse("admin:workflows_auditentry_add")).status_code == 403
    assert (
        client.post(reverse("admin:workflows_auditentry_delete", args=[entry.pk]), {"post": "yes"}).status_code == 403
    )
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
