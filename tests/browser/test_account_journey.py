"""A person registers, confirms the e-mail, logs in and switches to Ukrainian in a real browser; axe-core checks."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from tests.browser import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-and-unusual-passphrase"


@pytest.mark.parametrize("width", [1280, 375])
def test_a_new_user_registers_verifies_logs_in_and_switches_to_ukrainian(new_page, live_server, width):
    page = new_page(width=width)

    page.goto("/")
    page.get_by_role("button", name="English").click()
    assert page.locator("h1").inner_text() == "Living and working in Poland"
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Create an account").first.click()
    assert_no_axe_violations(page)
    page.get_by_label("E-mail address").fill("olena@example.org")
    page.get_by_label("First name").fill("Olena")
    page.get_by_label("Last name").fill("Kovalenko")
    page.locator("#id_password1").fill("short")
    page.get_by_label("Repeat the password").fill("short")
    page.get_by_role("button", name="Create the account").click()
    # A bad password is refused on the field, and what was typed is still there.
    assert page.get_by_role("alert").is_visible()
    assert page.get_by_label("Last name").input_value() == "Kovalenko"
    assert_no_axe_violations(page)
    page.locator("#id_password1").fill(PASSWORD)
    page.get_by_label("Repeat the password").fill(PASSWORD)
    page.get_by_role("button", name="Create the account").click()
    assert page.locator("h1").inner_text() == "Check your e-mail"
    assert_no_axe_violations(page)

    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    page.goto(re.sub(r"^https?://[^/]+", live_server.url, link))
    assert page.locator("h1").inner_text() == "Log in"
    assert "Your e-mail address is confirmed" in page.content()
    assert_no_axe_violations(page)

    page.get_by_label("E-mail address").fill("olena@example.org")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    assert page.get_by_role("link", name="My account").is_visible()

    page.get_by_role("button", name="Українська").click()
    assert page.locator("html").get_attribute("lang") == "uk"
    assert page.locator("h1").inner_text() == "Мої заяви"  # logging in lands on "My applications"
    assert page.get_by_role("link", name="Мій обліковий запис").is_visible()
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Мій обліковий запис").click()
    assert page.locator("h1").inner_text() == "Мій обліковий запис"
    assert_no_axe_violations(page)
