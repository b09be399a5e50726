"""Issue 5: discrepancies cite bounded evidence, hedged figures do not bridge sides, and an
incremental run (``focus``) finds what a full run finds about the new claims."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from claimcheck.batch import PendingClaim, reconcile_claims
from claimcheck.models import Article, Claim, Discrepancy, Period
from claimcheck.reconcile import reconcile, slot_key, update
from claimcheck.reconcile.config import config
from claimcheck.store import NewArticle, Store

try:
    from tests.test_reconcile_factory import WEEK_FEB_09, WEEK_FEB_16, Desk, period, week
except ImportError:  # tests/ is not a package
    from test_reconcile_factory import (  # type: ignore[no-redef]
        WEEK_FEB_09,
        WEEK_FEB_16,
        Desk,
        period,
        week,
    )

CN = "Chinese models"


def _involving_all(found: list[Discrepancy], *claims: Claim) -> list[Discrepancy]:
    return [d for d in found if all(c.id in d.claim_ids for c in claims)]


def _agreeing_outlets(desk: Desk, value: float, figures: list[tuple[str, str]]) -> list[Claim]:
    made = []
    for article, figure in figures:
        desk.article(article, f"Outlet {article}")
        qualifier = "approx" if figure.startswith("roughly") else "exact"
        made.append(
            desk.claim(article, "token_volume", CN, value, "tokens", figure,
                       qualifier=qualifier, when=week(WEEK_FEB_09))
        )
    return made


# --- evidence: the accepted side is cited, not swept in -------------------------------------


@pytest.mark.parametrize(
    ("outlier", "figure", "kind"),
    [
        (2.7e12, "2.7 trillion", "value_mismatch"),  # a plain gap
        (4.12e15, "4.12 quadrillion", "magnitude_anomaly"),  # a slip of scale
    ],
)
def test_agreeing_figures_are_cited_not_flagged_together(
    outlier: float, figure: str, kind: str
) -> None:
    desk = Desk()
    agreeing = _agreeing_outlets(
        desk, 4.12e12, [("a", "4.12 trillion"), ("b", "4.12 trillion"), ("c", "4.12 trillion"),
                        ("d", "roughly 4.1 trillion")],
    )
    desk.article("odd", "Odd Outlet")
    odd = desk.claim("odd", "token_volume", CN, outlier, "tokens", figure, when=week(WEEK_FEB_09))
    found = desk.run()
    fired = [d for d in found if d.type == kind and odd.id in d.claim_ids]
    assert fired, found  # fires: the outlier and evidence against it
    cited = set(fired[0].claim_ids) - {odd.id}
    assert cited and len(cited) <= int(config().raw["evidence_claims"])
    assert "4 sources" in fired[0].explanation or "4.12 trillion" in fired[0].explanation
    assert not _involving_all(found, *agreeing)  # no-fire: agreeing figures never together


def test_without_a_majority_each_side_is_cited_not_swept() -> None:
    desk = Desk()
    low = _agreeing_outlets(desk, 2.09e12, [("a", "2.09 trillion"), ("b", "2.09 trillion")])
    desk.article("c", "C")
    desk.article("d", "D")
    high = [
        desk.claim("c", "token_volume", CN, 2.4e12, "tokens", "roughly 2.4 trillion",
                   qualifier="approx", when=week(WEEK_FEB_09)),
        desk.claim("d", "token_volume", CN, 2.45e12, "tokens", "about 2.45 trillion",
                   qualifier="approx", when=week(WEEK_FEB_09)),
    ]
    (d,) = desk.of_type("value_mismatch")  # fires: 2.09 against about 2.4
    assert set(d.claim_ids) & {c.id for c in low} and set(d.claim_ids) & {c.id for c in high}
    assert not _involving_all([d], *high) and not _involving_all([d], *low)  # no sweeping


def test_evidence_counts_copies_once() -> None:
    desk = Desk()
    desk.article("origin", "Origin", shares=("copy",))
    desk.article("copy", "Copy", shares=("origin",))
    desk.article("odd", "Odd")
    a = desk.claim("origin", "token_volume", CN, 4.12e12, "tokens", "4.12 trillion",
                   when=week(WEEK_FEB_09))
    b = desk.claim("copy", "token_volume", CN, 4.12e12, "tokens", "4.12 trillion",
                   when=week(WEEK_FEB_09))
    desk.article("third", "Third")
    desk.claim("third", "token_volume", CN, 4.12e12, "tokens", "4.12 trillion",
               when=week(WEEK_FEB_09))
    odd = desk.claim("odd", "token_volume", CN, 3.5e12, "tokens", "3.5 trillion",
                     when=week(WEEK_FEB_09))
    found = desk.of_type("value_mismatch")
    assert len(found) == 1 and odd.id in found[0].claim_ids
    assert not (a.id in found[0].claim_ids and b.id in found[0].claim_ids)


# --- a hedged figure does not bridge two exact ones ------------------------------------------


def test_hedged_figure_does_not_hide_a_transposed_digit() -> None:
    desk = Desk()
    agreeing = _agreeing_outlets(
        desk, 4.12e12, [("a", "4.12 trillion"), ("b", "4.12 trillion"), ("c", "4.12 trillion")]
    )
    desk.article("hedge", "Hedger")
    # roughly 4.1 trillion (±5%) agrees with 4.12 and with 4.21: it must not chain them
    desk.claim("hedge", "token_volume", CN, 4.1e12, "tokens", "roughly 4.1 trillion",
               qualifier="approx", when=week(WEEK_FEB_09))
    desk.article("typo", "Typo")
    typo = desk.claim("typo", "token_volume", CN, 4.21e12, "tokens", "4.21 trillion",
                      when=week(WEEK_FEB_09))
    found = desk.of_type("value_mismatch")
    assert len(found) == 1 and typo.id in found[0].claim_ids  # fires
    assert set(found[0].claim_ids) & {c.id for c in agreeing}
    assert "4.21 trillion" in found[0].explanation


def test_hedged_figure_between_agreeing_figures_is_quiet() -> None:
    desk = Desk()
    _agreeing_outlets(desk, 4.12e12, [("a", "4.12 trillion"), ("b", "roughly 4.1 trillion")])
    desk.article("c", "C")
    desk.claim("c", "token_volume", CN, 4.1e12, "tokens", "4.1 trillion", when=week(WEEK_FEB_09))
    assert desk.run() == []  # no-fire: 4.1 is 4.12 rounded, the hedge agrees with both


# --- streaks counted from different first weeks ----------------------------------------------

MAR_02, MAR_09, MAR_16 = ("2026-03-02", "2026-03-08"), ("2026-03-09", "2026-03-15"), (
    "2026-03-16",
    "2026-03-22",
)
M25 = "MiniMax M2.5"


@pytest.mark.parametrize(
    ("counts", "flagged"),
    [
        # (article, weeks, week the count ends) -> which articles miscount
        ([("a", 3, MAR_02), ("b", 5, MAR_16), ("odd", 6, MAR_09)], {"odd"}),  # 6 by Mar 15: no
        ([("a", 3, MAR_02), ("b", 4, MAR_09), ("c", 5, MAR_16)], set()),  # one run from Feb 16
        ([("a", 3, MAR_02), ("b", 1, MAR_16)], set()),  # a new run may start after a break
        ([("a", 3, MAR_02), ("b", 1, MAR_09)], {"a", "b"}),  # b denies the lead a counts
        ([("a", 2, WEEK_FEB_16), ("b", 4, WEEK_FEB_16)], {"a", "b"}),  # even: both flagged
    ],
)
def test_streaks_that_imply_different_first_weeks(
    counts: list[tuple[str, int, tuple[str, str]]], flagged: set[str]
) -> None:
    desk = Desk()
    for article, weeks, when in counts:
        desk.article(article, f"Outlet {article}")
        desk.claim(article, "streak", M25, weeks, "weeks", f"No. 1 for {weeks} straight weeks",
                   when=week(when, resolution="inferred"))
    found = [d for d in desk.run() if d.type == "streak"]
    at_fault = {a for d in found for a in d.article_ids}
    if not flagged:
        assert found == []
    else:
        assert len(found) == 1 and flagged <= at_fault
        assert "when the run began" in found[0].explanation


def test_undated_repeat_of_a_miscount_is_flagged_with_it() -> None:
    desk = Desk()
    desk.article("repost", "Repost")
    dated = week(WEEK_FEB_16, resolution="inferred")
    headline = desk.claim("repost", "streak", CN, 4, "weeks", "连续四周",
                          "中国AI调用量连续四周碾压美国", when=dated, over="US models")
    body = desk.claim("repost", "streak", CN, 4, "weeks", "连续四周",
                      "至此，中国模型已连续四周超过美国模型。", over="US models")
    desk.article("nbd", "NBD")
    source = desk.claim("nbd", "streak", CN, 2, "weeks", "连续两周",
                        "中国模型已连续两周超过美国模型。", when=dated, over="US models")
    other = desk.claim("nbd", "streak", CN, 3, "weeks", "连续三周", "连续三周排名第一。",
                       over="US models")  # another count, not a repeat
    (d,) = [d for d in desk.run() if d.type == "streak"]
    assert {headline.id, body.id, source.id} <= set(d.claim_ids)
    assert other.id not in d.claim_ids


@pytest.mark.parametrize(("figure", "when", "attributes"), [
    # a streak dated by a day is not a count to that day's week
    ("sixth straight week", period("2026-03-31", "2026-03-31", "day", "inferred"), {}),
    # a run in another place than the lead is not a miscounted lead
    ("in the top three for six straight weeks", week(MAR_09, resolution="inferred"),
     {"held": "top 3"}),
])
def test_a_second_count_that_is_no_miscount(
    figure: str, when: Period, attributes: dict[str, Any]
) -> None:
    desk = Desk()
    desk.article("a", "A")
    desk.claim("a", "streak", M25, 3, "weeks", "third straight week",
               when=week(MAR_02, resolution="inferred"))
    desk.article("b", "B")
    desk.claim("b", "streak", M25, 6, "weeks", figure, when=when, **attributes)
    assert desk.run() == []


# --- a daily figure against weekly totals ------------------------------------------------------


@pytest.mark.parametrize(
    ("daily", "figure", "fires"),
    [
        (1.5e14, "1.5 × 10^14", True),  # 29 times the whole week: a slip
        (7e12, "7 trillion", False),  # above a seventh of the week, not above the week by 10x
        (7.4e11, "740 billion", False),  # 5.16T / 7
        (5e9, "5 billion", True),  # a seventh of the week is 147 times more
    ],
)
def test_daily_figure_against_weekly_totals(daily: float, figure: str, fires: bool) -> None:
    desk = Desk()
    desk.article("weekly", "Weekly", published="2026-02-24")
    desk.claim("weekly", "token_volume", CN, 5.16e12, "tokens", "5.16 trillion",
               when=week(WEEK_FEB_16))
    desk.article("guide", "Guide", published="2026-02-25")
    odd = desk.claim("guide", "token_volume", CN, daily, "tokens", figure,
                     when=period(granularity="day"), daily_average=True)
    found = [d for d in desk.of_type("magnitude_anomaly") if odd.id in d.claim_ids]
    assert bool(found) is fires
    if fires:
        assert "a day" in found[0].explanation and found[0].expected == pytest.approx(5.16e12 / 7)


def test_daily_figure_of_another_period_is_not_compared() -> None:
    desk = Desk()
    desk.article("weekly", "Weekly", published="2026-02-24")
    desk.claim("weekly", "token_volume", CN, 5.16e12, "tokens", "5.16 trillion",
               when=week(WEEK_FEB_16))
    desk.article("old", "Old", published="2026-02-25")
    desk.claim("old", "token_volume", CN, 1.4e8, "tokens", "140 million",
               when=period("2024-03-01", "2024-03-10", "day"), daily_average=True)
    assert desk.of_type("magnitude_anomaly") == []


# --- focus: incremental runs find what a full run finds about the new claims -----------------


def _random_desk(seed: int) -> Desk:
    rng = random.Random(seed)
    desk = Desk()
    subjects = [CN, "US models", "MiniMax M2.5"]
    for n in range(12):
        article = f"art{n}"
        published = f"2026-02-{rng.randint(10, 28):02d}" if rng.random() < 0.8 else None
        desk.article(article, f"Outlet {n}", published=published)
        for _ in range(rng.randint(2, 5)):
            subject = rng.choice(subjects)
            value = rng.choice((4.12e12, 4.12e12, 5.16e12, 2.7e12, 4.12e15, 4.4e12))
            when = rng.choice((week(WEEK_FEB_09), week(WEEK_FEB_16), Period()))
            text = f"{value / 1e12:g} trillion"
            desk.claim(article, "token_volume", subject, value, "tokens", text, when=when)
        if rng.random() < 0.5:
            desk.claim(article, "share", CN, rng.choice((61.0, 57.0)), "%",
                       f"{rng.choice((61, 57))}%", of="US models", when=week(WEEK_FEB_16))
        if rng.random() < 0.3:
            desk.claim(article, "streak", CN, 3, "weeks", "third straight week",
                       over="US models", measure="token_volume")
    return desk


@pytest.mark.parametrize("seed", range(6))
def test_focused_run_equals_full_run_on_the_new_claims(seed: int) -> None:
    desk = _random_desk(seed)
    articles = desk.articles()
    new_article = sorted(articles)[seed % len(articles)]
    focus = {c.id for c in desk.claims if c.article_id == new_article}
    full = reconcile(desk.claims, articles)
    focused = reconcile(desk.claims, articles, focus=focus)
    touching = {d.id for d in full if focus & set(d.claim_ids)}
    assert touching <= {d.id for d in focused}
    assert {d.id for d in focused} <= {d.id for d in full}
    by_id = {d.id: d for d in full}
    for d in focused:
        assert set(d.claim_ids) <= set(by_id[d.id].claim_ids)


def test_no_focus_is_the_full_run() -> None:
    desk = _random_desk(1)
    articles = desk.articles()
    every = {c.id for c in desk.claims}
    assert reconcile(desk.claims, articles, focus=every) == reconcile(desk.claims, articles)
    assert reconcile(desk.claims, articles, focus=set()) == []


def _arrivals(desk: Desk) -> list[list[Claim]]:
    """The desk's claims article by article, in the order an ingest would see them."""
    return [[c for c in desk.claims if c.article_id == a] for a in sorted(desk.articles())]


