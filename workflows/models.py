"""Case processing: office staff scoping (flows, tasks and deadlines follow)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StaffMembership(models.Model):
    """Ties an officer or supervisor to the one voivodeship office whose cases they may see."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_membership")
    office = models.ForeignKey("applications.Office", on_delete=models.PROTECT, related_name="staff")

    class Meta:
        verbose_name = _("office staff membership")
        verbose_name_plural = _("office staff memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.office}"
