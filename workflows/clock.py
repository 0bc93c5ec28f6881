"""The decision clock on the office side: the same `applications.tracking.decision_clock`, kept on the process.

The applicant's page computes the clock from the timeline each time; the office lists need to filter thousands of
cases by it, so case processing stores the result (`CaseProcess.decision_due_on`) whenever it records an event that
moves the clock. The stored date is always the output of the one function, never computed another way.
"""

from __future__ import annotations

from datetime import date

from applications.case_models import Application
from applications.selectors import case_timeline
from applications.tracking import DecisionClock, decision_clock

from .models import CaseProcess

__all__ = ["clock_of", "refresh_decision_clock"]


def clock_of(application: Application) -> DecisionClock:
    return decision_clock(application, list(case_timeline(application)))


def refresh_decision_clock(application: Application) -> date | None:
    """Recompute the clock after an event that moves it and store its date on the case's process."""
    from .task_index import restamp_deadlines

    due = clock_of(application).due_on
    CaseProcess.objects.filter(application=application).update(decision_due_on=due)
    restamp_deadlines(application)  # the office lists sort the open tasks by this date
    from .endings import move_watch

    move_watch(application)  # the art. 36 task appears 14 days before this date
    return due
