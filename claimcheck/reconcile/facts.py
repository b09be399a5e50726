"""Grouping claims into facts: one slot, one period.

Claims are bucketed by base slot and granularity (granularity-free kinds such as prices share
one bucket). Within a bucket, dated claims whose periods overlap form one fact (connected
components of the overlap relation, found by a sweep over start dates). Undated claims whose
articles were published in one fixed window of the kind's length form one *likely* fact; an
undated claim of an article without a publication date joins no fact (it is still checked for
magnitude slips against its whole bucket). Grouping first keeps reconciliation near-linear in
the number of claims.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from claimcheck.models import Article, Claim, Period

from .config import config
from .dependence import Sources
from .slots import base_slot_key, granularity_matters, is_dated, period_key
from .tolerance import Bounds, bounds_of, half_unit, precise_with


@dataclass
class Context:
    """Everything the rules need, computed once per reconcile call."""

    claims: list[Claim]
    articles: Mapping[str, Article]
    sources: Sources
    bounds: dict[str, Bounds] = field(default_factory=dict)
    halves: dict[str, float] = field(default_factory=dict)
    by_id: dict[str, Claim] = field(default_factory=dict)
    # base slot keys by claim id: several rules group every claim by slot
    base_keys: dict[str, str] = field(default_factory=dict)
    # how strongly each claim attests its figure, by id (``values.evidence``)
    strengths: dict[str, tuple[bool, bool, int, int, float, str]] = field(default_factory=dict)
    written: dict[str, Bounds] = field(default_factory=dict)  # ``as_written``, once asked

    @classmethod
    def build(cls, claims: Iterable[Claim], articles: Mapping[str, Article]) -> Context:
        ordered = sorted({c.id: c for c in claims}.values(), key=lambda c: c.id)
        ctx = cls(claims=ordered, articles=articles, sources=Sources(articles))
        for claim in ordered:
            ctx.by_id[claim.id] = claim
            half = half_unit(claim, articles.get(claim.article_id))
            ctx.halves[claim.id] = half
            ctx.bounds[claim.id] = bounds_of(claim.value, claim.qualifier, half)
        return ctx

    def b(self, claim: Claim) -> Bounds:
        return self.bounds[claim.id]

    def as_written(self, claim: Claim) -> Bounds:
        """The claim's figure as written, without its hedge ("about 13.3 trillion": 13.25 to
        13.35 trillion); period findings compare thousands of pairs of figures this way."""
        found = self.written.get(claim.id)
        if found is None:
            found = self.written[claim.id] = bounds_of(claim.value, "exact", self.halves[claim.id])
        return found

    def base_key(self, claim: Claim) -> str:
        """``base_slot_key`` of the claim."""
        key = self.base_keys.get(claim.id)
        if key is None:
            key = self.base_keys[claim.id] = base_slot_key(claim)
        return key

    def bucket(self, claim: Claim) -> str:
        """The claim's bucket: its base slot and, for kinds where it matters, granularity."""
        granularity = claim.period.granularity if granularity_matters(claim.kind) else "*"
        return f"{self.base_key(claim)}|g={granularity or '-'}"

    def precise(self, claim: Claim) -> bool:
        """Written precisely enough (3+ significant digits) to identify a period by its value."""
        return precise_with(claim, self.halves[claim.id])

    def article(self, claim: Claim) -> Article | None:
        return self.articles.get(claim.article_id)

    def published(self, claim: Claim) -> dt.date | None:
        article = self.article(claim)
        return article.published if article else None


@dataclass
class Fact:
    bucket: str
    key: str
    period: Period | None
    claims: list[Claim]
    likely: bool  # grouped by publication dates only


def well_defined(claim: Claim) -> bool:
    """Whether the claim names everything that makes its fact comparable (see config)."""
    required = config().raw["required_attributes"].get(claim.kind, [])
    return all(
        any(claim.attributes.get(name) not in (None, "", []) for name in options.split("|"))
        for options in required
    )


def buckets(ctx: Context) -> dict[str, list[Claim]]:
    """The context's well-defined claims by bucket."""
    grouped: dict[str, list[Claim]] = defaultdict(list)
    for claim in ctx.claims:
        if well_defined(claim):
            grouped[ctx.bucket(claim)].append(claim)
    return grouped


def dated_facts(bucket: str, claims: Sequence[Claim]) -> list[Fact]:
    dated = sorted((c for c in claims if is_dated(c.period)), key=lambda c: (c.period.start, c.id))
    components: list[list[Claim]] = []
    reach: dt.date | None = None
    for claim in dated:
        assert claim.period.start and claim.period.end
        if reach is None or claim.period.start > reach:
            components.append([])
            reach = claim.period.end
        components[-1].append(claim)
        reach = max(reach, claim.period.end)
    return [_fact(bucket, component, likely=False) for component in components]


def _fact(bucket: str, claims: list[Claim], likely: bool) -> Fact:
    if likely:
        return Fact(bucket, "undated", None, claims, likely=True)
    # the most common interval names the fact, so a late claim with another week convention
    # does not rename it
    counts = Counter(period_key(c.period) for c in claims)
    key = min(counts, key=lambda k: (-counts[k], k))
    period = next(c.period for c in claims if period_key(c.period) == key)
    return Fact(bucket, key, period, claims, likely=False)


def undated_facts(bucket: str, claims: Sequence[Claim], ctx: Context) -> list[Fact]:
    """Undated claims grouped by fixed publication-date windows (``publication_window``)."""
    groups: dict[dt.date, list[Claim]] = defaultdict(list)
    for claim in claims:
        published = ctx.published(claim)
        if not is_dated(claim.period) and published is not None:
            groups[publication_window(claim, published)].append(claim)
    facts = []
    for start, group in sorted(groups.items()):
        if len({c.article_id for c in group}) > 1:
            fact = _fact(bucket, sorted(group, key=lambda c: (ctx.published(c), c.id)),
                         likely=True)
            fact.key = f"undated:{start}"
            facts.append(fact)
    return facts


def publication_window(claim: Claim, published: dt.date) -> dt.date:
    """The first day of the fixed window of publication dates an undated claim is grouped in.

    Windows are the kind's comparison window long (corpora/reconcile.json ``window_days``)
    and laid end to end from a fixed day that starts a week, so that a group and its key do
    not depend on which articles a reconciliation loads: grouping by chains of close dates
    made one group of a whole busy year, renamed whenever an earlier article was loaded. Two
    articles on either side of a window's edge are not compared.
    """
    length = config().window_days(claim.kind, claim.period.granularity)
    return published - dt.timedelta(days=days_into_weeks(published) % length)


def days_into_weeks(day: dt.date) -> int:
    """Days since a fixed day that starts a reporting week (``week_starts_on``)."""
    offset = 0 if config().raw["week_starts_on"] == "monday" else 6  # 0001-01-01 was a Monday
    return day.toordinal() - 1 - offset