@pytest.mark.parametrize("seed", range(12))
def test_updates_one_article_at_a_time_end_where_a_full_run_does(seed: int) -> None:
    # a later figure can settle an earlier finding (a third outlet makes a side the majority,
    # a misattribution explains a gap): what updates leave active is what a full run finds
    desk = _random_desk(seed)
    articles = desk.articles()
    active: dict[str, Discrepancy] = {}
    seen: list[Claim] = []
    for new in _arrivals(desk):
        seen += new
        known = {c.article_id: articles[c.article_id] for c in seen}
        changed = update(seen, known, {c.id for c in new}, list(active.values()))
        for stale in changed.stale:
            del active[stale]
        for d in changed.found:  # as the store does, a finding keeps the claims it had
            had = active[d.id].claim_ids if d.id in active else []
            active[d.id] = d.model_copy(update={"claim_ids": sorted({*had, *d.claim_ids})})
    assert set(active) == {d.id for d in reconcile(desk.claims, articles)}


def test_update_keeps_what_still_holds_and_names_what_does_not() -> None:
    desk = Desk()
    for name, value in (("a", 4.12e12), ("b", 5.16e12)):
        desk.article(name, f"Outlet {name}")
        desk.claim(name, "token_volume", CN, value, "tokens", "figure", when=week(WEEK_FEB_16))
    articles = desk.articles()
    first = reconcile(desk.claims, articles)
    assert [d.type for d in first] == ["value_mismatch"]
    # nothing new in the bucket: the finding is not re-checked, whatever else comes in
    desk.article("c", "Outlet c")
    other = desk.claim("c", "token_volume", "US models", 2.9e12, "tokens", "2.9 trillion",
                       when=week(WEEK_FEB_16))
    assert update(desk.claims, articles | desk.articles(), {other.id}, first).stale == []
    # the same figures again, re-checked: still found, so not stale
    again = update(desk.claims, desk.articles(), {desk.claims[0].id}, first)
    assert again.stale == [] and [d.id for d in again.found] == [first[0].id]


