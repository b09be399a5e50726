"""Each discrepancy type fires on a realistic case and stays quiet on a consistent one."""

from __future__ import annotations

import datetime as dt
import random
import time
from typing import Any

import pytest

from claimcheck.extract import extract_claims
from claimcheck.ingest.text import article_id
from claimcheck.models import Article, Discrepancy
from claimcheck.reconcile import reconcile
from claimcheck.reconcile.arithmetic import span_years
from claimcheck.reconcile.facts import publication_window

try:
    from tests.test_reconcile_factory import (
        WEEK_FEB_02,
        WEEK_FEB_09,
        WEEK_FEB_16,
        WEEK_FEB_23,
        Desk,
        period,
        week,
    )
except ImportError:  # tests/ is not a package
    from test_reconcile_factory import (  # type: ignore[no-redef]
        WEEK_FEB_02,
        WEEK_FEB_09,
        WEEK_FEB_16,
        WEEK_FEB_23,
        Desk,
        period,
        week,
    )

CN, US = "Chinese models", "US models"


def nbd_week_figures(desk: Desk, article: str = "nbd") -> None:
    """National Business Daily's weekly OpenRouter figures (seed 003)."""
    desk.article(article, "National Business Daily")
    desk.claim(
        article,
        "token_volume",
        CN,
        2.27e12,
        "tokens",
        "2.27 trillion Tokens",
        "In the first week of February 2026 (from the 2nd to the 8th), the weekly call "
        "volume of Chinese models had jumped to 2.27 trillion Tokens.",
        when=week(WEEK_FEB_02),
    )
    desk.claim(
        article,
        "token_volume",
        CN,
        4.12e12,
        "tokens",
        "4.12 trillion Tokens",
        "Data from OpenRouter shows that during the week from the 9th to the 15th, "
        "Chinese models had a call volume of 4.12 trillion Tokens.",
        when=week(WEEK_FEB_09),
    )
    desk.claim(
        article,
        "token_volume",
        US,
        2.94e12,
        "tokens",
        "2.94 trillion Tokens",
        "Chinese models exceeded the 2.94 trillion Tokens of US models during the same period.",
        when=week(WEEK_FEB_09),
    )
    desk.claim(
        article,
        "token_volume",
        CN,
        5.16e12,
        "tokens",
        "5.16 trillion Tokens",
        "During the week from the 16th to the 22nd, the weekly call volume of Chinese "
        "models further soared to 5.16 trillion Tokens.",
        when=week(WEEK_FEB_16),
    )
    desk.claim(
        article,
        "token_volume",
        US,
        2.7e12,
        "tokens",
        "2.7 trillion Tokens",
        "The call volume of US models during the same period dropped to 2.7 trillion Tokens.",
        when=week(WEEK_FEB_16),
    )


def types(found: list[Discrepancy]) -> list[str]:
    return [d.type for d in found]


# --- value_mismatch ---------------------------------------------------------------------------


def test_value_mismatch_fires_and_names_both_outlets() -> None:
    desk = Desk()
    nbd_week_figures(desk)
    desk.article("wire", "Tech Wire")
    desk.claim(
        "wire",
        "token_volume",
        CN,
        4.8e12,
        "tokens",
        "4.8 trillion tokens",
        "Chinese models processed 4.8 trillion tokens in the week of February 16-22.",
        when=week(WEEK_FEB_16),
    )
    found = desk.of_type("value_mismatch")
    assert len(found) == 1
    d = found[0]
    assert d.status == "open" and d.severity == "high"
    assert set(d.article_ids) == {"nbd", "wire"}
    assert "Tech Wire" in d.explanation and "National Business Daily" in d.explanation
    assert "5.16 trillion" in d.explanation and "4.8 trillion" in d.explanation
    assert d.stated is not None and d.expected is not None
    assert desk.of_type("period_mismatch") == []


def test_hedged_and_rounded_figures_agree() -> None:
    desk = Desk()
    desk.article("a", "Outlet A")
    desk.article("b", "Outlet B")
    desk.claim(
        "a",
        "token_volume",
        CN,
        14.69e12,
        "tokens",
        "over 14.69 trillion",
        qualifier="at_least",
        when=period("2026-02-01", "2026-02-28", "month"),
    )
    desk.claim(
        "b",
        "token_volume",
        CN,
        14.7e12,
        "tokens",
        "14.7 trillion",
        when=period("2026-02-01", "2026-02-28", "month"),
    )
    desk.claim(
        "a",
        "token_volume",
        US,
        2.45e12,
        "tokens",
        "about 2.45T",
        qualifier="approx",
        when=week(WEEK_FEB_16),
    )
    desk.claim("b", "token_volume", US, 2.4e12, "tokens", "2.4T", when=week(WEEK_FEB_16))
    desk.claim("a", "share", "US developers", 47.17, "%", "47.17%", of="OpenRouter users")
    desk.claim("b", "share", "US developers", 47, "%", "47%", of="OpenRouter users")
    assert desk.run() == []


def test_copies_are_not_corroboration_and_the_majority_of_independent_sources_wins() -> None:
    desk = Desk()
    desk.article("orig", "Tech Wire", shares=("copy",))
    desk.article("copy", "Aggregator", shares=("orig",))
    desk.article("x", "Outlet X")
    desk.article("y", "Outlet Y")
    for article in ("orig", "copy"):
        desk.claim(
            article, "token_volume", CN, 4.8e12, "tokens", "4.8 trillion", when=week(WEEK_FEB_16)
        )
    for article in ("x", "y"):
        desk.claim(
            article,
            "token_volume",
            CN,
            5.16e12,
            "tokens",
            "5.16 trillion",
            "According to OpenRouter data, Chinese models reached 5.16 trillion tokens.",
            when=week(WEEK_FEB_16),
        )
    (d,) = desk.of_type("value_mismatch")
    assert "2 sources, 1 independent" in d.explanation
    assert "2 sources, 2 independent" in d.explanation
    assert "majority of independent sources supports 5.16 trillion" in d.explanation
    assert "citing OpenRouter" in d.explanation
    assert d.expected == 5.16e12 and d.stated == 4.8e12


def test_ids_are_stable_and_a_joining_claim_keeps_the_id() -> None:
    desk = Desk()
    nbd_week_figures(desk)
    desk.article("wire", "Tech Wire")
    desk.claim("wire", "token_volume", CN, 4.8e12, "tokens", "4.8 trillion", when=week(WEEK_FEB_16))
    first = desk.of_type("value_mismatch")
    assert [d.id for d in first] == [d.id for d in desk.of_type("value_mismatch")]
    desk.article("late", "Late Outlet")
    joining = desk.claim(
        "late", "token_volume", CN, 4.8e12, "tokens", "4.8 trillion", when=week(WEEK_FEB_16)
    )
    second = desk.of_type("value_mismatch")
    assert [d.id for d in second] == [d.id for d in first]
    assert joining.id in second[0].claim_ids


