"""Value clusters ("sides") of a fact and the wording shared by the value rules."""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from claimcheck.models import Claim

from .config import config
from .explain import format_value, short_quote
from .facts import Context
from .tolerance import Bounds, overlap, written_figure


@dataclass
class Side:
    """Claims of one fact that agree with each other."""

    claims: list[Claim]
    lo: float
    hi: float

    @property
    def value(self) -> float:
        return statistics.median(c.value for c in self.claims)

    @property
    def articles(self) -> set[str]:
        return {c.article_id for c in self.claims}

    def bounds(self) -> Bounds:
        return Bounds(self.lo, self.hi, self.value)


def sides_of(claims: Sequence[Claim], ctx: Context) -> list[Side]:
    """Exact figures cluster by overlapping intervals; hedged figures ("about", "over") join
    the best-supported side they agree with, or form their own.

    A hedged figure never links two sides: "roughly 4.1 trillion" agrees with both 4.12 and
    4.21, which still disagree with each other."""
    sides = _chained((c for c in claims if ctx.b(c).bounded and c.qualifier == "exact"), ctx)
    hedged = sorted(
        (c for c in claims if ctx.b(c).bounded and c.qualifier != "exact"),
        key=lambda c: (ctx.b(c).lo, c.id),
    )
    unbounded = sorted((c for c in claims if not ctx.b(c).bounded), key=lambda c: c.id)
    alone: list[Claim] = []
    for claim in hedged:
        if not _join_best(claim, sides, ctx):
            alone.append(claim)
    sides += _chained(alone, ctx)
    for claim in unbounded:
        if not _join_best(claim, sides, ctx):
            b = ctx.b(claim)
            sides.append(Side([claim], b.lo, b.hi))
    return sides


def _chained(claims: Iterable[Claim], ctx: Context) -> list[Side]:
    sides: list[Side] = []
    for claim in sorted(claims, key=lambda c: (ctx.b(c).lo, c.id)):
        b = ctx.b(claim)
        if sides and b.lo <= sides[-1].hi:
            sides[-1].claims.append(claim)
            sides[-1].hi = max(sides[-1].hi, b.hi)
        else:
            sides.append(Side([claim], b.lo, b.hi))
    return sides


def _join_best(claim: Claim, sides: Sequence[Side], ctx: Context) -> bool:
    b = ctx.b(claim)
    fitting = [s for s in sides if overlap(b, s.bounds())]
    if not fitting:
        return False
    best = max(
        fitting,
        key=lambda s: (ctx.sources.independent(s.articles), -abs(s.value - b.value), -s.lo),
    )
    best.claims.append(claim)
    return True


def dominant(sides: Sequence[Side], ctx: Context) -> Side:
    """The side the most independent sources support (then more claims, more confidence)."""
    # copies add no weight: after independent sources come a cited primary source, the
    # sharpest period and the most confident claim
    return max(
        sides,
        key=lambda s: (
            ctx.sources.independent(s.articles),
            any(ctx.sources.cited_source(c) for c in s.claims),
            any(ctx.b(c).bounded for c in s.claims),
            max(config().resolution_rank(c.period.resolution) for c in s.claims),
            max(c.confidence for c in s.claims),
            -s.value,
        ),
    )


def representative(claims: Sequence[Claim]) -> Claim:
    """The claim to quote for a group: the sharpest period, then the most confident."""
    return min(
        claims,
        key=lambda c: (-config().resolution_rank(c.period.resolution), -c.confidence, c.id),
    )


def factor(a: float, b: float) -> float:
    """How many times larger the larger figure is; 1 when either is zero (no scale to slip)."""
    small, large = sorted((abs(a), abs(b)))
    if small == 0:
        return 1.0
    return large / small


def likely_slip(kind: str, outlier: float, reference: float) -> str:
    """Name the slip that best explains a factor between two figures of one fact."""
    ratio = factor(outlier, reference)
    tolerance = math.log1p(config().magnitude("slip_tolerance"))
    for slip in config().slips:
        if kind in slip.kinds and abs(math.log(ratio / slip.factor)) <= tolerance:
            return slip.label
    if not math.isfinite(ratio) or outlier == 0:
        return f"no common slip explains {format_value(outlier, '')}"
    steps = round(math.log10(ratio))
    if steps >= 1 and ratio / 10**steps <= config().magnitude("exponent_fit"):
        exponent = math.floor(math.log10(abs(outlier)))
        fitting = exponent - steps if abs(outlier) > abs(reference) else exponent + steps
        mantissa = abs(outlier) / 10**exponent
        return (
            f"an exponent slip (10^{exponent} vs 10^{fitting}): {mantissa:.3g} × 10^{fitting} "
            "would be in line with the other figures"
        )
    return f"no common slip explains a factor of {ratio:.3g}"


