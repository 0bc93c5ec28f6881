"""Wrong passwords for one account, from anywhere, make its next attempt wait longer and longer.

django-axes locks an address that guesses too often (`AXES_LOCKOUT_PARAMETERS = ["ip_address"]`); this module adds
the per-account half, so that many addresses guessing one account are slowed too. After
`LOGIN_ACCOUNT_FREE_FAILURES` failures each further one makes the account wait `LOGIN_ACCOUNT_FIRST_DELAY` seconds,
doubling, at most `LOGIN_ACCOUNT_MAX_DELAY`. Attempts during the wait are refused unchecked and not counted.

Strangers must not lock the owner out: a browser the owner has logged in from carries a signed device cookie for
that account and is never made to wait (the address limit still holds), and a password reset clears the count.
The counts live in Django's cache (Redis in production), keyed by a digest of the e-mail address.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache

DEVICE_COOKIE = "mos_device"
DEVICE_SALT = "accounts.login_guard.device"
#: How long a count of failures is kept after the last one.
MEMORY_SECONDS = 24 * 3600


def _account_key(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


def _state_key(email: str) -> str:
    return f"login-guard:{_account_key(email)}"


def delay_after(failures: int) -> int:
    """Seconds the account waits after `failures` wrong passwords in a row (0 while within the free ones)."""
    free = int(settings.LOGIN_ACCOUNT_FREE_FAILURES)
    if failures < free:
        return 0
    delay = int(settings.LOGIN_ACCOUNT_FIRST_DELAY) * 2 ** min(failures - free, 20)
    return min(delay, int(settings.LOGIN_ACCOUNT_MAX_DELAY))


def seconds_to_wait(email: str, *, now: float | None = None) -> int:
    """How long the account must wait before a password is checked again (0: it may try now)."""
    state = cache.get(_state_key(email))
    if not state:
        return 0
    now = time.time() if now is None else now
    return max(0, int(state["last"] + delay_after(state["failures"]) - now + 0.999))


def record_failure(email: str) -> None:
    """One more wrong password for the account (an approximate count under races is enough to slow guessing)."""
    key = _state_key(email)
    state = cache.get(key) or {"failures": 0, "last": 0.0}
    cache.set(key, {"failures": state["failures"] + 1, "last": time.time()}, timeout=MEMORY_SECONDS)


def clear(email: str) -> None:
    """A successful login or a password reset: the account starts afresh."""
    cache.delete(_state_key(email))


def device_cookie_value(email: str) -> str:
    return signing.dumps(_account_key(email), salt=DEVICE_SALT, compress=False)


def is_known_device(request, email: str) -> bool:
    """Whether the browser carries the device cookie of this account, signed by us and not expired."""
    value = request.COOKIES.get(DEVICE_COOKIE) if request is not None else None
    if not value:
        return False
    try:
        account = signing.loads(value, salt=DEVICE_SALT, max_age=settings.LOGIN_DEVICE_COOKIE_AGE)
    except signing.BadSignature:
        return False
    return account == _account_key(email)


def remember_device(response, email: str) -> None:
    """After a full login: this browser may try the account's password even while strangers make it wait."""
    response.set_cookie(
        DEVICE_COOKIE,
        device_cookie_value(email),
        max_age=settings.LOGIN_DEVICE_COOKIE_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
