"""The other endings of a case and the steps around them (issues 14 and 15):

- the stamp duty (art. 261 k.p.a.): recorded at the formal check; unpaid, a call to pay of 7 to 14 days from delivery;
  the deadline passing unpaid **returns** the application (zwrot podania: its own letter and status, not a decision);
- the refusal to initiate proceedings (art. 61a k.p.a.), with its own order;
- one letter for several calls (art. 106e ust. 2 of the Act on Foreigners): every open call not yet sent goes out in
  one PDF with one delivery, each keeping its own period from that delivery;
- the case's watch (a Viewflow timer beside the main path): it fires when the decision clock is 14 days from its date
  (an officer's art. 36 k.p.a. task) or when the applicant asks to suspend (art. 98 k.p.a.); while suspended the
  clock stands still, a request to resume starts it again less the suspended days, and after 3 years the proceedings
  are discontinued.

The flow's nodes call the functions here (`workflows.flows`); officer and applicant actions are at the end.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from applications.case_models import Application, ApplicationStatus, CaseEvent
from applications.services import record_event, set_status
from applications.tracking import add_period
from documents.models import LapseReason
from formdefs.api import fees_for

from . import letters
from .audit import audit
from .certificates import lapse_legal_stay_certificate
from .clock import clock_of, refresh_decision_clock
from .deadlines import POLISH_TIME, DeadlineKind, polish_day
from .delivery import deadline_from, deliver_letter
from .ending_letters import (
    CallPart,
    call_to_pay_letter,
    combined_call_letter,
    delay_notice_letter,
    discontinuance_after_suspension_letter,
    refusal_to_initiate_letter,
    resumption_letter,
    return_letter,
    suspension_letter,
    suspension_refusal_letter,
)
from .models import Appointment, CaseProcess, EvidenceRequest, PaymentRequest, SupplementRequest, Suspension

# --- The stamp duty ----------------------------------------------------------------------------------------------


def stamp_duty_for(application: Application) -> Decimal:
    """The stamp duty for the permit and purpose asked for, after the exemptions, from the forms' fee table
    (`formdefs/definitions/_fees.json`); a form without fees (an annex) costs nothing."""
    fees = fees_for(application.definition.slug, application.answers or {})
    return fees.stamp_duty if fees is not None else Decimal(0)


def _application(activation) -> Application:
    return Application.objects.select_related("office", "definition", "voivodeship", "applicant").get(
        pk=activation.process.application_id
    )


def open_payment(application_id: int) -> PaymentRequest | None:
    return PaymentRequest.objects.filter(
        application_id=application_id, answered_at__isnull=True, expired_at__isnull=True
    ).first()


def payment_requested(activation) -> bool:
    return open_payment(activation.process.application_id) is not None


def send_call_to_pay(activation) -> None:
    application = _application(activation)
    request = open_payment(application.pk)
    if request.delivery_id is None:
        send_open_calls(application)
        request.refresh_from_db()
    set_status(application, ApplicationStatus.AWAITING_PAYMENT)
    # The other calls of the same letter run from its delivery: they are on the case page, to be answered, from now.
    from .steps import announce_call_for_evidence, announce_call_to_supplement

    if request.delivery_id is not None:
        for call in SupplementRequest.objects.filter(application=application, delivery_id=request.delivery_id):
            announce_call_to_supplement(application, call)
        for call in EvidenceRequest.objects.filter(application=application, delivery_id=request.delivery_id):
            announce_call_for_evidence(application, call)
    record_event(
        application,
        CaseEvent.Kind.CALL_TO_PAY,
        data={
            "deadline": polish_day(request.deadline).isoformat(),
            "days": request.days,
            "amount": str(request.amount),
        },
        due_at=request.deadline,
    )


def supplement_answered_early(activation) -> bool:
    """The supplement asked for in the same letter as the payment was given while the office recorded the payment
    (`supplements.answerable_before_its_step`): it goes to the formal check again instead of waiting a second time."""
    application_id = activation.process.application_id
    payment = PaymentRequest.objects.filter(application_id=application_id).order_by("-pk").first()
    if payment is None or payment.delivery_id is None:
        return False
    return SupplementRequest.objects.filter(
        application_id=application_id, delivery_id=payment.delivery_id, answered_at__isnull=False
    ).exists()


def payment_deadline(activation) -> datetime:
    request = open_payment(activation.process.application_id)
    return request.deadline if request else timezone.now()


def return_application(activation) -> None:
    """The call to pay expired unpaid: the application is returned (art. 261 § 2 k.p.a.), with its own letter."""
    application = _application(activation)
    request = open_payment(application.pk)
    request.expired_at = timezone.now()
    request.save(update_fields=["expired_at"])
    SupplementRequest.objects.filter(application=application, answered_at__isnull=True, expired_at__isnull=True).update(
        expired_at=timezone.now()
    )
    deliver_letter(letters.issue(application, return_letter(application, amount=request.amount)))
    set_status(application, ApplicationStatus.RETURNED)
    record_event(application, CaseEvent.Kind.RETURNED, data={"amount": str(request.amount)})
    lapse_legal_stay_certificate(application, reason=LapseReason.CASE_ENDED)
    audit(None, "case.returned_unpaid", application=application, obj=request)


# --- Refusal to initiate (art. 61a k.p.a.) -------------------------------------------------------------------------


def initiation_refused(activation) -> bool:
    return bool(activation.process.initiation_refused_reason)


def refuse_to_initiate(activation) -> None:
    application = _application(activation)
    officer = _last_officer(activation.process)
    letter = refusal_to_initiate_letter(
        application, reason=activation.process.initiation_refused_reason, officer=officer
    )
    deliver_letter(letters.issue(application, letter))
    set_status(application, ApplicationStatus.REFUSED_TO_INITIATE)
    record_event(application, CaseEvent.Kind.REFUSED_TO_INITIATE)
    audit(None, "case.refused_to_initiate", application=application)


def _last_officer(process: CaseProcess):
    done = process.task_set.filter(status=STATUS.DONE, owner__staff_membership__isnull=False).order_by("-finished")
    task = done.select_related("owner").first()
    return task.owner if task else None


# --- One letter for several calls (art. 106e ust. 2) -----------------------------------------------------------


def _undelivered_calls(application: Application) -> list:
    open_ = {
        "application": application,
        "delivery__isnull": True,
        "answered_at__isnull": True,
        "expired_at__isnull": True,
    }
    calls: list = []
    calls += list(SupplementRequest.objects.filter(**open_))
    calls += list(EvidenceRequest.objects.filter(**open_))
    calls += list(PaymentRequest.objects.filter(**open_))
    calls += list(
        Appointment.objects.filter(
            application=application, delivery__isnull=True, outcome="", starts_at__gt=timezone.now()
        )
    )
    return calls


def part_of(call) -> CallPart:
    if isinstance(call, SupplementRequest):
        return CallPart(DeadlineKind.CALL_TO_SUPPLEMENT, tuple(call.defects), call.days)
    if isinstance(call, EvidenceRequest):
        return CallPart(DeadlineKind.CALL_FOR_EVIDENCE, tuple(call.items), call.days)
    if isinstance(call, PaymentRequest):
        return CallPart(DeadlineKind.CALL_TO_PAY, (), call.days, amount=call.amount)
    return CallPart(DeadlineKind.SUMMONS, appointment_at=call.starts_at, place=call.place)


def letter_of_calls(application: Application, calls: list, officer=None) -> letters.Letter:
    """The letter that carries these calls: the kind's own letter for one, the combined letter for several."""
    if len(calls) == 1:
        call = calls[0]
        if isinstance(call, SupplementRequest):
            return letters.call_to_supplement_letter(application, call)
        if isinstance(call, EvidenceRequest):
            return letters.call_for_evidence_letter(application, call)
        if isinstance(call, PaymentRequest):
            return call_to_pay_letter(application, amount=call.amount, days=call.days, officer=call.requested_by)
        return letters.summons_letter(application, call)
    officer = officer or next((getattr(c, "requested_by", None) for c in calls if hasattr(c, "requested_by")), None)
    return combined_call_letter(application, [part_of(call) for call in calls], officer=officer)