def test_output_is_deterministic_under_reordering() -> None:
    desk = Desk()
    nbd_week_figures(desk)
    desk.article("wire", "Tech Wire")
    desk.claim("wire", "token_volume", CN, 4.8e12, "tokens", "4.8 trillion", when=week(WEEK_FEB_16))
    desk.claim(
        "wire", "token_volume", CN, 9.8e13, "tokens", "9.8 × 10^13", when=period(granularity="week")
    )
    articles = desk.articles()
    expected = reconcile(desk.claims, articles)
    shuffled = list(desk.claims)
    random.Random(7).shuffle(shuffled)
    assert reconcile(shuffled, articles) == expected


def test_undated_claim_is_compared_by_publication_date_at_lower_severity() -> None:
    desk = Desk()
    nbd_week_figures(desk)
    desk.article("blog", "A Blog", published="2026-02-25")
    desk.claim(
        "blog",
        "token_volume",
        CN,
        4.6e12,
        "tokens",
        "4.6 trillion",
        "Chinese models handled 4.6 trillion tokens last week.",
        when=period(granularity="week"),
    )
    (d,) = desk.of_type("value_mismatch")
    assert d.severity in ("medium", "low")
    assert "blog-c5" in d.claim_ids


def test_undated_claim_published_long_after_is_not_compared() -> None:
    desk = Desk()
    nbd_week_figures(desk)
    desk.article("blog", "A Blog", published="2026-05-25")
    desk.claim(
        "blog",
        "token_volume",
        CN,
        4.6e12,
        "tokens",
        "4.6 trillion",
        when=period(granularity="week"),
    )
    assert desk.run() == []


def test_undated_claims_of_articles_published_close_together_are_compared() -> None:
    desk = Desk()
    desk.article("a", "A", published="2026-02-20")
    desk.article("b", "B", published="2026-02-25")
    desk.article("c", "C", published="2026-05-25")
    weekly = period(granularity="week")
    desk.claim("a", "token_volume", CN, 4.0e12, "tokens", "4.0 trillion", when=weekly)
    desk.claim("b", "token_volume", CN, 5.0e12, "tokens", "5.0 trillion", when=weekly)
    desk.claim("c", "token_volume", CN, 9.0e12, "tokens", "9.0 trillion", when=weekly)
    (d,) = desk.run()
    assert d.type == "value_mismatch" and d.article_ids == ["a", "b"]
    assert d.severity == "medium"  # one level down: the period rests on publication dates


@pytest.mark.parametrize(
    ("kind", "granularity", "published", "window_start"),
    [
        # 14-day windows (weekly and unknown granularity) laid end to end from a Monday
        ("token_volume", "week", "2026-02-16", "2026-02-16"),
        ("token_volume", "week", "2026-03-01", "2026-02-16"),
        ("token_volume", "week", "2026-03-02", "2026-03-02"),
        ("token_volume", None, "2026-02-25", "2026-02-16"),
        # a price's undated window is 90 days
        ("price", None, "2026-02-25", "2026-01-05"),
        ("price", None, "2026-04-05", "2026-04-05"),
    ],
)
def test_publication_window_of_an_undated_claim(
    kind: str, granularity: str | None, published: str, window_start: str
) -> None:
    desk = Desk()
    desk.article("a")
    claim = desk.claim("a", kind, CN, 1.0, "tokens", "1", when=period(granularity=granularity))
    start = publication_window(claim, dt.date.fromisoformat(published))
    assert start == dt.date.fromisoformat(window_start)


def _undated_weekly(desk: Desk, article: str, published: str, value: float) -> None:
    desk.article(article, article.upper(), published=published)
    desk.claim(article, "token_volume", CN, value, "tokens", f"{value / 1e12:.1f} trillion",
               when=period(granularity="week"))


def test_an_undated_group_keeps_its_id_whatever_else_is_loaded() -> None:
    # a and b disagree in the window of Feb 16 - Mar 1; an earlier article of the previous
    # window (and a later one of the next) must not rename their finding
    pair, wider = Desk(), Desk()
    for desk in (pair, wider):
        _undated_weekly(desk, "a", "2026-02-20", 4.0e12)
        _undated_weekly(desk, "b", "2026-02-25", 5.0e12)
    _undated_weekly(wider, "early", "2026-02-13", 4.5e12)
    _undated_weekly(wider, "late", "2026-03-03", 4.4e12)
    (found,) = pair.run()
    assert found.article_ids == ["a", "b"]
    assert [d.id for d in wider.run() if d.article_ids == ["a", "b"]] == [found.id]


def test_undated_claims_on_either_side_of_a_window_edge_are_not_compared() -> None:
    # the documented cost of fixed windows: Sunday Mar 1 and Monday Mar 2 fall apart
    desk = Desk()
    _undated_weekly(desk, "a", "2026-03-01", 4.0e12)
    _undated_weekly(desk, "b", "2026-03-02", 5.0e12)
    assert desk.run() == []


def _undated_guide_against(desk: Desk, values: list[float]) -> None:
    """An undated 9.8 × 10^13 weekly figure in an undated article, and dated weekly figures
    of other articles (none of them in a period its article's date points to)."""
    desk.article("guide", "AI Guide")
    weekly = period(granularity="week")
    desk.claim("guide", "token_volume", CN, 9.8e13, "tokens", "9.8 × 10^13 tokens", when=weekly)
    for i, value in enumerate(values):
        desk.article(f"w{i}", f"Wire {i}", published="2026-02-24")
        desk.claim(f"w{i}", "token_volume", CN, value, "tokens", f"{value / 1e12:g} trillion",
                   when=week(WEEK_FEB_16))


def test_undated_slip_is_flagged_despite_one_stray_figure_near_it() -> None:
    desk = Desk()
    _undated_guide_against(desk, [5.16e12, 5.2e12, 11.3e12])  # 11.3T: within 10x of 98T
    assert any(d.type == "magnitude_anomaly" and "guide-c0" in d.claim_ids for d in desk.run())


def test_undated_figure_near_half_the_others_is_no_slip() -> None:
    desk = Desk()
    _undated_guide_against(desk, [5.16e12, 30e12])
    assert not [d for d in desk.run() if d.type == "magnitude_anomaly"]


def test_claims_without_their_articles_still_reconcile() -> None:
    desk = Desk()
    nbd_week_figures(desk)
    desk.article("wire", "Tech Wire")
    desk.claim("wire", "token_volume", CN, 4.8e12, "tokens", "4.8 trillion", when=week(WEEK_FEB_16))
    (d,) = reconcile(desk.claims, {})
    assert d.type == "value_mismatch" and "wire" in d.explanation


# --- period_mismatch --------------------------------------------------------------------------


