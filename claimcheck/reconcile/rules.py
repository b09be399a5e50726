"""One function per discrepancy type over grouped facts (see facts.py and values.py).

Ids (explain.discrepancy_id: blake2b of the type and a key) name the *fact*, never the set of
claims, so a re-run yields the same ids and a claim that later joins a discrepancy keeps its id:

* value_mismatch:    slot bucket + period key ("2026-02-16..2026-02-22"); for an undated claim
                     checked against dated facts: bucket + the two values (3 significant digits)
* magnitude_anomaly: slot bucket + the outlier value (3 significant digits); a daily figure
                     against weekly totals lands in the daily figure's bucket the same way
* period_mismatch:   the period the figures are misattributed to + the period they belong to
                     (+ granularity), across subjects: one discrepancy per misattribution
* rank_mismatch:     scope slot + period key + the subject, the position, or the set's subject
* internal:          article + slot bucket + period key (or "daily>total")
* streak:            streak slot + the contradicting period; for two counts of one run that
                     start apart, streak slot + "run" + the first periods of the miscounts
* arithmetic:        the stated claim's slot + period key + its value (3 significant digits)

Facts of undated claims grouped by publication dates are keyed "undated:<first day of the
fixed window>" (facts.publication_window), which no later article changes.
A discrepancy lists the claims at fault and a few claims of the accepted figure as evidence
(values.evidence), never every outlet that agrees with it. Claims missing what defines their
fact (a share without ``of``, a change without basis, ``compared_to`` or ``from_value``:
corpora/reconcile.json ``required_attributes``) are not compared, and two values in one
sentence are never an internal contradiction.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import statistics
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from claimcheck.models import Claim, DiscrepancyType, Period

from .config import config
from .explain import Findings, format_value, gap_level, severity, short_quote, value_key
from .facts import Context, Fact, days_into_weeks
from .slots import (
    Timeline,
    is_dated,
    likely_same_period,
    overlaps,
    period_key,
    period_label,
    same_period_as_undated,
)
from .tolerance import Bounds, gap, overlap
from .values import (
    Side,
    as_written,
    cited_by,
    describe_side,
    dominant,
    evidence,
    factor,
    likely_slip,
    outlets,
    sides_of,
    subject_phrase,
)


def _confidences(claims: Sequence[Claim]) -> list[float]:
    return [c.confidence for c in claims]


# --- value_mismatch and magnitude_anomaly ---------------------------------------------------


def fact_values(fact: Fact, ctx: Context, findings: Findings, explained: set[str]) -> None:
    """Cross-article disagreement within one fact: a slip of magnitude or a value mismatch."""
    claims = [c for c in fact.claims if c.id not in explained and not c.attributes.get("restates")]
    if len({c.article_id for c in claims}) < 2:
        return
    sides = sides_of(claims, ctx)
    if len(sides) < 2:
        return
    main = dominant(sides, ctx)
    # a side that only one article shares with the main side is internal, not cross-article
    others = [s for s in sides if s is not main and len(s.articles | main.articles) > 1]
    slips = [s for s in others if factor(s.value, main.value) >= config().magnitude("min_factor")]
    for side in slips:
        magnitude_finding(fact.bucket, side.claims, main.claims, fact.likely, ctx, findings)
    mismatched = [s for s in others if s not in slips]
    if mismatched:
        value_finding(fact, main, mismatched, ctx, findings)


def magnitude_finding(
    bucket: str,
    outliers: Sequence[Claim],
    reference: Sequence[Claim],
    likely: bool,
    ctx: Context,
    findings: Findings,
) -> None:
    odd = outliers[0]
    ref_value = statistics.median(c.value for c in reference)
    ratio = factor(odd.value, ref_value)
    slip = likely_slip(odd.kind, odd.value, ref_value)
    reference_side = Side(list(reference), ref_value, ref_value)
    explanation = (
        f"{outlets(outliers, ctx)} gives {as_written(odd, ctx)} for "
        f"{subject_phrase(odd)} ({period_label(odd.period)}; "
        f"{short_quote(odd, ctx.article(odd))}), "
        f"{ratio:.3g} times {describe_side(reference_side, ctx, odd.unit, ref_value)}. "
        f"Likely {slip}."
    )
    # the agreeing figures nearest the reference value, not a stray side of the bucket
    nearest = min(
        sides_of(reference, ctx),
        key=lambda s: (abs(math.log(factor(s.value, ref_value))), -len(s.articles)),
    )
    cited = evidence(nearest.claims, ctx, odd)
    findings.add(
        "magnitude_anomaly",
        (bucket, value_key(odd.value)),
        severity(2, likely, _confidences([*outliers, *cited])),
        [*outliers, *cited],
        explanation,
        expected=ref_value,
        stated=odd.value,
    )


def value_finding(
    fact: Fact, main: Side, mismatched: Sequence[Side], ctx: Context, findings: Findings
) -> None:
    first = main.claims[0]
    worst = max(mismatched, key=lambda s: gap(s.bounds(), main.bounds()))
    relative = gap(worst.bounds(), main.bounds())
    against = "; ".join(describe_side(s, ctx, first.unit) for s in mismatched)
    majority = ""
    if ctx.sources.independent(main.articles) > max(
        ctx.sources.independent(s.articles) for s in mismatched
    ):
        majority = (
            f" The majority of independent sources supports {format_value(main.value, first.unit)}."
        )
    explanation = (
        f"Sources disagree on {subject_phrase(first)} for {period_label(fact.period)}: "
        f"{describe_side(main, ctx, first.unit)} vs {against}; the gap "
        f"({relative:.1%} beyond rounding) exceeds what the stated precision and hedges allow."
        f"{majority}"
    )
    # a side with fewer independent sources than the main one is at fault and listed whole;
    # with no majority neither side is, and each is cited like the main one
    main_support = ctx.sources.independent(main.articles)
    at_fault = [
        c
        for s in mismatched
        for c in (
            s.claims
            if ctx.sources.independent(s.articles) < main_support
            else evidence(s.claims, ctx)
        )
    ]
    involved = [*evidence(main.claims, ctx, at_fault[0]), *at_fault]
    findings.add(
        "value_mismatch",
        (fact.bucket, fact.key),
        severity(gap_level(relative), fact.likely, _confidences(involved)),
        involved,
        explanation,
        expected=main.value,
        stated=worst.value,
    )


def undated_values(
    bucket: str,
    claims: Sequence[Claim],
    ctx: Context,
    findings: Findings,
    wanted: Callable[[Claim], bool] | None = None,
) -> None:
    """An undated claim against dated figures its publication date makes comparable; with no
    comparable figure at all, only a slip of magnitude against the whole bucket is reported.
    ``wanted`` picks the undated claims to check (incremental runs)."""
    min_factor = config().magnitude("min_factor")
    timeline: Timeline | None = None
    for claim in claims:
        if is_dated(claim.period) or claim.attributes.get("restates"):
            continue
        if wanted is not None and not wanted(claim):
            continue
        timeline = timeline or Timeline(claims, ctx.articles)
        same_period = same_period_as_undated(claim, ctx.articles)
        close = [
            c for c in timeline.near(claim) if c.article_id != claim.article_id and same_period(c)
        ]
        near = [c for c in close if is_dated(c.period)]
        if near:
            if any(overlap(ctx.b(claim), ctx.b(c)) for c in near):
                continue
            closest = min(near, key=lambda c: (gap(ctx.b(claim), ctx.b(c)), c.id))
            if factor(claim.value, closest.value) >= min_factor:
                magnitude_finding(bucket, [claim], near, True, ctx, findings)
            else:
                _undated_mismatch(bucket, claim, closest, ctx, findings)
            continue
        if close:
            continue
        others = [c for c in claims if c.article_id != claim.article_id]
        if others and _alone_and_off(claim, others):
            magnitude_finding(bucket, [claim], others, True, ctx, findings)


def _alone_and_off(claim: Claim, others: Sequence[Claim]) -> bool:
    """For a claim no other figure is known to share the period of: whether it is a factor off
    most of them, so that one stray figure of the bucket (a misread subject) does not hide a
    slip. With a single other figure, only the larger of the two is flagged, once."""
    off = [c for c in others if factor(claim.value, c.value) >= config().magnitude("min_factor")]
    if len(off) * 2 <= len(others):
        return False
    return len(others) > 1 or abs(claim.value) > abs(others[0].value)


def _undated_mismatch(
    bucket: str, claim: Claim, closest: Claim, ctx: Context, findings: Findings
) -> None:
    relative = gap(ctx.b(claim), ctx.b(closest))
    explanation = (
        f"{ctx.sources.outlet(claim.article_id)} gives {format_value(claim.value, claim.unit)} "
        f"for {subject_phrase(claim)} without a date ({short_quote(claim, ctx.article(claim))}); "
        f"no figure of the period its publication date points to agrees, the closest being "
        f"{format_value(closest.value, closest.unit)} for {period_label(closest.period)} "
        f"({ctx.sources.outlet(closest.article_id)}: {short_quote(closest, ctx.article(closest))})."
    )
    findings.add(
        "value_mismatch",
        (bucket, "undated", *sorted((value_key(claim.value), value_key(closest.value)))),
        severity(gap_level(relative), True, _confidences([claim, closest])),
        [claim, closest],
        explanation,
        expected=closest.value,
        stated=claim.value,
    )


# --- period_mismatch ------------------------------------------------------------------------


@dataclass
class Misattribution:
    wrong: Claim  # the figure attributed to the wrong period
    right: list[Claim]  # the same figure, in the period it belongs to
    conflicting: list[Claim]  # other figures for the wrong period
    wrong_fact: Fact
    right_fact: Fact
    directed: bool


class _Near(NamedTuple):
    """The claims of a fact that agree with one interval, and what a misattribution asks of
    them."""

    claims: list[Claim]  # by lower end (in the fact's order when equal), then unbounded ones
    articles: frozenset[str]
    precise: list[Claim]  # those precise enough to identify a period
    support: int  # independent sources of the precise ones
    everyone: int  # independent sources of all of them


class _Agreement:
    """The claims of one fact, so the claims that agree with a figure are found by bisection
    instead of a scan (facts of a popular slot hold thousands of claims).

    Bounded claims are kept in tiers of interval widths within a factor of two, each sorted by
    the lower end of the intervals: a search reaches back from a figure by the widest interval
    of its tier, and one "more than X" (which reaches half an order of magnitude above X) in a
    single list made every search scan every claim of the fact. What agrees with an interval is
    kept: the outlets of one period mostly repeat a few figures, and each figure of a fact is
    looked up in every other fact within reach."""

    def __init__(self, fact: Fact, ctx: Context) -> None:
        self.fact, self.ctx = fact, ctx
        self._near: dict[tuple[float, float], _Near] = {}
        self._apart: dict[tuple[float, float], list[Claim]] = {}
        self._written: dict[tuple[float, float, float, float, bool], list[Claim]] = {}
        tiers: dict[int, list[tuple[float, int, Claim]]] = defaultdict(list)
        self.open: list[Claim] = []
        for n, claim in enumerate(fact.claims):
            b = ctx.b(claim)
            if b.bounded:
                tiers[math.frexp(b.hi - b.lo)[1]].append((b.lo, n, claim))
            else:
                self.open.append(claim)
        self.tiers: list[tuple[list[float], list[tuple[float, int, Claim]], float]] = []
        for rows in tiers.values():
            rows.sort(key=lambda row: (row[0], row[1]))
            width = max(ctx.b(c).hi - ctx.b(c).lo for _, _, c in rows)
            self.tiers.append(([row[0] for row in rows], rows, width))
        self.size = len(fact.claims)

    def near(self, claim: Claim) -> _Near:
        """The fact's claims whose intervals overlap the claim's."""
        b = self.ctx.b(claim)
        key = (b.lo, b.hi)
        if key not in self._near:
            found = self._agreeing(b)
            precise = [c for c in found if self.ctx.precise(c)]
            articles = frozenset(c.article_id for c in found)
            sources = self.ctx.sources
            self._near[key] = _Near(found, articles, precise,
                                    sources.independent(c.article_id for c in precise),
                                    sources.independent(articles))
        return self._near[key]

    def precise_as_written(self, claim: Claim) -> list[Claim]:
        """The precise claims of ``near(claim)`` whose figures agree with the claim's as
        written, not widened by hedges (``_same_as_written``)."""
        b, written = self.ctx.b(claim), self.ctx.as_written(claim)
        key = (b.lo, b.hi, written.lo, written.hi, claim.qualifier == "approx")
        if key not in self._written:
            self._written[key] = [c for c in self.near(claim).precise
                                  if _same_as_written(claim, c, self.ctx)]
        return self._written[key]

    def _agreeing(self, b: Bounds) -> list[Claim]:
        near: list[tuple[float, int, Claim]] = []
        for los, rows, width in self.tiers:
            first = bisect.bisect_left(los, b.lo - width) if math.isfinite(b.lo) else 0
            last = bisect.bisect_right(los, b.hi) if math.isfinite(b.hi) else len(los)
            near += [row for row in rows[first:last] if overlap(b, self.ctx.b(row[2]))]
        if len(self.tiers) > 1:
            near.sort(key=lambda row: (row[0], row[1]))
        return [c for _, _, c in near] + [c for c in self.open if overlap(b, self.ctx.b(c))]

    def conflicting(self, claim: Claim) -> list[Claim]:
        """The fact's claims of other articles that disagree with the claim."""
        b = self.ctx.b(claim)
        key = (b.lo, b.hi)
        if key not in self._apart:
            self._apart[key] = [c for c in self.fact.claims if not overlap(b, self.ctx.b(c))]
        return [c for c in self._apart[key] if c.article_id != claim.article_id]