def send_open_calls(application: Application):
    """Issue every open call not yet sent in one letter with one delivery; each deadline runs from that delivery."""
    calls = _undelivered_calls(application)
    if not calls:
        return None
    delivery = deliver_letter(letters.issue(application, letter_of_calls(application, calls)))
    for call in calls:
        call.delivery = delivery
        if isinstance(call, Appointment):
            call.save(update_fields=["delivery"])
        else:
            call.deadline = deadline_from(delivery, call.days)
            call.save(update_fields=["delivery", "deadline"])
    return delivery


# --- The watch beside the main path: art. 36 and suspension ---------------------------------------------------------

#: The art. 36 task appears this many days before the decision clock's date (the dashboard's "due soon" too).
DELAY_NOTICE_DAYS_BEFORE = 14
#: With no clock running (or suspended), the watch looks again after this long (its timer also moves on every change).
WATCH_RECHECK = timedelta(days=365)
#: Art. 98 § 2 k.p.a.: three years suspended without a request to resume ends the proceedings.
SUSPENSION_YEARS = 3
WATCH_NODE, END_WATCH_NODE = "watch_case", "end_watch"


def watch_moment(application: Application) -> datetime:
    """When the watch next fires: a suspension request now, else 14 days before the clock's date."""
    if open_suspension_request(application) is not None:
        return timezone.now()
    clock = clock_of(application)
    if clock.due_on is None:
        return timezone.now() + WATCH_RECHECK
    day = clock.due_on - timedelta(days=DELAY_NOTICE_DAYS_BEFORE)
    if _notice_sent_for(application, clock.due_on):
        day = clock.due_on + timedelta(days=1)  # the notice named this date: look again if it is missed too
    return max(datetime.combine(day, time.min, tzinfo=POLISH_TIME), timezone.now())


