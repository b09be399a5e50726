"""Arithmetic stated in the text, checked against the base figures it is computed from.

* ratios between subjects ("16.7 times that of ..."): subject / each ``compared_to``
* changes with ``from_value``/``to_value``, or with a ``basis`` (week_over_week, "21 days",
  "since:2025-03-03") against the subject's figures for both periods
* shares of a whole (``of``): part / whole
* sums: a total with ``members`` against the members' figures (at least their sum; equal when
  ``members_complete``)
* restatements (``restates``: "140 billion (roughly 0.14 trillion)") against the figure restated
* compound growth: a multiple over N years ("a 370-fold increase in five years") against a
  compound annual rate (basis ``cagr``) of the same article, subject and measure over the same
  N years ("330% a year from 2025 to 2030"), which implies (1 + rate)^N

Base figures come from the same article when it has them, else from other articles whose
period matches (then at lower severity). Expected values are intervals computed from the base
figures' own rounding; a check fails only when the stated figure's interval (rounding and
hedge, tolerance.py) misses the expected interval under every reading (a multiple read as a
ratio or as a ratio minus one, a change of a share as relative or in points, every candidate
base period).
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from claimcheck.models import Claim, Period

from .config import config
from .explain import Findings, format_value, gap_level, severity, short_quote, value_key
from .facts import Context
from .slots import (
    Match,
    Timeline,
    base_figure_attributes,
    currency_of,
    is_dated,
    joint_members,
    measure_of,
    overlaps,
    period_key,
    period_label,
    period_match,
    slot_key,
)
from .tolerance import Bounds, bounds_of, gap, half_unit_in, overlap
from .values import outlets, subject_phrase


@dataclass(frozen=True)
class Reading:
    """One way to compute what a stated figure should be."""

    expected: Bounds
    bases: tuple[Claim, ...]
    formula: str
    cross_article: bool
    alternative: bool = False  # a looser reading ("times higher" as ratio minus one)


# a claim's kind, granularity and period start and end, or publication date and None
_PeriodKey = tuple[str, str | None, dt.date | None, dt.date | None]


@dataclass
class _Figures:
    """The base figures of one measure, subject and attribute set, by article and by date."""

    claims: list[Claim]
    by_article: dict[str, list[Claim]]
    timeline: Timeline
    by_period: dict[_PeriodKey, list[Claim]] = field(default_factory=dict)  # Index.near's


class Index:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.by_subject: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        for claim in ctx.claims:
            self.by_subject[(claim.kind, claim.subject.casefold())].append(claim)
        self._figures: dict[tuple[str, str, tuple[tuple[str, str], ...]], _Figures] = {}

    def _base(self, referrer: Claim, measure: str, subject: str) -> _Figures:
        wanted = base_figure_attributes(referrer, measure)
        key = (measure, subject.casefold(),
               tuple(sorted((name, str(value)) for name, value in wanted.items())))
        if key not in self._figures:
            found = [
                claim
                for claim in self.by_subject.get((measure, subject.casefold()), [])
                if not claim.attributes.get("restates")
                and all(_same_attribute(claim, name, value) for name, value in wanted.items())
            ]
            by_article: dict[str, list[Claim]] = defaultdict(list)
            for claim in found:
                by_article[claim.article_id].append(claim)
            self._figures[key] = _Figures(found, by_article, Timeline(found, self.ctx.articles))
        return self._figures[key]

    def near(self, referrer: Claim, measure: str, subject: str) -> tuple[list[Claim], bool]:
        """Base figures for the referrer's period: same article first, else matching periods."""
        base = self._base(referrer, measure, subject)
        same = [
            c
            for c in base.by_article.get(referrer.article_id, [])
            if c.id != referrer.id and _same_article_base(referrer, c)
        ]
        if same:
            return same, False
        return [c for c in self._period_matches(base, referrer) if c.id != referrer.id], True

    def _period_matches(self, base: _Figures, referrer: Claim) -> list[Claim]:
        """The base figures whose period matches the referrer's. They depend only on its kind,
        granularity and dates: its period's, or its article's publication date when it states
        none. Claims of one week's chart, or stories of one day, share them: they are worked
        out once for all of them."""
        period = referrer.period
        if is_dated(period):
            key: _PeriodKey | None = (referrer.kind, period.granularity, period.start, period.end)
        else:
            article = self.ctx.articles.get(referrer.article_id)
            published = article.published if article else None
            key = None if published is None else (
                referrer.kind, period.granularity, published, None)
        if key is not None and key in base.by_period:
            return base.by_period[key]
        found = [
            c
            for c in base.timeline.near(referrer)
            if period_match(referrer, c, self.ctx.articles) is not Match.NO
            or _both_dated_overlap(referrer.period, c.period)
        ]
        if key is not None:
            base.by_period[key] = found
        return found

    def overlapping(self, referrer: Claim, measure: str, period: Period) -> list[Claim]:
        """The dated figures of the referrer's subject whose period overlaps ``period``."""
        assert period.start and period.end
        base = self._base(referrer, measure, referrer.subject)
        return [
            c
            for c in base.timeline.between(period.start, period.end + base.timeline.longest)
            if c.id != referrer.id and is_dated(c.period) and overlaps(c.period, period)
        ]

    def containing(self, referrer: Claim, measure: str, days: Sequence[dt.date]) -> list[Claim]:
        """The dated figures of the referrer's subject whose period contains one of ``days``."""
        if not days:
            return []
        timeline = self._base(referrer, measure, referrer.subject).timeline
        return [
            c
            for c in timeline.between(min(days), max(days) + timeline.longest)
            if c.id != referrer.id and any(_contains(c.period, d) for d in days)
        ]

    def in_article(self, referrer: Claim, measure: str) -> list[Claim]:
        base = self._base(referrer, measure, referrer.subject)
        return [c for c in base.by_article.get(referrer.article_id, []) if c.id != referrer.id]


