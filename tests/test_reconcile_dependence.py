"""Copied passages and independent sources (claimcheck/reconcile/dependence.py)."""

from __future__ import annotations

import time

import pytest

from claimcheck.reconcile import independent_sources, passage_fingerprints, shared_passages
from claimcheck.reconcile.dependence import cited_sources

ORIGINAL = (
    "Data from OpenRouter, the world's largest AI model API aggregation platform, shows that "
    "during the week from the 9th to the 15th, Chinese models had a call volume of 4.12 trillion "
    "Tokens, exceeding the 2.94 trillion Tokens of US models during the same period for the "
    "first time. Token is the smallest unit for an AI model to process text."
)
EDITED_COPY = (
    "Some unrelated opening sentence about the stock market and chips rallying today. "
    "Data from OpenRouter, the world's largest AI model API aggregation platform, shows that "
    "during the week of Feb 9 to 15, Chinese models had a call volume of 4.12 trillion "
    "Tokens, exceeding the 2.94 trillion Tokens of US models during the same period for the "
    "first time."
)
REWORDED = (
    "For the week of February 9-15, OpenRouter counted 4.12 trillion tokens for models built in "
    "China against 2.94 trillion for American ones, a first."
)


def test_fingerprints_are_stable_and_shared_by_copies() -> None:
    first = passage_fingerprints(ORIGINAL)
    assert first == passage_fingerprints(ORIGINAL)
    assert first & passage_fingerprints(EDITED_COPY)
    # a rewording of one sentence shares its figure pair, one print: below the store's two
    assert len(first & passage_fingerprints(REWORDED)) <= 1
    assert passage_fingerprints("Too short.") == set()


def test_fingerprints_of_chinese_text_use_characters() -> None:
    text = (
        "据OpenRouter数据显示，2月9日至15日当周，中国模型的调用量达到4.12万亿Token，"
        "首次超过美国模型的2.94万亿Token。"
    )
    prints = passage_fingerprints(text)
    assert prints and prints & passage_fingerprints("另一句话。" + text)


@pytest.mark.parametrize(
    ("words", "cjk", "expected"),
    [
        # 8-word runs with 3+ specific words (4+ letters, not stopwords)
        ("the world s largest ai model api aggregation platform shows", False, {
            "the world s largest ai model api aggregation",
            "world s largest ai model api aggregation platform",
            "s largest ai model api aggregation platform shows"}),
        # a digit in every window: figures and dates are the echo test's business
        ("the world s largest ai model api 2026 aggregation platform shows", False, set()),
        # a digit inside a word is not a figure ("M2"); one starting a word is, in any script
        ("the world s largest ai model m2 aggregation platform shows", False, {
            "the world s largest ai model m2 aggregation",
            "world s largest ai model m2 aggregation platform",
            "s largest ai model m2 aggregation platform shows"}),
        ("the world s largest ai model ❷ aggregation platform shows", False, set()),
        ("it is a and the of to be or on", False, set()),  # nothing specific
        ("largest model platform", False, set()),  # shorter than a run
        # Chinese: 14-character runs, every character a token
        ("中国模型的调用量首次超过美国模型", True, {
            "中 国 模 型 的 调 用 量 首 次 超 过 美 国",
            "国 模 型 的 调 用 量 首 次 超 过 美 国 模",
            "模 型 的 调 用 量 首 次 超 过 美 国 模 型"}),
        ("中国模型的调用量1次超过美国模型", True, set()),
    ],
)
def test_ngrams_are_long_specific_runs_without_digits(
    words: str, cjk: bool, expected: set[str]
) -> None:
    from claimcheck.reconcile.dependence import _ngrams, _rules

    tokens = list(words) if cjk else words.split()
    assert _ngrams(tokens, " ".join(tokens), cjk, _rules()) == expected


def test_shared_passages_confirm_near_duplicates_only() -> None:
    pairs = shared_passages(ORIGINAL, EDITED_COPY)
    assert len(pairs) == 1
    left, right, score = pairs[0]
    assert left.startswith("Data from OpenRouter") and right.startswith("Data from OpenRouter")
    assert score >= 90
    assert shared_passages(ORIGINAL, REWORDED) == []
    assert shared_passages("", ORIGINAL) == []


