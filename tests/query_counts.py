"""Counting the queries of a page: list pages must cost the same for a few rows as for many."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_for(client, url: str) -> tuple[int, str]:
    """The number of queries of a GET of `url` (after one warm-up GET) and the page it returned."""
    client.get(url)  # warm per-process caches (compiled definitions, roles)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries), response.content.decode()
