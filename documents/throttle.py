"""A small per-IP counter in Django's cache: enough to keep the public verification page from being scraped."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache


def verify_rate() -> int:
    return int(getattr(settings, "DOCUMENTS_VERIFY_RATE_PER_MINUTE", 30))


def allow(scope: str, ip: str | None, *, limit: int, window: int = 60) -> bool:
    """Count one request of `ip` in the current window; False once more than `limit` were counted."""
    bucket = int(time.time() // window)
    key = f"throttle:{scope}:{ip or '-'}:{bucket}"
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window + 5)
        count = 1
    return count <= limit
