"""Drafts, attachments, the employer's annex, submitted applications (cases), case numbers and the case timeline.

Kept apart from `models.py` (voivodeships, offices, form definitions) so each module holds one concern;
`models.py` imports these so Django registers them.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DraftStatus(models.TextChoices):
    OPEN = "open", _("In progress")
    SUBMITTED = "submitted", _("Submitted")


class Draft(models.Model):
    """An application being filled in. It keeps the form-definition version it was started on."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts")
    definition = models.ForeignKey("formdefs.FormDefinition", on_delete=models.PROTECT, related_name="drafts")
    status = models.CharField(max_length=16, choices=DraftStatus.choices, default=DraftStatus.OPEN)
    answers = models.JSONField(
        _("answers"), default=dict, blank=True, help_text=_("Cleaned answers per step, as JSON.")
    )
    wizard_state = models.JSONField(default=dict, blank=True, help_text="django-formtools storage data.")
    unsaved_input = models.JSONField(
        default=dict, blank=True, help_text="What was typed on a step that did not validate yet, per step."
    )
    #: A parent or guardian fills and signs it from their own account; the child named in the answers is the party.
    filed_by_guardian = models.BooleanField(_("filed by a parent or guardian"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("draft")
        verbose_name_plural = _("drafts")

    def __str__(self) -> str:
        return f"{self.definition.slug} v{self.definition.version} — {self.applicant}"


class Attachment(models.Model):
    """A scan attached to a draft; after submission it belongs to the case and never changes."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="attachments", null=True, blank=True)
    application = models.ForeignKey(
        "applications.Application", on_delete=models.PROTECT, related_name="attachments", null=True, blank=True
    )
    requirement = models.CharField(_("requirement"), max_length=63)
    file = models.FileField(_("file"), upload_to="attachments/%Y/%m/", max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=64)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["requirement", "uploaded_at"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        constraints = [
            models.CheckConstraint(
                condition=Q(draft__isnull=False) | Q(application__isnull=False), name="attachment_belongs_somewhere"
            ),
        ]

    def __str__(self) -> str:
        return self.original_name


class ApplicationStatus(models.TextChoices):
    """What the applicant sees; case processing moves it through `applications.services`."""

    SUBMITTED = "submitted", _("Submitted")
    FORMAL_CHECK = "formal_check", _("Formal check")
    AWAITING_SUPPLEMENT = "awaiting_supplement", _("Waiting for your documents")
    IN_PROGRESS = "in_progress", _("Being examined")
    DECISION_ISSUED = "decision_issued", _("Decision issued")
    LEFT_UNEXAMINED = "left_unexamined", _("Left unexamined")
    DISCONTINUED = "discontinued", _("Proceedings discontinued")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    CLOSED = "closed", _("Closed")
    # After the decision (finality and the appeal, art. 127-140 k.p.a.).
    GRANTED_FINAL = "granted_final", _("Permit granted, final")
    REFUSED_FINAL = "refused_final", _("Permit refused, final")
    APPEAL_FILED = "appeal_filed", _("Appeal filed, with the voivode")
    APPEAL_AT_SECOND_INSTANCE = "appeal_second_instance", _("Appeal with the Head of the Office for Foreigners")
    AWAITING_PAYMENT = "awaiting_payment", _("Waiting for the stamp duty")
    RETURNED = "returned", _("Application returned (stamp duty not paid)")
    REFUSED_TO_INITIATE = "refused_to_initiate", _("Refusal to initiate proceedings")
    SUSPENDED = "suspended", _("Proceedings suspended at your request")


#: Statuses in which the applicant may still withdraw the application.
WITHDRAWABLE = frozenset(
    {
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.FORMAL_CHECK,
        ApplicationStatus.AWAITING_SUPPLEMENT,
        ApplicationStatus.IN_PROGRESS,
    }
)


class Application(models.Model):
    """A submitted application: a case of one voivodeship office, with its answers frozen at submission."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case_number = models.CharField(_("case number"), max_length=20, unique=True)
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="applications")
    draft = models.OneToOneField(Draft, on_delete=models.PROTECT, related_name="application")
    definition = models.ForeignKey("formdefs.FormDefinition", on_delete=models.PROTECT, related_name="applications")
    voivodeship = models.ForeignKey("applications.Voivodeship", on_delete=models.PROTECT, related_name="applications")
    office = models.ForeignKey("applications.Office", on_delete=models.PROTECT, related_name="applications")
    answers = models.JSONField(_("answers"))
    status = models.CharField(
        _("status"), max_length=32, choices=ApplicationStatus.choices, default=ApplicationStatus.SUBMITTED
    )
    submitted_at = models.DateTimeField(_("submitted at"))
    status_changed_at = models.DateTimeField(_("status changed at"))
    applicant_language = models.CharField(max_length=8, default="pl")
    surname = models.CharField(_("surname"), max_length=200, blank=True, db_index=True)
    given_names = models.CharField(_("given names"), max_length=200, blank=True)
    travel_document_number = models.CharField(_("travel document number"), max_length=40, blank=True, db_index=True)
    # The declaration and its confirmation (who, when, from where, how).
    declaration_confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    declaration_confirmed_at = models.DateTimeField()
    declaration_ip = models.GenericIPAddressField(null=True, blank=True)
    signature_method = models.CharField(max_length=32)
    #: Who signed with what (certificate, signing service, digests), as verified at submission; printed in the package.
    signature_evidence = models.JSONField(default=dict, blank=True)
    #: The parent or guardian who filed and signed for the child (the account holder); shown on every document.
    guardian = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    signing_request = models.OneToOneField(
        "applications.SigningRequest", on_delete=models.PROTECT, null=True, blank=True, related_name="application"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        indexes = [
            models.Index(fields=["office", "status", "-submitted_at"], name="application_office_status"),
            # The office's case list, newest first, at a million cases (measured: 408 ms -> 0.14 ms). On PostgreSQL
            # migration 0008 rebuilds it to include the id, so a page's ids come from the index alone.
            models.Index(fields=["office", "-submitted_at"], name="application_office_recent"),
        ]

    def __str__(self) -> str:
        return self.case_number

    @property
    def can_withdraw(self) -> bool:
        return self.status in WITHDRAWABLE


class CaseNumberSequence(models.Model):
    """The last case number given per voivodeship and year; incremented under a row lock, so never a gap or twin."""

    voivodeship = models.ForeignKey("applications.Voivodeship", on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField()
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["voivodeship", "year"], name="one_sequence_per_year")]

    def __str__(self) -> str:
        return f"{self.voivodeship.code}/{self.year}: {self.last_value}"


class AnnexStatus(models.TextChoices):
    DRAFT = "draft", _("Being filled in")
    COMPLETE = "complete", _("Complete")


class EmployerAnnex(models.Model):
    """Annex 1, filled in by the employer and linked to one applicant's draft with a one-time code."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    employer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="annexes")
    definition = models.ForeignKey("formdefs.FormDefinition", on_delete=models.PROTECT, related_name="annexes")
    draft = models.OneToOneField(Draft, on_delete=models.SET_NULL, related_name="employer_annex", null=True, blank=True)
    answers = models.JSONField(default=dict, blank=True)
    wizard_state = models.JSONField(default=dict, blank=True, help_text="django-formtools storage data.")
    unsaved_input = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=16, choices=AnnexStatus.choices, default=AnnexStatus.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    # The employer's (or institution's) signature of the annex, required before it counts as complete.
    signature_method = models.CharField(max_length=32, blank=True)
    signature_evidence = models.JSONField(default=dict, blank=True)
    signed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("employer's annex")
        verbose_name_plural = _("employer's annexes")

    def __str__(self) -> str:
        return f"Annex 1 ({self.employer})"


class AnnexLinkCode(models.Model):
    """A one-time code the applicant gives the employer; only its hash is stored."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="annex_codes")
    code_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"annex code for {self.draft_id} (until {self.expires_at:%Y-%m-%d})"


class DocumentKind(models.TextChoices):
    """The official documents a case can have. Kept here, below `documents`, so the applicant's pages can name them;
    `documents` renders, seals and stores them and announces each with a `CaseEvent` of kind `document`."""

    APPLICATION_PACKAGE = "application_package", _("Application package")
    RECEIPT = "receipt", _("Official receipt (UPO)")
    CALL_TO_SUPPLEMENT = "call_to_supplement", _("Call to supplement formal defects")
    SUMMONS = "summons", _("Summons for fingerprints")
    DECISION = "decision", _("Decision")
    LEFT_UNEXAMINED = "left_unexamined", _("Notice: application left unexamined")
    CALL_FOR_EVIDENCE = "call_for_evidence", _("Call for evidence")
    DISCONTINUANCE = "discontinuance", _("Decision discontinuing the proceedings")
    LEGAL_STAY_CERTIFICATE = "legal_stay_certificate", _("Certificate of legal stay")
    DELAY_NOTICE = "delay_notice", _("Notice of a delay in deciding")
    APPEAL_RECEIPT = "appeal_receipt", _("Receipt of the appeal (UPO)")
    SECOND_INSTANCE_DECISION = "second_instance_decision", _("Decision of the Head of the Office for Foreigners")
    CALL_TO_PAY = "call_to_pay", _("Call to pay the stamp duty")
    COMBINED_CALL = "combined_call", _("Letter with several calls")
    RETURN_NOTICE = "return_notice", _("Notice: application returned")
    REFUSAL_TO_INITIATE = "refusal_to_initiate", _("Order refusing to initiate proceedings")
    SUSPENSION = "suspension", _("Order suspending the proceedings")
    RESUMPTION = "resumption", _("Order resuming the proceedings")
    SUSPENSION_REFUSED = "suspension_refused", _("Order refusing to suspend the proceedings")
    SUPPLEMENT_RECEIPT = "supplement_receipt", _("Official receipt of a supplement (UPO)")


class CaseEvent(models.Model):
    """One line of the case timeline, written by the code that made it happen."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Application submitted")
        WITHDRAWN = "withdrawn", _("Application withdrawn")
        STATUS_CHANGED = "status_changed", _("Status changed")
        FORMAL_CHECK_STARTED = "formal_check_started", _("Formal check started")
        CALL_TO_SUPPLEMENT = "call_to_supplement", _("Call to supplement formal defects")
        SUPPLEMENT_RECEIVED = "supplement_received", _("Supplement received")
        APPOINTMENT = "appointment", _("Fingerprints appointment")
        CONSULTATIONS = "consultations", _("Consultations in progress")
        DECISION = "decision", _("Decision issued")
        DOCUMENT = "document", _("Document issued")
        LEFT_UNEXAMINED = "left_unexamined", _("Application left unexamined")
        DISCONTINUED = "discontinued", _("Proceedings discontinued")
        LETTER_OPENED = "letter_opened", _("Letter opened")
        CALL_FOR_EVIDENCE = "call_for_evidence", _("Call for evidence")
        EVIDENCE_RECEIVED = "evidence_received", _("Evidence received")
        EVIDENCE_DEADLINE_PASSED = "evidence_deadline_passed", _("Deadline for evidence passed")
        DELAY_NOTICE = "delay_notice", _("Notice of a delay in deciding")
        APPEAL_WAIVED = "appeal_waived", _("Right of appeal waived")
        APPEAL_FILED = "appeal_filed", _("Appeal filed")
        APPEAL_GRANTED_BY_VOIVODE = "appeal_granted_by_voivode", _("Appeal granted by the voivode")
        APPEAL_FORWARDED = "appeal_forwarded", _("Appeal sent to the Head of the Office for Foreigners")
        SECOND_INSTANCE_DECISION = "second_instance_decision", _("Decision on the appeal")
        DECISION_FINAL = "decision_final", _("Decision final")
        CALL_TO_PAY = "call_to_pay", _("Call to pay the stamp duty")
        PAYMENT_RECORDED = "payment_recorded", _("Stamp duty paid")
        RETURNED = "returned", _("Application returned")
        REFUSED_TO_INITIATE = "refused_to_initiate", _("Proceedings not initiated")
        SUSPENSION_REQUESTED = "suspension_requested", _("Suspension requested")
        SUSPENDED = "suspended", _("Proceedings suspended")
        RESUMED = "resumed", _("Proceedings resumed")
        SUSPENSION_REFUSED = "suspension_refused", _("Suspension refused")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=32, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    data = models.JSONField(default=dict, blank=True, help_text="Facts shown to the applicant (dates, deadline).")
    action_url = models.CharField(max_length=300, blank=True, help_text="Where the applicant acts, if anything.")
    due_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("case event")
        verbose_name_plural = _("case events")

    def __str__(self) -> str:
        return f"{self.application.case_number}: {self.kind}"
