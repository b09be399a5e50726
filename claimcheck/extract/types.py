"""Intermediate results of extraction, before they are assembled into contract Claims.

Each recognizer (figures, subjects, periods) is a pure function of the text that returns these
mentions with character offsets into the text it was given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claimcheck.models import Period


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with its unit, as written: "over 14.69 trillion tokens", "$0.30/M input tokens".

    ``unit`` is one of:
      ``tokens``            a token count (value in tokens: 4.12 trillion -> 4.12e12)
      ``USD/1M tokens``, ``CNY/1M tokens``, ``EUR/1M tokens``
                            a price per token, normalized to one million tokens
      ``USD``, ``CNY``, ...  an amount of money (value in units: "$5 billion" -> 5e9)
      ``%``                 a percent ("61%" -> 61; "fell 12%" -> -12 when the sign is stated)
      ``x``                 a multiple ("ten-fold" -> 10, "one-eighteenth" -> 1/18)
      ``rank``              an ordinal position ("No. 1", "second", "第二")
      ``weeks``, ``days``, ``months``, ``years``   a count of periods ("fifth consecutive week")
      ``count``             a bare count ("800 applications", "300 k developers")
      ``""``                a bare number whose unit is left to context (elliptic lists)
    """

    start: int
    end: int
    text: str
    value: float
    unit: str
    qualifier: str = "exact"  # exact / approx / at_least / at_most
    # kind-specific facts read off the words around the number, e.g.
    # price: {"direction": "input", "currency": "USD", "per_tokens": 1000}
    # percent/multiple: {"change": "increase"|"decrease"|"to"} when a change word or sign
    # is attached
    # range: {"low": 30, "high": 40}; elliptic: {"unit_inferred": True}
    attributes: dict[str, Any] = field(default_factory=dict)
    # significant decimals as written ("4.12" -> 2), for tolerance when comparing
    decimals: int = 0


@dataclass(frozen=True, slots=True)
class SubjectMention:
    """A model, vendor, group or platform named in the text."""

    start: int
    end: int
    text: str  # as written
    canonical: str  # "MiniMax M2.5", "Moonshot AI", "Chinese models"
    kind: str  # model / vendor / group / platform / country / unknown
    vendor: str | None = None
    country: str | None = None
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """A phrase that says when: "the week of February 16-22, 2026", "last week", "同期"."""

    start: int
    end: int
    text: str
    period: Period
    # "date": an interval; "anchor": refers back to the previous period ("during the same
    # period", "the following week"); "duration": a span of time used as a duration ("in three
    # weeks"), which is a change's basis and not a period
    role: str = "date"
    attributes: dict[str, Any] = field(default_factory=dict)
