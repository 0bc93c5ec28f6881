"""Fixed-window request counters in Django's cache (Redis in production), shared by the public forms.

Hand-written rather than a package: the project needs one function, counted per IP or per case number, with the
limits read from settings; django-axes already throttles logins.
"""

from __future__ import annotations

import time

from django.core.cache import cache


def allow(scope: str, key: str | None, *, limit: int, window: int) -> bool:
    """Count one hit on `key` within `scope` in the current window; False once more than `limit` were counted."""
    bucket = int(time.time() // window)
    name = f"throttle:{scope}:{key or '-'}:{bucket}"
    cache.add(name, 0, timeout=window + 5)
    try:
        count = cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.add(name, 1, timeout=window + 5)
        count = 1
    return count <= limit
