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


class ReplaceForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("New file"),
        help_text=gettext_lazy("PDF, JPEG or PNG. We check the file itself, not its name."),
    )


def _requirements(draft, language: str) -> list[dict]:
    present: dict[str, list] = {}
    attachments = list(draft.attachments.all())
    labels = {r.key: r.label.get(language) for r in draft.definition.spec.attachments}
    by_hash: dict[str, set[str]] = {}
    for attachment in attachments:
        by_hash.setdefault(attachment.sha256, set()).add(attachment.requirement)
    for attachment in attachments:
        attachment.same_as = sorted(labels.get(k, k) for k in by_hash[attachment.sha256] - {attachment.requirement})
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
                _warn_if_same_file(request, attachment)
                return redirect("applications:draft-attachments", draft_id=draft.public_id)
        return render(request, self.template_name, self._context(draft, form))


def _warn_if_same_file(request, attachment) -> None:
    """The same file attached as several different documents is almost always a wrong pick: say so at once."""
    others = services.same_file_elsewhere(attachment)
    if others:
        language = get_language()
        labels = {r.key: r.label.get(language) for r in attachment.draft.definition.spec.attachments}
        messages.warning(
            request,
            _(
                "“%(name)s” is the same file as the one you attached as: %(documents)s. Each document needs its own "
                "scan: check that you chose the right file."
            )
            % {"name": attachment.original_name, "documents": ", ".join(labels.get(k, k) for k in others)},
        )


class ReplaceAttachmentView(ApplicantRequiredMixin, View):
    """Put a new file in place of an attached one (a better scan, the right page), for the same document."""

    template_name = "applications/attachment_replace.html"

    def _attachment(self, request, attachment_id):
        return get_object_or_404(
            selectors.attachments_for_applicant(request.user).select_related("draft__definition"),
            public_id=attachment_id,
            draft__status="open",
        )

    def _render(self, request, attachment, form) -> HttpResponse:
        spec = attachment.draft.definition.spec
        language = get_language()
        requirement = next((r for r in spec.attachments if r.key == attachment.requirement), None)
        return render(
            request,
            self.template_name,
            {
                "attachment": attachment,
                "draft": attachment.draft,
                "form": form,
                "document": requirement.label.get(language) if requirement else attachment.requirement,
                "form_title": spec.title.get(language),
            },
        )

    def get(self, request, attachment_id) -> HttpResponse:
        return self._render(request, self._attachment(request, attachment_id), ReplaceForm())

    def post(self, request, attachment_id) -> HttpResponse:
        attachment = self._attachment(request, attachment_id)
        form = ReplaceForm(request.POST, request.FILES)
        if form.is_valid():
            old_name = attachment.original_name
            try:
                new = services.replace_attachment(
                    attachment=attachment, applicant=request.user, upload=form.cleaned_data["file"]
                )
            except ValidationError as error:
                form.add_error("file", error)
            else:
                messages.success(
                    request,
                    _("“%(new)s” replaces “%(old)s”.") % {"new": new.original_name, "old": old_name},
                )
                _warn_if_same_file(request, new)
                return redirect("applications:draft-attachments", draft_id=new.draft.public_id)
        return self._render(request, attachment, form)


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