def _same_attribute(claim: Claim, name: str, value: object) -> bool:
    theirs = (
        currency_of(claim.attributes, claim.unit)
        if name == "currency"
        else (claim.attributes.get(name))
    )
    return theirs is None or str(theirs).casefold() == str(value).casefold()


def _compatible(a: Period, b: Period) -> bool:
    return not (is_dated(a) and is_dated(b)) or overlaps(a, b)


def _same_article_base(referrer: Claim, base: Claim) -> bool:
    """An undated statement borrows a dated figure only from its own sentence."""
    if not _compatible(referrer.period, base.period):
        return False
    return is_dated(referrer.period) or not is_dated(base.period) or base.quote == referrer.quote


def _same_footing(a: Claim, b: Claim) -> bool:
    """Two base figures combined in one computation must cover the same kind of period."""
    if a.period.granularity != b.period.granularity:
        return False
    return _compatible(a.period, b.period)


def _both_dated_overlap(a: Period, b: Period) -> bool:
    return is_dated(a) and is_dated(b) and overlaps(a, b)


def _ratio(a: Bounds, b: Bounds) -> Bounds | None:
    """a / b as an interval; figures are non-negative, and one-sided bounds stay one-sided."""
    if b.lo <= 0 or b.value <= 0 or a.value < 0:
        return None
    low = max(a.lo, 0.0) / b.hi  # an open upper bound of b gives 0
    high = a.hi / b.lo
    return Bounds(low, high, a.value / b.value)


def _shift(bounds: Bounds, offset: float, scale: float = 1.0) -> Bounds:
    return Bounds(
        (bounds.lo + offset) * scale, (bounds.hi + offset) * scale, (bounds.value + offset) * scale
    )


def _difference(a: Bounds, b: Bounds) -> Bounds:
    return Bounds(a.lo - b.hi, a.hi - b.lo, a.value - b.value)