@pytest.mark.parametrize(
    ("left", "right", "copied"),
    [
        # a copy with a word or two changed keeps its figures
        ("Chinese models processed 4.12 trillion tokens in the week, up 12% on the week before.",
         "Chinese models processed 4.12 trillion tokens that week, up 12% on the week before.",
         True),
        # ... or some of them, in other units
        ("Usage of Llama 4 reached 3.53 trillion tokens, up 20% from the previous week.",
         "Usage of Llama 4 reached 3,530 billion tokens, up 21% from the previous week.", True),
        # ... or drops them
        ("Chinese models processed 4.12 trillion tokens in the week before the Lunar New Year.",
         "Chinese models processed tokens in the week before the Lunar New Year.", True),
        # one frame with other figures: an outlet's house style or a template
        ("Usage of Llama 4 reached 3.53 trillion tokens (+20% from the previous week).",
         "Usage of Llama 3.1 reached 19.18 trillion tokens (-1% from the previous week).", False),
        ("Hunyuan T1 recorded 2.95T tokens, placing it at number 13 on the chart.",
         "Hunyuan T1 recorded 8.26T tokens, placing it at number 13 on the chart.", False),
        # the same figures reworded, beyond the near-duplicate threshold
        ("Chinese models processed 4.12 trillion tokens in the week, up 12% on the week before.",
         "At 4.12 trillion tokens (12% more than a week earlier), Chinese models led.", False),
    ],
)
def test_a_near_duplicate_keeps_a_figure_when_both_state_some(
    left: str, right: str, copied: bool
) -> None:
    from claimcheck.reconcile.dependence import _near_duplicates, analyzed

    assert bool(_near_duplicates(analyzed(left), analyzed(right))) is copied


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # abbreviations do not end a sentence: a fragment such as "3 with 4.12 trillion tokens"
        # would be shared by two outlets that word the rest of the sentence differently
        ("Kimi K2.5 ranked No. 3 with 4.12 trillion tokens in the week of Feb. 9-15, up 12%.",
         ["Kimi K2.5 ranked No. 3 with 4.12 trillion tokens in the week of Feb. 9-15, up 12%."]),
        ("U.S. models processed 2.94 trillion tokens last week. Chinese models led the chart.",
         ["U.S. models processed 2.94 trillion tokens last week.",
          "Chinese models led the chart."]),
        # a semicolon ends a clause: a long sentence states more figures, and echoes more
        ("Chinese models processed 4.12 trillion tokens last week; US models processed 2.94.",
         ["Chinese models processed 4.12 trillion tokens last week;",
          "US models processed 2.94."]),
        ("中国模型调用量达4.12万亿Token；美国模型为2.94万亿Token。其余模型份额较小，变化不大。",
         ["中国模型调用量达4.12万亿Token；", "美国模型为2.94万亿Token。",
          "其余模型份额较小，变化不大。"]),
    ],
)
def test_copy_evidence_is_read_by_sentence_and_clause(text: str, expected: list[str]) -> None:
    from claimcheck.reconcile.dependence import clauses

    assert clauses(text) == expected


SUMMARY = (
    "Chinese models first overtook U.S. models in the week of Feb. 9-15, when they processed "
    "4.12 trillion tokens against 2.94 trillion, and widened the gap the following week to "
    "5.16 trillion against 2.7 trillion, OpenRouter data showed."
)
DETAILED = (
    "During the week of February 9 to 15, Chinese models had a call volume of 4.12 trillion "
    "tokens, above the 2.94 trillion tokens of US models. In the week of February 16 to 22, "
    "Chinese models soared to 5.16 trillion tokens while US models dropped to 2.7 trillion tokens."
)


@pytest.mark.parametrize(
    ("left", "right", "copied"),
    [
        # one sentence summing up the figures another story gives in two: one echo's worth
        (SUMMARY, DETAILED, False),
        # two sentences echoing two: a rewrite
        (DETAILED,
         "In the week of February 9 to 15, models from China handled 4.12 trillion tokens, more "
         "than the 2.94 trillion tokens of US models. A week later Chinese models soared to 5.16 "
         "trillion tokens as US models dropped to 2.7 trillion tokens.", True),
        # a shared run of wording counts apart from the figures the same sentence echoes
        ("OpenRouter is the world's largest AI model API aggregation platform for developers. "
         + DETAILED,
         SUMMARY.replace("OpenRouter data showed",
                         "said OpenRouter, the world's largest AI model API aggregation platform"),
         True),
    ],
)
def test_echoes_count_by_sentence(left: str, right: str, copied: bool) -> None:
    assert bool(shared_passages(left, right)) is copied


@pytest.mark.parametrize(
    ("ids", "shares", "expected"),
    [
        (["a", "b", "c"], {}, 3),
        (["a", "b", "c"], {"a": ["b"]}, 2),
        (["a", "b"], {"b": ["a"]}, 1),  # one direction is enough
        (["a", "b", "c"], {"a": ["x"], "b": ["x"]}, 2),  # both copy an article not listed
        (["a", "a"], {}, 1),
        ([], {}, 0),
    ],
)
def test_independent_sources(ids: list[str], shares: dict[str, list[str]], expected: int) -> None:
    assert independent_sources(ids, shares) == expected


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        ("According to OpenRouter data, weekly token usage reached 9.8 × 10^13.", ["OpenRouter"]),
        ("According to data from OpenRouter, a leading aggregator, ...", ["OpenRouter"]),
        ("Data from OpenRouter, the world's largest platform, shows ...", ["OpenRouter"]),
        ("OpenRouter data shows Chinese models led.", ["OpenRouter"]),
        ("据OpenRouter数据显示，中国模型调用量首超美国。", ["OpenRouter"]),
        ("Chinese models led, analysts said.", []),
        ("The OpenRouter platform has five million users.", []),  # named, not cited
    ],
)
def test_cited_primary_sources(text: str, sources: list[str]) -> None:
    assert cited_sources(text) == sources


@pytest.mark.parametrize(
    "hostile",
    [
        "1" * 50000,
        "$" * 50000,
        "1." * 20000,
        "(" * 20000,
        "trillion " * 10000,
        "According to " * 5000,
        "A " * 30000,
    ],
)
def test_fast_on_hostile_input(hostile: str) -> None:
    started = time.perf_counter()
    passage_fingerprints(hostile)
    shared_passages(hostile, hostile[:1000])
    cited_sources(hostile)
    assert time.perf_counter() - started < 1.0


def test_fingerprinting_is_fast() -> None:
    text = (ORIGINAL + " " + REWORDED + " ") * 400  # ~170k characters
    started = time.perf_counter()
    passage_fingerprints(text)
    assert time.perf_counter() - started < 1.0
