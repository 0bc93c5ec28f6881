"""Issued documents in the admin: to look at, never to add, change or delete."""

from django.contrib import admin

from .models import Document


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "application", "created_at", "signed", "size")
    list_filter = ("kind", "signed", "language")
    search_fields = ("application__case_number", "sha256", "public_id")
    readonly_fields = (
        "public_id",
        "application",
        "kind",
        "title",
        "language",
        "file",
        "sha256",
        "size",
        "signed",
        "created_at",
    )
    list_select_related = ("application",)
    actions = None  # no "delete selected"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
