"""Copied reporting: which articles share passages, and how many sources are independent.

News about the same figures is often rewritten from one source rather than copied verbatim,
so two kinds of evidence link articles (thresholds: corpora/reconcile.json ``dependence``):

* a *near-duplicate*: a sentence pair whose normalized texts score ``fuzz.ratio >=
  similarity_threshold`` (a copied sentence with a few edited words) and that, when both
  state distinctive figures (below), share one of them: one frame filled with other figures
  is a template or a house style, not a copy;
* an *echo*: a sentence pair that shares at least two identical distinctive figures (a number
  with a currency or a suffix and a decimal point, a % or a scale word: "5.16 trillion",
  "47.17%", "$0.3"; never a version number inside a name such as M2.5 or GLM-5) in wording
  close enough (``fuzz.token_set_ratio``), or that shares a long run of words without digits
  ("the world's largest AI model API aggregation platform").

Sentences are the extractor's, cut again at semicolons (``clauses``). Two articles depend on
each other at ``min_near_duplicates`` near-duplicates or ``min_echoes`` echoes, where echoes
of figures alone count by sentences on both sides (one sentence summing up figures that
another story gives in two is one echo): a rewrite shares several. Two outlets that report
the same several figures of one week in their own words also echo each other several times;
this test cannot tell them from a rewrite (see ``benchmarks/bench_copies.py``).

``passage_fingerprints`` hashes (zlib.crc32, stable across runs) whole sentences, the figure
pairs of each sentence and sampled word shingles and n-grams, so the store can index them and
find candidate articles without comparing against all of them; ``shared_passages`` confirms a
candidate. ``independent_sources`` counts connected components of the "shares text with"
graph; articles linked through a third copy count once.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz, process

from claimcheck.extract.sentences import sentences
from claimcheck.models import Article, Claim

from .config import config


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str  # as written
    normalized: str
    cjk: bool  # mostly Chinese: tokens are single characters
    figures: frozenset[str]
    ngrams: frozenset[str]


def _figure_key(currency: str | None, number: str, suffix: str) -> str | None:
    """A canonical form of a distinctive figure ("5.16万亿" and "5.16 trillion" agree)."""
    scales = config().raw["figure_scales"]
    folded = suffix.casefold()
    has_scale = folded in scales
    if not (currency or suffix) or not ("." in number or suffix == "%" or has_scale):
        return None
    value = float(number.replace(",", ""))
    if has_scale:
        return f"{value * float(scales[folded]):.6g}"
    if suffix == "%":
        return f"{value:g}%"
    if folded in config().raw["figure_multiples"]:
        return f"{value:g}x"
    return f"{value:g}"


_NOTHING: frozenset[str] = frozenset()  # shared: most sentences have no figure or n-gram


def figures_of(sentence: str) -> frozenset[str]:
    """The distinctive figures a sentence states, canonicalized (see the module docstring)."""
    return _figures(unicodedata.normalize("NFKC", sentence))


_DIGIT = re.compile(r"\d")
_CLAUSE_END = re.compile(r"(?<=[;；])")


def _figures(nfkc: str) -> frozenset[str]:
    if not _DIGIT.search(nfkc):  # a figure has digits; most sentences have none
        return _NOTHING
    found = set()
    for match in config().figure.finditer(nfkc):
        key = _figure_key(match["currency"], match["number"], match["suffix"] or "")
        if key is not None:
            found.add(key)
    return frozenset(found) if found else _NOTHING


class _Rules(NamedTuple):
    """The thresholds of corpora/reconcile.json ``dependence`` that text analysis uses, read
    once: ``analyzed`` runs on every candidate's text."""

    min_sentence_chars: int
    ngram_tokens: int
    ngram_tokens_cjk: int
    content_tokens: int
    content_chars: int
    stopwords: frozenset[str]
    shingle_tokens: int
    sample_mod: int
    max_figures: int


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    dep = config().dependence
    return _Rules(
        int(dep("min_sentence_chars")), int(dep("ngram_tokens")), int(dep("ngram_tokens_cjk")),
        int(dep("ngram_content_tokens")), int(dep("ngram_content_chars")),
        frozenset(config().raw["dependence"]["ngram_stopwords"]),
        int(dep("shingle_tokens")), int(dep("sample_mod")), int(dep("max_figures")),
    )