def next_watch_moment(activation) -> datetime:
    return watch_moment(_application(activation))


def move_watch(application: Application) -> None:
    """Move the watch's timer after the clock or a request changed (the dispatcher fires it at the exact moment).

    A case started before the watch existed gets it now, once (`arm_watch`)."""
    watched = False
    for timer in Task.objects.filter(process__caseprocess__application=application, flow_task_type="TIMER"):
        if timer.flow_task.name != WATCH_NODE:
            continue
        watched = True
        if timer.status == STATUS.SCHEDULED:
            timer.scheduled = watch_moment(application)
            timer.save(update_fields=["scheduled"])
    if not watched:
        arm_watch(application)


def arm_watch(application: Application) -> Task | None:
    """Start the watch beside the main path of a running case that never had one (a case from before it existed)."""
    from viewflow.workflow.status import PROCESS

    from .flows import ResidencePermitFlow

    process = CaseProcess.objects.filter(application=application).first()
    if process is None or process.status in (PROCESS.DONE, PROCESS.CANCELED):
        return None
    start = process.task_set.filter(flow_task=ResidencePermitFlow.start).first()
    if start is None:
        return None
    node = ResidencePermitFlow.watch_case
    activation = node.activation_class.create(node, start.flow_task.activation_class(start), start.token)
    activation.activate()
    return activation.task


def _notice_sent_for(application: Application, due_on: date) -> bool:
    return application.events.filter(
        kind=CaseEvent.Kind.DELAY_NOTICE, data__new_decision_date=due_on.isoformat()
    ).exists()


def case_has_ended(activation) -> bool:
    from .flows import ResidencePermitFlow  # noqa: F401 - the end nodes are the flow's

    return activation.process.application.status in ENDED_STATUSES


ENDED_STATUSES = frozenset(
    {
        ApplicationStatus.DECISION_ISSUED,
        ApplicationStatus.LEFT_UNEXAMINED,
        ApplicationStatus.DISCONTINUED,
        ApplicationStatus.WITHDRAWN,
        ApplicationStatus.CLOSED,
        ApplicationStatus.RETURNED,
        ApplicationStatus.REFUSED_TO_INITIATE,
        # After the first-instance decision (issue 15): the appeal and finality are not the first instance's clock.
        ApplicationStatus.APPEAL_FILED,
        ApplicationStatus.APPEAL_AT_SECOND_INSTANCE,
        ApplicationStatus.GRANTED_FINAL,
        ApplicationStatus.REFUSED_FINAL,
    }
)


def suspension_requested(activation) -> bool:
    return open_suspension_request(activation.process.application) is not None


