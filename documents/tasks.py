"""Background rendering: a submission commits first, then this task issues its package and receipt."""

from __future__ import annotations

from celery import shared_task


@shared_task(
    bind=True,
    autoretry_for=(Exception,),
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=5,
    acks_late=True,
    reject_on_worker_lost=True,
)
def render_submission_documents(self, application_id: int) -> dict[str, str]:
    """Issue the application package and the receipt of one case.

    Idempotent: a retry, a redelivery after a worker died (acks late) or a second enqueue finds what was already
    issued and completes only what is missing, so a case never gets two receipts.
    """
    from documents.services import issue_submission_documents

    package, receipt = issue_submission_documents(application_id)
    return {"package": str(package.public_id), "receipt": str(receipt.public_id)}
