"""The office's knowledge base (MOCOWIEC-like): guidance for officers per procedure step and per purpose of stay,
written in Polish (other languages optional), every change kept as a numbered version with who made it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class KnowledgeArticle(models.Model):
    """One piece of guidance. `steps` and `purposes` list the flow nodes and purposes of stay it is for; empty means
    every step (or every purpose)."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), help_text=_("Plain text; an empty line starts a new paragraph."))
    steps = models.JSONField(_("procedure steps"), default=list, blank=True)
    purposes = models.JSONField(_("purposes of stay"), default=list, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    version = models.PositiveIntegerField(_("version"), default=0, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("knowledge base article")
        verbose_name_plural = _("knowledge base articles")

    def __str__(self) -> str:
        return self.title

    def paragraphs(self) -> list[str]:
        return [part.strip() for part in self.body.split("\n\n") if part.strip()]


class KnowledgeArticleTranslation(models.Model):
    """The article in another language (optional: the Polish text is the one that counts)."""

    article = models.ForeignKey(KnowledgeArticle, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(
        _("language"), max_length=8, choices=[("en", "English"), ("uk", "Українська"), ("ru", "Русский")]
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [models.UniqueConstraint(fields=["article", "language"], name="one_translation_per_language")]

    def __str__(self) -> str:
        return f"{self.article_id} [{self.language}]"


class KnowledgeArticleVersion(models.Model):
    """An article as it was saved: the text, the tags, who saved it and which fields changed (append-only)."""

    article = models.ForeignKey(KnowledgeArticle, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    steps = models.JSONField(default=list)
    purposes = models.JSONField(default=list)
    legal_basis = models.CharField(max_length=300, blank=True)
    changed_fields = models.JSONField(_("changed"), default=list)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)

    class Meta:
        ordering = ["article", "-number"]
        verbose_name = _("article version")
        verbose_name_plural = _("article versions")
        constraints = [models.UniqueConstraint(fields=["article", "number"], name="one_version_number_per_article")]

    def __str__(self) -> str:
        return f"{self.article_id} v{self.number}"
