"""The residence-permit case, from submission to decision (open-source Viewflow nodes only).

Human steps are `flow.View` nodes worked through our own pages (`workflows.views`), which call `workflows.services`;
the automatic steps are in `workflows.steps`. Deadlines are Viewflow's boundary timers, fired by its dispatcher.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow, lock

from . import appeal_steps, endings, finality, steps
from .models import Agency, CaseProcess, CaseTask
from .node_views import open_task

#: Consultation nodes, one per agency (art. 109). The labour office's node only finishes cases from before its removal.
CONSULTATION_NODES = {
    "consult_border_guard": Agency.BORDER_GUARD,
    "consult_police": Agency.POLICE,
    "consult_abw": Agency.ABW,
    "consult_labour_office": Agency.LABOUR_OFFICE,
    "consult_consul": Agency.CONSUL,
}


def _consultation(agency: str, title):
    return (
        flow.View(open_task)
        .Annotation(title=title)
        .OnTimeout(steps.consultation_deadline(agency), getattr(this, f"deemed_{agency}"))
        .Next(this.consultations_done)
    )


class ResidencePermitFlow(flow.Flow):
    process_class = CaseProcess
    task_class = CaseTask  # stamps each task with its office (the office lists' indexes)
    lock_impl = lock.select_for_update_lock

    start = flow.StartHandle(steps.start_case).Next(this.begin)

    formal_check = flow.View(open_task).Annotation(title=_("Formal check")).Next(this.after_formal_check)
    is_formally_complete = flow.If(steps.is_formally_complete).Then(this.needs_evidence).Else(this.call_to_supplement)
    call_to_supplement = flow.Function(steps.send_call_to_supplement).Next(this.supplement)
    supplement = (
        flow.View(open_task)
        .Annotation(title=_("Supplement the application"))
        .Assign(steps.applicant_of)
        .OnTimeout(steps.supplement_deadline, this.leave_unexamined)
        .Next(this.formal_check_again)
    )
    formal_check_again = (
        flow.View(open_task)
        .Annotation(title=_("Formal check after a supplement"))
        .Assign(steps.owner_of_last("formal_check"))
        .Next(this.after_formal_check)
    )
    leave_unexamined = flow.Function(steps.leave_unexamined).Next(this.end_left_unexamined)

    # The call for evidence (art. 106f): the case is complete; the decision clock waits for the answer or the deadline.
    needs_evidence = flow.If(steps.evidence_requested).Then(this.call_for_evidence).Else(this.book_appointment)
    call_for_evidence = flow.Function(steps.send_call_for_evidence).Next(this.evidence)
    evidence = (
        flow.View(open_task)
        .Annotation(title=_("Give the evidence asked for"))
        .Assign(steps.applicant_of)
        .OnTimeout(steps.evidence_deadline, this.evidence_not_given)
        .Next(this.book_appointment)
    )
    evidence_not_given = flow.Function(steps.evidence_deadline_passed).Next(this.book_appointment)

    book_appointment = (
        flow.View(open_task).Annotation(title=_("Book the fingerprints appointment")).Next(this.send_summons)
    )
    send_summons = flow.Function(steps.send_summons).Next(this.fingerprints)
    fingerprints = (
        flow.View(open_task)
        .Annotation(title=_("Record the fingerprints appointment"))
        .Assign(steps.owner_of_last("book_appointment"))
        .Next(this.after_fingerprints)
    )
    after_fingerprints = (
        flow.Switch()
        .Case(this.needs_consultations, steps.fingerprints_taken)
        .Case(this.book_appointment, steps.new_appointment_needed)
        .Default(this.discontinue)
    )
    # Not appearing without an excuse the Act accepts discontinues the proceedings (art. 106i), with its own decision.
    discontinue = flow.Function(steps.discontinue_for_no_show).Next(this.end_discontinued)

    needs_consultations = flow.If(steps.consultations_required).Then(this.open_consultations).Else(this.review)
    open_consultations = flow.Function(steps.open_consultations).Next(this.consultations)
    consultations = (
        flow.Split()
        .Next(this.consult_border_guard)
        .Next(this.consult_police)
        .Next(this.consult_abw)
        .Next(this.consult_labour_office, case=steps.needs_labour_office)
        .Next(this.consult_consul, case=steps.needs_consul)
    )
    consult_border_guard = _consultation(Agency.BORDER_GUARD, _("Consultation: Border Guard"))
    consult_police = _consultation(Agency.POLICE, _("Consultation: Police"))
    consult_abw = _consultation(Agency.ABW, _("Consultation: Internal Security Agency"))
    consult_labour_office = _consultation(Agency.LABOUR_OFFICE, _("Consultation: labour office"))
    deemed_border_guard = flow.Function(steps.consultation_expired(Agency.BORDER_GUARD)).Next(this.consultations_done)
    deemed_police = flow.Function(steps.consultation_expired(Agency.POLICE)).Next(this.consultations_done)
    deemed_abw = flow.Function(steps.consultation_expired(Agency.ABW)).Next(this.consultations_done)
    deemed_labour_office = flow.Function(steps.consultation_expired(Agency.LABOUR_OFFICE)).Next(this.consultations_done)
    consultations_done = flow.Join().Next(this.review)

    review = flow.View(open_task).Annotation(title=_("Substantive review")).Next(this.decide)
    decide = (
        flow.View(open_task)
        .Annotation(title=_("Decision"))
        .Assign(steps.owner_of_last("review"))
        .Next(this.needs_approval)
    )
    needs_approval = flow.If(steps.approval_required).Then(this.approve).Else(this.deliver)
    approve = flow.View(open_task).Annotation(title=_("Approve the decision")).Next(this.is_approved)
    is_approved = flow.If(steps.decision_approved).Then(this.deliver).Else(this.redecide)
    redecide = (
        flow.View(open_task)
        .Annotation(title=_("Decision (returned by the supervisor)"))
        .Assign(steps.owner_of_last("decide"))
        .Next(this.needs_approval)
    )
    deliver = flow.Function(steps.deliver_decision).Next(this.open_appeal_period)
    is_granted = flow.If(steps.is_granted).Then(this.residence_card).Else(this.end_refused)
    residence_card = flow.View(open_task).Annotation(title=_("Residence card")).Next(this.end_granted)

    # After the decision (art. 127-140 k.p.a.): 14 days from delivery to appeal or waive; final without an appeal.
    open_appeal_period = flow.Function(finality.open_appeal_period).Next(this.appeal_period)
    appeal_period = (
        flow.View(open_task)
        .Annotation(title=_("Appeal or waive the appeal"))
        .Assign(steps.applicant_of)
        .OnTimeout(finality.appeal_deadline, this.final_without_appeal)
        .Next(this.appealed)
    )
    appealed = flow.If(appeal_steps.appeal_filed).Then(this.appeal_review).Else(this.final_on_waiver)
    final_without_appeal = flow.Function(finality.final_without_appeal).Next(this.is_granted)
    final_on_waiver = flow.Function(finality.final_on_waiver).Next(this.is_granted)
    # The voivode grants the appeal himself within 7 days (art. 132) or sends the file on (art. 133, or when they end).
    appeal_review = (
        flow.View(open_task)
        .Annotation(title=_("Appeal: grant it or send it to the second instance"))
        .OnTimeout(appeal_steps.voivode_deadline, this.forward_appeal)
        .Next(this.voivode_grants)
    )
    voivode_grants = flow.If(appeal_steps.granted_by_voivode).Then(this.deliver_new_decision).Else(this.forward_appeal)
    deliver_new_decision = flow.Function(steps.deliver_decision).Next(this.close_granted_appeal)
    close_granted_appeal = flow.Function(appeal_steps.voivode_grant_delivered).Next(this.open_appeal_period)
    forward_appeal = flow.Function(appeal_steps.forward_appeal).Next(this.second_instance)
    # The Head of the Office for Foreigners decides within 90 days; a return sends the case back to the review.
    second_instance = (
        flow.View(open_task)
        .Annotation(title=_("Appeal: decision of the Head of the Office for Foreigners"))
        .OnTimeout(appeal_steps.second_instance_deadline, this.second_instance_overdue, interrupting=False)
        .Next(this.after_second_instance)
    )
    second_instance_overdue = flow.Function(appeal_steps.second_instance_overdue)
    # Overturned with the first-instance proceedings discontinued (art. 138 § 1 pkt 2 k.p.a.): the case ends there.
    after_second_instance = (
        flow.Switch()
        .Case(this.review, appeal_steps.returned_for_reexamination)
        .Case(this.discontinued_on_appeal, appeal_steps.first_instance_discontinued)
        .Default(this.final_after_appeal)
    )
    discontinued_on_appeal = flow.Function(appeal_steps.discontinued_on_appeal).Next(this.end_discontinued)
    final_after_appeal = flow.Function(appeal_steps.final_after_second_instance).Next(this.is_granted)

    end_granted = flow.End()
    end_refused = flow.End()
    end_left_unexamined = flow.End()
    end_discontinued = flow.End()

    # --- The other endings and the case's watch (`workflows.endings`) ------------------------------------------
    # Beside the main path a timer watches the case: 14 days before the decision clock's date it gives an officer
    # the art. 36 k.p.a. notice; a request to suspend (art. 98 k.p.a.) fires it at once. A main-path End closes it.
    begin = flow.Split().Next(this.formal_check).Next(this.watch_case)
    after_formal_check = (
        flow.Switch()
        .Case(this.refuse_to_initiate, endings.initiation_refused)
        .Case(this.call_to_pay, endings.payment_requested)
        .Default(this.is_formally_complete)
    )
    refuse_to_initiate = flow.Function(endings.refuse_to_initiate).Next(this.end_refused_to_initiate)
    call_to_pay = flow.Function(endings.send_call_to_pay).Next(this.payment)
    payment = (
        flow.View(open_task)
        .Annotation(title=_("Record the stamp duty payment"))
        .Assign(steps.owner_of_last("formal_check"))
        .OnTimeout(endings.payment_deadline, this.return_application)
        .Next(this.after_payment)
    )
    # A supplement asked for in the same letter may come in while the payment is recorded: it is checked at once.
    after_payment = (
        flow.Switch()
        .Case(this.formal_check_again, endings.supplement_answered_early)
        .Default(this.is_formally_complete)
    )
    return_application = flow.Function(endings.return_application).Next(this.end_returned)
    consult_consul = _consultation(Agency.CONSUL, _("Consultation: consul"))
    deemed_consul = flow.Function(steps.consultation_expired(Agency.CONSUL)).Next(this.consultations_done)

    watch_case = flow.Timer(endings.next_watch_moment).Next(this.on_watch)
    on_watch = (
        flow.Switch()
        .Case(this.end_watch, endings.case_has_ended)
        .Case(this.decide_suspension, endings.suspension_requested)
        .Case(this.delay_notice, endings.delay_notice_due)
        .Default(this.watch_case)
    )
    delay_notice = (
        flow.View(open_task)
        .Annotation(title=_("Notify a delay in deciding (art. 36 k.p.a.)"))
        .Assign(steps.owner_of_last("review"))
        .Next(this.watch_case)
    )
    decide_suspension = (
        flow.View(open_task).Annotation(title=_("Suspension at the applicant's request")).Next(this.is_suspended)
    )
    is_suspended = flow.If(endings.was_suspended).Then(this.suspended).Else(this.watch_case)
    suspended = (
        flow.View(open_task)
        .Annotation(title=_("Ask to resume the proceedings"))
        .Assign(steps.applicant_of)
        .OnTimeout(endings.three_years_after_suspension, this.discontinue_after_suspension)
        .Next(this.resume)
    )
    resume = flow.Function(endings.resume).Next(this.watch_case)
    discontinue_after_suspension = flow.Function(endings.discontinue_after_suspension).Next(this.end_discontinued)

    end_returned = flow.End()
    end_refused_to_initiate = flow.End()
    end_watch = flow.End()