def delay_notice_due(activation) -> bool:
    """14 days before the clock's date, unless a notice already named that date; and once a named date has passed
    without a decision, again (art. 36 § 1 k.p.a.: every time the case is not decided in time)."""
    application = activation.process.application
    clock = clock_of(application)
    if clock.due_on is None:
        return False
    today = polish_day(timezone.now())
    if _notice_sent_for(application, clock.due_on):
        return today > clock.due_on
    return today >= clock.due_on - timedelta(days=DELAY_NOTICE_DAYS_BEFORE)


def open_delay_notice_task(application: Application) -> Task | None:
    """The watch's art. 36 task of this case while it waits for an officer (the case page then sends there)."""
    return Task.objects.filter(
        process__caseprocess__application=application,
        flow_task__endswith=".delay_notice",
        status__in=[STATUS.NEW, STATUS.ASSIGNED],
    ).first()


def open_suspension_request(application: Application) -> Suspension | None:
    return application.suspensions.filter(decided_at__isnull=True).first()


def current_suspension(application: Application) -> Suspension | None:
    return application.suspensions.filter(suspended=True, resumed_at__isnull=True, discontinued_at__isnull=True).first()


def was_suspended(activation) -> bool:
    return current_suspension(activation.process.application) is not None


def _three_years_after(suspension: Suspension) -> datetime:
    day = add_period(polish_day(suspension.decided_at), months=12 * SUSPENSION_YEARS)
    return datetime.combine(day, time.max, tzinfo=POLISH_TIME)


def three_years_after_suspension(activation) -> datetime:
    return _three_years_after(current_suspension(activation.process.application))


def resume(activation) -> None:
    """The applicant asked to resume: the proceedings go on, and the clock leaves out the suspended days."""
    application = _application(activation)
    suspension = current_suspension(application)
    suspension.resumed_at = timezone.now()
    suspension.save(update_fields=["resumed_at"])
    suspended_on, resumed_on = polish_day(suspension.decided_at), polish_day(suspension.resumed_at)
    letter = resumption_letter(
        application, suspended_on=suspended_on, requested_on=polish_day(suspension.resume_requested_at)
    )
    deliver_letter(letters.issue(application, letter))
    release_call_deadlines(application, suspension)
    set_status(application, suspension.previous_status or ApplicationStatus.IN_PROGRESS)
    record_event(
        application,
        CaseEvent.Kind.RESUMED,
        data={"resumed_on": resumed_on.isoformat(), "clock_excluded_days": (resumed_on - suspended_on).days},
    )
    refresh_decision_clock(application)
    audit(None, "case.resumed", application=application, obj=suspension)


def _call_timers(application: Application):
    """The open calls with a deadline and the scheduled timer of each (art. 103 k.p.a. holds their time)."""
    from .delivery import CALLS_WITH_TIMERS

    timers = {
        timer.flow_task.name: timer
        for timer in Task.objects.filter(
            process__caseprocess__application=application, flow_task_type="TIMER", status=STATUS.SCHEDULED
        )
    }
    for kind in CALLS_WITH_TIMERS:
        for call in kind.model.objects.filter(
            application=application, answered_at__isnull=True, expired_at__isnull=True
        ):
            yield kind, call, timers.get(kind.timer_node)


def hold_call_deadlines(application: Application, *, until: datetime) -> None:
    """Suspension stops the running of deadlines (art. 103 k.p.a.): the calls' timers wait until `until`."""
    for _kind, _call, timer in _call_timers(application):
        if timer is not None:
            timer.scheduled = until
            timer.save(update_fields=["scheduled"])


def release_call_deadlines(application: Application, suspension: Suspension) -> None:
    """On resumption each open call gets the deadline art. 103 k.p.a. gives it, and its timer fires then.

    A call delivered before the suspension has the suspended days added to its deadline (the days it had left run on
    from the resumption). A call whose letter was delivered during the suspension (opened, or deemed delivered) had
    none of its days run: its period counts from the resumption. A letter not delivered yet keeps its latest deadline
    (deemed delivery plus the period), which its opening moves as usual.
    """
    from applications.services import move_event_deadline

    from .deadlines import last_moment
    from .delivery import deadline_from
    from .task_index import restamp_deadlines

    suspended_on, resumed_on = polish_day(suspension.decided_at), polish_day(suspension.resumed_at)
    for kind, call, timer in _call_timers(application):
        delivered_at = call.delivery.delivered_at(suspension.resumed_at) if call.delivery and call.days else None
        if call.delivery is None or not call.days or (delivered_at and polish_day(delivered_at) < suspended_on):
            call.deadline = last_moment(call.deadline, (resumed_on - suspended_on).days)
        elif delivered_at is not None:
            call.deadline = last_moment(suspension.resumed_at, call.days)
        else:
            call.deadline = deadline_from(call.delivery, call.days)
        call.save(update_fields=["deadline"])
        if timer is not None:
            timer.scheduled = call.deadline
            timer.save(update_fields=["scheduled"])
        move_event_deadline(application, kind.event_kind, due_at=call.deadline)
    restamp_deadlines(application)


