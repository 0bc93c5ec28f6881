"""Officer and supervisor actions on a case. Each checks the user (Viewflow does not, when called from code),
works under the flow lock, writes the audit trail and then completes its Viewflow task.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from viewflow.workflow.models import Task
from viewflow.workflow.status import PROCESS, STATUS

from applications.case_models import Application, ApplicationStatus, CaseEvent
from applications.services import answer, record_event, set_status
from documents.models import LapseReason

from .audit import audit
from .certificates import filed_within_legal_stay, issue_legal_stay_certificate, lapse_legal_stay_certificate
from .clock import refresh_decision_clock
from .deadlines import (
    DeadlineKind,
    check_days,
    earliest_appointment,
    last_moment,
    polish_day,
    rule_for,
    summons_was_in_time,
)
from .flows import CONSULTATION_NODES, ResidencePermitFlow
from .models import (
    Appointment,
    AppointmentSlot,
    CaseProcess,
    Consultation,
    Decision,
    DecisionKind,
    EvidenceRequest,
    PaymentRequest,
    ResidenceCard,
    Review,
    SupplementRequest,
)

#: Nodes only a supervisor works; the applicant's node is assigned to the applicant when it is created.
SUPERVISOR_NODES = frozenset({"approve"})
APPLICANT_NODES = frozenset({"supplement", "evidence", "appeal_period", "suspended"})
#: Nodes the Head of the Office for Foreigners works (`workflows.appeals`): no voivodeship office sees them.
SECOND_INSTANCE_NODES = frozenset({"second_instance"})


class WorkflowError(Exception):
    """The action cannot be done now (taken by someone else, finished, invalid); the view shows the message."""

    def __init__(self, message) -> None:
        super().__init__(str(message))
        self.message = message


def supplement_days() -> int:
    """Our period for a call to supplement (the law's minimum is 7 days, `deadlines.DEADLINE_RULES`)."""
    return int(getattr(settings, "SUPPLEMENT_DEADLINE_DAYS", 14))


# --- Who may do what ---------------------------------------------------------------------------------------------


def office_id_of(user) -> int | None:
    membership = getattr(user, "staff_membership", None) if user.is_authenticated else None
    return membership.office_id if membership else None


def is_staff(user) -> bool:
    return office_id_of(user) is not None and (user.has_role("officer") or user.has_role("supervisor"))


def is_supervisor(user) -> bool:
    return office_id_of(user) is not None and user.has_role("supervisor")


def application_of(task: Task) -> Application:
    return CaseProcess.objects.select_related("application").get(pk=task.process_id).application


def may_work_on(user, task: Task) -> bool:
    """Whether `user` may claim or be given this task (own office; supervisors for approvals)."""
    node = task.flow_task.name
    if node in APPLICANT_NODES or node in SECOND_INSTANCE_NODES or not is_staff(user):
        return False
    if application_of(task).office_id != office_id_of(user):
        return False
    return is_supervisor(user) if node in SUPERVISOR_NODES else True


# --- Starting and ending ------------------------------------------------------------------------------------------


def start_case(application: Application) -> CaseProcess:
    """Start the process of a submitted application, once (a repeated signal finds the running one)."""
    existing = CaseProcess.objects.filter(application=application).first()
    if existing:
        return existing
    return ResidencePermitFlow.start.run(application=application)


def discontinue_case(application: Application, *, user=None, ip: str | None = None) -> None:
    """The applicant withdrew: cancel every open step; the case ends as discontinued (status stays withdrawn)."""
    process = CaseProcess.objects.filter(application=application).first()
    if process is None or process.status in (PROCESS.DONE, PROCESS.CANCELED):
        return
    with transaction.atomic():
        ResidencePermitFlow.instance.cancel(process)
        SupplementRequest.objects.filter(
            application=application, answered_at__isnull=True, expired_at__isnull=True
        ).update(expired_at=timezone.now())
        record_event(application, CaseEvent.Kind.DISCONTINUED)
        lapse_legal_stay_certificate(application, reason=LapseReason.CASE_ENDED)
        audit(user, "case.discontinued", application=application, obj=process, ip=ip)


# --- Claiming and assignment -------------------------------------------------------------------------------------


def claim_task(*, task: Task, user, ip: str | None = None) -> Task:
    """Take a task from the office's queue: one conditional UPDATE, so exactly one of racing officers wins."""
    if not may_work_on(user, task):
        raise PermissionDenied
    with transaction.atomic():
        taken = Task.objects.filter(pk=task.pk, status=STATUS.NEW, owner__isnull=True).update(
            owner=user, status=STATUS.ASSIGNED, assigned=timezone.now()
        )
        if not taken:
            raise WorkflowError(_("Somebody else has already taken this task."))
        application = application_of(task)
        if task.flow_task.name == "formal_check" and application.status == ApplicationStatus.SUBMITTED:
            set_status(application, ApplicationStatus.FORMAL_CHECK)
            record_event(application, CaseEvent.Kind.FORMAL_CHECK_STARTED)
        audit(user, "task.claimed", application=application, obj=task, ip=ip, data={"node": task.flow_task.name})
    task.refresh_from_db()
    return task


def reassign_task(*, task: Task, supervisor, to_user, ip: str | None = None) -> Task:
    """A supervisor gives an open task of their office to another officer of the same office."""
    if not is_supervisor(supervisor) or not may_work_on(supervisor, task):
        raise PermissionDenied
    if not may_work_on(to_user, task):
        raise WorkflowError(_("This person cannot work on this task."))
    with transaction.atomic():
        moved = Task.objects.filter(pk=task.pk, status__in=[STATUS.NEW, STATUS.ASSIGNED]).update(
            owner=to_user, status=STATUS.ASSIGNED, assigned=timezone.now()
        )
        if not moved:
            raise WorkflowError(_("This task is no longer open."))
        audit(
            supervisor,
            "task.reassigned",
            application=application_of(task),
            obj=task,
            ip=ip,
            data={"node": task.flow_task.name, "from": task.owner_id, "to": to_user.pk},
        )
    task.refresh_from_db()
    return task


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError(_("Say why you give the task back."))
    return reason


def return_task(*, task: Task, user, reason: str, ip: str | None = None) -> Task:
    """The officer who holds a task puts it back in the office's queue, with the reason in the audit trail."""
    reason = _reason(reason)
    if not may_work_on(user, task):
        raise PermissionDenied
    with transaction.atomic():
        returned = Task.objects.filter(pk=task.pk, status=STATUS.ASSIGNED, owner=user).update(
            owner=None, status=STATUS.NEW, assigned=None
        )
        if not returned:
            raise WorkflowError(_("Only the officer who holds an open task can give it back."))
        audit(
            user,
            "task.returned",
            application=application_of(task),
            obj=task,
            ip=ip,
            data={"node": task.flow_task.name, "reason": reason},
        )
    task.refresh_from_db()
    return task


def hand_over_task(*, task: Task, user, to_user, reason: str, ip: str | None = None) -> Task:
    """The officer who holds a task gives it to a colleague of the same office, with the reason in the audit trail."""
    reason = _reason(reason)
    if not may_work_on(user, task):
        raise PermissionDenied
    if to_user.pk == user.pk or not may_work_on(to_user, task):
        raise WorkflowError(_("This person cannot work on this task."))
    with transaction.atomic():
        moved = Task.objects.filter(pk=task.pk, status=STATUS.ASSIGNED, owner=user).update(
            owner=to_user, assigned=timezone.now()
        )
        if not moved:
            raise WorkflowError(_("Only the officer who holds an open task can give it back."))
        audit(
            user,
            "task.handed_over",
            application=application_of(task),
            obj=task,
            ip=ip,
            data={"node": task.flow_task.name, "from": user.pk, "to": to_user.pk, "reason": reason},
        )
    task.refresh_from_db()
    return task


def _complete(task: Task, user, node: str | frozenset, work: Callable[[CaseProcess], None]) -> None:
    """Do `work` and complete the task, under the flow lock, if `user` owns this open task of this kind."""
    nodes = {node} if isinstance(node, str) else node
    with task.activation() as activation:
        if task.flow_task.name not in nodes:
            raise WorkflowError(_("This is not the right task for this action."))
        if task.owner_id != user.pk:
            raise PermissionDenied
        if not activation.start.can_proceed():
            raise WorkflowError(_("This task is no longer open."))
        if activation.process.application.status == ApplicationStatus.SUSPENDED:
            raise WorkflowError(_("The proceedings are suspended at the applicant's request."))
        activation.start(request=None)
        work(activation.process)
        activation.execute()


# --- The steps ---------------------------------------------------------------------------------------------------


def complete_formal_check(
    *,
    task: Task,
    user,
    complete: bool,
    defects: list[str] | None = None,
    deadline_days: int | None = None,
    evidence: list[str] | None = None,
    evidence_days: int | None = None,
    within_legal_stay: bool = False,
    stamp_duty_paid: bool = True,
    pay_days: int | None = None,
    ask_consul: bool = False,
    refuse_to_initiate: str = "",
    ip: str | None = None,
) -> None:
    """Record the formal check; defects make a call to supplement of `deadline_days` from its delivery, and a complete
    application may get a call for `evidence` (art. 106f) of `evidence_days`.

    A period the law does not allow raises `ValidationError` on its field (art. 64 § 2 k.p.a.: at least 7 days;
    art. 106f: at least 14).
    """
    defects = [d.strip() for d in defects or [] if d.strip()]
    evidence = [item.strip() for item in evidence or [] if item.strip()]
    if not complete and not defects:
        raise WorkflowError(_("List the formal defects the applicant must supplement."))
    if not complete and evidence:
        raise WorkflowError(_("Ask for evidence once the application is free of formal defects."))
    deadline_days = supplement_days() if deadline_days is None else deadline_days
    evidence_days = rule_for(DeadlineKind.CALL_FOR_EVIDENCE).default_days if evidence_days is None else evidence_days
    if not complete:
        check_days(DeadlineKind.CALL_TO_SUPPLEMENT, deadline_days, field="deadline_days")
    if evidence:
        check_days(DeadlineKind.CALL_FOR_EVIDENCE, evidence_days, field="evidence_days")
    pay_days = rule_for(DeadlineKind.CALL_TO_PAY).default_days if pay_days is None else pay_days
    if not stamp_duty_paid:
        check_days(DeadlineKind.CALL_TO_PAY, pay_days, field="pay_days")

    def work(process: CaseProcess) -> None:
        process.formally_complete = complete
        process.consul_requested = process.consul_requested or ask_consul
        process.initiation_refused_reason = refuse_to_initiate.strip()
        process.save(update_fields=["formally_complete", "consul_requested", "initiation_refused_reason"])
        application = process.application
        if refuse_to_initiate.strip():  # art. 61a k.p.a.: no case can start; the order follows (`endings`)
            audit(user, "formal_check.refused_to_initiate", application=application, obj=task, ip=ip)
            return
        if not stamp_duty_paid:
            from .endings import stamp_duty_for

            PaymentRequest.objects.create(
                application=application,
                amount=stamp_duty_for(application),
                days=pay_days,
                requested_by=user,
                deadline=last_moment(timezone.now(), pay_days),  # until the letter is made available
            )
        if complete:
            set_status(application, ApplicationStatus.IN_PROGRESS)
            # The decision's statutory time runs from the day the application became complete: the day it was
            # submitted, or the day the last supplement came in (the applicant's page counts from this).
            supplied = (
                application.supplement_requests.filter(answered_at__isnull=False)
                .order_by("-answered_at")
                .values_list("answered_at", flat=True)
                .first()
            )
            complete_on = timezone.localdate(supplied or application.submitted_at)
            record_event(
                application,
                CaseEvent.Kind.STATUS_CHANGED,
                data={"status": ApplicationStatus.IN_PROGRESS.value, "complete_on": complete_on.isoformat()},
            )
            refresh_decision_clock(application)
            if filed_within_legal_stay(application, confirmed=within_legal_stay):
                issue_legal_stay_certificate(application)
            if evidence:
                EvidenceRequest.objects.create(
                    application=application,
                    items=evidence,
                    days=evidence_days,
                    requested_by=user,
                    deadline=last_moment(timezone.now(), evidence_days),  # until the letter is made available
                )
            if AppointmentSlot.objects.filter(
                office_id=application.office_id, appointment__isnull=True, starts_at__gt=timezone.now()
            ).exists():
                record_event(
                    application,
                    CaseEvent.Kind.APPOINTMENT,
                    data={"choose_slot": True},
                    action_url=reverse("workflows:appointment", kwargs={"case_id": application.public_id}),
                )
        else:
            SupplementRequest.objects.create(
                application=application,
                defects=defects,
                requested_by=user,
                days=deadline_days,
                # Provisional until the letter is made available (`steps.send_call_to_supplement`), which follows.
                deadline=last_moment(timezone.now(), deadline_days),
            )
        audit(
            user,
            "formal_check.completed",
            application=application,
            obj=task,
            ip=ip,
            data={"complete": complete, "defects": defects, "evidence": evidence},
        )

    _complete(task, user, frozenset({"formal_check", "formal_check_again"}), work)


def book_appointment(
    *,
    task: Task,
    user,
    slot: AppointmentSlot | None = None,
    starts_at: datetime | None = None,
    place: str = "",
    ip: str | None = None,
) -> Appointment:
    if slot is None and (starts_at is None or not place.strip()):
        raise WorkflowError(_("Choose a free slot, or give the date, time and place."))
    if (slot.starts_at if slot else starts_at) < earliest_appointment(timezone.now()):
        raise WorkflowError(_("The summons must be sent at least 7 days before the appointment (art. 106e)."))
    booked: list[Appointment] = []

    def work(process: CaseProcess) -> None:
        application = process.application
        if slot is not None and slot.office_id != application.office_id:
            raise PermissionDenied
        try:
            with transaction.atomic():
                booked.append(
                    Appointment.objects.create(
                        application=application,
                        slot=slot,
                        booked_by=user,
                        starts_at=slot.starts_at if slot else starts_at,
                        place=slot.place if slot else place.strip(),
                    )
                )
        except IntegrityError:
            raise WorkflowError(_("This slot has just been taken. Choose another one.")) from None
        audit(user, "appointment.booked", application=application, obj=booked[0], ip=ip)

    _complete(task, user, "book_appointment", work)
    return booked[0]


def age_on(application: Application, day: date) -> int | None:
    """The applicant's age in full years on `day`, from the date of birth in the application (None if not given)."""
    value = answer(application.answers, "date_of_birth")
    try:
        born = date.fromisoformat(value) if isinstance(value, str) else value
    except ValueError:
        return None
    if not isinstance(born, date):
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def no_show_cannot_end(application, appointment: Appointment) -> str | None:
    """Why a no-show cannot discontinue the proceedings (art. 106i): a child under 6, or a summons not delivered 7
    days ahead; None when it can (the officer then reads the discontinuance as a draft, `previews`)."""
    age = age_on(application, polish_day(appointment.starts_at))
    if age is not None and age < 6:
        return _("A child under 6 is not discontinued for not appearing: book a new date.")
    delivered = appointment.delivery.delivered_at(appointment.starts_at) if appointment.delivery else None
    if appointment.delivery and not summons_was_in_time(delivered, appointment.starts_at):
        return _("The summons was not delivered 7 days before the date: book a new date instead.")
    return None


def record_fingerprints(
    *,
    task: Task,
    user,
    outcome: str,
    fingerprints: bool = False,
    signature_specimen: bool = False,
    travel_document_seen: bool = False,
    excuse: str = "",
    ip: str | None = None,
) -> None:
    """Record the personal appearance (art. 106e) or the no-show: excused (a new date) or not (art. 106i: discontinued).

    A child under 6 gives no fingerprints and is never discontinued for not appearing; nor is an applicant whose
    summons was not delivered 7 days ahead. Excuses are the Act's: physical impossibility, the office's fault.
    """
    outcome = Appointment.Outcome(outcome)
    excuse = Appointment.Excuse(excuse) if excuse else ""

    def work(process: CaseProcess) -> None:
        application = process.application
        appointment = Appointment.objects.filter(application=application).select_related("delivery").first()
        age = age_on(application, polish_day(appointment.starts_at))
        child = age is not None and age < 6
        if outcome == Appointment.Outcome.TAKEN:
            if not travel_document_seen:
                raise WorkflowError(_("Confirm that you saw the original travel document."))
            if not child and not (fingerprints or excuse == Appointment.Excuse.PHYSICAL_IMPOSSIBILITY):
                raise WorkflowError(_("Record the fingerprints, or that taking them is physically impossible."))
            if not child and not signature_specimen:
                raise WorkflowError(_("Record the signature specimen."))
        elif outcome == Appointment.Outcome.NO_SHOW_REBOOK and not excuse:
            raise WorkflowError(_("Say which excuse the Act accepts, or record the no-show without excuse."))
        elif outcome == Appointment.Outcome.NO_SHOW_END and (refusal := no_show_cannot_end(application, appointment)):
            raise WorkflowError(refusal)
        appointment.outcome, appointment.recorded_at, appointment.excuse = outcome, timezone.now(), excuse
        appointment.fingerprints_taken = outcome == Appointment.Outcome.TAKEN and fingerprints
        appointment.signature_specimen_taken = outcome == Appointment.Outcome.TAKEN and signature_specimen
        appointment.travel_document_seen = outcome == Appointment.Outcome.TAKEN and travel_document_seen
        appointment.save()
        process.fingerprints_outcome = outcome
        process.save(update_fields=["fingerprints_outcome"])
        audit(
            user,
            "fingerprints.recorded",
            application=application,
            obj=appointment,
            ip=ip,
            data={"outcome": outcome.value, "excuse": str(excuse)},
        )

    _complete(task, user, "fingerprints", work)


def record_consultation(*, task: Task, user, answer: str, note: str = "", ip: str | None = None) -> None:
    answer = Consultation.Answer(answer)
    if answer == Consultation.Answer.OBJECTIONS and not note.strip():
        raise WorkflowError(_("Say what the agency objects to."))
    agency = CONSULTATION_NODES.get(task.flow_task.name)

    def work(process: CaseProcess) -> None:
        consultation = Consultation.objects.filter(application=process.application, agency=agency).first()
        consultation.answer, consultation.note, consultation.answered_at = answer, note.strip(), timezone.now()
        consultation.save(update_fields=["answer", "note", "answered_at"])
        audit(
            user,
            "consultation.recorded",
            application=process.application,
            obj=consultation,
            ip=ip,
            data={"agency": agency, "answer": answer.value},
        )

    _complete(task, user, frozenset(CONSULTATION_NODES), work)


#: Art. 109: the agencies answer within 30 days, extendable to 60 in a particularly justified case.
CONSULTATION_EXTENDED_DAYS = 60


def extend_consultation(*, task: Task, user, reason: str, ip: str | None = None) -> Consultation:
    """Give the agency 60 days from the request instead of 30 (art. 109), with the reason; the timer moves with it."""
    if not reason.strip():
        raise WorkflowError(_("Give the reason for extending the time to 60 days."))
    agency = CONSULTATION_NODES.get(task.flow_task.name)
    if agency is None:
        raise WorkflowError(_("This is not the right task for this action."))
    if task.owner_id != user.pk:
        raise PermissionDenied
    with transaction.atomic():
        consultation = Consultation.objects.select_for_update().get(application=application_of(task), agency=agency)
        if consultation.answer or consultation.extended_reason:
            raise WorkflowError(_("This consultation cannot be extended again."))
        consultation.deadline = last_moment(consultation.asked_at, CONSULTATION_EXTENDED_DAYS)
        consultation.extended_reason = reason.strip()
        consultation.save(update_fields=["deadline", "extended_reason"])
        Task.objects.filter(
            process_id=task.process_id, previous=task, flow_task_type="TIMER", status=STATUS.SCHEDULED
        ).update(scheduled=consultation.deadline)
        from .task_index import restamp_deadlines

        restamp_deadlines(consultation.application)
        audit(
            user,
            "consultation.extended",
            application=consultation.application,
            obj=consultation,
            ip=ip,
            data={"agency": agency, "reason": reason.strip()},
        )
    return consultation


def submit_review(
    *, task: Task, user, checklist: dict[str, bool], notes: str, proposed: str, ip: str | None = None
) -> Review:
    made: list[Review] = []

    def work(process: CaseProcess) -> None:
        made.append(
            Review.objects.create(
                application=process.application,
                checklist=checklist,
                notes=notes,
                proposed=DecisionKind(proposed),
                proposed_by=user,
            )
        )
        audit(user, "review.proposed", application=process.application, obj=made[0], ip=ip, data={"proposed": proposed})

    _complete(task, user, "review", work)
    return made[0]


def decide(
    *,
    task: Task,
    user,
    kind: str,
    valid_from: date | None = None,
    valid_to: date | None = None,
    justification: str = "",
    grounds: list[str] | None = None,
    ip: str | None = None,
) -> Decision:
    """Record the decision; a refusal, a partial grant, or one that differs from the proposal waits for a supervisor.

    A grant's period is checked against the law and the request (`decisions.check_grant`: `ValidationError` by field);
    whether it grants the request in full is computed there, never given. A refusal names at least one of the grounds
    the Act gives for the permit (`refusal_grounds.chosen`: `ValidationError` on `grounds`).
    """
    from .decisions import check_grant, law_for
    from .refusal_grounds import chosen

    kind = DecisionKind(kind)
    indefinite = kind == DecisionKind.GRANT and law_for(application_of(task)).indefinite  # no period: check_grant
    if (
        kind == DecisionKind.GRANT
        and not indefinite
        and (valid_from is None or valid_to is None or valid_to < valid_from)
    ):
        raise WorkflowError(_("A grant needs a validity period: from a date to a later date."))
    if kind == DecisionKind.REFUSAL and not justification.strip():
        raise WorkflowError(_("A refusal needs a justification."))
    refusal_grounds = chosen(application_of(task), grounds or []) if kind == DecisionKind.REFUSAL else []
    assessment = None
    if kind == DecisionKind.GRANT:
        assessment = check_grant(
            application_of(task),
            valid_from=valid_from,
            valid_to=valid_to,
            justification=justification,
            on=timezone.localdate(),
        )
    made: list[Decision] = []

    def work(process: CaseProcess) -> None:
        review = Review.objects.filter(application=process.application).first()
        partial = assessment is not None and not assessment.fully_grants
        needs_approval = kind == DecisionKind.REFUSAL or partial or kind != review.proposed
        decision = Decision.objects.create(
            application=process.application,
            review=review,
            kind=kind,
            decided_by=user,
            valid_from=valid_from if kind == DecisionKind.GRANT else None,
            valid_to=valid_to if kind == DecisionKind.GRANT else None,
            justification=justification.strip(),
            needs_approval=needs_approval,
            fully_grants=assessment.fully_grants if assessment else None,
            indefinite=bool(assessment and assessment.indefinite),
            refusal_grounds=refusal_grounds,
        )
        made.append(decision)
        audit(
            user,
            "decision.made",
            application=process.application,
            obj=decision,
            ip=ip,
            data={
                "kind": kind.value,
                "needs_approval": needs_approval,
                "fully_grants": decision.fully_grants,
                "grounds": [ground["key"] for ground in refusal_grounds],
            },
        )

    _complete(task, user, frozenset({"decide", "redecide"}), work)
    return made[0]


def can_approve(user, decision: Decision) -> bool:
    """A supervisor of the office who neither proposed nor made this decision."""
    return (
        is_supervisor(user)
        and office_id_of(user) == decision.application.office_id
        and user.pk not in (decision.review.proposed_by_id, decision.decided_by_id)
    )


def approve_decision(*, task: Task, user, approved: bool, note: str = "", ip: str | None = None) -> Decision:
    """The second pair of eyes: approve, or return the decision to the officer who made it, saying why."""
    decision = Decision.objects.select_related("review", "application").filter(application=application_of(task)).first()
    if not can_approve(user, decision):
        raise PermissionDenied(_("A decision is approved by a supervisor who did not propose or make it."))
    if not approved and not note.strip():
        raise ValidationError({"note": _("Say why you return the decision: the officer reads it.")})

    def work(process: CaseProcess) -> None:
        decision.approved, decision.approved_by, decision.approval_note = approved, user, note.strip()
        decision.save(update_fields=["approved", "approved_by", "approval_note"])
        audit(
            user,
            "decision.approved" if approved else "decision.returned",
            application=process.application,
            obj=decision,
            ip=ip,
            data={"note": note.strip()},
        )

    _complete(task, user, "approve", work)
    return decision


def record_residence_card(*, task: Task, user, number: str, ready_at: datetime, ip: str | None = None) -> ResidenceCard:
    made: list[ResidenceCard] = []

    def work(process: CaseProcess) -> None:
        application = process.application
        try:
            with transaction.atomic():
                made.append(
                    ResidenceCard.objects.create(
                        application=application, number=number.strip().upper(), ready_at=ready_at, recorded_by=user
                    )
                )
        except IntegrityError:
            raise WorkflowError(_("This card number is already recorded for another case.")) from None
        # The case keeps its outcome in words ("granted, final"); the card is one more line of its timeline.
        record_event(
            application,
            CaseEvent.Kind.STATUS_CHANGED,
            data={
                "status": application.status,
                "residence_card_ready_at": timezone.localtime(ready_at).isoformat(),
            },
        )
        audit(user, "residence_card.recorded", application=application, obj=made[0], ip=ip)

    _complete(task, user, "residence_card", work)
    return made[0]
