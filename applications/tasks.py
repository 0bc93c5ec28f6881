"""Background work of applications: the e-mails about case events."""

from __future__ import annotations

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from applications.notifications import deliver, is_notified

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
def send_event_notification(self, event_id: int) -> str | None:
    """Send the e-mail about one case event; idempotent (see `applications.notifications.deliver`)."""
    log = deliver(event_id)
    return log.status if log else None


def enqueue(event) -> None:
    """Queue the e-mail about a new event (called after commit by `services.record_event`).

    Here rather than in `notifications`, so the task module depends on the notifications and never the reverse.
    """
    if is_notified(event):
        send_event_notification.delay(event.pk)


@shared_task(name="applications.sweep_event_notifications")
def sweep_event_notifications(grace_seconds: int | None = None) -> int:
    """Enqueue the e-mail again for events older than `grace_seconds` (SWEEP_GRACE_SECONDS) and younger than
    SWEEP_NOTIFICATION_WINDOW_HOURS that have no e-mail record; `deliver` sends at most one per event."""
    from applications.notifications import events_awaiting_notification

    now = timezone.now()
    grace = settings.SWEEP_GRACE_SECONDS if grace_seconds is None else grace_seconds
    events = events_awaiting_notification(
        created_before=now - timedelta(seconds=grace),
        created_after=now - timedelta(hours=settings.SWEEP_NOTIFICATION_WINDOW_HOURS),
    )
    ids = list(events.values_list("pk", flat=True)[: settings.SWEEP_BATCH_SIZE])
    for count, event_id in enumerate(ids):
        try:
            send_event_notification.delay(event_id)
        except Exception:
            logger.warning("sweep: the broker refused; %d of %d e-mail(s) enqueued", count, len(ids), exc_info=True)
            return count
    if ids:
        logger.info("sweep: %d e-mail(s) without a record enqueued", len(ids))
    return len(ids)
