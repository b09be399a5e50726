"""``extract``: the pure function from an article's text to its claims."""

from __future__ import annotations

import datetime as dt

from claimcheck.extract.claims import (
    ArticleState,
    sentence_claims,
    with_lead_periods,
    with_vendor_models,
)
from claimcheck.extract.entities import entity, find_subjects
from claimcheck.extract.numbers import has_figure
from claimcheck.extract.periods import find_periods
from claimcheck.extract.pipeline import pipeline
from claimcheck.extract.sentences import sentences
from claimcheck.ingest.metadata import detected_language
from claimcheck.ingest.text import article_id
from claimcheck.models import Article, Claim


def _platform(state: ArticleState) -> str | None:
    """The platform the article reports on: the first one it names."""
    for s in state.subjects:
        info = entity(s.canonical)
        if info and info.get("kind") == "platform":
            return s.canonical
    return None


def extract(
    text: str,
    published: dt.date | None = None,
    lang: str | None = None,
    *,
    model: str | None = None,
) -> list[Claim]:
    """Every checkable claim in ``text``, in text order.

    Spans index into ``text`` as given: pass an Article's normalized text to get spans that
    index into it. ``published`` anchors relative periods ("last week"); without it they stay
    unresolved. ``lang`` defaults to a guess from the script.
    """
    lang = lang or detected_language(text)
    nlp = pipeline(lang, model)
    state = ArticleState(
        article_id=article_id(text),
        text=text,
        published=published,
        subjects=sorted(find_subjects(text), key=lambda m: m.start),
        periods=sorted(find_periods(text, published), key=lambda m: m.start),
    )
    state.platform = _platform(state)
    components = [component for _name, component in nlp.pipeline]
    claims: list[Claim] = []
    for sentence in sentences(text):
        chunk = text[sentence.start : sentence.end]
        if not has_figure(chunk):
            # no figure, no spaCy work: the sentence only updates the context it sets
            sentence_claims(sentence, [], state)
            continue
        doc = nlp.make_doc(chunk)
        underscore = doc._
        underscore.article, underscore.sentence = state, sentence
        for component in components:
            doc = component(doc)
        claims.extend(doc._.claims or [])
    return with_vendor_models(with_lead_periods(claims, state), state)


def extract_claims(article: Article, *, model: str | None = None) -> list[Claim]:
    """The claims of an Article, with its date and language (its id is its text's hash)."""
    return extract(article.text, article.published, article.lang, model=model)
