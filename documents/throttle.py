"""A small per-IP counter in Django's cache: enough to keep the public verification page from being scraped."""

from __future__ import annotations

from django.conf import settings

from mos import throttle


def verify_rate() -> int:
    return int(getattr(settings, "DOCUMENTS_VERIFY_RATE_PER_MINUTE", 30))


def allow(scope: str, ip: str | None, *, limit: int, window: int = 60) -> bool:
    """Count one request of `ip` in the current window; False once more than `limit` were counted."""
    return throttle.allow(scope, ip, limit=limit, window=window)