@pytest.mark.parametrize("seed", range(3))
def test_store_retires_findings_a_later_article_settles(seed: int, tmp_path: Path) -> None:
    desk = _random_desk(seed)
    articles = desk.articles()
    store = Store(str(tmp_path / "s.db"))
    for new in _arrivals(desk):
        store.add_article(articles[new[0].article_id], new, [slot_key(c) for c in new])
        reconcile_claims(store, new)
    full = {d.id for d in reconcile(desk.claims, articles)}
    assert {d.id for d in store.discrepancies()} == full


# --- the store loads undated claims by publication date ---------------------------------------


def _article(article_id: str, published: dt.date | None, claim: Claim) -> NewArticle:
    article = Article(id=article_id, published=published, text=claim.quote)
    return NewArticle(article, [claim], ["slot"], ())


def _undated(article_id: str) -> Claim:
    return Claim(id=f"{article_id}-c", article_id=article_id, kind="price", subject="X",
                 subject_text="X", value=1.0, unit="USD/1M tokens", quote="X costs $1.",
                 span=(8, 10), confidence=0.9)


@pytest.mark.parametrize(
    ("published", "kept"),
    [
        (dt.date(2026, 2, 20), True),  # published in the window
        (dt.date(2026, 1, 1), True),  # within the longest undated window of it
        (None, True),  # no date: cannot be ruled out
        (dt.date(2024, 1, 1), False),  # two years earlier: not comparable
        (dt.date(2028, 1, 1), False),
    ],
)
def test_store_window_keeps_undated_claims_published_near(
    tmp_path: Path, published: dt.date | None, kept: bool
) -> None:
    store = Store(str(tmp_path / "w.db"))
    store.add_articles([_article("a1", published, _undated("a1"))])
    window = (dt.date(2026, 2, 9), dt.date(2026, 2, 22))
    found = store.claims(slots=["slot"], period_window=window)
    assert bool(found) is kept
    assert store.claims(slots=["slot"])  # without a window everything is there
    store.close()


