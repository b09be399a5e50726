"""Table-driven tests for figure recognition (claimcheck.extract.numbers).

Each row: phrase -> the figures expected, as (value, unit, qualifier, attributes-subset).
Adding a phrasing is adding a row.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

from claimcheck.extract.numbers import find_figures, has_figure, parse_number

Row = tuple[float, str, str, dict[str, Any]]


def _check(text: str, expected: list[Row]) -> None:
    figs = find_figures(text)
    got = [(f.value, f.unit, f.qualifier, f.attributes) for f in figs]
    assert len(figs) == len(expected), f"{text!r}: {got}"
    for fig, (value, unit, qualifier, attrs) in zip(figs, expected, strict=True):
        assert fig.value == pytest.approx(value, rel=1e-3), (text, got)
        assert fig.unit == unit, (text, got)
        assert fig.qualifier == qualifier, (text, got)
        for key, want in attrs.items():
            if want is None:
                assert key not in fig.attributes, (text, got)
            else:
                assert fig.attributes.get(key) == want, (text, key, got)
        assert text[fig.start : fig.end] == fig.text


# --------------------------------------------------------------------------------------------
# parse_number
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4.12", 4.12),
        ("3,294", 3294.0),
        ("一百四十亿", 1.4e10),
        ("４．１２", 4.12),
        ("1.5 × 10^14", 1.5e14),
        ("9.8 x 10^13", 9.8e13),
        ("1.5×10¹⁴", 1.5e14),
        ("10^13", 1e13),
        ("4.12万亿", 4.12e12),
        ("2.8 trillion", 2.8e12),
        ("两千", 2000.0),
        ("十万", 1e5),
        ("百万", 1e6),
        ("三亿五千万", 3.5e8),
        ("一千零一", 1001.0),
        ("三点五", 3.5),
        ("twenty-five", 25.0),
        ("one million", 1e6),
        ("-12", -12.0),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "GPT", "4.12 widgets", "万一x"])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


# --------------------------------------------------------------------------------------------
# Scales and token volumes
# --------------------------------------------------------------------------------------------

SCALES: list[tuple[str, list[Row]]] = [
    ("4.12 trillion", [(4.12e12, "", "exact", {"scale": "trillion"})]),
    ("4.12T", [(4.12e12, "", "exact", {"scale": "trillion"})]),
    ("2.45 trillion-token", [(2.45e12, "tokens", "exact", {})]),
    (
        "140 billion (roughly 0.14 trillion)",
        [(1.4e11, "", "exact", {}), (1.4e11, "", "approx", {})],
    ),
    ("1.5 × 10^14", [(1.5e14, "", "exact", {})]),
    ("9.8 x 10^13 tokens", [(9.8e13, "tokens", "exact", {})]),
    ("1.5×10¹⁴", [(1.5e14, "", "exact", {})]),
    ("5.59 trillion", [(5.59e12, "", "exact", {})]),
    ("13.95 trillion Tokens", [(1.395e13, "tokens", "exact", {})]),
    ("0.8 trillion", [(8e11, "", "exact", {})]),
    ("over 14.69 trillion", [(1.469e13, "", "at_least", {})]),
    # a verb after a figure names nothing counted
    ("while 25 trillion went to US models", [(2.5e13, "", "exact", {})]),
    ("~18 trillion", [(1.8e13, "", "approx", {})]),
    ("3,294 billion", [(3.294e12, "", "exact", {})]),
    ("1.2%", [(1.2, "%", "exact", {})]),
    ("52 k downloads", [(52e3, "count", "exact", {"noun": "downloads"})]),
    ("300 k developers", [(3e5, "count", "exact", {})]),
    ("1.4 million users", [(1.4e6, "count", "exact", {})]),
    ("3.2\u202ftrillion", [(3.2e12, "", "exact", {"scale": "trillion"})]),
    ("3.2\u202ftrillion tokens", [(3.2e12, "tokens", "exact", {})]),
    ("1 trillion-USD", [(1e12, "USD", "exact", {"currency": "USD"})]),
    ("4.12 trillion token", [(4.12e12, "tokens", "exact", {})]),
    ("more than 5 million developer users", [(5e6, "count", "at_least", {})]),
    ("one million GPUs", [(1e6, "count", "exact", {"noun": "GPUs"})]),
    ("200K context", [(2e5, "count", "exact", {"noun": "context"})]),
    # elliptic unit: the lead infers "tokens" from the list
    (
        "Tencent Hunyuan 3.0 (3.2 trillion tokens, +45 %), DeepSeek V4 (2.8 trillion, +33 %)",
        [
            (3.2e12, "tokens", "exact", {}),
            (45, "%", "exact", {"change": "increase"}),
            (2.8e12, "", "exact", {"scale": "trillion"}),
            (33, "%", "exact", {"change": "increase"}),
        ],
    ),
    ("the top ten models surpassed 28.7 trillion,",
     [(10, "top", "exact", {}), (2.87e13, "", "at_least", {})]),
    ("downloaded more than 700 million times", [(7e8, "count", "at_least", {"noun": "times"})]),
    # a slash between two volumes pairs them; after a price it names the price's base
    ("4.12T/2.94T tokens", [(4.12e12, "", "exact", {"scale": "trillion"}),
                            (2.94e12, "tokens", "exact", {})]),
    ("4.12 trillion / 2.94 trillion tokens", [(4.12e12, "", "exact", {"scale": "trillion"}),
                                              (2.94e12, "tokens", "exact", {})]),
]


@pytest.mark.parametrize(("text", "expected"), SCALES)
def test_scales(text: str, expected: list[Row]) -> None:
    _check(text, expected)


# --------------------------------------------------------------------------------------------
# Prices and money
# --------------------------------------------------------------------------------------------

USD_M = "USD/1M tokens"
CNY_M = "CNY/1M tokens"

PRICES: list[tuple[str, list[Row]]] = [
    ("$0.3 per million tokens", [(0.3, USD_M, "exact", {"currency": "USD", "per_tokens": 10**6})]),
    ("$0.30/M input tokens", [(0.3, USD_M, "exact", {"direction": "input"})]),
    ("$1.1 per million Tokens", [(1.1, USD_M, "exact", {})]),
    ("$0.002 per k token", [(2.0, USD_M, "exact", {"per_tokens": 1000})]),
    ("US$0.135 per million tokens", [(0.135, USD_M, "exact", {})]),
    ("¥2 per million tokens", [(2.0, CNY_M, "exact", {"currency": "CNY"})]),
    ("2 yuan per million tokens", [(2.0, CNY_M, "exact", {})]),
    ("$0.27/M in, $1.10/M out", [(0.27, USD_M, "exact", {"direction": "input"}),
                                  (1.1, USD_M, "exact", {"direction": "output"})]),
    # a conversion in parentheses is part of the figure, and the base after it is the price's
    ("4 yuan ($0.55) per million input tokens", [(4.0, CNY_M, "exact", {"direction": "input"})]),
    ("$0.55 (about 4 yuan) per million tokens", [(0.55, USD_M, "exact", {"currency": "USD"})]),
    ("每百万Token 4元（约0.55美元）", [(4.0, CNY_M, "exact", {"currency": "CNY"})]),
    # "从" before the base: the price a change starts from
    ("输入价格从每百万tokens 4元降至2元", [(4.0, CNY_M, "exact", {"change": "from"}),
                               (2.0, "CNY", "exact", {"change": "to"})]),
    ("$1 billion (7.2 billion yuan)", [(1e9, "USD", "exact", {})]),
    (
        "$5 (input) and $25 (output)",
        [
            (5, "USD", "exact", {"direction": "input", "currency": "USD", "per_tokens": None}),
            (25, "USD", "exact", {"direction": "output", "per_tokens": None}),
        ],
    ),
    (
        "$5 (input) and $25 (output) per million tokens",
        [
            (5, USD_M, "exact", {"direction": "input", "base_inferred": True}),
            (25, USD_M, "exact", {"direction": "output", "per_tokens": 10**6}),
        ],
    ),
    ("$0.11 per million tokens for input", [(0.11, USD_M, "exact", {"direction": "input"})]),
    ("€0.5 per 1K tokens", [(500.0, "EUR/1M tokens", "exact", {"per_tokens": 1000})]),
    ("$2.50 per 1M output tokens", [(2.5, USD_M, "exact", {"direction": "output"})]),
    ("0.3美元/百万tokens", [(0.3, USD_M, "exact", {})]),
    ("每百万Token 0.3美元", [(0.3, USD_M, "exact", {"per_tokens": 10**6})]),
    ("输入价格为2元/百万tokens", [(2.0, CNY_M, "exact", {"direction": "input"})]),
    ("每千tokens 0.002美元", [(2.0, USD_M, "exact", {"per_tokens": 1000})]),
    ("输出价格8元", [(8.0, "CNY", "exact", {"direction": "output", "per_tokens": None})]),
    (
        "input $0.002 per k token, output $0.008 per k token",
        [(2.0, USD_M, "exact", {"direction": "input"}),
         (8.0, USD_M, "exact", {"direction": "output"})],
    ),
    ("缓存命中输入价格为0.5元/百万tokens", [(0.5, CNY_M, "exact", {"direction": "cache_hit"})]),
    ("input tokens now cost 27 cents per million tokens", [(0.27, USD_M, "exact", {})]),
    ("$0.30/M", [(0.3, USD_M, "exact", {})]),  # per million tokens, not per metre
    ("$5/month", [(5, "USD", "exact", {})]),
    ("$2/1M tokens", [(2.0, USD_M, "exact", {"per_tokens": 10**6})]),
    # a slash pair of prices takes the slash pair of directions after it, in order
    (
        "$0.28/$0.42 per million input/output tokens",
        [(0.28, "USD", "exact", {"direction": "input"}),
         (0.42, USD_M, "exact", {"direction": "output"})],
    ),
    (
        "$0.28 / $0.42 per million tokens (output/input)",
        [(0.28, "USD", "exact", {"direction": "output"}),
         (0.42, USD_M, "exact", {"direction": "input"})],
    ),
    # money amounts
    ("US$5 billion", [(5e9, "USD", "exact", {"currency": "USD"})]),
    ("8 trillion CNY", [(8e12, "CNY", "exact", {})]),
    ("1 million CNY", [(1e6, "CNY", "exact", {})]),
    ("800 billion-USD", [(8e11, "USD", "exact", {})]),
    ("$800 million", [(8e8, "USD", "exact", {})]),
    ("10亿元", [(1e9, "CNY", "exact", {})]),
    ("5亿美元", [(5e8, "USD", "exact", {})]),
    ("超过8万亿元", [(8e12, "CNY", "at_least", {})]),
    # short direction words after an amount, before a list break
    (
        "GLM-5: $0.30 in / $2.55 out",
        [
            (0.30, "USD", "exact", {"direction": "input"}),
            (2.55, "USD", "exact", {"direction": "output"}),
        ],
    ),
    ("$0.30 in, $2.55 out", [
        (0.30, "USD", "exact", {"direction": "input"}),
        (2.55, "USD", "exact", {"direction": "output"}),
    ]),
    # must not: "in" before a noun is a preposition
    ("We spent $5 in March", [(5, "USD", "exact", {"direction": None})]),
    ("raised $5 in total", [(5, "USD", "exact", {"direction": None})]),
]


@pytest.mark.parametrize(("text", "expected"), PRICES)
def test_prices_and_money(text: str, expected: list[Row]) -> None:
    _check(text, expected)


# --------------------------------------------------------------------------------------------
# Percents and changes
# --------------------------------------------------------------------------------------------

PERCENTS: list[tuple[str, list[Row]]] = [
    ("+45 % week-over-week",
     [(45, "%", "exact", {"change": "increase", "basis_hint": "week_over_week"})]),
    ("–5 %", [(-5, "%", "exact", {"change": "decrease"})]),
    ("-12%", [(-12, "%", "exact", {"change": "decrease"})]),
    ("−4%", [(-4, "%", "exact", {"change": "decrease"})]),
    ("increased by 127%", [(127, "%", "exact", {"change": "increase"})]),
    ("a 127% increase", [(127, "%", "exact", {"change": "increase"})]),
    ("dropped 12%", [(-12, "%", "exact", {"change": "decrease"})]),
    ("fell 12%", [(-12, "%", "exact", {"change": "decrease"})]),
    ("下降12%", [(-12, "%", "exact", {"change": "decrease"})]),
    ("cut by 33%", [(-33, "%", "exact", {"change": "decrease"})]),
    ("declined about 9.33%", [(-9.33, "%", "approx", {"change": "decrease"})]),
    ("grew by 421%", [(421, "%", "exact", {"change": "increase"})]),
    ("up 40%", [(40, "%", "exact", {"change": "increase"})]),
    # a change, then the level it reached; close endpoints are a range
    ("share rose 3% to 61%", [(3, "%", "exact", {"change": "increase"}),
                              (61, "%", "exact", {"low": None})]),
    ("prices may fall 20% to 30%", [(-25, "%", "approx", {"low": 20.0, "high": 30.0})]),
    # units.json up_not_a_change_after: "up" ends a verb of its own
    ("they make up 40% of volume", [(40, "%", "exact", {"change": None})]),
    ("took up nearly 40 percent", [(40, "%", "approx", {"change": None})]),
    # a change verb then a bound word names a bounded level (units.json level_bounds)
    ("fell below 20%", [(20, "%", "at_most", {"change": "to"})]),
    ("份额跌破40%", [(40, "%", "at_most", {})]),  # fell below: a bound, not a change
    ("份额突破60%", [(60, "%", "at_least", {})]),
    ("rose above 50%", [(50, "%", "at_least", {"change": "to"})]),
    ("fell more than 12%", [(-12, "%", "at_least", {"change": "decrease"})]),  # must NOT
    ("增长127%", [(127, "%", "exact", {"change": "increase"})]),
    ("价格上调30%", [(30, "%", "exact", {"change": "increase"})]),
    ("1.09T (↓8%)", [(1.09e12, "", "exact", {}), (-8, "%", "exact", {"change": "decrease"})]),
    ("(▲12%)", [(12, "%", "exact", {"change": "increase"})]),
    ("has grown by a factor of 20", [(20, "x", "exact", {"change": "increase"})]),
    # a spelled fraction after a change word is a percent change, not a multiple
    ("usage fell by a third", [(-100 / 3, "%", "exact", {"change": "decrease"})]),
    ("rose by a quarter", [(25, "%", "exact", {"change": "increase"})]),
    ("was cut by two-thirds", [(-200 / 3, "%", "exact", {"change": "decrease"})]),
    ("fell by half", [(-50, "%", "exact", {"change": "decrease"})]),
    ("fell to a third of its peak", [(1 / 3, "x", "exact", {"change": "to"})]),  # must NOT
    ("cut its API prices in half", [(-50, "%", "exact", {"change": "decrease"})]),
    ("slashed prices by half", [(-50, "%", "exact", {"change": "decrease"})]),
    ("split in half", []),  # must NOT: no change word
    ("won by half", []),
    ("by half past nine", []),
    # "half a trillion" is half of it
    ("processed half a trillion tokens", [(5e11, "tokens", "exact", {})]),
    ("processed a trillion tokens", [(1e12, "tokens", "exact", {})]),
    ("a factor of about 2.5", [(2.5, "x", "approx", {})]),
    ("a factor of safety", []),
    # tenths (成): "六成以上" is over 60%, "下降了九成" a 90% fall
    ("占全球总量的六成以上", [(60, "%", "at_least", {})]),
    ("价格下降了九成", [(-90, "%", "exact", {"change": "decrease"})]),
    # a discount to N tenths of the price (折): "五折" is a 50% cut, "八五折" 15%
    ("享五折优惠", [(-50, "%", "exact", {"change": "decrease"})]),
    ("打八五折", [(-15, "%", "exact", {"change": "decrease"})]),
    ("低至2.5折", [(-75, "%", "exact", {"change": "decrease"})]),
    ("设备折旧", []),  # depreciation, not a discount
    ("调用量暴增300%", [(300, "%", "exact", {"change": "increase"})]),
    ("价格调低20%", [(-20, "%", "exact", {"change": "decrease"})]),
    ("环比增长45%",
     [(45, "%", "exact", {"change": "increase", "basis_hint": "period_over_period"})]),
    ("up 12% week on week", [(12, "%", "exact", {"basis_hint": "week_over_week"})]),
    ("61%", [(61, "%", "exact", {})]),
    ("百分之六十一", [(61, "%", "exact", {})]),
    ("６１％", [(61, "%", "exact", {})]),
    ("85.7%", [(85.7, "%", "exact", {})]),
    (">95 %", [(95, "%", "at_least", {})]),
    # an arrow is not "more than"
    ("4.12T -> 5.16T tokens", [(4.12e12, "", "exact", {}), (5.16e12, "tokens", "exact", {})]),
    ("61% => 65%", [(61, "%", "exact", {}), (65, "%", "exact", {})]),
    ("4.12T --> 5.16T", [(4.12e12, "", "exact", {}), (5.16e12, "", "exact", {})]),
    ("50 %+", [(50, "%", "at_least", {})]),
    ("nearly 70%", [(70, "%", "approx", {})]),
    ("almost 70%", [(70, "%", "approx", {})]),
    ("less than 20%", [(20, "%", "at_most", {})]),
    ("up to 80%", [(80, "%", "at_most", {})]),
    ("as high as 47.17%", [(47.17, "%", "exact", {})]),
    ("exceeded 50%", [(50, "%", "at_least", {})]),
    ("约80%", [(80, "%", "approx", {})]),
    ("47%左右", [(47, "%", "approx", {})]),
    ("30-40%", [(35, "%", "approx", {"low": 30, "high": 40})]),
    ("15‑20 %", [(17.5, "%", "approx", {"low": 15, "high": 20})]),
    ("from 5 % to 35 %",
     [(5, "%", "exact", {"change": "from"}), (35, "%", "exact", {"change": "to"})]),
    ("rose from 68.5 % to 82.3 %",
     [(68.5, "%", "exact", {"change": "from"}), (82.3, "%", "exact", {"change": "to"})]),
    ("fell 3.6% to 4.31 trillion",
     [(-3.6, "%", "exact", {"change": "decrease"}), (4.31e12, "", "exact", {})]),
    ("a 2.5 percentage point gain", [(2.5, "%", "exact", {"percentage_points": True})]),
    # a split of 100 is two shares, in order
    ("a 61/39 split", [(61, "%", "exact", {"split": 1}), (39, "%", "exact", {"split": 2})]),
    ("a 60-40 split", [(60, "%", "exact", {"split": 1}), (40, "%", "exact", {"split": 2})]),
    ("a 61/30 split", []),  # must NOT: not a whole
    ("a 10:30 split", []),
]


@pytest.mark.parametrize(("text", "expected"), PERCENTS)
def test_percents_and_changes(text: str, expected: list[Row]) -> None:
    _check(text, expected)


# --------------------------------------------------------------------------------------------
# Multiples and fractions
# --------------------------------------------------------------------------------------------

MULTIPLES: list[tuple[str, list[Row]]] = [
    ("a ten-fold increase", [(10, "x", "exact", {"change": "increase"})]),
    ("more than a ten - fold increase", [(10, "x", "at_least", {"change": "increase"})]),
    ("tenfold", [(10, "x", "exact", {})]),
    ("1,000-fold", [(1000, "x", "exact", {})]),
    ("370 - fold", [(370, "x", "exact", {})]),
    ("16.7 times higher", [(16.7, "x", "exact", {"comparison": "higher"})]),
    ("about 16.7 times that of", [(16.7, "x", "approx", {})]),
    ("22.7 times and 9.8 times", [(22.7, "x", "exact", {}), (9.8, "x", "exact", {})]),
    ("by about 1,000 times", [(1000, "x", "approx", {})]),
    ("up to 19 times", [(19, "x", "at_most", {})]),
    ("3 to 10 times", [(6.5, "x", "approx", {"low": 3, "high": 10})]),
    ("10x cheaper", [(10, "x", "exact", {"comparison": "cheaper"})]),
    ("three times higher", [(3, "x", "exact", {})]),
    ("doubling", [(2, "x", "exact", {"change": "increase"})]),
    ("almost doubling", [(2, "x", "approx", {})]),
    ("one-eighteenth the cost", [(1 / 18, "x", "exact", {})]),
    ("less than 1/10", [(0.1, "x", "at_most", {})]),
    ("a third", [(1 / 3, "x", "exact", {"fraction": True})]),
    ("two-thirds of users", [(2 / 3, "x", "exact", {"fraction": True})]),
    ("三分之一", [(1 / 3, "x", "exact", {"fraction": True})]),
    ("less than 1/5 of calls", [(0.2, "x", "at_most", {"fraction": True})]),
    # "N in M": a fraction, not a count of M
    ("one in every five tokens", [(0.2, "x", "exact", {"fraction": True})]),
    ("two out of three developers", [(2 / 3, "x", "exact", {"fraction": True})]),
    ("1 in 5 tokens", [(0.2, "x", "exact", {"fraction": True})]),
    ("three times higher than 2 in 2025", [(3, "x", "exact", {"fraction": None})]),
    ("十八分之一", [(1 / 18, "x", "exact", {})]),
    ("十倍", [(10, "x", "exact", {})]),
    ("1000倍", [(1000, "x", "exact", {})]),
    ("约为前者的26.7倍", [(26.7, "x", "approx", {})]),
    ("是DeepSeek的30多倍", [(30, "x", "at_least", {})]),  # thirty-odd times
    ("增长了10余倍", [(10, "x", "at_least", {})]),
    # a hedge before "X的" governs the multiple after it, past X's name and X's own figure in
    # brackets (the bracketed figure keeps its own reading)
    ("不到Claude Opus 4.6输出价格（２５美元）的二十分之一", [
        (25, "USD", "exact", {}), (0.05, "x", "at_most", {})]),
    ("少于GPT-5 (输出 10美元/百万tokens) 的十分之一", [
        (10, "USD/1M tokens", "exact", {}), (0.1, "x", "at_most", {})]),
    ("超过Claude Opus 4.6（２５美元）的两倍", [(25, "USD", "exact", {}), (2, "x", "at_least", {})]),
    ("逾GLM-5（2.55美元/百万tokens）的9.8倍", [
        (2.55, "USD/1M tokens", "exact", {}), (9.8, "x", "at_least", {})]),
    # must NOT: a hedge cut off by a comma, "仅为" (exact), a figure that is no multiple
    ("不到，Claude（２５美元）的二十分之一", [(25, "USD", "exact", {}), (0.05, "x", "exact", {})]),
    ("仅为GPT-5 (输出 10美元/百万tokens) 的十分之一", [
        (10, "USD/1M tokens", "exact", {}), (0.1, "x", "exact", {})]),
    ("超过美国模型的2.94万亿", [(2.94e12, "", "exact", {})]),
    ("翻倍", [(2, "x", "exact", {"change": "increase"})]),
    ("翻两番", [(4, "x", "exact", {})]),
]


@pytest.mark.parametrize(("text", "expected"), MULTIPLES)
def test_multiples(text: str, expected: list[Row]) -> None:
    _check(text, expected)


# --------------------------------------------------------------------------------------------
# Ranks, top-N and streaks
# --------------------------------------------------------------------------------------------

RANKS: list[tuple[str, list[Row]]] = [
    ("No. 1", [(1, "rank", "exact", {})]),
    ("No.1", [(1, "rank", "exact", {})]),
    ("rank 7", [(7, "rank", "exact", {})]),
    ("Rank: 3", [(3, "rank", "exact", {})]),
    ("ranked No. 2", [(2, "rank", "exact", {})]),
    ("ranks second", [(2, "rank", "exact", {})]),
    ("ranked 2nd", [(2, "rank", "exact", {})]),
    ("ranking first", [(1, "rank", "exact", {})]),
    ("dropped to fifth", [(5, "rank", "exact", {})]),
    # a rank reached by a move, with how far or not (units.json rank_move_verbs, _steps)
    ("slipped two places to fifth", [(5, "rank", "exact", {})]),
    ("climbed to 4th", [(4, "rank", "exact", {})]),
    ("was up three spots to second", [(2, "rank", "exact", {})]),
    ("edged down a notch to the sixth", [(6, "rank", "exact", {})]),
    ("second only to DeepSeek", [(2, "rank", "exact", {})]),
    # an ordinal before a place noun (units.json rank_place_nouns)
    ("which was 23rd place", [(23, "rank", "exact", {})]),
    ("took the fourth spot", [(4, "rank", "exact", {})]),
    ("moved into 2nd position", [(2, "rank", "exact", {})]),
    ("the second-largest", [(2, "rank", "exact", {})]),
    ("quickly topped the weekly call volume list", [(1, "rank", "exact", {"topped": True})]),
    # units.json rank_top_verbs before a list noun, rank_one_before_place, rank_second
    ("led the chart", [(1, "rank", "exact", {"topped": True})]),
    ("headed the weekly token rankings", [(1, "rank", "exact", {"topped": True})]),
    ("sat atop the leaderboard", [(1, "rank", "exact", {"topped": True})]),
    ("stayed at the top of the OpenRouter chart", [(1, "rank", "exact", {"topped": True})]),
    ("took the top spot", [(1, "rank", "exact", {})]),
    ("the number-one position", [(1, "rank", "exact", {})]),
    ("was the runner-up", [(2, "rank", "exact", {})]),
    # a usage superlative before a singular model (units.json rank_one_superlatives)
    ("the single most-used model", [(1, "rank", "exact", {})]),
    ("the most popular Chinese model", [(1, "rank", "exact", {"among": "chinese models"})]),
    ("上周调用量最高的模型", [(1, "rank", "exact", {})]),
    ("蝉联周榜冠军", [(1, "rank", "exact", {"topped": True})]),
    ("最受欢迎的国产模型", [(1, "rank", "exact", {"among": "国产模型"})]),
    ("the top three", [(3, "top", "exact", {})]),
    ("Chinese models top 5 trillion tokens", [(5e12, "tokens", "exact", {})]),  # a verb
    ("Kimi K2.5 tops 1 trillion tokens", [(1e12, "tokens", "at_least", {})]),
    ("its weekly volume crossed 13 trillion tokens", [(1.3e13, "tokens", "at_least", {})]),
    ("Americans accounted for nearly half.", [(50, "%", "approx", {"half": True})]),
    ("six of the 10 most popular models", [(10, "top", "exact", {})]),
    ("the five most-used AI models", [(5, "top", "exact", {})]),
    ("top five", [(5, "top", "exact", {})]),
    ("Top 5", [(5, "top", "exact", {})]),
    ("top ten", [(10, "top", "exact", {})]),
    ("Top10", [(10, "top", "exact", {})]),
    ("第一", [(1, "rank", "exact", {})]),
    ("排名第二", [(2, "rank", "exact", {})]),
    # ranks listed after a "respectively" verb, each its own figure
    ("分列二、三位", [(2, "rank", "exact", {}), (3, "rank", "exact", {})]),
    ("分别位列第二、第三和第四", [(2, "rank", "exact", {}), (3, "rank", "exact", {}),
                          (4, "rank", "exact", {})]),
    ("位列第一", [(1, "rank", "exact", {})]),
    ("前五名", [(5, "top", "exact", {})]),
    ("前十", [(10, "top", "exact", {})]),
    ("调用量最高的20个模型", [(20, "top", "exact", {})]),
    ("for the fifth consecutive week", [(5, "weeks", "exact", {"streak": True})]),
    # a run that ended (units.json run_ended_verbs, rank_place_lost)
    ("ending a six-week run at No. 1",
     [(6, "weeks", "exact", {"streak": True, "ended": True}), (1, "rank", "exact", {})]),
    ("its six-week streak at the top", [(6, "weeks", "exact", {"streak": True, "ended": None})]),
    ("lost the top spot after six weeks", [(6, "weeks", "exact", {"ended": True})]),
    # units.json run_top_places: a fall after weeks at the top ended a run at No. 1
    ("slipped to No. 3 after four weeks at the top",
     [(3, "rank", "exact", {}), (4, "weeks", "exact", {"ended": True})]),
    ("fell to third after three straight weeks on top",
     [(3, "rank", "exact", {}), (3, "weeks", "exact", {"ended": True})]),
    ("after four weeks at the top, it still leads", []),  # must NOT: no fall
    ("five weeks in a row", [(5, "weeks", "exact", {"streak": True})]),
    # an ordinal span after a lead verb is a run; alone it is "again"
    ("extend lead on OpenRouter for a second week", [(2, "weeks", "exact", {"streak": True})]),
    ("prices fell for a second week", []),
    ("for a third straight week", [(3, "weeks", "exact", {"streak": True})]),
    ("three weeks running", [(3, "weeks", "exact", {"streak": True})]),
    ("连续五周", [(5, "weeks", "exact", {"streak": True})]),
    ("连续3个月", [(3, "months", "exact", {"streak": True})]),
    # a span of time after a lead verb and "for" is a streak (units.json streak_verbs)
    ("have led global token usage for five weeks", [(5, "weeks", "exact", {"streak": True})]),
    ("has led U.S. models for 3 weeks", [(3, "weeks", "exact", {"streak": True})]),
    ("dominated the rankings for the past two months", [
        (2, "months", "exact", {"streak": True})]),
    (
        "has topped the chart for 6 weeks",
        [(1, "rank", "exact", {"topped": True}), (6, "weeks", "exact", {"streak": True})],
    ),
    ("MiniMax M2.5已霸榜五周", [(5, "weeks", "exact", {"streak": True})]),
    (
        "登顶了三周",
        [(1, "rank", "exact", {"topped": True}), (3, "weeks", "exact", {"streak": True})],
    ),
    # must NOT: a span without a lead verb, a verb in another clause, years, a gap ahead
    ("has been available for 5 weeks", [(5, "weeks", "exact", {"streak": None})]),
    ("It led the market. For 5 weeks nothing moved", [(5, "weeks", "exact", {"streak": None})]),
    ("led the company for five years", []),
    ("led, for five weeks", []),
    ("领先美国三个月", []),
    # rank 1 without a number: a lead verb right before a streak, Chinese top-spot words
    (
        "led for a fifth straight week",
        [(1, "rank", "exact", {"topped": True}), (5, "weeks", "exact", {"streak": True})],
    ),
    (
        "first for the fifth week in a row",
        [(1, "rank", "exact", {"topped": True}), (5, "weeks", "exact", {"streak": True})],
    ),
    (
        "topped for a second consecutive week",
        [(1, "rank", "exact", {"topped": True}), (2, "weeks", "exact", {"streak": True})],
    ),
    ("上线第二周即登顶", [(1, "rank", "exact", {"topped": True})]),
    ("登上榜首", [(1, "rank", "exact", {"topped": True})]),
    ("位居榜首", [(1, "rank", "exact", {"topped": True})]),
    # a streak whose unit comes from an adjective
    ("its third weekly gain in a row", [(3, "weeks", "exact", {"streak": True})]),
    ("a second monthly decline in a row", [(2, "months", "exact", {"streak": True})]),
    # must not: "led"/"first" only count before a streak phrase
    ("He led the team for a decade", []),
    ("the first for a while", []),
    ("led the market", []),
    ("the third weekly report", []),
    ("why they chose it in the first place", []),  # an idiom, not a rank
    ("Google led the way", []),  # no list noun
    ("handing the top spot back to U.S. rivals", []),  # units.json rank_place_lost
    ("lost the top spot", []),
    ("one of the most-used models", []),  # one of several
    ("among the most popular model families", []),
    ("the most popular models", []),  # plural: a set
    ("the world's largest model aggregation platform", []),  # size, not usage
    ("调用量最高的模型之一", []),
    ("一成不变", []),  # an idiom (unchanged), "八成是" (most likely), "成本" (cost)
    ("他八成是忘了", []),
    ("据第一财经报道", []),  # a newspaper's name (units.json ordinal_not_rank_zh)
    ("after six weeks of testing", []),  # a span of time, not a run
    ("up to the fifth generation", []),  # "up"/"down" is a move only with how far
    ("a leading model on the chart", []),
    ("the top five models on the chart", [(5, "top", "exact", {})]),
    ("Claude topped 5 trillion tokens", [(5e12, "tokens", "at_least", {})]),
]


@pytest.mark.parametrize(("text", "expected"), RANKS)
def test_ranks_and_streaks(text: str, expected: list[Row]) -> None:
    _check(text, expected)


# --------------------------------------------------------------------------------------------
# Chinese numerals and scales
# --------------------------------------------------------------------------------------------

CHINESE: list[tuple[str, list[Row]]] = [
    ("4.12万亿Token", [(4.12e12, "tokens", "exact", {})]),
    ("5.16 万亿", [(5.16e12, "", "exact", {"scale": "trillion"})]),
    ("1400亿", [(1.4e11, "", "exact", {})]),
    ("1.4亿", [(1.4e8, "", "exact", {})]),
    ("超过14.69万亿", [(1.469e13, "", "at_least", {})]),
    ("约2.45万亿", [(2.45e12, "", "approx", {})]),
    ("一百四十亿", [(1.4e10, "count", "exact", {})]),
    ("两千", [(2000, "count", "exact", {})]),
    ("３．２万亿", [(3.2e12, "", "exact", {})]),
    ("十万", [(1e5, "count", "exact", {})]),
    ("百万个应用", [(1e6, "count", "exact", {})]),
    ("已服务超过5万家企业客户", [(5e4, "count", "at_least", {})]),
    ("拥有超过500万开发者用户", [(5e6, "count", "at_least", {"noun": "开发者"})]),
    ("超过一半的大模型调用", [(50, "%", "at_least", {"half": True})]),
    ("份额首次过半", [(50, "%", "at_least", {"half": True})]),
    ("美国用户占了将近一半", [(50, "%", "approx", {"half": True})]),
    ("不到一半", [(50, "%", "at_most", {"half": True})]),
    # must not: the percent in parentheses says it, the half is not a second figure
    ("美国人占了快一半（47%左右）", [(47, "%", "approx", {})]),
    ("10^12个Token", [(1e12, "tokens", "exact", {})]),
]


@pytest.mark.parametrize(("text", "expected"), CHINESE)
def test_chinese(text: str, expected: list[Row]) -> None:
    _check(text, expected)


# --------------------------------------------------------------------------------------------
# Must NOT parse (or must parse the right way)
# --------------------------------------------------------------------------------------------

NOTHING = [
    "Gemini 2.5 Pro",
    "GPT-4o",
    "GPT‑4o",
    "GLM-5",
    "GLM - 5 of Zhipu",
    "Kimi K2.5",
    "Qwen 3.5",
    "M2.5",
    "V3.2",
    "Llama 4",
    "Opus 4.6",
    "Claude Opus4.6",
    "Pangu 5.0",
    "SenseTime’s “Daily New” 6.0 medical-imaging module",
    "Grok 4",
    "Nvidia's H200",
    "2026",
    "In 2025, US models",
    "Feb. 26",
    "Feb. 26, 2026",
    "February 16-22",
    "February 16th, 2026",
    "March 3rd to 9th, 2025",
    "the 9th",
    "from the 9th to the 15th",
    "16 February 2026",
    "2026-02-16",
    "Q1 2026",
    "2月9日",
    "2026年2月",
    "2月16日-22日",
    "每日00:00至08:00",
    "1. Chinese Large Model",
    "  • 1China’s total",
    "  • 2Four Chinese large models",
    "11 min read",
    "0 followers",
    "3,214 人赞同了该回答",  # page furniture
    "in the second half of 2025",  # a bare half is no share
    "half an hour",
    "more than halfway there",
    "over half-time",
    "0 Comments",
    "24/7",
    "four of the",
    "three weeks",
    "the second half of 2025",
    "for the first time",
    "the 15‑year plan",
    "a one-week interruption",
    "第二周",
    "第三方平台",
    "一个模型",
    "统一",
    "十分重要",
    "万一",
    "千问",
    "几十万",
    "前两者",
    "Issue #14",
    "double-digit",
    "a third round",
    "5G sector",
    # a size hyphenated onto a name is part of the name
    "Zeta-9B",
    "Qwen-72B",
    "Ling-1T",
]


@pytest.mark.parametrize("text", NOTHING)
def test_must_not_parse(text: str) -> None:
    assert find_figures(text) == [], [(f.text, f.value, f.unit) for f in find_figures(text)]


@pytest.mark.parametrize("text", ["+4510^134.12", "1.5 × 10^400 tokens", "9^999"])
def test_a_power_beyond_float_range_is_noise_not_an_error(text: str) -> None:
    assert all("^" not in f.text for f in find_figures(text))


RIGHT_READING: list[tuple[str, list[Row]]] = [
    ("4.12T", [(4.12e12, "", "exact", {})]),  # a trillion, not tesla
    ("10^13", [(1e13, "", "exact", {})]),
    ("9.8 × 10^13", [(9.8e13, "", "exact", {})]),  # keeps its mantissa
    ("+45", [(45, "", "exact", {"change": "increase"})]),  # not the year 2045
    ("four of the top five", [(5, "top", "exact", {})]),
    ("Customer Service Rep 50 % (Q2 2026)", [(50, "%", "exact", {})]),
    ("8+ years", [(8, "years", "at_least", {})]),
    ("latency under 50 ms", [(50, "ms", "at_most", {})]),
    ("within 30 days", [(30, "days", "exact", {})]),
    ("3‑5 years", [(4, "years", "approx", {"low": 3, "high": 5})]),
    ("800 applications", [(800, "count", "exact", {"noun": "applications"})]),
    (
        "about 30 million monthly active users",
        [(3e7, "count", "approx", {"noun": "monthly active users"})],
    ),
    ("1.4T monthly", [(1.4e12, "", "exact", {})]),  # must not: 'monthly' alone counts nothing
    ("Over half of large model calls", [(50, "%", "at_least", {"half": True})]),
    ("nearly half the tokens", [(50, "%", "approx", {"half": True})]),
    ("20 %/80 % revenue split", [(20, "%", "exact", {}), (80, "%", "exact", {})]),
    ("dropped to 2.7 trillion Tokens", [(2.7e12, "tokens", "exact", {"change": "to"})]),
    ("2.94万亿Token。至此", [(2.94e12, "tokens", "exact", {})]),
    ("<td>25.00</td>", [(25, "", "exact", {})]),
    # must NOT: a size written apart from a name stays a figure
    ("Zeta-9B has 40B parameters", [(4e10, "count", "exact", {})]),
    ("a 9B model", [(9e9, "count", "exact", {})]),
]


@pytest.mark.parametrize(("text", "expected"), RIGHT_READING)
def test_right_reading(text: str, expected: list[Row]) -> None:
    _check(text, expected)


# --------------------------------------------------------------------------------------------
# Offsets, order, has_figure, speed
# --------------------------------------------------------------------------------------------


def test_offsets_index_the_original_text() -> None:
    text = "Chinese models hit ３．２万亿 tokens and 3.2\u202ftrillion tokens, up ６１％."
    figs = find_figures(text)
    assert [f.text for f in figs] == ["３．２万亿 tokens", "3.2\u202ftrillion tokens", "６１％"]
    assert all(text[f.start : f.end] == f.text for f in figs)
    assert [f.start for f in figs] == sorted(f.start for f in figs)
    assert all(a.end <= b.start for a, b in zip(figs, figs[1:], strict=False))


def test_span_covers_hedge_and_unit() -> None:
    (fig,) = find_figures("models of Chinese origin contributing over 14.69 trillion tokens.")
    assert fig.text == "over 14.69 trillion tokens"
    assert fig.decimals == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [("no numbers here", False), ("the top five", True), ("增长127%", True), ("４", True),
     ("一百", True), ("ten-fold", True), ("usage grew tenfold", True),
     ("Hundredfold.", True), ("", False)],
)
def test_has_figure(text: str, expected: bool) -> None:
    assert has_figure(text) is expected


@pytest.mark.parametrize(
    "text",
    ["1" * 50000, "$" * 50000, "1." * 20000, "(" * 20000, "trillion " * 10000, "1," * 20000,
     "top " * 10000, "一" * 50000, "a " * 20000, "No. " * 5000, "1-" * 10000, "1 to " * 5000,
     "每" * 30000, "1x10^" * 5000],
)
def test_pathological_inputs_are_fast(text: str) -> None:
    t0 = time.perf_counter()
    find_figures(text)
    assert time.perf_counter() - t0 < 2.0


def test_throughput() -> None:
    para = (
        "According to OpenRouter data, weekly token usage reached 9.8 × 10^13 tokens, surpassing "
        "the US for the fifth consecutive week. Tencent Hunyuan 3.0 (3.2 trillion tokens, +45 % "
        "week-over-week), DeepSeek V4 (2.8 trillion, +33 %). Pricing was cut by 33 %: input "
        "$0.002 per k token. 2月16日-22日当周中国模型调用量为5.16万亿Token，环比增长45%。 The "
        "model is priced at $0.3 per million tokens, roughly 16.7 times cheaper, in February.\n"
    )
    text = para * 200
    find_figures(para)
    t0 = time.perf_counter()
    figs = find_figures(text)
    rate = len(text) / (time.perf_counter() - t0)
    assert len(figs) >= 200 * 10
    assert rate > 100_000  # generous floor for slow CI; ~300k chars/s locally