def misattributions(
    facts: Sequence[Fact], ctx: Context, wanted: Callable[[Fact], bool] = lambda _: True
) -> list[Misattribution]:
    """Figures one article gives for one period and others give, precisely, for another.

    Only pairs of facts of which at least one is ``wanted`` are compared. That loses nothing an
    incremental run needs: a misattribution names claims of its two facts only, and the claim
    it explains away belongs to one of them."""
    dated = [f for f in facts if not f.likely]
    if len(dated) < 2 or dated[0].claims[0].kind not in config().raw["period_mismatch_kinds"]:
        return []
    chosen = {id(f) for f in dated if wanted(f)}
    index: dict[int, _Agreement] = {}

    def agreement(fact: Fact) -> _Agreement:
        if id(fact) not in index:
            index[id(fact)] = _Agreement(fact, ctx)
        return index[id(fact)]

    reach = dt.timedelta(days=int(config().raw["period_mismatch_max_days"]))
    found: list[Misattribution] = []
    for p in dated:
        candidates = [c for c in p.claims if ctx.precise(c)]
        if not candidates:
            continue
        for q in dated:
            if p is q or not (id(p) in chosen or id(q) in chosen) or not _within(p, q, reach):
                continue
            for claim in candidates:
                hit = _misattributed(claim, p, q, agreement(p), agreement(q), ctx)
                if hit is not None:
                    found.append(hit)
    return found


