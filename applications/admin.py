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
