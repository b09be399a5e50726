"""The reconciler on real extraction output, held to corpora/gold/discrepancies.json.

The seeds and corpora/articles/ are ingested once per module through the real pipeline
(ingest -> extract -> store -> reconcile per article). A gold claim is located by article
path, the figure as written and a substring of its sentence; an extracted claim stands for it
when its span overlaps the figure's span in the article text.

* must_flag: some discrepancy of the entry's type involves a claim at the first listed figure
  (the one at fault) and a claim at at least one other listed figure (the evidence against it;
  the other figures are context an editor may need, and the reconciler may cite any of them).
* must_not_flag: no discrepancy involves claims at all the listed figures together.
* dependent_articles / independent_articles: copy links between articles (and dependence
  components: a pair linked through a third copy depends on each other too).

When the extractor yields no claim at a listed figure, a must_flag entry cannot be found by
any reconciler: it is xfailed (not strict) with a reason naming the missing figure.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from claimcheck.batch import ingest
from claimcheck.ingest import LoadedArticle, load_articles
from claimcheck.models import Article, Claim, Discrepancy
from claimcheck.reconcile import independent_sources
from claimcheck.store import Store

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "corpora" / "gold" / "discrepancies.json").read_text(encoding="utf-8"))
PATHS = ("seeds", "corpora/articles")

# Same-length replacements so that typographic variants of a quote still match the text.
_LOOSE = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2011": "-",
        "\u2010": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
    }
)


@dataclass
class Corpus:
    store: Store
    articles: dict[str, Article]  # by path (path#n for records of a JSONL file)
    claims: dict[str, list[Claim]]  # by article id
    discrepancies: list[Discrepancy]
    shares: dict[str, list[str]]


def _relative(origin: str) -> str:
    path, _, record = origin.partition("#")
    rel = Path(path).resolve().relative_to(ROOT).as_posix()
    return f"{rel}#{record}" if record else rel


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    store = Store(str(tmp_path_factory.mktemp("gold") / "gold.db"))
    paths = [str(ROOT / p) for p in PATHS]
    summary = ingest(store, paths)
    assert summary.ok, summary.problems
    by_path: dict[str, Article] = {}
    stored = {a.id: a for a in store.articles()}
    for item in load_articles(paths):
        if isinstance(item, LoadedArticle):
            by_path[_relative(item.origin)] = stored[item.article.id]
    claims: dict[str, list[Claim]] = {}
    for claim in store.claims():
        claims.setdefault(claim.article_id, []).append(claim)
    yield Corpus(store, by_path, claims, store.discrepancies(), store.copies())
    store.close()


def _find(text: str, needle: str, start: int = 0) -> re.Match[str] | None:
    """``needle`` in ``text`` ignoring whitespace runs and typographic variants."""
    chunks = needle.translate(_LOOSE).split()
    if not chunks:
        return None
    pattern = r"\s*".join(re.escape(c) for c in chunks)
    return re.compile(pattern).search(text.translate(_LOOSE), start)


def figure_span(article: Article, ref: dict[str, str]) -> tuple[int, int]:
    """Where the gold figure is in the article text (the figure inside the quote)."""
    quote = _find(article.text, ref["quote"])
    if quote is None:
        raise AssertionError(f"gold quote not in {ref['article']}: {ref['quote']!r}")
    inner = _find(quote.group(), ref["text"])
    if inner is None:
        raise AssertionError(f"gold figure {ref['text']!r} not in its quote {ref['quote']!r}")
    return quote.start() + inner.start(), quote.start() + inner.end()


def located(corpus: Corpus, ref: dict[str, str]) -> set[str]:
    """Ids of the extracted claims at the gold figure."""
    article = corpus.articles[ref["article"]]
    start, end = figure_span(article, ref)
    return {
        c.id for c in corpus.claims.get(article.id, []) if c.span[0] < end and start < c.span[1]
    }


def _label(ref: dict[str, str]) -> str:
    name = Path(ref["article"]).name.split("_")[0:2]
    return f"{'_'.join(name)}:{ref['text']}"


def _entry_id(entry: dict[str, Any]) -> str:
    kind = entry.get("type", "any")
    figures = " ~ ".join(_label(r) for r in entry["claims"][:3])
    return f"{kind}[{figures}]"


def _involves_all(d: Discrepancy, groups: Sequence[set[str]]) -> bool:
    members = set(d.claim_ids)
    return all(group & members for group in groups)


def _flags(d: Discrepancy, groups: Sequence[set[str]]) -> bool:
    members = set(d.claim_ids)
    return bool(groups[0] & members) and any(group & members for group in groups[1:])


def _mark_known_gap(request: pytest.FixtureRequest, entry: dict[str, Any]) -> None:
    reason = KNOWN_GAPS.get(_entry_id(entry))
    if reason:
        request.node.add_marker(pytest.mark.xfail(reason=reason, strict=False))


def _missing(corpus: Corpus, refs: Sequence[dict[str, str]]) -> list[str]:
    return [f"{r['article']}: {r['text']!r}" for r in refs if not located(corpus, r)]


# Entries that fail today, each with its reason (tests/known_gold_gaps.json): they stay in the
# gold, never weakened, and run as non-strict xfails so that a fix shows up as XPASS.
KNOWN_GAPS: dict[str, str] = json.loads(
    (Path(__file__).parent / "known_gold_gaps.json").read_text(encoding="utf-8")
)["gaps"]


@pytest.mark.parametrize("entry", GOLD["must_flag"], ids=_entry_id)
def test_must_flag(corpus: Corpus, entry: dict[str, Any], request: pytest.FixtureRequest) -> None:
    _mark_known_gap(request, entry)
    missing = _missing(corpus, entry["claims"])
    if missing:
        pytest.xfail(f"extractor gives no claim at {'; '.join(missing)}")
    groups = [located(corpus, r) for r in entry["claims"]]
    of_type = [d for d in corpus.discrepancies if d.type == entry["type"]]
    found = [d for d in of_type if _flags(d, groups)]
    near = [d.explanation for d in of_type if d.claim_ids and set(d.claim_ids) & groups[0]]
    assert found, f"no {entry['type']} involving all of {_entry_id(entry)}; closest: {near[:2]}"


@pytest.mark.parametrize("entry", GOLD["must_not_flag"], ids=_entry_id)
def test_must_not_flag(
    corpus: Corpus, entry: dict[str, Any], request: pytest.FixtureRequest
) -> None:
    _mark_known_gap(request, entry)
    groups = [located(corpus, r) for r in entry["claims"]]
    flagged = [d for d in corpus.discrepancies if _involves_all(d, groups)]
    assert not flagged, [f"{d.type}: {d.explanation}" for d in flagged]


def _pair_id(pair: Sequence[str]) -> str:
    return " & ".join(Path(p).name[:6] for p in pair)


@pytest.mark.parametrize("pair", GOLD["dependent_articles"], ids=_pair_id)
def test_dependent_articles(corpus: Corpus, pair: list[str]) -> None:
    a, b = (corpus.articles[p].id for p in pair)
    assert independent_sources([a, b], corpus.shares) == 1, corpus.shares


@pytest.mark.parametrize("pair", GOLD["independent_articles"], ids=_pair_id)
def test_independent_articles(corpus: Corpus, pair: list[str]) -> None:
    a, b = (corpus.articles[p].id for p in pair)
    assert b not in corpus.shares.get(a, [])
    assert independent_sources([a, b], corpus.shares) == 2


def test_seed_copies_are_linked_directly(corpus: Corpus) -> None:
    """003 is the common source of 002 and 004: both are linked to it, not only through it."""
    seed = {p[6:9]: corpus.articles[p].id for p in corpus.articles if p.startswith("seeds/")}
    assert seed["003"] in corpus.shares.get(seed["002"], [])
    assert seed["003"] in corpus.shares.get(seed["004"], [])