def _within(p: Fact, q: Fact, reach: dt.timedelta) -> bool:
    assert p.period and q.period and p.period.start and q.period.start
    return abs(p.period.start - q.period.start) <= reach


def _misattributed(
    claim: Claim, p: Fact, q: Fact, in_p: _Agreement, in_q: _Agreement, ctx: Context
) -> Misattribution | None:
    near_q = in_q.near(claim)
    # the other period's precise figures that agree, when the claim's own article gives
    # none of them there (else it reports both periods, and neither is misdated); as written,
    # not widened by a hedge: "about 13.3 trillion" one week and "about 13.9 trillion" the
    # next agree within 5 %, and are two weeks' totals, not one figure misdated
    if claim.article_id in near_q.articles:
        return None
    right = in_q.precise_as_written(claim)
    if not right:
        return None
    conflict_p = in_p.conflicting(claim)
    conflict_q = len(near_q.claims) < in_q.size
    support = near_q.support if len(right) == len(near_q.precise) else (
        ctx.sources.independent(c.article_id for c in right))
    score = _direction(claim, in_p.near(claim).everyone, right, support,
                       bool(conflict_p), conflict_q)
    if score < 0:
        return None
    if (
        score == 0
        and (p.period and q.period and p.period.start and q.period.start)
        and (p.period.start > q.period.start)
    ):
        return None  # undirected: report once, from the earlier period
    return Misattribution(claim, right, conflict_p, p, q, directed=score > 0)


