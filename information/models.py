"""Information pages about the four permits, their FAQ, the legal acts they rest on, and contact messages.

Translations are one column per language (`title_pl`, `title_en`, `title_uk`, `title_ru`), not a child table:
there are exactly four languages, an administrator edits a page and all its languages on one admin form,
a FAQ search reads one row, and a missing translation is an empty column that falls back to Polish
(`Translated.text`). Polish is required everywhere; the other languages may be left empty.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from applications.permits import PERMIT_TYPES

LANGUAGE_CODES: tuple[str, ...] = ("pl", "en", "uk", "ru")
FALLBACK_LANGUAGE = "pl"
LINES_HELP = _("One item per line.")


def current_language(language: str | None = None) -> str:
    """The visitor's language as one of our four codes (`en-gb` -> `en`), Polish if it is none of them."""
    code = (language or get_language() or FALLBACK_LANGUAGE).split("-")[0].lower()
    return code if code in LANGUAGE_CODES else FALLBACK_LANGUAGE


class Translated(models.Model):
    """A row with per-language columns: `text("title")` is the visitor's title, or the Polish one."""

    class Meta:
        abstract = True

    def text(self, field: str, language: str | None = None) -> str:
        value = getattr(self, f"{field}_{current_language(language)}", "") or ""
        return value or getattr(self, f"{field}_{FALLBACK_LANGUAGE}", "") or ""

    def lines(self, field: str, language: str | None = None) -> list[str]:
        """A text field written one item per line, as a list without the blank lines."""
        return [line.strip(" -•\t") for line in self.text(field, language).splitlines() if line.strip(" -•\t")]


def _short(label, required: bool = False) -> models.CharField:
    return models.CharField(label, max_length=300, blank=not required)


def _long(label, required: bool = False, help_text="") -> models.TextField:
    return models.TextField(label, blank=not required, help_text=help_text)


