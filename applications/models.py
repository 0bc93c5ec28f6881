"""Applications: voivodeships and offices (the addressees of cases); drafts and cases follow.

The form definitions a draft is pinned to live in `formdefs.models`."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Voivodeship(models.Model):
    """One of the 16 voivodeships; its TERYT code starts every case number of its office."""

    code = models.CharField(_("TERYT code"), max_length=2, unique=True)
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=64, help_text=_("Polish name, lower case, as in TERYT."))

    class Meta:
        ordering = ["code"]
        verbose_name = _("voivodeship")
        verbose_name_plural = _("voivodeships")

    def __str__(self) -> str:
        return self.name


class Office(models.Model):
    """The voivodeship office (urząd wojewódzki) that decides the cases of one voivodeship."""

    voivodeship = models.OneToOneField(Voivodeship, on_delete=models.PROTECT, related_name="office")
    name = models.CharField(_("name"), max_length=200)
    street = models.CharField(_("street and number"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=6)
    city = models.CharField(_("city"), max_length=100)
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("phone"), max_length=32, blank=True)

    class Meta:
        ordering = ["voivodeship__code"]
        verbose_name = _("voivodeship office")
        verbose_name_plural = _("voivodeship offices")

    def __str__(self) -> str:
        return self.name

    @property
    def address(self) -> str:
        return f"{self.street}, {self.postal_code} {self.city}"


# Kept for code written before the move (new code imports these from `formdefs.api`).
from formdefs.models import FormDefinition, FormDefinitionChange, FormDefinitionStatus  # noqa: E402,F401

from .case_models import (  # noqa: E402,F401 - registers the case models with Django
    AnnexLinkCode,
    Application,
    ApplicationStatus,
    Attachment,
    CaseEvent,
    CaseNumberSequence,
    Draft,
    DraftStatus,
    EmployerAnnex,
)
from .notification_models import ApiToken, NotificationLog, NotificationStatus  # noqa: E402,F401
from .representation_models import PowerOfAttorneyStatus, Representation  # noqa: E402,F401
from .signature_models import SigningMethod, SigningRequest, SigningRequestStatus  # noqa: E402,F401
