"""The admin of form definitions: a JSON editor validated on save, publish/retire/copy/export, and a preview.

Only superusers and administrators see or change definitions.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from accounts.models import Role

from . import services
from .compile_forms import build_group_formset, build_step_form
from .diff import compare_definitions
from .models import FormDefinition, FormDefinitionChange, FormDefinitionStatus
from .schema import LANGUAGES, GroupSpec


def may_manage_definitions(user: Any) -> bool:
    return bool(user.is_active and (user.is_superuser or user.groups.filter(name=Role.ADMINISTRATOR).exists()))


class PrettyJSONField(forms.JSONField):
    """Shows the definition indented, so an administrator can edit it by hand."""

    def prepare_value(self, value: Any) -> str:
        if isinstance(value, str):
            return value
        return json.dumps(value, ensure_ascii=False, indent=2)

    def to_python(self, value: Any) -> Any:
        """A syntax error says where it is, so a long definition can be fixed by hand."""
        if isinstance(value, str) and value.strip():
            try:
                return json.loads(value)
            except json.JSONDecodeError as exc:
                raise ValidationError(
                    _("Not valid JSON at line %(line)s, column %(column)s: %(problem)s."),
                    code="invalid",
                    params={"line": exc.lineno, "column": exc.colno, "problem": exc.msg},
                ) from exc
        return super().to_python(value)


class FormDefinitionForm(forms.ModelForm):
    definition = PrettyJSONField(
        label=_("Definition (JSON)"),
        widget=forms.Textarea(
            attrs={"rows": 40, "cols": 120, "spellcheck": "false", "style": "font-family: monospace; width: 100%;"}
        ),
    )

    class Meta:
        model = FormDefinition
        fields = ["definition"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        data = cleaned.get("definition")
        if isinstance(data, dict) and self.instance.pk is None:
            # A new definition takes its slug and version from the JSON; the model checks the rest.
            self.instance.slug = str(data.get("slug", ""))[:63]
            version = data.get("version")
            self.instance.version = version if isinstance(version, int) and version > 0 else 0
            if FormDefinition.objects.filter(slug=self.instance.slug, version=self.instance.version).exists():
                self.add_error(
                    "definition",
                    _("Version %(version)s of %(slug)s exists already.")
                    % {"version": self.instance.version, "slug": self.instance.slug},
                )
        return cleaned


class FormDefinitionChangeInline(admin.TabularInline):
    model = FormDefinitionChange
    fields = ["at", "user", "action", "summary"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(FormDefinition)
class FormDefinitionAdmin(admin.ModelAdmin):
    form = FormDefinitionForm
    list_display = ["slug", "version", "status", "title", "updated_at", "published_at"]
    list_filter = ["status", "slug"]
    search_fields = ["slug", "title"]
    readonly_fields = ["slug", "version", "status", "title", "published_at", "published_by"]
    inlines = [FormDefinitionChangeInline]
    actions = ["publish_selected", "retire_selected", "copy_selected"]
    change_form_template = "admin/formdefs/formdefinition/change_form.html"

    # --- who may do what ---------------------------------------------------------------------------------------

    def has_module_permission(self, request: HttpRequest) -> bool:
        return may_manage_definitions(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return may_manage_definitions(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return may_manage_definitions(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # A published or retired version is frozen: its page is read-only.
        return may_manage_definitions(request.user) and (obj is None or obj.status == FormDefinitionStatus.DRAFT)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_change_permission(request, obj) and obj is not None

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [] if obj is None else self.readonly_fields

    def get_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return ["definition"] if obj is None else [*self.readonly_fields, "definition"]

    # --- saving through the services, so the change log is complete -------------------------------------------

    def save_model(self, request: HttpRequest, obj: FormDefinition, form: Any, change: bool) -> None:
        if change:
            services.update_definition(definition=obj, data=obj.definition, user=request.user)
        else:
            created = services.create_definition(definition=obj.definition, user=request.user)
            obj.pk, obj.slug, obj.version = created.pk, created.slug, created.version
        self._report_changes(request, obj)

    def _report_changes(self, request: HttpRequest, definition: FormDefinition) -> None:
        """After a save: what differs from the version before it, so a slip shows before publishing."""
        previous = services.previous_version(definition)
        if previous is None:
            return
        changes = compare_definitions(previous.spec, FormDefinition.objects.get(pk=definition.pk).spec)
        if not changes:
            self.message_user(request, _("No change against version %(version)s.") % {"version": previous.version})
            return
        lines = format_html_join("", "<li>{}</li>", ((str(c),) for c in changes))
        self.message_user(
            request,
            format_html(
                "{}<ul>{}</ul>", _("Changes against version %(version)s:") % {"version": previous.version}, lines
            ),
            messages.INFO,
        )

    # --- buttons -----------------------------------------------------------------------------------------------

    def get_urls(self) -> list[Any]:
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/preview/", wrap(self.preview_view), name="formdefs_formdefinition_preview"),
            path("<int:pk>/export/", wrap(self.export_view), name="formdefs_formdefinition_export"),
            path("<int:pk>/publish/", wrap(require_POST(self.publish_view)), name="formdefs_formdefinition_publish"),
            path("<int:pk>/retire/", wrap(require_POST(self.retire_view)), name="formdefs_formdefinition_retire"),
            path("<int:pk>/copy/", wrap(require_POST(self.copy_view)), name="formdefs_formdefinition_copy"),
            *super().get_urls(),
        ]

    def _get(self, request: HttpRequest, pk: int) -> FormDefinition:
        if not may_manage_definitions(request.user):
            raise PermissionDenied
        return get_object_or_404(FormDefinition, pk=pk)

    def _back(self, definition: FormDefinition) -> HttpResponseRedirect:
        return HttpResponseRedirect(reverse("admin:formdefs_formdefinition_change", args=[definition.pk]))

    def _run(self, request: HttpRequest, pk: int, service: Any, done: str) -> HttpResponseRedirect:
        definition = self._get(request, pk)
        try:
            result = service(definition=definition, user=request.user)
        except ValidationError as exc:
            self.message_user(request, " ".join(exc.messages), messages.ERROR)
            return self._back(definition)
        self.message_user(request, done % {"definition": result}, messages.SUCCESS)
        return self._back(result)

    def publish_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self._run(request, pk, services.publish_definition, _("Published %(definition)s."))

    def retire_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self._run(request, pk, services.retire_definition, _("Retired %(definition)s."))

    def copy_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self._run(request, pk, services.copy_to_new_draft, _("Created the draft %(definition)s."))

    def export_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        definition = self._get(request, pk)
        response = HttpResponse(services.export_definition(definition), content_type="application/json")
        response["Content-Disposition"] = f'attachment; filename="{definition.slug}-v{definition.version}.json"'
        return response

    def preview_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Every step as the applicant sees it (conditional questions included, marked as such)."""
        definition = self._get(request, pk)
        language = request.GET.get("lang", "pl")
        language = language if language in LANGUAGES else "pl"
        spec = definition.spec
        steps = []
        for step in spec.steps:
            groups = []
            for group in (i for i in step.items if isinstance(i, GroupSpec)):
                formset = build_group_formset(spec, step.key, group.key, language=language)(prefix=group.key)
                groups.append(
                    {
                        "spec": group,
                        "label": group.label.get(language),
                        "form": formset.empty_form,
                        "item_label": group.item_label.get(language) if group.item_label else "",
                    }
                )
            steps.append(
                {
                    "spec": step,
                    "title": step.title.get(language),
                    "intro": step.intro.get(language) if step.intro else "",
                    "form": build_step_form(spec, step.key, language=language)(),
                    "groups": groups,
                }
            )
        others = FormDefinition.objects.filter(slug=definition.slug).exclude(pk=definition.pk).order_by("-version")
        compared = others.filter(version=request.GET.get("compare") or 0).first()
        if compared is None and "compare" not in request.GET:
            compared = services.previous_version(definition)
        context = {
            **self.admin_site.each_context(request),
            "other_versions": [d.version for d in others],
            "compared": compared,
            "changes": [str(c) for c in compare_definitions(compared.spec, spec)] if compared else [],
            "opts": self.model._meta,
            "original": definition,
            "title": _("Preview of %(definition)s") % {"definition": definition},
            "steps": steps,
            "language": language,
            "languages": LANGUAGES,
            "form_title": spec.title.get(language),
        }
        return TemplateResponse(request, "admin/formdefs/formdefinition/preview.html", context)

    # --- list actions ------------------------------------------------------------------------------------------

    def _each(self, request: HttpRequest, queryset: Any, service: Any) -> None:
        for definition in queryset:
            try:
                service(definition=definition, user=request.user)
            except ValidationError as exc:
                self.message_user(request, f"{definition}: {' '.join(exc.messages)}", messages.ERROR)

    @admin.action(description=_("Publish the selected drafts"))
    def publish_selected(self, request: HttpRequest, queryset: Any) -> None:
        self._each(request, queryset, services.publish_definition)

    @admin.action(description=_("Retire the selected versions"))
    def retire_selected(self, request: HttpRequest, queryset: Any) -> None:
        self._each(request, queryset, services.retire_definition)

    @admin.action(description=_("Copy the selected versions to new drafts"))
    def copy_selected(self, request: HttpRequest, queryset: Any) -> None:
        self._each(request, queryset, services.copy_to_new_draft)
