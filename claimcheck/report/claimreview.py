"""schema.org ClaimReview JSON-LD for the discrepancies editors confirmed or corrected.

This is the markup fact-checkers publish so that search engines show their verdicts. One
ClaimReview per discrepancy: the claim reviewed is the quote the suggested reading disputes,
its appearances are the articles that state it. schemas/claimreview.schema.json checks the
shape (the required and recommended fields schema.org and the fact-check markup guidelines
document).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from claimcheck.models import Article
from claimcheck.report.build import Figure, Item, build_items
from claimcheck.report.wording import words
from claimcheck.store import Store

REVIEWABLE = ("confirmed", "corrected")
CONTEXT = "https://schema.org"
URN_PREFIX = "urn:claimcheck:discrepancy:"


def _organization(name: str, url: str | None = None) -> dict[str, Any]:
    org: dict[str, Any] = {"@type": "Organization", "name": name}
    if url:
        org["url"] = url
    return org


def _appearance(figure: Figure) -> dict[str, Any]:
    article: Article | None = figure.article
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": figure.outlet}
    if article is not None:
        work["headline"] = article.title or figure.outlet
        if article.url:
            work["url"] = article.url
        if article.published:
            work["datePublished"] = article.published.isoformat()
        work["publisher"] = _organization(figure.outlet)
    return work


def _disputed(item: Item) -> list[Figure]:
    disputed = set(item.suggestion.disputed)
    chosen = [f for f in item.figures if f.claim.id in disputed]
    return chosen or list(item.figures)


def _rating(item: Item) -> dict[str, Any]:
    conf = words().section("claimreview")
    ratings = conf["ratings"]
    name = str(ratings.get(item.discrepancy.type, ratings["default"]))
    if item.discrepancy.status == "corrected":
        name += str(conf["corrected_suffix"])
    return {"@type": "Rating", "ratingValue": conf["rating_value"],
            "worstRating": conf["worst_rating"], "bestRating": conf["best_rating"],
            "alternateName": name}


def _review_date(item: Item) -> str:
    decided = [r.at for r in item.reviews if r.status == item.discrepancy.status]
    when = decided[-1] if decided else dt.datetime.now(dt.timezone.utc)
    return when.date().isoformat()


def _body(item: Item) -> str:
    notes = [r.note for r in item.reviews if r.note and r.status == item.discrepancy.status]
    parts = [item.discrepancy.explanation, item.suggestion.text, *notes[-1:]]
    return " ".join(p.strip() for p in parts if p and p.strip())


def claim_review(
    item: Item, *, publisher: str, publisher_url: str | None = None, base_url: str | None = None
) -> dict[str, Any]:
    """The ClaimReview of one reviewed discrepancy."""
    figures = _disputed(item)
    appearances = [_appearance(f) for f in figures]
    dated = sorted((a for a in appearances if "datePublished" in a),
                   key=lambda a: str(a["datePublished"]))
    claim: dict[str, Any] = {"@type": "Claim", "appearance": appearances,
                             "author": _organization(figures[0].outlet) if figures else
                             _organization(words().text("unknown_outlet"))}
    if dated:
        claim["firstAppearance"] = dated[0]
        claim["datePublished"] = dated[0]["datePublished"]
    d = item.discrepancy
    return {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": f"{base_url}{d.id}" if base_url else f"{URN_PREFIX}{d.id}",
        "identifier": d.id,
        "claimReviewed": figures[0].claim.quote if figures else d.explanation,
        "reviewBody": _body(item),
        "itemReviewed": claim,
        "author": _organization(publisher, publisher_url),
        "datePublished": _review_date(item),
        "reviewRating": _rating(item),
    }


def claim_reviews(
    store: Store,
    *,
    publisher: str,
    publisher_url: str | None = None,
    base_url: str | None = None,
    since: dt.date | None = None,
    status: str | None = None,
) -> list[dict[str, Any]]:
    """ClaimReviews for the confirmed and corrected discrepancies (``status`` narrows further)."""
    statuses = REVIEWABLE if status in (None, "all") else (status,)
    unknown = set(statuses) - set(REVIEWABLE)
    if unknown:
        raise ValueError(f"ClaimReview covers only {' and '.join(REVIEWABLE)} discrepancies, "
                         f"not {', '.join(sorted(unknown))}")
    found = [d for s in statuses for d in store.discrepancies(status=s, since=since)]
    return [claim_review(i, publisher=publisher, publisher_url=publisher_url, base_url=base_url)
            for i in build_items(store, found)]


def claim_reviews_json(reviews: list[dict[str, Any]]) -> str:
    """JSON-LD text: a list of ClaimReviews, non-ASCII quotes kept readable."""
    return json.dumps(reviews, ensure_ascii=False, indent=2)


__all__ = ["REVIEWABLE", "claim_review", "claim_reviews", "claim_reviews_json"]
