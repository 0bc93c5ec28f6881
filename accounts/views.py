"""Thin account views: each parses the request, calls a service and renders."""

from __future__ import annotations

import time

import django_otp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView, UpdateView
from django.views.i18n import set_language

from . import login_guard, services
from .forms import AccountForm, LoginForm, RegistrationForm, SecondFactorForm
from .models import Role, User

PENDING_SECOND_FACTOR = "accounts_pending_second_factor"
PENDING_MAX_AGE = 300  # seconds between the password and the code


def safe_next(request: HttpRequest, candidate: str | None, user: User | None = None) -> str:
    if candidate and url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    if user is not None and (user.has_role(Role.OFFICER) or user.has_role(Role.SUPERVISOR)):
        return reverse("workflows:inbox")  # staff start their day at the office inbox
    if user is not None and user.has_role(Role.APPLICANT):
        return reverse("applications:dashboard")  # "My applications": where a draft is continued
    if user is not None and user.has_role(Role.EMPLOYER):
        return reverse("applications:employer-dashboard")
    if user is not None and user.has_role(Role.SECOND_INSTANCE):
        return reverse("workflows:second-instance-queue")  # the Head of the Office's appeals
    return reverse(settings.LOGIN_REDIRECT_URL)


def _with_language_cookie(response: HttpResponse, language: str) -> HttpResponse:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def keep_the_page_language(request: HttpRequest, user: User, response: HttpResponse) -> HttpResponse:
    """After a login: the language the login page was shown in stays, and the account's preference follows it.

    That language is the request's, as LocaleMiddleware resolved it: the switcher's cookie when a choice was made on
    this browser, else the browser's Accept-Language, else Polish. The account's stored language never replaces it
    (issue 17: log in lands on "My applications" in the language the person was just using); the cookie set here keeps
    it fixed for the pages that follow. Used by the password login and the national node's (SAML) login alike.
    """
    language = translation.get_supported_language_variant(getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE))
    if language != user.preferred_language:
        User.objects.filter(pk=user.pk).update(preferred_language=language)
        user.preferred_language = language
    return _with_language_cookie(response, language)


def _complete_login(request: HttpRequest, user: User, next_url: str) -> HttpResponse:
    login(request, user, backend=getattr(user, "backend", None))
    login_guard.clear(user.email)
    response = keep_the_page_language(request, user, HttpResponseRedirect(next_url))
    login_guard.remember_device(response, user.email)
    return response


class RegisterView(FormView):
    template_name = "accounts/register.html"
    form_class = RegistrationForm

    def get_initial(self) -> dict:
        return {"preferred_language": self.request.LANGUAGE_CODE}

    def form_valid(self, form: RegistrationForm) -> HttpResponse:
        data = form.cleaned_data
        services.register_applicant(
            email=data["email"],
            password=data["password1"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            preferred_language=data["preferred_language"],
        )
        return render(self.request, "accounts/register_done.html", {"email": data["email"]})


def verify_email(request: HttpRequest, token: str) -> HttpResponse:
    try:
        services.verify_email(token)
    except services.VerificationError:
        return render(request, "accounts/verify_failed.html", status=400)
    messages.success(request, _("Your e-mail address is confirmed. You can log in now."))
    return redirect("accounts:login")


class LoginView(FormView):
    template_name = "accounts/login.html"
    form_class = LoginForm

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "request": self.request}

    def get_context_data(self, **kwargs) -> dict:
        return {**super().get_context_data(**kwargs), "next": self.request.GET.get("next", "")}

    def form_valid(self, form: LoginForm) -> HttpResponse:
        user = form.user
        next_url = safe_next(self.request, self.request.POST.get("next") or self.request.GET.get("next"), form.user)
        if not user.email_verified:
            services.send_verification_email(user)
            form.add_error(None, _("Please confirm your e-mail address first. We have sent you a new link."))
            return self.form_invalid(form)
        if user.needs_second_factor:
            self.request.session[PENDING_SECOND_FACTOR] = {
                "user": user.pk,
                "backend": user.backend,
                "next": next_url,
                "at": time.time(),
            }
            return redirect("accounts:login-second-factor")
        return _complete_login(self.request, user, next_url)


class SecondFactorView(FormView):
    """The second step of a staff login: a TOTP code (or a static backup code) from django-otp."""

    template_name = "accounts/second_factor.html"
    form_class = SecondFactorForm

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        pending = request.session.get(PENDING_SECOND_FACTOR)
        if not pending or time.time() - pending["at"] > PENDING_MAX_AGE:
            request.session.pop(PENDING_SECOND_FACTOR, None)
            messages.error(request, _("Your login has timed out. Please enter your password again."))
            return redirect("accounts:login")
        self.pending = pending
        self.user = User.objects.filter(pk=pending["user"], is_active=True).first()
        if self.user is None:
            return redirect("accounts:login")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        has_device = any(django_otp.devices_for_user(self.user, confirmed=True))
        return {**super().get_context_data(**kwargs), "has_device": has_device}

    def form_valid(self, form: SecondFactorForm) -> HttpResponse:
        device = django_otp.match_token(self.user, form.cleaned_data["token"].replace(" ", ""))
        if device is None:
            form.add_error("token", _("This code is wrong or has expired. Try the current code."))
            return self.form_invalid(form)
        self.user.backend = self.pending["backend"]
        response = _complete_login(self.request, self.user, self.pending["next"])
        django_otp.login(self.request, device)
        return response


class AccountView(LoginRequiredMixin, UpdateView):
    template_name = "accounts/account.html"
    form_class = AccountForm
    success_url = reverse_lazy("accounts:account")

    def get_object(self, queryset=None) -> User:
        return self.request.user

    def form_valid(self, form: AccountForm) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(self.request, _("Your account has been saved."))
        return _with_language_cookie(response, form.instance.preferred_language)


@require_POST
def switch_language(request: HttpRequest) -> HttpResponse:
    """Django's set_language, which also remembers the choice on the account of a signed-in user."""
    response = set_language(request)
    language = request.POST.get("language")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        User.objects.filter(pk=request.user.pk).update(preferred_language=language)
    return response


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset_body.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-done")

    def get_extra_email_context(self) -> dict:
        return {"site_url": settings.SITE_URL}

    @property
    def extra_email_context(self) -> dict:  # type: ignore[override]
        return self.get_extra_email_context()


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password-reset-complete")

    def form_valid(self, form) -> HttpResponse:
        login_guard.clear(form.user.email)  # the owner of the mailbox is not kept waiting by strangers' guesses
        return super().form_valid(form)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:account")

    def form_valid(self, form) -> HttpResponse:
        messages.success(self.request, _("Your password has been changed."))
        return super().form_valid(form)
