"""The tolerance rule: written precision, hedges and bounds (claimcheck/reconcile/tolerance.py)."""

from __future__ import annotations

import math
import time

import pytest

from claimcheck.reconcile.tolerance import (
    bounds_of,
    claim_bounds,
    gap,
    half_unit_in,
    is_precise,
    overlap,
)

try:
    from tests.test_reconcile_factory import Desk
except ImportError:  # tests/ is not a package
    from test_reconcile_factory import Desk  # type: ignore[no-redef]


@pytest.mark.parametrize(
    ("written", "value", "half"),
    [
        ("4.12 trillion Tokens", 4.12e12, 0.005e12),
        ("over 14.69 trillion", 14.69e12, 0.005e12),
        ("47%", 47, 0.5),
        ("47.17%", 47.17, 0.005),
        ("9.8 × 10^13", 9.8e13, 0.05e13),
        ("$0.002 per k token", 2.0, 0.5),  # per-1K price normalized per 1M: rounding scales too
        ("$0.3 per million Tokens", 0.3, 0.05),
        ("１４．６９万亿", 14.69e12, 0.005e12),  # full-width digits and point
        ("5.16万亿", 5.16e12, 0.005e12),
        ("1,000-fold", 1000, 0.5),
        ("fell 12%", -12, 0.5),
        ("140 billion", 1.4e11, 0.5e9),
        ("roughly 0.14 trillion", 1.4e11, 0.005e12),
    ],
)
def test_half_unit_of_the_last_written_digit(written: str, value: float, half: float) -> None:
    found = half_unit_in(written, value)
    assert found is not None
    assert math.isclose(found, half, rel_tol=1e-9)


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("ten-fold", 10),  # no digits: fallback relative rounding
        ("one-eighteenth", 1 / 18),
        ("in 2026 it reached", 4.12e12),  # a year is not the mantissa of 4.12 trillion
        ("GLM-5 and M2.5", 4.12e12),
        ("", 3.0),
    ],
)
def test_no_mantissa_found(written: str, value: float) -> None:
    assert half_unit_in(written, value) is None


def _b(value: float, qualifier: str, written: str) -> tuple[float, float]:
    half = half_unit_in(written, value)
    b = bounds_of(value, qualifier, half if half is not None else abs(value) * 0.005)
    return b.lo, b.hi


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ((14.69e12, "at_least", "over 14.69 trillion"), (14.7e12, "exact", "14.7 trillion"), True),
        ((2.45e12, "approx", "about 2.45T"), (2.4e12, "exact", "2.4T"), True),
        ((4.12e12, "exact", "4.12 trillion"), (5.16e12, "exact", "5.16 trillion"), False),
        ((47.17, "exact", "47.17%"), (47, "exact", "47%"), True),
        ((47.17, "exact", "47.17%"), (47.3, "exact", "47.3%"), False),
        ((2.7e12, "exact", "2.7 trillion"), (2.94e12, "exact", "2.94 trillion"), False),
        ((50, "at_least", "exceeded 50%"), (51.2, "exact", "51.2%"), True),
        ((50, "at_least", "exceeded 50%"), (48, "exact", "48%"), False),
        ((5, "at_most", "at most 5"), (7, "exact", "7"), False),
        ((5, "at_most", "at most 5"), (4, "exact", "4"), True),
        ((80, "approx", "approximately 80%"), (76, "exact", "76%"), True),
        ((80, "approx", "approximately 80%"), (70, "exact", "70%"), False),
        ((-12, "at_least", "fell more than 12%"), (-15, "exact", "fell 15%"), True),
        ((-12, "at_least", "fell more than 12%"), (-10, "exact", "fell 10%"), False),
        # a floor reaches half an order of magnitude up (sqrt of magnitude.min_factor = 10)
        ((1.4e10, "at_least", "over 14 billion"), (4.4e10, "exact", "44 billion"), True),
        ((1.4e10, "at_least", "over 14 billion"), (4.5e10, "exact", "45 billion"), False),
        ((1.4e10, "at_least", "超过一百四十亿"), (1.4e11, "at_least", "超过1400亿"), False),
        ((-12, "at_least", "fell more than 12%"), (-37, "exact", "fell 37%"), True),
        ((-12, "at_least", "fell more than 12%"), (-39, "exact", "fell 39%"), False),
        ((5, "at_most", "under 5%"), (0.3, "exact", "0.3%"), True),
        ((1.4e11, "exact", "140 billion"), (1.4e11, "approx", "roughly 0.14 trillion"), True),
    ],
)
def test_agreement_table(a: tuple[float, str, str], b: tuple[float, str, str], agree: bool) -> None:
    from claimcheck.reconcile.tolerance import Bounds

    lo_a, hi_a = _b(*a)
    lo_b, hi_b = _b(*b)
    assert overlap(Bounds(lo_a, hi_a, a[0]), Bounds(lo_b, hi_b, b[0])) is agree


def test_gap_is_relative_to_the_smaller_value_and_zero_when_agreeing() -> None:
    a = bounds_of(4.12e12, "exact", 0.005e12)
    b = bounds_of(5.16e12, "exact", 0.005e12)
    assert gap(a, b) == pytest.approx((5.155 - 4.125) / 4.12, rel=1e-6)
    assert gap(a, a) == 0.0


def test_claim_precision_is_read_from_the_article_span() -> None:
    desk = Desk()
    desk.article("a")
    precise = desk.claim("a", "token_volume", "Chinese models", 4.12e12, "tokens", "4.12 trillion")
    rough = desk.claim("a", "token_volume", "US models", 2.7e12, "tokens", "2.7 trillion")
    articles = desk.articles()
    assert is_precise(precise, articles["a"])
    assert not is_precise(rough, articles["a"])


@pytest.mark.parametrize(("written", "agrees_with_47"), [
    ("nearly half", True), ("一半", True),  # a share in words is rough: 10 % of its value
    ("50%", False),  # must NOT: a share in digits keeps its written precision
])
def test_a_share_in_words_is_rough(written: str, agrees_with_47: bool) -> None:
    desk = Desk()
    desk.article("a")
    share = desk.claim("a", "share", "US developers", 50, "%", written)
    bounds = claim_bounds(share, desk.articles()["a"])
    assert overlap(bounds, bounds_of(47.17, "exact", 0.005)) == agrees_with_47


@pytest.mark.parametrize(("written", "value", "agrees_with_35"), [
    ("fell by a third", -100 / 3, True),  # a change in words is rough too
    ("fell 33%", -33, False),  # must NOT: in digits it keeps its written precision
])
def test_a_change_in_words_is_rough(written: str, value: float, agrees_with_35: bool) -> None:
    desk = Desk()
    desk.article("a")
    change = desk.claim("a", "change", "Grok 4.1 Fast", value, "%", written)
    bounds = claim_bounds(change, desk.articles()["a"])
    assert overlap(bounds, bounds_of(-35, "exact", 0.5)) == agrees_with_35


@pytest.mark.parametrize(
    "hostile", ["1" * 50000, "$" * 50000, "1." * 20000, "(" * 20000, "trillion " * 10000]
)
def test_reading_precision_is_fast_on_hostile_input(hostile: str) -> None:
    started = time.perf_counter()
    half_unit_in(hostile, 4.12e12)
    assert time.perf_counter() - started < 0.5
