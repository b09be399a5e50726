"""The reconciler's data (corpora/reconcile.json), loaded once and precompiled."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

CONFIG_PATH = Path(__file__).resolve().parents[2] / "corpora" / "reconcile.json"


@dataclass(frozen=True)
class Slip:
    factor: float
    kinds: tuple[str, ...]
    label: str


@dataclass(frozen=True)
class Citation:
    pattern: re.Pattern[str]
    # words (case-folded) of which a text holds one if the pattern can match it: most
    # patterns start a try at every character, and a text is scanned by each
    needs: tuple[str, ...]

    def finditer(self, text: str, folded: str) -> Iterator[re.Match[str]]:
        """The pattern's matches in ``text`` (whose casefold is ``folded``)."""
        if any(word in folded for word in self.needs):
            yield from self.pattern.finditer(text)


@dataclass(frozen=True)
class ReconcileConfig:
    raw: dict[str, Any]
    citation_patterns: tuple[Citation, ...]
    known_sources: tuple[str, ...]
    token: re.Pattern[str]
    number: re.Pattern[str]
    basis_duration: re.Pattern[str]
    slips: tuple[Slip, ...]
    figure: re.Pattern[str]
    cjk: re.Pattern[str]

    def tolerance(self, name: str) -> float:
        return float(self.raw["tolerance"][name])

    def severity(self, name: str) -> float:
        return float(self.raw["severity"][name])

    def dependence(self, name: str) -> float:
        return float(self.raw["dependence"][name])

    def magnitude(self, name: str) -> float:
        return float(self.raw["magnitude"][name])

    def window_days(self, kind: str, granularity: str | None) -> int:
        key = granularity or "none"
        windows = self.raw["window_days"]
        override = windows.get(kind, {})
        if key in override:
            return int(override[key])
        return int(windows["default"].get(key, windows["default"]["none"]))

    def slot_attributes(self, kind: str) -> tuple[str, ...]:
        return tuple(self.raw["slot_attributes"].get(kind, ()))

    def base_attributes(self, kind: str) -> tuple[str, ...]:
        return tuple(self.raw["base_attributes"].get(kind, ()))

    def resolution_rank(self, resolution: str) -> int:
        return int(self.raw["resolution_rank"].get(resolution, 0))


@lru_cache(maxsize=1)
def config() -> ReconcileConfig:
    raw: dict[str, Any] = json.loads(CONFIG_PATH.read_text(encoding="utf-8"))
    magnitude = raw["magnitude"]
    return ReconcileConfig(
        raw=raw,
        citation_patterns=tuple(Citation(re.compile(c["pattern"]), tuple(c["needs"]))
                                for c in raw["citation"]["patterns"]),
        known_sources=tuple(raw["citation"]["known_sources"]),
        token=re.compile(raw["token_pattern"]),
        number=re.compile(raw["number_pattern"]),
        basis_duration=re.compile(raw["basis_duration_pattern"], re.IGNORECASE),
        slips=tuple(
            Slip(float(s["factor"]), tuple(s["kinds"]), str(s["label"])) for s in magnitude["slips"]
        ),
        figure=re.compile(raw["figure_pattern"]),
        cjk=re.compile(raw["cjk_pattern"]),
    )
