"""Copied reporting: which articles share passages, and how many sources are independent.

* ``passage_fingerprints`` hashes (zlib.crc32, stable across runs) every normalized sentence of
  at least ``min_sentence_chars`` characters and every ``shingle_tokens``-token shingle (a token
  is a word, a number or one CJK character) whose hash is divisible by ``sample_mod``: two
  articles that share a copied sentence share fingerprints, so the store can index them and
  find candidate articles without comparing against all of them.
* ``shared_passages`` confirms candidates: sentence pairs whose normalized texts score
  ``fuzz.ratio >= similarity_threshold`` (90 of 100: a copied sentence with a few edited words
  still passes, two reports of the same figure in different words do not).
* ``independent_sources`` counts connected components of the "shares text with" graph among
  the given articles; articles linked through a third copy count once.
Thresholds live in corpora/reconcile.json ``dependence``.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Collection, Iterable, Mapping
from functools import lru_cache

from rapidfuzz import fuzz, process

from claimcheck.models import Article, Claim

from .config import config


def _normalized(sentence: str) -> str:
    tokens = config().token.findall(unicodedata.normalize("NFKC", sentence).casefold())
    return " ".join(tokens)


def sentences(text: str) -> list[str]:
    """The sentences of a text long enough to be evidence of copying, as written (stripped)."""
    minimum = int(config().dependence("min_sentence_chars"))
    parts = (s.strip() for s in config().sentence_split.split(text))
    return [s for s in parts if len(_normalized(s)) >= minimum]


def _crc(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def passage_fingerprints(text: str) -> set[int]:
    """Stable hashes of the text's sentences and sampled word shingles (see module docstring)."""
    size = int(config().dependence("shingle_tokens"))
    sample = int(config().dependence("sample_mod"))
    prints: set[int] = set()
    for sentence in sentences(text):
        normalized = _normalized(sentence)
        prints.add(_crc("s:" + normalized))
        tokens = normalized.split(" ")
        for i in range(len(tokens) - size + 1):
            shingle = _crc("w:" + " ".join(tokens[i : i + size]))
            if shingle % sample == 0:
                prints.add(shingle)
    return prints


def shared_passages(a: str, b: str) -> list[tuple[str, str, float]]:
    """Near-duplicate sentence pairs (sentence of a, sentence of b, score 0-100), in a's order."""
    left, right = sentences(a), sentences(b)
    if not left or not right:
        return []
    threshold = config().dependence("similarity_threshold")
    left_norm = [_normalized(s) for s in left]
    right_norm = [_normalized(s) for s in right]
    scores = process.cdist(left_norm, right_norm, scorer=fuzz.ratio, score_cutoff=threshold)
    pairs: list[tuple[str, str, float]] = []
    for i, row in enumerate(scores):
        j = int(row.argmax())
        if row[j] >= threshold:
            pairs.append((left[i], right[j], float(row[j])))
    return pairs


def _components(shares: Mapping[str, Collection[str]]) -> dict[str, str]:
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for node, others in shares.items():
        for other in others:
            root_a, root_b = find(node), find(other)
            if root_a != root_b:
                parent[max(root_a, root_b)] = min(root_a, root_b)
    return {node: find(node) for node in parent}


def independent_sources(article_ids: Iterable[str], shares: Mapping[str, Collection[str]]) -> int:
    """How many of these articles are independent, given who shares text with whom."""
    roots = _components(shares)
    return len({roots.get(a, a) for a in article_ids})


class Sources:
    """Dependence and cited primary sources of the articles being reconciled."""

    def __init__(self, articles: Mapping[str, Article]) -> None:
        self.articles = articles
        shares: dict[str, set[str]] = {}
        for article in articles.values():
            for other in article.shares_text_with:
                shares.setdefault(article.id, set()).add(other)
                shares.setdefault(other, set()).add(article.id)
        self._roots = _components(shares)

    def root(self, article_id: str) -> str:
        return self._roots.get(article_id, article_id)

    def independent(self, article_ids: Iterable[str]) -> int:
        return len({self.root(a) for a in article_ids})

    def outlet(self, article_id: str) -> str:
        article = self.articles.get(article_id)
        if article is None:
            return article_id
        return article.source or article.title or article.url or article_id

    def support(self, article_ids: Iterable[str]) -> str:
        """'2 sources, 1 independent' (or '1 source')."""
        ids = set(article_ids)
        independent = self.independent(ids)
        if len(ids) == 1:
            return "1 source"
        return f"{len(ids)} sources, {independent} independent"

    def cited_source(self, claim: Claim) -> str | None:
        """The primary source the claim's sentence (else its article, if unique) cites."""
        found = cited_sources(claim.quote)
        if found:
            return found[0]
        article = self.articles.get(claim.article_id)
        if article is None:
            return None
        in_article = cited_sources(article.text)
        return in_article[0] if len(in_article) == 1 else None


@lru_cache(maxsize=4096)
def _cited_tuple(text: str) -> tuple[str, ...]:
    found: list[str] = []
    known = {s.casefold(): s for s in config().known_sources}
    for pattern in config().citation_patterns:
        for match in pattern.finditer(text):
            name = match.group(1).strip()
            canonical = known.get(name.casefold()) or _known_prefix(name, known)
            if canonical and canonical not in found:
                found.append(canonical)
    return tuple(found)


def _known_prefix(name: str, known: Mapping[str, str]) -> str | None:
    folded = name.casefold()
    for key, canonical in known.items():
        if re.search(rf"(?<!\w){re.escape(key)}(?!\w)", folded):
            return canonical
    return None


def cited_sources(text: str) -> list[str]:
    """Known data sources a text cites ("According to OpenRouter data" -> ["OpenRouter"])."""
    return list(_cited_tuple(text))
