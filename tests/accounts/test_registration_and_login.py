"""Registration, e-mail verification, login with and without a second factor, throttling and password reset."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.hashers import check_password, identify_hasher
from django.core import mail
from django.urls import reverse

from accounts.models import User
from accounts.second_factor import current_code, reset_static_tokens
from tests.factories import PASSWORD, AdministratorFactory, ApplicantFactory, StaffFactory, SupervisorFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-long-and-unusual-passphrase"


def register(client, email="olena@example.org", **overrides):
    data = {
        "email": email,
        "first_name": "Olena",
        "last_name": "Kovalenko",
        "preferred_language": "uk",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        **overrides,
    }
    return client.post(reverse("accounts:register"), data)


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


def login(client, email, password=PASSWORD):
    return client.post(reverse("accounts:login"), {"email": email, "password": password})


def test_a_new_applicant_registers_confirms_the_email_and_logs_in(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client)
    assert response.status_code == 200
    assert "olena@example.org" in response.content.decode()

    user = User.objects.get(email="olena@example.org")
    assert not user.email_verified and user.has_role("applicant")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["olena@example.org"]

    path = link_in(mail.outbox[0]).split("127.0.0.1:8000", 1)[-1]
    response = client.get(path, follow=True)
    assert response.redirect_chain[-1][0] == reverse("accounts:login")
    user.refresh_from_db()
    assert user.email_verified

    # Olena chose Ukrainian on the form, but this browser asks for English (the client's Accept-Language) and no
    # language was switched to, so the login page she just used was in English. Issue 17: the login keeps the
    # language of the page the person was using and the stored preference follows it; the account's Ukrainian does
    # not take over (it used to: the old rule let the stored language beat the browser's).
    response = login(client, "olena@example.org", NEW_PASSWORD)
    assert response.status_code == 302
    assert client.cookies["django_language"].value == "en"
    user.refresh_from_db()
    assert user.preferred_language == "en"
    assert client.get(reverse("accounts:account")).status_code == 200


def test_logging_in_keeps_the_language_the_browser_was_shown_and_stores_it_on_the_account(client):
    oksana = ApplicantFactory(preferred_language="pl")
    page = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="uk")
    assert '<html lang="uk"' in page.content.decode()  # no language cookie: the browser's language is shown

    response = client.post(
        reverse("accounts:login"), {"email": oksana.email, "password": PASSWORD}, HTTP_ACCEPT_LANGUAGE="uk"
    )
    assert response.status_code == 302 and response.url == reverse("applications:dashboard")
    my_applications = client.get(response.url, HTTP_ACCEPT_LANGUAGE="uk").content.decode()
    assert '<html lang="uk"' in my_applications and "Мої заяви" in my_applications
    oksana.refresh_from_db()
    assert oksana.preferred_language == "uk"
    assert client.cookies["django_language"].value == "uk"


def test_a_language_chosen_on_this_browser_beats_its_accept_language_at_login(client):
    oksana = ApplicantFactory(preferred_language="pl")
    client.cookies["django_language"] = "en"
    response = client.post(
        reverse("accounts:login"), {"email": oksana.email, "password": PASSWORD}, HTTP_ACCEPT_LANGUAGE="uk"
    )
    my_applications = client.get(response.url, HTTP_ACCEPT_LANGUAGE="uk").content.decode()
    assert '<html lang="en"' in my_applications and "My applications" in my_applications
    oksana.refresh_from_db()
    assert oksana.preferred_language == "en"


def test_passwords_are_hashed_with_argon2(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    user = ApplicantFactory()
    user.set_password("whatever-secret-123")
    assert identify_hasher(user.password).algorithm == "argon2"
    assert check_password("whatever-secret-123", user.password)


def test_registration_errors_are_shown_next_to_the_fields_and_keep_what_was_typed(client):
    response = register(client, email="not-an-email", password2="something-else-entirely")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in html
    assert 'href="#id_email"' in html and 'href="#id_password2"' in html
    assert 'value="Kovalenko"' in html  # nothing typed is lost
    assert not User.objects.filter(last_name="Kovalenko").exists()


def test_a_weak_password_is_refused_with_a_message_on_the_password_field(client):
    response = register(client, password1="12345678", password2="12345678")
    assert response.context["form"].has_error("password1")


def test_registering_an_existing_address_looks_the_same_and_warns_the_owner(client, django_capture_on_commit_callbacks):
    ApplicantFactory(email="taken@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client, email="taken@example.org", preferred_language="en")
    assert response.status_code == 200
    assert "taken@example.org" in response.content.decode()
    assert User.objects.filter(email__iexact="taken@example.org").count() == 1
    assert "already" in mail.outbox[0].body.lower()


def test_a_broken_or_forged_verification_link_is_refused(client):
    response = client.get(reverse("accounts:verify-email", kwargs={"token": "forged"}))
    assert response.status_code == 400


def test_an_unverified_account_cannot_log_in_and_gets_a_new_link(client):
    ApplicantFactory(email="late@example.org", email_verified=False)
    response = login(client, "late@example.org")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["late@example.org"]


def test_a_wrong_password_gets_one_message_that_tells_nothing_about_the_account(client):
    ApplicantFactory(email="someone@example.org")
    wrong_password = login(client, "someone@example.org", "wrong-password-123").content.decode()
    unknown_email = login(client, "nobody@example.org", "wrong-password-123").content.decode()
    message = "The e-mail address or the password is wrong"
    assert message in wrong_password and message in unknown_email


@pytest.mark.parametrize("factory", [StaffFactory, SupervisorFactory, AdministratorFactory])
def test_a_staff_login_without_the_second_factor_is_refused(client, factory):
    staff = factory()
    response = login(client, staff.email)
    assert response.status_code == 302 and response.url == reverse("accounts:login-second-factor")
    assert "_auth_user_id" not in client.session  # the password alone logs nobody in

    response = client.post(reverse("accounts:login-second-factor"), {"token": "000000"})
    assert response.status_code == 200
    assert response.context["form"].has_error("token")
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("accounts:account")).status_code == 302


def test_a_staff_login_with_the_current_code_succeeds(client):
    officer = StaffFactory()
    login(client, officer.email)
    response = client.post(reverse("accounts:login-second-factor"), {"token": current_code(officer.totp_device)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(officer.pk)
    assert client.get(reverse("accounts:account")).status_code == 200


def test_a_backup_code_works_once(client):
    officer = StaffFactory()
    reset_static_tokens(officer, ["backup123"])
    login(client, officer.email)
    assert client.post(reverse("accounts:login-second-factor"), {"token": "backup123"}).status_code == 302
    client.post(reverse("accounts:logout"))
    login(client, officer.email)
    response = client.post(reverse("accounts:login-second-factor"), {"token": "backup123"})
    assert response.status_code == 200 and "_auth_user_id" not in client.session


def test_staff_without_any_device_are_told_to_ask_an_administrator(client):
    officer = StaffFactory()
    officer.totp_device.delete()
    login(client, officer.email)
    response = client.get(reverse("accounts:login-second-factor"))
    assert "no second factor" in response.content.decode()


def test_a_staff_session_without_a_verified_second_factor_is_ended(client):
    officer = StaffFactory()
    client.force_login(officer)  # as if some other path had logged them in with the password only
    response = client.get(reverse("accounts:account"))
    assert response.status_code == 302 and response.url == reverse("accounts:login")
    assert "_auth_user_id" not in client.session


def test_the_admin_site_demands_the_second_factor(client):
    admin = AdministratorFactory()
    client.force_login(admin)
    assert client.get("/admin/").status_code == 302
    login(client, admin.email)
    client.post(reverse("accounts:login-second-factor"), {"token": current_code(admin.totp_device)})
    assert client.get("/admin/").status_code == 200


def test_the_second_factor_step_needs_a_password_first(client):
    response = client.get(reverse("accounts:login-second-factor"))
    assert response.status_code == 302 and response.url == reverse("accounts:login")


def test_login_redirects_only_to_local_pages(client):
    ApplicantFactory(email="safe@example.org")
    response = client.post(
        reverse("accounts:login") + "?next=https://evil.example/", {"email": "safe@example.org", "password": PASSWORD}
    )
    assert response.url == reverse("applications:dashboard")  # an applicant lands on "My applications"
    client.post(reverse("accounts:logout"))
    response = client.post(
        reverse("accounts:login"),
        {"email": "safe@example.org", "password": PASSWORD, "next": reverse("accounts:account")},
    )
    assert response.url == reverse("accounts:account")


def test_password_reset_by_email_link(client):
    user = ApplicantFactory(email="forgetful@example.org")
    response = client.post(reverse("accounts:password-reset"), {"email": "forgetful@example.org"})
    assert response.status_code == 302
    link = link_in(mail.outbox[0]).split("127.0.0.1:8000", 1)[-1]
    response = client.get(link, follow=True)  # Django swaps the token for a session marker
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_password_reset_for_an_unknown_address_sends_nothing_and_looks_the_same(client):
    response = client.post(reverse("accounts:password-reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302 and mail.outbox == []


def test_the_account_page_saves_the_preferred_language(client):
    user = ApplicantFactory()
    client.force_login(user)
    response = client.post(
        reverse("accounts:account"), {"first_name": "Ivan", "last_name": "Petrenko", "preferred_language": "ru"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.preferred_language == "ru" and user.first_name == "Ivan"
    assert client.cookies["django_language"].value == "ru"


def test_the_account_page_needs_a_login(client):
    response = client.get(reverse("accounts:account"))
    assert response.status_code == 302 and reverse("accounts:login") in response.url


def test_switching_the_language_is_remembered_on_the_account(client):
    user = ApplicantFactory(preferred_language="en")
    client.force_login(user)
    client.post(reverse("accounts:switch-language"), {"language": "uk", "next": "/"})
    user.refresh_from_db()
    assert user.preferred_language == "uk"
