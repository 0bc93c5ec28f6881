"""The FAQ search finds answers by a word in the visitor's language: full text on PostgreSQL, a fallback elsewhere."""

from __future__ import annotations

import pytest
from django.db import connection

from information import selectors
from information.models import FaqEntry, PermitPage

pytestmark = pytest.mark.django_db

# (language, a word as a visitor types it, a question it must find), from the shipped content.
WORDS = [
    ("pl", "odwołanie", "Jak odwołać się od decyzji?"),
    ("en", "Annex", "What is Annex 1?"),
    ("uk", "КАРТА", "Скільки дійсна карта перебування?"),
    ("ru", "апелляцию", "Как обжаловать решение?"),
]


@pytest.mark.parametrize(("language", "word", "question"), WORDS)
def test_the_simple_search_finds_a_word_in_each_language(language, word, question):
    hits = selectors._search_faq_simple(selectors.query_words(word), language)
    assert question in [hit.q for hit in hits]


@pytest.mark.parametrize(("language", "word", "question"), WORDS)
def test_the_search_page_shows_answers_in_the_visitors_language(client, language, word, question):
    response = client.get("/info/faq/", {"q": word}, HTTP_ACCEPT_LANGUAGE=language)
    html = response.content.decode()
    assert response.status_code == 200
    assert f"<h3>{question}</h3>" in html
    assert html.count("<h1") == 1


def test_every_word_must_match_and_question_matches_come_first():
    words = selectors.query_words("karta pobytu")
    hits = selectors._search_faq_simple(words, "pl")
    assert hits and all("kart" in (hit.q + hit.a).casefold() for hit in hits)
    assert not selectors._search_faq_simple(selectors.query_words("karta zebra"), "pl")
    ranked = selectors._search_faq_simple(selectors.query_words("karta"), "pl")
    in_question = [("karta" in hit.q.casefold()) for hit in ranked]
    assert in_question == sorted(in_question, reverse=True)


def test_results_link_to_their_permit_page(client):
    html = client.get("/info/faq/", {"q": "Annex"}).content.decode()
    assert 'href="/info/temporary-residence-work/"' in html


def test_an_empty_or_punctuation_only_query_finds_nothing(client):
    assert selectors.search_faq("  ?!* & | ", "en") == []
    response = client.get("/info/faq/", {"q": "&|!:*"})
    assert response.status_code == 200 and "answers for" in response.content.decode()


def test_unpublished_entries_and_pages_are_not_found():
    FaqEntry.objects.filter(question_en="What is Annex 1?").update(is_published=False)
    assert not selectors.search_faq("Annex", "en")
    PermitPage.objects.filter(slug="permanent-residence").update(is_published=False)
    assert not [hit for hit in selectors.search_faq("residence card", "en") if hit.page_slug == "permanent-residence"]


def test_an_empty_translation_is_searched_in_polish():
    FaqEntry.objects.filter(question_pl="Jak odwołać się od decyzji?").update(question_ru="", answer_ru="")
    assert [hit.question for hit in selectors.search_faq("odwołanie", "ru")] == ["Jak odwołać się od decyzji?"]


def test_the_method_follows_the_database(monkeypatch):
    called = []
    monkeypatch.setattr(selectors, "_search_faq_postgres", lambda words, language: called.append("pg") or [])
    monkeypatch.setattr(selectors, "_search_faq_simple", lambda words, language: called.append("simple") or [])
    selectors.search_faq("karta", "pl")
    assert called == ["pg" if connection.vendor == "postgresql" else "simple"]


@pytest.mark.postgres
@pytest.mark.parametrize(("language", "word", "question"), WORDS)
def test_full_text_search_on_postgresql_finds_a_word_in_each_language(language, word, question):
    assert question in [hit.question for hit in selectors.search_faq(word, language)]


@pytest.mark.postgres
def test_full_text_search_ranks_questions_first_and_matches_prefixes():
    hits = selectors.search_faq("kart", "pl")
    assert hits, "a prefix finds karta, karty, kartę"
    in_question = ["kart" in hit.question.casefold() for hit in hits]
    assert in_question[0] and in_question == sorted(in_question, reverse=True)
    assert not selectors.search_faq("karta zebra", "pl")
    assert selectors.search_faq("odwołanie & | ! :* (", "pl")  # operators in the query are plain text
