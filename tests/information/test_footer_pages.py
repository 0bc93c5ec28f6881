"""Every page's footer leads to the accessibility statement, the privacy notice, cookies, contact, the status lookup and
document verification; each of those pages exists in the four languages with the parts the law asks for (issue 17)."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
LANGUAGES = ["pl", "en", "uk", "ru"]

# The parts of the minister's template of a deklaracja dostępności, marked with its element ids.
ACCESSIBILITY_PARTS = [
    'id="a11y-wstep"',
    'id="a11y-podmiot"',
    'id="a11y-url"',
    'id="a11y-data-publikacja"',
    'id="a11y-data-aktualizacja"',
    'id="a11y-status"',
    'id="a11y-data-sporzadzenie"',
    'id="a11y-kontakt"',
    'id="a11y-kontakt-osoba"',
    'id="a11y-kontakt-email"',
    'id="a11y-kontakt-telefon"',
    'id="a11y-procedura"',
]
# RODO art. 13: controller, DPO, purposes with their legal basis, recipients, retention, rights, complaint.
PRIVACY_PARTS = {
    "pl": ["Administrator", "inspektor", "art. 6 ust. 1", "Okres przechowywania", "prawo dostępu", "Prezesa Urzędu"],
    "en": ["Controller", "data protection officer", "Article 6(1)", "How long we keep", "right of access", "President"],
    "uk": ["Контролер", "Інспектор", "ст. 6(1)", "Строк зберігання", "право на доступ", "UODO"],
    "ru": ["Контролёр", "Инспектор", "ст. 6(1)", "Срок хранения", "право на доступ", "UODO"],
}


def get(client, name: str, language: str):
    client.cookies["django_language"] = language
    return client.get(reverse(name), HTTP_ACCEPT_LANGUAGE=language)


def test_the_footer_links_every_service_page(client):
    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    for name in (
        "applications:status",
        "documents:verify",
        "information:contact",
        "information:accessibility",
        "information:privacy",
        "information:cookies",
    ):
        assert f'href="{reverse(name)}"' in footer, name


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_accessibility_statement_follows_the_template_in_every_language(client, language, settings):
    response = get(client, "information:accessibility", language)
    html = response.content.decode()
    assert response.status_code == 200 and f'lang="{language}"' in html
    assert [part for part in ACCESSIBILITY_PARTS if part not in html] == []
    assert settings.OPERATOR_NAME in html and settings.OPERATOR_EMAIL in html
    assert "7" in html and "2" in html and "https://bip.brpo.gov.pl/" in html  # 7 days, 2 months, the Ombudsman


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_privacy_notice_names_controller_purposes_basis_retention_rights_and_the_dpo(client, language, settings):
    response = get(client, "information:privacy", language)
    html = response.content.decode()
    assert response.status_code == 200
    assert [part for part in PRIVACY_PARTS[language] if part not in html] == []
    assert f"mailto:{settings.DPO_EMAIL}" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_cookie_page_lists_the_cookies_the_service_sets(client, language, settings):
    html = get(client, "information:cookies", language).content.decode()
    for cookie in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME):
        assert f"<code>{cookie}</code>" in html


def test_favicon_ico_leads_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith(".svg")
    assert 'rel="icon"' in client.get("/").content.decode()
