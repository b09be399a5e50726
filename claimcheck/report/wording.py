"""Claims and discrepancies in words an editor reads at a glance.

The words themselves live in corpora/report_words.json; this module only assembles them.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from claimcheck.models import Article, Claim, Period

WORDS_PATH = Path(__file__).resolve().parents[2] / "corpora" / "report_words.json"

_FORMATTER = string.Formatter()


@dataclass(frozen=True)
class Words:
    raw: dict[str, Any]
    scales: tuple[tuple[float, str], ...]

    def section(self, name: str) -> dict[str, Any]:
        section: dict[str, Any] = self.raw[name]
        return section

    def text(self, name: str) -> str:
        return str(self.raw[name])


@lru_cache(maxsize=1)
def words() -> Words:
    raw: dict[str, Any] = json.loads(WORDS_PATH.read_text(encoding="utf-8"))
    scales = tuple(sorted(((float(v), str(w)) for v, w in raw["scale_words"]), reverse=True))
    return Words(raw=raw, scales=scales)


# -- numbers ----------------------------------------------------------------------------------


def plain_number(value: float) -> str:
    """A number as a person writes it: 4.12, 0.0556, 1,240, 127.5 (no exponent notation)."""
    if not math.isfinite(value):
        return str(value)
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    if abs(value) >= 1000:
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    text = f"{value:.4g}"
    if "e" in text:  # tiny values: fixed notation keeps them readable
        text = f"{value:.10f}".rstrip("0").rstrip(".")
    return text


def scaled_number(value: float) -> str:
    """Large numbers with a scale word: 4.12e12 -> "4.12 trillion"."""
    for size, word in words().scales:
        if abs(value) >= size:
            return f"{plain_number(round(value / size, 4))} {word}"
    return plain_number(value)


def money_number(value: float) -> str:
    """Amounts of money keep cents once they have a fraction: 0.3 -> "0.30", 15 -> "15"."""
    text = plain_number(value)
    whole, dot, fraction = text.partition(".")
    return f"{whole}.{fraction}0" if dot and len(fraction) == 1 else text


def value_words(value: float, unit: str, kind: str | None = None, qualifier: str = "exact") -> str:
    """A value with its unit and hedge: "about 4.12 trillion tokens", "$0.30 per 1M tokens"."""
    w = words()
    if unit in w.raw["scaled_units"]:
        number = scaled_number(value)
    elif unit in w.raw["money_units"]:
        number = money_number(value)
    else:
        number = plain_number(value)
    if kind in w.raw["signed_kinds"] and value > 0:
        number = "+" + number
    template = w.section("unit_formats").get(unit, "{n} " + unit)
    hedge = w.section("qualifiers").get(qualifier, "")
    return hedge + template.format(n=number)


def claim_value_words(claim: Claim) -> str:
    return value_words(claim.value, claim.unit, claim.kind, claim.qualifier)


def factor_words(stated: float, expected: float) -> str:
    """How far off a stated value is, as a power of ten when it is one ("10^3")."""
    if not expected or not stated:
        return "an unknown factor"
    ratio = abs(stated / expected)
    exponent = math.log10(ratio) if ratio > 0 else 0.0
    if abs(exponent - round(exponent)) < 0.01 and round(exponent) != 0:
        power = abs(round(exponent))
        return plain_number(10.0**power) if power <= 6 else f"10^{power}"
    if ratio < 1:
        ratio = 1 / ratio
    return plain_number(round(ratio, 2))


# Control characters (terminal escapes above all) never reach an editor's screen from an article.
_UNPRINTABLE = {c: "\ufffd" for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20),
                                        *range(0x7F, 0xA0)]}
_LINE_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\u2028": " ", "\u2029": " "})


def printable(text: str) -> str:
    """Text safe to print on one line: control characters shown as U+FFFD, breaks as spaces."""
    return text.translate(_UNPRINTABLE).translate(_LINE_BREAKS)


# -- periods ----------------------------------------------------------------------------------


def date_words(day: dt.date) -> str:
    """16 Feb 2026."""
    return f"{day.day} {words().raw['months'][day.month - 1]} {day.year}"


def range_words(start: dt.date, end: dt.date) -> str:
    """16-22 Feb 2026, 28 Feb - 6 Mar 2026, 29 Dec 2025 - 4 Jan 2026 (en dashes)."""
    months = words().raw["months"]
    if start == end:
        return date_words(start)
    if start.year != end.year:
        return f"{date_words(start)} \u2013 {date_words(end)}"
    if start.month != end.month:
        return f"{start.day} {months[start.month - 1]} \u2013 {date_words(end)}"
    return f"{start.day}\u2013{end.day} {months[end.month - 1]} {end.year}"


def _is_whole_month(start: dt.date, end: dt.date) -> bool:
    following = (end + dt.timedelta(days=1))
    return start.day == 1 and following.day == 1 and (
        (following.year - start.year) * 12 + following.month - start.month == 1
    )


def _is_whole_quarter(start: dt.date, end: dt.date) -> bool:
    following = end + dt.timedelta(days=1)
    return (start.day == 1 and following.day == 1 and start.month % 3 == 1
            and (following.year - start.year) * 12 + following.month - start.month == 3)


def _is_whole_year(start: dt.date, end: dt.date) -> bool:
    return (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and (
        start.year == end.year)


def _bounded_period_words(start: dt.date, end: dt.date, granularity: str | None) -> str:
    forms = words().section("period_words")
    if granularity == "week" and 0 < (end - start).days <= 6:
        return str(forms["week"]).format(range=range_words(start, end))
    if _is_whole_year(start, end):
        return str(start.year)
    if _is_whole_quarter(start, end):
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    if _is_whole_month(start, end):
        return f"{words().raw['months'][start.month - 1]} {start.year}"
    return range_words(start, end)


def period_words(period: Period) -> str:
    """When a figure holds, in words: "week of 16-22 Feb 2026", "Feb 2026", "Q1 2026"."""
    forms = words().section("period_words")
    start, end = period.start, period.end
    if start and end:
        text = _bounded_period_words(start, end, period.granularity)
    elif start:
        text = str(forms["from"]).format(start=date_words(start))
    elif end:
        text = str(forms["until"]).format(end=date_words(end))
    elif period.granularity == "total":
        return str(forms["total"])
    elif period.text:
        return str(forms["unresolved"]).format(text=period.text)
    else:
        return str(forms["unknown"])
    note = words().section("resolution_notes").get(period.resolution)
    return f"{text} ({note})" if note else text


# -- slots ------------------------------------------------------------------------------------


_DAYS = re.compile(r"(\d+) days")


def _attribute_value(value: Any) -> str:
    known = words().section("attribute_values")
    text = str(value)
    if text in known:
        return str(known[text])
    span = _DAYS.fullmatch(text)  # a change's basis given as a span: "1825 days"
    if span:
        days, spans = int(span.group(1)), words().section("span_words")
        if days % 365 == 0:
            return str(spans["years"]).format(n=days // 365)
        return str(spans["days"]).format(n=days)
    return text.replace("_", " ").replace(":", " ")


def _phrase_part(part: str, fields: dict[str, str]) -> str | None:
    """A part of a kind phrase, or None when an attribute it names is missing."""
    names = [name for _, name, _, _ in _FORMATTER.parse(part) if name]
    if any(not fields.get(name) for name in names):
        return None
    return part.format(**fields)


def kind_words(claim: Claim) -> str:
    """What the figure measures: "weekly token volume", "input price (USD)", "share of calls"."""
    w = words()
    fields = {str(k): _attribute_value(v) for k, v in claim.attributes.items()
              if isinstance(v, str | int | float) and not isinstance(v, bool)}
    fields["unit"] = str(w.section("unit_names").get(claim.unit, claim.unit))
    parts = w.section("kind_phrases").get(claim.kind, [claim.kind.replace("_", " ")])
    rendered = [p for p in (_phrase_part(part, fields) for part in parts) if p]
    adjective = w.section("granularity_adjectives").get(claim.period.granularity or "", "")
    return " ".join(([adjective] if adjective else []) + rendered)


def slot_words(claim: Claim) -> str:
    """The fact a claim is about: "Chinese models, weekly token volume, week of 16-22 Feb 2026"."""
    return f"{claim.subject}, {kind_words(claim)}, {period_words(claim.period)}"


def type_words(discrepancy_type: str) -> str:
    return str(words().section("types").get(discrepancy_type,
                                            discrepancy_type.replace("_", " ").capitalize()))


def status_words(status: str) -> str:
    return str(words().section("statuses").get(status, status))


def severity_words(severity: str) -> str:
    return str(words().section("severities").get(severity, severity))


# -- articles ---------------------------------------------------------------------------------

_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://(?:www\.)?([^/?#:]+)", re.IGNORECASE)


def outlet_words(article: Article | None) -> str:
    """Who published it: the source, else the URL's host, else the title."""
    if article is None:
        return words().text("unknown_outlet")
    if article.source:
        return article.source
    host = _HOST.match(article.url or "")
    if host:
        return host.group(1)
    return article.title or words().text("unknown_outlet")


def published_words(article: Article | None) -> str:
    """The publication date, marked when it was inferred from the text."""
    if article is None or article.published is None:
        return words().text("undated")
    day = article.published.isoformat()
    return f"{day} (inferred)" if article.published_origin == "inferred" else day


__all__ = [
    "claim_value_words", "date_words", "factor_words", "kind_words", "money_number",
    "outlet_words", "period_words", "plain_number", "printable", "published_words",
    "range_words", "scaled_number", "severity_words", "slot_words", "status_words",
    "type_words", "value_words", "words",
]