def _same_as_written(a: Claim, b: Claim, ctx: Context) -> bool:
    if a.qualifier != "approx" and b.qualifier != "approx":
        return True  # their bounds are the written figures' already
    return overlap(ctx.as_written(a), ctx.as_written(b))


def _direction(
    claim: Claim, support_p: int, right: Sequence[Claim], support_q: int,
    conflict_p: bool, conflict_q: bool,
) -> int:
    """> 0: the claim's period is the wrong one; < 0: the other period is; 0: cannot tell.
    ``support_p``, ``support_q``: the independent sources of the claim's figure in its own
    period and in the other (``right``)."""
    if conflict_p != conflict_q:
        return 1 if conflict_p else -1
    if support_p != support_q:
        return 1 if support_q > support_p else -1
    rank_p = config().resolution_rank(claim.period.resolution)
    rank_q = max(config().resolution_rank(c.period.resolution) for c in right)
    return (rank_q > rank_p) - (rank_q < rank_p)


def period_findings(found: Sequence[Misattribution], ctx: Context, findings: Findings) -> set[str]:
    """One discrepancy per (wrong period, right period): all subjects misattributed together.
    Returns the ids of the misattributed claims, which value_mismatch then leaves out."""
    grouped: dict[tuple[str, str, str], list[Misattribution]] = defaultdict(list)
    for m in found:
        assert m.wrong_fact.period and m.right_fact.period
        key: tuple[str, str, str] = (
            period_key(m.wrong_fact.period),
            period_key(m.right_fact.period),
            str(m.wrong_fact.period.granularity or "-"),
        )
        grouped[key].append(m)
    explained: set[str] = set()
    for key, items in sorted(grouped.items()):
        items.sort(key=lambda m: (m.wrong.subject.casefold(), m.wrong.id))
        findings.add(
            "period_mismatch",
            key,
            "high" if any(m.conflicting for m in items) else "medium",
            [
                c
                for m in items
                for c in (
                    m.wrong,
                    *evidence(m.right, ctx, m.wrong),
                    *evidence(m.conflicting, ctx, m.wrong),
                )
            ],
            _period_explanation(items, ctx),
            expected=None,
            stated=items[0].wrong.value,
        )
        explained.update(m.wrong.id for m in items if m.directed)
    return explained


def _period_explanation(items: Sequence[Misattribution], ctx: Context) -> str:
    lead, rest = items[0], items[1:]
    figures = f"{format_value(lead.wrong.value, lead.wrong.unit)} for {lead.wrong.subject}"
    if rest:
        others = ", ".join(
            f"{format_value(m.wrong.value, m.wrong.unit)} for {m.wrong.subject}" for m in rest
        )
        figures += f" (and {others})"
    wrong_outlets = outlets([m.wrong for m in items], ctx)
    right = [c for m in items for c in m.right]
    where = period_label(lead.wrong_fact.period)
    stated_as = lead.wrong.period.text or where
    support = ctx.sources.support({c.article_id for c in right})
    if not lead.directed:
        return (
            f"{figures} is given for {where} by {wrong_outlets} "
            f"({short_quote(lead.wrong, ctx.article(lead.wrong))}) and for "
            f"{period_label(lead.right_fact.period)} by {outlets(right, ctx)} ({support}); "
            "one of them probably misdates it."
        )
    text = (
        f"{figures} {'are the figures' if rest else 'is the figure'} of "
        f"{period_label(lead.right_fact.period)} ({outlets(right, ctx)}; {support}) that "
        f'{wrong_outlets} attributes to {where} ("{stated_as}": '
        f"{short_quote(lead.wrong, ctx.article(lead.wrong))}); probable misattribution."
    )
    conflicting = [c for m in items for c in m.conflicting]
    if conflicting:
        values = ", ".join(
            dict.fromkeys(f"{format_value(c.value, c.unit)} for {c.subject}" for c in conflicting)
        )
        text += f" For {where}, {outlets(conflicting, ctx)} report {values}."
    return text


# --- internal -------------------------------------------------------------------------------


def internal_findings(
    bucket: str, claims: Sequence[Claim], ctx: Context, findings: Findings
) -> None:
    """Two different values for one slot and one period within one article."""
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if not claim.attributes.get("restates"):
            by_article[claim.article_id].append(claim)
    for article_id, own in sorted(by_article.items()):
        groups: dict[str, list[Claim]] = defaultdict(list)
        for claim in own:
            groups[_internal_period(claim)].append(claim)
        for key, group in sorted(groups.items()):
            if key == "" or len(group) < 2:
                continue
            sides = sides_of(group, ctx)
            if len(sides) < 2 or not _distinct_sentences(sides):
                continue
            _internal_values(article_id, bucket, key, sides, ctx, findings)


