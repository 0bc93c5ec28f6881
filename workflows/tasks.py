"""Deadlines: Viewflow's database timers fired from Celery beat (or cron: `manage.py workflow_timers`)."""

from __future__ import annotations

import logging

from celery import shared_task
from django.conf import settings

logger = logging.getLogger(__name__)

BEAT_ENTRY = "workflows.fire_workflow_timers"


@shared_task(name=BEAT_ENTRY, ignore_result=True)
def fire_workflow_timers() -> int:
    """Fire every due timer (a call to supplement or a consultation past its deadline).

    Safe to run twice at once: each timer is re-checked under its process's row lock, so it fires once.
    """
    from viewflow.workflow.timers import fire_due_timers

    return fire_due_timers()


@shared_task(name="workflows.sweep_case_processes")
def sweep_case_processes(grace_seconds: int | None = None) -> int:
    """Start the process of every case submitted more than `grace_seconds` ago (SWEEP_GRACE_SECONDS) that has
    none: the submission committed but the start after commit never ran or failed (the database went away in
    between). `start_case` finds a process that exists, so a repeat starts nothing twice."""
    from datetime import timedelta

    from django.utils import timezone

    from applications.case_models import Application, ApplicationStatus
    from workflows.services import start_case

    grace = settings.SWEEP_GRACE_SECONDS if grace_seconds is None else grace_seconds
    missing = Application.objects.filter(
        process__isnull=True,
        status=ApplicationStatus.SUBMITTED,
        submitted_at__lte=timezone.now() - timedelta(seconds=grace),
    ).order_by("submitted_at")
    started = 0
    for application in missing[: settings.SWEEP_BATCH_SIZE]:
        try:
            start_case(application)
        except Exception:  # one case that cannot start must not hold up the others
            logger.exception("sweep: could not start the process of case %s", application.case_number)
        else:
            started += 1
    return started


def install_beat_schedule() -> None:
    """Add the timer sweep to Celery beat (every `WORKFLOW_TIMERS_INTERVAL` seconds, 60 by default)."""
    from mos.celery import app

    schedule = dict(app.conf.beat_schedule or {})
    schedule.setdefault(
        BEAT_ENTRY, {"task": BEAT_ENTRY, "schedule": float(getattr(settings, "WORKFLOW_TIMERS_INTERVAL", 60))}
    )
    app.conf.beat_schedule = schedule
