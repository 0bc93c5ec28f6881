"""When a decision becomes final (ostateczna), and what the applicant must know then.

A first-instance decision is final when the 14 days for an appeal (art. 129 § 2 k.p.a.) run out without one, counted
from its delivery like every deadline (`workflows.delivery`); on the day the applicant waives the appeal in the account
(art. 127a); or with the decision of the Head of the Office for Foreigners on the appeal. The legal stay of art. 108
lasts until then, so the certificate of legal stay lapses here. After a final refusal the foreigner must leave Poland
within 30 days (art. 299 ust. 6 pkt 1 of the Act on Foreigners): from the day the voivode's decision became final, or
from the delivery of the second instance's decision.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from applications.case_models import Application, ApplicationStatus, CaseEvent, DocumentKind
from applications.services import record_event, set_status
from documents.models import LapseReason

from .audit import audit
from .certificates import lapse_legal_stay_certificate
from .deadlines import polish_day
from .delivery import deadline_from
from .models import AppealPeriod, Decision, DecisionKind, Delivery, Finality

__all__ = [
    "APPEAL_DAYS",
    "LEAVE_DAYS",
    "appeal_deadline",
    "final_on_waiver",
    "final_without_appeal",
    "last_day_for_appeal",
    "leave_by",
    "mark_decision_final",
    "open_appeal_period",
    "open_period_of",
]

#: Art. 129 § 2 k.p.a.: an appeal is filed within 14 days of the delivery of the decision.
APPEAL_DAYS = 14
#: Art. 299 ust. 6 pkt 1 of the Act on Foreigners: 30 days to leave after a final refusal.
LEAVE_DAYS = 30


def open_period_of(application: Application) -> AppealPeriod | None:
    """The appeal period that is still running (no appeal, no waiver, not expired), if any."""
    return AppealPeriod.objects.filter(
        application=application, answered_at__isnull=True, expired_at__isnull=True
    ).first()


def last_day_for_appeal(period: AppealPeriod) -> date:
    return polish_day(period.deadline)


def leave_by(*, final_on: date) -> date:
    """The last day of the 30 days to leave Poland that run from `final_on` (the day itself is not counted)."""
    return final_on + timedelta(days=LEAVE_DAYS)


def mark_decision_final(
    application: Application,
    *,
    on: date,
    reason: str,
    decision: Decision | None = None,
    user=None,
    leave_from: date | None = None,
) -> Finality:
    """Record that the case's decision became final on `on`, once; the legal stay of art. 108 ends with it.

    The case shows "granted, final" or "refused, final"; after a refusal the timeline says by when to leave Poland
    (30 days from `leave_from`, by default from `on`).
    """
    decision = decision or Decision.objects.filter(application=application).first()
    with transaction.atomic():
        existing = Finality.objects.filter(application=application).first()
        if existing is not None:
            return existing
        granted = decision.kind == DecisionKind.GRANT
        finality = Finality.objects.create(
            application=application,
            decision=decision,
            final_on=on,
            reason=Finality.Reason(reason),
            granted=granted,
            leave_by=None if granted else leave_by(final_on=leave_from or on),
        )
        set_status(application, ApplicationStatus.GRANTED_FINAL if granted else ApplicationStatus.REFUSED_FINAL)
        data = {"granted": granted, "final_on": on.isoformat(), "reason": finality.reason}
        if finality.leave_by:
            data["leave_by"] = finality.leave_by.isoformat()
        if granted and decision.indefinite:
            data["indefinite"] = True
        record_event(application, CaseEvent.Kind.DECISION_FINAL, data=data)
        lapse_legal_stay_certificate(application, reason=LapseReason.FINAL_DECISION)
        audit(user, "decision.final", application=application, obj=decision, data=data)
    return finality


# --- The flow's steps --------------------------------------------------------------------------------------------


def _decision_delivery(application: Application) -> Delivery:
    return Delivery.objects.filter(application=application, document__kind=DocumentKind.DECISION).order_by("-pk")[0]


def open_appeal_period(activation) -> None:
    """The decision was delivered (made available): its 14 days for an appeal run from delivery."""
    application = activation.process.application
    decision = Decision.objects.filter(application=application).first()
    delivery = _decision_delivery(application)
    period = AppealPeriod.objects.create(
        application=application,
        decision=decision,
        delivery=delivery,
        days=APPEAL_DAYS,
        deadline=deadline_from(delivery, APPEAL_DAYS),
    )
    from applications.services import move_event_deadline

    from .appeals import action_url

    event = move_event_deadline(application, CaseEvent.Kind.DECISION, due_at=period.deadline)
    if event is not None:  # the applicant appeals or waives from the decision's line of the timeline
        event.action_url = action_url(application)
        event.save(update_fields=["action_url"])


def appeal_deadline(activation):
    """The timer of the appeal period: the last moment for an appeal (moved when the decision letter is opened)."""
    period = open_period_of(activation.process.application)
    return period.deadline if period else timezone.now()


def final_without_appeal(activation) -> None:
    """No appeal by the last day: the decision is final from the next day."""
    application = activation.process.application
    period = open_period_of(application)
    if period is None:
        return
    period.expired_at = timezone.now()
    period.save(update_fields=["expired_at"])
    on = last_day_for_appeal(period) + timedelta(days=1)
    mark_decision_final(application, on=on, reason=Finality.Reason.NO_APPEAL, decision=period.decision)


def final_on_waiver(activation) -> None:
    """The applicant waived the appeal in the account: the decision is final that day (art. 127a § 2 k.p.a.)."""
    application = activation.process.application
    period = AppealPeriod.objects.filter(application=application, waived_at__isnull=False).first()
    mark_decision_final(
        application, on=polish_day(period.waived_at), reason=Finality.Reason.WAIVER, decision=period.decision
    )
