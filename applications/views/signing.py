"""Sign and submit: tick the declarations, then sign with the trusted profile (a visit to its signing service), a
qualified electronic signature (download the package, sign it, upload it) or, in development, the password."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views import View

from formdefs.api import FieldSpec, fees_for, is_signing_step, legal_stay_check

from .. import selectors, services
from ..signature_models import SigningMethod
from ..signatures.checks import refuse
from ..signing import SignatureRefused, available_signature_methods
from ..signing_services import request_trusted_profile_signature, reusable_signing_request
from .access import ApplicantRequiredMixin, client_ip

MAX_SIGNED_FILE = 60 * 1024 * 1024  # the package (attachments' digests only) plus a signature: far below this


class SignForm(forms.Form):
    method = forms.ChoiceField(
        label=gettext_lazy("How do you sign?"), widget=forms.RadioSelect, required=False, choices=()
    )
    password = forms.CharField(
        label=gettext_lazy("Your password"),
        strip=False,
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=gettext_lazy(
            "Confirm that it is you who submits the application: type the password of your account."
        ),
    )
    signed_file = forms.FileField(
        label=gettext_lazy("The signed application package (PDF)"),
        required=False,
        help_text=gettext_lazy("Sign the downloaded package without changing it, then upload the signed file."),
    )

    def __init__(self, *args, declarations: list[FieldSpec], language: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.declarations = declarations
        methods = available_signature_methods()
        self.fields["method"].choices = [(code, SigningMethod(code).label) for code in methods]
        if SigningMethod.PASSWORD not in methods:
            del self.fields["password"]
        for field in declarations:
            self.fields[field.key] = forms.BooleanField(
                label=field.label.get(language),
                required=True,
                error_messages={"required": gettext_lazy("Tick the declaration to submit the application.")},
            )
        self.order_fields([f.key for f in declarations] + ["method", "password", "signed_file"])

    def clean(self) -> dict:
        data = super().clean()
        method = data.get("method") or ""
        if not method and data.get("password") and SigningMethod.PASSWORD in available_signature_methods():
            method = SigningMethod.PASSWORD.value  # the development form of old: declarations and a password
        if not method:
            self.add_error("method", _("Choose how you sign the application."))
        elif method == SigningMethod.PASSWORD and not data.get("password"):
            self.add_error("password", _("Type your password."))
        data["method"] = method
        return data


def _declarations(spec) -> list[tuple[str, FieldSpec]]:
    return [(step.key, item) for step in spec.steps if is_signing_step(step) for item in step.items]


def _submitted_redirect(application) -> HttpResponse:
    return HttpResponseRedirect(
        reverse("applications:case", kwargs={"case_id": application.public_id}) + "?submitted=1"
    )


class SignAndSubmitView(ApplicantRequiredMixin, View):
    template_name = "applications/sign.html"

    def _form(self, draft, data=None, files=None) -> SignForm:
        initial = {
            field.key: bool((draft.answers.get(step) or {}).get(field.key))
            for step, field in _declarations(draft.definition.spec)
        }
        return SignForm(
            data,
            files,
            initial=initial,
            declarations=[f for _, f in _declarations(draft.definition.spec)],
            language=get_language(),
        )

    def _page(self, request, draft, form, *, method: str = "", status: int = 200) -> HttpResponse:
        package_ready = reusable_signing_request(subject=draft, signer=request.user, method=SigningMethod.QUALIFIED)
        return render(
            request,
            self.template_name,
            {
                "draft": draft,
                "form": form,
                "chosen_method": method,
                "package_url": reverse("documents:draft-signing-package", kwargs={"draft_id": draft.public_id}),
                "package_ready": package_ready is not None,
                "legal_stay": legal_stay_check(draft.answers, timezone.localdate(), spec=draft.definition.spec),
                "fees": fees_for(draft.definition.slug, draft.answers),
            },
            status=status,
        )

    def get(self, request, draft_id) -> HttpResponse:
        draft = get_object_or_404(selectors.open_drafts_for_applicant(request.user), public_id=draft_id)
        return self._page(request, draft, self._form(draft), method=request.GET.get("method", ""))

    def post(self, request, draft_id) -> HttpResponse:
        submitted = selectors.cases_for_applicant(request.user).filter(draft__public_id=draft_id).first()
        if submitted is not None:  # a second click or a second tab: the same application, once
            return redirect("applications:case", case_id=submitted.public_id)
        draft = get_object_or_404(selectors.open_drafts_for_applicant(request.user), public_id=draft_id)
        form = self._form(draft, request.POST, request.FILES)
        if not form.is_valid():
            return self._page(request, draft, form, method=request.POST.get("method", ""))
        for step_key, field in _declarations(draft.definition.spec):
            if (draft.answers.get(step_key) or {}).get(field.key) is not True:
                draft = services.save_step_answers(
                    draft=draft, step_key=step_key, answers={**draft.answers.get(step_key, {}), field.key: True}
                )
        method = form.cleaned_data["method"]
        try:
            if method == SigningMethod.TRUSTED_PROFILE:
                return_url = request.build_absolute_uri(
                    reverse("applications:draft-sign-return", kwargs={"draft_id": draft.public_id})
                )
                _request, sign_url = request_trusted_profile_signature(
                    subject=draft, signer=request.user, success_url=return_url, failure_url=return_url
                )
                return HttpResponseRedirect(sign_url)
            credentials: dict = {}
            if method == SigningMethod.QUALIFIED:
                prepared = reusable_signing_request(subject=draft, signer=request.user, method=method)
                upload = form.cleaned_data.get("signed_file")
                if upload is not None and prepared is None and draft.signing_requests.filter(method=method).exists():
                    raise refuse("stale")  # signed over a package of the application as it was before a change
                if prepared is None or upload is None:
                    # First the package (with the declarations now ticked), then the upload.
                    return self._page(request, draft, self._form(draft), method=method)
                if upload.size > MAX_SIGNED_FILE:
                    raise SignatureRefused(_("The file is too large."), "not_signed")
                credentials = {"request": prepared.public_id, "signed": upload.read()}
            elif method == SigningMethod.PASSWORD:
                credentials = {"password": form.cleaned_data.get("password") or ""}
            application = services.submit_draft(
                draft_id=draft.pk,
                applicant=request.user,
                signature_method=method,
                credentials=credentials,
                ip=client_ip(request),
                declaration_confirmed=True,
                language=get_language(),
            )
        except SignatureRefused as refused:
            field = {"password": "password", "qualified": "signed_file"}.get(method, "method")
            form.add_error(field if field in form.fields else None, refused.message)
            return self._page(request, draft, form, method=method)
        except services.SubmissionError as error:
            messages.error(request, error.message)
            return redirect("applications:draft-check", draft_id=draft.public_id)
        return _submitted_redirect(application)


class TrustedProfileReturnView(ApplicantRequiredMixin, View):
    """Back from the trusted profile's signing service: fetch the signed document, verify it, submit."""

    def get(self, request, draft_id) -> HttpResponse:
        submitted = selectors.cases_for_applicant(request.user).filter(draft__public_id=draft_id).first()
        if submitted is not None:
            return redirect("applications:case", case_id=submitted.public_id)
        draft = get_object_or_404(selectors.open_drafts_for_applicant(request.user), public_id=draft_id)
        sign_page = reverse("applications:draft-sign", kwargs={"draft_id": draft.public_id})
        if request.GET.get("cancelled"):
            messages.error(
                request, _("The document was not signed: the signing was cancelled or has not been finished.")
            )
            return redirect(sign_page)
        try:
            application = services.submit_draft(
                draft_id=draft.pk,
                applicant=request.user,
                signature_method=SigningMethod.TRUSTED_PROFILE,
                credentials={"request": request.GET.get("request") or None},
                ip=client_ip(request),
                declaration_confirmed=True,
                language=get_language(),
            )
        except SignatureRefused as refused:
            messages.error(request, refused.message)
            return redirect(sign_page)
        except services.SubmissionError as error:
            messages.error(request, error.message)
            return redirect("applications:draft-check", draft_id=draft.public_id)
        return _submitted_redirect(application)


