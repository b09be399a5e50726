"""An article's copies among the stored articles: candidates from the fingerprint index,
confirmed by their texts (``claimcheck.reconcile.dependence`` says what counts as a copy).

With worker processes the search is done twice. A worker looks among the articles stored
when it extracts the article, and compares the candidates' texts, the costly part. The writer,
once the article is stored, looks again, because articles stored since (copies in flight in
other chunks, or in the article's own chunk) may be candidates too, and compares only
candidates the worker did not. The writer's lookup needs no query of the store: it adds the
fingerprints of the articles it stored since the worker's task was submitted
(``RecentArticles``) to the holders the worker found, unless another process has added
articles meanwhile, which it learns from the store's article count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from claimcheck.models import Article
from claimcheck.reconcile import sentence_fingerprints, shared_passages
from claimcheck.reconcile.config import config
from claimcheck.store import CopySearch, NewArticle, PassageHolders, Store, process_store

# Articles sharing at least this many passage fingerprints are compared with rapidfuzz.
MIN_SHARED_FINGERPRINTS = 2
# A passage found in more articles than this is boilerplate, not copied reporting.
MAX_ARTICLES_PER_PASSAGE = 20
# Candidate copies compared in full per new article (rapidfuzz over all sentence pairs).
MAX_COPY_CANDIDATES = 8


def copies_of(store: Store, article: Article, fingerprints: Iterable[int]) -> dict[str, int]:
    """The stored articles that ``article`` shares copied passages with, and how many:
    candidates from the fingerprint index, confirmed by their texts."""
    holders = store.fingerprint_holders(fingerprints, MAX_ARTICLES_PER_PASSAGE)
    return confirmed(store, article, _candidates(holders, article))


def _candidates(holders: PassageHolders, article: Article) -> list[str]:
    return holders.candidates(article.id, MIN_SHARED_FINGERPRINTS, MAX_COPY_CANDIDATES)


def confirmed(store: Store, article: Article, candidates: Sequence[str]) -> dict[str, int]:
    """The candidates whose texts show copied passages, with how many."""
    if not candidates:
        return {}
    # A candidate holding the hash of one of the article's sentences, and that sentence as
    # written, holds a near-duplicate (an identical sentence): confirmed without analysing
    # its text, which about half the candidates are, and analysis was most of a worker's
    # time. The count is those sentences. Without the sentence as written, the hash may be
    # another passage's (a crc32 collision, once in 10,000 articles), or a copy edited in
    # case or spacing: compared in full.
    minimum = int(config().dependence("min_near_duplicates"))
    sentences = sentence_fingerprints(article.text)
    held = store.fingerprints_held(sentences, candidates)
    shared: dict[str, int] = {}
    for other, text in store.texts(candidates).items():
        identical = sum(1 for h in held.get(other, ()) if sentences[h] in text)
        if identical and identical >= minimum:
            shared[other] = identical
        elif pairs := shared_passages(article.text, text):
            shared[other] = len(pairs)
    return shared


def searched(url: str, item: NewArticle) -> NewArticle:
    """The item with its copies among what is stored now (in a worker process); without them
    if the store cannot be read here (the writer looks for them instead)."""
    try:
        store = process_store(url)
        holders = store.fingerprint_holders(item.fingerprints, MAX_ARTICLES_PER_PASSAGE)
        candidates = _candidates(holders, item.article)
        found = confirmed(store, item.article, candidates)
    except Exception:  # noqa: BLE001 - the writer looks for them instead
        return item
    return NewArticle(item.article, item.claims, item.slots, item.fingerprints, item.origin,
                      CopySearch(holders, frozenset(candidates), found))


class RecentArticles:
    """The fingerprints of the articles a writer stored lately, by the number of the chunk
    they were written in, and whether another process has stored any article meanwhile.

    ``written`` counts this writer's chunks; a worker's task submitted when it was ``n``
    searched a store holding every chunk numbered below ``n``.
    """

    def __init__(self, store: Store) -> None:
        self.written = 0
        self._by_chunk: dict[int, dict[int, list[str]]] = {}
        self._expected = store.article_count()
        self.alone = True  # no other process has added articles since this one started

    def add(self, store: Store, items: Sequence[NewArticle]) -> None:
        """Record a chunk's newly stored articles, then check that the store holds no others:
        a process that stores an article after this check sees this chunk's in its own."""
        prints: dict[int, list[str]] = defaultdict(list)
        for item in items:
            for h in set(item.fingerprints):
                prints[h].append(item.article.id)
        self._by_chunk[self.written] = prints
        self.written += 1
        self._expected += len(items)
        if self.alone and store.article_count() != self._expected:
            self.alone = False

    def since(self, chunk: int, fingerprints: Iterable[int]) -> dict[int, list[str]]:
        """Who holds these fingerprints among the articles of chunks ``chunk`` and later."""
        found: dict[int, list[str]] = defaultdict(list)
        for number in range(chunk, self.written):
            prints = self._by_chunk[number]
            for h in fingerprints:
                if h in prints:
                    found[h].extend(prints[h])
        return found

    def forget_before(self, chunk: int) -> None:
        """Drop chunks no task in flight needs."""
        for number in [n for n in self._by_chunk if n < chunk]:
            del self._by_chunk[number]


def copies_now(
    store: Store, item: NewArticle, recent: RecentArticles | None = None, since: int = 0
) -> dict[str, int]:
    """The item's copies among what is stored now, as ``copies_of`` finds them; the texts of
    candidates already compared by a worker (``NewArticle.copies``) are not compared again.
    With ``recent`` (and the chunk number the worker's task was submitted at), candidates
    come from the worker's holders and the articles stored since."""
    if item.copies is None:
        return copies_of(store, item.article, item.fingerprints)
    if recent is not None and recent.alone:
        holders = item.copies.holders.with_recent(recent.since(since, item.fingerprints))
    else:
        holders = store.fingerprint_holders(item.fingerprints, MAX_ARTICLES_PER_PASSAGE)
    candidates = _candidates(holders, item.article)
    found = {a: n for a, n in item.copies.confirmed.items() if a in candidates}
    found.update(confirmed(store, item.article,
                           [a for a in candidates if a not in item.copies.candidates]))
    return found
