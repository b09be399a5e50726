"""The main job: files -> articles -> claims -> store -> discrepancies, one article at a time.

Each article is stored in its own transaction and reconciled right after, against the claims
of its slots only, so a batch can be stopped at any point and resumed with no duplicates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from claimcheck.extract import extract_claims
from claimcheck.ingest import Defaults, LoadedArticle, Problem, load_articles
from claimcheck.models import Article, Claim
from claimcheck.reconcile import (
    passage_fingerprints,
    reconcile,
    related_slot_keys,
    shared_passages,
    slot_key,
)
from claimcheck.store import Store

# Articles sharing at least this many passage fingerprints are compared with rapidfuzz.
MIN_SHARED_FINGERPRINTS = 2


@dataclass
class IngestSummary:
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    claims: int = 0
    discrepancies: int = 0
    reopened: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed == 0


Progress = Callable[[str], None]


def ingest(
    store: Store,
    paths: Iterable[str],
    defaults: Defaults = Defaults(),
    progress: Progress | None = None,
) -> IngestSummary:
    """Ingest every article under ``paths`` into ``store``; report, never raise, bad input."""
    summary = IngestSummary()
    for item in load_articles(paths, defaults):
        if isinstance(item, Problem):
            summary.problems.append(item)
            summary.failed += item.fatal
        else:
            _ingest_one(store, item, summary)
        if progress:
            progress(item.origin)
    return summary


def _ingest_one(store: Store, item: LoadedArticle, summary: IngestSummary) -> None:
    article = item.article
    if store.has_article(article.id):
        summary.unchanged += 1
        return
    claims = extract_claims(article)
    fingerprints = passage_fingerprints(article.text)
    if not store.add_article(article, claims, [slot_key(c) for c in claims], fingerprints,
                             item.origin):
        summary.unchanged += 1  # another process stored it first
        return
    summary.new += 1
    summary.claims += len(claims)
    _link_copies(store, article, fingerprints)
    new, reopened = reconcile_claims(store, claims)
    summary.discrepancies += new
    summary.reopened += reopened


def _link_copies(store: Store, article: Article, fingerprints: set[int]) -> None:
    candidates = store.copy_candidates(article.id, fingerprints, MIN_SHARED_FINGERPRINTS)
    shared: dict[str, int] = {}
    for other in store.articles(candidates):
        pairs = shared_passages(article.text, other.text)
        if pairs:
            shared[other.id] = len(pairs)
    store.link_articles(article.id, shared)


def reconcile_claims(store: Store, claims: list[Claim]) -> tuple[int, int]:
    """Compare ``claims`` with the stored claims of their slots; return (new, reopened)."""
    if not claims:
        return 0, 0
    slots = {key for c in claims for key in related_slot_keys(c)}
    related = {c.id: c for c in store.claims(slots=slots)}
    related.update({c.id: c for c in claims})
    # the whole article takes part: arithmetic and internal checks span its slots
    for article_id in {c.article_id for c in claims}:
        related.update({c.id: c for c in store.claims(article_id=article_id)})
    articles = {a.id: a for a in store.articles({c.article_id for c in related.values()})}
    found = reconcile(list(related.values()), articles)
    return store.save_discrepancies(found)


def reconcile_all(store: Store) -> tuple[int, int]:
    """Re-run reconciliation over the whole store (after an upgrade of the rules)."""
    claims = store.claims()
    articles = {a.id: a for a in store.articles()}
    found = reconcile(claims, articles)
    return store.save_discrepancies(found, retire_others_of=[c.id for c in claims])
