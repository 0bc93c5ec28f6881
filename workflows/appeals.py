"""The appeal (art. 127-140 k.p.a.): filed in the account within 14 days of delivery, through the voivode.

The voivode either grants it himself with a new decision within 7 days (art. 132: it is appealable again) or sends
the file to the Head of the Office for Foreigners within those 7 days (art. 133; the flow sends it when the 7 days
pass). The second instance decides within 90 days (art. 112a ust. 4 and art. 210 ust. 3 of the Act on Foreigners):
it upholds the decision, overturns it and decides the case, overturns it and discontinues the first-instance
proceedings (the case ends discontinued), overturns it and returns the case to the voivode for re-examination, or
discontinues the appeal proceedings. Its decision is final when made (art. 16 § 1 k.p.a.).

Art. 138 § 1 k.p.a. (read in the 2017 C.H. Beck commentary quoting it, epage.pub "Art-138-KPA-red-Hauser-2017"):
"Organ odwoławczy wydaje decyzję, w której: 1) utrzymuje w mocy zaskarżoną decyzję albo 2) uchyla zaskarżoną decyzję
w całości albo w części i w tym zakresie orzeka co do istoty sprawy albo uchylając tę decyzję - umarza postępowanie
pierwszej instancji w całości albo w części, albo 3) umarza postępowanie odwoławcze." Only the whole decision is
overturned here (no partial outcome).
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import File
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from accounts.models import Role
from applications.case_models import Application, ApplicationStatus, CaseEvent
from applications.representation import may_act_in_case
from applications.services import add_case_attachment, record_event, set_status
from polishtime import format_when

from . import appeal_letters
from .appeal_steps import SECOND_INSTANCE_DAYS, open_appeal
from .audit import audit
from .deadlines import last_moment, polish_day
from .decisions import check_grant, law_for
from .delivery import deliver_letter
from .finality import last_day_for_appeal, open_period_of
from .models import Appeal, AppealPeriod, CaseProcess, Decision, DecisionKind, Review
from .refusal_grounds import chosen
from .services import SECOND_INSTANCE_NODES, WorkflowError, _complete


def is_second_instance(user) -> bool:
    return user.is_authenticated and user.has_role(Role.SECOND_INSTANCE)


def _applicant_task(application: Application) -> Task | None:
    task = (
        Task.objects.filter(process__caseprocess__application=application, status=STATUS.ASSIGNED)
        .order_by("-created")
        .first()
    )
    return task if task is not None and task.flow_task.name == "appeal_period" else None


def appeal_is_open(application: Application) -> bool:
    """Whether the applicant may still appeal or waive now (the 14 days run and nothing was filed)."""
    period = open_period_of(application)
    return period is not None and timezone.now() <= period.deadline and _applicant_task(application) is not None


def _late(application: Application) -> ValidationError:
    period = AppealPeriod.objects.filter(application=application).first()
    if period is None:
        return ValidationError({"text": _("There is no decision in this case that you can appeal against.")})
    return ValidationError(
        {
            "text": ValidationError(
                _(
                    "The 14 days for an appeal ended on %(date)s. An appeal filed later cannot be accepted; "
                    "if you missed the deadline through no fault of your own, you may ask for it to be restored "
                    "(art. 58 k.p.a.)."
                ),
                code="late",
                params={"date": format_when(last_day_for_appeal(period), "date")},
            )
        }
    )


def _period_task(application: Application, user):
    if not may_act_in_case(application, user):
        raise PermissionDenied
    period = open_period_of(application)
    task = _applicant_task(application)
    if period is None or task is None or timezone.now() > period.deadline:
        raise _late(application)
    return period, task


def file_appeal(*, application: Application, user, text: str, uploads: list[File]) -> Appeal:
    """File the appeal (text and attachments); it gets a receipt like the application's and goes to the voivode."""
    if not text.strip():
        raise ValidationError({"text": _("Write why you appeal against the decision.")})
    period, task = _period_task(application, user)
    made: list[Appeal] = []
    with task.activation() as activation:
        if not activation.start.can_proceed():
            raise _late(application)
        activation.start(request=None)
        try:
            with transaction.atomic():
                files = [add_case_attachment(application=application, upload=u, requirement="appeal") for u in uploads]
        except ValidationError as error:
            raise ValidationError({"files": error.messages}) from None
        now = timezone.now()
        appeal = Appeal.objects.create(
            application=application, decision=period.decision, text=text.strip(), filed_by=user, filed_at=now
        )
        appeal.receipt = appeal_letters.issue_appeal_receipt(application, appeal, files=files)
        appeal.save(update_fields=["receipt"])
        period.answered_at = now
        period.save(update_fields=["answered_at"])
        set_status(application, ApplicationStatus.APPEAL_FILED)
        record_event(application, CaseEvent.Kind.APPEAL_FILED, data={"filed_on": polish_day(now).isoformat()})
        audit(user, "appeal.filed", application=application, obj=appeal, data={"files": len(files)})
        made.append(appeal)
        activation.execute()
    return made[0]


