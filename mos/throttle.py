"""Fixed-window request counters in Django's cache (Redis in production), shared by the public forms.

Hand-written rather than a package: the project needs one function, counted per IP or per case number, with the
limits read from settings; django-axes already throttles logins.

On Redis every counter of a request is counted in one round trip (a pipeline of SET NX EX and INCR). Through the
generic cache API each counter took three (ADD, EXISTS, INCR): six of the status lookup's ~9 ms.
"""

from __future__ import annotations

import time

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache


def allow(scope: str, key: str | None, *, limit: int, window: int) -> bool:
    """Count one hit on `key` within `scope` in the current window; False once more than `limit` were counted."""
    return allow_all([(scope, key, limit)], window=window)


def allow_all(counters: list[tuple[str, str | None, int]], *, window: int) -> bool:
    """Count one hit on each (scope, key, limit) in the current window; False once any is over its limit."""
    bucket = int(time.time() // window)
    names = [f"throttle:{scope}:{key or '-'}:{bucket}" for scope, key, _limit in counters]
    limits = [limit for _scope, _key, limit in counters]
    cache = caches["default"]
    if isinstance(cache, RedisCache):
        counts = _count_redis(cache, names, window)
    else:
        counts = [_count(cache, name, window) for name in names]
    return all(count <= limit for count, limit in zip(counts, limits, strict=True))


def _count_redis(cache: RedisCache, names: list[str], window: int) -> list[int]:
    keys = [cache.make_and_validate_key(name) for name in names]
    # The cache's own connection pool (Django exposes no public pipeline). SET NX EX starts a missing counter at 0
    # with its expiry, INCR counts; both for every key in one round trip (any Redis version).
    client = cache._cache.get_client(keys[0], write=True)
    pipeline = client.pipeline(transaction=False)
    for key in keys:
        pipeline.set(key, 0, ex=window + 5, nx=True)
        pipeline.incr(key)
    return pipeline.execute()[1::2]


def _count(cache, name: str, window: int) -> int:
    cache.add(name, 0, timeout=window + 5)
    try:
        return cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.add(name, 1, timeout=window + 5)
        return 1
