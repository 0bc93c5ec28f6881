"""Reads for the information pages: plain data in the visitor's language, so templates make no queries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.db.models import F, Q, QuerySet, TextField, Value
from django.db.models.functions import Cast, Coalesce, NullIf

from applications.models import Office
from information.models import FALLBACK_LANGUAGE, FaqEntry, PermitPage, current_language

MAX_QUERY_WORDS = 8
MAX_RESULTS = 20


@dataclass(frozen=True)
class PermitSummary:
    slug: str
    title: str
    summary: str


@dataclass(frozen=True)
class Step:
    title: str
    text: str


@dataclass(frozen=True)
class Faq:
    question: str
    answer: str
    page_slug: str = ""
    page_title: str = ""


@dataclass(frozen=True)
class LegalLink:
    title: str
    citation: str
    url: str


@dataclass(frozen=True)
class PermitInfo:
    slug: str
    title: str
    summary: str
    who_for: str
    conditions: list[str]
    documents: list[str]
    stamp_duty_pln: int | None
    card_fee_pln: int
    fees_note: str
    duration: list[str]
    steps: list[Step] = field(default_factory=list)
    faq: list[Faq] = field(default_factory=list)
    legal_acts: list[LegalLink] = field(default_factory=list)


def published_pages() -> QuerySet[PermitPage]:
    return PermitPage.objects.filter(is_published=True)


def permit_summaries(language: str | None = None) -> list[PermitSummary]:
    return [
        PermitSummary(page.slug, page.text("title", language), page.text("summary", language))
        for page in published_pages()
    ]


def permit_info(slug: str, language: str | None = None) -> PermitInfo | None:
    """Everything one permit page shows, in `language` (the visitor's by default) with Polish as the fallback."""
    page = published_pages().filter(slug=slug).prefetch_related("steps", "legal_acts", "faq").first()
    if page is None:
        return None
    return PermitInfo(
        slug=page.slug,
        title=page.text("title", language),
        summary=page.text("summary", language),
        who_for=page.text("who_for", language),
        conditions=page.lines("conditions", language),
        documents=page.lines("documents", language),
        stamp_duty_pln=settings.STAMP_DUTY_PLN.get(page.slug),
        card_fee_pln=settings.CARD_FEE_PLN,
        fees_note=page.text("fees_note", language),
        duration=page.lines("duration", language),
        steps=[Step(step.text("title", language), step.text("text", language)) for step in page.steps.all()],
        faq=[
            Faq(entry.text("question", language), entry.text("answer", language))
            for entry in page.faq.all()
            if entry.is_published
        ],
        legal_acts=[LegalLink(act.text("title", language), act.citation, act.url) for act in page.legal_acts.all()],
    )


def general_faq(language: str | None = None) -> list[Faq]:
    entries = FaqEntry.objects.filter(is_published=True, page__isnull=True)
    return [Faq(entry.text("question", language), entry.text("answer", language)) for entry in entries]


def query_words(query: str) -> list[str]:
    """The words of a visitor's query (letters and digits only, so nothing reaches the database as syntax)."""
    return re.findall(r"[^\W_]+", query.casefold())[:MAX_QUERY_WORDS]


def _localized(column: str, language: str):
    """The column in the visitor's language, or the Polish one where that translation is empty."""
    if language == FALLBACK_LANGUAGE:
        return Cast(F(f"{column}_{FALLBACK_LANGUAGE}"), TextField())
    text = TextField()
    return Coalesce(
        NullIf(F(f"{column}_{language}"), Value("", output_field=text), output_field=text),
        F(f"{column}_{FALLBACK_LANGUAGE}"),
        output_field=text,
    )


def _searchable(language: str) -> QuerySet[FaqEntry]:
    return (
        FaqEntry.objects.filter(Q(page__isnull=True) | Q(page__is_published=True), is_published=True)
        .select_related("page")
        .annotate(q=_localized("question", language), a=_localized("answer", language))
    )


def search_faq(query: str, language: str | None = None) -> list[Faq]:
    """FAQ entries matching every word of `query` in the visitor's language, best first.

    PostgreSQL: full-text search with the 'simple' configuration (no stemming, so it treats Polish, Ukrainian and
    Russian alike) and prefix matching, ranked with the question weighted above the answer. Other databases
    (SQLite in development): see `_search_faq_simple`.
    """
    language = current_language(language)
    words = query_words(query)
    if not words:
        return []
    if connection.vendor == "postgresql":
        entries = _search_faq_postgres(words, language)
    else:
        entries = _search_faq_simple(words, language)
    return [
        Faq(
            entry.q,
            entry.a,
            entry.page.slug if entry.page else "",
            entry.page.text("title", language) if entry.page else "",
        )
        for entry in entries[:MAX_RESULTS]
    ]


def _search_faq_postgres(words: list[str], language: str) -> list[FaqEntry]:
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    vector = SearchVector(_localized("question", language), config="simple", weight="A") + SearchVector(
        _localized("answer", language), config="simple", weight="B"
    )
    # A raw tsquery is safe: every word is letters and digits only. `word:*` is a prefix: "kart" finds "karty".
    search = SearchQuery(" & ".join(f"{word}:*" for word in words), config="simple", search_type="raw")
    return list(
        _searchable(language)
        .annotate(document=vector, rank=SearchRank(vector, search))
        .filter(document=search)
        .order_by("-rank", "position", "pk")[:MAX_RESULTS]
    )


def _search_faq_simple(words: list[str], language: str) -> list[FaqEntry]:
    """Every word as a substring of the question or the answer, questions matches first.

    The filter is `icontains` in spirit but runs in Python over the (small) list of published entries: SQLite's
    LIKE folds the case of ASCII letters only, so "карта" would not find "Карта", nor "łódź" find "Łódź".
    """
    hits = []
    for entry in _searchable(language):
        question, answer = entry.q.casefold(), entry.a.casefold()
        if all(word in question or word in answer for word in words):
            hits.append((-sum(word in question for word in words), entry.position, entry.pk, entry))
    return [hit[-1] for hit in sorted(hits, key=lambda hit: hit[:3])]


def offices_for_choice() -> QuerySet[Office]:
    """The 16 offices in the order of their TERYT codes, which is the Polish alphabetical order of voivodeships."""
    return Office.objects.select_related("voivodeship").order_by("voivodeship__code")
