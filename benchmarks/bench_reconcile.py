"""Time per ingested article's reconciliation as the store grows (issue 5).

Synthetic articles are inserted directly through ``Store.add_articles`` (no extraction): each
reports a few weekly token volumes, a price and a share for models of a seeded world, with
the news spread over time as real coverage is (``--per-week`` articles a week) and a small
share of wrong figures. At each size, ``--probe`` fresh articles are reconciled one at a time
with ``claimcheck.batch.reconcile_claims`` (the path ``claimcheck check`` takes) and the mean
and 95th-percentile time per article are printed.

    .venv/bin/python -m benchmarks.bench_reconcile                 # 1k, 10k, 100k
    .venv/bin/python -m benchmarks.bench_reconcile --sizes 1000 10000 --probe 30
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from claimcheck.batch import reconcile_claims
from claimcheck.models import Article, Claim, Period
from claimcheck.reconcile import slot_key
from claimcheck.store import NewArticle, Store

FIRST_MONDAY = dt.date(2024, 1, 1)
SUBJECTS = tuple(f"Model {chr(65 + i // 10)}{i % 10}" for i in range(120)) + (
    "Chinese models",
    "US models",
    "OpenRouter top 10 models",
)
ERROR_RATE = 0.05


def _id(*parts: object) -> str:
    return hashlib.blake2b("|".join(map(str, parts)).encode(), digest_size=8).hexdigest()


class World:
    """True weekly volumes and prices, so most synthetic figures agree with each other."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.base = {s: self.rng.uniform(0.1, 6.0) * 1e12 for s in SUBJECTS}
        self.price = {s: round(self.rng.uniform(0.1, 20.0), 2) for s in SUBJECTS}

    def volume(self, subject: str, week: int) -> float:
        # a slow, deterministic trend per subject: figures of nearby weeks rarely coincide
        growth = 1.0 + 0.004 * (int(_id(subject), 16) % 7 + 1)
        return float(f"{self.base[subject] * growth ** (week % 300):.3g}")


def _week(index: int) -> Period:
    start = FIRST_MONDAY + dt.timedelta(weeks=index)
    return Period(
        start=start,
        end=start + dt.timedelta(days=6),
        granularity="week",
        text="the week",
        resolution="explicit",
    )


def synthetic_article(world: World, n: int, week: int) -> NewArticle:
    rng = world.rng
    article_id = _id("article", n)
    published = FIRST_MONDAY + dt.timedelta(weeks=week + 1)
    sentences: list[str] = []
    claims: list[Claim] = []

    def add(
        kind: str,
        subject: str,
        value: float,
        unit: str,
        period: Period,
        attributes: dict[str, object],
    ) -> None:
        sentence = f"{subject} reported {value:g} {unit} in the week (ref {n}-{len(claims)})."
        offset = sum(len(s) + 1 for s in sentences)
        sentences.append(sentence)
        figure = sentence.index(f"{value:g}")
        claims.append(
            Claim(
                id=_id(article_id, len(claims)),
                article_id=article_id,
                kind=kind,
                subject=subject,
                subject_text=subject,
                value=value,
                unit=unit,
                period=period,
                attributes=attributes,
                quote=sentence,
                span=(offset + figure, offset + figure + len(f"{value:g}")),
                confidence=0.9,
            )
        )

    for subject in rng.sample(SUBJECTS, 4):
        value = world.volume(subject, week)
        if rng.random() < ERROR_RATE:
            value *= rng.choice((1000.0, 0.001, 1.3))
        add("token_volume", subject, value, "tokens", _week(week), {})
    subject = rng.choice(SUBJECTS)
    add(
        "price",
        subject,
        world.price[subject],
        "USD/1M tokens",
        Period(),
        {"direction": "input", "currency": "USD"},
    )
    add(
        "share",
        "Chinese models",
        round(rng.uniform(55, 62), 1),
        "%",
        _week(week),
        {"of": "OpenRouter"},
    )
    article = Article(
        id=article_id,
        title=f"Synthetic {n}",
        source=f"Outlet {n % 40}",
        published=published,
        text=" ".join(sentences),
    )
    return NewArticle(article, claims, [slot_key(c) for c in claims], (), f"synthetic#{n}")


def grow(store: Store, world: World, start: int, stop: int, per_week: int) -> None:
    batch: list[NewArticle] = []
    for n in range(start, stop):
        batch.append(synthetic_article(world, n, n // per_week))
        if len(batch) == 2000:
            store.add_articles(batch)
            batch = []
    if batch:
        store.add_articles(batch)


def probe(
    store: Store, world: World, first: int, count: int, week: int
) -> list[float]:
    """Store and reconcile ``count`` new articles about ``week``, one at a time; seconds each."""
    times = []
    for n in range(first, first + count):
        item = synthetic_article(world, n, week)
        store.add_articles([item])
        started = time.perf_counter()
        reconcile_claims(store, list(item.claims))
        times.append(time.perf_counter() - started)
    return times


def run(
    sizes: Sequence[int], count: int, per_week: int, seed: int, db: str
) -> None:
    store = Store(db)
    world = World(seed)
    stored = 0
    print(f"{'articles':>10} {'claims':>9} {'build s':>8} {'mean ms':>8} {'p95 ms':>8}")
    for size in sizes:
        started = time.perf_counter()
        grow(store, world, stored, size, per_week)
        built = time.perf_counter() - started
        stored = size
        # fresh articles about the latest week, as the next day's news would be
        first = 10_000_000 + stored
        times = probe(store, world, first, count, (stored - 1) // per_week)
        p95 = sorted(times)[int(0.95 * (len(times) - 1))]
        claims = store.counts()["claims"]
        print(
            f"{size:>10,} {claims:>9,} {built:>8.1f} "
            f"{statistics.mean(times) * 1e3:>8.1f} {p95 * 1e3:>8.1f}",
            flush=True,
        )
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--probe", type=int, default=50, help="articles timed per size")
    parser.add_argument("--per-week", type=int, default=100, help="articles per news week")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", help="SQLite file (default: a temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "bench.db")
        run(sorted(args.sizes), args.probe, args.per_week, args.seed, db)


if __name__ == "__main__":
    main()