def _internal_period(claim: Claim) -> str:
    if is_dated(claim.period):
        return period_key(claim.period)
    text = " ".join((claim.period.text or "").split()).casefold()
    return f"text:{text}" if text else ""


def _distinct_sentences(sides: Sequence[Side]) -> bool:
    """One sentence rarely contradicts itself: two values in one quote are two facts the
    extraction could not tell apart ("22.7 times and 9.8 times ... respectively")."""
    quotes = [{c.quote for c in side.claims} for side in sides]
    return any(a != b for i, a in enumerate(quotes) for b in quotes[i + 1 :])


def _internal_values(
    article_id: str,
    bucket: str,
    key: str,
    sides: Sequence[Side],
    ctx: Context,
    findings: Findings,
) -> None:
    first, second = sides[0], sides[1]
    a, b = first.claims[0], second.claims[0]
    relative = gap(first.bounds(), second.bounds())
    explanation = (
        f"{ctx.sources.outlet(article_id)} contradicts itself on {subject_phrase(a)} for "
        f"{period_label(a.period)}: {format_value(a.value, a.unit)} "
        f"({short_quote(a, ctx.article(a))}) vs {format_value(b.value, b.unit)} "
        f"({short_quote(b, ctx.article(b))})."
    )
    involved = [c for s in sides for c in s.claims]
    findings.add(
        "internal",
        (article_id, bucket, key),
        severity(gap_level(relative), False, _confidences(involved)),
        involved,
        explanation,
        expected=a.value,
        stated=b.value,
    )


def daily_over_total(claims: Sequence[Claim], ctx: Context, findings: Findings) -> None:
    """A daily average larger than a weekly (monthly...) total of the same subject and article."""
    by_slot: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind in ("token_volume", "quantity"):
            by_slot[(claim.article_id, ctx.base_key(claim))].append(claim)
    for (article_id, slot), group in sorted(by_slot.items()):
        daily = [c for c in group if _is_daily(c)]
        totals = [c for c in group if c.period.granularity in ("week", "month", "quarter", "year")]
        for d in daily:
            for t in totals:
                if not _compatible(d.period, t.period) or ctx.b(d).lo <= ctx.b(t).hi:
                    continue
                explanation = (
                    f"{ctx.sources.outlet(article_id)} gives a daily average of "
                    f"{format_value(d.value, d.unit)} for {d.subject} "
                    f"({short_quote(d, ctx.article(d))}), larger than its {t.period.granularity}ly "
                    f"total of {format_value(t.value, t.unit)} ({short_quote(t, ctx.article(t))})."
                )
                findings.add(
                    "internal",
                    (article_id, slot, "daily>total", period_key(t.period)),
                    severity(2, False, _confidences([d, t])),
                    [d, t],
                    explanation,
                    expected=t.value,
                    stated=d.value,
                )


def _is_daily(claim: Claim) -> bool:
    return claim.period.granularity == "day" or bool(claim.attributes.get("daily_average"))


def _compatible(a: Period, b: Period) -> bool:
    return not (is_dated(a) and is_dated(b)) or overlaps(a, b)


# --- rank_mismatch --------------------------------------------------------------------------


@dataclass(frozen=True)
class Placement:
    subject: str
    lo: float
    hi: float
    claim: Claim


def _placements(claim: Claim) -> list[Placement]:
    position = claim.value
    if claim.qualifier == "at_most":
        lo, hi = 1.0, position
    elif claim.qualifier == "at_least":
        lo, hi = position, float("inf")
    else:
        lo, hi = position, position
    members = claim.attributes.get("set")
    if isinstance(members, list) and members:
        return [Placement(str(m).casefold(), 1.0, position, claim) for m in members]
    return [Placement(claim.subject.casefold(), lo, hi, claim)]


def rank_findings(fact: Fact, ctx: Context, findings: Findings) -> None:
    placements = [p for c in fact.claims for p in _placements(c)]
    by_subject: dict[str, list[Placement]] = defaultdict(list)
    for p in placements:
        by_subject[p.subject].append(p)
    contradicted: set[str] = set()  # claims in a subject's own contradiction
    for subject, items in sorted(by_subject.items()):
        clash = [(a, b) for a in items for b in items if a.hi < b.lo and a.claim.id != b.claim.id]
        if clash:
            a, b = clash[0]
            involved = list({p.claim.id: p.claim for pair in clash for p in pair}.values())
            contradicted.update(c.id for c in involved)
            _rank_finding(
                fact, ("subject", subject), involved, _subject_text(a, b, ctx), ctx, findings
            )
    exact: dict[float, list[Placement]] = defaultdict(list)
    for p in placements:
        if p.lo == p.hi and not p.claim.attributes.get("set"):
            exact[p.lo].append(p)
    for position, items in sorted(exact.items()):
        # two sources that swap two models (2 and 3 against 3 and 2) contradict each model's
        # place: those two findings say it all, not two more of who is at No. 2 and No. 3
        if len({p.subject for p in items}) > 1 and not all(
                p.claim.id in contradicted for p in items):
            text = "; ".join(
                f"{outlets([p.claim], ctx)} puts {p.claim.subject} there "
                f"({short_quote(p.claim, ctx.article(p.claim))})"
                for p in items
            )
            _rank_finding(
                fact,
                ("position", f"{position:g}"),
                [p.claim for p in items],
                f"Different subjects at No. {position:g} of {_scope(items[0].claim)} for "
                f"{period_label(fact.period)}: {text}.",
                ctx,
                findings,
            )
    _set_findings(fact, ctx, findings)


