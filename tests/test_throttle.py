"""The shared request counters count the same through the generic cache API and through a real Redis pipeline."""

from __future__ import annotations

import os
import uuid

import pytest
import redis
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

from mos import throttle

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"


def _redis_is_up() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


BACKENDS = {
    "local memory": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "redis": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL},
}


@pytest.fixture(params=list(BACKENDS))
def cache_backend(request, settings):
    if request.param == "redis" and not _redis_is_up():
        pytest.skip(f"Redis is not reachable at {REDIS_URL} (CI starts it)")
    settings.CACHES = {"default": {**BACKENDS[request.param], "KEY_PREFIX": f"throttle-test-{uuid.uuid4().hex}"}}
    yield caches["default"]
    caches["default"].clear()


def test_each_counter_allows_its_limit_within_the_window_then_refuses(cache_backend):
    for _ in range(3):
        assert throttle.allow_all([("ip", "192.0.2.1", 5), ("case", "14/2026/000001", 3)], window=60)
    # The case counter is at its limit; the IP counter is not, and it still counts the refused attempt.
    assert not throttle.allow_all([("ip", "192.0.2.1", 5), ("case", "14/2026/000001", 3)], window=60)
    assert throttle.allow("ip", "192.0.2.1", limit=5, window=60)
    assert not throttle.allow("ip", "192.0.2.1", limit=5, window=60)
    assert throttle.allow("ip", "192.0.2.2", limit=5, window=60)  # another address has its own counter


def test_a_counter_expires_after_its_window(cache_backend):
    throttle.allow("contact", "192.0.2.9", limit=1, window=60)
    if isinstance(cache_backend, RedisCache):
        client = cache_backend._cache.get_client(write=False)
        (key,) = client.keys(cache_backend.make_and_validate_key("throttle:contact:*"))
        assert 0 < client.ttl(key) <= 65
    else:  # local memory: the counter is there, with its expiry time
        assert [key for key in cache_backend._expire_info if "throttle:contact" in key]
