"""What the applicant is told outside the site: the e-mail log of a case, and personal API tokens.

`NotificationLog` has one row per case event (a unique constraint), which is what makes a notification
idempotent: a task that runs twice finds the row already sent. `ApiToken` stores only a SHA-256 of the key.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENT = "sent", _("Sent")
    SKIPPED = "skipped", _("Not sent (switched off or nothing to say)")
    FAILED = "failed", _("Failed")


class NotificationLog(models.Model):
    """One e-mail about one case event: to whom, when, and how it went."""

    application = models.ForeignKey("applications.Application", on_delete=models.CASCADE, related_name="notifications")
    event = models.OneToOneField("applications.CaseEvent", on_delete=models.CASCADE, related_name="notification")
    kind = models.CharField(_("kind"), max_length=32)
    recipient = models.EmailField(_("recipient"), blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=NotificationStatus.choices, default=NotificationStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient or '-'} ({self.status})"


class ApiToken(models.Model):
    """A personal key for the JSON API (`Authorization: Bearer <key>`); the key itself is shown once."""

    PREFIX = "mos_"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100, blank=True)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"API token of {self.user} ({self.name or '-'})"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def new_key(cls) -> str:
        return cls.PREFIX + secrets.token_urlsafe(32)
