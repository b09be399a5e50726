"""Regexes for lists of literal phrases, built as tries.

sre tries the branches of an alternation one after the other, so ``a|b|c|...`` over a word
list costs one attempt per word at every position. A trie (``p(?:er(?:\\s+week)?|ast)``)
rejects a position after one or two characters whatever the length of the list, and keeps the
longest-match-first order a sorted alternation had: a longer continuation is tried before the
shorter phrase that ends at the same node.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

_END = ""  # trie key: a phrase ends at this node


@dataclass(frozen=True)
class _Bounds:
    neighbours: str  # character class a bounded edge must not touch
    digits: bool  # whether a digit at an edge is bounded too, not only a Latin letter

    def applies(self, char: str) -> bool:
        return char.isascii() and (char.isalpha() or (self.digits and char.isdigit()))


def phrase_alternation(
    phrases: Iterable[str],
    *,
    word_bounds: bool = False,
    reverse: bool = False,
    neighbours: str = "[A-Za-z]",
    digit_edges: bool = False,
) -> str:
    """A regex matching any of ``phrases``; a space in a phrase matches any run of whitespace.

    ``word_bounds`` keeps a phrase that starts (ends) with a Latin letter from matching right
    after (before) one of ``neighbours`` (by default another Latin letter); ``digit_edges``
    bounds phrases starting or ending with a digit the same way. ``reverse`` spells every
    phrase backwards, for patterns run on reversed text. Matches nothing when ``phrases`` is
    empty.
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        words = re.sub(r"\s+", " ", phrase)  # a space at an edge stays a required space
        if reverse:
            words = words[::-1]
        node = trie
        for char in words:
            node = node.setdefault(char, {})
        node[_END] = {}
    bounds = _Bounds(neighbours, digit_edges) if word_bounds else None
    return _node_regex(trie, bounds, top=True) or "(?!)"


def _node_regex(node: dict[str, Any], bounds: _Bounds | None, *, top: bool = False) -> str:
    branches = []
    for char, child in sorted((c, n) for c, n in node.items() if c != _END):
        literal = r"\s+" if char == " " else re.escape(char)
        guard = bounds.neighbours if bounds and bounds.applies(char) else None
        if top and guard:
            literal = f"(?<!{guard})" + literal
        after = _node_regex(child, bounds)
        if guard and _END in child:
            # the phrase ending here must not run on into a longer word
            stop = f"(?!{guard})"
            after = f"(?:{after}|{stop})" if after else stop
        elif _END in child and after:
            after = f"(?:{after})?"
        branches.append(literal + after)
    if not branches:
        return ""
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def first_char_class(phrases: Iterable[str]) -> str:
    """A character class of the phrases' first characters, lower-cased: the guard to put in
    front of a case-insensitive alternation of them."""
    return "[" + "".join(sorted({re.escape(p[0].lower()) for p in phrases if p})) + "]"
