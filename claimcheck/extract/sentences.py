"""Sentence and paragraph boundaries, cheap enough to run on every article in full."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CORPORA = Path(__file__).resolve().parent.parent.parent / "corpora"

# A sentence ends at . ! ? (with closing quotes/brackets) followed by space, or at 。！？
_END = re.compile(r"[.!?]+[\"'”’)\]]*[ \t\u00a0\u202f]+|[。！？]+[”’）」』]*")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?]*[\"'”’)\]]*[ \t\u00a0\u202f]*$")
# The next sentence starts with a capital, a digit, a quote or CJK; anything else is mid-sentence
_STARTER = re.compile(r"[A-Z0-9\"“‘(\[\u4e00-\u9fff]")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


@lru_cache(maxsize=1)
def cues() -> dict:
    """The cue words of corpora/cues.json."""
    with open(CORPORA / "cues.json", encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(cues()["abbreviations"])


def _is_boundary(text: str, end_match: re.Match[str]) -> bool:
    mark = end_match.group()
    if mark[0] in "。！？":
        return True
    if text[: end_match.start()].strip().isdigit():
        return False  # "1. MiniMax M2.5 — 2.58T": list numbering, not a sentence
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
    lead = len(chunk) - len(chunk.lstrip())
    found.append(Sentence(offset + start + lead, offset + start + lead + len(stripped), para))