def _change_readings(claim: Claim, ratio: Bounds, points: Bounds | None) -> list[Bounds]:
    """What the stated change could mean given to/from as a ratio (and a difference in points;
    only that when the text says "percentage points")."""
    if claim.unit == "x":
        return [ratio, _shift(ratio, -1.0)]
    if points is not None and claim.attributes.get("percentage_points"):
        return [points]
    readings = [_shift(ratio, -1.0, 100.0)]
    if points is not None:
        readings.append(points)
    return readings


# --- checks ---------------------------------------------------------------------------------


def ratio_readings(claim: Claim, index: Index) -> list[Reading]:
    measure = measure_of(claim)
    readings = []
    for other in claim.attributes.get("compared_to") or []:
        ours, cross_a = index.near(claim, measure, claim.subject)
        theirs, cross_b = index.near(claim, measure, str(other))
        for a in ours:
            for b in theirs:
                if not _same_footing(a, b):
                    continue
                # "16.7 times cheaper than X": X's figure over the subject's
                top, bottom = (b, a) if claim.attributes.get("inverse") else (a, b)
                ratio = _ratio(index.ctx.b(top), index.ctx.b(bottom))
                if ratio is None:
                    continue
                formula = (
                    f"{format_value(top.value, top.unit)} / "
                    f"{format_value(bottom.value, bottom.unit)} = {ratio.value:.4g}x"
                )
                for n, expected in enumerate(_change_readings(claim, ratio, None)):
                    readings.append(
                        Reading(expected, (top, bottom), formula, cross_a or cross_b, n > 0))
    return readings


def _given(value: object, claim: Claim) -> Bounds | None:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    half = half_unit_in(claim.quote, float(value))
    if half is None:
        half = abs(float(value)) * config().tolerance("fallback_relative")
    return bounds_of(float(value), "exact", half)


def from_to_readings(claim: Claim, index: Index) -> list[Reading]:
    start = _given(claim.attributes.get("from_value"), claim)
    end = _given(claim.attributes.get("to_value"), claim)
    if start is None or end is None:
        return []
    ratio = _ratio(end, start)
    if ratio is None:
        return []
    points = _difference(end, start) if measure_of(claim) == "share" else None
    formula = f"{start.value:.4g} -> {end.value:.4g} is {ratio.value:.4g}x"
    readings = _change_readings(claim, ratio, points)
    return [Reading(r, (), formula, False, n > 0) for n, r in enumerate(readings)]


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 - months
    year = day.year + month // 12
    month = month % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def _base_dates(claim: Claim, period: Period) -> list[dt.date]:
    """Dates the base period of a change must contain, under each reading of its basis."""
    assert period.start and period.end
    basis = str(claim.attributes.get("basis") or "").strip().casefold()
    if basis.startswith("since:"):
        try:
            return [dt.date.fromisoformat(basis.split(":", 1)[1].strip())]
        except ValueError:
            return []
    named = config().raw["change_bases"].get(basis)
    if isinstance(named, dict):
        if "days" in named:
            return [period.start - dt.timedelta(days=int(named["days"]))]
        return [_add_months(period.start, int(named["months"]))]
    match = config().basis_duration.match(basis)
    if not match:
        return []
    count, unit = int(match.group(1)), match.group(2).casefold()
    if unit in ("day", "week"):
        days = count * (7 if unit == "week" else 1)
        # "127% in three weeks" may count from the start of the first week or span three weeks
        return [
            period.start - dt.timedelta(days=days),
            period.end - dt.timedelta(days=days - 1),
        ]
    months = count * (12 if unit == "year" else 1)
    return [_add_months(period.start, months)]


def _contains(period: Period, day: dt.date) -> bool:
    return bool(period.start and period.end and period.start <= day <= period.end)