@pytest.mark.parametrize("how", ["slots", "article_ids", "everything"])
def test_store_leaves_out_the_claims_a_caller_holds(tmp_path: Path, how: str) -> None:
    store = Store(str(tmp_path / "l.db"))
    store.add_articles([_article(f"a{n}", dt.date(2026, 2, 20), _undated(f"a{n}"))
                        for n in range(3)])
    slots = ["slot"] if how == "slots" else None
    article_ids = ["a0", "a1", "a2"] if how == "article_ids" else None
    held = {"a1-c": "held"}
    for leave_out, expected in [((), ["a0-c", "a1-c", "a2-c"]), (held, ["a0-c", "a2-c"])]:
        found = store.claims(slots=slots, article_ids=article_ids, leave_out=leave_out)
        assert [c.id for c in found] == expected
    store.close()


@pytest.mark.parametrize(
    ("start", "end", "kept"),
    [
        ("2026-02-16", "2026-02-22", True),  # inside
        ("2025-01-01", "2026-12-31", True),  # a long period around the window
        ("2026-02-01", "2026-02-09", True),  # ends on the window's first day
        ("2026-01-05", "2026-01-11", False),  # before
        ("2026-02-23", "2026-03-01", False),  # after
        ("2026-02-10", None, True),  # a start without an end, inside
        ("2026-03-10", None, False),
    ],
)
def test_store_window_keeps_dated_claims_that_meet_it(
    tmp_path: Path, start: str, end: str | None, kept: bool
) -> None:
    store = Store(str(tmp_path / "d.db"))
    claim = _undated("a1").model_copy(
        update={"period": Period(start=dt.date.fromisoformat(start),
                                 end=dt.date.fromisoformat(end) if end else None,
                                 granularity="week", resolution="explicit")}
    )
    store.add_articles([_article("a1", dt.date(2030, 1, 1), claim)])
    window = (dt.date(2026, 2, 9), dt.date(2026, 2, 22))
    assert bool(store.claims(slots=["slot"], period_window=window)) is kept
    store.close()


