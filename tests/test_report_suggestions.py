"""The suggested reading and the side-by-side readings of a discrepancy, one case per row."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from claimcheck.models import Article, Claim, Discrepancy, Period
from claimcheck.report.build import Item, build_item

WEEK_9 = Period(start=dt.date(2026, 2, 9), end=dt.date(2026, 2, 15), granularity="week",
                resolution="explicit")
WEEK_23 = Period(start=dt.date(2026, 2, 23), end=dt.date(2026, 3, 1), granularity="week",
                 resolution="fuzzy")


def _claim(cid: str, article: str, value: float, **fields: Any) -> Claim:
    base: dict[str, Any] = {
        "kind": "token_volume", "subject": "Chinese models", "subject_text": "Chinese models",
        "unit": "tokens", "quote": f"{value}", "span": (0, 1), "confidence": 1.0,
        "period": WEEK_9,
    }
    base.update(fields)
    return Claim(id=cid, article_id=article, value=value, **base)


ARTICLES = {a: Article(id=a, text="x", source=f"Outlet {a.upper()}") for a in "abcd"}


def _item(kind: str, claims: list[Claim], copies: dict[str, list[str]] | None = None,
          **fields: Any) -> Item:
    d = Discrepancy(id="d", type=kind, severity="high", claim_ids=[c.id for c in claims],
                    article_ids=sorted({c.article_id for c in claims}), explanation="e",
                    **fields)
    return build_item(d, {c.id: c for c in claims}, ARTICLES, copies or {})


@pytest.mark.parametrize(
    ("kind", "claims", "copies", "fields", "text", "disputed", "preferred"),
    [
        # two independent outlets against one: the majority reading is suggested
        ("value_mismatch",
         [_claim("1", "a", 5.16e12), _claim("2", "b", 4.12e12), _claim("3", "c", 4.12e12)],
         {}, {}, "4.12 trillion tokens is backed by 2 independent source(s) against 1",
         ("1",), 4.12e12),
        # ... unless the two copy each other: then it is a tie
        ("value_mismatch",
         [_claim("1", "a", 5.16e12), _claim("2", "b", 4.12e12), _claim("3", "c", 4.12e12)],
         {"b": ["c"], "c": ["b"]}, {}, "No figure has more independent support",
         ("1", "2", "3"), None),
        # values within rounding (0.5%) are one reading, not two
        ("value_mismatch",
         [_claim("1", "a", 4.12e12), _claim("2", "b", 4.121e12), _claim("3", "c", 5.0e12)],
         {}, {}, "4.12 trillion tokens is backed by 2", ("3",), 4.12e12),
        # one article disagreeing with itself
        ("internal", [_claim("1", "a", 1.0, unit="%"), _claim("2", "a", 2.0, unit="%")],
         {}, {}, "ask the outlet which one is right", ("1", "2"), None),
        # a computation: the stated figure is disputed, the computed one suggested
        ("arithmetic", [_claim("1", "a", 0.0556, unit="x"), _claim("2", "a", 0.3,
                                                                   unit="USD/1M tokens")],
         {}, {"expected": 0.02, "stated": 0.0556},
         "Read 0.02\u00d7 (computed from the figures) rather than the stated 0.0556\u00d7",
         ("1",), 0.02),
        ("magnitude_anomaly", [_claim("1", "a", 9.8e13)], {},
         {"expected": 9.8e12, "stated": 9.8e13},
         "off by a factor of 10, a likely slip of scale", ("1",), 9.8e12),
        # same figures, different periods, one source each: no period is preferred
        ("period_mismatch",
         [_claim("1", "a", 4.12e12, period=WEEK_23), _claim("2", "b", 4.12e12)],
         {}, {}, "The figures agree on 4.12 trillion tokens but not on the period",
         ("1", "2"), None),
        # two independent outlets give one period: that period is suggested
        ("period_mismatch",
         [_claim("1", "a", 4.12e12, period=WEEK_23), _claim("2", "b", 4.12e12),
          _claim("3", "c", 4.12e12)],
         {}, {}, "Read the figures as week of 9\u201315 Feb 2026: 2 independent", ("1",), None),
        ("streak", [_claim("1", "a", 3.0, unit="weeks", kind="streak")], {}, {},
         "Check 3 weeks against the primary data.", ("1",), None),
    ],
)
def test_suggestion(kind: str, claims: list[Claim], copies: dict[str, list[str]],
                    fields: dict[str, Any], text: str, disputed: tuple[str, ...],
                    preferred: float | None) -> None:
    suggestion = _item(kind, claims, copies, **fields).suggestion
    assert text in suggestion.text
    assert sorted(suggestion.disputed) == sorted(disputed)
    assert suggestion.preferred == preferred


@pytest.mark.parametrize(
    ("kind", "claims", "readings"),
    [
        ("value_mismatch", [_claim("1", "a", 5.16e12), _claim("2", "b", 4.12e12),
                            _claim("3", "c", 5.16e12)],
         [("5.16 trillion tokens", ["Outlet A", "Outlet C"]),
          ("4.12 trillion tokens", ["Outlet B"])]),
        # several subjects: each reading names its subject; periods shown for period mismatches
        ("period_mismatch",
         [_claim("1", "a", 4.12e12, period=WEEK_23),
          _claim("2", "a", 2.94e12, period=WEEK_23, subject="US models"),
          _claim("3", "b", 4.12e12)],
         [("Chinese models: 4.12 trillion tokens, week of 23 Feb \u2013 1 Mar 2026 (approximate)",
           ["Outlet A"]),
          ("US models: 2.94 trillion tokens, week of 23 Feb \u2013 1 Mar 2026 (approximate)",
           ["Outlet A"]),
          ("Chinese models: 4.12 trillion tokens, week of 9\u201315 Feb 2026", ["Outlet B"])]),
    ],
)
def test_readings(kind: str, claims: list[Claim], readings: list[tuple[str, list[str]]]) -> None:
    assert _item(kind, claims).readings() == readings


def test_figures_start_with_the_stated_one_then_the_earliest_published() -> None:
    articles = {
        "a": Article(id="a", text="x", published=dt.date(2026, 3, 5)),
        "b": Article(id="b", text="x", published=dt.date(2026, 3, 1)),
        "c": Article(id="c", text="x"),
    }
    claims = [_claim("1", "c", 1.0), _claim("2", "a", 2.0), _claim("3", "b", 3.0)]
    d = Discrepancy(id="d", type="value_mismatch", severity="low", claim_ids=["1", "2", "3"],
                    article_ids=["a", "b", "c"], explanation="e")
    assert [f.claim.id for f in build_item(d, {c.id: c for c in claims}, articles, {}).figures] \
        == ["3", "2", "1"]
    stated = d.model_copy(update={"type": "arithmetic", "expected": 5.0, "stated": 1.0})
    assert [f.claim.id for f in build_item(stated, {c.id: c for c in claims}, articles,
                                           {}).figures] == ["1", "3", "2"]


def test_missing_claims_do_not_break_an_item() -> None:
    d = Discrepancy(id="d", type="value_mismatch", severity="low", claim_ids=["gone"],
                    article_ids=[], explanation="e")
    item = build_item(d, {}, {}, {})
    assert item.figures == () and item.slot == "value_mismatch"
    assert "No figure has more independent support" in item.suggestion.text


@pytest.mark.parametrize(("miscomputed", "text", "preferred"), [
    # two sources, one each: the figure another finding shows miscomputed loses the tie
    ({"1"}, "53.3%: as many independent sources state the other figures", 53.3),
    ((), "No figure has more independent support", None),  # must NOT: a plain tie stays one
])
def test_a_tie_is_broken_by_a_figure_shown_miscomputed(
    miscomputed: set[str], text: str, preferred: float | None
) -> None:
    claims = [_claim("1", "a", 57.0, unit="%", kind="share"),
              _claim("2", "b", 53.3, unit="%", kind="share")]
    # a disagreement between sources computes nothing, whatever side it calls "expected"
    d = Discrepancy(id="d", type="value_mismatch", severity="high", claim_ids=["1", "2"],
                    article_ids=["a", "b"], explanation="e", expected=57.0, stated=53.3)
    item = build_item(d, {c.id: c for c in claims}, ARTICLES, {}, miscomputed=miscomputed)
    assert text in item.suggestion.text
    assert item.suggestion.preferred == preferred
    assert item.computation is None
