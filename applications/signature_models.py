"""A document handed out to be signed (the package PDF for a qualified signature, the application XML for the trusted
profile) and what came back: kept with the case as the signature's evidence."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class SigningMethod(models.TextChoices):
    """How a declaration is signed; the labels are what the receipt prints."""

    QUALIFIED = "qualified", _("Qualified electronic signature")
    TRUSTED_PROFILE = "trusted_profile", _("Trusted profile (profil zaufany)")
    PASSWORD = "password", _("Password confirmation (development only, not a signature in law)")


class SigningRequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the signature")
    VERIFIED = "verified", _("Signature verified")
    REFUSED = "refused", _("Signature refused")


class SigningRequest(models.Model):
    """One document prepared for signing: what we gave out (byte for byte) and what came back."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="signing_requests")
    draft = models.ForeignKey(
        "applications.Draft", on_delete=models.CASCADE, related_name="signing_requests", null=True, blank=True
    )
    annex = models.ForeignKey(
        "applications.EmployerAnnex", on_delete=models.CASCADE, related_name="signing_requests", null=True, blank=True
    )
    method = models.CharField(max_length=32, choices=SigningMethod.choices)
    #: The digest of the answers, attachments and annex when the document was made: a later change makes it stale.
    content_sha256 = models.CharField(max_length=64)
    document = models.FileField(upload_to="signing/%Y/%m/", max_length=300)
    document_sha256 = models.CharField(max_length=64)
    signed_document = models.FileField(upload_to="signing/%Y/%m/", max_length=300, blank=True)
    signed_sha256 = models.CharField(max_length=64, blank=True)
    service_reference = models.CharField(max_length=200, blank=True, help_text="The signing service's document id.")
    status = models.CharField(max_length=16, choices=SigningRequestStatus.choices, default=SigningRequestStatus.PENDING)
    evidence = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    verified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("signing request")
        verbose_name_plural = _("signing requests")
        constraints = [
            models.CheckConstraint(
                condition=Q(draft__isnull=False) | Q(annex__isnull=False), name="signingrequest_signs_something"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.method} {self.public_id} ({self.status})"
