"""The contact form: strict and translated validation, throttling, storage, routing and the confirmation e-mail."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.admin.sites import site as admin_site
from django.core import mail
from django.test import RequestFactory
from django.utils.html import escape

from applications.models import Office
from information.forms import clean_case_number
from information.models import ContactMessage
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

URL = "/info/contact/"


@pytest.fixture
def office():
    return Office.objects.get(voivodeship__code="12")  # małopolskie


@pytest.fixture
def valid(office) -> dict:
    return {
        "office": str(office.pk),
        "topic": "my-case",
        "case_number": "12/2025/000042",
        "email": "olena@example.org",
        "message": "When will my fingerprints appointment be?",
        "consent": "on",
    }


def post(client, data, django_capture_on_commit_callbacks, **extra):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(URL, data, **extra)


def test_the_form_lists_the_sixteen_offices_by_voivodeship(client):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200 and html.count("<h1") == 1
    assert html.count("Urząd Wojewódzki") == 16
    assert "małopolskie — Małopolski Urząd Wojewódzki w Krakowie" in html


def test_a_valid_message_is_stored_routed_and_confirmed(client, valid, office, django_capture_on_commit_callbacks):
    response = post(client, valid, django_capture_on_commit_callbacks, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 302 and response["Location"] == "/info/contact/sent/"
    message = ContactMessage.objects.get()
    assert (message.office, message.topic, message.case_number, message.email) == (
        office,
        "my-case",
        "12/2025/000042",
        "olena@example.org",
    )
    assert message.consent and message.language == "en" and message.ip == "203.0.113.7"
    confirmation, to_office = mail.outbox
    assert confirmation.to == ["olena@example.org"]
    assert f"no. {message.pk}" in confirmation.subject
    assert "Małopolski Urząd Wojewódzki w Krakowie" in confirmation.body and "12/2025/000042" in confirmation.body
    assert "fingerprints appointment" not in confirmation.body  # the message itself is not repeated by e-mail
    assert to_office.to == [office.email] and to_office.reply_to == ["olena@example.org"]
    assert valid["message"] in to_office.body
    sent = client.get(response["Location"])
    assert sent.status_code == 200 and f"Its number is {message.pk}." in sent.content.decode()


@pytest.mark.parametrize(("language", "words"), [("uk", "Номер справи"), ("ru", "Номер дела"), ("pl", "Numer sprawy")])
def test_the_confirmation_is_in_the_senders_language(
    client, valid, django_capture_on_commit_callbacks, language, words
):
    post(client, valid, django_capture_on_commit_callbacks, HTTP_ACCEPT_LANGUAGE=language)
    assert ContactMessage.objects.get().language == language
    assert f"{words}: 12/2025/000042" in mail.outbox[0].body


def test_every_invalid_field_gets_its_message_and_keeps_what_was_typed(client, django_capture_on_commit_callbacks):
    typed = {
        "office": "",
        "topic": "",
        "case_number": "12-2025-42",
        "email": "olena@",
        "message": "Too short",
        "consent": "",
    }
    response = post(client, typed, django_capture_on_commit_callbacks)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in html and "<title>Error:" in html
    errors = response.context["form"].errors
    assert errors["office"] == ["Choose the voivodeship office your message is for."]
    assert errors["topic"] == ["Choose the topic of your message."]
    assert errors["case_number"][0].startswith("Enter the case number as it is printed on the receipt")
    assert errors["email"] == ["Enter an e-mail address in the right format, like name@example.com."]
    assert errors["message"] == ["Your message is too short: write at least 20 characters (now 9)."]
    assert errors["consent"] == ["Tick the box to agree, or we cannot answer you."]
    for message_list in errors.values():
        assert escape(message_list[0]) in html
    assert 'value="12-2025-42"' in html and 'value="olena@"' in html
    assert re.search(r">\s*Too short</textarea>", html)
    assert not ContactMessage.objects.exists() and not mail.outbox


def test_a_message_too_long_is_refused_and_kept(client, valid, django_capture_on_commit_callbacks):
    response = post(client, {**valid, "message": "x" * 5001}, django_capture_on_commit_callbacks)
    assert response.context["form"].errors["message"] == [
        "Your message is too long: write at most 5000 characters (now 5001)."
    ]
    assert "x" * 5001 + "</textarea>" in response.content.decode()


def test_an_unknown_office_or_topic_is_refused(client, valid, django_capture_on_commit_callbacks):
    response = post(client, {**valid, "office": "99999", "topic": "bribe"}, django_capture_on_commit_callbacks)
    errors = response.context["form"].errors
    assert errors["office"] == ["Choose one of the voivodeship offices in the list."]
    assert errors["topic"] == ["Choose one of the topics in the list."]


def test_field_messages_are_in_the_visitors_language(client, django_capture_on_commit_callbacks):
    from django.utils import translation

    from information.forms import ContactForm

    response = post(client, {"email": "x"}, django_capture_on_commit_callbacks, HTTP_ACCEPT_LANGUAGE="pl")
    html = response.content.decode()
    assert '<html lang="pl">' in html
    with translation.override("pl"):
        expected = str(ContactForm.base_fields["email"].error_messages["invalid"])
        label = str(ContactForm.base_fields["message"].label)
    assert escape(expected) in html and escape(label) in html


@pytest.mark.parametrize(
    "number",
    [
        "14/2026/12345",
        "14/26/000123",
        "1/2026/000123",
        "14/2026/0001234",
        "14-2026-000123",
        "AB/2026/000123",
        "03/2026/000123",
        "14/2013/000123",
        "14/2027/000123",
        "14/2026/00012a",
    ],
)
def test_a_case_number_in_the_wrong_format_is_refused(client, valid, number, django_capture_on_commit_callbacks):
    response = post(client, {**valid, "case_number": number}, django_capture_on_commit_callbacks)
    assert response.status_code == 200 and "case_number" in response.context["form"].errors
    assert escape(number) in response.content.decode()  # kept as typed
    assert not ContactMessage.objects.exists()


def test_case_numbers_checked_for_voivodeship_and_year():
    today = datetime.date(2026, 3, 1)
    assert clean_case_number("32/2026/000001", today) == "32/2026/000001"
    assert clean_case_number(" 02 / 2014 / 999999 ", today) == "02/2014/999999"
    for number, code in [
        ("03/2026/000001", "case_number_voivodeship"),
        ("14/2027/000001", "case_number_year"),
        ("14/2026/1", "case_number_format"),
    ]:
        with pytest.raises(Exception) as raised:
            clean_case_number(number, today)
        assert raised.value.code == code


def test_the_case_number_is_optional(client, valid, django_capture_on_commit_callbacks):
    response = post(client, {**valid, "case_number": ""}, django_capture_on_commit_callbacks)
    assert response.status_code == 302 and ContactMessage.objects.get().case_number == ""


def test_more_than_five_messages_an_hour_from_one_address_are_refused(
    client, valid, settings, django_capture_on_commit_callbacks
):
    for _ in range(5):
        assert post(client, valid, django_capture_on_commit_callbacks, REMOTE_ADDR="198.51.100.1").status_code == 302
    response = post(
        client,
        {**valid, "message": "My sixth message, typed with care."},
        django_capture_on_commit_callbacks,
        REMOTE_ADDR="198.51.100.1",
    )
    html = response.content.decode()
    assert response.status_code == 429 and response["Retry-After"] == "3600"
    assert "You have sent too many messages from your address." in html
    assert "My sixth message, typed with care." in html
    assert ContactMessage.objects.count() == 5 and len(mail.outbox) == 10
    other = post(client, valid, django_capture_on_commit_callbacks, REMOTE_ADDR="198.51.100.2")
    assert other.status_code == 302


def test_mistakes_do_not_count_towards_the_limit(client, valid, django_capture_on_commit_callbacks):
    for _ in range(6):
        post(client, {**valid, "email": "wrong"}, django_capture_on_commit_callbacks, REMOTE_ADDR="198.51.100.3")
    assert post(client, valid, django_capture_on_commit_callbacks, REMOTE_ADDR="198.51.100.3").status_code == 302


def test_the_sent_page_needs_a_message(client):
    response = client.get("/info/contact/sent/")
    assert response.status_code == 302 and response["Location"] == URL


def test_staff_see_messages_in_the_admin_filtered_by_office(
    admin_client, valid, office, django_capture_on_commit_callbacks
):
    post(admin_client, valid, django_capture_on_commit_callbacks)
    mazowieckie = Office.objects.get(voivodeship__code="14")
    ContactMessage.objects.create(
        office=mazowieckie,
        topic="fees",
        email="jan@other.example",
        message="How do I pay the stamp duty?",
        consent=True,
    )
    listing = admin_client.get(f"/admin/information/contactmessage/?office__id__exact={office.pk}")
    html = listing.content.decode()
    assert listing.status_code == 200 and "olena@example.org" in html and "jan@other.example" not in html
    message = ContactMessage.objects.get(email="olena@example.org")
    detail = admin_client.get(f"/admin/information/contactmessage/{message.pk}/change/").content.decode()
    assert "When will my fingerprints appointment be?" in detail and 'name="message"' not in detail  # read only


def test_an_officer_sees_only_the_messages_of_their_office(office):
    ContactMessage.objects.create(office=office, topic="fees", email="k@example.org", message="x" * 20, consent=True)
    mazowieckie = Office.objects.get(voivodeship__code="14")
    ContactMessage.objects.create(
        office=mazowieckie, topic="fees", email="w@example.org", message="x" * 20, consent=True
    )
    request = RequestFactory().get("/")
    request.user = StaffFactory(office="12")
    model_admin = admin_site._registry[ContactMessage]
    assert [m.email for m in model_admin.get_queryset(request)] == ["k@example.org"]
    request.user = StaffFactory(office="14")
    assert [m.email for m in model_admin.get_queryset(request)] == ["w@example.org"]


def test_behind_a_trusted_proxy_messages_are_counted_and_stored_per_client(
    client, valid, settings, django_capture_on_commit_callbacks
):
    settings.TRUSTED_PROXY_COUNT = 1
    proxied = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.20"}
    for _ in range(5):
        assert post(client, valid, django_capture_on_commit_callbacks, **proxied).status_code == 302
    assert post(client, valid, django_capture_on_commit_callbacks, **proxied).status_code == 429
    other = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.21"}
    assert post(client, valid, django_capture_on_commit_callbacks, **other).status_code == 302
    assert ContactMessage.objects.latest("pk").ip == "198.51.100.21"
