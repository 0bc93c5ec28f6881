"""Case processing: office staff scoping, the process of a case and the facts its steps record.

Viewflow's `Task` table is the history of who did which step; the legal facts (deadlines, answers, decisions) live
here as plain columns so they can be shown, reported and queried.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from viewflow.workflow.models import Process, Task

from applications.case_models import Application
from polishtime import format_when


class StaffMembership(models.Model):
    """Ties an officer or supervisor to the one voivodeship office whose cases they may see."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_membership")
    office = models.ForeignKey("applications.Office", on_delete=models.PROTECT, related_name="staff")

    class Meta:
        verbose_name = _("office staff membership")
        verbose_name_plural = _("office staff memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.office}"


class CaseProcess(Process):
    """The Viewflow process of one application (multi-table, so the office scoping is an indexed join)."""

    application = models.OneToOneField("applications.Application", on_delete=models.PROTECT, related_name="process")
    formally_complete = models.BooleanField(default=False)
    fingerprints_outcome = models.CharField(max_length=16, blank=True)
    #: The statutory decision date as `applications.tracking.decision_clock` computes it (`workflows.clock`).
    decision_due_on = models.DateField(_("decision due on"), null=True, blank=True, db_index=True)
    #: The officer's choices at the formal check that route the case (`workflows.endings`).
    consul_requested = models.BooleanField(_("consult the consul (art. 109)"), default=False, db_default=False)
    initiation_refused_reason = models.TextField(
        _("why the proceedings cannot be initiated"), blank=True, default="", db_default=""
    )

    class Meta:
        verbose_name = _("case process")
        verbose_name_plural = _("case processes")

    def __str__(self) -> str:
        return f"process of {self.application_id}"


#: Key of the office stamp in `Task.data` (see `CaseTask`).
TASK_OFFICE_KEY = "office"


class CaseTask(Task):
    """Viewflow's task, stamped with its case's office (`data["office"]`) when it is first saved.

    The office lists (queue, inbox, the supervisor's open tasks) filter and sort tasks by that stamp through partial
    indexes on viewflow's own table (migration 0004); a human task also carries its permit, purpose, legal deadline,
    filing date and case number (`workflows.task_index`, indexes of migration 0005). Without it, a deep page joined
    task, process, case process and application for every row it skipped: about 250 ms for page 100 of a queue at
    1,000,000 cases. A case never changes office, so the stamp cannot go stale. Viewflow creates tasks through
    `ResidencePermitFlow.task_class`.
    """

    class Meta:
        proxy = True

    def save(self, *args, **kwargs) -> None:
        if self.data is None:
            self.data = {}
        if TASK_OFFICE_KEY not in self.data and self.process_id:
            application = Application.objects.select_related("definition").filter(process__pk=self.process_id).first()
            if application is not None:
                self.data[TASK_OFFICE_KEY] = application.office_id
                # What the office lists filter and sort by (workflows.task_index).
                if self.flow_task and self.flow_task.task_type == "HUMAN":
                    from .task_index import listing_stamp

                    self.data.update(listing_stamp(self.flow_task.name, application))
        super().save(*args, **kwargs)


class Delivery(models.Model):
    """How one official letter reached its addressee: made available, opened, or deemed delivered.

    A deadline runs from delivery (art. 57 § 1 k.p.a.): the day the addressee first opened the letter in the account,
    or, if never opened by then, the day of deemed delivery the channel names (`workflows.delivery`).
    """

    class Channel(models.TextChoices):
        ACCOUNT = "account", _("The applicant's account")
        E_DORECZENIA = "e_doreczenia", _("e-Doręczenia (public e-delivery)")

    document = models.OneToOneField("documents.Document", on_delete=models.PROTECT, related_name="delivery")
    application = models.ForeignKey("applications.Application", on_delete=models.PROTECT, related_name="deliveries")
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices, default=Channel.ACCOUNT)
    made_available_at = models.DateTimeField(_("made available"))
    deemed_delivered_at = models.DateTimeField(_("deemed delivered if not opened"))
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    external_id = models.CharField(_("channel's message id"), max_length=100, blank=True)

    class Meta:
        ordering = ["made_available_at", "pk"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")

    def __str__(self) -> str:
        return f"{self.document_id}: {self.channel}"

    @property
    def was_opened_in_time(self) -> bool:
        """Opened before deemed delivery: then the opening is the delivery."""
        return self.opened_at is not None and self.opened_at <= self.deemed_delivered_at

    @property
    def counts_from(self) -> datetime:
        """The moment a deadline runs from: the opening, or (latest possible) the deemed delivery."""
        return self.opened_at if self.was_opened_in_time else self.deemed_delivered_at

    def delivered_at(self, now: datetime) -> datetime | None:
        """When the letter was delivered, as of `now`; None while it waits, neither opened nor deemed delivered."""
        if self.was_opened_in_time:
            return self.opened_at
        return self.deemed_delivered_at if now >= self.deemed_delivered_at else None


class SupplementRequest(models.Model):
    """A call to supplement formal defects, with its legal deadline and the applicant's answer."""

    application = models.ForeignKey(
        "applications.Application", on_delete=models.PROTECT, related_name="supplement_requests"
    )
    defects = models.JSONField(_("defects"), default=list)
    deadline = models.DateTimeField(_("deadline"))
    #: The period the officer set, counted from the delivery of the letter (empty: a call from before deliveries were
    #: recorded, whose `deadline` was fixed when it was made and stays as it was).
    days = models.PositiveSmallIntegerField(_("days from delivery"), null=True, blank=True)
    delivery = models.ForeignKey(Delivery, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    message = models.TextField(_("message"), blank=True)
    expired_at = models.DateTimeField(_("expired at"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("call to supplement")
        verbose_name_plural = _("calls to supplement")

    def __str__(self) -> str:
        return f"{self.application_id}: until {format_when(self.deadline, 'date')}"

    @property
    def is_open(self) -> bool:
        return self.answered_at is None and self.expired_at is None


class EvidenceRequest(models.Model):
    """A call for evidence (art. 106f): documents or explanations the officer needs, with its own deadline.

    Separate from formal defects: the case is complete, and the decision clock waits for the answer or the deadline.
    """

    application = models.ForeignKey(
        "applications.Application", on_delete=models.PROTECT, related_name="evidence_requests"
    )
    items = models.JSONField(_("evidence asked for"), default=list)
    days = models.PositiveSmallIntegerField(_("days from delivery"))
    deadline = models.DateTimeField(_("deadline"))
    delivery = models.ForeignKey(Delivery, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    message = models.TextField(_("message"), blank=True)
    expired_at = models.DateTimeField(_("expired at"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("call for evidence")
        verbose_name_plural = _("calls for evidence")

    def __str__(self) -> str:
        return f"{self.application_id}: evidence until {self.deadline:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.answered_at is None and self.expired_at is None


class PaymentRequest(models.Model):
    """A call to pay the stamp duty (art. 261 § 1 k.p.a.): 7 to 14 days from delivery; unpaid, the application is
    returned (art. 261 § 2)."""

    application = models.ForeignKey(
        "applications.Application", on_delete=models.PROTECT, related_name="payment_requests"
    )
    amount = models.DecimalField(_("stamp duty (PLN)"), max_digits=8, decimal_places=2)
    days = models.PositiveSmallIntegerField(_("days from delivery"))
    deadline = models.DateTimeField(_("deadline"))
    delivery = models.ForeignKey(Delivery, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    #: When the officer recorded the payment (the field name `answered_at` is shared with the other calls).
    answered_at = models.DateTimeField(_("paid, as recorded"), null=True, blank=True)
    expired_at = models.DateTimeField(_("expired at"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("call to pay the stamp duty")
        verbose_name_plural = _("calls to pay the stamp duty")

    def __str__(self) -> str:
        return f"{self.application_id}: {self.amount} PLN"

    @property
    def is_open(self) -> bool:
        return self.answered_at is None and self.expired_at is None


class Suspension(models.Model):
    """Suspension at the applicant's request (art. 98 k.p.a.): asked, decided, resumed or ended after 3 years."""

    application = models.ForeignKey("applications.Application", on_delete=models.PROTECT, related_name="suspensions")
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    reason = models.TextField(_("the applicant's reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    suspended = models.BooleanField(_("suspended"), null=True)
    refusal_reason = models.TextField(_("why it was not suspended"), blank=True)
    previous_status = models.CharField(max_length=32, blank=True)
    resume_requested_at = models.DateTimeField(_("resumption asked for"), null=True, blank=True)
    resumed_at = models.DateTimeField(_("resumed at"), null=True, blank=True)
    discontinued_at = models.DateTimeField(_("discontinued after 3 years"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("suspension at the applicant's request")
        verbose_name_plural = _("suspensions at the applicant's request")

    def __str__(self) -> str:
        return f"{self.application_id}: suspension asked {format_when(self.requested_at, 'date')}"


class AppointmentSlot(models.Model):
    """A free fingerprints appointment an office publishes; a booking takes it."""

    office = models.ForeignKey("applications.Office", on_delete=models.CASCADE, related_name="appointment_slots")
    starts_at = models.DateTimeField(_("starts at"))
    place = models.CharField(_("place"), max_length=300)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("appointment slot")
        verbose_name_plural = _("appointment slots")

    def __str__(self) -> str:
        return f"{format_when(self.starts_at, 'zone')}, {self.place}"


class Appointment(models.Model):
    class Outcome(models.TextChoices):
        TAKEN = "taken", _("Fingerprints taken")
        NO_SHOW_REBOOK = "no_show_rebook", _("Did not come, with an excuse the Act accepts: book a new date")
        NO_SHOW_END = "no_show_end", _("Did not come without excuse: discontinue the proceedings")

    class Excuse(models.TextChoices):
        """Why a missed appointment does not end the case (art. 106i): a new date at least 7 days away."""

        CHILD_UNDER_SIX = "child_under_six", _("A child under 6")
        PHYSICAL_IMPOSSIBILITY = "physical_impossibility", _("Appearing was physically impossible")
        OFFICE_FAULT = "office_fault", _("The office's fault")
        SUMMONS_LATE = "summons_late", _("The summons was delivered less than 7 days before the date")

    application = models.ForeignKey("applications.Application", on_delete=models.PROTECT, related_name="appointments")
    slot = models.OneToOneField(
        AppointmentSlot, on_delete=models.PROTECT, null=True, blank=True, related_name="appointment"
    )
    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=300)
    booked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    booked_at = models.DateTimeField(auto_now_add=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, blank=True)
    recorded_at = models.DateTimeField(null=True, blank=True)
    fingerprints_taken = models.BooleanField(_("fingerprints taken"), default=False)
    signature_specimen_taken = models.BooleanField(_("signature specimen taken"), default=False)
    travel_document_seen = models.BooleanField(_("original travel document seen"), default=False)
    excuse = models.CharField(_("excuse"), max_length=24, choices=Excuse.choices, blank=True)
    delivery = models.ForeignKey(Delivery, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("fingerprints appointment")
        verbose_name_plural = _("fingerprints appointments")

    def __str__(self) -> str:
        return f"{self.application_id}: {format_when(self.starts_at)}"


class Agency(models.TextChoices):
    BORDER_GUARD = "border_guard", _("Border Guard")
    POLICE = "police", _("Police")
    ABW = "abw", _("Internal Security Agency")
    #: No statute provides it; kept only so that cases from before its removal keep their answered consultations.
    LABOUR_OFFICE = "labour_office", _("Labour office")
    #: Asked only when the officer decides so (art. 109).
    CONSUL = "consul", _("Consul")


class Consultation(models.Model):
    """One agency's opinion; unanswered by the deadline it counts as no objection (`deemed=True`)."""

    class Answer(models.TextChoices):
        NO_OBJECTIONS = "no_objections", _("No objections")
        OBJECTIONS = "objections", _("Objections")
        NOT_NEEDED = "not_needed", _("Not needed (no statute provides it)")

    application = models.ForeignKey("applications.Application", on_delete=models.PROTECT, related_name="consultations")
    agency = models.CharField(_("agency"), max_length=16, choices=Agency.choices)
    asked_at = models.DateTimeField(auto_now_add=True)
    deadline = models.DateTimeField(_("deadline"))
    answer = models.CharField(_("answer"), max_length=16, choices=Answer.choices, blank=True)
    note = models.TextField(_("note"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    deemed = models.BooleanField(_("deemed no objection after the deadline"), default=False)
    extended_reason = models.TextField(_("reason for extending to 60 days"), blank=True)

    class Meta:
        ordering = ["agency", "-asked_at"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self) -> str:
        return f"{self.application_id}: {self.agency}"


class DecisionKind(models.TextChoices):
    GRANT = "grant", _("Grant")
    REFUSAL = "refusal", _("Refusal")


class Review(models.Model):
    """The substantive review: the checklist, notes and the proposed decision (its author is the proposer)."""

    application = models.ForeignKey("applications.Application", on_delete=models.PROTECT, related_name="reviews")
    checklist = models.JSONField(default=dict)
    notes = models.TextField(_("notes"), blank=True)
    proposed = models.CharField(_("proposed decision"), max_length=16, choices=DecisionKind.choices)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("substantive review")
        verbose_name_plural = _("substantive reviews")

    def __str__(self) -> str:
        return f"{self.application_id}: {self.proposed}"


class Decision(models.Model):
    application = models.ForeignKey("applications.Application", on_delete=models.PROTECT, related_name="decisions")
    review = models.ForeignKey(Review, on_delete=models.PROTECT, related_name="decisions")
    kind = models.CharField(_("decision"), max_length=16, choices=DecisionKind.choices)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    justification = models.TextField(_("justification"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)
    needs_approval = models.BooleanField(default=False)
    # Computed by `decisions.check_grant` when the grant is made, never typed: the whole request granted (art. 107 § 4
    # k.p.a. then allows no justification). None for a refusal and for decisions made before the check.
    fully_grants = models.BooleanField(_("grants the request in full"), null=True, editable=False)
    # A grant of a permit given for an indefinite time (`decisions.DecisionLaw.indefinite`: permanent residence, EU
    # long-term resident): it states no period, so it carries no dates; set from the law when the grant is made.
    indefinite = models.BooleanField(_("for an indefinite time"), default=False, editable=False)
    # A refusal's grounds from the Act as picked by the officer (`refusal_grounds.chosen`): a copy of each
    # {"key", "article", "wording"}, so the decision prints what it was made on. Empty for a grant.
    refusal_grounds = models.JSONField(_("grounds of the refusal"), default=list, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved = models.BooleanField(null=True)
    approval_note = models.TextField(_("note"), blank=True)
    issued_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-decided_at", "-pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            # A grant of a temporary permit has both dates; a grant for an indefinite time has none; a refusal is
            # never "for an indefinite time".
            models.CheckConstraint(
                condition=~Q(kind="grant")
                | Q(indefinite=False, valid_from__isnull=False, valid_to__isnull=False)
                | Q(indefinite=True, valid_from__isnull=True, valid_to__isnull=True),
                name="grant_has_validity_or_is_indefinite",
            ),
            models.CheckConstraint(condition=Q(kind="grant") | Q(indefinite=False), name="only_a_grant_is_indefinite"),
        ]

    def __str__(self) -> str:
        return f"{self.application_id}: {self.kind}"


class ResidenceCard(models.Model):
    application = models.OneToOneField(
        "applications.Application", on_delete=models.PROTECT, related_name="residence_card"
    )
    number = models.CharField(_("card number"), max_length=20, unique=True)
    ready_at = models.DateTimeField(_("ready for collection"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("residence card")
        verbose_name_plural = _("residence cards")

    def __str__(self) -> str:
        return self.number


class AuditEntry(models.Model):
    """Append-only trail of officer actions (who, when, what, on which object, from which IP)."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=64)
    application = models.ForeignKey(
        "applications.Application", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    object_repr = models.CharField(max_length=200, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")

    def __str__(self) -> str:
        return f"{format_when(self.at, 'seconds')} {self.user_id} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("audit entries are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("audit entries are never deleted")


from .appeal_models import Appeal, AppealPeriod, Finality  # noqa: E402, F401 - after the decision
from .knowledge_models import (  # noqa: E402, F401 - the knowledge base's models are this app's models too
    KnowledgeArticle,
    KnowledgeArticleTranslation,
    KnowledgeArticleVersion,
)
