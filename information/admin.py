"""Administrators edit the permit pages, their steps and FAQ, and the legal acts; staff read contact messages."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from applications.permits import PERMIT_TYPES
from information.models import LANGUAGE_CODES, ContactMessage, FaqEntry, LegalAct, PermitPage, ProcedureStep

LANGUAGE_NAMES = {"pl": _("Polish"), "en": _("English"), "uk": _("Ukrainian"), "ru": _("Russian")}


def per_language(*fields: str) -> list[str]:
    return [f"{field}_{code}" for code in LANGUAGE_CODES for field in fields]


def language_fieldsets(*fields: str) -> list[tuple]:
    """One fieldset per language, Polish open and the others folded, so a translator works one language at a time."""
    return [
        (
            LANGUAGE_NAMES[code],
            {"fields": [f"{field}_{code}" for field in fields], "classes": [] if code == "pl" else ["collapse"]},
        )
        for code in LANGUAGE_CODES
    ]


class ProcedureStepInline(admin.StackedInline):
    model = ProcedureStep
    extra = 0
    fields = ["position", *per_language("title", "text")]


class FaqEntryInline(admin.StackedInline):
    model = FaqEntry
    extra = 0
    fields = ["position", "is_published", *per_language("question", "answer")]


def permit_type_choices() -> list[tuple[str, str]]:
    return [(permit.slug, permit.title) for permit in PERMIT_TYPES]


class PermitPageForm(forms.ModelForm):
    slug = forms.ChoiceField(label=_("permit type"), choices=permit_type_choices)

    class Meta:
        model = PermitPage
        fields = ["slug"]  # the admin adds the fields of its fieldsets


@admin.register(PermitPage)
class PermitPageAdmin(admin.ModelAdmin):
    form = PermitPageForm
    list_display = ["title_pl", "slug", "position", "is_published", "updated_at"]
    list_editable = ["position", "is_published"]
    filter_horizontal = ["legal_acts"]
    inlines = [ProcedureStepInline, FaqEntryInline]
    fieldsets = [
        (None, {"fields": ["slug", "position", "is_published", "legal_acts"]}),
        *language_fieldsets("title", "summary", "who_for", "conditions", "documents", "fees_note", "duration"),
    ]


@admin.register(FaqEntry)
class FaqEntryAdmin(admin.ModelAdmin):
    list_display = ["question_pl", "page", "position", "is_published"]
    list_filter = ["page", "is_published"]
    search_fields = per_language("question", "answer")
    fieldsets = [(None, {"fields": ["page", "position", "is_published"]}), *language_fieldsets("question", "answer")]


@admin.register(LegalAct)
class LegalActAdmin(admin.ModelAdmin):
    list_display = ["title_pl", "citation", "url", "position"]
    fieldsets = [(None, {"fields": ["key", "position", "citation", "url"]}), *language_fieldsets("title")]


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    """Read-only: a message is what the visitor sent. Office staff see only their own office's messages."""

    list_display = ["created_at", "office", "topic", "case_number", "email", "language"]
    list_filter = ["office", "topic", "language", "created_at"]
    search_fields = ["email", "case_number", "message"]
    date_hierarchy = "created_at"
    list_select_related = ["office"]
    readonly_fields = ["created_at", "office", "topic", "case_number", "email", "message", "consent", "language", "ip"]
    fields = readonly_fields

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        membership = getattr(request.user, "staff_membership", None)
        return queryset.filter(office=membership.office_id) if membership else queryset.none()

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
