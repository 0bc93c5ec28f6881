"""What happens after a decision is delivered: the appeal period, the appeal itself, and the decision's finality.

Kept apart from `models.py` (imported there), so the decision's own rows stay the drafting part's business.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from polishtime import format_when


class AppealPeriod(models.Model):
    """The 14 days for an appeal (art. 129 § 2 k.p.a.), running from the delivery of one decision.

    It has the shape of a call (`delivery`, `days`, `deadline`, `answered_at`, `expired_at`), so opening the decision
    letter moves its deadline and the timer of the flow's `appeal_period` node exactly as it does for a call.
    """

    application = models.ForeignKey("applications.Application", on_delete=models.PROTECT, related_name="appeal_periods")
    decision = models.OneToOneField("workflows.Decision", on_delete=models.PROTECT, related_name="appeal_period")
    delivery = models.ForeignKey("workflows.Delivery", on_delete=models.PROTECT, related_name="+")
    days = models.PositiveSmallIntegerField(_("days from delivery"), default=14)
    deadline = models.DateTimeField(_("last moment for an appeal"))
    #: When the applicant acted in the period: filed an appeal or waived the right to it.
    answered_at = models.DateTimeField(null=True, blank=True)
    waived_at = models.DateTimeField(_("right of appeal waived"), null=True, blank=True)
    expired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("appeal period")
        verbose_name_plural = _("appeal periods")

    def __str__(self) -> str:
        return f"{self.application_id}: until {format_when(self.deadline, 'date')}"


class Appeal(models.Model):
    """An appeal against a first-instance decision, filed in the account, through the voivode (art. 129 § 1)."""

    class VoivodeOutcome(models.TextChoices):
        GRANTED = "granted", _("Granted by the voivode with a new decision (art. 132 k.p.a.)")
        FORWARDED = "forwarded", _("Sent to the Head of the Office for Foreigners (art. 133 k.p.a.)")

    class Outcome(models.TextChoices):
        UPHELD = "upheld", _("Upholds the decision (art. 138 § 1 pkt 1 k.p.a.)")
        OVERTURNED = "overturned", _("Overturns the decision and decides the case (art. 138 § 1 pkt 2 k.p.a.)")
        RETURNED = "returned", _("Overturns the decision and returns the case for re-examination (art. 138 § 2 k.p.a.)")
        OVERTURNED_DISCONTINUED = (
            "overturned_discontinued",
            _("Overturns the decision and discontinues the first-instance proceedings (art. 138 § 1 pkt 2 k.p.a.)"),
        )
        DISCONTINUED = "discontinued", _("Discontinues the appeal proceedings (art. 138 § 1 pkt 3 k.p.a.)")

    application = models.ForeignKey("applications.Application", on_delete=models.PROTECT, related_name="appeals")
    decision = models.ForeignKey("workflows.Decision", on_delete=models.PROTECT, related_name="appeals")
    text = models.TextField(_("appeal"))
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    filed_at = models.DateTimeField(_("filed at"))
    receipt = models.OneToOneField(
        "documents.Document", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    voivode_outcome = models.CharField(_("voivode"), max_length=16, choices=VoivodeOutcome.choices, blank=True)
    voivode_note = models.TextField(_("voivode's note"), blank=True)
    voivode_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    forwarded_at = models.DateTimeField(_("sent to the second instance"), null=True, blank=True)
    outcome = models.CharField(_("decision on the appeal"), max_length=32, choices=Outcome.choices, blank=True)
    justification = models.TextField(_("justification"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    #: The second-instance decision letter (its delivery starts the 30 days to leave after a refusal upheld).
    decision_letter = models.OneToOneField(
        "documents.Document", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-filed_at", "-pk"]
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")

    def __str__(self) -> str:
        return f"{self.application_id}: appeal of {format_when(self.filed_at, 'date')}"


class Finality(models.Model):
    """The day a decision became final (ostateczna), and why: no appeal in time, a waiver, or the second instance."""

    class Reason(models.TextChoices):
        NO_APPEAL = "no_appeal", _("No appeal within 14 days of delivery")
        WAIVER = "waiver", _("The applicant waived the right of appeal (art. 127a k.p.a.)")
        SECOND_INSTANCE = "second_instance", _("Decided by the Head of the Office for Foreigners")

    application = models.OneToOneField("applications.Application", on_delete=models.PROTECT, related_name="finality")
    decision = models.ForeignKey("workflows.Decision", on_delete=models.PROTECT, related_name="+")
    final_on = models.DateField(_("final on"))
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    granted = models.BooleanField(_("permit granted"))
    #: The last day of the 30 days to leave Poland after a final refusal (art. 299 ust. 6 pkt 1), else empty.
    leave_by = models.DateField(_("leave Poland by"), null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("finality of the decision")
        verbose_name_plural = _("finality of decisions")

    def __str__(self) -> str:
        return f"{self.application_id}: final on {self.final_on}"