def basis_readings(claim: Claim, index: Index) -> list[Reading]:
    measure = measure_of(claim)
    period = (
        claim.period
        if is_dated(claim.period)
        else _sentence_period(claim, index.in_article(claim, measure))
    )
    if period is None:
        return []
    ends = index.overlapping(claim, measure, period)
    ends = [c for c in ends if c.period.granularity == period.granularity] or ends
    starts = [
        c
        for c in index.containing(claim, measure, _base_dates(claim, period))
        if not overlaps(c.period, period)
    ]
    readings = []
    for end in _prefer_article(claim, ends):
        for start in _prefer_article(claim, starts):
            ratio = _ratio(index.ctx.b(end), index.ctx.b(start))
            if ratio is None:
                continue
            points = (
                _difference(index.ctx.b(end), index.ctx.b(start)) if measure == "share" else None
            )
            formula = (
                f"{format_value(start.value, start.unit)} ({period_label(start.period)}) -> "
                f"{format_value(end.value, end.unit)} ({period_label(end.period)}) is "
                f"{(ratio.value - 1) * 100:+.1f}%"
            )
            cross = start.article_id != claim.article_id or end.article_id != claim.article_id
            for n, expected in enumerate(_change_readings(claim, ratio, points)):
                readings.append(Reading(expected, (start, end), formula, cross, n > 0))
    return readings


def _prefer_article(claim: Claim, claims: Sequence[Claim]) -> list[Claim]:
    own = [c for c in claims if c.article_id == claim.article_id]
    return own or list(claims)


def _sentence_period(claim: Claim, figures: Sequence[Claim]) -> Period | None:
    """An undated change takes the period of the figure its own sentence states."""
    for figure in figures:
        same_sentence = figure.article_id == claim.article_id and figure.quote == claim.quote
        if same_sentence and is_dated(figure.period):
            return figure.period
    return None


_TOP_N = re.compile(r"\btop \d+ models\b", re.IGNORECASE)


def share_readings(claim: Claim, index: Index) -> list[Reading]:
    whole_subject = claim.attributes.get("of")
    if not whole_subject or str(whole_subject).casefold() == claim.subject.casefold():
        # "80% of M2.5's tokens are input": a split of the subject's own figure, which no
        # stored figure of the part can check
        return []
    # a group's share of a top N ("together they account for 69% of the top ten's 9.14T") is
    # of the group's members in the top N: only a figure stated with the top N's own, in its
    # sentence ("the top ten ... surpassed 28.7 trillion, with models of Chinese origin
    # contributing over 14.69 trillion"), is that part; the group's whole volume is not
    members_only = bool(_TOP_N.search(str(whole_subject))) and claim.subject.casefold().endswith(
        " models")
    measure = measure_of(claim)
    parts, cross_a = index.near(claim, measure, claim.subject)
    wholes, cross_b = index.near(claim, measure, str(whole_subject))
    readings = []
    for part in parts:
        for whole in wholes:
            if not _same_footing(part, whole) or (members_only and (
                    part.article_id, part.quote) != (whole.article_id, whole.quote)):
                continue
            ratio = _ratio(index.ctx.b(part), index.ctx.b(whole))
            if ratio is None or ratio.lo > 1:
                continue  # a "part" larger than its "whole" is not this share's base
            formula = (
                f"{format_value(part.value, part.unit)} / {format_value(whole.value, whole.unit)}"
                f" = {ratio.value * 100:.4g}%"
            )
            readings.append(
                Reading(_shift(ratio, 0.0, 100.0), (part, whole), formula, cross_a or cross_b)
            )
    return readings or ([] if members_only else _joint_share_readings(claim, index, parts, cross_a))


