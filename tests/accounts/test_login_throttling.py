"""Guessing passwords is slowed per address (django-axes) and per account (growing waits), and the owner gets in."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from accounts import login_guard
from tests.factories import PASSWORD, ApplicantFactory

pytestmark = pytest.mark.django_db

WAIT_MESSAGE = "Too many wrong passwords were tried for this account"


@pytest.fixture(autouse=True)
def _fresh_accounts():
    """The counts live in the cache, which outlives a test's database transaction."""
    emails = ["owner@example.org", "stranger@example.org", "x@example.org"]
    emails += [f"someone{number}@example.org" for number in range(20)]
    for email in emails:
        login_guard.clear(email)
    yield
    for email in emails:
        login_guard.clear(email)


def login(client, email, password=PASSWORD, ip="203.0.113.10", **headers):
    return client.post(reverse("accounts:login"), {"email": email, "password": password}, REMOTE_ADDR=ip, **headers)


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_an_address_that_guesses_too_often_is_locked_out_whatever_account_it_tries(client, settings):
    owner = ApplicantFactory(email="owner@example.org")
    for number in range(settings.AXES_FAILURE_LIMIT):
        login(client, f"someone{number}@example.org", "guess-guess-guess", ip="198.51.100.1")
    response = login(client, owner.email, ip="198.51.100.1")  # even a right password, from that address
    assert response.status_code == 429 and not logged_in(client)
    other = Client()
    assert login(other, owner.email, ip="198.51.100.2").status_code == 302 and logged_in(other)


def test_many_addresses_guessing_one_account_make_it_wait_longer_and_longer(client, time_machine):
    time_machine.move_to("2030-01-01 10:00:00Z", tick=False)
    owner = ApplicantFactory(email="owner@example.org")
    for number in range(5):
        assert login(Client(), owner.email, "guess-guess-guess", ip=f"198.51.100.{number}").status_code == 200
    assert login_guard.seconds_to_wait(owner.email) == 60

    refused = login(client, owner.email, ip="192.0.2.77")  # unchecked while it waits, even the right password
    assert WAIT_MESSAGE in refused.content.decode() and "1 min" in refused.content.decode()
    assert not logged_in(client)

    time_machine.move_to("2030-01-01 10:01:01Z", tick=False)
    login(Client(), owner.email, "guess-guess-guess", ip="198.51.100.50")
    assert login_guard.seconds_to_wait(owner.email) == 120
    time_machine.move_to("2030-01-01 10:03:02Z", tick=False)
    login(Client(), owner.email, "guess-guess-guess", ip="198.51.100.51")
    assert login_guard.seconds_to_wait(owner.email) == 240
    assert "4 min" in login(Client(), owner.email, ip="198.51.100.52").content.decode()

    # Once the wait is over the right password works, and the account starts afresh.
    time_machine.move_to("2030-01-01 10:07:03Z", tick=False)
    assert login(client, owner.email, ip="192.0.2.77").status_code == 302 and logged_in(client)
    assert login_guard.seconds_to_wait(owner.email) == 0


def test_the_waits_stop_growing_at_the_maximum(settings):
    assert [login_guard.delay_after(n) for n in (0, 4, 5, 6, 7)] == [0, 0, 60, 120, 240]
    assert login_guard.delay_after(50) == settings.LOGIN_ACCOUNT_MAX_DELAY == 3600


def test_the_owner_logs_in_from_a_known_device_while_strangers_make_the_account_wait(client):
    owner = ApplicantFactory(email="owner@example.org")
    assert login(client, owner.email, ip="192.0.2.5").status_code == 302
    assert login_guard.DEVICE_COOKIE in client.cookies
    client.post(reverse("accounts:logout"))

    for number in range(8):
        login(Client(), owner.email, "guess-guess-guess", ip=f"198.51.100.{number}")
    assert login_guard.seconds_to_wait(owner.email) > 0
    assert login(client, owner.email, ip="192.0.2.5").status_code == 302 and logged_in(client)


def test_a_forged_or_another_accounts_device_cookie_does_not_skip_the_wait(client):
    owner = ApplicantFactory(email="owner@example.org")
    ApplicantFactory(email="stranger@example.org")
    assert login(client, "stranger@example.org").status_code == 302  # the stranger's own device cookie
    client.post(reverse("accounts:logout"))
    for number in range(5):
        login(Client(), owner.email, "guess-guess-guess", ip=f"198.51.100.{number}")

    assert WAIT_MESSAGE in login(client, owner.email).content.decode()
    client.cookies[login_guard.DEVICE_COOKIE] = "forged:value"
    assert WAIT_MESSAGE in login(client, owner.email).content.decode()
    assert not logged_in(client)


def test_a_password_reset_lets_the_owner_in_at_once(client):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    owner = ApplicantFactory(email="owner@example.org")
    for number in range(6):
        login(Client(), owner.email, "guess-guess-guess", ip=f"198.51.100.{number}")
    assert login_guard.seconds_to_wait(owner.email) > 0

    uid = urlsafe_base64_encode(force_bytes(owner.pk))
    url = reverse("accounts:password-reset-confirm", args=[uid, default_token_generator.make_token(owner)])
    form_url = client.get(url, follow=True).redirect_chain[-1][0]
    new_password = "a-long-and-unusual-passphrase"
    assert client.post(form_url, {"new_password1": new_password, "new_password2": new_password}).status_code == 302
    assert login_guard.seconds_to_wait(owner.email) == 0
    assert login(client, owner.email, new_password).status_code == 302 and logged_in(client)


def test_behind_a_trusted_proxy_an_address_lockout_is_the_clients_not_the_proxys(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    owner = ApplicantFactory(email="owner@example.org")
    proxy = "10.0.0.2"
    for number in range(settings.AXES_FAILURE_LIMIT):
        login(client, f"someone{number}@example.org", "guess", ip=proxy, HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert login(client, owner.email, ip=proxy, HTTP_X_FORWARDED_FOR="198.51.100.9").status_code == 429
    # The owner behind the same proxy, even with the attacker's address forged in front of their own, gets in.
    other = Client()
    response = login(other, owner.email, ip=proxy, HTTP_X_FORWARDED_FOR="198.51.100.9, 192.0.2.44")
    assert response.status_code == 302 and logged_in(other)


def test_without_trusted_proxies_a_forwarded_address_is_ignored(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for number in range(settings.AXES_FAILURE_LIMIT):
        login(
            client, f"someone{number}@example.org", "guess", ip="198.51.100.3", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}"
        )
    assert login(client, "x@example.org", ip="198.51.100.3", HTTP_X_FORWARDED_FOR="192.0.2.200").status_code == 429


def test_a_guesser_cannot_wipe_the_count_of_their_address_by_logging_into_their_own_account(client, settings):
    ApplicantFactory(email="stranger@example.org")
    owner = ApplicantFactory(email="owner@example.org")
    for number in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, f"someone{number}@example.org", "guess", ip="198.51.100.4")
    assert login(client, "stranger@example.org", ip="198.51.100.4").status_code == 302
    client.post(reverse("accounts:logout"))
    login(client, "someone19@example.org", "guess", ip="198.51.100.4")
    assert login(client, owner.email, ip="198.51.100.4").status_code == 429
