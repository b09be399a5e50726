"""Incremental reconciliation: which findings the newly stored claims can change.

Claims already stored were reconciled when they came in; their discrepancies are in the store
and keep their ids. A new claim can only change findings it takes part in: the facts of its
bucket, the internal checks of its own article (internal, daily against total), its own
arithmetic when it is a statement, a stored statement it is a base figure of (a share,
change or sum), a streak over its subject, an undated figure it is comparable with.
``Focus.everything()`` keeps every finding (a full re-run).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field

from claimcheck.models import Claim

from .config import config
from .facts import Context
from .slots import (
    Match,
    Timeline,
    is_dated,
    measure_of,
    overlaps,
    period_match,
    referenced_subjects,
)
from .values import factor

ClaimFilter = Callable[[Claim], bool]


@dataclass
class Focus:
    ctx: Context
    ids: frozenset[str] | None  # None: every claim is new
    articles: frozenset[str] = frozenset()
    by_figure: dict[tuple[str, str], list[Claim]] = field(default_factory=dict)
    _timelines: dict[tuple[str, str], Timeline] = field(default_factory=dict)

    @classmethod
    def of(cls, ctx: Context, ids: Collection[str] | None) -> Focus:
        if ids is None:
            return cls(ctx, None)
        wanted = frozenset(ids)
        new = [c for c in ctx.claims if c.id in wanted]
        by_figure: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        for claim in new:
            by_figure[(claim.kind, claim.subject.casefold())].append(claim)
        return cls(ctx, wanted, frozenset(c.article_id for c in new), dict(by_figure))

    @property
    def everything(self) -> bool:
        return self.ids is None

    def touches(self, claims: Iterable[Claim]) -> bool:
        return self.ids is None or any(c.id in self.ids for c in claims)

    def touches_bucket(self, members: Sequence[Claim]) -> bool:
        return self.touches(members)

    def in_articles(self, claims: Sequence[Claim]) -> list[Claim]:
        if self.ids is None:
            return list(claims)
        return [c for c in claims if c.article_id in self.articles]

    def undated_filter(self, members: Sequence[Claim]) -> ClaimFilter | None:
        """Undated claims of a bucket whose comparison a new claim can change."""
        ids = self.ids
        if ids is None:
            return None
        new = [c for c in members if c.id in ids]
        min_factor = config().magnitude("min_factor")
        articles = self.ctx.articles
        timeline = Timeline(new, articles)
        largest, smallest = _extremes(new)

        def off_by_factor(claim: Claim) -> bool:
            # a new figure of another article a factor away, if any, is the largest or smallest
            large = next((v for v, a in largest if a != claim.article_id), None)
            small = next((v for v, a in smallest if a != claim.article_id), None)
            return (large is not None and factor(claim.value, large) >= min_factor) or (
                small is not None and factor(claim.value, small) >= min_factor
            )

        def wanted(claim: Claim) -> bool:
            if claim.id in ids:
                return True
            return off_by_factor(claim) or any(
                n.article_id != claim.article_id
                and period_match(claim, n, articles) is not Match.NO
                for n in timeline.near(claim)
            )

        return wanted

    def _new_figures(self, kind: str, subjects: Iterable[str]) -> list[Claim]:
        return [c for s in subjects for c in self.by_figure.get((kind, s.casefold()), [])]

    def _new_figures_near(self, kind: str, subjects: Iterable[str], claim: Claim) -> list[Claim]:
        """A superset of the new figures whose period can match ``claim``'s (Timeline.near):
        a large batch holds hundreds of new figures of a busy subject."""
        found = []
        for subject in subjects:
            key = (kind, subject.casefold())
            if key not in self.by_figure:
                continue
            if key not in self._timelines:
                self._timelines[key] = Timeline(self.by_figure[key], self.ctx.articles)
            found += self._timelines[key].near(claim)
        return found

    def streak_filter(self) -> ClaimFilter | None:
        if self.ids is None:
            return None
        ids = self.ids

        def wanted(streak: Claim) -> bool:
            if streak.id in ids:
                return True
            measure = str(streak.attributes.get("measure") or "token_volume")
            subjects = [streak.subject, str(streak.attributes.get("over") or "")]
            return bool(self._new_figures(measure, subjects))

        return wanted

    def daily_filter(self) -> ClaimFilter | None:
        """Daily figures a new weekly (or daily) figure of their subject can put in question."""
        if self.ids is None:
            return None
        ids = self.ids

        def wanted(claim: Claim) -> bool:
            return claim.id in ids or bool(self._new_figures(claim.kind, [claim.subject]))

        return wanted

    def referrer_filter(self) -> ClaimFilter | None:
        """Statements (ratios, changes, shares, sums) whose base figures a new claim may be."""
        if self.ids is None:
            return None
        ids = self.ids
        articles = self.ctx.articles

        def wanted(claim: Claim) -> bool:
            # not every statement of a focus article: a batch cuts an article's claims into
            # time groups, and only its own group loads the base figures a statement needs
            if claim.id in ids:
                return True
            if claim.kind not in ("change", "share") and not isinstance(
                claim.attributes.get("members"), list
            ):
                return False
            measure = measure_of(claim) if claim.kind in ("change", "share") else claim.kind
            subjects = referenced_subjects(claim)
            if claim.kind == "change":  # a change also compares with an earlier period
                return bool(self._new_figures(measure, subjects))
            return any(
                period_match(claim, n, articles) is not Match.NO or _dated_overlap(claim, n)
                for n in self._new_figures_near(measure, subjects, claim)
            )

        return wanted


def _extremes(claims: Sequence[Claim]) -> tuple[list[tuple[float, str]], list[tuple[float, str]]]:
    """The two largest and the two smallest nonzero magnitudes of two different articles each,
    with their articles: what a claim of one of those articles is compared with instead."""
    ranked = sorted((abs(c.value), c.article_id) for c in claims if c.value)

    def two(rows: Iterable[tuple[float, str]]) -> list[tuple[float, str]]:
        picked: list[tuple[float, str]] = []
        for value, article in rows:
            if not picked or picked[0][1] != article:
                picked.append((value, article))
            if len(picked) == 2:
                break
        return picked

    return two(reversed(ranked)), two(ranked)


def _dated_overlap(a: Claim, b: Claim) -> bool:
    return is_dated(a.period) and is_dated(b.period) and overlaps(a.period, b.period)