def _joint_share_readings(
    claim: Claim, index: Index, parts: Sequence[Claim], cross: bool
) -> list[Reading]:
    """A share of two groups together ("61% of the tokens of Chinese and U.S. models
    combined") with no stated total: the part over the part plus the other group's figure."""
    members = joint_members(str(claim.attributes.get("of")))
    others = [m for m in members if m.casefold() != claim.subject.casefold()]
    if len(members) != 2 or len(others) != 1:
        return []
    seconds, cross_b = index.near(claim, measure_of(claim), others[0])
    readings = []
    for part in parts:
        for other in seconds:
            if not _same_footing(part, other):
                continue
            a, b = index.ctx.b(part), index.ctx.b(other)
            ratio = _ratio(a, Bounds(a.lo + b.lo, a.hi + b.hi, a.value + b.value))
            if ratio is None:
                continue
            formula = (
                f"{format_value(part.value, part.unit)} / ({format_value(part.value, part.unit)}"
                f" + {format_value(other.value, other.unit)}) = {ratio.value * 100:.4g}%"
            )
            readings.append(
                Reading(_shift(ratio, 0.0, 100.0), (part, other), formula, cross or cross_b)
            )
    return readings


def sum_readings(claim: Claim, index: Index) -> list[Reading]:
    members = claim.attributes.get("members")
    if not isinstance(members, list) or not members:
        return []
    chosen: list[Claim] = []
    for member in members:
        found, _ = index.near(claim, claim.kind, str(member))
        if not found:
            return []
        chosen.append(min(found, key=lambda c: (c.article_id != claim.article_id, c.id)))
    lo = sum(index.ctx.b(c).lo for c in chosen)
    hi = sum(index.ctx.b(c).hi for c in chosen)
    total = sum(c.value for c in chosen)
    if not claim.attributes.get("members_complete"):
        hi = math.inf  # the members may be only part of the total
    formula = " + ".join(format_value(c.value, c.unit) for c in chosen)
    formula += f" = {format_value(total, claim.unit)}"
    cross = any(c.article_id != claim.article_id for c in chosen)
    return [Reading(Bounds(lo, hi, total), tuple(chosen), formula, cross)]


def restatement_readings(claim: Claim, index: Index) -> list[Reading]:
    if not claim.attributes.get("restates"):
        return []
    earlier = [
        c
        for c in index.by_subject.get((claim.kind, claim.subject.casefold()), [])
        if c.article_id == claim.article_id
        and not c.attributes.get("restates")
        and c.span[1] <= claim.span[0]
        and claim.span[0] - c.span[1] <= int(config().raw["restatement_max_gap"])
    ]
    if not earlier:
        return []
    restated = max(earlier, key=lambda c: c.span[1])
    b = index.ctx.b(restated)
    formula = f"the figure restated is {format_value(restated.value, restated.unit)}"
    return [Reading(b, (restated,), formula, False)]


_MAX_YEARS = 100


def span_years(claim: Claim) -> int | None:
    """How many years a compound rate or a multiple covers: its ``years`` ("a two-year CAGR"),
    a basis that is a whole number of years ("in five years": 1825 days), else a period of
    whole calendar years ("from 2025 to 2030": five years of growth). None when unknown or
    not whole years ("in three weeks")."""
    years = claim.attributes.get("years")
    if isinstance(years, int) and not isinstance(years, bool):
        return years if 0 < years <= _MAX_YEARS else None
    match = config().basis_duration.match(str(claim.attributes.get("basis") or ""))
    if match:
        count, unit = int(match.group(1)), match.group(2).casefold()
        per_year = {"year": 1, "month": 12, "day": 365}.get(unit)
        if per_year is None or count % per_year:
            return None
        return count // per_year if 0 < count // per_year <= _MAX_YEARS else None
    period = claim.period
    if not is_dated(period):
        return None
    assert period.start and period.end
    whole = (period.start.month, period.start.day, period.end.month, period.end.day) == (
        1, 1, 12, 31
    )
    years = period.end.year - period.start.year
    return years if whole and 0 < years <= _MAX_YEARS else None


def _compounded(rate: Bounds, years: int) -> Bounds | None:
    """(1 + rate/100)^years as an interval; a fall of 100% or more compounds to nothing."""

    def power(percent: float) -> float:
        if percent == math.inf:
            return math.inf
        try:
            return math.pow(max(1.0 + percent / 100.0, 0.0), years)
        except OverflowError:
            return math.inf

    if rate.value <= -100:
        return None
    return Bounds(power(rate.lo), power(rate.hi), power(rate.value))


