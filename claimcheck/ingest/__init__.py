"""Ingestion: files -> Articles (normalized text, metadata, publication date)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from claimcheck.ingest.metadata import (
    detected_language,
    inferred_source,
    inferred_title,
    parse_date,
    published_date,
)
from claimcheck.ingest.readers import Document, Problem, iter_files, read_file
from claimcheck.ingest.text import DecodeError, article_id, decode, normalize_text
from claimcheck.models import Article


@dataclass(frozen=True)
class Defaults:
    """What the command line says about articles whose metadata lacks it."""

    published: dt.date | None = None
    source: str | None = None
    lang: str | None = None


NO_DEFAULTS = Defaults()


@dataclass(frozen=True)
class LoadedArticle:
    article: Article
    origin: str


def article_from_document(doc: Document, defaults: Defaults = NO_DEFAULTS) -> Article:
    """Build the contract Article for one document: normalized text, id, metadata, date."""
    text = normalize_text(doc.text)
    if not text:
        raise ValueError("no text")
    meta = doc.metadata
    published, origin = published_date(meta, text, defaults.published)
    return Article(
        id=article_id(text),
        title=meta.get("title") or inferred_title(text),
        url=meta.get("url"),
        source=meta.get("source") or inferred_source(text) or defaults.source,
        published=published,
        published_origin=origin,
        lang=meta.get("lang") or defaults.lang or detected_language(text),
        text=text,
    )


def load_articles(
    paths: Iterable[str], defaults: Defaults = NO_DEFAULTS
) -> Iterator[LoadedArticle | Problem]:
    """Every article under ``paths``, in a stable order, or the Problem that kept one out."""
    for item in iter_files(list(paths)):
        if isinstance(item, Problem):
            yield item
            continue
        for doc in read_file(item):
            if isinstance(doc, Problem):
                yield doc
                continue
            try:
                yield LoadedArticle(article_from_document(doc, defaults), doc.origin)
            except ValueError as exc:
                yield Problem(doc.origin, str(exc))


def load_article(path: str | Path, defaults: Defaults = NO_DEFAULTS) -> Article:
    """The single article in one file (for ``extract``); raises ValueError with the reason."""
    items = list(load_articles([str(path)], defaults))
    problems = [p for p in items if isinstance(p, Problem) and p.fatal]
    articles = [a.article for a in items if isinstance(a, LoadedArticle)]
    if problems and not articles:
        raise ValueError(str(problems[0]))
    if len(articles) != 1:
        raise ValueError(f"{path}: expected one article, found {len(articles)}")
    return articles[0]


__all__ = [
    "NO_DEFAULTS",
    "DecodeError",
    "Defaults",
    "Document",
    "LoadedArticle",
    "Problem",
    "article_from_document",
    "article_id",
    "decode",
    "load_article",
    "load_articles",
    "normalize_text",
    "parse_date",
]