def _strength(claim: Claim, ctx: Context) -> tuple[bool, bool, int, int, float, str]:
    """How strongly a claim attests its figure, strongest least (see ``evidence``); kept,
    since a claim is ranked again in every discrepancy it is evidence in."""
    found = ctx.strengths.get(claim.id)
    if found is None:
        article = ctx.article(claim)
        found = ctx.strengths[claim.id] = (
            claim.qualifier != "exact",
            ctx.sources.cited_source(claim) is None,
            -config().resolution_rank(claim.period.resolution),
            -(len(article.shares_text_with) if article else 0),  # the article others copy
            -claim.confidence,
            claim.id,
        )
    return found


def evidence(
    claims: Sequence[Claim], ctx: Context, against: Claim | None = None
) -> list[Claim]:
    """The few claims of an agreeing side that a discrepancy cites as evidence against the
    figures at fault (corpora/reconcile.json ``evidence_claims``), one per independent source.

    A discrepancy lists the claims in conflict, not every outlet that repeats the accepted
    figure: agreeing figures are never flagged together, and a repeat does not re-open a
    review. The strongest evidence comes first: an exact figure over a hedged one, a cited
    primary source, the sharpest period, the article others copy from; and before all, a
    figure of the reporting that ``against`` (the figure at fault) copies, which shows the
    copy changed it."""
    kin = ctx.sources.root(against.article_id) if against is not None else None
    limit = int(config().raw["evidence_claims"])
    ranked = sorted(
        claims,
        key=lambda c: (kin is None or ctx.sources.root(c.article_id) != kin, _strength(c, ctx)),
    )
    chosen: list[Claim] = []
    roots: set[str] = set()
    for claim in ranked:
        root = ctx.sources.root(claim.article_id)
        if root not in roots:
            chosen.append(claim)
            roots.add(root)
            if len(chosen) >= limit:
                break
    if chosen and kin is not None and ctx.sources.root(chosen[0].article_id) == kin:
        # every statement of the figure in the copied article: the copy changed all of them
        origin = chosen[0].article_id
        chosen += [c for c in ranked if c.article_id == origin and c not in chosen]
    return chosen


def describe_side(side: Side, ctx: Context, unit: str, value: float | None = None) -> str:
    """'4.12 trillion tokens (National Business Daily: "...quote..."; 2 sources, 1 independent)'
    for the side's median value, or for ``value`` quoting the claim closest to it."""
    first = representative(side.claims)
    if value is not None:
        first = min(side.claims, key=lambda c: (abs(c.value - value), c.id))
    outlets = _outlets(side.claims, ctx)
    detail = f"{outlets}: {short_quote(first, ctx.article(first))}"
    if len(side.articles) > 1:
        detail += f"; {ctx.sources.support(side.articles)}"
    cited = cited_by(side.claims, ctx)
    if cited:
        detail += f"; citing {cited}"
    shown = side.value if value is None else value
    return f"{format_value(shown, unit)} ({detail})"


def _outlets(claims: Iterable[Claim], ctx: Context) -> str:
    names = list(dict.fromkeys(ctx.sources.outlet(c.article_id) for c in claims))
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def outlets(claims: Iterable[Claim], ctx: Context) -> str:
    return _outlets(claims, ctx)


def cited_by(claims: Iterable[Claim], ctx: Context) -> str | None:
    found = [s for s in (ctx.sources.cited_source(c) for c in claims) if s]
    return ", ".join(dict.fromkeys(found)) or None


def subject_phrase(claim: Claim) -> str:
    labels = {
        "token_volume": "token volume",
        "price": f"{claim.attributes.get('direction', '')} price".strip(),
        "share": "share",
        "change": f"{str(claim.attributes.get('measure') or '').replace('_', ' ')} change",
        "quantity": str(claim.attributes.get("measure") or "figure"),
        "ranking": "ranking",
        "streak": "streak",
    }
    return f"{claim.subject} {' '.join(labels.get(claim.kind, claim.kind).split())}"


def as_written(claim: Claim, ctx: Context) -> str:
    """The figure as the article wrote it ("9.8 × 10^13 tokens"), else the normalized value."""
    written = written_figure(claim, ctx.article(claim))
    if written and any(ch.isdigit() for ch in written):
        return " ".join(written.split())
    return format_value(claim.value, claim.unit)