def _ngrams(tokens: list[str], normalized: str, cjk: bool, rules: _Rules) -> frozenset[str]:
    """Runs of words (characters in Chinese) long and specific enough to be copied wording;
    ``normalized`` is the tokens joined by spaces."""
    size = rules.ngram_tokens_cjk if cjk else rules.ngram_tokens
    if len(tokens) < size:
        return _NOTHING
    content, content_chars, stop = rules.content_tokens, rules.content_chars, rules.stopwords
    # per-token facts once, then running counts over each window: long texts stay linear
    if normalized.isascii() and not _DIGIT.search(normalized):
        digits = None  # no token starts with a digit (most sentences)
    else:
        digits = list(itertools.accumulate([t[:1].isdigit() for t in tokens], initial=0))
    kept: Sequence[int] = range(len(tokens) - size + 1)
    if not cjk:
        specific = list(itertools.accumulate(
            [len(t) >= content_chars and t.isalpha() and t not in stop for t in tokens],
            initial=0,
        ))
        if specific[-1] < content:
            return _NOTHING
        kept = [i for i in kept if specific[i + size] - specific[i] >= content]
    # a window with a digit is left out: dates and figures are the echo test's business
    if digits is not None:
        kept = [i for i in kept if digits[i + size] == digits[i]]
    # a window's text is a slice of ``normalized``, cheaper than joining its tokens
    starts = list(itertools.accumulate([len(t) + 1 for t in tokens], initial=0))
    found = [normalized[starts[i] : starts[i + size] - 1] for i in kept]
    return frozenset(found) if found else _NOTHING


def clauses(text: str) -> list[str]:
    """The units copied text is compared in: the extractor's sentences (a split at every ". "
    cut "No. 3" and "Feb. 23" off their sentences, and two outlets' differently worded
    sentences shared the fragment), cut again at semicolons, since a long sentence states
    more figures and would echo more often."""
    parts = (part.strip() for span in sentences(text)
             for part in _clauses_of(text[span.start : span.end]))
    return [part for part in parts if part]


def _clauses_of(sentence: str) -> list[str]:
    return _CLAUSE_END.split(sentence) if ";" in sentence or "；" in sentence else [sentence]


@lru_cache(maxsize=512)
def analyzed(text: str) -> tuple[Sentence, ...]:
    """The text's sentences long enough to be evidence of copying; cached because an article
    is compared with several candidates, and a recent article is often the candidate of the
    next ones."""
    rules, token, cjk_char = _rules(), config().token, config().cjk
    result = []
    for sentence in clauses(text):
        nfkc = unicodedata.normalize("NFKC", sentence)
        tokens = token.findall(nfkc.casefold())
        normalized = " ".join(tokens)  # what sentences are compared by
        if len(normalized) < rules.min_sentence_chars:
            continue
        # a Chinese character is a token of its own, and no other token holds one
        cjk = not normalized.isascii() and 2 * len(cjk_char.findall(normalized)) > len(tokens)
        ngrams = _ngrams(tokens, normalized, cjk, rules)
        result.append(Sentence(sentence, normalized, cjk, _figures(nfkc), ngrams))
    return tuple(result)


