"""Claim assembly, table-driven: a sentence -> the claims it makes (kind, subject, value, unit)."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck import extract
from claimcheck.models import Claim


def _facts(claims: list[Claim]) -> set[tuple[str, str, float, str]]:
    return {(c.kind, c.subject, round(c.value, 4), c.unit) for c in claims}


CASES = [
    (
        "The ranking shows Tencent Hunyuan 3.0 (3.2 trillion tokens, +45 % week-over-week), "
        "DeepSeek V4 (2.8 trillion, +33 %).",
        {
            ("token_volume", "Hunyuan 3.0", 3.2e12, "tokens"),
            ("change", "Hunyuan 3.0", 45, "%"),
            ("token_volume", "DeepSeek V4", 2.8e12, "tokens"),
            ("change", "DeepSeek V4", 33, "%"),
        },
    ),
    (
        "In the process of models processing input information (Input), the prices of M2.5 of "
        "MiniMax and GLM - 5 of Zhipu are both $0.3 per million Tokens. In contrast, the price "
        "of Claude Opus4.6 is as high as $5 per million Tokens, about 16.7 times that of these "
        "two Chinese models.",
        {
            ("price", "MiniMax M2.5", 0.3, "USD/1M tokens"),
            ("price", "GLM-5", 0.3, "USD/1M tokens"),
            ("price", "Claude Opus 4.6", 5, "USD/1M tokens"),
            ("change", "Claude Opus 4.6", 16.7, "x"),
        },
    ),
    (
        "Pricing was cut by 33 %: input $0.002 per k token, output $0.008 per k token for "
        "Gemini 2.5 Pro.",
        {
            ("price", "Gemini 2.5 Pro", 2.0, "USD/1M tokens"),
            ("price", "Gemini 2.5 Pro", 8.0, "USD/1M tokens"),
        },
    ),
    (
        "Chinese models processed 4.12 trillion tokens, while US models processed 2.94 trillion.",
        {
            ("token_volume", "Chinese models", 4.12e12, "tokens"),
            ("token_volume", "US models", 2.94e12, "tokens"),
        },
    ),
    (
        "Chinese models officially surpassed US models with an astonishing call volume of 4.12 "
        "trillion Tokens, compared with 2.94 trillion Tokens of US models during the same period.",
        {
            ("token_volume", "Chinese models", 4.12e12, "tokens"),
            ("token_volume", "US models", 2.94e12, "tokens"),
        },
    ),
    (
        "For the week of February 16-22, 2026, Chinese models accounted for 61% of global calls "
        "on the platform.",
        {("share", "Chinese models", 61, "%")},
    ),
    (
        "Four of the top five most-called models were Chinese: MiniMax's M2.5, Moonshot AI's "
        "Kimi K2.5, DeepSeek's V3.2, and Zhipu AI's GLM-5.",
        {("ranking", "Chinese models", 5, "rank")},
    ),
    (
        "The top three spots are MiniMax M2.5, Kimi K2.5 and GLM-5.",
        {
            ("ranking", "MiniMax M2.5", 1, "rank"),
            ("ranking", "Kimi K2.5", 2, "rank"),
            ("ranking", "GLM-5", 3, "rank"),
        },
    ),
    (
        "Alibaba Qwen's total token call volume ranks second globally, second only to DeepSeek.",
        {("ranking", "Qwen", 2, "rank")},
    ),
    (
        "Weekly token usage of Chinese models reached 9.8 × 10^13 tokens, surpassing the US for "
        "the fifth consecutive week.",
        {
            ("token_volume", "Chinese models", 9.8e13, "tokens"),
            ("streak", "Chinese models", 5, "weeks"),
        },
    ),
    (
        "DeepSeek cut input prices for V3.2 by 50%.",
        {("change", "DeepSeek V3.2", -50, "%")},
    ),
    (
        "Electricity costs are estimated at 30-40% below U.S. levels.",
        set(),  # a range is not one figure to check
    ),
    (
        "| Rank | Model | Vendor | Tokens (week) | Change WoW |\n"
        "| 1 | MiniMax M2.5 | MiniMax | 2.31T | +10% |",
        {
            ("ranking", "MiniMax M2.5", 1, "rank"),
            ("token_volume", "MiniMax M2.5", 2.31e12, "tokens"),
            ("change", "MiniMax M2.5", 10, "%"),
        },
    ),
    # Chinese
    (
        "就在前一周（2月9日至15日），中国模型以4.12万亿Token的周调用量首次超过美国模型的2.94万亿Token。",
        {
            ("token_volume", "Chinese models", 4.12e12, "tokens"),
            ("token_volume", "US models", 2.94e12, "tokens"),
        },
    ),
    (
        "阿里新发布的Qwen 3.5输入价格约为0.11美元/百万tokens，约为谷歌Gemini的十八分之一。",
        {("price", "Qwen 3.5", 0.11, "USD/1M tokens"), ("change", "Qwen 3.5", 0.0556, "x")},
    ),
    (
        "前五名中有四个是国产模型：MiniMax的M2.5、月之暗面的Kimi K2.5、智谱GLM-5和DeepSeek V3.2。",
        {("ranking", "Chinese models", 5, "rank")},
    ),
    (
        "MiniMax M2.5位列第一，Kimi K2.5排名第二。",
        {("ranking", "MiniMax M2.5", 1, "rank"), ("ranking", "Kimi K2.5", 2, "rank")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_sentence_claims(text: str, expected: set[tuple[str, str, float, str]]) -> None:
    assert _facts(extract(text, dt.date(2026, 3, 2))) == expected


def test_set_claim_names_its_members() -> None:
    [claim] = extract(
        "Four of the top five most-called models were Chinese: MiniMax's M2.5, "
        "Moonshot AI's Kimi K2.5, DeepSeek's V3.2, and Zhipu AI's GLM-5."
    )
    assert claim.qualifier == "at_most"
    assert claim.attributes["count"] == 4
    assert claim.attributes["set"] == ["MiniMax M2.5", "Kimi K2.5", "DeepSeek V3.2", "GLM-5"]


def test_ratio_names_what_it_compares() -> None:
    claims = extract(
        "For input tokens, MiniMax M2.5 and Zhipu GLM-5 are priced at $0.3 per "
        "million tokens. In contrast, Anthropic's Claude Opus 4.6 charges $5, "
        "roughly 16.7 times higher."
    )
    [ratio] = [c for c in claims if c.kind == "change"]
    assert ratio.attributes["compared_to"] == ["MiniMax M2.5", "GLM-5"]
    assert ratio.attributes["measure"] == "price"
    [claude] = [c for c in claims if c.kind == "price" and c.subject == "Claude Opus 4.6"]
    assert claude.value == 5 and claude.unit == "USD/1M tokens"
    assert claude.attributes["direction"] == "input"


def test_periods_follow_the_text() -> None:
    text = (
        "In February, there was a surge. During the week from the 9th to the 15th, Chinese "
        "models had a call volume of 4.12 trillion Tokens, exceeding the 2.94 trillion "
        "Tokens of US models during the same period. By mid-February 2026 it had soared."
    )
    claims = {c.subject: c for c in extract(text)}
    week = (dt.date(2026, 2, 9), dt.date(2026, 2, 15))
    assert (claims["Chinese models"].period.start, claims["Chinese models"].period.end) == week
    assert (claims["US models"].period.start, claims["US models"].period.end) == week
    assert claims["US models"].period.text == "during the same period"


def test_relative_period_needs_a_publication_date() -> None:
    text = "Chinese models processed 5.16 trillion tokens last week."
    [undated] = extract(text)
    assert undated.period.resolution == "unresolved" and undated.period.start is None
    [dated] = extract(text, dt.date(2026, 2, 25))
    assert (dated.period.start, dated.period.end) == (dt.date(2026, 2, 16), dt.date(2026, 2, 22))


def test_spans_index_the_figure() -> None:
    text = "Seed 001 writes 3.2\u202ftrillion tokens for Tencent Hunyuan 3.0 in a week."
    [claim] = extract(text)
    assert text[claim.span[0] : claim.span[1]].startswith("3.2\u202ftrillion")
    assert claim.quote == text
