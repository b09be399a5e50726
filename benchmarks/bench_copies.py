"""How well copy detection finds the synthetic corpus's copies, held to what the generator knows.

    python -m benchmarks.bench_ingest --count 10000 --jobs 2
    python -m benchmarks.bench_copies --count 10000

Reads the store ``bench_ingest`` made from the same feed (``--db``, else its default) and sorts
every pair of linked articles by what the generator knows of them (``synth.Truth``):

* copies: one copied a paragraph of the other, or both copied the same one;
* one outlet: two stories of one outlet, whose stock paragraph they share;
* one week: independent stories of two outlets on the same week's figures;
* other: independent stories of two outlets on different weeks.

Only copies should be linked; it prints how many of them are (recall) and how many links of
each other kind there are, out of how many such pairs.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from benchmarks.synth import VERSION, Truth, articles
from claimcheck.ingest import LoadedArticle, load_articles
from claimcheck.store import Store

KINDS = ("copies", "one outlet", "one week", "other")


def copied_pairs(truth: list[Truth]) -> set[tuple[int, int]]:
    """Article pairs (by position in the feed) that share a copied paragraph."""
    by_source: dict[int, list[int]] = defaultdict(list)
    for n, known in enumerate(truth):
        if known.copied_from is not None:
            by_source[known.copied_from].append(n)
    pairs = set()
    for source, copiers in by_source.items():
        for n in copiers:
            pairs.add((min(n, source), max(n, source)))
            pairs.update((min(n, m), max(n, m)) for m in copiers if m != n)
    return pairs


def pair_kind(truth: list[Truth], copied: set[tuple[int, int]], a: int, b: int) -> str:
    if (min(a, b), max(a, b)) in copied:
        return "copies"
    if truth[a].outlet == truth[b].outlet:
        return "one outlet"
    return "one week" if truth[a].week == truth[b].week else "other"


def all_pairs(truth: list[Truth], copied: set[tuple[int, int]]) -> Counter[str]:
    """How many pairs of each kind the corpus holds (counted, not listed: 10^10 at 100,000)."""
    by_week: Counter[tuple[str, int]] = Counter((t.outlet, t.week) for t in truth)
    outlets: Counter[str] = Counter(t.outlet for t in truth)
    weeks: Counter[int] = Counter(t.week for t in truth)
    n = len(truth)
    same_outlet = sum(c * (c - 1) // 2 for c in outlets.values())
    same_week = sum(c * (c - 1) // 2 for c in weeks.values())
    both = sum(c * (c - 1) // 2 for c in by_week.values())
    found = Counter(pair_kind(truth, set(), a, b) for a, b in copied)  # what each would be
    counts: Counter[str] = Counter({"copies": len(copied)})
    counts["one outlet"] = same_outlet - found["one outlet"]
    counts["one week"] = same_week - both - found["one week"]
    counts["other"] = n * (n - 1) // 2 - same_outlet - same_week + both - found["other"]
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", type=Path, help="the store bench_ingest made from the feed")
    args = parser.parse_args()
    work = Path(tempfile.gettempdir()) / "claimcheck-bench"
    feed = work / f"synth-{args.count}-{args.seed}-v{VERSION}.jsonl"
    db = args.db or work / f"ingest-{args.count}.db"
    truth: list[Truth] = []
    for _ in articles(args.count, args.seed, truth=truth):
        pass
    position = {item.article.id: int((item.article.url or "").rsplit("/", 1)[1])
                for item in load_articles([str(feed)]) if isinstance(item, LoadedArticle)}
    links = {(min(position[a], position[b]), max(position[a], position[b]))
             for a, others in Store(str(db)).copies().items() for b in others}
    copied = copied_pairs(truth)
    linked = Counter(pair_kind(truth, copied, a, b) for a, b in links)
    pairs = all_pairs(truth, copied)
    print(f"{len(links):,} linked pairs among {len(truth):,} articles ({db})")
    for kind in KINDS:
        share = linked[kind] / pairs[kind] if pairs[kind] else 0.0
        print(f"  {kind:<11} {linked[kind]:>9,} linked of {pairs[kind]:>14,} pairs ({share:.2%})")


if __name__ == "__main__":
    main()