def _crc(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def sentence_fingerprints(text: str) -> dict[int, str]:
    """The hashes of the text's whole sentences among its ``passage_fingerprints``, with each
    sentence as written: an article holding one holds that sentence's normalized text, or a
    passage of another kind with the same crc32."""
    return {_crc("s:" + sentence.normalized): sentence.text for sentence in analyzed(text)}


def passage_fingerprints(text: str) -> set[int]:
    """Stable hashes of the text's sentences, figure pairs and sampled shingles and n-grams."""
    rules = _rules()
    size, sample = rules.shingle_tokens, rules.sample_mod
    shingle_seed, gram_seed = zlib.crc32(b"w:"), zlib.crc32(b"g:")
    prints = set(sentence_fingerprints(text))
    for sentence in analyzed(text):
        # crc32 of "w:" + a shingle, taken over the shingle's bytes in the encoded sentence:
        # the same hash as encoding each joined shingle, without building them
        encoded = sentence.normalized.encode("utf-8")
        tokens = sentence.normalized.split(" ")
        starts = list(itertools.accumulate(
            (len(t.encode("utf-8")) + 1 for t in tokens), initial=0))
        view = memoryview(encoded)
        for i in range(len(tokens) - size + 1):
            h = zlib.crc32(view[starts[i] : starts[i + size] - 1], shingle_seed)
            if h % sample == 0:
                prints.add(h)
        for gram in sentence.ngrams:
            h = zlib.crc32(gram.encode("utf-8"), gram_seed)
            if h % sample == 0:
                prints.add(h)
        figures = sorted(sentence.figures)[: rules.max_figures]
        prints.update(_crc("f:" + a + "|" + b) for a, b in itertools.combinations(figures, 2))
    return prints


def _near_duplicates(
    left: Sequence[Sentence], right: Sequence[Sentence]
) -> list[tuple[int, int, float]]:
    threshold = config().dependence("similarity_threshold")
    scores = process.cdist(
        [s.normalized for s in left],
        [s.normalized for s in right],
        scorer=fuzz.ratio,
        score_cutoff=threshold,
    )
    pairs = []
    for i, row in enumerate(scores):
        # cdist scores a pair under the threshold 0
        close = [j for j in map(int, row.nonzero()[0]) if _same_numbers(left[i], right[j])]
        if close:
            j = max(close, key=lambda j: (row[j], -j))
            pairs.append((i, j, float(row[j])))
    return pairs


def _same_numbers(a: Sentence, b: Sentence) -> bool:
    """Whether two close sentences may be one copied sentence: a copy keeps its figures, and
    a sentence frame repeated with other figures ("X reached 3.5 trillion tokens (+20%)") is
    a house style or a template, not a copy."""
    return not (a.figures and b.figures) or bool(a.figures & b.figures)


def _by_figure(sentences_: Sequence[Sentence]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for n, sentence in enumerate(sentences_):
        for figure in sentence.figures:
            index[figure].append(n)
    return index


def _echo_score(a: Sentence, b: Sentence) -> float | None:
    """How closely two sentences echo each other (0-100), or None when they do not."""
    dep = config().dependence
    if a.ngrams & b.ngrams:
        return float(fuzz.token_set_ratio(a.normalized, b.normalized))
    if len(a.figures & b.figures) < int(dep("echo_min_figures")):
        return None
    threshold = dep("echo_ratio_cjk") if a.cjk or b.cjk else dep("echo_ratio")
    score = fuzz.token_set_ratio(a.normalized, b.normalized, score_cutoff=threshold)
    return float(score) if score else None


def _echoes(left: Sequence[Sentence], right: Sequence[Sentence]) -> list[tuple[int, int, float]]:
    """Sentence pairs that echo each other; only pairs sharing a figure or n-gram are scored."""
    by_figure = _by_figure(right)
    by_ngram: dict[str, list[int]] = defaultdict(list)
    for n, sentence in enumerate(right):
        for gram in sentence.ngrams:
            by_ngram[gram].append(n)
    pairs = []
    for i, sentence in enumerate(left):
        candidates = {j for f in sentence.figures for j in by_figure.get(f, ())}
        candidates.update(j for g in sentence.ngrams for j in by_ngram.get(g, ()))
        for j in sorted(candidates):
            score = _echo_score(sentence, right[j])
            if score is not None:
                pairs.append((i, j, score))
    return pairs


def _weight(
    left: Sequence[Sentence], right: Sequence[Sentence], echoes: list[tuple[int, int, float]]
) -> int:
    """How many echoes the evidence is worth: each one sharing a run of wording, and the
    echoes of figures alone counted by sentences on both sides, since one sentence that sums
    up figures another story gives in several is one sentence's worth of evidence."""
    worded, lefts, rights = 0, set(), set()
    for i, j, _ in echoes:
        if left[i].ngrams & right[j].ngrams:
            worded += 1
        else:
            lefts.add(i)
            rights.add(j)
    return worded + min(len(lefts), len(rights))


def shared_passages(a: str, b: str) -> list[tuple[str, str, float]]:
    """The evidence that two texts depend on each other: their near-duplicate and echo
    sentence pairs (sentence of a, sentence of b, score 0-100) in a's order, when there is
    enough of it (see the module docstring); otherwise an empty list."""
    left, right = analyzed(a), analyzed(b)
    if not left or not right:
        return []
    dep = config().dependence
    near = _near_duplicates(left, right)
    echoes = _echoes(left, right)
    if len(near) < int(dep("min_near_duplicates")) and _weight(left, right, echoes) < int(
        dep("min_echoes")
    ):
        return []
    best: dict[tuple[int, int], float] = {}
    for i, j, score in (*echoes, *near):
        best[(i, j)] = max(score, best.get((i, j), 0.0))
    return [(left[i].text, right[j].text, score) for (i, j), score in sorted(best.items())]


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
        self._cited: dict[str, str | None] = {}

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
        # asked again each time a finding ranks its evidence
        if claim.id not in self._cited:
            self._cited[claim.id] = self._cited_source(claim)
        return self._cited[claim.id]

    def _cited_source(self, claim: Claim) -> str | None:
        found = cited_sources(claim.quote)
        if found:
            return found[0]
        article = self.articles.get(claim.article_id)
        if article is None:
            return None
        in_article = _article_citations(article)
        return in_article[0] if len(in_article) == 1 else None


# Citations of whole articles: an incremental run loads an article again with every batch whose
# window it falls in, and reading its citations costs more than the rest of its share of a
# reconciliation. The keys are the id and the hash of the text, not the text: a store's texts
# would overflow memory (and the cache of short quotes).
_ARTICLE_CITES: dict[tuple[str, int], tuple[str, ...]] = {}
_MAX_ARTICLE_CITES = 200_000


def _article_citations(article: Article) -> tuple[str, ...]:
    key = (article.id, hash(article.text))
    found = _ARTICLE_CITES.get(key)
    if found is None:
        if len(_ARTICLE_CITES) >= _MAX_ARTICLE_CITES:
            _ARTICLE_CITES.clear()
        found = _ARTICLE_CITES[key] = _citations(article.text)
    return found


def _citations(text: str) -> tuple[str, ...]:
    found: list[str] = []
    known = {s.casefold(): s for s in config().known_sources}
    folded = text.casefold()
    for citation in config().citation_patterns:
        for match in citation.finditer(text, folded):
            name = match.group(1).strip()
            canonical = known.get(name.casefold()) or _known_prefix(name, known)
            if canonical and canonical not in found:
                found.append(canonical)
    return tuple(found)


_cited_tuple = lru_cache(maxsize=4096)(_citations)  # quotes recur across checks


def _known_prefix(name: str, known: Mapping[str, str]) -> str | None:
    folded = name.casefold()
    for key, canonical in known.items():
        if re.search(rf"(?<!\w){re.escape(key)}(?!\w)", folded):
            return canonical
    return None


def cited_sources(text: str) -> list[str]:
    """Known data sources a text cites ("According to OpenRouter data" -> ["OpenRouter"])."""
    return list(_cited_tuple(text))
