"""The report as JSON, for scripts and dashboards: the contract's discrepancies, enriched.

Each entry is a contract DISCREPANCY plus what the human report shows (slot in words, claims
with their outlet and date, independence, suggested reading, review history); the contract's
fields keep their names and meanings.
"""

from __future__ import annotations

import json
from typing import Any

from claimcheck.models import SCHEMA_VERSION
from claimcheck.report.build import Item, Report


def item_data(item: Item) -> dict[str, Any]:
    data: dict[str, Any] = item.discrepancy.model_dump(mode="json")
    data["slot"] = item.slot
    data["claims"] = [
        {**f.claim.model_dump(mode="json"), "value_text": f.value, "outlet": f.outlet,
         "published": f.article.published.isoformat() if f.article and f.article.published
         else None}
        for f in item.figures
    ]
    data["independence"] = {"sources": item.independence.sources,
                            "independent": item.independence.independent,
                            "copy_groups": [list(g) for g in item.independence.groups]}
    data["suggestion"] = {"text": item.suggestion.text, "preferred": item.suggestion.preferred,
                          "disputed_claim_ids": list(item.suggestion.disputed)}
    data["reviews"] = [r.model_dump(mode="json") for r in item.reviews]
    return data


def render_json(report: Report) -> str:
    document = {
        "schema_version": SCHEMA_VERSION,
        "generated": report.generated.isoformat(),
        "filters": {"status": report.filters.status or "all",
                    "severity": report.filters.severity,
                    "article": report.filters.article_id},
        "summary": {what: dict(sorted(report.counts(what).items()))
                    for what in ("type", "severity", "status")},
        "discrepancies": [item_data(i) for i in report.items],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


__all__ = ["item_data", "render_json"]