def compound_readings(claim: Claim, index: Index) -> list[Reading]:
    """A multiple over N years against the article's compound annual rate over those years."""
    years = span_years(claim)
    if years is None:
        return []
    measure = measure_of(claim)
    readings = []
    for rate in index.by_subject.get(("change", claim.subject.casefold()), []):
        if (
            rate.article_id != claim.article_id
            or rate.unit != "%"
            or rate.attributes.get("basis") != "cagr"
            or measure_of(rate) != measure
            or span_years(rate) != years
            or (
                is_dated(rate.period)
                and is_dated(claim.period)
                and period_key(rate.period) != period_key(claim.period)
            )
        ):
            continue
        expected = _compounded(index.ctx.b(rate), years)
        if expected is None:
            continue
        formula = (
            f"{format_value(rate.value, rate.unit)} a year compounded over {years} years is "
            f"{format_value(expected.value, 'x')}"
        )
        for n, reading in enumerate(_change_readings(claim, expected, None)):
            readings.append(Reading(reading, (rate,), formula, False, n > 0))
    return readings


CHECKS: tuple[tuple[str, Callable[[Claim, Index], list[Reading]]], ...] = (
    ("ratio", ratio_readings),
    ("change", from_to_readings),
    ("change", basis_readings),
    ("multiple", compound_readings),
    ("share", share_readings),
    ("sum", sum_readings),
    ("restatement", restatement_readings),
)


def _applies(name: str, claim: Claim) -> bool:
    if name == "ratio":
        return claim.kind == "change" and bool(claim.attributes.get("compared_to"))
    if name == "change":
        return claim.kind == "change" and not claim.attributes.get("compared_to")
    if name == "multiple":
        return (
            claim.kind == "change" and claim.unit == "x" and not claim.attributes.get("compared_to")
        )
    if name == "share":
        return claim.kind == "share"
    return True


def arithmetic_findings(
    ctx: Context, findings: Findings, wanted: Callable[[Claim], bool] | None = None
) -> None:
    """Check every stated computation (``wanted`` picks the statements, incremental runs)."""
    index = Index(ctx)
    for claim in ctx.claims:
        if wanted is not None and not wanted(claim):
            continue
        for name, check in CHECKS:
            if not _applies(name, claim):
                continue
            readings = check(claim, index)
            if not readings:
                continue
            stated = ctx.b(claim)
            if any(overlap(stated, r.expected) for r in readings):
                break  # one consistent reading settles the claim
            _report(claim, name, readings, ctx, findings)
            break


def _report(
    claim: Claim, name: str, readings: Sequence[Reading], ctx: Context, findings: Findings
) -> None:
    stated = ctx.b(claim)
    best = min(readings, key=lambda r: (r.cross_article, r.alternative, gap(stated, r.expected)))
    bases = [c for c in best.bases if c.id != claim.id]
    # several candidate base figures mean the pairing itself is a guess
    ambiguous = len({tuple(c.id for c in r.bases) for r in readings}) > 1
    where = f" ({outlets(bases, ctx)})" if bases else ""
    explanation = (
        f"{ctx.sources.outlet(claim.article_id)} states {format_value(claim.value, claim.unit)} "
        f"for {subject_phrase(claim)} ({short_quote(claim, ctx.article(claim))}), but "
        f"{best.formula}{where}, so the {name} should be about "
        f"{format_value(best.expected.value, claim.unit)}."
    )
    findings.add(
        "arithmetic",
        (slot_key(claim), period_key(claim.period), value_key(claim.value)),
        severity(
            gap_level(gap(stated, best.expected)),
            best.cross_article or ambiguous,
            [claim.confidence, *(c.confidence for c in bases)],
        ),
        [claim, *bases],
        explanation,
        expected=best.expected.value,
        stated=claim.value,
    )
