"""Error pages are the site's own (its layout and language), not a third-party package's."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_missing_page_is_a_404_in_the_sites_layout_and_language():
    response = Client(HTTP_ACCEPT_LANGUAGE="pl").get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Nie znaleziono strony" in html and 'class="site-header"' in html
    assert "viewflow" not in html


def test_the_server_error_page_needs_no_request_context(settings):
    from django.template.loader import get_template

    html = get_template("500.html").render()
    assert "Something went wrong" in html and "/static/css/mos.css" in html
