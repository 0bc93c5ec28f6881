"""The client's address, read through exactly `TRUSTED_PROXY_COUNT` reverse proxies (django-axes, throttles, audit).

Each trusted proxy appends the address it received the request from to X-Forwarded-For, so with N proxies in front
the client is the N-th entry from the right (REMOTE_ADDR being the last proxy). Entries further left are whatever
the client wrote and are never believed. With 0 (the default: no proxy) X-Forwarded-For is ignored altogether.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def trusted_proxy_count() -> int:
    return max(0, int(getattr(settings, "TRUSTED_PROXY_COUNT", 0)))


def client_ip(request) -> str | None:
    """The address of the client as the outermost trusted proxy saw it; REMOTE_ADDR when no proxy is trusted."""
    if request is None:
        return None
    remote = request.META.get("REMOTE_ADDR") or None
    hops = trusted_proxy_count()
    if hops == 0:
        return remote
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
    if not forwarded:
        return remote  # not through the proxies (a health check from inside)
    # The proxies wrote the last `hops` entries; fewer means the request skipped some, and all are theirs.
    candidate = forwarded[-hops] if len(forwarded) >= hops else forwarded[0]
    return _address(candidate) or remote


def _address(entry: str) -> str | None:
    """A bare IPv4 or IPv6 address from an entry (a port or brackets some proxies add are dropped)."""
    text = entry.strip()
    if text.startswith("["):  # [2001:db8::1]:443
        text = text[1:].split("]", 1)[0]
    elif text.count(":") == 1:  # 203.0.113.7:51234
        text = text.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return None