def _scope(claim: Claim) -> str:
    return str(claim.attributes.get("scope") or "the ranking")


def _subject_text(a: Placement, b: Placement, ctx: Context) -> str:
    def where(p: Placement) -> str:
        if p.lo == p.hi:
            place = f"No. {p.lo:g}"
        elif p.lo == 1:
            place = f"in the top {p.hi:g}"
        else:
            place = f"No. {p.lo:g} or lower"
        who = p.subject if p.claim.attributes.get("set") else p.claim.subject
        quote = short_quote(p.claim, ctx.article(p.claim))
        return f"{outlets([p.claim], ctx)} places {who} {place} ({quote})"

    return (
        f"Positions in {_scope(a.claim)} for {period_label(a.claim.period)} contradict each "
        f"other: {where(a)}, but {where(b)}."
    )


def _set_findings(fact: Fact, ctx: Context, findings: Findings) -> None:
    sets = [c for c in fact.claims if isinstance(c.attributes.get("set"), list)]
    by_group: dict[tuple[str, float], list[Claim]] = defaultdict(list)
    for claim in sets:
        by_group[(claim.subject.casefold(), claim.value)].append(claim)
    for (group, top), claims in sorted(by_group.items()):
        variants = {
            (
                claim.attributes.get("count", len(claim.attributes["set"])),
                frozenset(str(m).casefold() for m in claim.attributes["set"]),
            )
            for claim in claims
        }
        counts = {v[0] for v in variants}
        members = {v[1] for v in variants if len(v[1]) == v[0]}
        if len(counts) > 1 or len(members) > 1:
            text = "; ".join(
                f"{outlets([c], ctx)}: {c.attributes.get('count', '?')} of the top {c.value:g} "
                f"({', '.join(map(str, c.attributes['set']))})"
                for c in claims
            )
            _rank_finding(
                fact,
                ("set", group, f"{top:g}"),
                claims,
                f"Sources disagree on which {group} are in the top {top:g} of {_scope(claims[0])}: "
                f"{text}.",
                ctx,
                findings,
            )


def _rank_finding(
    fact: Fact,
    key: tuple[str, ...],
    claims: Sequence[Claim],
    explanation: str,
    ctx: Context,
    findings: Findings,
) -> None:
    single_article = len({c.article_id for c in claims}) == 1
    kind: DiscrepancyType = "internal" if single_article else "rank_mismatch"
    findings.add(
        kind,
        (fact.bucket, fact.key, *key),
        severity(2, fact.likely, _confidences(claims)),
        claims,
        explanation,
    )


# --- streak ---------------------------------------------------------------------------------


def _period_index(day: dt.date, granularity: str) -> int:
    if granularity == "day":
        return day.toordinal()
    if granularity == "month":
        return day.year * 12 + day.month - 1
    return days_into_weeks(day) // 7


def _midpoint(period: Period) -> dt.date:
    assert period.start and period.end
    return period.start + (period.end - period.start) / 2


def streak_findings(
    claims: Sequence[Claim],
    ctx: Context,
    findings: Findings,
    wanted: Callable[[Claim], bool] | None = None,
) -> None:
    """A streak ("for the fifth consecutive week") against dated figures of both subjects."""
    for streak in claims:
        if streak.kind != "streak" or not streak.attributes.get("over"):
            continue
        if wanted is not None and not wanted(streak):
            continue
        granularity = config().raw["streak_units"].get(streak.unit)
        if granularity is None:
            continue
        measure = str(streak.attributes.get("measure") or "token_volume")
        leader = _series(claims, measure, streak.subject, granularity)
        other = _series(claims, measure, str(streak.attributes["over"]), granularity)
        anchors = _anchors(streak, granularity, ctx)
        if not anchors:
            continue
        length = int(round(streak.value))
        broken = [_break_in(leader, other, anchor, length, ctx) for anchor in anchors]
        if all(b is not None for b in broken):
            index, lead_claims, other_claims = broken[-1]  # type: ignore[misc]
            _streak_finding(
                streak, index, lead_claims, other_claims, len(anchors) > 1, ctx, findings
            )


def _series(
    claims: Sequence[Claim], measure: str, subject: str, granularity: str
) -> dict[int, list[Claim]]:
    series: dict[int, list[Claim]] = defaultdict(list)
    folded = subject.casefold()
    for c in claims:
        if (
            c.kind == measure
            and c.subject.casefold() == folded
            and c.period.granularity == granularity
            and is_dated(c.period)
        ):
            series[_period_index(_midpoint(c.period), granularity)].append(c)
    return series