def test_misattributed_week_is_one_period_mismatch_not_a_value_mismatch() -> None:
    desk = Desk()
    nbd_week_figures(desk)
    desk.article("cael", "Cael Lee (blog)", published="2026-06-24")
    quote = (
        "According to OpenRouter, in the last week of February: Chinese models processed "
        "4.12 trillion tokens, while US models processed 2.94 trillion."
    )
    fuzzy = week(WEEK_FEB_16, "fuzzy", "the last week of February")
    desk.claim("cael", "token_volume", CN, 4.12e12, "tokens", "4.12 trillion", quote, when=fuzzy)
    desk.claim("cael", "token_volume", US, 2.94e12, "tokens", "2.94 trillion", quote, when=fuzzy)
    found = desk.run()
    assert types(found) == ["period_mismatch"]
    d = found[0]
    assert d.severity == "high"
    assert "4.12 trillion tokens for Chinese models (and 2.94 trillion tokens for US models)" in (
        d.explanation
    )
    assert "the week of 2026-02-09 to 2026-02-15" in d.explanation
    assert "Cael Lee (blog)" in d.explanation and "National Business Daily" in d.explanation
    assert "5.16 trillion" in d.explanation  # what the others say for that week
    assert {"cael", "nbd"} == set(d.article_ids)


@pytest.mark.parametrize(
    ("focus", "found"),
    [
        ("wrong", True),  # the misattributed figure is new
        ("right", True),  # the week it belongs to has a new figure
        ("elsewhere", False),  # only a week neither fact is about
    ],
)
def test_an_incremental_run_finds_a_misattribution_from_either_of_its_facts(
    focus: str, found: bool
) -> None:
    desk = Desk()
    nbd_week_figures(desk)
    desk.article("cael", "Cael Lee (blog)")
    fuzzy = week(WEEK_FEB_16, "fuzzy", "the last week of February")
    wrong = desk.claim("cael", "token_volume", CN, 4.12e12, "tokens", "4.12 trillion", when=fuzzy)
    (full,) = desk.of_type("period_mismatch")
    right = next(c for c in desk.claims if c.article_id == "nbd" and c.value == 4.12e12)
    early = next(c for c in desk.claims if c.article_id == "nbd" and c.value == 2.27e12)
    ids = {"wrong": wrong.id, "right": right.id, "elsewhere": early.id}[focus]
    incremental = reconcile(desk.claims, desk.articles(), {ids})
    assert [d for d in incremental if d.type == "period_mismatch"] == ([full] if found else [])


def test_period_mismatch_without_a_conflicting_figure_uses_the_sharper_period() -> None:
    desk = Desk()
    nbd_week_figures(desk)
    desk.article("cael", "Cael Lee (blog)")
    desk.claim(
        "cael",
        "token_volume",
        CN,
        4.12e12,
        "tokens",
        "4.12 trillion",
        when=week(WEEK_FEB_23, "fuzzy", "the last week of February"),
    )
    (d,) = desk.of_type("period_mismatch")
    assert "attributes to the week of 2026-02-23 to 2026-03-01" in d.explanation
    assert d.severity == "medium"


def test_same_rough_value_or_same_price_in_two_periods_is_not_a_period_mismatch() -> None:
    desk = Desk()
    desk.article("a", "A")
    desk.article("b", "B")
    desk.claim("a", "token_volume", CN, 5.2e12, "tokens", "5.2 trillion", when=week(WEEK_FEB_09))
    desk.claim("b", "token_volume", CN, 5.2e12, "tokens", "5.2 trillion", when=week(WEEK_FEB_16))
    desk.claim(
        "a",
        "price",
        "MiniMax M2.5",
        0.3,
        "USD/1M tokens",
        "$0.30",
        when=period("2026-01-01", "2026-01-31", "month"),
        direction="input",
    )
    desk.claim(
        "b",
        "price",
        "MiniMax M2.5",
        0.3,
        "USD/1M tokens",
        "$0.30",
        when=period("2026-02-01", "2026-02-28", "month"),
        direction="input",
    )
    assert desk.run() == []


@pytest.mark.parametrize(("other", "found"), [
    ("about 13.9 trillion", 0),  # two hedged weekly totals within 5%: two weeks, not one
    ("about 13.31 trillion", 1),  # must: the same figure as written
])
def test_hedged_figures_are_one_figure_only_as_written(other: str, found: int) -> None:
    desk = Desk()
    desk.article("a", "A")
    desk.article("b", "B")
    desk.claim("a", "token_volume", "OpenRouter", 13.3e12, "tokens", "about 13.3 trillion",
               when=week(WEEK_FEB_09), qualifier="approx")
    value = float(other.split()[1]) * 1e12
    desk.claim("b", "token_volume", "OpenRouter", value, "tokens", other, when=week(WEEK_FEB_16),
               qualifier="approx")
    assert len(desk.of_type("period_mismatch")) == found


# --- magnitude_anomaly ------------------------------------------------------------------------


def test_exponent_slip_is_a_magnitude_anomaly() -> None:
    desk = Desk()
    nbd_week_figures(desk)
    desk.article("guide", "AI Large-Model Wave and Transformation Guide")
    desk.claim(
        "guide",
        "token_volume",
        CN,
        9.8e13,
        "tokens",
        "9.8 × 10^13 tokens",
        "According to OpenRouter data, weekly token usage reached 9.8 × 10^13 tokens, "
        "surpassing the US for the fifth consecutive week.",
        when=period(granularity="week", text="weekly"),
    )
    (d,) = desk.of_type("magnitude_anomaly")
    assert "exponent slip (10^13 vs 10^12)" in d.explanation
    assert d.stated == 9.8e13
    assert "value_mismatch" not in types(desk.run())


def test_per_thousand_price_read_as_per_million_is_named() -> None:
    desk = Desk()
    desk.article("a", "A")
    desk.article("b", "B")
    desk.claim(
        "a",
        "price",
        "Gemini 2.5 Pro",
        2.0,
        "USD/1M tokens",
        "$0.002 per k token",
        direction="input",
    )
    desk.claim(
        "b",
        "price",
        "Gemini 2.5 Pro",
        2000,
        "USD/1M tokens",
        "$2 per million tokens",
        "Input costs $2 per million tokens.",
        direction="input",
    )
    desk.article("c", "C")
    desk.claim(
        "c", "price", "Gemini 2.5 Pro", 2.0, "USD/1M tokens", "$2 per 1M tokens", direction="input"
    )
    (d,) = desk.of_type("magnitude_anomaly")
    assert "per-1K price read as per-1M" in d.explanation


