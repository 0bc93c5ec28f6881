"""PostgreSQL restarted (`pg_ctl restart -m fast`: every connection cut) while 20 applicants submit at once.

Each submission either completed once or was refused with the "briefly unavailable" page, never half-done; the
refused applicants send the form again once the database is back, as the page tells them, and every draft ends as
exactly one case with its timeline entry, its attachments and its process (the sweep starts a process whose start
after commit was cut off). Case numbers stay gapless: a rolled-back submission gave its number back.
"""

from __future__ import annotations

import threading

from django.db import connections

from applications.case_models import Application, CaseEvent, CaseNumberSequence, Draft, DraftStatus
from tests.faults.helpers import applicant_client, sign_form, submitted_to_case_page, wait_for
from tests.samples import ready_draft
from workflows.models import CaseProcess
from workflows.tasks import sweep_case_processes

APPLICANTS = 20
REFUSAL = b"The service is briefly unavailable"


def test_applicants_submitting_while_postgresql_restarts_are_each_submitted_once_or_refused(stack, private_postgres):
    drafts = [ready_draft() for _ in range(APPLICANTS)]
    forms = []
    for draft in drafts:
        client = applicant_client(draft.applicant)
        forms.append((client, *sign_form(client, draft)))
    connections.close_all()
    start = threading.Barrier(APPLICANTS + 1)
    outcomes: dict[int, list[str]] = {i: [] for i in range(APPLICANTS)}

    def applicant(number: int) -> None:
        client, url, form = forms[number]
        start.wait()
        try:
            for _attempt in range(6):
                response = client.post(url, form)
                if submitted_to_case_page(response):
                    outcomes[number].append("submitted")
                    return
                refused = response.status_code == 503 and REFUSAL in response.content
                outcomes[number].append("refused" if refused else f"{response.status_code}: {response.content[:300]}")
                if not refused:
                    return
                wait_for("PostgreSQL is back", private_postgres.is_up, 60, 0.2)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=applicant, args=(n,)) for n in range(APPLICANTS)]
    for thread in threads:
        thread.start()
    start.wait()
    count_sql = "SELECT count(*) FROM applications_application"
    database = stack.database_url.rsplit("/", 1)[1]
    wait_for("a first submission", lambda: private_postgres.execute(count_sql, database)[0][0] >= 1, 120, 0.02)
    private_postgres.restart()
    for thread in threads:
        thread.join(timeout=300)

    unexpected = {n: o for n, o in outcomes.items() if o[-1:] != ["submitted"] or set(o[:-1]) - {"refused"}}
    assert not unexpected, unexpected
    refused = sum(o.count("refused") for o in outcomes.values())
    assert refused >= 1, "the restart refused nobody: it came between submissions, nothing was tested"
    started_by_sweep = sweep_case_processes.run(0)
    applications = Application.objects.filter(draft__in=drafts)
    assert applications.count() == APPLICANTS
    assert Draft.objects.filter(pk__in=[d.pk for d in drafts], status=DraftStatus.SUBMITTED).count() == APPLICANTS
    for application in applications:
        assert application.events.filter(kind=CaseEvent.Kind.SUBMITTED).count() == 1
        assert application.attachments.count() == application.draft.attachments.count() > 0
        assert CaseProcess.objects.filter(application=application).count() == 1
    numbers = sorted(int(a.case_number.rsplit("/", 1)[1]) for a in applications)
    assert numbers == list(range(1, APPLICANTS + 1))
    assert CaseNumberSequence.objects.get(voivodeship__code="14").last_value == APPLICANTS
    print(f"{refused} refusal(s) during the restart; {started_by_sweep} process(es) started by the sweep")
