"""The knowledge base's rules: saving an article keeps a version; the articles for a task; the search.

Search on PostgreSQL is full-text: with the server's `polish` configuration (stemming) when it has one, otherwise the
`simple` configuration on the words' stems (a prefix query) together with trigram word similarity (pg_trgm), so
"odciski" finds "odcisków" either way. SQLite (development) looks for the stems in the title and text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from django.db import connection, transaction
from django.db.models import Q, QuerySet

from .knowledge_models import KnowledgeArticle, KnowledgeArticleVersion

__all__ = ["KnowledgeArticle", "articles_for", "save_article", "search_articles"]

VERSIONED_FIELDS = ("title", "body", "steps", "purposes", "legal_basis", "is_published")
WORD = re.compile(r"\w+", re.UNICODE)
#: A Polish word keeps this much of itself as its stem (endings are short; a stem shorter than 4 finds too much).
MIN_STEM = 4
MAX_WORDS = 8
TRIGRAM_THRESHOLD = 0.5


def save_article(*, article: KnowledgeArticle, user, changed_fields: list[str] | None = None) -> KnowledgeArticle:
    """Save the article and record it as its next version, with who saved it and what changed."""
    with transaction.atomic():
        previous = article.versions.order_by("-number").first() if article.pk else None
        if changed_fields is None:
            changed_fields = [
                name
                for name in VERSIONED_FIELDS
                if previous is None or getattr(previous, name, None) != getattr(article, name)
            ]
        article.version = (previous.number if previous else 0) + 1
        article.updated_by = user if getattr(user, "is_authenticated", False) else None
        article.save()
        KnowledgeArticleVersion.objects.create(
            article=article,
            number=article.version,
            title=article.title,
            body=article.body,
            steps=list(article.steps or []),
            purposes=list(article.purposes or []),
            legal_basis=article.legal_basis,
            changed_fields=[name for name in changed_fields if name in VERSIONED_FIELDS],
            changed_by=article.updated_by,
        )
    return article


def articles_for(*, step: str, purpose: str = "") -> list[KnowledgeArticle]:
    """Published articles for this procedure step and purpose of stay (untagged ones apply to all), one query."""
    articles = KnowledgeArticle.objects.filter(is_published=True).only("slug", "title", "steps", "purposes")
    return [
        article
        for article in articles
        if (not article.steps or step in article.steps) and (not article.purposes or purpose in article.purposes)
    ]


def stems(query: str) -> list[str]:
    words = [word.lower() for word in WORD.findall(query)][:MAX_WORDS]
    return [word if len(word) <= MIN_STEM else word[: max(MIN_STEM, len(word) - 2)] for word in words]


@lru_cache(maxsize=1)
def _has_polish_configuration(alias: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = 'polish'")
        return cursor.fetchone() is not None


def search_articles(query: str) -> QuerySet[KnowledgeArticle]:
    """Published articles matching `query`, best first (title before text)."""
    published = KnowledgeArticle.objects.filter(is_published=True)
    words = stems(query)
    if not words:
        return published.none()
    if connection.vendor != "postgresql":
        match = Q()
        for stem in words:
            match &= Q(title__icontains=stem) | Q(body__icontains=stem)
        return published.filter(match).order_by("title")
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, TrigramWordSimilarity

    if _has_polish_configuration(connection.alias):
        config, search = "polish", SearchQuery(query, config="polish", search_type="websearch")
    else:
        config = "simple"
        search = SearchQuery(" & ".join(f"{stem}:*" for stem in words), config="simple", search_type="raw")
    vector = SearchVector("title", weight="A", config=config) + SearchVector("body", weight="B", config=config)
    return (
        published.annotate(rank=SearchRank(vector, search), likeness=TrigramWordSimilarity(query, "body"))
        .filter(Q(rank__gt=0) | Q(likeness__gte=TRIGRAM_THRESHOLD))
        .order_by("-rank", "-likeness", "title")
    )