def test_a_plain_gap_is_not_a_magnitude_anomaly() -> None:
    desk = Desk()
    desk.article("a", "A")
    desk.article("b", "B")
    desk.claim("a", "token_volume", CN, 4.12e12, "tokens", "4.12 trillion", when=week(WEEK_FEB_16))
    desk.claim("b", "token_volume", CN, 5.16e12, "tokens", "5.16 trillion", when=week(WEEK_FEB_16))
    assert types(desk.run()) == ["value_mismatch"]


# --- rank_mismatch ----------------------------------------------------------------------------

SCOPE: dict[str, Any] = {"scope": "OpenRouter weekly"}


def test_different_subjects_at_one_position() -> None:
    desk = Desk()
    desk.article("a", "A")
    desk.article("b", "B")
    desk.claim(
        "a",
        "ranking",
        "MiniMax M2.5",
        1,
        "rank",
        "topped",
        "M2.5 topped the weekly list.",
        when=week(WEEK_FEB_16),
        **SCOPE,
    )
    desk.claim(
        "b",
        "ranking",
        "Kimi K2.5",
        1,
        "rank",
        "first",
        "Kimi K2.5 ranked first.",
        when=week(WEEK_FEB_16),
        **SCOPE,
    )
    (d,) = desk.of_type("rank_mismatch")
    assert "No. 1" in d.explanation and "Kimi K2.5" in d.explanation


def test_different_positions_for_one_subject() -> None:
    desk = Desk()
    desk.article("a", "A")
    desk.article("b", "B")
    desk.claim(
        "a",
        "ranking",
        "MiniMax M2.5",
        1,
        "rank",
        "first",
        "M2.5 ranked first.",
        when=week(WEEK_FEB_16),
        **SCOPE,
    )
    desk.claim(
        "b",
        "ranking",
        "MiniMax M2.5",
        3,
        "rank",
        "third",
        "M2.5 came third.",
        when=week(WEEK_FEB_16),
        **SCOPE,
    )
    assert len(desk.of_type("rank_mismatch")) == 1


def _ranked(desk: Desk, article: str, model: str, place: int, qualifier: str = "exact") -> None:
    desk.claim(article, "ranking", model, place, "rank", f"No. {place}", f"{model} is No. {place}.",
               when=week(WEEK_FEB_16), qualifier=qualifier, **SCOPE)


@pytest.mark.parametrize(("places", "explanations"), [
    # two sources that swap two models: each model's place contradicts, and that says it all
    ([("a", "Claude Sonnet 4.5", 2), ("a", "Kimi K2.5", 3), ("b", "Kimi K2.5", 2),
      ("b", "Claude Sonnet 4.5", 3)], ["contradict each other"] * 2),
    # "dropped out of the top 10" (11 or lower) against No. 7 elsewhere
    ([("a", "GPT-5", 7), ("b", "GPT-5", 11, "at_least")], ["contradict each other"]),
    # must: two models at one place, with no other place of either, is a finding of the place
    ([("a", "Claude Sonnet 4.5", 1), ("b", "Kimi K2.5", 1)], ["Different subjects at No. 1"]),
])
def test_rank_findings_of_places_and_of_models(
    places: list[tuple[Any, ...]], explanations: list[str]
) -> None:
    desk = Desk()
    desk.article("a", "A")
    desk.article("b", "B")
    for place in places:
        _ranked(desk, *place)
    found = desk.of_type("rank_mismatch")
    assert len(found) == len(explanations)
    assert all(e in d.explanation for d, e in zip(found, explanations, strict=True))


def test_consistent_rankings_and_matching_top_five_sets() -> None:
    desk = Desk()
    desk.article("a", "A")
    desk.article("b", "B")
    members = ["MiniMax M2.5", "Kimi K2.5", "DeepSeek V3.2", "GLM-5"]
    desk.claim(
        "a",
        "ranking",
        CN,
        5,
        "rank",
        "top five",
        "Four of the top five most-called models were Chinese.",
        qualifier="at_most",
        when=week(WEEK_FEB_16),
        set=members,
        count=4,
        **SCOPE,
    )
    desk.claim(
        "b",
        "ranking",
        CN,
        5,
        "rank",
        "top five",
        "Among the top five models, four are from Chinese manufacturers.",
        qualifier="at_most",
        when=week(WEEK_FEB_16),
        set=list(reversed(members)),
        count=4,
        **SCOPE,
    )
    desk.claim(
        "b",
        "ranking",
        "MiniMax M2.5",
        1,
        "rank",
        "topped",
        "M2.5 topped the list.",
        when=week(WEEK_FEB_16),
        **SCOPE,
    )
    # a different week may have a different order
    desk.claim(
        "a",
        "ranking",
        "MiniMax M2.5",
        2,
        "rank",
        "second",
        "M2.5 was second.",
        when=week(WEEK_FEB_09),
        **SCOPE,
    )
    assert desk.run() == []


def test_top_five_set_with_other_members_or_count() -> None:
    desk = Desk()
    desk.article("a", "A")
    desk.article("b", "B")
    desk.claim(
        "a",
        "ranking",
        CN,
        5,
        "rank",
        "top five",
        "Four of the top five are Chinese.",
        qualifier="at_most",
        when=week(WEEK_FEB_16),
        set=["MiniMax M2.5", "Kimi K2.5", "DeepSeek V3.2", "GLM-5"],
        count=4,
        **SCOPE,
    )
    desk.claim(
        "b",
        "ranking",
        CN,
        5,
        "rank",
        "top five",
        "Three of the top five are Chinese.",
        qualifier="at_most",
        when=week(WEEK_FEB_16),
        set=["MiniMax M2.5", "Kimi K2.5", "Qwen 3.5"],
        count=3,
        **SCOPE,
    )
    desk.claim(
        "b",
        "ranking",
        "GLM-5",
        7,
        "rank",
        "seventh",
        "GLM-5 was seventh.",
        when=week(WEEK_FEB_16),
        **SCOPE,
    )
    found = desk.of_type("rank_mismatch")
    assert len(found) == 2  # the set itself, and GLM-5 both in the top five and seventh


# --- streak -----------------------------------------------------------------------------------


def test_streak_contradicted_by_a_week_without_the_lead() -> None:
    desk = Desk()
    nbd_week_figures(desk)
    desk.article("other", "Other Daily")
    desk.claim(
        "other", "token_volume", US, 3.1e12, "tokens", "3.1 trillion", when=week(WEEK_FEB_02)
    )
    desk.article("guide", "Guide")
    desk.claim(
        "guide",
        "streak",
        CN,
        5,
        "weeks",
        "fifth consecutive week",
        "Chinese models surpassed the US for the fifth consecutive week.",
        when=week(WEEK_FEB_16),
        over=US,
        measure="token_volume",
    )
    (d,) = desk.of_type("streak")
    assert "2.27 trillion" in d.explanation and "3.1 trillion" in d.explanation
    assert "the week of 2026-02-02 to 2026-02-08" in d.explanation


