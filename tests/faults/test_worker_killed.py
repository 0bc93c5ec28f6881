"""A real Celery worker killed with SIGKILL while it renders a case's documents: the next worker finishes the
work, and the case has exactly one application package and one receipt.

Both ways a worker dies: the whole worker (its task is unacknowledged in Redis and handed out again after the
visibility timeout, 5 s here), or only the pool process doing the work (the main process requeues the task:
`reject_on_worker_lost`), each at two moments: while the package renders, and between the package and the receipt.
"""

from __future__ import annotations

import os
import signal

import pytest

from applications.case_models import CaseEvent
from documents.models import Document, DocumentKind
from documents.storage import verify_digest
from tests.faults.helpers import document_kinds, wait_for
from tests.samples import submit_sample

RENDERING = {
    "while the package renders": "rendering the application_package of case",
    "between the package and the receipt": "rendering the receipt of case",
}


@pytest.mark.parametrize("moment", list(RENDERING))
@pytest.mark.parametrize("victim", ["the whole worker", "its pool process"])
def test_a_worker_killed_mid_render_leaves_exactly_one_package_and_one_receipt(stack, victim, moment):
    application = submit_sample()  # queued in Redis after commit; no worker runs yet
    first = stack.worker("first")
    wait_for(f"the worker reached '{moment}'", lambda: RENDERING[moment] in first.output(), 120, 0.01, log=first)
    if victim == "the whole worker":
        first.kill(signal.SIGKILL)
    else:
        (pool_process,) = first.children()
        os.kill(pool_process, signal.SIGKILL)
    issued_before = document_kinds(application)
    assert DocumentKind.RECEIPT not in issued_before, "the render finished before the kill: nothing was tested"

    # After a pool process dies, the worker's main process lives on and forks a new one.
    second = stack.worker("second") if victim == "the whole worker" else first
    wait_for(
        "the next worker issued the receipt",
        lambda: DocumentKind.RECEIPT in document_kinds(application),
        180,
        0.25,
        log=second,
    )
    documents = list(Document.objects.filter(application=application))
    assert sorted(d.kind for d in documents) == [DocumentKind.APPLICATION_PACKAGE, DocumentKind.RECEIPT]
    assert application.events.filter(kind=CaseEvent.Kind.DOCUMENT).count() == 2
    assert all(verify_digest(d.file.name, d.sha256) for d in documents)
    if victim == "its pool process":
        assert "WorkerLostError" in first.output() or "SIGKILL" in first.output(), first.output()[-3000:]
