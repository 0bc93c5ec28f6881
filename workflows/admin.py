from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .flows import ResidencePermitFlow
from .knowledge import save_article
from .models import (
    Appointment,
    AppointmentSlot,
    AuditEntry,
    Consultation,
    Decision,
    KnowledgeArticle,
    KnowledgeArticleTranslation,
    KnowledgeArticleVersion,
    ResidenceCard,
    StaffMembership,
    SupplementRequest,
)


@admin.register(StaffMembership)
class StaffMembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "office"]
    list_filter = ["office"]
    search_fields = ["user__email"]
    autocomplete_fields = ["user"]


@admin.register(AppointmentSlot)
class AppointmentSlotAdmin(admin.ModelAdmin):
    """Offices publish free fingerprints appointments here; a booking takes the slot."""

    list_display = ["starts_at", "place", "office"]
    list_filter = ["office"]
    date_hierarchy = "starts_at"


class ReadOnlyAdmin(admin.ModelAdmin):
    """Case facts are written by the case-processing services only."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ["at", "user", "action", "application", "object_repr", "ip"]
    list_filter = ["action"]
    search_fields = ["application__case_number", "user__email", "action"]
    date_hierarchy = "at"


for model in (SupplementRequest, Appointment, Consultation, Decision, ResidenceCard):
    admin.site.register(model, ReadOnlyAdmin)


# --- The knowledge base ------------------------------------------------------------------------------------------


class KnowledgeArticleForm(forms.ModelForm):
    """Steps and purposes picked from the flow and the forms, not typed."""

    steps = forms.MultipleChoiceField(
        label=_("Procedure steps"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: the article is shown at every step."),
    )
    purposes = forms.MultipleChoiceField(
        label=_("Purposes of stay"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: the article is shown for every purpose."),
    )

    class Meta:
        model = KnowledgeArticle
        fields = ["title", "slug", "body", "legal_basis", "steps", "purposes", "is_published"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .selectors import STAGE_ORDER
        from .task_lists import permit_and_purpose_choices

        titles = {node.name: str(node.task_title) for node in ResidencePermitFlow.instance.nodes()}
        self.fields["steps"].choices = [(name, titles.get(name, name)) for name in STAGE_ORDER]
        self.fields["purposes"].choices = permit_and_purpose_choices("pl")[1]


class KnowledgeTranslationInline(admin.StackedInline):
    model = KnowledgeArticleTranslation
    extra = 0


class KnowledgeVersionInline(admin.TabularInline):
    """Who changed what, newest first (read-only: versions are never edited)."""

    model = KnowledgeArticleVersion
    fields = ["number", "changed_at", "changed_by", "changed_fields", "title"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(KnowledgeArticle)
class KnowledgeArticleAdmin(admin.ModelAdmin):
    form = KnowledgeArticleForm
    list_display = ["title", "version", "updated_at", "updated_by", "is_published"]
    list_filter = ["is_published"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [KnowledgeTranslationInline, KnowledgeVersionInline]

    def save_model(self, request, obj, form, change) -> None:
        save_article(article=obj, user=request.user, changed_fields=list(form.changed_data) if change else None)