def _anchors(streak: Claim, granularity: str, ctx: Context) -> list[int]:
    """The last period of the streak: its own end, else the periods its publication allows."""
    if is_dated(streak.period):
        assert streak.period.end
        return [_period_index(streak.period.end, granularity)]
    published = ctx.published(streak)
    if published is None:
        return []
    window = config().window_days("streak", granularity)
    last = _period_index(published, granularity)
    first = _period_index(published - dt.timedelta(days=window), granularity)
    return list(range(first, last + 1))


def _break_in(
    leader: dict[int, list[Claim]],
    other: dict[int, list[Claim]],
    anchor: int,
    length: int,
    ctx: Context,
) -> tuple[int, list[Claim], list[Claim]] | None:
    """The latest period of the streak in which the figures show the subject did not lead."""
    for index in range(anchor, anchor - length, -1):
        ours, theirs = leader.get(index, []), other.get(index, [])
        if ours and theirs and max(ctx.b(c).hi for c in ours) <= min(ctx.b(c).lo for c in theirs):
            return index, ours, theirs
    return None


def _streak_finding(
    streak: Claim,
    index: int,
    ours: list[Claim],
    theirs: list[Claim],
    likely: bool,
    ctx: Context,
    findings: Findings,
) -> None:
    a, b = ours[0], theirs[0]
    explanation = (
        f"{ctx.sources.outlet(streak.article_id)} says {streak.subject} led "
        f"{streak.attributes['over']} for {streak.value:g} consecutive {streak.unit} "
        f"({short_quote(streak, ctx.article(streak))}), but in {period_label(a.period)} "
        f"{a.subject} had {format_value(a.value, a.unit)} ({outlets(ours, ctx)}) against "
        f"{format_value(b.value, b.unit)} for {b.subject} ({outlets(theirs, ctx)})."
    )
    cited = cited_by([streak, *ours, *theirs], ctx)
    if cited:
        explanation += f" Data cited: {cited}."
    findings.add(
        "streak",
        (ctx.base_key(streak), f"{streak.unit}:{index}"),
        severity(2, likely, _confidences([streak, a, b])),
        [streak, *ours, *theirs],
        explanation,
        stated=streak.value,
    )


@dataclass(frozen=True)
class _Run:
    """A dated streak read as the run of periods it claims: ``first`` .. ``last``."""

    claim: Claim
    first: int
    last: int


def _dated_run(streak: Claim) -> _Run | None:
    granularity = config().raw["streak_units"].get(streak.unit)
    period = streak.period
    # a streak dated by a period of another length (a publication day for a weekly streak)
    # says nothing about which period ends it
    if granularity is None or not is_dated(period) or period.granularity != granularity:
        return None
    assert period.end
    last = _period_index(period.end, granularity)
    return _Run(streak, last - int(round(streak.value)) + 1, last)


def _runs_conflict(a: _Run, b: _Run) -> bool:
    """Both cover (or b starts right after) a's last period, yet they start apart: one of them
    miscounts the run (b, ending later, would include a's last period in its run)."""
    early, late = (a, b) if a.last <= b.last else (b, a)
    return late.first <= early.last + 1 and late.first != early.first


