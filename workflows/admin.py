from django.contrib import admin

from .models import (
    Appointment,
    AppointmentSlot,
    AuditEntry,
    Consultation,
    Decision,
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