def waive_appeal(*, application: Application, user) -> AppealPeriod:
    """The applicant waives the right of appeal (art. 127a k.p.a.): the decision is final the same day."""
    period, task = _period_task(application, user)
    with task.activation() as activation:
        if not activation.start.can_proceed():
            raise _late(application)
        activation.start(request=None)
        period.answered_at = period.waived_at = timezone.now()
        period.save(update_fields=["answered_at", "waived_at"])
        record_event(
            application, CaseEvent.Kind.APPEAL_WAIVED, data={"waived_on": polish_day(period.waived_at).isoformat()}
        )
        audit(user, "appeal.waived", application=application, obj=period)
        activation.execute()
    return period


# --- The voivode (art. 132, 133) ---------------------------------------------------------------------------------


def review_appeal(
    *,
    task: Task,
    user,
    grant: bool,
    valid_from: date | None = None,
    valid_to: date | None = None,
    justification: str = "",
    ip: str | None = None,
) -> Appeal:
    """The voivode grants the appeal himself with a new decision (a grant), or sends it on now."""
    appeal = open_appeal(task.process.caseprocess.application)
    indefinite = law_for(appeal.application).indefinite  # no period: check_grant refuses one
    if grant and not indefinite and (valid_from is None or valid_to is None or valid_to < valid_from):
        raise WorkflowError(_("A grant needs a validity period: from a date to a later date."))
    if grant and not justification.strip():
        raise WorkflowError(_("Give the reasons for granting the appeal."))
    assessment = None
    if grant:  # a new decision: its period is checked as the first one was (the form shows each message by its field)
        try:
            assessment = check_grant(
                appeal.application,
                valid_from=valid_from,
                valid_to=valid_to,
                justification=justification,
                on=timezone.localdate(),
            )
        except ValidationError as error:
            raise WorkflowError(" ".join(error.messages)) from None

    def work(process: CaseProcess) -> None:
        appeal.voivode_by, appeal.voivode_note = user, justification.strip()
        if grant:
            appeal.voivode_outcome = Appeal.VoivodeOutcome.GRANTED
            review = Review.objects.filter(application=process.application).first()
            Decision.objects.create(
                application=process.application,
                review=review,
                kind=DecisionKind.GRANT,
                valid_from=valid_from,
                valid_to=valid_to,
                justification=justification.strip(),
                decided_by=user,
                approved=True,
                fully_grants=assessment.fully_grants,
                indefinite=assessment.indefinite,
            )
            record_event(process.application, CaseEvent.Kind.APPEAL_GRANTED_BY_VOIVODE)
        appeal.save(update_fields=["voivode_by", "voivode_note", "voivode_outcome"])
        audit(
            user,
            "appeal.reviewed_by_voivode",
            application=process.application,
            obj=appeal,
            ip=ip,
            data={"granted": grant},
        )

    _complete(task, user, "appeal_review", work)
    return appeal


# --- The second instance ------------------------------------------------------------------------------------------


