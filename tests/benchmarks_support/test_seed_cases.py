"""`manage.py seed_cases`: a small seed on the test database shows every voivodeship and stage, with case numbers
that continue the registers, and `--reset` removes exactly what it made."""

from __future__ import annotations

from collections import defaultdict

import pytest
from django.core.management import call_command
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from applications.case_models import Application, ApplicationStatus, CaseEvent, CaseNumberSequence, Draft
from applications.models import Voivodeship
from benchmarks.seed import SEED_DOMAIN, STAGES
from tests.factories import ApplicantFactory
from workflows.models import CaseProcess

pytestmark = pytest.mark.django_db

NOT_SEEDED: set[str] = set()  # every status has a stage: a new status without one fails here


def test_two_hundred_seeded_cases_cover_every_voivodeship_and_stage():
    call_command("seed_cases", "200", stdout=open("/dev/null", "w"))  # noqa: SIM115

    cases = Application.objects.filter(applicant__email__endswith=SEED_DOMAIN)
    assert cases.count() == 200
    assert set(cases.values_list("voivodeship__code", flat=True)) == set(
        Voivodeship.objects.values_list("code", flat=True)
    )
    assert len(set(cases.values_list("voivodeship__code", flat=True))) == 16
    assert set(cases.values_list("status", flat=True)) == {s.status for s in STAGES}
    assert set(ApplicationStatus) - {s.status for s in STAGES} == NOT_SEEDED
    assert CaseProcess.objects.filter(application__in=cases).count() == 200
    open_nodes = {t.flow_task.name for t in Task.objects.filter(status__in=[STATUS.NEW, STATUS.ASSIGNED])}
    assert open_nodes == {node for stage in STAGES for node, _assigned in stage.open}
    assert Task.objects.filter(status=STATUS.ASSIGNED, owner__isnull=True).count() == 0
    assert Task.objects.filter(status=STATUS.NEW, owner__isnull=False).count() == 0
    assert CaseEvent.objects.filter(application__in=cases, kind=CaseEvent.Kind.SUBMITTED).count() == 200
    assert cases.values("surname").distinct().count() > 20
    assert cases.values("travel_document_number").distinct().count() == 200
    case = cases.first()
    assert case.answers["personal"]["surname"] == case.surname
    assert case.answers["travel_document"]["document_series_number"] == case.travel_document_number
    assert case.answers["residence"]["voivodeship"] == case.voivodeship.code


def test_case_numbers_continue_each_register_without_gaps_or_twins():
    ApplicantFactory()  # a real user the reset must leave alone
    call_command("seed_cases", "120", stdout=open("/dev/null", "w"))  # noqa: SIM115
    for register in {n.rsplit("/", 1)[0] for n in Application.objects.values_list("case_number", flat=True)}:
        in_time = list(
            Application.objects.filter(case_number__startswith=f"{register}/")
            .order_by("submitted_at", "id")
            .values_list("case_number", flat=True)
        )
        assert in_time == sorted(in_time)  # within one run, numbers follow the order of submission
    call_command("seed_cases", "80", stdout=open("/dev/null", "w"))  # noqa: SIM115 - a second run continues

    numbers = defaultdict(list)
    for case_number in Application.objects.values_list("case_number", flat=True):
        code, year, value = case_number.split("/")
        numbers[(code, int(year))].append(int(value))
    assert sum(len(v) for v in numbers.values()) == 200
    for sequence in CaseNumberSequence.objects.select_related("voivodeship"):
        values = sorted(numbers[(sequence.voivodeship.code, sequence.year)])
        assert values == list(range(1, sequence.last_value + 1))
    assert {(s.voivodeship.code, s.year) for s in CaseNumberSequence.objects.select_related("voivodeship")} == set(
        numbers
    )

    call_command("seed_cases", "--reset", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Application.objects.count() == 0
    assert Draft.objects.count() == 0
    assert Task.objects.count() == 0
    assert not CaseNumberSequence.objects.exclude(last_value=0).exists()
    from accounts.models import User

    assert User.objects.count() == 1


def test_the_endings_and_the_appeal_are_seeded_as_the_flow_leaves_them():
    """The stages of issues 14 and 15 look as the services make them: the applicant's own tasks are the applicant's,
    the payment is the formal check's officer's, a suspended case's clock stands still and its tasks carry no deadline,
    a case not initiated has its reason, and the cases that ended stand on their End node."""
    from workflows.clock import clock_of
    from workflows.services import APPLICANT_NODES
    from workflows.task_index import DEADLINE_KEY

    call_command("seed_cases", "60", stdout=open("/dev/null", "w"))  # noqa: SIM115
    open_tasks = Task.objects.filter(status__in=[STATUS.NEW, STATUS.ASSIGNED]).select_related("process")
    for task in open_tasks:
        application = CaseProcess.objects.get(pk=task.process_id).application
        if task.flow_task.name in APPLICANT_NODES and task.status == STATUS.ASSIGNED:
            assert task.owner_id == application.applicant_id, task.flow_task.name
        if task.flow_task.name == "payment":
            formal_check = Task.objects.get(process_id=task.process_id, flow_task__endswith=".formal_check")
            assert task.owner_id == formal_check.owner_id
    for suspended in Application.objects.filter(status=ApplicationStatus.SUSPENDED):
        assert clock_of(suspended).suspended_since is not None and clock_of(suspended).due_on is None
        assert all(t.data[DEADLINE_KEY] is None for t in open_tasks if t.process_id == suspended.process.pk)
    for not_initiated in Application.objects.filter(status=ApplicationStatus.REFUSED_TO_INITIATE):
        assert not_initiated.process.initiation_refused_reason and not not_initiated.process.formally_complete
    ends = {
        ApplicationStatus.RETURNED: "end_returned",
        ApplicationStatus.REFUSED_TO_INITIATE: "end_refused_to_initiate",
        ApplicationStatus.REFUSED_FINAL: "end_refused",
    }
    for status, end in ends.items():
        for application in Application.objects.filter(status=status):
            assert application.process.status == "DONE"
            assert {t.flow_task.name for t in application.process.task_set.filter(flow_task_type="END")} == {end}
    final = CaseEvent.objects.filter(kind=CaseEvent.Kind.DECISION_FINAL, application__status="refused_final").first()
    assert final.data["granted"] is False
