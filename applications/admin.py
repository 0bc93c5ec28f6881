from django.contrib import admin

from .models import Office, Voivodeship


class OfficeInline(admin.StackedInline):
    model = Office
    can_delete = False


@admin.register(Voivodeship)
class VoivodeshipAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "slug"]
    inlines = [OfficeInline]


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ["name", "voivodeship", "city", "email"]
    search_fields = ["name", "city"]


# Form definitions have their own admin module (JSON editor, publishing, preview).
from applications.formdefs.admin import FormDefinitionAdmin  # noqa: E402
from applications.models import FormDefinition  # noqa: E402

admin.site.register(FormDefinition, FormDefinitionAdmin)