def test_streak_run_dispute_is_settled_among_the_disputed_runs() -> None:
    # zh_01 counts two weeks to Feb 16-22, its repost four; two later outlets count a March run
    # from Mar 2: they clash with neither and must not outvote (nor be cited against) zh_01
    desk = Desk()
    march = [("2026-03-16", "2026-03-22", 3), ("2026-03-23", "2026-03-29", 4)]
    for n, (start, end, weeks) in enumerate(march):
        desk.article(f"m{n}", f"March outlet {n}")
        desk.claim(f"m{n}", "streak", CN, weeks, "weeks", f"{weeks} weeks in a row",
                   when=period(start, end), over=US)
    desk.article("nbd", "NBD")
    desk.claim("nbd", "streak", CN, 2, "weeks", "连续两周", when=week(WEEK_FEB_16), over=US)
    desk.article("repost", "Repost")
    desk.claim("repost", "streak", CN, 4, "weeks", "连续四周", when=week(WEEK_FEB_16), over=US)
    (d,) = desk.of_type("streak")
    assert {c.split("-")[0] for c in d.claim_ids} == {"nbd", "repost"}
    assert d.severity == "medium"  # one source each: the figures do not say which is wrong


@pytest.mark.parametrize(("rising", "found"), [
    (True, 0),  # a run of rises ("rose for a fourth straight week") is not the lead's run
    (False, 1),  # must: the same count as a lead's run disputes it
])
def test_a_run_of_rises_is_another_run_than_the_lead(rising: bool, found: int) -> None:
    desk = Desk()
    desk.article("nbd", "NBD")
    desk.claim("nbd", "streak", CN, 2, "weeks", "连续两周", when=week(WEEK_FEB_16), over=US)
    desk.article("other", "Other Daily")
    if rising:
        desk.claim("other", "streak", CN, 4, "weeks", "fourth straight week",
                   when=week(WEEK_FEB_16), trend="increase")
    else:
        desk.claim("other", "streak", CN, 4, "weeks", "fourth straight week",
                   when=week(WEEK_FEB_16), over=US)
    assert len(desk.of_type("streak")) == found


def test_streak_consistent_with_the_figures() -> None:
    desk = Desk()
    nbd_week_figures(desk)
    desk.article("guide", "Guide")
    desk.claim(
        "guide",
        "streak",
        CN,
        2,
        "weeks",
        "second consecutive week",
        "Chinese models led for the second consecutive week.",
        when=week(WEEK_FEB_16),
        over=US,
        measure="token_volume",
    )
    assert desk.of_type("streak") == []


# --- arithmetic -------------------------------------------------------------------------------


def prices(desk: Desk, article: str) -> None:
    for subject, value, figure in (
        ("MiniMax M2.5", 0.3, "$0.3"),
        ("GLM-5", 0.3, "$0.3"),
        ("Claude Opus 4.6", 5, "$5"),
    ):
        desk.claim(
            article,
            "price",
            subject,
            value,
            "USD/1M tokens",
            figure,
            f"The input price of {subject} is {figure} per million Tokens.",
            direction="input",
            currency="USD",
        )
    for subject, value, figure in (
        ("MiniMax M2.5", 1.1, "$1.1"),
        ("GLM-5", 2.55, "$2.55"),
        ("Claude Opus 4.6", 25, "$25"),
    ):
        desk.claim(
            article,
            "price",
            subject,
            value,
            "USD/1M tokens",
            figure,
            f"The output price of {subject} is {figure} per million Tokens.",
            direction="output",
            currency="USD",
        )


def test_ratios_consistent_with_the_prices() -> None:
    desk = Desk()
    desk.article("nbd", "National Business Daily")
    prices(desk, "nbd")
    desk.claim(
        "nbd",
        "change",
        "Claude Opus 4.6",
        16.7,
        "x",
        "16.7 times",
        "Claude Opus4.6 is as high as $5 per million Tokens, about 16.7 times that of "
        "these two Chinese models.",
        qualifier="approx",
        measure="price",
        direction="input",
        currency="USD",
        compared_to=["MiniMax M2.5", "GLM-5"],
    )
    for other, value, figure in (("MiniMax M2.5", 22.7, "22.7 times"), ("GLM-5", 9.8, "9.8 times")):
        desk.claim(
            "nbd",
            "change",
            "Claude Opus 4.6",
            value,
            "x",
            figure,
            "Claude Opus4.6 soars to $25 per million Tokens, about 22.7 times and 9.8 "
            "times that of the former two respectively.",
            qualifier="approx",
            measure="price",
            direction="output",
            currency="USD",
            compared_to=[other],
        )
    assert desk.run() == []


def test_wrong_ratio_fires_with_expected_and_stated() -> None:
    desk = Desk()
    desk.article("nbd", "National Business Daily")
    prices(desk, "nbd")
    desk.claim(
        "nbd",
        "change",
        "Claude Opus 4.6",
        12,
        "x",
        "12 times",
        "Claude Opus4.6 is 12 times the price of MiniMax M2.5.",
        measure="price",
        direction="input",
        currency="USD",
        compared_to=["MiniMax M2.5"],
    )
    (d,) = desk.of_type("arithmetic")
    assert d.stated == 12 and d.expected is not None and abs(d.expected - 16.67) < 0.01
    assert "USD 5 per 1M tokens / USD 0.3 per 1M tokens" in d.explanation


def _arithmetic_in(text: str) -> list[Discrepancy]:
    """The arithmetic findings of one article's text, extracted and reconciled."""
    article = Article(id=article_id(text), text=text, published=dt.date(2026, 3, 10))
    return [d for d in reconcile(extract_claims(article), {article.id: article})
            if d.type == "arithmetic"]


@pytest.mark.parametrize(("stated", "fires"), [(50, True), (12, False)])
def test_a_percent_more_than_another_subject_is_checked(stated: int, fires: bool) -> None:
    """'12% more than Gemini 3 Flash', extracted from text: 2.58 / 2.3 trillion is 12% more."""
    text = (f"Last week MiniMax M2.5 processed 2.58 trillion tokens, {stated}% more than Gemini "
            "3 Flash, which processed 2.3 trillion tokens.")
    found = _arithmetic_in(text)
    assert bool(found) == fires
    if fires:
        assert found[0].stated == stated and abs((found[0].expected or 0) - 12.17) < 0.01


@pytest.mark.parametrize(("stated", "fires"), [(30, True), (16.7, False)])
def test_times_cheaper_divides_the_other_figure_by_the_subjects(stated: float,
                                                                fires: bool) -> None:
    """'16.7 times cheaper than GPT-5' is $5 / $0.30, not $0.30 / $5."""
    text = ("DeepSeek V3.2 costs $0.30 per million input tokens and GPT-5 costs $5 per million "
            f"input tokens, so DeepSeek V3.2 is {stated:g} times cheaper than GPT-5.")
    found = _arithmetic_in(text)
    assert bool(found) == fires
    if fires:
        assert "USD 5 per 1M tokens / USD 0.3 per 1M tokens" in found[0].explanation


