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
from typing import Any

_END = ""  # trie key: a phrase ends at this node


def _is_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def phrase_alternation(
    phrases: Iterable[str], *, word_bounds: bool = False, reverse: bool = False
) -> str:
    """A regex matching any of ``phrases``; a space in a phrase matches any run of whitespace.

    ``word_bounds`` keeps a phrase that starts (ends) with a Latin letter from matching right
    after (before) another Latin letter. ``reverse`` spells every phrase backwards, for
    patterns run on reversed text. Matches nothing when ``phrases`` is empty.
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        words = " ".join(phrase.split())
        if reverse:
            words = words[::-1]
        node = trie
        for char in words:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _node_regex(trie, word_bounds, top=True) or "(?!)"


def _node_regex(node: dict[str, Any], word_bounds: bool, *, top: bool = False) -> str:
    branches = []
    for char, child in sorted((c, n) for c, n in node.items() if c != _END):
        literal = r"\s+" if char == " " else re.escape(char)
        if top and word_bounds and _is_letter(char):
            literal = r"(?<![A-Za-z])" + literal
        after = _node_regex(child, word_bounds)
        if word_bounds and _END in child and _is_letter(char):
            # the phrase ending here must not run on into a longer word
            after = f"(?:{after}|(?![A-Za-z]))" if after else "(?![A-Za-z])"
        elif _END in child and after:
            after = f"(?:{after})?"
        branches.append(literal + after)
    if not branches:
        return ""
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
