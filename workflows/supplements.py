"""The applicant answers a call in the account: files attached to the case and a message.

A call to supplement goes back to the formal check; a call for evidence (art. 106f) lets the case go on and starts the
decision clock from the day of the answer.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from applications.case_models import Application, ApplicationStatus, CaseEvent
from applications.representation import may_act_in_case
from applications.services import add_case_attachment, record_event, set_status

from .clock import refresh_decision_clock
from .models import EvidenceRequest, SupplementRequest
from .services import WorkflowError


def open_supplement_task(application: Application, node: str = "supplement") -> Task | None:
    task = (
        Task.objects.filter(
            process__caseprocess__application=application, status=STATUS.ASSIGNED, owner=application.applicant
        )
        .order_by("-created")
        .first()
    )
    return task if task is not None and task.flow_task.name == node else None


def waits_for_payment(application: Application) -> bool:
    """The case stands at the officer's "record the stamp duty payment" step (a call to pay is open)."""
    return Task.objects.filter(
        process__caseprocess__application=application,
        status__in=[STATUS.NEW, STATUS.ASSIGNED],
        flow_task__endswith=".payment",
    ).exists()


def answerable_before_its_step(application: Application, request) -> bool:
    """A call that went out in one letter with the call to pay (art. 106e ust. 2) runs from that letter's delivery, so
    the applicant may answer it at once, while the office is still to record the payment: the flow then finds it
    answered (`endings.supplement_answered_early`) instead of waiting for the applicant a second time."""
    return request is not None and request.delivery_id is not None and waits_for_payment(application)


def _answer_before_its_step(application: Application, request, record) -> None:
    """Record an answer to a call of the combined letter while the case waits for the payment, under the process lock
    the officer's step takes too (so the answer and the payment never cross)."""
    from .models import CaseProcess

    with transaction.atomic():
        CaseProcess.objects.select_for_update().get(application=application)
        request.refresh_from_db()
        if request.answered_at is not None or request.expired_at is not None or not waits_for_payment(application):
            raise WorkflowError(_("There is nothing to supplement in this case now."))
        if request.deadline < timezone.now():
            raise WorkflowError(_("The deadline for this supplement has passed."))
        record(request)


def _record_answer(application: Application, request, *, kind: str, message: str, uploads: list[File]) -> None:
    """Attach the files and note the answer to a call (`kind`: "supplement" or "evidence"), with its receipt (UPO) and
    its timeline line; an answer to a call for evidence also starts the decision clock from today (art. 106f).

    The same for an answer taken at the call's own step and one given before it opens (`answerable_before_its_step`).
    """
    requirement = {"requirement": "evidence"} if kind == "evidence" else {}
    try:
        with transaction.atomic():
            files = [add_case_attachment(application=application, upload=upload, **requirement) for upload in uploads]
    except ValidationError as error:
        raise WorkflowError(" ".join(error.messages)) from None
    request.answered_at, request.message = timezone.now(), message.strip()
    request.save(update_fields=["answered_at", "message"])
    issue_answer_receipt(application, kind, request.answered_at, files, message)
    if kind == "evidence":
        record_event(
            application,
            CaseEvent.Kind.EVIDENCE_RECEIVED,
            data={"files": len(files), "evidence_on": timezone.localdate(request.answered_at).isoformat()},
        )
        refresh_decision_clock(application)
    else:
        record_event(application, CaseEvent.Kind.SUPPLEMENT_RECEIVED, data={"files": len(files)})


def open_supplement_request(application: Application) -> SupplementRequest | None:
    return application.supplement_requests.filter(answered_at__isnull=True, expired_at__isnull=True).first()


def answer_supplement(*, application: Application, applicant, message: str, uploads: list[File]) -> SupplementRequest:
    """Attach the files, note the answer, and hand the case back to the formal check (under the flow lock)."""
    if not may_act_in_case(application, applicant):  # the party, or a representative the office accepted
        raise PermissionDenied
    if not uploads and not message.strip():
        raise WorkflowError(_("Upload the missing documents or write an answer."))
    task = open_supplement_task(application)
    if task is None and answerable_before_its_step(application, open_supplement_request(application)):
        request = open_supplement_request(application)
        _answer_before_its_step(
            application,
            request,
            lambda request: _record_answer(application, request, kind="supplement", message=message, uploads=uploads),
        )
        return request
    if task is None or task.flow_task.name != "supplement":
        raise WorkflowError(_("There is nothing to supplement in this case now."))
    with task.activation() as activation:
        if not activation.start.can_proceed() or task.owner_id != application.applicant_id:
            raise WorkflowError(_("There is nothing to supplement in this case now."))
        request = open_supplement_request(application)
        if request is None or request.deadline < timezone.now():
            raise WorkflowError(_("The deadline for this supplement has passed."))
        activation.start(request=None)
        _record_answer(application, request, kind="supplement", message=message, uploads=uploads)
        set_status(application, ApplicationStatus.FORMAL_CHECK)
        activation.execute()
    return request


def open_evidence_request(application: Application) -> EvidenceRequest | None:
    return application.evidence_requests.filter(answered_at__isnull=True, expired_at__isnull=True).first()


def answer_evidence(*, application: Application, applicant, message: str, uploads: list[File]) -> EvidenceRequest:
    """Attach the evidence, note the answer and let the case go on; the decision clock runs from today."""
    if application.applicant_id != applicant.pk:
        raise PermissionDenied
    if not uploads and not message.strip():
        raise WorkflowError(_("Upload the documents or write an explanation."))
    task = open_supplement_task(application, "evidence")
    if task is None and answerable_before_its_step(application, open_evidence_request(application)):
        request = open_evidence_request(application)
        _answer_before_its_step(
            application,
            request,
            lambda request: _record_answer(application, request, kind="evidence", message=message, uploads=uploads),
        )
        return request
    if task is None:
        raise WorkflowError(_("The office has not asked you for evidence in this case now."))
    with task.activation() as activation:
        if not activation.start.can_proceed() or task.owner_id != applicant.pk:
            raise WorkflowError(_("The office has not asked you for evidence in this case now."))
        request = open_evidence_request(application)
        if request is None or request.deadline < timezone.now():
            raise WorkflowError(_("The deadline for this evidence has passed."))
        activation.start(request=None)
        _record_answer(application, request, kind="evidence", message=message, uploads=uploads)
        activation.execute()
    return request


def issue_answer_receipt(application: Application, kind: str, received_at, files, message: str):
    """The official receipt (UPO) of a supplement or an evidence answer, like the application's: when it came in and
    the SHA-256 of each file, sealed, with a QR code to `/verify/` (issue 17)."""
    import uuid

    from .ending_letters import supplement_receipt_letter

    public_id = uuid.uuid4()
    letter = supplement_receipt_letter(
        application, kind=kind, received_at=received_at, files=files, message=message, public_id=public_id
    )
    from documents.services import issue_document

    return issue_document(
        application,
        letter.kind,
        letter.template,
        letter.context,
        language="pl",
        title=letter.title,
        public_id=public_id,
    )