def _volume(article_id: str, start: dt.date | None, end: dt.date | None) -> Claim:
    return Claim(
        id=f"{article_id}-v", article_id=article_id, kind="token_volume",
        subject="Chinese models", subject_text="Chinese models", value=4.12e12, unit="tokens",
        period=Period(start=start, end=end, granularity="week" if start else None,
                      resolution="explicit" if start else "unresolved"),
        quote="4.12 trillion tokens", span=(0, 20), confidence=0.9,
    )


@pytest.mark.parametrize(
    ("start", "published", "contains", "open_window"),
    [
        # a dated claim: the window is around its own week, whatever its article's date
        (dt.date(2026, 2, 9), None, dt.date(2026, 2, 12), False),
        # an undated claim stands for its article's publication date
        (None, dt.date(2026, 3, 1), dt.date(2026, 3, 1), False),
        # nothing dates it: every stored claim of the slot may bear on it
        (None, None, None, True),
    ],
)
def test_claim_window_of_new_claims(
    start: dt.date | None, published: dt.date | None, contains: dt.date | None,
    open_window: bool,
) -> None:
    from claimcheck.batch import claim_window

    end = start + dt.timedelta(days=6) if start else None
    window = claim_window(_volume("a", start, end), {"a": published})
    if open_window:
        assert window is None
    else:
        assert window is not None and contains is not None
        assert window[0] <= contains <= window[1] and (window[1] - window[0]).days < 400


