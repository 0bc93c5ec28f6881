"""Things that change state: a contact message is stored, confirmed to the sender and routed to the office."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage, send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from applications.models import Office
from information.models import ContactMessage, current_language
from mos import throttle

logger = logging.getLogger(__name__)


def contact_rate_per_hour() -> int:
    return int(getattr(settings, "CONTACT_RATE_PER_HOUR", 5))


def allow_contact_message(ip: str | None, *, limit: int | None = None, window: int = 3600) -> bool:
    """Count one message from `ip` in the current hour (Django's cache); False once the limit is passed."""
    limit = contact_rate_per_hour() if limit is None else limit
    return throttle.allow("information-contact", ip, limit=limit, window=window)


def send_contact_message(
    *,
    office: Office,
    topic: str,
    email: str,
    message: str,
    consent: bool,
    case_number: str = "",
    language: str | None = None,
    ip: str | None = None,
) -> ContactMessage:
    """Store the message; after commit, confirm it to the sender in their language and tell the office."""
    if not consent:
        raise ValueError("A contact message needs the sender's consent to processing.")
    language = current_language(language)
    with transaction.atomic():
        contact = ContactMessage.objects.create(
            office=office,
            topic=topic,
            case_number=case_number,
            email=email,
            message=message,
            consent=True,
            language=language,
            ip=ip,
        )
        # robust: the message is stored whatever the mail server says; staff see it in the admin.
        transaction.on_commit(lambda: deliver_contact_message(contact), robust=True)
    return contact


def deliver_contact_message(contact: ContactMessage) -> None:
    """The sender's confirmation (in the sender's language) and the office's copy (in Polish, reply-to the sender)."""
    with translation.override(contact.language):
        subject = _("We have received your message (no. %(number)s)") % {"number": contact.pk}
        body = render_to_string("information/email/contact_confirmation.txt", {"contact": contact})
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [contact.email])
    with translation.override("pl"):
        office_subject = _("Contact form: %(topic)s (no. %(number)s)") % {
            "topic": contact.get_topic_display(),
            "number": contact.pk,
        }
        office_body = render_to_string("information/email/contact_to_office.txt", {"contact": contact})
    try:
        EmailMessage(
            office_subject, office_body, settings.DEFAULT_FROM_EMAIL, [contact.office.email], reply_to=[contact.email]
        ).send()
    except Exception:  # the message is stored and visible in the admin; a mail server hiccup must not lose it
        logger.exception("Could not e-mail contact message %s to %s", contact.pk, contact.office.email)
