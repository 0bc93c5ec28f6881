"""The client's address comes through exactly TRUSTED_PROXY_COUNT proxies, for axes, the throttles and the audit."""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings
from django.test import RequestFactory

from mos.client_address import client_ip


def request(remote="10.0.0.2", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    ("hops", "forwarded", "expected"),
    [
        (0, None, "10.0.0.2"),
        (0, "198.51.100.7", "10.0.0.2"),  # no proxy trusted: the header is the client's own words
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "203.0.113.1, 198.51.100.7", "198.51.100.7"),  # a forged entry on the left is not believed
        (2, "203.0.113.1, 198.51.100.7, 10.0.0.1", "198.51.100.7"),
        (2, "198.51.100.7", "198.51.100.7"),  # fewer entries than proxies: all were written by them
        (1, None, "10.0.0.2"),  # not through the proxy (a health check from inside)
        (1, "198.51.100.7:51234", "198.51.100.7"),
        (1, "[2001:db8::7]:443", "2001:db8::7"),
        (1, "2001:db8::7", "2001:db8::7"),
        (1, "not-an-address", "10.0.0.2"),
        (1, "unknown, <script>", "10.0.0.2"),
    ],
)
def test_the_client_is_read_through_the_trusted_hops(settings, hops, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = hops
    assert client_ip(request(forwarded=forwarded)) == expected


def test_no_proxy_is_trusted_by_default():
    assert django_settings.TRUSTED_PROXY_COUNT == 0


def test_axes_the_throttles_and_the_audit_use_the_one_function():
    from applications.views import access
    from workflows import audit

    assert django_settings.AXES_CLIENT_IP_CALLABLE == "mos.client_address.client_ip"
    assert audit.client_ip is client_ip and access.client_ip is client_ip


@pytest.mark.django_db
def test_the_verify_page_throttles_each_client_behind_the_proxy(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.DOCUMENTS_VERIFY_RATE_PER_MINUTE = 3
    query = {"case": "14/2026/000001", "sha256": "0" * 64}
    statuses = [
        client.get("/verify/", query, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.8").status_code
        for _ in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    other = client.get("/verify/", query, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert other.status_code == 200
