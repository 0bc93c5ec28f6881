"""The applicant books the fingerprints appointment from the free slots the office publishes (or the officer does)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from applications.case_models import Application

from .audit import audit
from .deadlines import earliest_appointment
from .models import Appointment, AppointmentSlot
from .services import WorkflowError


def free_slots_for(application: Application) -> QuerySet[AppointmentSlot]:
    return AppointmentSlot.objects.filter(
        office_id=application.office_id, appointment__isnull=True, starts_at__gte=earliest_appointment(timezone.now())
    ).order_by("starts_at")


def booking_task(application: Application) -> Task | None:
    """The open booking step, if nobody at the office has taken it yet (then the applicant may choose)."""
    tasks = Task.objects.filter(
        process__caseprocess__application=application, status=STATUS.NEW, owner__isnull=True, flow_task_type="HUMAN"
    )
    return next((task for task in tasks if task.flow_task.name == "book_appointment"), None)


def pick_slot(*, application: Application, applicant, slot: AppointmentSlot, ip: str | None = None) -> Appointment:
    if application.applicant_id != applicant.pk:
        raise PermissionDenied
    if slot.office_id != application.office_id:
        raise PermissionDenied
    task = booking_task(application)
    if task is None:
        raise WorkflowError(_("The office is already arranging your appointment."))
    with task.activation() as activation:
        if not activation.assign.can_proceed():
            raise WorkflowError(_("The office is already arranging your appointment."))
        activation.assign(applicant)
        activation.start(request=None)
        try:
            with transaction.atomic():
                appointment = Appointment.objects.create(
                    application=application, slot=slot, booked_by=applicant, starts_at=slot.starts_at, place=slot.place
                )
        except IntegrityError:
            raise WorkflowError(_("This slot has just been taken. Choose another one.")) from None
        audit(applicant, "appointment.chosen_by_applicant", application=application, obj=appointment, ip=ip)
        activation.execute()
    return appointment
