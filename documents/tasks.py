"""Background rendering: a submission commits first, then this task issues its package and receipt."""

from __future__ import annotations

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.utils import timezone

logger = logging.getLogger(__name__)


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


@shared_task(name="documents.sweep_submission_documents")
def sweep_submission_documents(grace_seconds: int | None = None) -> int:
    """Enqueue the rendering again for every case submitted more than `grace_seconds` ago (SWEEP_GRACE_SECONDS)
    that has no receipt yet: its enqueue failed (broker down), its task was lost with Redis, or its render failed
    past the retries (S3 down). The task is idempotent, so a case that was merely slow is not issued twice.

    Returns how many cases were enqueued; stops (logged) when the broker refuses, the next sweep tries again.
    """
    from documents.selectors import cases_awaiting_receipt

    grace = settings.SWEEP_GRACE_SECONDS if grace_seconds is None else grace_seconds
    cutoff = timezone.now() - timedelta(seconds=grace)
    ids = list(
        cases_awaiting_receipt(submitted_before=cutoff).values_list("pk", flat=True)[: settings.SWEEP_BATCH_SIZE]
    )
    for count, application_id in enumerate(ids):
        try:
            render_submission_documents.delay(application_id)
        except Exception:
            logger.warning("sweep: the broker refused; %d of %d case(s) enqueued", count, len(ids), exc_info=True)
            return count
    if ids:
        logger.info("sweep: %d case(s) without a receipt enqueued for rendering", len(ids))
    return len(ids)
