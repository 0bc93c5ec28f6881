"""E-mails to the applicant about their case: one per case event that needs their attention or changes the status.

Contract: `services.record_event` hands every new event to `tasks.enqueue` after the transaction commits, which
queues the Celery task `applications.tasks.send_event_notification` for the kinds in `RULES`, and `deliver` sends
at most one e-mail per event (a `NotificationLog` row per event, locked while sending; a task that runs twice finds
it sent). Kinds in `MANDATORY_KINDS` are letters the law requires the applicant to learn about, so they are sent even
to an applicant who turned e-mails off (`User.email_notifications`).

The message is in the applicant's preferred language and carries no personal data beyond the first name and the
case number: what happened (a fixed sentence per kind, with a deadline when there is one) and a link to the case
page, where the applicant logs in to read the details.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_
from django.utils.translation import override

from polishtime import format_when

from .case_models import CaseEvent, DocumentKind
from .notification_models import NotificationLog, NotificationStatus
from .tracking import event_sentence, visible_data

logger = logging.getLogger(__name__)
Kind = CaseEvent.Kind

#: Kinds the law requires the applicant to be told about: sent whatever the applicant's e-mail setting says.
MANDATORY_KINDS = frozenset({Kind.CALL_TO_SUPPLEMENT, Kind.DECISION, Kind.LEFT_UNEXAMINED, Kind.APPOINTMENT})
#: Documents announced by the e-mail of their own event (the letter of a call, summons, decision, left unexamined),
#: or by another document of the same moment (the package comes with the receipt): one e-mail, not two.
SILENT_DOCUMENT_KINDS = frozenset(
    {"application_package", "call_to_supplement", "summons", "decision", "left_unexamined"}
)


@dataclass(frozen=True)
class Rule:
    """Which sentence an e-mail about one kind of event says."""

    sentence: str  # an English msgid, translated when the message is built
    sentence_with_deadline: str = ""
    #: The e-mail's subject: what happened, with the case number as %(number)s (an English msgid). Without one the
    #: subject is the general "news in your case".
    subject: str = ""
    #: Say what the case page says (the appointment's day, hour and place, in Polish time) when the event has it.
    like_the_case_page: bool = False


RULES: dict[str, Rule] = {
    Kind.SUBMITTED: Rule(
        N_("Your application has been submitted to the voivodeship office."),
        subject=N_("Case %(number)s: application submitted"),
    ),
    Kind.WITHDRAWN: Rule(
        N_("Your application has been withdrawn."), subject=N_("Case %(number)s: application withdrawn")
    ),
    Kind.STATUS_CHANGED: Rule(
        N_("The status of your case has changed."), subject=N_("Case %(number)s: status changed")
    ),
    Kind.FORMAL_CHECK_STARTED: Rule(
        N_("The office has started checking that your application is complete."),
        subject=N_("Case %(number)s: formal check started"),
    ),
    Kind.CALL_TO_SUPPLEMENT: Rule(
        N_("The office asks you to supplement your application."),
        N_(
            "The office asks you to supplement your application by %(deadline)s. If you do not, the application "
            "will be left unexamined."
        ),
        subject=N_("Case %(number)s: call to supplement your application"),
    ),
    Kind.SUPPLEMENT_RECEIVED: Rule(
        N_("The office has received your supplement."), subject=N_("Case %(number)s: supplement received")
    ),
    Kind.APPOINTMENT: Rule(
        N_("The office invites you to give your fingerprints."),
        N_("The office invites you to give your fingerprints. Please respond by %(deadline)s."),
        like_the_case_page=True,
        subject=N_("Case %(number)s: summons to give your fingerprints"),
    ),
    Kind.DECISION: Rule(
        N_("The office has issued a decision in your case."), subject=N_("Case %(number)s: decision issued")
    ),
    Kind.DOCUMENT: Rule(
        N_("A new document from the office is available in your case."),
        subject=N_("Case %(number)s: new document from the office"),
    ),
    Kind.LEFT_UNEXAMINED: Rule(
        N_("Your application has been left unexamined."),
        subject=N_("Case %(number)s: application left unexamined"),
    ),
    Kind.DISCONTINUED: Rule(
        N_("The proceedings in your case have been discontinued."),
        subject=N_("Case %(number)s: proceedings discontinued"),
    ),
    Kind.APPEAL_FORWARDED: Rule(
        N_("Your appeal has been sent to the Head of the Office for Foreigners."),
        subject=N_("Case %(number)s: appeal sent to the Head of the Office for Foreigners"),
    ),
    Kind.SECOND_INSTANCE_DECISION: Rule(
        N_("The Head of the Office for Foreigners has decided on your appeal."),
        subject=N_("Case %(number)s: decision on the appeal"),
    ),
    Kind.DECISION_FINAL: Rule(N_("The decision in your case is final."), subject=N_("Case %(number)s: decision final")),
}


def is_mandatory(kind: str) -> bool:
    return kind in MANDATORY_KINDS


def is_notified(event: CaseEvent) -> bool:
    if event.kind not in RULES:
        return False
    return not (event.kind == Kind.DOCUMENT and (event.data or {}).get("kind") in SILENT_DOCUMENT_KINDS)


def events_awaiting_notification(*, created_before, created_after):
    """Events that should have an e-mail record and have none (the enqueue failed or the task was lost), created in
    the window, oldest first: what the sweep enqueues again. Every event `deliver` has seen has a record (sent,
    skipped or failed), so one without is one the task never ran for."""
    return (
        CaseEvent.objects.filter(
            kind__in=list(RULES),
            created_at__lte=created_before,
            created_at__gte=created_after,
            notification__isnull=True,
        )
        .exclude(kind=Kind.DOCUMENT, data__kind__in=sorted(SILENT_DOCUMENT_KINDS))
        .order_by("created_at", "pk")
    )


def case_link(application) -> str:
    return settings.SITE_URL + reverse("applications:case", kwargs={"case_id": application.public_id})


def build_message(event: CaseEvent, user) -> EmailMessage:
    """The e-mail about `event` in the user's language: first name, case number, what happened, a link."""
    application = event.application
    with override(user.preferred_language or settings.LANGUAGE_CODE):
        rule = RULES[event.kind]
        if rule.like_the_case_page and visible_data(event).get("at"):
            sentence = event_sentence(event)
        elif event.due_at and rule.sentence_with_deadline:
            deadline = format_when(event.due_at, "date")
            sentence = _(rule.sentence_with_deadline) % {"deadline": deadline}
        else:
            sentence = _(rule.sentence)
        context = {
            "first_name": user.first_name,
            "case_number": application.case_number,
            "sentence": sentence,
            "case_url": case_link(application),
            "mandatory": is_mandatory(event.kind),
            "account_url": settings.SITE_URL + reverse("accounts:account"),
        }
        subject = email_subject(event, rule, context)
        body = render_to_string("applications/email/case_event_body.txt", context)
    return EmailMessage(subject=subject, body=body, to=[user.email])