def discontinue_after_suspension(activation) -> None:
    """Three years suspended without a request to resume: the request is deemed withdrawn and the case discontinued."""
    application = _application(activation)
    suspension = current_suspension(application)
    suspension.discontinued_at = timezone.now()
    suspension.save(update_fields=["discontinued_at"])
    close_other_tasks(activation.process, keep=activation.task.pk)
    letter = discontinuance_after_suspension_letter(application, suspended_on=polish_day(suspension.decided_at))
    deliver_letter(letters.issue(application, letter))
    set_status(application, ApplicationStatus.DISCONTINUED)
    record_event(application, CaseEvent.Kind.DISCONTINUED, data={"reason": "suspension"})
    lapse_legal_stay_certificate(application, reason=LapseReason.CASE_ENDED)
    audit(None, "case.discontinued_after_suspension", application=application, obj=suspension)


def stop_watch(application: Application) -> int:
    """Cancel the watch's waiting timer (the first-instance decision is issued; nothing is left for it to watch)."""
    return Task.objects.filter(
        process__caseprocess__application=application,
        flow_task_type="TIMER",
        status=STATUS.SCHEDULED,
        flow_task__endswith=f".{WATCH_NODE}",
    ).update(status=STATUS.CANCELED, finished=timezone.now())


def close_other_tasks(process, *, keep: int | None = None) -> int:
    """Cancel the process's other unfinished tasks (the other branch), so that its End finishes the process."""
    return (
        Task.objects.filter(process=process, finished__isnull=True)
        .exclude(pk=keep)
        .update(status=STATUS.CANCELED, finished=timezone.now())
    )


def on_end_started(sender, process, task, **kwargs) -> None:
    """A main-path End is reached: the watch beside it has nothing left to watch (connected in `receivers`)."""
    if task.flow_task is not None and task.flow_task.name != END_WATCH_NODE:
        from viewflow.workflow.nodes import End

        if isinstance(task.flow_task, End):
            close_other_tasks(process, keep=task.pk)


# --- Actions ---------------------------------------------------------------------------------------------------


def request_suspension(*, application: Application, applicant, reason: str = "") -> Suspension:
    """The applicant asks in the account to suspend the proceedings; the officer decides (the watch fires now)."""
    from .services import WorkflowError

    if application.applicant_id != applicant.pk:
        raise PermissionDenied
    process = CaseProcess.objects.filter(application=application).first()
    if process is None or application.status in ENDED_STATUSES or application.status == ApplicationStatus.SUSPENDED:
        raise WorkflowError(_("The proceedings cannot be suspended now."))
    if open_suspension_request(application) is not None:
        raise WorkflowError(_("You have already asked to suspend the proceedings."))
    with transaction.atomic():
        suspension = Suspension.objects.create(application=application, reason=reason.strip())
        record_event(application, CaseEvent.Kind.SUSPENSION_REQUESTED)
        move_watch(application)
        audit(applicant, "suspension.requested", application=application, obj=suspension)
    return suspension


