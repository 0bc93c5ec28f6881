"""A representative (pełnomocnik) of the party in a case, by a power of attorney the office checks."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

#: Stamp duty on a power of attorney (Act on stamp duty, annex part IV): 17 PLN.
POWER_OF_ATTORNEY_STAMP_DUTY = Decimal("17.00")


class PowerOfAttorneyStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the office's check")
    ACCEPTED = "accepted", _("Accepted by the office")
    REFUSED = "refused", _("Refused by the office")


class Representation(models.Model):
    """The representative may see the case, answer calls and file letters; never sign the application itself."""

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="representations"
    )
    representative = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="representations"
    )
    appointed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    power_of_attorney = models.FileField(_("power of attorney"), upload_to="representation/%Y/%m/", max_length=300)
    power_of_attorney_sha256 = models.CharField(max_length=64)
    stamp_duty_proof = models.FileField(
        _("proof of the stamp duty paid"), upload_to="representation/%Y/%m/", max_length=300, blank=True
    )
    stamp_duty_pln = models.DecimalField(max_digits=8, decimal_places=2, default=POWER_OF_ATTORNEY_STAMP_DUTY)
    status = models.CharField(
        max_length=16, choices=PowerOfAttorneyStatus.choices, default=PowerOfAttorneyStatus.PENDING
    )
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    checked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")
        constraints = [
            models.UniqueConstraint(fields=["application", "representative"], name="one_representation_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.representative} for {self.application}"

    @property
    def is_accepted(self) -> bool:
        return self.status == PowerOfAttorneyStatus.ACCEPTED
