"""Reconcile claims across articles: pure functions over contract models.

``reconcile(claims, articles)`` groups claims by slot (slots.py) and period into facts
(facts.py), then applies one rule per discrepancy type (rules.py, arithmetic.py). Agreement
follows the tolerance rule of tolerance.py; copied reporting (dependence.py) is not
corroboration: explanations count independent sources.

Discrepancy ids are stable: ``disc-`` + blake2b of the type and the *fact* it is about, never of
the claims involved (the key of each type is listed in rules.py). Re-running on the same claims
yields the same ids, and a claim that later joins an existing discrepancy (another outlet
repeating a disputed figure) lands in the same id, so the store can re-open it for editors.
Output order is by (type, id); every discrepancy has status "open".

Incremental runs pass ``focus`` (the ids of the newly stored claims): only the findings those
claims can change are computed (focus.py), so an ingest costs what the new claims' slots hold
within their time window, not what the store holds. ``update`` also re-checks the stored
findings the new claims may have made obsolete (a later figure that reconciles a change or
settles a value) and names those no longer found.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from claimcheck.models import Article, Claim, Discrepancy

from .arithmetic import arithmetic_findings
from .dependence import (
    independent_sources,
    passage_fingerprints,
    sentence_fingerprints,
    shared_passages,
)
from .explain import Findings
from .facts import Context, buckets, dated_facts, undated_facts
from .focus import Focus
from .rules import (
    daily_against_weekly,
    daily_over_total,
    fact_values,
    internal_findings,
    misattributions,
    period_findings,
    rank_findings,
    streak_consistency,
    streak_findings,
    undated_values,
)
from .slots import related_slot_keys, slot_key
from .tolerance import claim_bounds

__all__ = [
    "Update",
    "claim_bounds",
    "independent_sources",
    "passage_fingerprints",
    "reconcile",
    "related_slot_keys",
    "sentence_fingerprints",
    "shared_passages",
    "slot_key",
    "update",
]


def reconcile(
    claims: Sequence[Claim],
    articles: Mapping[str, Article],
    focus: Collection[str] | None = None,
) -> list[Discrepancy]:
    """Every discrepancy among these claims (a mix of articles); deterministic; status open.

    With ``focus`` (ids of newly stored claims), only the findings those claims can change are
    computed: the buckets that hold them, the internal checks of their articles, the
    statements among them and the stored statements they are a base figure of, the streaks
    they bear on. The other claims are
    context; an incremental run then costs what the new claims' slots hold, not the store.
    """
    return _reconciled(Context.build(claims, articles), focus)


def _reconciled(ctx: Context, focus: Collection[str] | None) -> list[Discrepancy]:
    findings = Findings()
    scope = Focus.of(ctx, focus)
    grouped = {k: v for k, v in sorted(buckets(ctx).items()) if scope.touches_bucket(v)}
    facts = {
        bucket: dated_facts(bucket, members) + undated_facts(bucket, members, ctx)
        for bucket, members in grouped.items()
    }
    found = [
        m
        for bucket_facts in facts.values()
        for m in misattributions(bucket_facts, ctx, lambda fact: scope.touches(fact.claims))
    ]
    touched = [m for m in found if scope.touches((m.wrong, *m.right, *m.conflicting))]
    # claims explained by a misattribution stay out of value findings even when that
    # misattribution was reported before
    explained = period_findings(touched, ctx, findings) | {m.wrong.id for m in found if m.directed}
    for bucket, members in grouped.items():
        kind = members[0].kind
        for fact in facts[bucket]:
            if not scope.touches(fact.claims):
                continue
            if kind == "ranking":
                rank_findings(fact, ctx, findings)
            elif kind != "streak":
                fact_values(fact, ctx, findings, explained)
        if kind not in ("ranking", "streak"):
            undated_values(bucket, members, ctx, findings, scope.undated_filter(members))
            internal_findings(bucket, scope.in_articles(members), ctx, findings)
    daily_over_total(scope.in_articles(ctx.claims), ctx, findings)
    daily_against_weekly(ctx.claims, ctx, findings, scope.daily_filter())
    streak_findings(ctx.claims, ctx, findings, scope.streak_filter())
    streak_consistency(ctx.claims, ctx, findings, scope.streak_filter())
    arithmetic_findings(ctx, findings, scope.referrer_filter())
    return findings.sorted()


@dataclass(frozen=True)
class Update:
    found: list[Discrepancy]
    stale: list[str]  # ids of known discrepancies that the claims no longer support


def update(
    claims: Sequence[Claim],
    articles: Mapping[str, Article],
    new: Collection[str],
    known: Sequence[Discrepancy],
) -> Update:
    """The findings ``new`` claims change (as ``reconcile`` with that focus), and which of the
    ``known`` findings are stale.

    A known finding is re-checked when it shares a bucket with a new claim and all its claims
    are among ``claims``: its claims join the focus, so every rule that produced it runs again
    over them, and one not found again is stale. A finding with claims outside ``claims`` is
    left alone; its context was not loaded.
    """
    ctx = Context.build(claims, articles)
    loaded = ctx.by_id
    touched = {ctx.bucket(loaded[i]) for i in new if i in loaded}
    rechecked = [
        d
        for d in known
        if all(i in loaded for i in d.claim_ids)
        and any(ctx.bucket(loaded[i]) in touched for i in d.claim_ids)
    ]
    focus = set(new).union(*(d.claim_ids for d in rechecked))
    found = _reconciled(ctx, focus)
    ids = {d.id for d in found}
    return Update(found, [d.id for d in rechecked if d.id not in ids])