def decide_suspension(*, task: Task, user, suspend: bool, reason: str = "", ip: str | None = None) -> Suspension:
    """Suspend (art. 98 § 1: the order, the certificate lapses, the clock stops) or refuse by an order of its own,
    with the officer's reason, against which a zażalenie lies (art. 101 § 3 k.p.a.): the case goes on."""
    from .services import WorkflowError, _complete

    if not suspend and not reason.strip():
        raise ValidationError({"reason": _("Say why the proceedings are not suspended.")})
    done: list[Suspension] = []

    def work(process: CaseProcess) -> None:
        application = process.application
        suspension = open_suspension_request(application)
        if suspension is None:
            raise WorkflowError(_("There is no request to suspend in this case."))
        suspension.decided_by, suspension.decided_at, suspension.suspended = user, timezone.now(), suspend
        suspension.refusal_reason = "" if suspend else reason.strip()
        suspension.previous_status = application.status
        suspension.save()
        if suspend:
            letter = suspension_letter(application, requested_on=polish_day(suspension.requested_at), officer=user)
            deliver_letter(letters.issue(application, letter))
            set_status(application, ApplicationStatus.SUSPENDED)
            record_event(
                application,
                CaseEvent.Kind.SUSPENDED,
                data={"suspended_on": polish_day(suspension.decided_at).isoformat()},
                action_url=reverse("workflows:resume", kwargs={"case_id": application.public_id}),
            )
            lapse_legal_stay_certificate(application, reason=LapseReason.SUSPENDED_AT_REQUEST)
            hold_call_deadlines(application, until=_three_years_after(suspension) + timedelta(days=1))
            refresh_decision_clock(application)
        else:  # a postanowienie too (art. 123), delivered as the suspension is; no zażalenie lies (art. 101 § 3, 142)
            letter = suspension_refusal_letter(
                application,
                requested_on=polish_day(suspension.requested_at),
                reason=suspension.refusal_reason,
                officer=user,
            )
            deliver_letter(letters.issue(application, letter))
            record_event(
                application,
                CaseEvent.Kind.SUSPENSION_REFUSED,
                data={"refused_on": polish_day(suspension.decided_at).isoformat()},
            )
        audit(user, "suspension.decided", application=application, obj=suspension, ip=ip, data={"suspend": suspend})
        done.append(suspension)

    _complete(task, user, "decide_suspension", work)
    return done[0]


def request_resumption(*, application: Application, applicant) -> Suspension:
    """The applicant asks to resume: their `suspended` task completes and the flow resumes the proceedings."""
    from .services import WorkflowError
    from .supplements import open_supplement_task

    if application.applicant_id != applicant.pk:
        raise PermissionDenied
    task = open_supplement_task(application, "suspended")
    suspension = current_suspension(application)
    if task is None or suspension is None:
        raise WorkflowError(_("The proceedings are not suspended."))
    with task.activation() as activation:
        if not activation.start.can_proceed():
            raise WorkflowError(_("The proceedings are not suspended."))
        activation.start(request=None)
        suspension.resume_requested_at = timezone.now()
        suspension.save(update_fields=["resume_requested_at"])
        audit(applicant, "suspension.resume_requested", application=application, obj=suspension)
        activation.execute()
    suspension.refresh_from_db()
    return suspension


def record_payment(*, task: Task, user, paid: bool = True, ip: str | None = None) -> PaymentRequest:
    """The officer records that the stamp duty came in: the case goes on to the formal outcome."""
    from .services import WorkflowError, _complete

    if not paid:
        raise WorkflowError(_("Record the payment once it has come in; unpaid, the deadline returns the application."))
    done: list[PaymentRequest] = []

    def work(process: CaseProcess) -> None:
        request = open_payment(process.application_id)
        request.answered_at = timezone.now()
        request.save(update_fields=["answered_at"])
        set_status(process.application, ApplicationStatus.FORMAL_CHECK)
        record_event(process.application, CaseEvent.Kind.PAYMENT_RECORDED, data={"amount": str(request.amount)})
        audit(user, "stamp_duty.paid", application=process.application, obj=request, ip=ip)
        done.append(request)

    _complete(task, user, "payment", work)
    return done[0]


def send_delay_notice_from_task(*, task: Task, user, new_date: date, reason: str, ip: str | None = None) -> None:
    """The art. 36 task: the notice with its reason and new date (`delay_notice.send_delay_notice`), then the watch."""
    from .delay_notice import send_delay_notice
    from .services import _complete

    def work(process: CaseProcess) -> None:
        send_delay_notice(application=process.application, user=user, new_date=new_date, reason=reason, ip=ip)

    _complete(task, user, "delay_notice", work)


def preview_delay_notice(application: Application, user, data: dict) -> letters.Letter:
    return delay_notice_letter(
        application, due_on=clock_of(application).due_on, new_date=data["new_date"], reason=data["reason"], officer=user
    )
