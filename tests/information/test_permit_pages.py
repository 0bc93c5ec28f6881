"""Every permit page speaks the visitor's language, shows the fees from the settings, and is edited in the admin."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.utils.html import escape

from applications.permits import PERMIT_TYPES
from information.models import FaqEntry, PermitPage, ProcedureStep

pytestmark = pytest.mark.django_db

SLUGS = [permit.slug for permit in PERMIT_TYPES]
LANGUAGES = ["pl", "en", "uk", "ru"]
# A word that only the page's own language uses, from the shipped content.
HEADINGS = {"pl": "Opłaty", "en": "Fees", "uk": "Гербовий збір", "ru": "Гербовый сбор"}


def h1_count(html: str) -> int:
    return len(re.findall(r"<h1[\s>]", html))


def test_the_shipped_content_covers_every_permit_in_four_languages():
    assert sorted(PermitPage.objects.values_list("slug", flat=True)) == sorted(SLUGS)
    for page in PermitPage.objects.all():
        for language in LANGUAGES:
            for field in ("title", "summary", "who_for", "conditions", "documents", "fees_note", "duration"):
                assert getattr(page, f"{field}_{language}"), (page.slug, field, language)
        assert page.steps.count() >= 7 and page.faq.count() >= 3 and page.legal_acts.exists()
    for entry in FaqEntry.objects.all():
        assert all(getattr(entry, f"question_{code}") and getattr(entry, f"answer_{code}") for code in LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_a_permit_page_shows_its_content_in_the_visitors_language(client, settings, slug, language):
    settings.STAMP_DUTY_PLN = {**settings.STAMP_DUTY_PLN, slug: 987}
    settings.CARD_FEE_PLN = 123
    page = PermitPage.objects.get(slug=slug)
    response = client.get(f"/info/{slug}/", HTTP_ACCEPT_LANGUAGE=language)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert h1_count(html) == 1
    assert f"<h1>{escape(page.text('title', language))}</h1>" in html
    assert escape(page.lines("conditions", language)[0]) in html
    assert escape(page.lines("documents", language)[0]) in html
    assert escape(page.steps.first().text("title", language)) in html
    assert escape(page.faq.first().text("question", language)) in html
    currency = "zł" if language == "pl" else "PLN"  # Polish writes the złoty as "zł"
    assert f"987 {currency}" in html and f"123 {currency}" in html
    assert "https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20130001650" in html
    others = [code for code in LANGUAGES if code != language]
    assert not any(escape(page.text("who_for", code)) in html for code in others)


def test_the_procedure_is_an_ordered_list_with_the_work_permit_annex_step(client):
    html = client.get("/info/temporary-residence-work/").content.decode()
    diagram = html[html.index('<ol class="procedure">') : html.index("</ol>", html.index('<ol class="procedure">'))]
    titles = re.findall(r'<h3 class="procedure-title">(.*?)</h3>', diagram)
    assert titles[0] == "Check the conditions and prepare your documents"
    assert "Your employer fills in Annex 1" in titles
    assert titles[-1] == "Collect your residence card"
    assert "<img" not in diagram


def test_the_time_limits_are_the_statutory_ones(client):
    temporary = client.get("/info/temporary-residence/").content.decode()
    assert "The voivode should decide within 60 days." in temporary
    assert "your fingerprints have been taken" in temporary
    for slug in ("permanent-residence", "eu-long-term-resident"):
        html = client.get(f"/info/{slug}/").content.decode()
        assert "The voivode should decide within 3 months." in html
        assert "within 14 days of receiving it" in html and "within 30 days" in html


def test_a_missing_translation_falls_back_to_polish(client):
    PermitPage.objects.filter(slug="permanent-residence").update(title_ru="", who_for_ru="")
    html = client.get("/info/permanent-residence/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "<h1>Zezwolenie na pobyt stały</h1>" in html
    assert "Для иностранцев с особыми связями" not in html
    assert "Позволяет жить в Польше без ограничения срока" in html  # the summary is still in Russian


def test_the_index_lists_the_four_permits_and_the_general_questions(client):
    response = client.get("/info/", HTTP_ACCEPT_LANGUAGE="uk")
    html = response.content.decode()
    assert response.status_code == 200 and h1_count(html) == 1
    for page in PermitPage.objects.all():
        assert f'href="/info/{page.slug}/"' in html and page.title_uk in html
    assert "Чи потрібно знати польську мову, щоб користуватися MOS?" in html


def test_an_unknown_or_unpublished_permit_is_not_found(client):
    assert client.get("/info/no-such-permit/").status_code == 404
    PermitPage.objects.filter(slug="temporary-residence").update(is_published=False)
    assert client.get("/info/temporary-residence/").status_code == 404
    assert 'href="/info/temporary-residence/"' not in client.get("/info/").content.decode()


def test_loading_the_content_again_keeps_administrators_edits(shipped_content):
    from django.core.management import call_command

    PermitPage.objects.filter(slug="temporary-residence").update(title_en="Edited by an administrator")
    call_command("load_information", verbosity=0)
    assert PermitPage.objects.get(slug="temporary-residence").title_en == "Edited by an administrator"
    assert PermitPage.objects.count() == 4 and FaqEntry.objects.filter(page__isnull=True).count() == 5
    call_command("load_information", "--reset", verbosity=0)
    assert PermitPage.objects.get(slug="temporary-residence").title_en == "Temporary residence permit"
    assert ProcedureStep.objects.filter(page__slug="temporary-residence").count() == 8


class FormValues(HTMLParser):
    """The values a browser would post from the admin change form (inputs, textareas, selected options)."""

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"submit", "button", "file"}:
            if attrs.get("type") in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.data.setdefault(name, []).append(
                attrs.get("value") or ("on" if attrs.get("type") == "checkbox" else "")
            )
        elif tag == "textarea" and name:
            self._textarea = name
            self.data.setdefault(name, []).append("")
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select].append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data


def change_form_values(html: str) -> dict[str, list[str]]:
    parser = FormValues()
    parser.feed(html)
    return {name: values for name, values in parser.data.items() if "__prefix__" not in name}


def test_an_administrator_edits_a_page_and_visitors_see_the_change(admin_client):
    from django.test import Client

    page = PermitPage.objects.get(slug="eu-long-term-resident")
    url = f"/admin/information/permitpage/{page.pk}/change/"
    form = admin_client.get(url)
    assert form.status_code == 200
    data = change_form_values(form.content.decode())
    data["title_uk"] = ["Дозвіл резидента ЄС (змінено)"]
    data["conditions_en"] = ["You have lived in Poland for 5 years.\nA new condition added by an administrator."]
    data["steps-0-title_en"] = ["Read everything twice"]
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    visitor = Client(HTTP_ACCEPT_LANGUAGE="en")
    uk = visitor.get("/info/eu-long-term-resident/", HTTP_ACCEPT_LANGUAGE="uk").content.decode()
    assert "<h1>Дозвіл резидента ЄС (змінено)</h1>" in uk
    en = visitor.get("/info/eu-long-term-resident/").content.decode()
    assert "<li>A new condition added by an administrator.</li>" in en
    assert '<h3 class="procedure-title">Read everything twice</h3>' in en


def test_visitors_cannot_open_the_admin_of_the_pages(client):
    response = client.get("/admin/information/permitpage/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_permit_page_reads_the_database_a_fixed_number_of_times(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        assert client.get("/info/temporary-residence-work/").status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get("/info/").status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get("/info/faq/", {"q": "card"}).status_code == 200


def test_the_admin_offers_only_the_permit_types(admin_client):
    response = admin_client.get("/admin/information/permitpage/add/")
    html = response.content.decode()
    assert '<option value="temporary-residence-work">' in html
    data = {
        "slug": "tourist-visa",
        "position": "9",
        "title_pl": "Wiza",
        "summary_pl": "x",
        "who_for_pl": "x",
        "conditions_pl": "x",
        "documents_pl": "x",
        "duration_pl": "x",
        **{
            f"{prefix}-{key}": value
            for prefix in ("steps", "faq")
            for key, value in {
                "TOTAL_FORMS": "0",
                "INITIAL_FORMS": "0",
                "MIN_NUM_FORMS": "0",
                "MAX_NUM_FORMS": "1000",
            }.items()
        },
    }
    assert admin_client.post("/admin/information/permitpage/add/", data).status_code == 200
    assert not PermitPage.objects.filter(slug="tourist-visa").exists()
