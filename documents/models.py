"""Official documents of a case: one row per issued PDF, its stored file and its SHA-256, never rewritten."""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applications.case_models import DocumentKind  # the kinds are defined with the case they belong to

#: Kinds a case has at most one of (the package and receipt at submission, the certificate of legal stay of art. 108
#: once the case is free of formal defects); the others may be issued again (a second call, say).
ONCE_PER_CASE = (DocumentKind.APPLICATION_PACKAGE, DocumentKind.RECEIPT, DocumentKind.LEGAL_STAY_CERTIFICATE)
#: Fields fixed when the row is created: the stored file and what proves it.
IMMUTABLE_FIELDS = ("file", "sha256", "size", "kind", "application", "public_id", "signed", "created_at")


class OfficialDocumentError(Exception):
    """An attempt to delete an official document or to rewrite its file or digest."""


class DocumentQuerySet(models.QuerySet):
    def delete(self):
        raise OfficialDocumentError("official documents are never deleted")

    def update(self, **kwargs):
        touched = set(kwargs) & {*IMMUTABLE_FIELDS, "file_id", "application_id"}
        if touched:
            raise OfficialDocumentError(f"the {', '.join(sorted(touched))} of an issued document never change")
        return super().update(**kwargs)


class LapseReason(models.TextChoices):
    FINAL_DECISION = "final_decision", _("the decision in the case was issued")
    SUSPENDED_AT_REQUEST = "suspended_at_request", _("the proceedings were suspended at the applicant's request")
    CASE_ENDED = "case_ended", _("the proceedings ended without a decision on the merits")


class Document(models.Model):
    """An issued official document: a signed PDF/A in storage, identified by its SHA-256."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(
        "applications.Application", verbose_name=_("case"), on_delete=models.PROTECT, related_name="documents"
    )
    kind = models.CharField(_("kind"), max_length=32, choices=DocumentKind.choices)
    title = models.CharField(_("title"), max_length=300)
    language = models.CharField(_("language"), max_length=8, default="pl")
    file = models.FileField(_("file"), upload_to="documents/%Y/%m/", max_length=300)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    size = models.PositiveBigIntegerField(_("size"))
    signed = models.BooleanField(_("signed"), default=False)
    created_at = models.DateTimeField(_("issued at"), default=timezone.now, db_index=True)
    #: A document whose legal effect has ended (a certificate of legal stay after the final decision, say): the file
    #: stays as issued, and the public verification says since when and why it no longer has effect.
    lapsed_at = models.DateTimeField(_("lapsed at"), null=True, blank=True)
    lapse_reason = models.CharField(_("why it lapsed"), max_length=32, choices=LapseReason.choices, blank=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "kind"],
                condition=Q(kind__in=ONCE_PER_CASE),
                name="document_one_package_and_receipt_per_case",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.sha256[:12]}…)"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding and self.pk:
            stored = type(self).objects.filter(pk=self.pk).values(*[f.attname for f in self._immutable()]).first()
            if stored and any(
                stored[f.attname] != f.get_prep_value(getattr(self, f.attname)) for f in self._immutable()
            ):
                raise OfficialDocumentError("the file and digest of an issued document never change")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise OfficialDocumentError("official documents are never deleted")

    @classmethod
    def _immutable(cls) -> list[models.Field]:
        return [cls._meta.get_field(name) for name in IMMUTABLE_FIELDS]
