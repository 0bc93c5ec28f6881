"""Form definitions: one row per version of a form, validated on save, with the audit trail of every change.

The tables keep the names they had when these models lived in `applications` (no data moved when the app did).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

#: Parsed specs of published and retired definitions (immutable), for the life of the process. Keyed by the row and
#: the moment it was published, not the primary key alone: a key reused after a rollback (SQLite) is another row.
_FROZEN_SPECS: dict[tuple, object] = {}


class FormDefinitionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    RETIRED = "retired", _("Retired")


class FormDefinition(models.Model):
    """One version of a form definition; its JSON (`definition`) is validated by `FormDefinitionSpec` on save.

    A published version is frozen: applications started on it keep it, so only its status may move on (to retired).
    """

    slug = models.SlugField(_("slug"), max_length=63)
    version = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=16, choices=FormDefinitionStatus.choices, default=FormDefinitionStatus.DRAFT
    )
    definition = models.JSONField(_("definition"), help_text=_("The form definition as JSON."))
    title = models.CharField(
        _("title"),
        max_length=300,
        blank=True,
        editable=False,
        help_text=_("The Polish title, copied from the definition for lists."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("published by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["slug", "-version"]
        verbose_name = _("form definition")
        verbose_name_plural = _("form definitions")
        db_table = "applications_formdefinition"
        constraints = [
            models.UniqueConstraint(fields=["slug", "version"], name="formdefinition_unique_slug_version"),
            models.UniqueConstraint(
                fields=["slug"], condition=models.Q(status="published"), name="formdefinition_one_published_per_slug"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.slug} v{self.version} ({self.get_status_display()})"

    def save(self, *args, **kwargs) -> None:
        # Validation in save(), not only in forms: no code path may store an invalid or changed frozen definition.
        self.clean()
        super().save(*args, **kwargs)

    @property
    def spec(self):
        """The parsed definition, cached on the instance until the JSON changes."""
        from .parsing import parse_spec

        frozen = self.pk is not None and self.status != FormDefinitionStatus.DRAFT
        key = (self.pk, self.slug, self.version, self.published_at)
        if frozen and key in _FROZEN_SPECS:  # published and retired versions never change: parse once
            return _FROZEN_SPECS[key]
        cached = self.__dict__.get("_spec_cache")
        if cached is None or cached[0] is not self.definition:
            cached = (self.definition, parse_spec(self.definition))
            self.__dict__["_spec_cache"] = cached
        if frozen:
            _FROZEN_SPECS[key] = cached[1]
        return cached[1]

    @property
    def is_published(self) -> bool:
        return self.status == FormDefinitionStatus.PUBLISHED

    def clean(self) -> None:
        """Refuse an invalid definition (with its JSON path), a slug/version mismatch and a change to a frozen one."""
        from django.core.exceptions import ValidationError

        from .parsing import DefinitionError, parse_spec

        try:
            spec = parse_spec(self.definition)
        except DefinitionError as exc:
            raise ValidationError({"definition": exc.messages}) from exc
        if spec.slug != self.slug or spec.version != self.version:
            raise ValidationError(
                {
                    "definition": _("The definition's slug and version must be %(slug)s and %(version)s.")
                    % {"slug": self.slug, "version": self.version}
                }
            )
        if self.pk is not None:
            stored = FormDefinition.objects.filter(pk=self.pk).values("status", "definition", "slug", "version").first()
            if stored and stored["status"] != FormDefinitionStatus.DRAFT:
                if (
                    stored["definition"] != self.definition
                    or stored["slug"] != self.slug
                    or stored["version"] != self.version
                ):
                    raise ValidationError(
                        _("A published or retired form definition cannot be changed; copy it to a new draft.")
                    )
                allowed = {
                    (FormDefinitionStatus.PUBLISHED, FormDefinitionStatus.PUBLISHED),
                    (FormDefinitionStatus.PUBLISHED, FormDefinitionStatus.RETIRED),
                    (FormDefinitionStatus.RETIRED, FormDefinitionStatus.RETIRED),
                }
                if (stored["status"], self.status) not in allowed:
                    raise ValidationError(_("A published form definition can only be retired."))
        self.title = spec.title.pl[:300]


class FormDefinitionChange(models.Model):
    """The audit trail of a form definition: who did what, with a summary of the change."""

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        EDITED = "edited", _("Edited")
        PUBLISHED = "published", _("Published")
        RETIRED = "retired", _("Retired")
        COPIED = "copied", _("Copied")
        IMPORTED = "imported", _("Imported")

    definition = models.ForeignKey(
        FormDefinition, verbose_name=_("form definition"), on_delete=models.CASCADE, related_name="changes"
    )
    user = models.ForeignKey(
        "accounts.User", verbose_name=_("who"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    summary = models.JSONField(_("summary"), default=dict, blank=True)

    class Meta:
        db_table = "applications_formdefinitionchange"
        ordering = ["-at", "-pk"]
        verbose_name = _("form definition change")
        verbose_name_plural = _("form definition changes")

    def __str__(self) -> str:
        return f"{self.definition} {self.action} {self.at:%Y-%m-%d %H:%M}"
