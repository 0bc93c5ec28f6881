"""Delivering official letters, and the deadlines that run from delivery.

A letter is delivered through a `DeliveryChannel`. The working default is the applicant's account (`AccountDelivery`):
the letter is made available there, it is delivered when the addressee first opens it, and deemed delivered at the end
of the 14th day after it was made available if it never is. The public e-delivery service is a seam
(`EDoreczeniaDelivery`): a deployment that has an e-Doręczenia client subclasses it and names it in
`settings.DELIVERY_CHANNEL`; its deemed delivery follows art. 42 ust. 2 of the e-delivery act (the day after 14 days).

A deadline that runs from a delivery not yet made is set at its latest possible moment (deemed delivery plus the
period), and the Viewflow timer with it; opening the letter moves both earlier (`record_opening`). The timer is
Viewflow's own boundary row (`Task.scheduled`), so the dispatcher fires it at the exact moment either way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from applications.case_models import CaseEvent
from applications.services import move_event_deadline, record_event
from documents.models import Document

from .audit import audit
from .deadlines import END_OF_DAY, POLISH_TIME, last_moment, polish_day
from .models import AppealPeriod, Delivery, EvidenceRequest, PaymentRequest, SupplementRequest

__all__ = [
    "AccountDelivery",
    "DeliveryChannel",
    "EDoreczeniaDelivery",
    "channel",
    "deadline_from",
    "deliver_letter",
    "record_opening",
]

#: Days after which a letter made available and never opened is deemed delivered.
DEEMED_AFTER_DAYS = 14


class DeliveryChannel:
    """How a letter reaches the addressee, and when it counts as delivered if it is never opened."""

    name: str = ""

    def send(self, delivery: Delivery) -> None:
        """Hand the letter to the channel (the row is saved; `external_id` may be set here)."""
        raise NotImplementedError

    def deemed_delivered_at(self, made_available_at: datetime) -> datetime:
        raise NotImplementedError


class AccountDelivery(DeliveryChannel):
    """The letter is in the applicant's account as soon as it is issued (its document and timeline line)."""

    name = Delivery.Channel.ACCOUNT

    def send(self, delivery: Delivery) -> None:
        """Nothing to hand over: the issued document is already listed in the account."""

    def deemed_delivered_at(self, made_available_at: datetime) -> datetime:
        day = polish_day(made_available_at) + timedelta(days=DEEMED_AFTER_DAYS)
        return datetime.combine(day, END_OF_DAY, tzinfo=POLISH_TIME)


class EDoreczeniaDelivery(DeliveryChannel):
    """The seam for the public e-delivery service: subclass with a client that sends and reports the opening.

    Deemed delivery is "the day following the lapse of 14 days" from the day the letter reached the address
    (art. 42 ust. 2 of the Act of 18 November 2020 on electronic delivery), so the deadline counts from that day.
    """

    name = Delivery.Channel.E_DORECZENIA

    def send(self, delivery: Delivery) -> None:
        raise ImproperlyConfigured("e-Doręczenia needs a deployment's client: subclass EDoreczeniaDelivery.send")

    def deemed_delivered_at(self, made_available_at: datetime) -> datetime:
        day = polish_day(made_available_at) + timedelta(days=DEEMED_AFTER_DAYS + 1)
        return datetime.combine(day, datetime.min.time(), tzinfo=POLISH_TIME)


def channel() -> DeliveryChannel:
    path = getattr(settings, "DELIVERY_CHANNEL", "workflows.delivery.AccountDelivery")
    return import_string(path)()


def deliver_letter(document: Document, *, at: datetime | None = None) -> Delivery:
    """Make `document` available to its addressee through the configured channel and record it."""
    via = channel()
    at = at or timezone.now()
    delivery = Delivery.objects.create(
        document=document,
        application=document.application,
        channel=via.name,
        made_available_at=at,
        deemed_delivered_at=via.deemed_delivered_at(at),
    )
    via.send(delivery)
    if delivery.external_id:
        delivery.save(update_fields=["external_id"])
    return delivery


def deadline_from(delivery: Delivery, days: int) -> datetime:
    """The last moment of a `days`-day deadline running from this letter's delivery (its latest while unopened)."""
    return last_moment(delivery.counts_from, days)


@dataclass(frozen=True)
class CallWithTimer:
    """A kind of call whose deadline runs from its letter: its model, the step's boundary timer, its timeline kind."""

    model: type
    timer_node: str
    event_kind: str


CALLS_WITH_TIMERS: list[CallWithTimer] = [
    CallWithTimer(SupplementRequest, "supplement__timeout", CaseEvent.Kind.CALL_TO_SUPPLEMENT),
    CallWithTimer(EvidenceRequest, "evidence__timeout", CaseEvent.Kind.CALL_FOR_EVIDENCE),
    # The 14 days for an appeal run from the delivery of the decision (art. 129 § 2 k.p.a.).
    CallWithTimer(AppealPeriod, "appeal_period__timeout", CaseEvent.Kind.DECISION),
    CallWithTimer(PaymentRequest, "payment__timeout", CaseEvent.Kind.CALL_TO_PAY),
]


def record_opening(*, document: Document, user, at: datetime | None = None) -> Delivery | None:
    """The addressee opened the letter in the account: the first opening before deemed delivery is the delivery.

    Every open call running from it gets its exact deadline, its timer is moved to that moment and the applicant's
    timeline says from which day it runs. Later openings (or openings by anybody else) change nothing. While the
    proceedings are suspended the opening is recorded as the delivery and nothing else moves until the resumption.
    """
    at = at or timezone.now()
    with transaction.atomic():
        delivery = Delivery.objects.select_for_update().filter(document=document).first()
        if delivery is None or delivery.opened_at is not None or user.pk != document.application.applicant_id:
            return delivery
        delivery.opened_at, delivery.opened_by = at, user
        delivery.save(update_fields=["opened_at", "opened_by"])
        audit(user, "letter.opened", application=document.application, obj=document)
        # While the proceedings are suspended no deadline runs (art. 103 k.p.a.): the opening is the delivery, but the
        # held calls keep their held timers; the resumption gives them their deadline (`release_call_deadlines`).
        held = _is_suspended(document.application)
        deadline = _move_deadlines(delivery) if delivery.was_opened_in_time and not held else None
        data = {"title": document.title, "opened_on": polish_day(at).isoformat()}
        if deadline is not None:
            data["deadline"] = polish_day(deadline).isoformat()
        record_event(document.application, CaseEvent.Kind.LETTER_OPENED, data=data)
    return delivery


def _is_suspended(application) -> bool:
    from .endings import current_suspension

    return current_suspension(application) is not None


def _move_deadlines(delivery: Delivery) -> datetime | None:
    """Give the open calls of this letter their exact deadline, on the call, its timer and its timeline line."""
    application, moved = delivery.application, None
    for kind in CALLS_WITH_TIMERS:
        for call in kind.model.objects.filter(delivery=delivery, answered_at__isnull=True, expired_at__isnull=True):
            moved = call.deadline = deadline_from(delivery, call.days)
            call.save(update_fields=["deadline"])
            for timer in Task.objects.filter(
                process__caseprocess__application=application, flow_task_type="TIMER", status=STATUS.SCHEDULED
            ):
                if timer.flow_task.name == kind.timer_node:
                    timer.scheduled = call.deadline
                    timer.save(update_fields=["scheduled"])
            move_event_deadline(application, kind.event_kind, due_at=call.deadline)
    if moved is not None:
        from .task_index import restamp_deadlines

        restamp_deadlines(application)  # the office lists sort by the deadline that just became exact
    return moved
