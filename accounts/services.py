"""Account actions: registration, e-mail verification, roles. Views and commands call these."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Role, User

VERIFY_SALT = "accounts.verify-email"


class VerificationError(Exception):
    """The e-mail verification link is invalid or has expired."""


def ensure_role_groups() -> None:
    for role in Role:
        Group.objects.get_or_create(name=role.value)


def assign_role(user: User, role: Role | str) -> None:
    group, _ = Group.objects.get_or_create(name=Role(role).value)
    user.groups.add(group)
    user.__dict__.pop("_roles_cache", None)


def make_verification_token(user: User) -> str:
    return signing.dumps({"u": user.pk, "e": user.email}, salt=VERIFY_SALT, compress=True)


def verification_url(user: User) -> str:
    return settings.SITE_URL + reverse("accounts:verify-email", kwargs={"token": make_verification_token(user)})


def send_verification_email(user: User) -> None:
    with translation.override(user.preferred_language):
        context = {"user": user, "url": verification_url(user)}
        subject = render_to_string("accounts/email/verify_subject.txt", context).strip()
        body = render_to_string("accounts/email/verify_body.txt", context)
    send_mail(subject, body, None, [user.email])


def send_already_registered_email(email: str, language: str) -> None:
    """Answer a registration for an address that already has an account, without telling the visitor."""
    with translation.override(language):
        context = {
            "login_url": settings.SITE_URL + reverse("accounts:login"),
            "reset_url": settings.SITE_URL + reverse("accounts:password-reset"),
        }
        subject = render_to_string("accounts/email/already_registered_subject.txt", context).strip()
        body = render_to_string("accounts/email/already_registered_body.txt", context)
    send_mail(subject, body, None, [email])


@transaction.atomic
def register_applicant(
    *, email: str, password: str, first_name: str, last_name: str, preferred_language: str, role: Role = Role.APPLICANT
) -> User | None:
    """Create an unverified account and send the link that confirms its e-mail address.

    Returns None when the address is taken: the visitor sees the same page either way, so registration
    cannot be used to find out who has an account; the owner of the address gets a note instead.
    """
    email = User.objects.normalize_email(email).lower()
    if User.objects.filter(email__iexact=email).exists():
        transaction.on_commit(lambda: send_already_registered_email(email, preferred_language))
        return None
    user = User.objects.create_user(
        email=email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        preferred_language=preferred_language,
    )
    assign_role(user, role)
    transaction.on_commit(lambda: send_verification_email(user))
    return user


def verify_email(token: str) -> User:
    max_age = settings.EMAIL_VERIFICATION_MAX_AGE_DAYS * 24 * 3600
    try:
        data = signing.loads(token, salt=VERIFY_SALT, max_age=max_age)
    except signing.BadSignature as exc:  # includes SignatureExpired
        raise VerificationError from exc
    user = User.objects.filter(pk=data.get("u"), email=data.get("e")).first()
    if user is None:
        raise VerificationError
    if not user.email_verified:
        user.email_verified = True
        user.save(update_fields=["email_verified"])
    return user
