"""A visitor reads a permit page, searches the FAQ and writes to an office in a real browser; axe-core checks."""

from __future__ import annotations

import pytest
from django.core import mail

from information.models import ContactMessage
from tests.browser import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 375])
def test_a_visitor_reads_a_permit_page_searches_and_writes_to_an_office(new_page, shipped_content, width):
    page = new_page(width=width)

    page.goto("/info/temporary-residence-work/")
    assert page.locator("h1").inner_text() == "Temporary residence and work permit"
    steps = page.locator("ol.procedure > li")
    assert steps.count() == 9 and "Annex 1" in steps.nth(2).inner_text()
    page.locator("summary", has_text="What is Annex 1?").click()
    assert page.get_by_text("It is the part of the application that your employer fills in").is_visible()
    assert_no_axe_violations(page)

    page.get_by_label("Words to look for").fill("appeal")
    page.get_by_role("button", name="Search").click()
    assert page.get_by_role("heading", name="How do I appeal against a decision?").is_visible()
    assert_no_axe_violations(page)

    page.goto("/info/contact/")
    page.get_by_label("Your e-mail address").fill("olena@")
    page.get_by_role("button", name="Send the message").click()
    assert page.get_by_role("alert").is_visible()
    assert page.get_by_label("Your e-mail address").input_value() == "olena@"
    assert_no_axe_violations(page)

    page.locator("#id_office").select_option(label="mazowieckie — Mazowiecki Urząd Wojewódzki w Warszawie")
    page.get_by_label("Topic").select_option("fees")
    page.get_by_label("Your e-mail address").fill("olena@example.org")
    page.get_by_label("Your message").fill("Where do I pay the stamp duty for my permit?")
    page.get_by_label("I agree that the voivodeship office processes").check()
    page.get_by_role("button", name="Send the message").click()
    assert page.locator("h1").inner_text() == "Your message has been sent"
    assert_no_axe_violations(page)
    assert ContactMessage.objects.get().office.voivodeship.code == "14"
    assert mail.outbox[0].to == ["olena@example.org"]
