"""Extraction speed on one core, characters per second, with quantulum3 side by side.

    python -m benchmarks.bench_extract [--repeat 20] [--synthetic 400] [--profile]

The corpus is the bundled seeds and the hand-written articles of ``corpora/articles/`` (their
normalized text, as ingest stores it), repeated ``--repeat`` times; ``--synthetic N`` uses N
generated articles instead. When quantulum3 is installed (the ``bench`` extra) its parser runs
on the same text in the same run. Figures are after a warm-up pass; the machine should be idle.
``--profile`` prints the functions where claimcheck's time goes (cProfile, by own time).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import pstats
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from claimcheck.extract import extract
from claimcheck.ingest import LoadedArticle, load_articles

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Text:
    text: str
    published: dt.date | None
    lang: str


def bundled_corpus() -> list[Text]:
    """The seeds and our own test articles, as ingest reads them."""
    paths = [str(ROOT / "seeds"), str(ROOT / "corpora" / "articles")]
    return [
        Text(item.article.text, item.article.published, item.article.lang)
        for item in load_articles(paths)
        if isinstance(item, LoadedArticle)
    ]


def synthetic_corpus(count: int) -> list[Text]:
    from benchmarks.synth import articles

    return [
        Text(r["text"], dt.date.fromisoformat(r["published"]), r["lang"])
        for r in articles(count, 7)
    ]


def rate(texts: list[Text], run: Callable[[Text], object]) -> float:
    """Characters per second of ``run`` over ``texts``, after one warm-up call."""
    run(texts[0])
    started = time.perf_counter()
    for t in texts:
        run(t)
    return sum(len(t.text) for t in texts) / (time.perf_counter() - started)


def claimcheck_run(t: Text) -> object:
    return extract(t.text, t.published, t.lang)


def quantulum3_run() -> Callable[[Text], object] | None:
    try:
        from quantulum3 import parser
    except ImportError:
        return None
    return lambda t: parser.parse(t.text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes over the bundled corpus")
    parser.add_argument("--synthetic", type=int, default=0, metavar="N",
                        help="use N synthetic articles instead of the bundled corpus")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    one_pass = synthetic_corpus(args.synthetic) if args.synthetic else bundled_corpus()
    texts = one_pass * (1 if args.synthetic else args.repeat)
    chars = sum(len(t.text) for t in texts)
    print(f"corpus: {len(texts)} articles, {chars:,} characters "
          f"({'synthetic' if args.synthetic else f'seeds + corpora/articles x {args.repeat}'})")
    for lang in ("en", "zh"):
        subset = [t for t in texts if t.lang == lang]
        if subset:
            print(f"claimcheck, one core, {lang}: {rate(subset, claimcheck_run):,.0f} chars/s")
    print(f"claimcheck, one core, all: {rate(texts, claimcheck_run):,.0f} chars/s")
    quantulum = quantulum3_run()
    if quantulum is None:
        print("quantulum3: not installed (pip install -e '.[bench]')")
    else:
        # quantulum3 is slow: one pass over the corpus is enough for a stable figure
        print(f"quantulum3, one core, all (one pass): {rate(one_pass, quantulum):,.0f} chars/s")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [claimcheck_run(t) for t in texts])
        pstats.Stats(profiler).sort_stats("tottime").print_stats(20)


if __name__ == "__main__":
    main()