def streak_consistency(
    claims: Sequence[Claim],
    ctx: Context,
    findings: Findings,
    wanted: Callable[[Claim], bool] | None = None,
) -> None:
    """Two dated streaks of one slot ("third straight week" for Mar 2-8, "sixth straight week"
    for Mar 9-15) that imply different first periods of the same run. The first period most
    independent sources imply stands; the streaks implying another are flagged (all of them
    when the sources are even). An article that repeats a count without a date (a headline
    and its body) has the repeat flagged with it."""
    by_slot: dict[str, list[_Run]] = defaultdict(list)
    repeats: dict[tuple[str, str, float], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind == "streak":
            run = _dated_run(claim)
            if run is not None:
                by_slot[ctx.base_key(claim)].append(run)
            elif not is_dated(claim.period):
                repeats[(ctx.base_key(claim), claim.article_id, claim.value)].append(claim)
    for slot, runs in sorted(by_slot.items()):
        if len(runs) < 2 or (wanted is not None and not any(wanted(r.claim) for r in runs)):
            continue
        clashing = [a for a in runs if any(_runs_conflict(a, b) for b in runs)]
        if not clashing:
            continue
        starts: dict[int, list[_Run]] = defaultdict(list)
        # only the runs in dispute vote: a later run of the slot that clashes with none
        # ("three weeks in a row" in March) says nothing about when a February run began
        for run in clashing:
            starts[run.first].append(run)
        support = {
            first: ctx.sources.independent(r.claim.article_id for r in group)
            for first, group in starts.items()
        }
        best = max(support.values())
        leaders = [f for f, n in support.items() if n == best]
        standing = leaders[0] if len(leaders) == 1 else None
        at_fault = sorted(
            (r for r in clashing if r.first != standing), key=lambda r: r.claim.id
        )
        standing_runs = starts[standing] if standing is not None else []
        _streak_run_finding(slot, at_fault, standing_runs, ctx, findings, repeats)


def _streak_run_finding(
    slot: str, at_fault: Sequence[_Run], standing: Sequence[_Run], ctx: Context,
    findings: Findings, repeats: Mapping[tuple[str, str, float], list[Claim]],
) -> None:
    if not at_fault:
        return
    odd = at_fault[0]
    # the evidence is the count closest in time to the miscounted one, one per source
    near = sorted(standing, key=lambda r: (abs(r.last - odd.last), r.last > odd.last, r.claim.id))
    cited: list[Claim] = []
    roots: set[str] = set()
    for run in near:
        root = ctx.sources.root(run.claim.article_id)
        if root not in roots and len(cited) < int(config().raw["evidence_claims"]):
            cited.append(run.claim)
            roots.add(root)

    def said(run: _Run) -> str:
        c = run.claim
        return (
            f"{ctx.sources.outlet(c.article_id)} counts {c.value:g} consecutive {c.unit} to "
            f"{period_label(c.period)} ({short_quote(c, ctx.article(c))})"
        )

    others = [r for r in at_fault[1:]] + [r for r in near if r.claim in cited]
    explanation = (
        f"Streaks of {odd.claim.subject} disagree on when the run began: {said(odd)}, but "
        + "; ".join(said(r) for r in others)
        + "."
    )
    findings.add(
        "streak",
        (slot, "run", *sorted(value_key(r.first) for r in at_fault)),
        # even sources: one of the counts is wrong, the figures do not say which
        severity(2 if standing else 1, False, _confidences([r.claim for r in at_fault] + cited)),
        [
            *(c for r in at_fault for c in (r.claim, *_undated_repeats(r.claim, slot, repeats))),
            *(c for e in cited for c in (e, *_undated_repeats(e, slot, repeats))),
        ],
        explanation,
        stated=odd.claim.value,
    )


def _undated_repeats(
    claim: Claim, slot: str, repeats: Mapping[tuple[str, str, float], list[Claim]]
) -> list[Claim]:
    return repeats.get((slot, claim.article_id, claim.value), [])


def daily_against_weekly(
    claims: Sequence[Claim],
    ctx: Context,
    findings: Findings,
    wanted: Callable[[Claim], bool] | None = None,
) -> None:
    """A daily figure a slip of magnitude away from the weekly totals of its subject: above
    the weekly total itself by the slip factor, or below a seventh of it by that factor (1.5 ×
    10^14 a day against 5.16 trillion a week is 29 times the week, 200 times its daily mean).
    Measuring against the whole week on the high side keeps a cumulative figure misread as a
    daily one ("7 trillion in three weeks") from firing. Only the weekly figures of a
    comparable period count; a daily figure no date can place is compared with all of them
    and flagged only when it is off every one, as undated_values does."""
    min_factor = config().magnitude("min_factor")
    days = config().magnitude("days_per_week")
    by_slot: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind in ("token_volume", "quantity") and not claim.attributes.get("restates"):
            by_slot[ctx.base_key(claim)].append(claim)
    for _slot, group in sorted(by_slot.items()):
        weekly = [
            c for c in group if c.period.granularity == "week" and not _is_daily(c)
        ]
        if not weekly:
            continue
        for daily in (c for c in group if _is_daily(c)):
            if wanted is not None and not wanted(daily):
                continue
            # the article's own weekly totals are daily_over_total's concern
            elsewhere = [w for w in weekly if w.article_id != daily.article_id]
            others = [w for w in elsewhere if _comparable(daily, w, ctx)]
            if not others and not is_dated(daily.period) and ctx.published(daily) is None:
                others = elsewhere
            if not others:
                continue
            if all(daily.value >= min_factor * w.value for w in others) or all(
                daily.value * days * min_factor <= w.value for w in others
            ):
                _daily_weekly_finding(daily, others, days, ctx, findings)


def _comparable(daily: Claim, weekly: Claim, ctx: Context) -> bool:
    if is_dated(daily.period) and is_dated(weekly.period):
        return overlaps(daily.period, weekly.period)
    return likely_same_period(daily, weekly, ctx.articles)


def _daily_weekly_finding(
    daily: Claim, weekly: Sequence[Claim], days: float, ctx: Context, findings: Findings
) -> None:
    # the weekly figure that comes closest is the most generous reading of the daily one
    above = daily.value > max(w.value for w in weekly) / days
    ref = max(weekly, key=lambda w: (w.value, w.id)) if above else min(
        weekly, key=lambda w: (w.value, w.id)
    )
    per_day = ref.value / days
    ratio = factor(daily.value, per_day)
    explanation = (
        f"{ctx.sources.outlet(daily.article_id)} gives {as_written(daily, ctx)} a day for "
        f"{subject_phrase(daily)} ({short_quote(daily, ctx.article(daily))}), {ratio:.3g} times "
        f"the {format_value(per_day, daily.unit)} a day implied by "
        f"{'the largest' if above else 'the smallest'} weekly figure, "
        f"{format_value(ref.value, ref.unit)} for {period_label(ref.period)} "
        f"({ctx.sources.outlet(ref.article_id)}: {short_quote(ref, ctx.article(ref))}). "
        f"Likely {likely_slip(daily.kind, daily.value, per_day)}."
    )
    # and the best-attested weekly figure, which an editor will check first
    attested = evidence(dominant(sides_of(weekly, ctx), ctx).claims, ctx)[:1]
    findings.add(
        "magnitude_anomaly",
        (ctx.bucket(daily), value_key(daily.value)),
        severity(2, True, _confidences([daily, ref])),
        [daily, ref, *attested],
        explanation,
        expected=per_day,
        stated=daily.value,
    )
