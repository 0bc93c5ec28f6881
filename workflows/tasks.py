"""Deadlines: Viewflow's database timers fired from Celery beat (or cron: `manage.py workflow_timers`)."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings

BEAT_ENTRY = "workflows.fire_workflow_timers"


@shared_task(name=BEAT_ENTRY, ignore_result=True)
def fire_workflow_timers() -> int:
    """Fire every due timer (a call to supplement or a consultation past its deadline).

    Safe to run twice at once: each timer is re-checked under its process's row lock, so it fires once.
    """
    from viewflow.workflow.timers import fire_due_timers

    return fire_due_timers()


def install_beat_schedule() -> None:
    """Add the timer sweep to Celery beat (every `WORKFLOW_TIMERS_INTERVAL` seconds, 60 by default)."""
    from mos.celery import app

    schedule = dict(app.conf.beat_schedule or {})
    schedule.setdefault(
        BEAT_ENTRY, {"task": BEAT_ENTRY, "schedule": float(getattr(settings, "WORKFLOW_TIMERS_INTERVAL", 60))}
    )
    app.conf.beat_schedule = schedule