@pytest.mark.parametrize(("stated", "fires"), [
    ("3 percentage points", False), ("5.2 percentage points", True),  # 58% -> 61% is +3 pp
    ("5.2%", False), ("3%", False),  # a bare percent may be relative or in points
])
def test_a_change_in_percentage_points_of_a_share_is_a_difference(stated: str,
                                                                 fires: bool) -> None:
    text = ("Chinese models held 58% of tokens in the week of Feb 23. Chinese models' share "
            f"rose {stated} week over week to 61% in the week of March 2.")
    found = _arithmetic_in(text)
    assert bool(found) == fires


@pytest.mark.parametrize(("stated", "fires"), [(150, True), (127, False)])
def test_a_change_over_the_weeks_to_a_day_starts_that_many_weeks_back(stated: int,
                                                                    fires: bool) -> None:
    """'in the three weeks to Feb. 22': 2.27 trillion (Feb 2-8) -> 5.16 trillion (Feb 16-22)."""
    text = ("Chinese models processed 2.27 trillion tokens in the week of Feb. 2-8, 2026 and "
            "5.16 trillion tokens in the week of Feb. 16-22, 2026. Usage of Chinese models grew "
            f"{stated}% in the three weeks to Feb. 22.")
    found = _arithmetic_in(text)
    assert bool(found) == fires
    if fires:
        assert found[0].stated == stated and abs((found[0].expected or 0) - 127.3) < 0.1


@pytest.mark.parametrize(("stated", "fires"), [("fivefold", True), ("tenfold", False)])
def test_a_change_since_a_month_starts_from_its_first_day(stated: str, fires: bool) -> None:
    """'since January' (basis since:2026-01-01): the figure of the week holding January 1."""
    text = ("Qwen3.5 Plus processed 121 billion tokens in the week of Dec. 29, 2025 to Jan. 4, "
            "2026. In the week of March 2-8, 2026, Qwen3.5 Plus processed 1.21 trillion tokens; "
            f"its usage has grown {stated} since January.")
    assert bool(_arithmetic_in(text)) == fires


@pytest.mark.parametrize(("stated", "fires"), [(70, True), (61, False)])
def test_a_share_of_the_two_groups_together(stated: int, fires: bool) -> None:
    """6.8 / (6.8 + 4.4) = 60.7%: a share of both groups combined, with no stated total."""
    text = ("In the week of March 16-22, 2026, Chinese models processed 6.8 trillion tokens on "
            "OpenRouter against 4.4 trillion for U.S. models. Chinese models thus accounted for "
            f"{stated}% of the tokens consumed by Chinese and U.S. models combined.")
    assert bool(_arithmetic_in(text)) == fires


def test_a_groups_share_of_a_top_n_is_not_its_whole_volume_over_the_top_n() -> None:
    """The part of "together they account for 69% of the top ten's 9.14T" is the group's
    members in the top ten (6.30T), not all of its 6.8T."""
    text = ("In the week of March 16-22, 2026, Chinese models processed 6.8 trillion tokens on "
            "OpenRouter. Five of the top ten models are Chinese, and together they account for "
            "69% of the top ten's 9.14T tokens.")
    assert _arithmetic_in(text) == []


def test_ratio_base_figures_from_another_article() -> None:
    desk = Desk()
    desk.article("nbd", "National Business Daily", published="2026-02-27")
    prices(desk, "nbd")
    desk.article("cj", "Changjiang Securities", published="2026-02-28")
    desk.claim(
        "cj",
        "change",
        "Claude Opus 4.6",
        30,
        "x",
        "30 times",
        "Anthropic's Claude Opus 4.6 charges $5, roughly 30 times higher.",
        qualifier="approx",
        measure="price",
        direction="input",
        currency="USD",
        compared_to=["MiniMax M2.5"],
    )
    (d,) = desk.of_type("arithmetic")
    assert d.severity != "high"  # base figures from another outlet


def test_change_over_three_weeks() -> None:
    desk = Desk()
    nbd_week_figures(desk)
    quote = "Chinese models soared to 5.16 trillion Tokens, a 127% increase in three weeks."
    desk.claim(
        "nbd",
        "change",
        CN,
        127,
        "%",
        "127%",
        quote,
        when=week(WEEK_FEB_16),
        basis="21 days",
        measure="token_volume",
    )
    assert desk.run() == []
    desk.claim(
        "nbd",
        "change",
        CN,
        150,
        "%",
        "150%",
        "Volume rose 150% in three weeks.",
        when=week(WEEK_FEB_16),
        basis="3 weeks",
        measure="token_volume",
    )
    (d,) = desk.of_type("arithmetic")
    assert d.stated == 150 and d.expected is not None and abs(d.expected - 127.3) < 0.1


def test_week_over_week_change() -> None:
    desk = Desk()
    nbd_week_figures(desk)
    desk.claim(
        "nbd",
        "change",
        CN,
        25.2,
        "%",
        "25.2%",
        "Volume grew 25.2% week over week.",
        when=week(WEEK_FEB_16),
        basis="week_over_week",
        measure="token_volume",
    )
    assert desk.run() == []
    desk.claim(
        "nbd",
        "change",
        US,
        12,
        "%",
        "12%",
        "US volume rose 12% week over week.",
        when=week(WEEK_FEB_16),
        basis="week_over_week",
        measure="token_volume",
    )
    (d,) = desk.of_type("arithmetic")
    assert d.expected is not None and d.expected < 0  # 2.94T -> 2.7T is a fall


def test_ten_fold_from_to() -> None:
    desk = Desk()
    desk.article("nbd", "National Business Daily")
    quote = (
        "The weekly call volume was only 1.24 trillion Tokens; by mid-February 2026 it had "
        "soared to 13.95 trillion Tokens, more than a ten-fold increase."
    )
    desk.claim(
        "nbd",
        "change",
        "OpenRouter top 10 models",
        10,
        "x",
        "ten-fold",
        quote,
        qualifier="at_least",
        from_value=1.24e12,
        to_value=13.95e12,
        basis="since:2025-03-03",
        measure="token_volume",
    )
    assert desk.run() == []
    desk.claim(
        "nbd",
        "change",
        "OpenRouter top 10 models",
        20,
        "x",
        "twenty-fold",
        quote.replace("ten-fold", "twenty-fold"),
        qualifier="at_least",
        from_value=1.24e12,
        to_value=13.95e12,
        measure="token_volume",
    )
    (d,) = desk.of_type("arithmetic")
    assert d.stated == 20


