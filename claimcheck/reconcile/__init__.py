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
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from claimcheck.models import Article, Claim, Discrepancy

from .arithmetic import arithmetic_findings
from .dependence import independent_sources, passage_fingerprints, shared_passages
from .explain import Findings
from .facts import Context, buckets, dated_facts, undated_facts
from .rules import (
    daily_over_total,
    fact_values,
    internal_findings,
    misattributions,
    period_findings,
    rank_findings,
    streak_findings,
    undated_values,
)
from .slots import related_slot_keys, slot_key
from .tolerance import claim_bounds

__all__ = [
    "claim_bounds",
    "independent_sources",
    "passage_fingerprints",
    "reconcile",
    "related_slot_keys",
    "shared_passages",
    "slot_key",
]


def reconcile(claims: Sequence[Claim], articles: Mapping[str, Article]) -> list[Discrepancy]:
    """Every discrepancy among these claims (a mix of articles); deterministic; status open."""
    ctx = Context.build(claims, articles)
    findings = Findings()
    grouped = {k: v for k, v in sorted(buckets(ctx.claims).items())}
    facts = {
        bucket: dated_facts(bucket, members) + undated_facts(bucket, members, ctx)
        for bucket, members in grouped.items()
    }
    found = [m for bucket_facts in facts.values() for m in misattributions(bucket_facts, ctx)]
    explained = period_findings(found, ctx, findings)
    for bucket, members in grouped.items():
        kind = members[0].kind
        for fact in facts[bucket]:
            if kind == "ranking":
                rank_findings(fact, ctx, findings)
            elif kind != "streak":
                fact_values(fact, ctx, findings, explained)
        if kind not in ("ranking", "streak"):
            undated_values(bucket, members, ctx, findings)
            internal_findings(bucket, members, ctx, findings)
    daily_over_total(ctx.claims, ctx, findings)
    streak_findings(ctx.claims, ctx, findings)
    arithmetic_findings(ctx, findings)
    return findings.sorted()
