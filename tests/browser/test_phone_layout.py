"""At 375 px in a real browser: no page of the applicant is wider than the screen, the header takes at most two
rows, and the case page is not a wall of digests (issue 17: 449 px, three rows, 3,300 px)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import assert_no_axe_violations
from tests.factories import PASSWORD
from tests.samples import submit_sample

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]
WIDTH = 375
STATIC_DIR = Path(__file__).resolve().parents[2] / "static"


def header_rows(page) -> int:
    """How many rows the header's items sit on: the brand, the menu and the language buttons are centred on their
    row, so items of one row share their vertical centre."""
    return page.evaluate(
        """() => new Set([...document.querySelectorAll('.header-row > *')]
                .map(el => { const r = el.getBoundingClientRect(); return Math.round((r.top + r.bottom) / 2); }))
                .size"""
    )


def serve_static_files(page) -> None:
    """The test server does not serve /static/ with DEBUG off: answer those requests from the project's files."""

    def fulfil(route):
        relative = route.request.url.split("/static/", 1)[1].split("?", 1)[0]
        path = STATIC_DIR / relative
        if path.is_file():
            kind = {".css": "text/css", ".svg": "image/svg+xml", ".js": "text/javascript"}.get(path.suffix, "")
            route.fulfill(body=path.read_bytes(), content_type=kind or "application/octet-stream")
        else:
            route.fulfill(status=404, body="")

    page.route("**/static/**", fulfil)


def page_width(page) -> int:
    return page.evaluate("() => document.documentElement.scrollWidth")


@pytest.mark.parametrize("language", ["English", "Українська"])
def test_applicant_pages_fit_a_375_px_phone(new_page, language):
    case = submit_sample()
    page = new_page(width=WIDTH, height=740)
    serve_static_files(page)
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(case.applicant.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main").get_by_role("button").last.click()
    page.get_by_role("button", name=language).click()

    for path in ("/", "/my/", f"/cases/{case.public_id}/", "/status/", "/info/accessibility/", "/info/privacy/"):
        page.goto(path)
        assert page_width(page) <= WIDTH, (path, page_width(page))
        assert header_rows(page) <= 2, path

    page.goto(f"/cases/{case.public_id}/")
    digests = page.locator("details.digest")
    assert digests.count() == case.attachments.count()
    assert all(not digests.nth(i).get_attribute("open") for i in range(digests.count()))
    assert_no_axe_violations(page)