def test_share_of_a_stated_total() -> None:
    desk = Desk()
    desk.article("a", "Outlet A")
    feb = period("2026-02-01", "2026-02-28", "month")
    # the group's part of the top ten is stated with the top ten's total
    sentence = ("The top ten models surpassed 28.7 trillion tokens, with Chinese models "
                "contributing 14.69 trillion.")
    desk.claim(
        "a",
        "token_volume",
        "OpenRouter top 10 models",
        28.7e12,
        "tokens",
        "28.7 trillion",
        sentence,
        qualifier="at_least",
        when=feb,
    )
    desk.claim("a", "token_volume", CN, 14.69e12, "tokens", "14.69 trillion", sentence, when=feb)
    desk.claim(
        "a",
        "share",
        CN,
        50,
        "%",
        "exceeded 50%",
        qualifier="at_least",
        when=feb,
        of="OpenRouter top 10 models",
        measure="token_volume",
    )
    assert desk.run() == []
    desk.claim(
        "a",
        "share",
        CN,
        61,
        "%",
        "61%",
        "Chinese models took 61% of the top ten.",
        when=feb,
        of="OpenRouter top 10 models",
        measure="token_volume",
    )
    (d,) = desk.of_type("arithmetic")
    assert d.stated == 61


def _forecast(desk: Desk, rate: float, multiple: float, **multiple_attributes: Any) -> None:
    """JPMorgan's forecast in seed 003: a compound annual rate and a multiple over 2025-2030."""
    desk.article("nbd", "National Business Daily")
    span = period("2025-01-01", "2030-12-31", "total")
    quote = (
        f"From 2025 to 2030, the annual compound growth rate of China's Token consumption will "
        f"reach {rate:g}%, achieving a {multiple:g}-fold increase in just five years."
    )
    desk.claim("nbd", "change", "China", rate, "%", f"{rate:g}%", quote, when=span,
               basis="cagr", measure="token_volume")
    attributes = {"basis": "1825 days", "measure": "token_volume", **multiple_attributes}
    desk.claim("nbd", "change", "China", multiple, "x", f"{multiple:g}-fold", quote, when=span,
               **attributes)


def test_compound_rate_against_the_multiple_it_implies() -> None:
    desk = Desk()
    _forecast(desk, 330, 370)  # 4.3^5 is about 1,470, not 370
    (d,) = desk.of_type("arithmetic")
    assert d.stated == 370 and d.expected is not None and abs(d.expected - 1470.1) < 1
    assert len(d.claim_ids) == 2 and "compounded over 5 years" in d.explanation


def test_compound_rate_consistent_with_the_multiple_is_quiet() -> None:
    desk = Desk()
    _forecast(desk, 226, 370)  # 3.26^5 = 369: within the rounding of "226%"
    assert desk.of_type("arithmetic") == []


def test_compound_rate_over_another_span_is_not_checked() -> None:
    # must NOT: a multiple over three years says nothing about a rate over five
    desk = Desk()
    _forecast(desk, 330, 370, basis="1095 days")
    assert desk.of_type("arithmetic") == []


def test_span_years() -> None:
    desk = Desk()
    desk.article("a")
    five = desk.claim("a", "change", "China", 370, "x", "370-fold", basis="1825 days")
    years = desk.claim("a", "change", "China", 68, "%", "68%", basis="cagr", years=2)
    span = desk.claim("a", "change", "China", 330, "%", "330%", basis="cagr",
                      when=period("2025-01-01", "2030-12-31", "total"))
    weeks = desk.claim("a", "change", "China", 2, "x", "2-fold", basis="21 days")
    one = desk.claim("a", "change", "China", 9, "%", "9%", basis="cagr",
                     when=period("2026-01-01", "2026-12-31", "year"))
    assert [span_years(c) for c in (five, years, span, weeks, one)] == [5, 2, 5, None, None]


def test_a_split_of_the_subjects_own_figure_is_not_checked_as_a_share() -> None:
    # "About 80% of M2.5's tokens are input": part and whole are both MiniMax M2.5's volume
    desk = Desk()
    desk.article("a", "Outlet A")
    wk = week(WEEK_FEB_16)
    desk.claim("a", "token_volume", "MiniMax M2.5", 2.09e12, "tokens", "2.09 trillion", when=wk)
    desk.claim("a", "share", "MiniMax M2.5", 80, "%", "About 80%", when=wk,
               of="MiniMax M2.5", measure="token_volume")
    assert desk.of_type("arithmetic") == []


def test_sum_of_members_exceeds_the_total() -> None:
    desk = Desk()
    desk.article("g", "Guide")
    members = ["Tencent Hunyuan 3.0", "DeepSeek V4"]
    desk.claim(
        "g",
        "token_volume",
        "Tencent Hunyuan 3.0",
        3.2e12,
        "tokens",
        "3.2 trillion",
        when=period(granularity="week"),
    )
    desk.claim(
        "g",
        "token_volume",
        "DeepSeek V4",
        2.8e12,
        "tokens",
        "2.8 trillion",
        when=period(granularity="week"),
    )
    desk.claim(
        "g",
        "token_volume",
        "top models",
        9.8e12,
        "tokens",
        "9.8 trillion",
        when=period(granularity="week"),
        members=members,
    )
    assert desk.run() == []
    desk.claim(
        "g",
        "token_volume",
        "top two",
        5.0e12,
        "tokens",
        "5.0 trillion",
        when=period(granularity="week"),
        members=members,
    )
    (d,) = desk.of_type("arithmetic")
    assert d.expected == 6.0e12


def test_unit_restatement() -> None:
    desk = Desk()
    desk.article("cael", "Cael Lee (blog)")
    quote = "The daily volume had exceeded 140 billion (roughly 0.14 trillion)."
    daily = period(granularity="day")
    desk.claim(
        "cael",
        "token_volume",
        CN,
        1.4e11,
        "tokens",
        "140 billion",
        quote,
        qualifier="at_least",
        when=daily,
        daily_average=True,
    )
    desk.claim(
        "cael",
        "token_volume",
        CN,
        1.4e11,
        "tokens",
        "0.14 trillion",
        quote,
        qualifier="approx",
        when=daily,
        daily_average=True,
        restates=True,
    )
    assert desk.run() == []
    quote = "The daily volume had exceeded 140 billion (roughly 1.4 trillion)."
    desk.claim("cael", "token_volume", US, 1.4e11, "tokens", "140 billion", quote, when=daily)
    desk.claim(
        "cael",
        "token_volume",
        US,
        1.4e12,
        "tokens",
        "1.4 trillion",
        quote,
        qualifier="approx",
        when=daily,
        restates=True,
    )
    (d,) = desk.of_type("arithmetic")
    assert d.expected == 1.4e11 and d.stated == 1.4e12


# --- internal ---------------------------------------------------------------------------------


