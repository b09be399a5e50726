"""Slot keys and period matching (claimcheck/reconcile/slots.py)."""

from __future__ import annotations

import itertools

import pytest

from claimcheck.models import Article, Claim, Period
from claimcheck.reconcile import related_slot_keys, slot_key
from claimcheck.reconcile.slots import (
    Match,
    joint_members,
    likely_same_period,
    period_match,
    same_period_as_undated,
)

try:
    from tests.test_reconcile_factory import WEEK_FEB_09, WEEK_FEB_16, period, week
except ImportError:  # tests/ is not a package
    from test_reconcile_factory import (  # type: ignore[no-redef]
        WEEK_FEB_09,
        WEEK_FEB_16,
        period,
        week,
    )


def make(
    kind: str = "token_volume",
    subject: str = "Chinese models",
    unit: str = "tokens",
    when: Period | None = None,
    article_id: str = "a",
    value: float = 1.0,
    **attributes: object,
) -> Claim:
    return Claim(
        id=f"{article_id}-{kind}-{subject}",
        article_id=article_id,
        kind=kind,
        subject=subject,
        subject_text=subject,
        value=value,
        unit=unit,
        period=when or Period(),
        attributes=dict(attributes),
        quote="q",
        span=(0, 1),
        confidence=0.9,
    )


@pytest.mark.parametrize(
    ("claim", "key"),
    [
        (make(when=week(WEEK_FEB_16)), "token_volume|chinese models|g=week"),
        (make(subject="CHINESE Models"), "token_volume|chinese models|g=-"),
        (
            make("price", "MiniMax M2.5", "USD/1M tokens", direction="input"),
            "price|minimax m2.5|direction=input|currency=usd|g=-",
        ),
        (
            make(
                "price", "MiniMax M2.5", "CNY/1M tokens", direction="output", condition="off_peak"
            ),
            "price|minimax m2.5|direction=output|currency=cny|condition=off_peak|g=-",
        ),
        (
            make("ranking", "MiniMax M2.5", "rank", week(WEEK_FEB_16), scope="OpenRouter weekly"),
            "ranking|*|scope=openrouter weekly|g=week",
        ),
        (make("ranking", "MiniMax M2.5", "rank"), "ranking|minimax m2.5|g=-"),
        (
            make("share", unit="%", of="OpenRouter top 10 models"),
            "share|chinese models|of=openrouter top 10 models|g=-",
        ),
        (
            make(
                "change",
                "Claude Opus 4.6",
                "x",
                measure="price",
                direction="input",
                currency="USD",
                compared_to=["MiniMax M2.5", "GLM-5"],
            ),
            "change|claude opus 4.6|measure=price|compared_to=glm-5+minimax m2.5|"
            "direction=input|currency=usd|u=x|g=-",
        ),
        (
            make("streak", unit="weeks", over="US models", measure="token_volume"),
            "streak|chinese models|measure=token_volume|over=us models|g=-",
        ),
        (
            make("quantity", "xAI", "USD", measure="valuation"),
            "quantity|xai|measure=valuation|u=usd|g=-",
        ),
    ],
)
def test_slot_key_table(claim: Claim, key: str) -> None:
    assert slot_key(claim) == key


def test_price_direction_and_currency_separate_slots() -> None:
    usd_in = make("price", "M2.5", "USD/1M tokens", direction="input")
    usd_out = make("price", "M2.5", "USD/1M tokens", direction="output")
    cny_in = make("price", "M2.5", "CNY/1M tokens", direction="input")
    assert len({slot_key(usd_in), slot_key(usd_out), slot_key(cny_in)}) == 3


def test_related_keys_of_a_ratio_reach_the_base_prices() -> None:
    ratio = make(
        "change",
        "Claude Opus 4.6",
        "x",
        measure="price",
        direction="input",
        currency="USD",
        compared_to=["MiniMax M2.5", "GLM-5"],
    )
    keys = related_slot_keys(ratio)
    assert slot_key(ratio) in keys
    for subject in ("Claude Opus 4.6", "MiniMax M2.5", "GLM-5"):
        base = make("price", subject, "USD/1M tokens", direction="input")
        assert slot_key(base) in keys


