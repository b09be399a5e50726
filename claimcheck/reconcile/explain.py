"""Plain-language pieces of explanations, discrepancy ids and severities."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from claimcheck.models import Article, Claim, Discrepancy, DiscrepancyType, Severity

from .config import config

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _number(value: float) -> str:
    return f"{value:.4g}" if abs(value) < 1e6 else f"{value:.3e}"


def format_value(value: float, unit: str) -> str:
    """4.12e12 tokens -> '4.12 trillion tokens'; 16.67 x -> '16.67x'; 2 rank -> 'No. 2'."""
    if unit == "%":
        return f"{_number(value)}%"
    if unit == "x":
        return f"{_number(value)}x"
    if unit == "rank":
        return f"No. {value:g}"
    for scale, word in _SCALES:
        if abs(value) >= scale:
            return f"{value / scale:.4g} {word} {unit}".rstrip()
    if "/" in unit:
        currency, per = unit.split("/", 1)
        return f"{currency} {_number(value)} per {per}"
    return f"{_number(value)} {unit}".rstrip()


def short_quote(claim: Claim, article: Article | None = None) -> str:
    """The claim's sentence, cut around the figure to at most quote_chars characters."""
    limit = int(config().raw["quote_chars"])
    quote = " ".join(claim.quote.split())
    if len(quote) <= limit:
        return f'"{quote}"'
    centre = _figure_position(claim, article, quote)
    start = max(0, min(centre - limit // 2, len(quote) - limit))
    text = quote[start : start + limit].strip()
    return f'"{"…" if start else ""}{text}{"…" if start + limit < len(quote) else ""}"'


def _figure_position(claim: Claim, article: Article | None, quote: str) -> int:
    if article is not None:
        figure = article.text[claim.span[0] : claim.span[1]]
        figure = " ".join(figure.split())
        if figure and figure in quote:
            return quote.index(figure) + len(figure) // 2
    return len(quote) // 2


def discrepancy_id(kind: str, *parts: str) -> str:
    digest = hashlib.blake2b("\x1f".join((kind, *parts)).encode("utf-8"), digest_size=8)
    return f"disc-{digest.hexdigest()}"


def value_key(value: float) -> str:
    """A value rounded to 3 significant digits: part of an id that must survive re-extraction."""
    return f"{value:.3g}"


def severity(gap_level: int, likely_only: bool, confidences: Iterable[float]) -> Severity:
    level = gap_level
    if likely_only:
        level -= 1
    if min(confidences, default=1.0) < config().severity("low_confidence"):
        level -= 1
    return "high" if level >= 2 else "medium" if level == 1 else "low"


def gap_level(relative_gap: float) -> int:
    if relative_gap >= config().severity("high_gap") or math.isinf(relative_gap):
        return 2
    return 1 if relative_gap >= config().severity("medium_gap") else 0


@dataclass
class Findings:
    """Discrepancies by id; a finding reported twice (from either side) is merged."""

    items: dict[str, Discrepancy] = field(default_factory=dict)

    def add(
        self,
        kind: DiscrepancyType,
        key: Sequence[str],
        level: Severity,
        claims: Iterable[Claim],
        explanation: str,
        expected: float | None = None,
        stated: float | None = None,
    ) -> None:
        claims = list(claims)
        ident = discrepancy_id(kind, *key)
        claim_ids = sorted({c.id for c in claims})
        article_ids = sorted({c.article_id for c in claims})
        existing = self.items.get(ident)
        if existing is not None:
            claim_ids = sorted(set(claim_ids) | set(existing.claim_ids))
            article_ids = sorted(set(article_ids) | set(existing.article_ids))
            level = _higher(level, existing.severity)
            explanation, expected, stated = existing.explanation, existing.expected, existing.stated
        self.items[ident] = Discrepancy(
            id=ident,
            type=kind,
            severity=level,
            claim_ids=claim_ids,
            article_ids=article_ids,
            expected=expected,
            stated=stated,
            explanation=explanation,
            status="open",
        )

    def sorted(self) -> list[Discrepancy]:
        return sorted(self.items.values(), key=lambda d: (d.type, d.id))


_ORDER: Mapping[str, int] = {"low": 0, "medium": 1, "high": 2}


def _higher(a: Severity, b: Severity) -> Severity:
    return a if _ORDER[a] >= _ORDER[b] else b
