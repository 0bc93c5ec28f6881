"""Attach scans to a draft, remove them, and download them through a view that checks the owner."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views import View

from .. import selectors, services
from .access import ApplicantRequiredMixin


class UploadForm(forms.Form):
    requirement = forms.ChoiceField(label=gettext_lazy("Which document is it?"))
    file = forms.FileField(
        label=gettext_lazy("File"), help_text=gettext_lazy("PDF, JPEG or PNG. We check the file itself, not its name.")
    )

    def __init__(self, *args, requirements: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["requirement"].choices = requirements


def _requirements(draft, language: str) -> list[dict]:
    present: dict[str, list] = {}
    for attachment in draft.attachments.all():
        present.setdefault(attachment.requirement, []).append(attachment)
    missing = set(services.missing_attachments(draft))
    return [
        {
            "spec": r,
            "label": r.label.get(language),
            "help": r.help.get(language) if r.help else "",
            "files": present.get(r.key, []),
            "missing": r.key in missing,
            "accept": ",".join(r.accept),
            "max_size_mb": r.max_size_mb,
        }
        for r in draft.definition.spec.attachments
    ]


class AttachmentsView(ApplicantRequiredMixin, View):
    template_name = "applications/attachments.html"

    def _context(self, draft, form) -> dict:
        language = get_language()
        return {
            "draft": draft,
            "form": form,
            "requirements": _requirements(draft, language),
            "form_title": draft.definition.spec.title.get(language),
        }

    def _form(self, draft, *args) -> UploadForm:
        language = get_language()
        return UploadForm(
            *args, requirements=[(r.key, r.label.get(language)) for r in draft.definition.spec.attachments]
        )

    def get(self, request, draft_id) -> HttpResponse:
        draft = get_object_or_404(selectors.open_drafts_for_applicant(request.user), public_id=draft_id)
        initial = {"requirement": request.GET.get("requirement")} if request.GET.get("requirement") else None
        form = self._form(draft)
        if initial:
            form.initial = initial
        return render(request, self.template_name, self._context(draft, form))

    def post(self, request, draft_id) -> HttpResponse:
        draft = get_object_or_404(selectors.open_drafts_for_applicant(request.user), public_id=draft_id)
        form = self._form(draft, request.POST, request.FILES)
        if form.is_valid():
            try:
                attachment = services.add_attachment(
                    draft=draft, requirement=form.cleaned_data["requirement"], upload=form.cleaned_data["file"]
                )
            except ValidationError as error:
                form.add_error("file", error)
            else:
                messages.success(request, _("“%(name)s” is attached.") % {"name": attachment.original_name})
                return redirect("applications:draft-attachments", draft_id=draft.public_id)
        return render(request, self.template_name, self._context(draft, form))


class RemoveAttachmentView(ApplicantRequiredMixin, View):
    def post(self, request, attachment_id) -> HttpResponse:
        attachment = get_object_or_404(
            selectors.attachments_for_applicant(request.user).select_related("draft"),
            public_id=attachment_id,
            draft__status="open",
        )
        draft = attachment.draft
        services.remove_attachment(attachment=attachment, applicant=request.user)
        messages.success(request, _("The file has been removed."))
        return redirect("applications:draft-attachments", draft_id=draft.public_id)


class DownloadAttachmentView(ApplicantRequiredMixin, View):
    def get(self, request, attachment_id) -> HttpResponse:
        attachment = get_object_or_404(selectors.attachments_for_applicant(request.user), public_id=attachment_id)
        response = FileResponse(
            attachment.file.open("rb"),
            as_attachment=True,
            filename=attachment.original_name,
            content_type=attachment.content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response
