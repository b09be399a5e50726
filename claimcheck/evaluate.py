"""Scoring the extractor against hand-made gold annotations (corpora/gold/README.md).

Matching rule: a predicted claim matches a gold claim when the kind is equal, the subject is
equal (case-insensitive; for subjects outside the gazetteer a fuzzy ratio >= 85), and the value
agrees within the rounding of the gold figure as written (half a unit of its last written
digit, and at least 0.5 % relative). Matching is one-to-one, nearest value first. The strict
score also requires the period: both open (no start/end), or the same start and end.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from claimcheck.extract import extract
from claimcheck.extract.entities import entity
from claimcheck.ingest import LoadedArticle, load_articles
from claimcheck.models import Claim

MIN_RELATIVE_TOLERANCE = 0.005
FUZZY_SUBJECT = 85
_NUMBER = re.compile(r"(\d[\d,]*)(?:[.．](\d+))?")


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    loose: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    strict: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    articles: int = 0
    misses: list[str] = field(default_factory=list)  # gold claims not found, for debugging
    extras: list[str] = field(default_factory=list)  # predicted claims not in gold

    def overall(self, strict: bool = False) -> Score:
        scores = (self.strict if strict else self.loose).values()
        return Score(
            sum(s.gold for s in scores),
            sum(s.predicted for s in scores),
            sum(s.matched for s in scores),
        )


def tolerance(gold: dict[str, Any]) -> float:
    """Absolute tolerance for a gold value: the rounding of the figure as written."""
    value = abs(float(gold["value"]))
    relative = MIN_RELATIVE_TOLERANCE
    match = _NUMBER.search(gold.get("text") or "")
    if match:
        mantissa = float(match.group(1).replace(",", "") + "." + (match.group(2) or "0"))
        decimals = len(match.group(2) or "")
        if mantissa:
            relative = max(relative, 0.5 * 10**-decimals / mantissa)
    return value * relative


def _same_subject(gold: str, predicted: str) -> bool:
    if gold.casefold() == predicted.casefold():
        return True
    return (
        entity(gold) is None and fuzz.ratio(gold.casefold(), predicted.casefold()) >= FUZZY_SUBJECT
    )


def _same_period(gold: dict[str, Any] | None, claim: Claim) -> bool:
    start = claim.period.start.isoformat() if claim.period.start else None
    end = claim.period.end.isoformat() if claim.period.end else None
    if not gold or not gold.get("start"):
        return start is None
    return (gold.get("start"), gold.get("end")) == (start, end)


def _match(
    gold: list[dict[str, Any]], predicted: list[Claim], strict: bool
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), nearest value first."""
    candidates = []
    for gi, g in enumerate(gold):
        tol = tolerance(g)
        for pi, p in enumerate(predicted):
            if p.kind != g["kind"] or not _same_subject(g["subject"], p.subject):
                continue
            gap = abs(p.value - float(g["value"]))
            if gap > tol or (strict and not _same_period(g.get("period"), p)):
                continue
            candidates.append((gap, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _gap, gi, pi in sorted(candidates):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _article_text(root: Path, ref: str) -> str:
    path, _, record = ref.partition("#")
    items = [i for i in load_articles([str(root / path)]) if isinstance(i, LoadedArticle)]
    if record:
        wanted = f"{root / path}#{record}"
        items = [i for i in items if i.origin == wanted]
    if len(items) != 1:
        raise ValueError(f"{ref}: cannot load one article")
    return items[0].article.text


def gold_files(gold_dir: Path) -> list[Path]:
    return sorted(p for p in gold_dir.glob("*.json") if not p.name.startswith("discrepancies"))


def _gold_and_predicted(
    gold_dir: Path, root: Path | None, kinds: Iterable[str] | None, lang: str | None
) -> Iterator[tuple[Path, str, list[dict[str, Any]], list[Claim]]]:
    """Each gold file with its article's text, its gold claims and the extractor's, both
    kept to ``kinds``."""
    root = root or gold_dir.resolve().parent.parent
    wanted = set(kinds) if kinds else None
    for path in gold_files(gold_dir):
        gold_doc = json.loads(path.read_text(encoding="utf-8"))
        if lang and gold_doc.get("lang", "en") != lang:
            continue
        text = _article_text(root, gold_doc["article"])
        published = (
            dt.date.fromisoformat(gold_doc["published"]) if gold_doc.get("published") else None
        )
        predicted = extract(text, published, gold_doc.get("lang"))
        gold = gold_doc["claims"]
        if wanted:
            gold = [g for g in gold if g["kind"] in wanted]
            predicted = [p for p in predicted if p.kind in wanted]
        yield path, text, gold, predicted


def evaluate(
    gold_dir: Path,
    root: Path | None = None,
    kinds: Iterable[str] | None = None,
    lang: str | None = None,
) -> Evaluation:
    """Run the extractor on every gold article and score it, per kind and overall."""
    result = Evaluation()
    for path, text, gold, predicted in _gold_and_predicted(gold_dir, root, kinds, lang):
        result.articles += 1
        for strict, table in ((False, result.loose), (True, result.strict)):
            pairs = _match(gold, predicted, strict)
            for g in gold:
                table[g["kind"]].gold += 1
            for p in predicted:
                table[p.kind].predicted += 1
            for gi, _pi in pairs:
                table[gold[gi]["kind"]].matched += 1
            if not strict:
                found_g = {gi for gi, _ in pairs}
                found_p = {pi for _, pi in pairs}
                result.misses += [
                    f"{path.name}: {g['kind']} {g['subject']} {g['value']} ({g.get('text')})"
                    for i, g in enumerate(gold)
                    if i not in found_g
                ]
                result.extras += [
                    f"{path.name}: {p.kind} {p.subject} {p.value:g} {p.unit} "
                    f"({text[p.span[0] : p.span[1]]})"
                    for i, p in enumerate(predicted)
                    if i not in found_p
                ]
    return result


@dataclass(frozen=True)
class PeriodMiss:
    """A gold claim that the extractor found (loose match) but with another period."""

    article: str
    kind: str
    subject: str
    text: str
    gold_start: str | None
    gold_end: str | None
    predicted_start: str | None
    predicted_end: str | None
    predicted_phrase: str | None

    def line(self) -> str:
        """One line for the terminal: where, what, gold period vs predicted and its phrase."""
        return (
            f"{self.article}: {self.kind} {self.subject} ({self.text}) "
            f"gold={self.gold_start}..{self.gold_end} "
            f"pred={self.predicted_start}..{self.predicted_end} ({self.predicted_phrase})"
        )


def period_misses(
    gold_dir: Path,
    root: Path | None = None,
    kinds: Iterable[str] | None = None,
    lang: str | None = None,
) -> list[PeriodMiss]:
    """Loosely matched claims whose period differs from gold: what costs the strict score.

    Uses the same matching as `evaluate` (kind, subject, value); a pair counts as a miss when
    `_same_period` rejects it, so the rows are exactly the loose matches strict scoring loses
    to periods (strict may still re-pair some of them with other claims).
    """
    rows: list[PeriodMiss] = []
    for path, _text, gold, predicted in _gold_and_predicted(gold_dir, root, kinds, lang):
        for gi, pi in _match(gold, predicted, False):
            g, p = gold[gi], predicted[pi]
            if _same_period(g.get("period"), p):
                continue
            gp = g.get("period") or {}
            rows.append(
                PeriodMiss(
                    article=path.name,
                    kind=g["kind"],
                    subject=g["subject"],
                    text=g.get("text") or "",
                    gold_start=gp.get("start"),
                    gold_end=gp.get("end"),
                    predicted_start=p.period.start.isoformat() if p.period.start else None,
                    predicted_end=p.period.end.isoformat() if p.period.end else None,
                    predicted_phrase=p.period.text,
                )
            )
    return rows


def score_table(result: Evaluation) -> str:
    """The evaluation as a plain-text table: per kind, loose and strict (with periods)."""
    rows = ["kind            gold  pred  P      R      F1     | strict P  R      F1"]
    kinds = sorted(set(result.loose) | set(result.strict))
    for kind in [*kinds, "overall"]:
        loose = result.overall() if kind == "overall" else result.loose[kind]
        strict = result.overall(True) if kind == "overall" else result.strict[kind]
        rows.append(
            f"{kind:<15} {loose.gold:>5} {loose.predicted:>5} {loose.precision:6.3f} "
            f"{loose.recall:6.3f} {loose.f1:6.3f} | {strict.precision:6.3f} "
            f"{strict.recall:6.3f} {strict.f1:6.3f}"
        )
    return "\n".join(rows)