class LegalAct(Translated):
    """An act or regulation, linked to its page in ISAP, the Sejm's database of legal acts."""

    key = models.SlugField(_("key"), max_length=63, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    citation = models.CharField(
        _("citation"), max_length=200, blank=True, help_text=_("As published, e.g. Dz.U. 2013 poz. 1650.")
    )
    url = models.URLField(_("address in ISAP"), max_length=300)
    title_pl = _short(_("title (Polish)"), required=True)
    title_en = _short(_("title (English)"))
    title_uk = _short(_("title (Ukrainian)"))
    title_ru = _short(_("title (Russian)"))

    class Meta:
        ordering = ["position", "key"]
        verbose_name = _("legal act")
        verbose_name_plural = _("legal acts")

    def __str__(self) -> str:
        return self.title_pl


class PermitPage(Translated):
    """What a visitor should know about one permit type before applying (one page per permit slug)."""

    # No `choices`: the permit types live in applications/permits.py, and renaming one there must not need a
    # migration here. `clean()` and the admin's select keep the slug to those types.
    slug = models.SlugField(
        _("permit type"), max_length=63, unique=True, help_text=_("One of the permit types of applications/permits.py.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_published = models.BooleanField(_("published"), default=True)
    legal_acts = models.ManyToManyField(LegalAct, blank=True, related_name="pages", verbose_name=_("legal acts"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    title_pl = _short(_("title (Polish)"), required=True)
    title_en = _short(_("title (English)"))
    title_uk = _short(_("title (Ukrainian)"))
    title_ru = _short(_("title (Russian)"))
    summary_pl = _long(_("summary (Polish)"), required=True)
    summary_en = _long(_("summary (English)"))
    summary_uk = _long(_("summary (Ukrainian)"))
    summary_ru = _long(_("summary (Russian)"))
    who_for_pl = _long(_("who it is for (Polish)"), required=True)
    who_for_en = _long(_("who it is for (English)"))
    who_for_uk = _long(_("who it is for (Ukrainian)"))
    who_for_ru = _long(_("who it is for (Russian)"))
    conditions_pl = _long(_("conditions (Polish)"), required=True, help_text=LINES_HELP)
    conditions_en = _long(_("conditions (English)"), help_text=LINES_HELP)
    conditions_uk = _long(_("conditions (Ukrainian)"), help_text=LINES_HELP)
    conditions_ru = _long(_("conditions (Russian)"), help_text=LINES_HELP)
    documents_pl = _long(_("documents needed (Polish)"), required=True, help_text=LINES_HELP)
    documents_en = _long(_("documents needed (English)"), help_text=LINES_HELP)
    documents_uk = _long(_("documents needed (Ukrainian)"), help_text=LINES_HELP)
    documents_ru = _long(_("documents needed (Russian)"), help_text=LINES_HELP)
    fees_note_pl = _long(
        _("how to pay the fees (Polish)"),
        help_text=_("The amounts come from the settings and are shown above this text."),
    )
    fees_note_en = _long(_("how to pay the fees (English)"))
    fees_note_uk = _long(_("how to pay the fees (Ukrainian)"))
    fees_note_ru = _long(_("how to pay the fees (Russian)"))
    duration_pl = _long(_("how long it takes (Polish)"), required=True, help_text=LINES_HELP)
    duration_en = _long(_("how long it takes (English)"), help_text=LINES_HELP)
    duration_uk = _long(_("how long it takes (Ukrainian)"), help_text=LINES_HELP)
    duration_ru = _long(_("how long it takes (Russian)"), help_text=LINES_HELP)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("permit page")
        verbose_name_plural = _("permit pages")

    def __str__(self) -> str:
        return self.title_pl

    def clean(self) -> None:
        if self.slug not in {permit.slug for permit in PERMIT_TYPES}:
            raise ValidationError({"slug": _("Choose one of the permit types.")})


class ProcedureStep(Translated):
    """One step of the procedure, drawn on the page as a numbered diagram."""

    page = models.ForeignKey(PermitPage, on_delete=models.CASCADE, related_name="steps", verbose_name=_("page"))
    position = models.PositiveSmallIntegerField(_("position"))
    title_pl = _short(_("step (Polish)"), required=True)
    title_en = _short(_("step (English)"))
    title_uk = _short(_("step (Ukrainian)"))
    title_ru = _short(_("step (Russian)"))
    text_pl = _long(_("explanation (Polish)"))
    text_en = _long(_("explanation (English)"))
    text_uk = _long(_("explanation (Ukrainian)"))
    text_ru = _long(_("explanation (Russian)"))

    class Meta:
        ordering = ["page", "position"]
        constraints = [models.UniqueConstraint(fields=["page", "position"], name="information_step_position_unique")]
        verbose_name = _("procedure step")
        verbose_name_plural = _("procedure steps")

    def __str__(self) -> str:
        return f"{self.position}. {self.title_pl}"


class FaqEntry(Translated):
    """A question and its answer, on a permit page (or general, with no page) and in the FAQ search."""

    page = models.ForeignKey(
        PermitPage,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="faq",
        verbose_name=_("page"),
        help_text=_("Empty for a question about every permit."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_published = models.BooleanField(_("published"), default=True)
    question_pl = _short(_("question (Polish)"), required=True)
    question_en = _short(_("question (English)"))
    question_uk = _short(_("question (Ukrainian)"))
    question_ru = _short(_("question (Russian)"))
    answer_pl = _long(_("answer (Polish)"), required=True)
    answer_en = _long(_("answer (English)"))
    answer_uk = _long(_("answer (Ukrainian)"))
    answer_ru = _long(_("answer (Russian)"))

    class Meta:
        ordering = ["page__position", "position", "pk"]
        verbose_name = _("FAQ entry")
        verbose_name_plural = _("FAQ entries")

    def __str__(self) -> str:
        return self.question_pl


class ContactTopic(models.TextChoices):
    BEFORE_APPLYING = "before-applying", _("Before applying: which permit and which documents")
    MY_CASE = "my-case", _("My case in progress")
    FEES = "fees", _("Fees and payments")
    APPOINTMENT = "appointment", _("Fingerprints appointment")
    DECISION = "decision", _("Decision, appeal or residence card")
    WEBSITE = "website", _("A problem with this website")
    OTHER = "other", _("Something else")


class ContactMessage(models.Model):
    """A visitor's message to a voivodeship office, kept with the address it came from."""

    office = models.ForeignKey(
        "applications.Office",
        on_delete=models.PROTECT,
        related_name="contact_messages",
        verbose_name=_("voivodeship office"),
    )
    topic = models.CharField(_("topic"), max_length=32, choices=ContactTopic.choices)
    case_number = models.CharField(_("case number"), max_length=14, blank=True)
    email = models.EmailField(_("e-mail address"))
    message = models.TextField(_("message"))
    consent = models.BooleanField(_("consent to processing"), default=False)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default=FALLBACK_LANGUAGE)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.CheckConstraint(condition=models.Q(consent=True), name="information_contact_consent")]
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")

    def __str__(self) -> str:
        return f"{self.get_topic_display()} · {self.email}"