def decide_appeal(
    *,
    task: Task,
    user,
    outcome: str,
    justification: str,
    kind: str = "",
    valid_from: date | None = None,
    valid_to: date | None = None,
    grounds: list[str] | None = None,
    ip: str | None = None,
) -> Appeal:
    """The Head of the Office for Foreigners decides the appeal; the decision letter is delivered in the account.

    Overturned and decided by a refusal, the new decision names its grounds from the Act (`refusal_grounds.chosen`,
    `ValidationError` on `grounds`). Overturned and the first-instance proceedings discontinued (art. 138 § 1 pkt 2
    k.p.a., e.g. when they became groundless), the case ends as discontinued (the flow's `after_second_instance`).
    """
    if not is_second_instance(user):
        raise PermissionDenied
    outcome = Appeal.Outcome(outcome)
    if not justification.strip():
        raise WorkflowError(_("A decision on an appeal needs a justification."))
    application = task.process.caseprocess.application
    indefinite = False
    if outcome == Appeal.Outcome.OVERTURNED:
        if kind not in DecisionKind.values:
            raise WorkflowError(_("Say how the case is decided."))
        indefinite = kind == DecisionKind.GRANT and law_for(application).indefinite
        if indefinite:  # granted for an indefinite time: no period (the form shows each message by its field)
            try:
                check_grant(
                    application, valid_from=valid_from, valid_to=valid_to, justification="", on=timezone.localdate()
                )
            except ValidationError as error:
                raise WorkflowError(" ".join(error.messages)) from None
        elif kind == DecisionKind.GRANT and (valid_from is None or valid_to is None or valid_to < valid_from):
            raise WorkflowError(_("A grant needs a validity period: from a date to a later date."))
    refusal_grounds = []
    if outcome == Appeal.Outcome.OVERTURNED and kind == DecisionKind.REFUSAL:
        refusal_grounds = chosen(application, grounds or [])
    appeal = open_appeal(application)

    def work(process: CaseProcess) -> None:
        application = process.application
        appeal.outcome, appeal.justification = outcome, justification.strip()
        appeal.decided_by, appeal.decided_at = user, timezone.now()
        if outcome == Appeal.Outcome.OVERTURNED:
            Decision.objects.create(
                application=application,
                review=Review.objects.filter(application=application).first(),
                kind=kind,
                valid_from=valid_from if kind == DecisionKind.GRANT else None,
                valid_to=valid_to if kind == DecisionKind.GRANT else None,
                justification=justification.strip(),
                decided_by=user,
                approved=True,
                issued_at=appeal.decided_at,
                indefinite=indefinite,
                fully_grants=True if indefinite else None,
                refusal_grounds=refusal_grounds,
            )
        letter = appeal_letters.issue_second_instance_decision(application, appeal)
        deliver_letter(letter)
        appeal.decision_letter = letter
        appeal.save(update_fields=["outcome", "justification", "decided_by", "decided_at", "decision_letter"])
        record_event(
            application,
            CaseEvent.Kind.SECOND_INSTANCE_DECISION,
            data={
                "outcome": outcome.value,
                "decided_on": polish_day(appeal.decided_at).isoformat(),
                **({"indefinite": True} if indefinite else {}),
            },
        )
        if outcome == Appeal.Outcome.RETURNED:
            set_status(application, ApplicationStatus.IN_PROGRESS)
        audit(user, "appeal.decided", application=application, obj=appeal, ip=ip, data={"outcome": outcome.value})

    _complete(task, user, "second_instance", work)
    return appeal


def action_url(application: Application) -> str:
    return reverse("workflows:appeal", kwargs={"case_id": application.public_id})


def claim_appeal(*, task: Task, user, ip: str | None = None) -> Task:
    """A second-instance officer takes an appeal from the Head of the Office's queue (one wins a race)."""
    if not is_second_instance(user) or task.flow_task.name not in SECOND_INSTANCE_NODES:
        raise PermissionDenied
    with transaction.atomic():
        taken = Task.objects.filter(pk=task.pk, status=STATUS.NEW, owner__isnull=True).update(
            owner=user, status=STATUS.ASSIGNED, assigned=timezone.now()
        )
        if not taken:
            raise WorkflowError(_("Somebody else has already taken this task."))
        audit(
            user,
            "task.claimed",
            application=task.process.caseprocess.application,
            obj=task,
            ip=ip,
            data={"node": task.flow_task.name},
        )
    task.refresh_from_db()
    return task


def second_instance_due_on(appeal: Appeal | None) -> date | None:
    """The last day of the second instance's 90 days, counted from the day the file was sent."""
    if appeal is None or appeal.forwarded_at is None:
        return None
    return polish_day(last_moment(appeal.forwarded_at, SECOND_INSTANCE_DAYS))
