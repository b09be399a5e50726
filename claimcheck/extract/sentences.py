"""Sentence and paragraph boundaries, cheap enough to run on every article in full."""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol, TypeVar

CORPORA = Path(__file__).resolve().parent.parent.parent / "corpora"

# A sentence ends at . ! ? (with closing quotes/brackets) followed by space, or at 。！？
_END = re.compile(r"[.!?]+[\"'”’)\]]*[ \t\u00a0\u202f]+|[。！？]+[”’）」』]*")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?]*[\"'”’)\]]*[ \t\u00a0\u202f]*$")
# The next sentence starts with a capital, a digit, a quote or CJK; anything else is mid-sentence
_STARTER = re.compile(r"[A-Z0-9\"“‘(\[\u4e00-\u9fff]")
_FIRST_VISIBLE = re.compile(r"\S")  # \s is what str.strip strips


# characters; a longer "sentence" is cut into pieces (a figure across a cut is lost)
MAX_SENTENCE = 5_000


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


@lru_cache(maxsize=1)
def cues() -> dict:
    """The cue words of corpora/cues.json, with the basis frames spelt out into basis."""
    with open(CORPORA / "cues.json", encoding="utf-8") as f:
        data = json.load(f)
    frames = data.get("basis_frames", {})
    for basis, references in frames.get("references", {}).items():
        data["basis"][basis] += [f"{c} {r}" for c in frames["comparisons"] for r in references]
    for basis, references in frames.get("references_zh", {}).items():
        data["basis"][basis] += [f"{c}{r}" for c in frames["comparisons_zh"] for r in references]
    return data


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(cues()["abbreviations"])


def _is_boundary(text: str, end_match: re.Match[str]) -> bool:
    mark = end_match.group()
    if mark[0] in "。！？":
        return True
    # "1. MiniMax M2.5 — 2.58T": list numbering, not a sentence (the first test spares most
    # lines a copy of everything before the mark)
    first = _FIRST_VISIBLE.search(text)
    if first and first.group().isdigit() and text[: end_match.start()].strip().isdigit():
        return False
    nxt = end_match.end()
    if nxt < len(text) and not _STARTER.match(text, nxt):
        return False
    before = _WORD_BEFORE.search(text, max(0, end_match.start() - 20), end_match.end())
    if before:
        word = before.group(1).lower().rstrip(".")
        # "U.S. models", "No. 1", "Feb. 26": an abbreviation or a single initial
        if word in _abbreviations() or (len(word) == 1 and word.isalpha()):
            return False
    return True


def sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` as offsets; every line break ends a sentence and a paragraph."""
    found: list[Sentence] = []
    pos = 0
    for paragraph, line in enumerate(text.split("\n")):
        line_start = pos
        pos += len(line) + 1
        start = 0
        for match in _END.finditer(line):
            if _is_boundary(line, match):
                _add(found, line, line_start, start, match.end(), paragraph)
                start = match.end()
        _add(found, line, line_start, start, len(line), paragraph)
    return found


def _add(found: list[Sentence], line: str, offset: int, start: int, end: int, para: int) -> None:
    chunk = line[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    first = offset + start + len(chunk) - len(chunk.lstrip())
    last = first + len(stripped)
    while last - first > MAX_SENTENCE:
        # no real sentence is this long (a dump with no punctuation, a hostile input): cut it
        # at a space so every piece stays small enough for one spaCy Doc
        cut = line.rfind(" ", first - offset + 1, first - offset + MAX_SENTENCE)
        piece_end = offset + cut if cut > 0 else first + MAX_SENTENCE
        first_after = piece_end
        while piece_end > first and line[piece_end - 1 - offset].isspace():
            piece_end -= 1
        found.append(Sentence(first, piece_end, para))
        first = first_after
        while first < last and line[first - offset].isspace():
            first += 1
    found.append(Sentence(first, last, para))


class _Located(Protocol):
    @property
    def start(self) -> int: ...


L = TypeVar("L", bound=_Located)


def within(mentions: Sequence[L], sentence: Sentence) -> list[L]:
    """The mentions (sorted by start) that start inside ``sentence``, found by bisection."""
    lo = bisect.bisect_left(mentions, sentence.start, key=lambda m: m.start)
    hi = bisect.bisect_left(mentions, sentence.end, lo, key=lambda m: m.start)
    return list(mentions[lo:hi])