def test_daily_average_above_the_weekly_total() -> None:
    desk = Desk()
    desk.article("guide", "Guide")
    quote = (
        "Weekly token usage reached 9.8 × 10^13 tokens, pushing daily average above "
        "1.5 × 10^14 tokens."
    )
    desk.claim(
        "guide",
        "token_volume",
        CN,
        9.8e13,
        "tokens",
        "9.8 × 10^13",
        quote,
        when=period(granularity="week"),
    )
    desk.claim(
        "guide",
        "token_volume",
        CN,
        1.5e14,
        "tokens",
        "1.5 × 10^14",
        quote,
        qualifier="at_least",
        when=period(granularity="day"),
        daily_average=True,
    )
    (d,) = desk.of_type("internal")
    assert "daily average" in d.explanation and d.article_ids == ["guide"]


def test_two_values_for_one_week_in_one_article() -> None:
    desk = Desk()
    nbd_week_figures(desk)
    desk.claim(
        "nbd",
        "token_volume",
        CN,
        5.61e12,
        "tokens",
        "5.61 trillion",
        "Chinese models reached 5.61 trillion tokens that week.",
        when=week(WEEK_FEB_16),
    )
    (d,) = desk.of_type("internal")
    assert "contradicts itself" in d.explanation


def test_daily_and_weekly_figures_that_fit_are_not_internal() -> None:
    desk = Desk()
    nbd_week_figures(desk)
    desk.claim(
        "nbd",
        "token_volume",
        CN,
        1.4e11,
        "tokens",
        "140 billion",
        when=period("2026-02-16", "2026-02-22", "day"),
        daily_average=True,
    )
    assert desk.run() == []


def test_one_sentence_with_two_values_is_not_a_contradiction() -> None:
    desk = Desk()
    desk.article("nbd", "National Business Daily")
    quote = (
        "Claude Opus4.6 soars to $25 per million Tokens, about 22.7 times and 9.8 times "
        "that of the former two respectively."
    )
    for value, figure in ((22.7, "22.7 times"), (9.8, "9.8 times")):
        desk.claim(
            "nbd",
            "change",
            "Claude Opus 4.6",
            value,
            "x",
            figure,
            quote,
            qualifier="approx",
            measure="price",
            direction="output",
            compared_to=["the former two"],
        )
    assert desk.run() == []


def test_undated_shares_in_stories_of_one_day_each_meet_the_totals_of_their_week() -> None:
    # the totals the day points to are looked up once for all of the day's shares: each
    # share is still checked on its own, and never against itself
    desk = Desk()
    desk.article("chart", "Chart Weekly", published="2026-02-16")
    for subject, value in ((CN, 4.12e12), ("OpenRouter", 8.24e12)):
        desk.claim("chart", "token_volume", subject, value, "tokens",
                   f"{value / 1e12:.2f} trillion", when=week(WEEK_FEB_09))
    for story, share in (("a", 50), ("b", 50), ("c", 70), ("d", 50)):
        desk.article(story, f"Outlet {story}", published="2026-02-17")
        desk.claim(story, "share", CN, share, "%", f"{share}%",
                   f"That gave Chinese models a {share}% share of the combined volume.",
                   of="OpenRouter", measure="token_volume")
    (wrong,) = desk.of_type("arithmetic")
    assert wrong.stated == 70 and set(wrong.article_ids) == {"c", "chart"}


def test_shares_of_an_unknown_whole_are_not_compared() -> None:
    desk = Desk()
    desk.article("a", "A")
    desk.article("b", "B")
    desk.claim(
        "a",
        "share",
        CN,
        20,
        "%",
        "less than 20%",
        qualifier="at_most",
        when=period("2025-01-01", "2025-12-31", "year"),
    )
    desk.claim(
        "b",
        "share",
        CN,
        50,
        "%",
        "Over 50%",
        qualifier="at_least",
        when=period("2025-01-01", "2025-12-31", "year"),
    )
    assert desk.run() == []


# --- scale ------------------------------------------------------------------------------------


def test_thousands_of_claims_reconcile_quickly() -> None:
    desk = Desk()
    for a in range(400):
        desk.article(f"a{a}", f"Outlet {a}")
    rng = random.Random(3)
    for n in range(6000):
        subject = f"Model {n % 300}"
        start = 2 + 7 * (n % 3)
        value = 1.0e12 * (1 + (n % 300) / 100) * (1.3 if rng.random() < 0.05 else 1.0)
        desk.claim(
            f"a{n % 400}",
            "token_volume",
            subject,
            value,
            "tokens",
            f"{value / 1e12:.3f}",
            f"{subject} reached {value / 1e12:.3f} trillion tokens.",
            when=period(f"2026-02-{start:02d}", f"2026-02-{start + 6:02d}", "week"),
        )
    articles = desk.articles()
    started = time.perf_counter()
    found = reconcile(desk.claims, articles)
    assert time.perf_counter() - started < 5
    assert found


@pytest.mark.parametrize("seed", range(5))
def test_agreeing_claims_are_found_as_a_scan_finds_them(seed: int) -> None:
    """The tiered search finds exactly the claims whose intervals overlap, in the order of a
    scan sorted by lower end: hedged, rounded and open figures, negative changes, and slips of
    scale in one fact; and those that disagree, in the fact's order."""
    from claimcheck.reconcile.facts import Context, Fact
    from claimcheck.reconcile.rules import _Agreement
    from claimcheck.reconcile.tolerance import overlap

    rng = random.Random(seed)
    desk = Desk()
    for n in range(120):
        article = desk.article(f"a{n}")
        value = rng.choice((4.12, 4.1, 4, 41.2, -3.5, 0.4)) * rng.choice((1, 1, 1.01, 10))
        figure = f"{value:g}"
        desk.claim(article, "token_volume", CN, value * 1e12, "tokens", figure,
                   qualifier=rng.choice(("exact", "approx", "at_least", "at_most")),
                   when=week(WEEK_FEB_09))
    ctx = Context.build(desk.claims, desk.articles())
    fact = Fact("bucket", "key", week(WEEK_FEB_09), list(desk.claims), likely=False)
    agreement = _Agreement(fact, ctx)
    bounded = sorted((c for c in fact.claims if ctx.b(c).bounded), key=lambda c: ctx.b(c).lo)
    unbounded = [c for c in fact.claims if not ctx.b(c).bounded]
    assert len(agreement.tiers) > 1 and unbounded
    for claim in desk.claims:
        scan = [c for c in bounded + unbounded if overlap(ctx.b(claim), ctx.b(c))]
        near = agreement.near(claim)  # the second time from what the first kept
        assert near.claims == scan == agreement.near(claim).claims
        assert near.precise == [c for c in scan if ctx.precise(c)]
        assert near.articles == {c.article_id for c in scan}
        assert agreement.conflicting(claim) == [
            c for c in fact.claims
            if c.article_id != claim.article_id and not overlap(ctx.b(claim), ctx.b(c))
        ]
