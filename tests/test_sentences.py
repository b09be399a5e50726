"""Sentence boundaries: what the extractor and copy detection cut a text into."""

from __future__ import annotations

import pytest

from claimcheck.extract.sentences import sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Usage rose. Prices fell.", ["Usage rose.", "Prices fell."]),
        # list numbering at the start of a line is not a sentence of its own
        ("1. MiniMax M2.5 — 2.58T tokens. Kimi K2.5 followed.",
         ["1. MiniMax M2.5 — 2.58T tokens.", "Kimi K2.5 followed."]),
        ("  12. Kimi K2.5 — 1.1T", ["12. Kimi K2.5 — 1.1T"]),
        ("❷. Kimi K2.5 — 1.1T", ["❷. Kimi K2.5 — 1.1T"]),
        # a figure ending a sentence is not numbering
        ("Usage rose to 5. Then it fell.", ["Usage rose to 5.", "Then it fell."]),
        ("Rank 1 2. Then it fell.", ["Rank 1 2.", "Then it fell."]),
        # abbreviations and initials
        ("U.S. models led. No. 1 was Kimi.", ["U.S. models led.", "No. 1 was Kimi."]),
        ("中国模型领先。美国模型第二。", ["中国模型领先。", "美国模型第二。"]),
        ("First line\nSecond line", ["First line", "Second line"]),
    ],
)
def test_sentences_split_where_a_sentence_ends(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in sentences(text)] == expected
