"""What the appeal's automatic nodes do (the flow's Function nodes, gateway conditions and timers).

They run inside the activation of the step before them; the actions of people are in `workflows.appeals`.
"""

from __future__ import annotations

from django.utils import timezone

from applications.case_models import ApplicationStatus, CaseEvent
from applications.services import record_event, set_status
from documents.models import LapseReason

from .audit import audit
from .certificates import lapse_legal_stay_certificate
from .deadlines import last_moment, polish_day
from .finality import mark_decision_final
from .models import Appeal, Decision, Finality

#: Art. 133 k.p.a.: the voivode sends the appeal and the file within 7 days of receiving it.
VOIVODE_DAYS = 7
#: Art. 112a ust. 4 (art. 210 ust. 3) of the Act on Foreigners: the second instance decides within 90 days.
SECOND_INSTANCE_DAYS = 90


def open_appeal(application) -> Appeal | None:
    """The appeal still under way: neither decided by the second instance nor granted by the voivode."""
    return Appeal.objects.filter(application=application, outcome="").exclude(voivode_outcome="granted").first()


def appeal_filed(activation) -> bool:
    """The applicant's step ended with an appeal (else with a waiver)."""
    return open_appeal(activation.process.application) is not None


def voivode_deadline(activation):
    appeal = open_appeal(activation.process.application)
    start = appeal.filed_at if appeal else timezone.now()
    return last_moment(start, VOIVODE_DAYS)


def granted_by_voivode(activation) -> bool:
    return Appeal.objects.filter(
        application=activation.process.application, voivode_outcome=Appeal.VoivodeOutcome.GRANTED, outcome=""
    ).exists()


def forward_appeal(activation) -> None:
    """The file goes to the Head of the Office for Foreigners (by the voivode, or when the 7 days pass)."""
    application = activation.process.application
    appeal = open_appeal(application)
    appeal.voivode_outcome = Appeal.VoivodeOutcome.FORWARDED
    appeal.forwarded_at = timezone.now()
    appeal.save(update_fields=["voivode_outcome", "forwarded_at"])
    set_status(application, ApplicationStatus.APPEAL_AT_SECOND_INSTANCE)
    record_event(
        application,
        CaseEvent.Kind.APPEAL_FORWARDED,
        data={"forwarded_on": polish_day(appeal.forwarded_at).isoformat()},
    )
    audit(None, "appeal.forwarded", application=application, obj=appeal)


def voivode_grant_delivered(activation) -> None:
    """The voivode's new decision is out: the appeal is closed by it (the new decision may be appealed again)."""
    appeal = Appeal.objects.filter(
        application=activation.process.application, voivode_outcome=Appeal.VoivodeOutcome.GRANTED, outcome=""
    ).first()
    if appeal is not None:
        appeal.decided_at = timezone.now()
        appeal.save(update_fields=["decided_at"])


def second_instance_deadline(activation):
    appeal = open_appeal(activation.process.application)
    start = appeal.forwarded_at if appeal and appeal.forwarded_at else timezone.now()
    return last_moment(start, SECOND_INSTANCE_DAYS)


def second_instance_overdue(activation) -> None:
    """The 90 days passed with the appeal still open: recorded for the Head of the Office's supervisors."""
    appeal = open_appeal(activation.process.application)
    audit(None, "appeal.second_instance_overdue", application=activation.process.application, obj=appeal)


def returned_for_reexamination(activation) -> bool:
    last = Appeal.objects.filter(application=activation.process.application).exclude(outcome="").first()
    return last is not None and last.outcome == Appeal.Outcome.RETURNED


def first_instance_discontinued(activation) -> bool:
    """The second instance overturned the decision and discontinued the first-instance proceedings."""
    last = Appeal.objects.filter(application=activation.process.application).exclude(outcome="").first()
    return last is not None and last.outcome == Appeal.Outcome.OVERTURNED_DISCONTINUED


def discontinued_on_appeal(activation) -> None:
    """Art. 138 § 1 pkt 2 k.p.a.: no decision on the permit remains, the case ends discontinued (the decision of the
    Head of the Office is final when made); the legal stay of art. 108 ends with the proceedings."""
    application = activation.process.application
    appeal = Appeal.objects.filter(application=application).exclude(outcome="").first()
    set_status(application, ApplicationStatus.DISCONTINUED)
    record_event(application, CaseEvent.Kind.DISCONTINUED, data={"reason": "second_instance"})
    lapse_legal_stay_certificate(application, reason=LapseReason.CASE_ENDED)
    audit(appeal.decided_by, "case.discontinued_on_appeal", application=application, obj=appeal)


def final_after_second_instance(activation) -> None:
    """Upheld, overturned and decided, or the appeal proceedings discontinued: the case's decision is final now."""
    application = activation.process.application
    appeal = Appeal.objects.filter(application=application).exclude(outcome="").first()
    decision = Decision.objects.filter(application=application).first()
    # After the Head of the Office's decision the 30 days to leave run from its delivery (art. 299 ust. 6 pkt 1):
    # until the letter is opened, from its latest possible delivery.
    mark_decision_final(
        application,
        on=polish_day(appeal.decided_at),
        reason=Finality.Reason.SECOND_INSTANCE,
        decision=decision,
        user=appeal.decided_by,
        leave_from=polish_day(appeal.decision_letter.delivery.counts_from),
    )