def annex_completed_message(annex) -> str:
    """The message after signing, naming the annex by its own form's title (Annex 1, the university's, ...)."""
    return _("Signed, complete and linked to the application: %(title)s.") % {
        "title": annex.definition.spec.title.get(get_language())
    }


def annex_sign_form(data=None, files=None) -> SignForm:
    return SignForm(data, files, declarations=[], language=get_language())


def sign_annex(request, annex, form: SignForm) -> HttpResponse | None:
    """The employer's signature of its annex: the same methods; None when the page should be shown again."""
    method = form.cleaned_data["method"]
    try:
        if method == SigningMethod.TRUSTED_PROFILE:
            return_url = request.build_absolute_uri(
                reverse("applications:annex-sign-return", kwargs={"annex_id": annex.public_id})
            )
            _request, sign_url = request_trusted_profile_signature(
                subject=annex, signer=request.user, success_url=return_url, failure_url=return_url
            )
            return HttpResponseRedirect(sign_url)
        credentials: dict = {}
        if method == SigningMethod.QUALIFIED:
            prepared = reusable_signing_request(subject=annex, signer=request.user, method=method)
            upload = form.cleaned_data.get("signed_file")
            if upload is not None and prepared is None and annex.signing_requests.filter(method=method).exists():
                raise refuse("stale")
            if prepared is None or upload is None:
                return None
            credentials = {"request": prepared.public_id, "signed": upload.read(MAX_SIGNED_FILE + 1)}
        elif method == SigningMethod.PASSWORD:
            credentials = {"password": form.cleaned_data.get("password") or ""}
        services.complete_annex(
            annex=annex, employer=request.user, signature_method=method, credentials=credentials, ip=client_ip(request)
        )
    except SignatureRefused as refused:
        field = {"password": "password", "qualified": "signed_file"}.get(method, "method")
        form.add_error(field if field in form.fields else None, refused.message)
        return None
    except services.SubmissionError as error:
        messages.error(request, error.message)
        return redirect("applications:annex-check", annex_id=annex.public_id)
    messages.success(request, annex_completed_message(annex))
    return redirect("applications:employer-dashboard")


class AnnexTrustedProfileReturnView(View):
    """Back from the signing service with the employer's signed annex."""

    def get(self, request, annex_id) -> HttpResponse:
        from accounts.models import Role

        if not request.user.is_authenticated or not request.user.has_role(Role.EMPLOYER):
            return redirect("accounts:login")
        annex = get_object_or_404(selectors.annexes_for_employer(request.user), public_id=annex_id)
        check_page = reverse("applications:annex-check", kwargs={"annex_id": annex.public_id})
        if request.GET.get("cancelled"):
            messages.error(
                request, _("The document was not signed: the signing was cancelled or has not been finished.")
            )
            return redirect(check_page)
        try:
            services.complete_annex(
                annex=annex,
                employer=request.user,
                signature_method=SigningMethod.TRUSTED_PROFILE,
                credentials={"request": request.GET.get("request") or None},
                ip=client_ip(request),
            )
        except SignatureRefused as refused:
            messages.error(request, refused.message)
            return redirect(check_page)
        except services.SubmissionError as error:
            messages.error(request, error.message)
            return redirect(check_page)
        messages.success(request, annex_completed_message(annex))
        return redirect("applications:employer-dashboard")
