"""Login through the national node (SAML 2.0) against a real pysaml2 identity provider started by the suite."""

from __future__ import annotations

import base64
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import requests
import time_machine
from django.urls import reverse
from django.utils import timezone

from accounts.identity_models import NationalIdentity
from accounts.models import Role
from tests.identity.saml_idp import saml_response_from

OKSANA = {
    "given_name": "OKSANA",
    "family_name": "KOWALENKO",
    "date_of_birth": "1990-05-17",
    "person_identifier": "PL/PL/90051712345",
}


def log_in_at_the_node(client, person=OKSANA, next_url: str = "") -> str:
    """The browser's part: our SP redirects to the node, the person logs in there, the node's form posts back."""
    start = client.get(reverse("saml:login") + (f"?next={next_url}" if next_url else ""))
    assert start.status_code == 302 and "SAMLRequest=" in start["Location"]
    page = requests.get(start["Location"], timeout=10)
    assert page.status_code == 200, page.text
    key = page.text.split("name=key value=")[1].split(">")[0]
    node_url = f"{urlsplit(start['Location']).scheme}://{urlsplit(start['Location']).netloc}/sso/login"
    answer = requests.post(node_url, data={"key": key, **person}, timeout=10)
    assert answer.status_code == 200, answer.text
    return saml_response_from(answer.text)


def post_to_acs(client, saml_response: str):
    response = client.post(reverse("saml:acs"), {"SAMLResponse": saml_response})
    if response.status_code != 302:
        return response
    return client.get(response["Location"])


def test_a_person_logs_in_through_the_national_node_and_the_identity_is_linked(client, node, db):
    response = post_to_acs(client, log_in_at_the_node(client, next_url="/my/"))
    assert response.status_code == 302 and response["Location"] == "/my/"
    identity = NationalIdentity.objects.get(pesel="90051712345")
    assert (identity.given_names, identity.surname, identity.date_of_birth.isoformat()) == (
        "OKSANA",
        "KOWALENKO",
        "1990-05-17",
    )
    user = identity.user
    assert user.has_role(Role.APPLICANT) and user.get_full_name() == "OKSANA KOWALENKO"
    assert int(client.session["_auth_user_id"]) == user.pk
    # The next login finds the same account.
    client.logout()
    post_to_acs(client, log_in_at_the_node(client))
    assert NationalIdentity.objects.count() == 1 and int(client.session["_auth_user_id"]) == user.pk


def test_the_national_login_lands_on_my_applications_in_the_language_the_browser_was_using(client, node, applicant):
    applicant.preferred_language = "pl"
    applicant.save(update_fields=["preferred_language"])
    client.force_login(applicant)  # the e-mail account, linked to the identity by this login
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "uk"  # no language chosen on this browser: it asks for Ukrainian
    response = post_to_acs(client, log_in_at_the_node(client))
    assert response.status_code == 302 and response["Location"] == reverse("applications:dashboard")
    my_applications = client.get(response["Location"]).content.decode()
    assert '<html lang="uk"' in my_applications and "Мої заяви" in my_applications
    applicant.refresh_from_db()
    assert applicant.preferred_language == "uk"


def test_an_email_account_logged_in_is_linked_to_the_national_identity(client, node, applicant):
    client.force_login(applicant)
    post_to_acs(client, log_in_at_the_node(client))
    assert NationalIdentity.objects.get().user == applicant
    assert int(client.session["_auth_user_id"]) == applicant.pk


def test_a_tampered_saml_assertion_is_refused(client, node, db, caplog):
    xml = base64.b64decode(log_in_at_the_node(client)).replace(b"KOWALENKO", b"NOWAK")
    response = post_to_acs(client, base64.b64encode(xml).decode())
    assert response.status_code == 403 and "no request of ours" not in caplog.text
    assert "_auth_user_id" not in client.session and not NationalIdentity.objects.exists()


def test_a_saml_assertion_replayed_is_refused(client, node, db):
    saml_response = log_in_at_the_node(client)
    assert post_to_acs(client, saml_response).status_code == 302
    client.logout()
    replay = post_to_acs(client, saml_response)
    assert replay.status_code == 403 and "_auth_user_id" not in client.session


def test_a_saml_assertion_replayed_in_another_browser_is_refused(client, node, db):
    from django.test import Client

    saml_response = log_in_at_the_node(client)
    other = Client()
    answered = other.post(reverse("saml:acs"), {"SAMLResponse": saml_response})
    assert other.get(answered["Location"]).status_code == 403  # the login completes only where it started
    assert "_auth_user_id" not in other.session


def test_an_expired_saml_assertion_is_refused(client, node, db, caplog):
    saml_response = log_in_at_the_node(client)
    # Past the assertion's five minutes, within our request's ten: the assertion's own time is what fails.
    with time_machine.travel(timezone.now() + timedelta(minutes=7), tick=False):
        response = post_to_acs(client, saml_response)
    assert response.status_code == 403 and "_auth_user_id" not in client.session
    assert "no request of ours" not in caplog.text


def test_an_unsolicited_saml_response_is_refused(client, node, db):
    from django.test import Client

    saml_response = log_in_at_the_node(Client())  # asked for by another session, never answered there
    client.get("/")
    response = post_to_acs(client, saml_response)
    assert response.status_code == 403  # answered at our ACS, but this browser never asked for it
    assert "_auth_user_id" not in client.session


def test_logout_ends_the_session_here_and_at_the_node(client, node, db):
    post_to_acs(client, log_in_at_the_node(client))
    assert "_auth_user_id" in client.session
    response = client.post(reverse("saml:logout"))
    assert response.status_code == 302 and "/slo/redirect?SAMLRequest=" in response["Location"]
    assert "_auth_user_id" not in client.session
    back = requests.get(response["Location"], allow_redirects=False, timeout=10)
    assert back.status_code == 303
    location = urlsplit(back.headers["Location"])
    assert location.path == reverse("saml:sls")
    done = client.get(f"{location.path}?{location.query}", follow=True)
    assert "logged out of MOS and of login.gov.pl" in done.content.decode()


def test_the_login_page_offers_the_national_node_when_configured(client, node, db, settings):
    assert b"Log in with login.gov.pl" in client.get(reverse("accounts:login")).content
    settings.SAML_IDP_METADATA_FILE = ""
    assert b"Log in with login.gov.pl" not in client.get(reverse("accounts:login")).content
    assert client.get(reverse("saml:login")).status_code == 404


@pytest.mark.parametrize("path", ["saml:metadata"])
def test_our_metadata_names_the_acs_and_our_certificate(client, node, db, path):
    body = client.get(reverse(path)).content
    assert b"AssertionConsumerService" in body and b"X509Certificate" in body