def _windowed(claims: list[Claim]) -> list[tuple[tuple[dt.date, dt.date] | None, Claim]]:
    from claimcheck.batch import claim_window

    return [(claim_window(c, {c.article_id: None}), c) for c in claims]


def test_time_groups_keep_far_apart_weeks_apart() -> None:
    from claimcheck.batch import time_groups

    feb, feb_next = dt.date(2026, 2, 9), dt.date(2026, 2, 16)
    sept = dt.date(2026, 9, 7)
    claims = [
        _volume("a", feb, feb + dt.timedelta(days=6)),
        _volume("b", sept, sept + dt.timedelta(days=6)),
        _volume("c", feb_next, feb_next + dt.timedelta(days=6)),  # overlaps a's window
        _volume("d", None, None),  # an undated claim of an undated article
    ]
    groups = time_groups(_windowed(claims))
    assert [sorted(c.article_id for c in group) for _, group in groups] == [
        ["a", "c"], ["b"], ["d"]]
    (feb_window, _), (sept_window, _), (open_window, _) = groups
    assert feb_window is not None and sept_window is not None and open_window is None
    assert feb_window[1] < sept_window[0]


def test_time_groups_stop_growing_at_their_limit() -> None:
    """A year of weekly figures, each window overlapping the next: a few groups of a few
    months each, every claim in exactly one, every window within its group's."""
    from claimcheck.batch import MAX_GROUP_DAYS, time_groups

    weeks = [dt.date(2026, 1, 5) + dt.timedelta(weeks=n) for n in range(52)]
    claims = [_volume(f"w{n}", w, w + dt.timedelta(days=6)) for n, w in enumerate(weeks)]
    windowed = _windowed(claims)
    groups = time_groups(windowed)
    assert 2 < len(groups) < 10
    assert sorted(c.id for _, group in groups for c in group) == sorted(c.id for c in claims)
    for bounds, group in groups:
        assert bounds is not None and (bounds[1] - bounds[0]).days <= MAX_GROUP_DAYS
        for window, claim in windowed:
            if claim in group:
                assert window is not None and bounds[0] <= window[0] <= window[1] <= bounds[1]


def test_time_groups_keep_long_windows_apart() -> None:
    """A streak looks back a year: its window does not stretch the group of weekly figures."""
    from claimcheck.batch import time_groups

    week = dt.date(2026, 3, 2)
    weekly = _volume("a", week, week + dt.timedelta(days=6))
    streak = _volume("b", week, week + dt.timedelta(days=6)).model_copy(
        update={"kind": "streak", "id": "streak"})
    groups = time_groups(_windowed([weekly, streak]))
    assert [[c.id for c in group] for _, group in groups] == [[weekly.id], ["streak"]]


