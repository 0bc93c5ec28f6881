"""The national identity (from the login node) linked to an account, and the assertions already used."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NationalIdentity(models.Model):
    """Who the national login node says the account holder is; kept current at every login through the node."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="national_identity")
    issuer = models.CharField(_("identity provider"), max_length=300)
    subject = models.CharField(_("identifier at the provider"), max_length=300)
    given_names = models.CharField(_("given names"), max_length=200)
    surname = models.CharField(_("surname"), max_length=200)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    pesel = models.CharField(_("PESEL"), max_length=11, blank=True)
    linked_at = models.DateTimeField(auto_now_add=True)
    last_login_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("national identity")
        verbose_name_plural = _("national identities")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="national_identity_one_account_per_person"),
            models.UniqueConstraint(
                fields=["pesel"], condition=~models.Q(pesel=""), name="national_identity_one_account_per_pesel"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.given_names} {self.surname}"


class UsedAssertion(models.Model):
    """An assertion id consumed once: the same assertion presented again (a replay) is refused."""

    assertion_id = models.CharField(max_length=200, unique=True)
    used_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.assertion_id