def email_subject(event: CaseEvent, rule: Rule, context: dict) -> str:
    """What happened and the case number, in the active language: a document's e-mail names the document."""
    number = context["case_number"]
    document_kind = (event.data or {}).get("kind") if event.kind == Kind.DOCUMENT else None
    if document_kind in DocumentKind.values:
        return _("Case %(number)s: %(document)s") % {"number": number, "document": DocumentKind(document_kind).label}
    if rule.subject:
        return _(rule.subject) % {"number": number}
    return " ".join(render_to_string("applications/email/case_event_subject.txt", context).split())


def skip_reason(event: CaseEvent, user) -> str:
    """Why no e-mail goes out for this event ('' when one should)."""
    if not is_notified(event):
        return "kind not notified"
    if not user.email or not user.is_active:
        return "no active address"
    if not user.email_notifications and not is_mandatory(event.kind):
        return "switched off by the applicant"
    return ""


def deliver(event_id: int) -> NotificationLog | None:
    """Send the e-mail about one event unless it was sent (or decided against) already; raise to be retried."""
    event = CaseEvent.objects.select_related("application__applicant").filter(pk=event_id).first()
    if event is None:
        return None
    user = event.application.applicant
    log, _created = NotificationLog.objects.get_or_create(
        event=event,
        defaults={
            "application": event.application,
            "kind": event.kind,
            "recipient": user.email,
            "language": user.preferred_language,
        },
    )
    failure: Exception | None = None
    with transaction.atomic():
        log = NotificationLog.objects.select_for_update().get(pk=log.pk)
        if log.status in (NotificationStatus.SENT, NotificationStatus.SKIPPED):
            return log
        if reason := skip_reason(event, user):
            log.status, log.error = NotificationStatus.SKIPPED, reason
            log.save(update_fields=["status", "error"])
            return log
        log.attempts += 1
        log.recipient, log.language = user.email, user.preferred_language
        try:
            build_message(event, user).send()
        except Exception as exc:  # recorded, then raised again so that Celery retries
            failure = exc
            log.status, log.error = NotificationStatus.FAILED, f"{type(exc).__name__}: {exc}"[:2000]
        else:
            log.status, log.error, log.sent_at = NotificationStatus.SENT, "", timezone.now()
        log.save()
    if failure is not None:
        logger.warning("notification about event %s failed: %s", event_id, failure)
        raise failure
    return log