def _pending(claims: list[Claim]) -> list[PendingClaim]:
    return [PendingClaim(c.id, c.article_id, window) for window, c in _windowed(claims)]


def _half_years(*years: int) -> list[Claim]:
    """Weekly figures over the first half of each year: a few time groups per year."""
    return [_volume(f"{year}w{n}", week, week + dt.timedelta(days=6))
            for year in years for n in range(26)
            for week in [dt.date(year, 1, 5) + dt.timedelta(weeks=n)]]


def _starts(pending: list[PendingClaim]) -> Counter[dt.date | None]:
    return Counter(c.window[0] if c.window else None for c in pending)


@pytest.mark.parametrize("parts", [2, 3, 40])
def test_split_by_time_gives_consecutive_spans_with_every_claim_in_one(parts: int) -> None:
    from claimcheck.batch import _within, split_by_time

    pending = _pending([*_half_years(2026, 2028), _volume("undated", None, None)])
    spans = split_by_time(_starts(pending), parts)
    assert len(spans) == min(parts, len(_starts(pending)))
    assert spans[0][0] is None and spans[-1][1] is None
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    for claim in pending:
        assert sum(_within(claim.window, span) for span in spans) == 1, claim.id
    sizes = [sum(_within(c.window, span) for c in pending) for span in spans]
    assert max(sizes) - min(sizes) <= 2  # one claim a week: as even as whole days allow


def test_split_by_time_weighs_spans_by_their_claims() -> None:
    """Half a year with two figures a week, then two half-years with one: the busy half-year
    is one part (weighed by days, it would be a third of the work)."""
    from claimcheck.batch import _within, split_by_time

    busy = _half_years(2026)
    busy += [c.model_copy(update={"id": c.id + "-again"}) for c in busy]
    pending = _pending([*_half_years(2028, 2030), *busy])
    spans = split_by_time(_starts(pending), 2)
    assert [sorted({c.article_id[:4] for c in pending if _within(c.window, span)})
            for span in spans] == [["2026"], ["2028", "2030"]]


def test_split_by_time_leaves_one_part_whole() -> None:
    from claimcheck.batch import EVERYTHING, split_by_time

    week = dt.date(2026, 9, 7)
    pending = _pending([_volume("w", week, week + dt.timedelta(days=6)),
                        _volume("undated", None, None)])
    assert split_by_time(_starts(pending), 1) == [EVERYTHING]
    assert split_by_time(Counter(), 2) == [EVERYTHING]


def test_pending_claims_are_read_back_with_their_windows(tmp_path: Path) -> None:
    """What a part reconciles is read from the store: the claims of its articles whose
    windows start in its span, with the windows ``claim_window`` gives them."""
    from claimcheck.batch import _within, claim_window, pending_claims, split_by_time

    store = Store(str(tmp_path / "s.db"))
    published = {"2026": dt.date(2026, 7, 1), "2028": None}
    by_article = {year: [c.model_copy(update={"article_id": year})
                         for c in _half_years(int(year))] for year in published}
    by_article["2028"].append(_volume("2028", None, None).model_copy(update={"id": "undated"}))
    store.add_articles([NewArticle(Article(id=year, published=published[year], text=year),
                                   claims, [slot_key(c) for c in claims])
                        for year, claims in by_article.items()])
    expected = {c.id: claim_window(c, published) for cs in by_article.values() for c in cs}
    read = pending_claims(store, ["2026", "2028"])
    assert {c.id: c.window for c in read} == expected
    assert {c.id: c.article_id for c in read} == {
        c.id: c.article_id for cs in by_article.values() for c in cs}
    spans = split_by_time(_starts(read), 2)
    parts = [pending_claims(store, ["2026", "2028"], span) for span in spans]
    assert [sorted(c.id for c in part) for part in parts] == [
        sorted(i for i, w in expected.items() if _within(w, span)) for span in spans]
    assert sorted(c.id for part in parts for c in part) == sorted(expected)
    assert pending_claims(store, ["2026"]) == [c for c in read if c.article_id == "2026"]
