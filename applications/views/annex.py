"""The annexes filled by someone else than the applicant: the employer's Annex 1, the Blue Card employer's, and the
institutions' (a university, a research host, a traineeship or volunteering organiser). The applicant hands out a
one-time code; the employer or institution fills the annex the application needs and links it."""

from __future__ import annotations

from collections import OrderedDict

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.views import View

from accounts.models import Role
from formdefs.api import visible_wizard_steps, wizard_steps

from .. import selectors, services
from ..case_models import AnnexStatus
from ..presentation import summarise
from ..wizard import StepForm
from .access import ApplicantRequiredMixin, EmployerRequiredMixin
from .signing import annex_sign_form, sign_annex
from .wizard import DraftWizardView

#: The employer's Annex 1 to the temporary residence and work form (the only annex the forms number).
ANNEX_1_SLUG = "employer-annex-1"


class AnnexCodeView(ApplicantRequiredMixin, View):
    """The applicant's side: make a code to give to the employer, and see whether the annex is there."""

    def get(self, request, draft_id) -> HttpResponse:
        draft = get_object_or_404(selectors.open_drafts_for_applicant(request.user), public_id=draft_id)
        return self._render(request, draft)

    def post(self, request, draft_id) -> HttpResponse:
        draft = get_object_or_404(selectors.open_drafts_for_applicant(request.user), public_id=draft_id)
        if not services.needs_employer_annex(draft):
            raise PermissionDenied
        return self._render(request, draft, code=services.create_annex_link_code(draft=draft))

    def _render(self, request, draft, code: str = "") -> HttpResponse:
        annex = getattr(draft, "employer_annex", None)
        definition = annex.definition if annex is not None else services.annex_definition_for(draft)
        spec = definition.spec if definition is not None else None
        return render(
            request,
            "applications/annex_code.html",
            {
                "draft": draft,
                "annex": annex,
                "code": code,
                "needs_annex": spec is not None,
                # A university, a research host or an organiser fills its annex: the page names it, not an employer.
                "by_institution": spec is not None and spec.filled_by == "institution",
                "is_annex_1": definition is None or definition.slug == ANNEX_1_SLUG,
                "annex_title": spec.title.get(get_language()) if spec is not None else "",
            },
        )


class RedeemCodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code from the applicant"),
        max_length=20,
        help_text=gettext_lazy("Twelve letters and digits, for example ABCD-EFGH-JKLM."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


def _annexes_of(user) -> list[dict]:
    """The employer's or institution's annexes, each by its own form's title (Annex 1, the university's, ...)."""
    language = get_language()
    return [
        {
            "annex": a,
            "title": a.definition.spec.title.get(language),
            "applicant": a.draft.applicant.get_full_name() if a.draft else "",
        }
        for a in selectors.annexes_for_employer(user)
    ]


class EmployerDashboardView(EmployerRequiredMixin, View):
    """Employers and institutions (a university, a research host, a traineeship or volunteering organiser) alike:
    the applicant's code opens the annex that application needs, and each annex is listed by its own title."""

    def get(self, request) -> HttpResponse:
        context = {"annexes": _annexes_of(request.user), "form": RedeemCodeForm()}
        return render(request, "applications/employer_dashboard.html", context)

    def post(self, request) -> HttpResponse:
        form = RedeemCodeForm(request.POST)
        if form.is_valid():
            try:
                annex = services.start_annex(employer=request.user, code=form.cleaned_data["code"])
            except ValidationError as error:
                form.add_error("code", error)
            else:
                first = wizard_steps(annex.definition.spec)[0].key
                return redirect("applications:annex-step", annex_id=annex.public_id, step=first)
        return render(
            request, "applications/employer_dashboard.html", {"annexes": _annexes_of(request.user), "form": form}
        )


class AnnexWizardView(DraftWizardView):
    """The same wizard, over the employer's annex."""

    url_name = "applications:annex-step"

    def dispatch(self, request, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.has_role(Role.EMPLOYER):
            raise PermissionDenied
        self.draft = get_object_or_404(
            selectors.annexes_for_employer(request.user), public_id=kwargs["annex_id"], status=AnnexStatus.DRAFT
        )
        request.mos_draft = self.draft
        self.spec = self.draft.definition.spec
        self.language = get_language()
        self.form_list = OrderedDict((step.key, StepForm) for step in wizard_steps(self.spec))
        self.condition_dict = {step.key: self._visible(step) for step in wizard_steps(self.spec)}
        return super(DraftWizardView, self).dispatch(request, *args, **kwargs)

    def get_step_url(self, step: str) -> str:
        url = reverse(self.url_name, kwargs={"annex_id": self.draft.public_id, "step": step})
        return url + ("?return=check" if self._returning_to_check() and step != self.done_step_name else "")

    def _check_url(self) -> str:
        return reverse("applications:annex-check", kwargs={"annex_id": self.draft.public_id})

    def render_next_step(self, form, **kwargs) -> HttpResponse:
        if self._returning_to_check():
            return HttpResponseRedirect(self._check_url())
        return super(DraftWizardView, self).render_next_step(form, **kwargs)

    def render_done(self, form, **kwargs) -> HttpResponse:
        return HttpResponseRedirect(self._check_url())

    def get_context_data(self, form, **kwargs) -> dict:
        context = super().get_context_data(form=form, **kwargs)
        context.update(
            {"offers_mrz_prefill": False, "back_url": reverse("applications:employer-dashboard"), "is_annex": True}
        )
        return context


class AnnexCheckView(EmployerRequiredMixin, View):
    def _annex(self, request, annex_id):
        return get_object_or_404(selectors.annexes_for_employer(request.user), public_id=annex_id)

    def get(self, request, annex_id, form=None, chosen_method: str = "") -> HttpResponse:
        annex = self._annex(request, annex_id)
        spec, language = annex.definition.spec, get_language()
        _cleaned, errors = services.validate_payload(spec, annex.answers)
        by_step: dict[str, list[str]] = {}
        for error in errors:
            by_step.setdefault(error.step, []).append(error.message)
        summaries = summarise(spec, annex.answers, language, steps=visible_wizard_steps(spec, annex.answers))
        for summary in summaries:
            summary.errors = by_step.get(summary.step.key, [])
            if annex.status != AnnexStatus.DRAFT:
                continue  # a completed annex is signed: no "Change" link (its wizard is closed)
            summary.change_url = (
                reverse("applications:annex-step", kwargs={"annex_id": annex.public_id, "step": summary.step.key})
                + "?return=check"
            )
            for row in summary.answers:
                row.change_url = f"{summary.change_url}#{row.anchor}"
        return render(
            request,
            "applications/annex_check.html",
            {
                "annex": annex,
                "summaries": summaries,
                "can_complete": not errors,
                "form_title": spec.title.get(language),
                # Annex 1 is named so on its form; the Blue Card employer's and the institutions' annexes are not.
                "is_annex_1": annex.definition.slug == ANNEX_1_SLUG,
                "form": form or annex_sign_form(),
                "chosen_method": chosen_method or request.GET.get("method", ""),
                "package_url": reverse("documents:annex-signing-package", kwargs={"annex_id": annex.public_id}),
            },
        )

    def post(self, request, annex_id) -> HttpResponse:
        annex = self._annex(request, annex_id)
        if annex.status != AnnexStatus.DRAFT:
            return redirect("applications:employer-dashboard")
        form = annex_sign_form(request.POST, request.FILES)
        if form.is_valid():
            response = sign_annex(request, annex, form)
            if response is not None:
                return response
        return self.get(request, annex_id, form=form, chosen_method=request.POST.get("method", ""))
