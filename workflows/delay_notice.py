"""The notice of a delay (art. 36 k.p.a.): when the office will not decide in time, it tells the applicant why and
names a new date. The new date becomes the decision clock's due date (`applications.tracking`).

Two ways lead here, one function sends it:
- the case's watch (`workflows.endings`) gives an officer the task 14 days before the clock's date, and again when a
  notified date passes undecided (art. 36 § 1: "o każdym przypadku");
- the case page's form, for a notice before the watch fires: the office knows early that the date cannot be kept (a
  consultation or a consul's answer still running) and tells the applicant at once. While the watch's task is open the
  page sends the officer to it instead, so one delay is never notified twice.
The dashboard lists the cases whose decision is due within 14 days or overdue.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applications.case_models import Application, CaseEvent, DocumentKind
from applications.services import record_event
from documents.models import Document
from documents.services import addressee_of, issue_document

from .audit import audit
from .clock import clock_of, refresh_decision_clock
from .delivery import deliver_letter

__all__ = ["check_delay_notice", "send_delay_notice"]


def check_delay_notice(application: Application, *, new_date: date, reason: str):
    """Refuse a notice without a reason or with a date not later than today's and the clock's (field messages);
    the decision clock of the case otherwise. Checked before the draft is shown and again when it is sent."""
    clock = clock_of(application)
    errors = {}
    if not reason.strip():
        errors["reason"] = _("Say why the case cannot be decided in time (art. 36 § 1 k.p.a.).")
    if new_date <= timezone.localdate():
        errors["new_date"] = _("The new date must be in the future.")
    elif clock.due_on is not None and new_date <= clock.due_on:
        errors["new_date"] = _("The new date must be later than the current one.")
    if clock.due_on is None and not errors:
        errors["new_date"] = _("The decision clock is not running in this case.")
    if errors:
        raise ValidationError(errors)
    return clock


def send_delay_notice(
    *, application: Application, user, new_date: date, reason: str, ip: str | None = None
) -> Document:
    """Issue and deliver the notice with its reason and new date, which the clock then shows everywhere."""
    clock = check_delay_notice(application, new_date=new_date, reason=reason)
    context = {
        "office": application.office,
        "issued_at": timezone.localdate(),
        "place": application.office.city,
        "application_title": application.definition.spec.title.pl.removeprefix("Wniosek o "),
        "application_date": application.submitted_at,
        "addressee": addressee_of(application),
        "officer": {"name": user.get_full_name() or user.email, "position": "inspektor"},
        "due_on": clock.due_on,
        "new_date": new_date,
        "reason": reason.strip(),
    }
    notice = issue_document(
        application,
        DocumentKind.DELAY_NOTICE,
        "documents/delay_notice.html",
        context,
        language="pl",
        title="Zawiadomienie o niezałatwieniu sprawy w terminie",
    )
    with transaction.atomic():
        deliver_letter(notice)
        record_event(application, CaseEvent.Kind.DELAY_NOTICE, data={"new_decision_date": new_date.isoformat()})
        refresh_decision_clock(application)
        audit(
            user,
            "decision.delay_notified",
            application=application,
            obj=notice,
            ip=ip,
            data={"new_date": str(new_date)},
        )
    return notice
