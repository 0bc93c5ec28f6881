"""Start an application, list drafts and cases, check the answers, sign and submit, delete a draft."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View

from formdefs.api import (
    FormDefinition,
    fees_for,
    has_fees,
    legal_stay_check,
    notices_for,
    purpose_fees,
    residence_card_fee,
    stamp_duty,
    visible_wizard_steps,
    wizard_steps,
)

from .. import selectors, services, tracking
from ..permits import PERMIT_TYPES
from ..presentation import MissingItem, field_anchor, path_label, summarise
from ..wizard import first_unfinished_step
from .access import ApplicantRequiredMixin


def _step_url(draft, step_key: str, *, back_to_check: bool = False) -> str:
    url = reverse("applications:draft-step", kwargs={"draft_id": draft.public_id, "step": step_key})
    return url + ("?return=check" if back_to_check else "")


class StartView(ApplicantRequiredMixin, View):
    """Choose the permit: who each is for, what it costs, what to prepare."""

    def get(self, request) -> HttpResponse:
        published = {d.slug: d for d in selectors.published_main_forms()}
        permits = []
        for p in PERMIT_TYPES:
            definition = published.get(p.slug)
            fees = definition and purpose_fees(definition.spec)
            permits.append(
                {
                    "permit": p,
                    # the fee data when the form is published (by purpose), the settings' flat figure otherwise
                    "stamp_duty": stamp_duty(p.slug) if has_fees(p.slug) else settings.STAMP_DUTY_PLN.get(p.slug),
                    "purpose_fees": [f for f in fees or [] if f["label"] is not None],
                    "available": definition is not None,
                }
            )
        known = {p.slug for p in PERMIT_TYPES}
        language = get_language()
        for slug, definition in published.items():
            if slug in known:
                continue  # forms without a permit page of their own (the EU Blue Card): described by the definition
            description = definition.spec.description
            permits.append(
                {
                    "permit": {
                        "slug": slug,
                        "title": definition.spec.title.get(language),
                        "who_for": description.get(language) if description else "",
                        "prepare": "",
                    },
                    "stamp_duty": stamp_duty(slug) if has_fees(slug) else settings.STAMP_DUTY_PLN.get(slug),
                    "purpose_fees": [],
                    "available": True,
                }
            )
        return render(
            request,
            "applications/start.html",
            {"permits": permits, "card_fee": residence_card_fee(), "not_in_mos_url": reverse("information:not-in-mos")},
        )

    def post(self, request) -> HttpResponse:
        try:
            draft = services.start_draft(
                applicant=request.user,
                slug=request.POST.get("permit_type", ""),
                for_child=request.POST.get("for_child") == "1",
            )
        except (FormDefinition.DoesNotExist, ValidationError):
            messages.error(request, _("Choose one of the permits below."))
            return redirect("applications:start")
        return redirect(_step_url(draft, wizard_steps(draft.definition.spec)[0].key))


class DashboardView(ApplicantRequiredMixin, View):
    def get(self, request) -> HttpResponse:
        language = get_language()
        drafts = [
            {"draft": d, "title": d.definition.spec.title.get(language)}
            for d in selectors.open_drafts_for_applicant(request.user)
        ]
        cases = [
            {
                "case": c,
                "title": c.definition.spec.title.get(language),
                "status": tracking.status_in_words(c, c.outcome_events),
            }
            for c in selectors.cases_with_outcomes_for_applicant(request.user)
        ]
        return render(request, "applications/dashboard.html", {"drafts": drafts, "cases": cases})


class ResumeDraftView(ApplicantRequiredMixin, View):
    """Continue where the applicant stopped: the first unfinished step, or the summary when all are done."""

    def get(self, request, draft_id) -> HttpResponse:
        draft = get_object_or_404(selectors.open_drafts_for_applicant(request.user), public_id=draft_id)
        step = first_unfinished_step(draft.definition.spec, draft)
        if step is None:
            return redirect("applications:draft-check", draft_id=draft.public_id)
        return redirect(_step_url(draft, step))


class CheckAnswersView(ApplicantRequiredMixin, View):
    def get(self, request, draft_id) -> HttpResponse:
        draft = get_object_or_404(selectors.open_drafts_for_applicant(request.user), public_id=draft_id)
        spec, language = draft.definition.spec, get_language()
        errors = services.check_draft(draft)
        steps = visible_wizard_steps(spec, draft.answers)
        summaries = summarise(spec, draft.answers, language, steps=steps)
        by_step: dict[str, list[str]] = {}
        for error in errors:
            by_step.setdefault(error.step, []).append(error.message)
        for summary in summaries:
            summary.errors = by_step.pop(summary.step.key, [])
            summary.change_url = _step_url(draft, summary.step.key, back_to_check=True)
            summary.unanswered = summary.step.key not in draft.answers
            for row in summary.answers:
                row.change_url = f"{summary.change_url}#{row.anchor}"
        missing = missing_items(draft, errors, language)
        return render(
            request,
            "applications/check_answers.html",
            {
                "draft": draft,
                "form_title": spec.title.get(language),
                "summaries": summaries,
                "attachment_errors": by_step.pop("attachments", []),
                "annex_errors": by_step.pop("annex", []),
                "other_errors": [m for messages_ in by_step.values() for m in messages_],
                "notices": notices_for(spec, draft.answers, on=timezone.localdate()),
                "can_sign": not errors,
                "missing": missing,
                "attachments": draft.attachments.all(),
                "needs_annex": services.needs_employer_annex(draft),
                "annex": getattr(draft, "employer_annex", None),
                "legal_stay": legal_stay_check(draft.answers, timezone.localdate(), spec=spec),
                "fees": fees_for(spec.slug, draft.answers),
            },
        )


def missing_items(draft, errors, language: str) -> list[MissingItem]:
    """Each thing still missing or wrong, with a link that lands on its field (or on the attachment's upload)."""
    spec = draft.definition.spec
    items: list[MissingItem] = []
    for error in errors:
        if error.step == "attachments":
            key = error.path.split(".", 1)[-1]
            requirement = next((r for r in spec.attachments if r.key == key), None)
            url = reverse("applications:draft-attachments", kwargs={"draft_id": draft.public_id})
            label = requirement.label.get(language) if requirement else _("Attachments")
            items.append(MissingItem(label, error.message, f"{url}?requirement={key}#id_requirement"))
        elif error.step == "annex":
            url = reverse("applications:draft-annex", kwargs={"draft_id": draft.public_id})
            items.append(MissingItem(_("Annex 1 from your employer"), error.message, url))
        elif error.step:
            anchor = field_anchor(error.path)
            url = _step_url(draft, error.step, back_to_check=True) + (f"#{anchor}" if anchor else "")
            items.append(MissingItem(path_label(spec, error.path, language), error.message, url))
        else:
            items.append(MissingItem("", error.message, ""))
    return items


class DeleteDraftView(ApplicantRequiredMixin, View):
    def get(self, request, draft_id) -> HttpResponse:
        draft = get_object_or_404(selectors.open_drafts_for_applicant(request.user), public_id=draft_id)
        return render(
            request,
            "applications/draft_delete.html",
            {"draft": draft, "title": draft.definition.spec.title.get(get_language())},
        )

    def post(self, request, draft_id) -> HttpResponse:
        draft = get_object_or_404(selectors.open_drafts_for_applicant(request.user), public_id=draft_id)
        services.delete_draft(draft=draft, applicant=request.user)
        messages.success(request, _("The draft has been deleted."))
        return redirect("applications:dashboard")