def test_related_keys_of_a_change_reach_every_granularity_of_the_subject() -> None:
    change = make("change", unit="%", when=week(WEEK_FEB_16), basis="21 days")
    keys = related_slot_keys(change)
    assert slot_key(make(when=week(WEEK_FEB_09))) in keys
    assert slot_key(make()) in keys
    assert len(keys) == len(set(keys))


def test_related_keys_of_share_and_streak() -> None:
    share = make("share", unit="%", of="OpenRouter top 10 models")
    assert slot_key(make(subject="OpenRouter top 10 models")) in related_slot_keys(share)
    streak = make("streak", unit="weeks", over="US models")
    assert slot_key(make(subject="US models", when=week(WEEK_FEB_09))) in related_slot_keys(streak)


def _articles(published_a: str | None, published_b: str | None) -> dict[str, Article]:
    import datetime as dt

    def pub(text: str | None) -> dt.date | None:
        return dt.date.fromisoformat(text) if text else None

    return {
        "a": Article(id="a", text="", published=pub(published_a)),
        "b": Article(id="b", text="", published=pub(published_b)),
    }


@pytest.mark.parametrize(
    ("a_period", "b_period", "published", "expected"),
    [
        (week(WEEK_FEB_16), week(WEEK_FEB_16), (None, None), Match.SAME),
        (week(WEEK_FEB_16), period("2026-02-17", "2026-02-23"), (None, None), Match.SAME),
        (week(WEEK_FEB_09), week(WEEK_FEB_16), (None, None), Match.NO),
        (week(WEEK_FEB_16), period(granularity="week"), (None, "2026-02-27"), Match.LIKELY),
        (week(WEEK_FEB_16), period(granularity="week"), (None, "2026-03-20"), Match.NO),
        (week(WEEK_FEB_16), period(granularity="week"), (None, None), Match.NO),
        (
            period(granularity="week"),
            period(granularity="week"),
            ("2026-02-20", "2026-03-01"),
            Match.LIKELY,
        ),
        (
            period(granularity="week"),
            period(granularity="week"),
            ("2026-02-01", "2026-03-01"),
            Match.NO,
        ),
        (week(WEEK_FEB_16), period(granularity="day"), (None, "2026-02-27"), Match.NO),
    ],
)
def test_period_match_table(
    a_period: Period, b_period: Period, published: tuple[str | None, str | None], expected: Match
) -> None:
    a = make(when=a_period, article_id="a")
    b = make(when=b_period, article_id="b")
    assert period_match(a, b, _articles(*published)) is expected


@pytest.mark.parametrize(
    ("a_granularity", "published", "same_article"),
    list(itertools.product(["week", "day", None],
                           [(None, None), ("2026-02-20", None), (None, "2026-02-27"),
                            ("2026-02-20", "2026-02-27"), ("2026-02-20", "2026-04-01")],
                           [False, True])),
)
def test_the_undated_side_worked_out_once_agrees_with_likely_same_period(
    a_granularity: str | None, published: tuple[str | None, str | None], same_article: bool,
) -> None:
    articles = _articles(*published)
    a = make(when=period(granularity=a_granularity), article_id="a")
    others = [week(WEEK_FEB_16), week(WEEK_FEB_09), period("2026-03-30", "2026-04-05", "week"),
              period(granularity="week"), period(granularity="day"),
              period(granularity=None)]
    test = same_period_as_undated(a, articles)
    for when in others:
        b = make(when=when, article_id="a" if same_article else "b")
        assert test(b) is likely_same_period(a, b, articles), (when, b.article_id)


@pytest.mark.parametrize(("name", "members"), [
    ("Chinese and US models", ["Chinese models", "US models"]),
    ("Kimi K2.5 and GLM-5", ["Kimi K2.5", "GLM-5"]),
    ("Chinese models", []),  # one subject
])
def test_joint_members(name: str, members: list[str]) -> None:
    assert joint_members(name) == members
