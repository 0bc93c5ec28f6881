"""Background work of applications: the e-mails about case events."""

from __future__ import annotations

from celery import shared_task

from applications.notifications import deliver, is_notified


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
