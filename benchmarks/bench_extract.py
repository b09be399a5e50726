"""Extraction speed on one core: characters per second over synthetic articles.

    python -m benchmarks.bench_extract [--count 400] [--profile]

``--profile`` prints the functions where the time goes (cProfile, by own time).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import pstats
import time

from benchmarks.synth import articles
from claimcheck.extract import extract


def extraction_rate(records: list[dict[str, str]]) -> tuple[float, float, float]:
    """(characters per second, articles per second, claims per article) for one pass."""
    extract(records[0]["text"], None, records[0]["lang"])  # build the pipeline first
    chars = claims = 0
    started = time.perf_counter()
    for r in records:
        claims += len(extract(r["text"], dt.date.fromisoformat(r["published"]), r["lang"]))
        chars += len(r["text"])
    elapsed = time.perf_counter() - started
    return chars / elapsed, len(records) / elapsed, claims / len(records)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    records = list(articles(args.count, args.seed))
    chars, per_second, claims = extraction_rate(records)
    print(f"extraction, one core: {chars:,.0f} characters/s, {per_second:.1f} articles/s "
          f"({claims:.1f} claims per article, {args.count} articles)")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(extraction_rate, records)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)


if __name__ == "__main__":
    main()
