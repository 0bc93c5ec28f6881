"""What case processing does when applications announce something (connected in WorkflowsConfig.ready).

Both signals are sent after the applicant's transaction commits, so the process starts (or ends) in its own. A failure
here must not turn the applicant's finished submission into an error page: it is logged, and
`manage.py start_case_processes` starts whatever is missing.
"""

from __future__ import annotations

import logging

from django.dispatch import receiver
from viewflow.workflow.signals import flow_finished, flow_started, task_started

from applications.signals import application_submitted, application_withdrawn
from documents.signals import document_opened

logger = logging.getLogger(__name__)


@receiver(application_submitted, dispatch_uid="workflows.start_case")
def start_case_on_submission(sender, application, **kwargs) -> None:
    from workflows.services import start_case

    try:
        start_case(application)
    except Exception:
        logger.exception("Could not start the process of case %s; run start_case_processes", application.pk)


@receiver(application_withdrawn, dispatch_uid="workflows.discontinue_case")
def discontinue_case_on_withdrawal(sender, application, **kwargs) -> None:
    from workflows.services import discontinue_case

    try:
        discontinue_case(application, user=application.applicant)
    except Exception:
        logger.exception("Could not discontinue the process of withdrawn case %s", application.pk)


@receiver(document_opened, dispatch_uid="workflows.record_letter_opening")
def record_letter_opening(sender, document, user, at, **kwargs) -> None:
    """The applicant's first opening of a letter is its delivery; a failure leaves the later, deemed delivery."""
    from workflows.delivery import record_opening

    try:
        record_opening(document=document, user=user, at=at)
    except Exception:
        logger.exception("Could not record the opening of document %s", document.pk)


@receiver(flow_started, dispatch_uid="workflows.audit_flow_started")
@receiver(flow_finished, dispatch_uid="workflows.audit_flow_finished")
def audit_process(sender, process, task=None, signal=None, **kwargs) -> None:
    """Viewflow's own milestones go into the audit trail too (its task table is the step-by-step history)."""
    from workflows.audit import audit
    from workflows.models import CaseProcess

    case = process if isinstance(process, CaseProcess) else CaseProcess.objects.filter(pk=process.pk).first()
    if case is None:
        return
    action = "process.started" if signal is flow_started else "process.finished"
    audit(
        None,
        action,
        application=case.application,
        obj=case,
        data={"node": task.flow_task.name if task is not None else ""},
    )


@receiver(task_started, dispatch_uid="workflows.close_the_watch_at_the_end")
def close_the_watch_at_the_end(sender, process, task, **kwargs) -> None:
    """A main-path End of a case closes the watch beside it, so the process finishes (`workflows.endings`)."""
    from workflows.endings import on_end_started
    from workflows.flows import ResidencePermitFlow

    if sender is ResidencePermitFlow:
        on_end_started(sender, process, task)
