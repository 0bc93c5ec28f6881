"""Personal API tokens: create one (the key is shown once), find the user of a key, and the bearer auth of the API."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from ninja.security import HttpBearer

from .notification_models import ApiToken

#: `last_used_at` is written at most this often per token (a busy client must not write on every request).
LAST_USED_PRECISION = timedelta(minutes=1)


def create_api_token(*, user, name: str = "") -> tuple[ApiToken, str]:
    """A new token of `user` and its key; only the key's SHA-256 is stored, so show the key now or never."""
    key = ApiToken.new_key()
    token = ApiToken.objects.create(user=user, name=name[:100], key_hash=ApiToken.hash_key(key))
    return token, key


def user_for_key(key: str):
    """The active user whose token this is, or None."""
    if not key or len(key) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=ApiToken.hash_key(key.strip()), user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


class ApiTokenAuth(HttpBearer):
    """`Authorization: Bearer <key>` with a personal API token."""

    def authenticate(self, request, token: str):
        return user_for_key(token)
