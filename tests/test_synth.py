"""The benchmark corpus: independent stories must not look like copies of each other."""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable

import pytest

from benchmarks.bench_copies import copied_pairs
from benchmarks.synth import Truth, articles, filler_sentence, zh_filler_sentence
from claimcheck.reconcile.dependence import _near_duplicates, analyzed, shared_passages


@pytest.mark.parametrize("sentence", [filler_sentence, zh_filler_sentence])
def test_background_prose_of_independent_stories_shares_no_passage(
    sentence: Callable[[random.Random], str],
) -> None:
    """Copy detection looks for shared runs of wording; background prose built from a few
    sentence frames gave every pair of stories dozens, so every article "copied" eight others
    and the benchmark measured a corpus made of copies."""
    rng = random.Random(1)
    stories = [" ".join(sentence(rng) for _ in range(20)) for _ in range(30)]
    assert not [(a[:40], b[:40]) for a, b in itertools.combinations(stories, 2)
                if shared_passages(a, b)]


def test_independent_outlets_word_the_same_figures_differently() -> None:
    """Version 2 gave sixteen outlets three or four house styles, so outlets that shared one
    wrote one week's figures in identical sentences: a quarter of the independent stories of
    one week had a near-duplicate sentence, and copy search linked them."""
    truth: list[Truth] = []
    stories = [record["text"] for record in articles(400, truth=truth)]
    copied = copied_pairs(truth)
    pairs = [(a, b) for a, b in itertools.combinations(range(len(stories)), 2)
             if truth[a].week == truth[b].week and truth[a].outlet != truth[b].outlet
             and (a, b) not in copied]
    close = [(a, b) for a, b in pairs
             if _near_duplicates(analyzed(stories[a]), analyzed(stories[b]))]
    assert len(pairs) > 1000
    # a few pairs come within the threshold, or reach each other through a copy
    assert len(close) < 0.01 * len(pairs), close[:3]
