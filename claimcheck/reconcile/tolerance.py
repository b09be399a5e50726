"""When two figures agree: the tolerance rule.

A claim carries only a float, so its written precision is read back from the text:

* the figure as written is ``article.text[span]`` (else the claim's quote); the first number in
  it whose ratio to the claim's value is a power of ten is the mantissa ("4.12" of "4.12
  trillion", "9.8" of "9.8 × 10^13", "0.002" of "$0.002 per 1K"), and **half a unit of its last
  written digit**, scaled by that ratio, is the claim's rounding (4.12 trillion -> ±0.005e12;
  47% -> ±0.5; $0.002 per 1K -> ±0.5 USD/1M). When no mantissa is found ("ten-fold",
  "one-eighteenth") the rounding is ``fallback_relative`` (0.5 %) of the value. Kinds listed
  in ``exact_kinds`` (prices: list prices are exact, "$5" is not 4.5 to 5.5) always use it.
  A share or a change written in words ("nearly half", "a fifth", "三分之一", "fell by a
  third") names a rough value: its rounding is ``spelled_relative`` (10 %) of it.
* ``exact``    -> [v - half, v + half]
* ``approx``   -> [v - w, v + w] with w = max(half, ``approx_relative`` * |v|) (5 %)
* ``at_least`` -> [v - half, v * sqrt(min_factor)] ("over 14.69 trillion");
  ``at_most`` -> (-inf, v + half]. A floor is the writer's order of magnitude: "over 14
  billion" agrees with 40 billion, but a value more than half an order of magnitude above it
  (the geometric middle of X and the slip of scale X * magnitude.min_factor) would have been
  written as a higher floor, and 140 billion is a slip of scale, not a hedge.
  For a negative value (a decrease, "fell more than 12%" -> -12) the bound is on the size of
  the change, so the sides swap.

Two claims agree when their intervals overlap. The gap between two claims that do not agree is
the distance between their intervals relative to the smaller absolute value. Tolerances live in
corpora/reconcile.json.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from claimcheck.models import Article, Claim

from .config import config

# Full-width digits and separators become ASCII, one character for one, before reading numbers.
_ASCII = str.maketrans(
    {**{chr(0xFF10 + i): str(i) for i in range(10)}, "．": ".", "，": ",", "\u2212": "-"}
)


class Bounds(NamedTuple):
    lo: float
    hi: float
    value: float

    @property
    def bounded(self) -> bool:
        return math.isfinite(self.lo) and math.isfinite(self.hi)


def written_figure(claim: Claim, article: Article | None) -> str | None:
    """The figure as written in the article, when the span indexes into its text."""
    if article is None:
        return None
    start, end = claim.span
    if 0 <= start < end <= len(article.text):
        return article.text[start:end]
    return None


def _is_power_of_ten(ratio: float) -> bool:
    if ratio <= 0 or not math.isfinite(ratio):
        return False
    exponent = math.log10(ratio)
    return abs(exponent - round(exponent)) < 1e-6


def half_unit_in(text: str, value: float) -> float | None:
    """Half a unit of the last written digit of the number in ``text`` that states ``value``."""
    magnitude = abs(value)
    if magnitude == 0:
        return None
    for match in config().number.finditer(text.translate(_ASCII)):
        digits = match.group().replace(",", "").replace("，", "")
        mantissa = float(digits)
        if mantissa == 0:
            continue
        ratio = magnitude / mantissa
        if _is_power_of_ten(ratio):
            decimals = len(digits.split(".")[1]) if "." in digits else 0
            return 0.5 * 10.0 ** (-decimals) * ratio
    return None


def half_unit(claim: Claim, article: Article | None = None) -> float:
    """The rounding of a claim's value as written (see the module docstring)."""
    if claim.kind in config().raw["exact_kinds"]:
        return abs(claim.value) * config().tolerance("fallback_relative")
    written = written_figure(claim, article)
    if claim.kind in ("share", "change") and written and not any(ch.isdigit() for ch in written):
        return abs(claim.value) * config().tolerance("spelled_relative")
    for text in (written, claim.quote):
        if text:
            found = half_unit_in(text, claim.value)
            if found is not None:
                return found
    return abs(claim.value) * config().tolerance("fallback_relative")


def bounds_of(value: float, qualifier: str, half: float) -> Bounds:
    """The interval of true values a figure stated with this qualifier and rounding allows."""
    eps = abs(value) * config().tolerance("epsilon_relative")
    half = abs(half) + eps
    if qualifier == "approx":
        width = max(half, abs(value) * config().tolerance("approx_relative"))
        return Bounds(value - width, value + width, value)
    lower_bound = (qualifier == "at_least") != (value < 0)
    if qualifier in ("at_least", "at_most"):
        reach = abs(value) * math.sqrt(config().magnitude("min_factor"))
        if lower_bound:
            return Bounds(value - half, reach if qualifier == "at_least" else math.inf, value)
        return Bounds(-reach if qualifier == "at_least" else -math.inf, value + half, value)
    return Bounds(value - half, value + half, value)


def claim_bounds(claim: Claim, article: Article | None = None) -> Bounds:
    return bounds_of(claim.value, claim.qualifier, half_unit(claim, article))


def overlap(a: Bounds, b: Bounds) -> bool:
    return a.lo <= b.hi and b.lo <= a.hi


def gap(a: Bounds, b: Bounds) -> float:
    """Distance between two intervals relative to the smaller absolute value (0 if they agree)."""
    if overlap(a, b):
        return 0.0
    distance = b.lo - a.hi if a.hi < b.lo else a.lo - b.hi
    scale = min(abs(a.value), abs(b.value)) or max(abs(a.value), abs(b.value)) or 1.0
    return distance / scale


def is_precise(claim: Claim, article: Article | None = None) -> bool:
    """Whether a figure is written precisely enough (3+ significant digits) to identify a period."""
    return precise_with(claim, half_unit(claim, article))


def precise_with(claim: Claim, half: float) -> bool:
    if claim.qualifier not in ("exact", "approx") or claim.value == 0:
        return False
    return half / abs(claim.value) < config().tolerance("precise_relative")
