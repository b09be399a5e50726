"""How values, periods and slots read in reports: phrase -> expected words, one row each."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from claimcheck.models import Article, Claim, Period
from claimcheck.report.build import Figure, independence_of
from claimcheck.report.wording import (
    factor_words,
    kind_words,
    outlet_words,
    period_words,
    plain_number,
    printable,
    published_words,
    slot_words,
    value_words,
)

D = dt.date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (4.12, "4.12"),
        (0.0556, "0.0556"),
        (1240.0, "1,240"),
        (127.5, "127.5"),
        (-12.0, "-12"),
        (0.000012, "0.000012"),
        (12345.678, "12,345.68"),
        (5e14, "500,000,000,000,000"),
    ],
)
def test_plain_number(value: float, expected: str) -> None:
    assert plain_number(value) == expected


@pytest.mark.parametrize(
    ("value", "unit", "kind", "qualifier", "expected"),
    [
        (4.12e12, "tokens", "token_volume", "exact", "4.12 trillion tokens"),
        (9.8e13, "tokens", "token_volume", "exact", "98 trillion tokens"),
        (1.4e11, "tokens", "token_volume", "approx", "about 140 billion tokens"),
        (1.469e13, "tokens", "token_volume", "at_least", "at least 14.69 trillion tokens"),
        (1.4e8, "tokens", "token_volume", "exact", "140 million tokens"),
        (950_000.0, "tokens", "token_volume", "exact", "950,000 tokens"),
        (2.0e18, "tokens", "token_volume", "exact", "2,000 quadrillion tokens"),
        (0.3, "USD/1M tokens", "price", "exact", "$0.30 per 1M tokens"),
        (2.0, "USD/1M tokens", "price", "at_most", "at most $2 per 1M tokens"),
        (0.0556, "USD/1M tokens", "price", "exact", "$0.0556 per 1M tokens"),
        (1.0, "CNY/1M tokens", "price", "exact", "\u00a51 per 1M tokens"),
        (61.0, "%", "share", "exact", "61%"),
        (127.0, "%", "change", "exact", "+127%"),
        (-12.0, "%", "change", "exact", "-12%"),
        (10.0, "x", "change", "approx", "about +10\u00d7"),
        (0.0556, "x", "quantity", "exact", "0.0556\u00d7"),
        (1.0, "rank", "ranking", "exact", "#1"),
        (3.0, "weeks", "streak", "exact", "3 weeks"),
        (5e6, "developers", "quantity", "at_least", "at least 5 million developers"),
        (47.17, "km", "quantity", "exact", "47.17 km"),
    ],
)
def test_value_words(value: float, unit: str, kind: str, qualifier: str, expected: str) -> None:
    assert value_words(value, unit, kind, qualifier) == expected


@pytest.mark.parametrize(
    ("stated", "expected", "words"),
    [
        (9.8e13, 9.8e12, "10"),
        (1.4e14, 1.4e11, "1,000"),
        (1.4e11, 1.4e14, "1,000"),
        (5e21, 5e12, "10^9"),
        (0.0556, 0.02, "2.78"),
        (0.0, 1.0, "an unknown factor"),
    ],
)
def test_factor_words(stated: float, expected: float, words: str) -> None:
    assert factor_words(stated, expected) == words


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        (Period(start=D(2026, 2, 16), end=D(2026, 2, 22), granularity="week",
                resolution="explicit"), "week of 16\u201322 Feb 2026"),
        (Period(start=D(2026, 2, 23), end=D(2026, 3, 1), granularity="week",
                resolution="explicit"), "week of 23 Feb \u2013 1 Mar 2026"),
        (Period(start=D(2025, 12, 29), end=D(2026, 1, 4), granularity="week",
                resolution="relative"), "week of 29 Dec 2025 \u2013 4 Jan 2026"),
        (Period(start=D(2026, 2, 1), end=D(2026, 2, 28), granularity="month",
                resolution="explicit"), "Feb 2026"),
        (Period(start=D(2024, 2, 1), end=D(2024, 2, 29), granularity="month",
                resolution="explicit"), "Feb 2024"),
        (Period(start=D(2025, 12, 1), end=D(2025, 12, 31), resolution="explicit"), "Dec 2025"),
        (Period(start=D(2026, 1, 1), end=D(2026, 3, 31), granularity="quarter",
                resolution="explicit"), "Q1 2026"),
        (Period(start=D(2025, 1, 1), end=D(2025, 12, 31), granularity="year",
                resolution="explicit"), "2025"),
        (Period(start=D(2026, 2, 20), end=D(2026, 2, 20), granularity="day",
                resolution="explicit"), "20 Feb 2026"),
        (Period(start=D(2026, 2, 20), end=D(2026, 2, 20), granularity="day",
                resolution="inferred"), "20 Feb 2026 (inferred)"),
        (Period(start=D(2026, 2, 10), end=D(2026, 2, 20), resolution="fuzzy"),
         "10\u201320 Feb 2026 (approximate)"),
        (Period(start=D(2025, 3, 3), resolution="explicit"), "from 3 Mar 2025"),
        (Period(end=D(2026, 2, 15), resolution="explicit"), "until 15 Feb 2026"),
        (Period(granularity="total"), "in total"),
        (Period(text="last week"), "\u201clast week\u201d (date not resolved)"),
        (Period(), "period not stated"),
        # must not read as "week of": a weekly figure over a longer span says the span
        (Period(start=D(2025, 1, 1), end=D(2025, 12, 31), granularity="week",
                resolution="explicit"), "2025"),
        (Period(start=D(2026, 2, 1), end=D(2026, 2, 28), granularity="week",
                resolution="explicit"), "Feb 2026"),
        # must not read as a month: a 31-day span that is not a calendar month
        (Period(start=D(2026, 1, 15), end=D(2026, 2, 14), resolution="explicit"),
         "15 Jan \u2013 14 Feb 2026"),
        # must not read as a year: a span that ends on 31 Dec of another year
        (Period(start=D(2024, 1, 1), end=D(2025, 12, 31), resolution="explicit"),
         "1 Jan 2024 \u2013 31 Dec 2025"),
    ],
)
def test_period_words(period: Period, expected: str) -> None:
    assert period_words(period) == expected


def _claim(**fields: Any) -> Claim:
    base: dict[str, Any] = {
        "id": "c", "article_id": "a", "kind": "token_volume", "subject": "Chinese models",
        "subject_text": "Chinese models", "value": 1.0, "unit": "tokens", "quote": "q",
        "span": (0, 1), "confidence": 1.0,
    }
    base.update(fields)
    return Claim(**base)


WEEK = Period(start=D(2026, 2, 16), end=D(2026, 2, 22), granularity="week",
              resolution="explicit")


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"period": WEEK}, "Chinese models, weekly token volume, week of 16\u201322 Feb 2026"),
        ({"kind": "price", "subject": "MiniMax M2.5", "unit": "USD/1M tokens",
          "attributes": {"direction": "input", "currency": "USD"}},
         "MiniMax M2.5, input price (USD), period not stated"),
        ({"kind": "price", "subject": "DeepSeek V3", "unit": "USD/1M tokens",
          "attributes": {"direction": "cache_hit"}},
         "DeepSeek V3, cache-hit input price, period not stated"),
        ({"kind": "ranking", "subject": "MiniMax M2.5", "unit": "rank",
          "attributes": {"scope": "OpenRouter weekly"}, "period": WEEK},
         "MiniMax M2.5, weekly rank in OpenRouter weekly, week of 16\u201322 Feb 2026"),
        ({"kind": "share", "unit": "%", "attributes": {"of": "global calls"}},
         "Chinese models, share of global calls, period not stated"),
        ({"kind": "change", "unit": "%", "attributes": {"basis": "week_over_week"}},
         "Chinese models, change week over week, period not stated"),
        ({"kind": "change", "unit": "%", "attributes": {"basis": "since:2025-03-03"}},
         "Chinese models, change since 2025-03-03, period not stated"),
        ({"kind": "change", "unit": "x", "attributes": {"basis": "1825 days"}},
         "Chinese models, change over 5 years, period not stated"),
        ({"kind": "change", "unit": "%", "attributes": {"basis": "21 days"}},
         "Chinese models, change over 21 days, period not stated"),
        ({"kind": "change", "unit": "%", "attributes": {"basis": "cagr"}},
         "Chinese models, change compound annual rate, period not stated"),
        ({"kind": "quantity", "unit": "x"}, "Chinese models, figure (ratio), period not stated"),
        # an attribute that is not text is left out rather than printed as a Python repr
        ({"kind": "share", "unit": "%", "attributes": {"of": {"nested": 1}}},
         "Chinese models, share, period not stated"),
    ],
)
def test_slot_words(fields: dict[str, Any], expected: str) -> None:
    assert slot_words(_claim(**fields)) == expected


def test_kind_words_without_attributes_drops_their_parts() -> None:
    assert kind_words(_claim(kind="price", unit="USD/1M tokens")) == "price"


@pytest.mark.parametrize(
    ("meta", "outlet", "published"),
    [
        ({"source": "National Business Daily", "published": D(2026, 3, 2),
          "published_origin": "metadata"}, "National Business Daily", "2026-03-02"),
        ({"url": "https://www.nbd.com.cn/a/1.html", "published": D(2026, 3, 2),
          "published_origin": "inferred"}, "nbd.com.cn", "2026-03-02 (inferred)"),
        ({"title": "A blog post"}, "A blog post", "undated"),
        ({}, "unknown outlet", "undated"),
    ],
)
def test_outlet_and_published(meta: dict[str, Any], outlet: str, published: str) -> None:
    article = Article(id="a", text="t", **meta)
    assert outlet_words(article) == outlet
    assert published_words(article) == published


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("\x1b[2Jcleared", "\ufffd[2Jcleared"),
        ("line\nbreak\ttab", "line break tab"),
        ("bell\x07", "bell\ufffd"),
        ("c1\x9bcontrol", "c1\ufffdcontrol"),
        ("\u4e2d\u6587\u202f3.2", "\u4e2d\u6587\u202f3.2"),
    ],
)
def test_printable(text: str, expected: str) -> None:
    assert printable(text) == expected


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        ("A. Chinese models hit 4.12 trillion tokens. B.", "4.12 trillion",
         ("Chinese models hit ", "4.12 trillion", " tokens.")),
        # the same figure twice: the span, not a search, decides which one is marked
        ("Up 5% then 5% more. X.", "5%", ("Up 5% then ", "5%", " more.")),
    ],
)
def test_figure_is_split_by_span(text: str, figure: str, expected: tuple[str, str, str]) -> None:
    start = text.rindex(figure) if text.count(figure) > 1 else text.index(figure)
    quote = expected[0] + expected[1] + expected[2]
    claim = _claim(quote=quote, span=(start, start + len(figure)))
    assert Figure(claim, Article(id="a", text=text)).quote_parts() == expected


def test_quote_without_article_is_not_highlighted() -> None:
    claim = _claim(quote="Chinese models hit 4.12 trillion.", span=(100, 104))
    assert Figure(claim, None).quote_parts() == ("Chinese models hit 4.12 trillion.", "", "")


def test_long_quote_is_shortened_around_the_figure() -> None:
    text = "word " * 200 + "4.12 trillion" + " word" * 200
    claim = _claim(quote=text, span=(1000, 1013))
    before, figure, after = Figure(claim, Article(id="a", text=text)).quote_parts(limit=80)
    assert figure == "4.12 trillion"
    assert before.startswith("\u2026") and after.endswith("\u2026")
    assert len(before) + len(after) <= 80


@pytest.mark.parametrize(
    ("copies", "sources", "expected"),
    [
        ({}, {}, (3, 3)),
        ({"a": ["b"], "b": ["a"]}, {}, (3, 2)),
        # copying through an article outside the discrepancy still links a and c
        ({"a": ["x"], "x": ["a", "c"], "c": ["x"]}, {}, (3, 2)),
        ({}, {"a": "Reuters", "b": "reuters"}, (3, 2)),
        ({"a": ["b"], "b": ["a", "c"], "c": ["b"]}, {}, (3, 1)),
    ],
)
def test_independence(copies: dict[str, list[str]], sources: dict[str, str],
                      expected: tuple[int, int]) -> None:
    articles = {a: Article(id=a, text="t", source=sources.get(a)) for a in "abc"}
    found = independence_of(["a", "b", "c"], copies, articles)
    assert (found.sources, found.independent) == expected


@pytest.mark.parametrize(
    ("ids", "words"),
    [(["a"], "1 source"), (["a", "b"], "2 sources, 1 independent")],
)
def test_independence_words(ids: list[str], words: str) -> None:
    articles = {a: Article(id=a, text="t") for a in ids}
    assert independence_of(ids, {"a": ["b"], "b": ["a"]}, articles).words() == words
