"""Periods: when a figure holds, read from English and Chinese date phrases.

``find_periods`` scans the text with one precompiled regex (assembled from the ordered patterns
in corpora/periods.json) and resolves every phrase in text order against a small context: the
last month and year named, the last period stated, the publication date. That is what lets a
month carry over ("In February ... during the week from the 9th to the 15th"), a left-out year
be inferred ("February 16th") and anchors refer back ("the following week", "同期").

Conventions chosen here (each one is asserted by a test row):
- Fuzzy parts of a month: early = days 1-10, mid = 11-20, late (and "end of") = 21-last day.
- Fuzzy parts of a year: early = Jan-Apr, mid = May-Aug, late = Sep-Dec (last third), the end
  of a year = its last month (December), its beginning = January.
- "by March" without a year (and nothing in the text naming one) is the March on or before the
  publication date, resolution ``relative``; the period is that whole month with
  attributes {"by": true}, meaning the figure holds by its end.
- "in the past year" runs from the publication date one calendar year back to the publication
  date (granularity ``total``).
- A date written without its year ("February 16th") takes the year that puts it on or before
  the publication date, nearest to it; with no publication date, the year of the nearest
  mention of the same month with a year (a reporting week such as "February 16-22" counts as
  one when a single year near those the text names makes it Monday-Sunday; a date the text
  marks as N years back, "一年前（2025年3月3日-9日）", "March 2025, a year ago", counts as
  that month N years later), else the last year named (resolution ``inferred``). A text that
  names no year gets none.
- Relative phrases need the publication date; without it they come back unresolved, never
  guessed. "two years ago" / "两年前" is the calendar unit that many units before
  publication, marked ``ago``: claim assembly lets it date only the figures of its own stretch
  of the sentence (the past a comparison starts from).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from bisect import bisect_left
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from claimcheck.extract.literals import phrase_alternation
from claimcheck.extract.types import PeriodMention
from claimcheck.models import Granularity, Period, Resolution

DATA_PATH = Path(__file__).resolve().parents[2] / "corpora" / "periods.json"

# Reporting weeks run Monday..Sunday (``date.weekday()`` numbering, Monday = 0): the platform the
# articles cite publishes its weekly lists that way (Feb 9-15, 2026 is Mon-Sun). Every week in
# this module comes from ``_week_start``, so this constant is the one place the convention lives.
# Consequences: "the week of February 16th" is the Monday-Sunday week containing the 16th;
# "the first week of February" is the first week that STARTS in February (Feb 2026 ->
# 2026-02-02..02-08) and "the last week of February" the last week that starts in February
# (Feb 2026 -> 2026-02-23..2026-03-01), even though it ends in March.
WEEK_START = 0

_UNITS: tuple[Granularity, ...] = ("day", "week", "month", "quarter", "year")
_EVENT_WINDOW = 90  # characters looked back for "released ... on" before a date


# ---------------------------------------------------------------------------------------------
# data and the compiled scanner
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Config:
    data: dict[str, Any]
    scanner: re.Pattern[str]  # where a phrase is and its kind; no groups for the kinds' parts
    kinds: dict[str, re.Pattern[str]]  # kind -> its own pattern, which reads the parts
    translation: dict[int, str]
    special: re.Pattern[str]  # the non-ASCII characters the translation replaces
    event_en: re.Pattern[str]
    event_zh: re.Pattern[str]
    cues: re.Pattern[str]


def _words(mapping: Mapping[str, Any]) -> list[str]:
    return [k for k in mapping if not k.startswith("_")]


def _month_regex(months: Mapping[str, int]) -> str:
    names = _words(months)
    abbreviations = [
        a for a in names
        if any(o != a and o.startswith(a) and months[o] == months[a] for o in names)
    ]
    full = [n for n in names if n not in abbreviations]
    return (
        rf"\b(?:{phrase_alternation(full)}|(?:{phrase_alternation(abbreviations)})\.?)(?![a-z])"
    )


def _tokens(data: dict[str, Any]) -> dict[str, str]:
    tokens = {k: v for k, v in data["tokens"].items() if not k.startswith("_")}
    ascii_only = [w for w in _words(data["number_words"]) if w.isascii()]
    tokens["MONTH"] = _month_regex(data["months_en"])
    tokens["NUM"] = rf"(?:{tokens['INT']}|\b(?:{phrase_alternation(ascii_only)})\b)"
    tokens["PARTS_EN"] = (
        rf"\b(?:{phrase_alternation([w for w in _words(data['part_words']) if w.isascii()])})"
    )
    for name, key in (("HEDGES", "hedges"), ("ANCHORS", "anchors"), ("RELATIVE", "relative"),
                      ("TO_DATE", "to_date"), ("WEEKDAYS", "weekdays")):
        words = _words(data[key])
        tokens[f"{name}_EN"] = phrase_alternation([w for w in words if w.isascii()])
        tokens[f"{name}_ZH"] = phrase_alternation([w for w in words if not w.isascii()])
    return tokens


_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_GROUP = re.compile(r"\(\?P<(\w+)>")


def _kind_regex(source: str, tokens: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: tokens[m.group(1)], source)


def _first_chars(regex: str) -> str | None:
    """The characters a match of ``regex`` can start with, as a character class; None when
    that is unknown or the match can be empty.

    Read from the standard library's own parse of the regex (a private module, but the one
    ``re.compile`` uses), so it cannot drift from what the regex matches. A construct it does
    not know gives None, which only means no filter.
    """
    try:
        from re import _parser  # type: ignore[attr-defined]
    except ImportError:  # before Python 3.11
        return None
    parsed = _parser.parse(regex)
    if parsed.state.flags & re.IGNORECASE:
        return None
    chars, can_be_empty = _first_of_sequence(_parser, parsed)
    if chars is None or can_be_empty:
        return None
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _first_of_sequence(parser: Any, items: Any) -> tuple[set[str] | None, bool]:
    """(first characters, whether it can match empty) of a sequence of parsed items."""
    found: set[str] = set()
    for op, av in items:
        chars, can_be_empty = _first_of_item(parser, op, av)
        if chars is None:
            return None, False
        found |= chars
        if not can_be_empty:
            return found, False
    return found, True


def _first_of_item(parser: Any, op: Any, av: Any) -> tuple[set[str] | None, bool]:
    if op is parser.LITERAL:
        return {chr(av)}, False
    if op is parser.IN:
        chars: set[str] = set()
        for item, arg in av:
            if item is parser.LITERAL:
                chars.add(chr(arg))
            elif item is parser.RANGE and arg[1] - arg[0] < 256:
                chars.update(chr(code) for code in range(arg[0], arg[1] + 1))
            else:  # negated sets, categories (\s, \d are Unicode-wide), wide ranges
                return None, False
        return chars, False
    if op is parser.SUBPATTERN:
        _, add_flags, _, body = av
        return (None, False) if add_flags else _first_of_sequence(parser, body)
    if op is parser.BRANCH:
        found: set[str] = set()
        any_empty = False
        for branch in av[1]:
            chars_b, empty = _first_of_sequence(parser, branch)
            if chars_b is None:
                return None, False
            found |= chars_b
            any_empty |= empty
        return found, any_empty
    if op is parser.MAX_REPEAT or op is parser.MIN_REPEAT:
        low, _, body = av
        chars_r, empty = _first_of_sequence(parser, body)
        return chars_r, empty or low == 0
    if op is parser.AT or op is parser.ASSERT or op is parser.ASSERT_NOT:
        return set(), True  # zero width: the first character comes after it
    return None, False


def _translation(data: dict[str, Any]) -> dict[int, str]:
    table = {ord(c): target for target, chars in data["translate"].items()
             if not target.startswith("_") for c in chars}
    # full-width ASCII (digits, letters, punctuation in Chinese text) -> ASCII, one for one
    table.update({code: chr(code - 0xFEE0).lower() for code in range(0xFF01, 0xFF5F)})
    # lower-casing by table keeps offsets (str.lower() may not) and lets the scanner run without
    # re.IGNORECASE, whose case-folded literals defeat the regex engine's fast branch skipping
    table.update({code: chr(code + 32) for code in range(ord("A"), ord("Z") + 1)})
    return table


def _cue_regex(cues: dict[str, list[str]]) -> re.Pattern[str]:
    groups = []
    first_chars: set[str | None] = set()
    for gran, entries in cues.items():
        if gran.startswith("_"):
            continue
        written = [e for e in entries if "(?" in e or "\\" in e]
        plain = [e for e in entries if e not in written]
        english = [e for e in plain if e.isascii()]
        chinese = [e for e in plain if not e.isascii()]
        parts = written + ([rf"\b{phrase_alternation(english)}\b"] if english else [])
        parts += [phrase_alternation(chinese)] if chinese else []
        groups.append(f"(?P<{gran}>{'|'.join(parts)})")
        first_chars.update(_first_char(e) for e in entries)
    body = "|".join(groups)
    if None in first_chars:
        return re.compile(body)
    # one character-class test per position before the branches: most positions start no cue
    guard = "[" + "".join(re.escape(c) for c in sorted(c for c in first_chars if c)) + "]"
    return re.compile(f"(?={guard})(?:{body})")


def _first_char(entry: str) -> str | None:
    """The literal character an entry's match starts with, past its lookbehinds and word
    boundaries; None when it starts with a regex construct."""
    bare = re.sub(r"\(\?<!.*?\)", "", entry).replace("\\b", "")
    return bare[0] if bare and (bare[0].isalnum() or bare[0] in " '") else None


def _lead_guard(data: dict[str, Any]) -> str:
    """A lookahead passing only where a period phrase can start: a cheap first filter.

    English phrases start a word, so the first words of every list will do; a preposition
    ("in", "of", "for": very common) only counts when such a word follows it. Chinese has no
    spaces and its common characters (在, 一, 上) start few dates, so there the guard wants a
    whole leading phrase, a numeral with its unit, or a preposition/hedge before one of those.
    """
    leads = data["lead_words"]
    english: list[str] = []
    for key in ("anchors", "relative", "to_date", "hedges", "part_words", "ordinals",
                "number_words", "months_en", "weekdays"):
        english.extend(w for w in _words(data[key]) if w.isascii())
    # numbers ("1st", the "2" of "h2") are left to the number lead of leads["regex"]
    first_words = sorted(
        {w.split()[0] for w in english if not w[0].isdigit()} | set(leads["en"])
    )
    chinese = list(leads["zh"])
    for key in ("anchors", "relative", "to_date", "weekdays"):
        chinese.extend(w for w in _words(data[key]) if not w.isascii())
    openers = list(data["preps_zh"]) + [w for w in _words(data["hedges"]) if not w.isascii()]
    numeral = leads["zh_numeral"]
    starts = "".join(sorted({w[0] for w in chinese} | set(numeral[1:numeral.index("]")])))
    start = (
        rf"(?:{phrase_alternation(first_words)})(?![a-z])|{'|'.join(leads['regex'])}"
        rf"|{numeral}|{phrase_alternation(chinese)}"
        rf"|(?:{phrase_alternation(openers)})\s*[0-9{re.escape(starts)}]"
    )
    return rf"(?={start}|(?:{phrase_alternation(data['preps_en'])})\s+(?:{start}))"


@lru_cache(maxsize=1)
def _config() -> _Config:
    data = json.loads(DATA_PATH.read_text(encoding="utf-8"))
    tokens = _tokens(data)
    kinds: dict[str, re.Pattern[str]] = {}
    alternatives = []
    for pattern in data["patterns"]:
        kind = pattern["kind"]
        regex = _kind_regex("".join(pattern["regex"]), tokens)
        kinds[kind] = re.compile(regex)
        # In the scanner the kind's parts are plain groups: sre saves every capture group
        # matched so far at each optional group it enters, so ~180 named groups made trying a
        # kind several times dearer. _hits reads the parts with the kind's own pattern.
        plain = _GROUP.sub("(?:", regex)
        # most kinds start with a few characters only: one class test skips a kind that
        # cannot match here without entering it
        first = _first_chars(plain)
        alternatives.append(f"{f'(?={first})' if first else ''}(?P<{kind}>{plain})")
    preps_en = phrase_alternation(data["preps_en"])
    preps_zh = phrase_alternation(data["preps_zh"])
    # a phrase starts a word; a Chinese one may follow a name's letters or digits with no
    # space ("GPT-5上周进入前十", "Kimi K2.5上周调用量为…")
    scanner = re.compile(
        rf"(?:(?<![a-z0-9])|(?=[\u4e00-\u9fff])){_lead_guard(data)}(?:\b(?P<prep>{preps_en})\s+|(?P<zprep>{preps_zh})\s*)?(?:{'|'.join(alternatives)})"
    )
    verbs_en = phrase_alternation(data["event_verbs_en"])
    translation = _translation(data)
    return _Config(
        data=data,
        scanner=scanner,
        kinds=kinds,
        translation=translation,
        special=re.compile("[" + "".join(re.escape(chr(c)) for c in translation if c > 127) + "]"),
        # the verb, then at most a short stretch of the same clause, then the date
        event_en=re.compile(rf"\b(?:{verbs_en})\b[^.;!?\n]{{0,70}}$"),
        event_zh=re.compile(
            rf"\s*(?:{phrase_alternation(data['event_adverbs_zh']['words'])})?"
            rf"(?:{phrase_alternation(data['event_verbs_zh'])})"
        ),
        cues=_cue_regex(data["granularity_cues"]),
    )


# ---------------------------------------------------------------------------------------------
# calendar arithmetic
# ---------------------------------------------------------------------------------------------


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, _month_end(year, month + 1).day))


def _week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=(day.weekday() - WEEK_START) % 7)


def _shift(day: dt.date, unit: str, n: int) -> dt.date:
    if unit == "day":
        return day + dt.timedelta(days=n)
    if unit == "week":
        return day + dt.timedelta(days=7 * n)
    return _add_months(day, n * {"month": 1, "quarter": 3, "year": 12}[unit])


def _unit_bounds(day: dt.date, unit: str) -> tuple[dt.date, dt.date]:
    """The calendar day/week/month/quarter/year that contains ``day``."""
    if unit == "day":
        return day, day
    if unit == "week":
        start = _week_start(day)
        return start, start + dt.timedelta(days=6)
    if unit == "month":
        return day.replace(day=1), _month_end(day.year, day.month)
    if unit == "quarter":
        first = 3 * ((day.month - 1) // 3) + 1
        return dt.date(day.year, first, 1), _month_end(day.year, first + 2)
    return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)


def _nth_week_bounds(year: int, month: int, n: int) -> tuple[dt.date, dt.date] | None:
    """The n-th week that starts in the month (n = -1: the last one); see WEEK_START."""
    if n < 0:
        start = _week_start(_month_end(year, month))
    else:
        first = _week_start(dt.date(year, month, 1))
        if first.month != month:
            first += dt.timedelta(days=7)
        start = first + dt.timedelta(days=7 * (n - 1))
        if start.month != month:
            return None
    return start, start + dt.timedelta(days=6)


# ---------------------------------------------------------------------------------------------
# reading the words of a match
# ---------------------------------------------------------------------------------------------


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _int(text: str | None) -> int | None:
    if text is None:
        return None
    digits = text.strip().lower()
    if digits.endswith(("st", "nd", "rd", "th")):  # "16th"
        digits = digits[:-2]
    return int(digits) if digits.isdigit() else None


def _zh_number(text: str) -> float | None:
    values = _config().data["zh_digits"]
    if "十" in text:
        tens, _, ones = text.partition("十")
        return float(values.get(tens, 1) * 10 + values.get(ones, 0))
    return float(values[text]) if text in values else None


def _number(text: str | None) -> float | None:
    if text is None:
        return None
    if text.strip().isdigit():
        return float(text)
    words = _config().data["number_words"]
    key = _key(text)
    if key in words:
        return float(words[key])
    return _zh_number(text.strip())


def _month(text: str | None) -> int | None:
    if text is None:
        return None
    text = text.strip().rstrip(".")
    if text.isdigit():
        return int(text)
    data = _config().data
    return data["months_zh"].get(text) or data["months_en"].get(text.lower())


def _year(text: str | None) -> int | None:
    value = _int(text)
    return value if value is not None and 1990 <= value <= 2100 else None


def _ordinal(text: str | None) -> int | None:
    if text is None:
        return None
    value = _config().data["ordinals"].get(_key(text))
    return int(value) if value is not None else None


# ---------------------------------------------------------------------------------------------
# pass 1: find the phrases
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Hit:
    kind: str
    start: int
    end: int
    g: dict[str, str]  # the kind's groups that matched, by short name
    prep: str | None  # the preposition in front, lower-cased ("by", "since", "截至")

    @cached_property  # asked for several times per hit
    def years(self) -> list[int]:
        return [y for y in (_year(self.g.get("y1")), _year(self.g.get("y2"))) if y is not None]


def _is_capitalized_month(match: re.Match[str], original: str, name: str) -> bool:
    start = match.start(name)
    return not original[start].isalpha() or not original[start].isascii() or original[
        start
    ].isupper()


def _bare_month_allowed(word: str, prep: str | None) -> bool:
    data = _config().data
    key = word.lower().rstrip(".")
    names = data["months_en"]
    is_abbreviation = any(o != key and o.startswith(key) for o in names)
    if is_abbreviation:
        return False
    return prep is not None or key not in data["ambiguous_months"]


def _acceptable(hit: _Hit, match: re.Match[str], original: str) -> bool:
    """Syntactic checks a regex cannot express cheaply; False sends the scan one char on.

    ``match`` is the match of the hit's own kind pattern (see ``_hits``).
    """
    g, kind = hit.g, hit.kind
    for name in ("m1", "m2"):
        is_word = name in g and g[name][:1].isascii() and g[name][:1].isalpha()
        if is_word and not _is_capitalized_month(match, original, name):
            return False
    if kind == "month_en" and "y1" not in g and "mrel" not in g and not _bare_month_allowed(
            g["m1"], hit.prep):
        return False
    if kind == "weekday":
        return _named_day(match, original)
    if kind == "year_en" and hit.prep is None and "lead" not in g:
        return False
    if kind in ("year_en", "year_range") and not hit.years:
        return False
    if kind == "duration_en":
        needs = _config().data["number_words_needing_context"]
        if _key(g["n"]) in needs and hit.prep is None and "hedge" not in g:
            return False
    if kind in ("zh_duration", "anchor_shift_zh", "zh_rolling", "zh_ago"):
        unit = g["unit"]
        if unit == "月":  # "2月" is February; a count of months is written "2个月"
            return False
        if (
            unit == "年"
            and kind != "zh_ago"  # "2年前" is two years ago; a bare "25年" may be a year
            and g.get("n", "").isdigit()
            and "hedge" not in g
            and "suf" not in g
        ):
            return False
        if kind == "zh_rolling" and g.get("lead") == "近" and "n" not in g:
            return False  # "近年来": in recent years, no span
    return True


@lru_cache(maxsize=1)
def _day_ranges() -> tuple[re.Pattern[str], re.Pattern[str]]:
    days = phrase_alternation(_words(_config().data["weekdays"]))
    sep = r"\s*(?:-|–|—|~|至|到|to|through|thru|until|and)\s*"
    return re.compile(rf"{sep}(?:{days})"), re.compile(rf"(?:{days}){sep}$")


def _named_day(match: re.Match[str], original: str) -> bool:
    """A day named as a date: capitalized in English, not one end of "Monday to Sunday"."""
    name = "en" if match.group("en") else "zh"
    start, end = match.span(name)
    if name == "en" and not original[start].isupper():
        return False
    follows, precedes = _day_ranges()
    if follows.match(original[end : end + 16].lower()):
        return False
    return precedes.search(original[max(0, start - 16) : start].lower()) is None


def _normalized(text: str) -> str:
    """Lower-cased text with Unicode spaces, dashes and full-width forms made ASCII.

    Same length as ``text``, character for character, so offsets carry over unchanged.
    """
    cfg = _config()
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter whose lower case is longer ("İ")
        lowered = text.translate(cfg.translation)
    if lowered.isascii():
        return lowered
    table = cfg.translation
    return cfg.special.sub(lambda m: table[ord(m.group())], lowered)


def _hits(norm: str, original: str) -> list[_Hit]:
    cfg = _config()
    hits: list[_Hit] = []
    pos = 0
    while pos < len(norm):
        match = cfg.scanner.search(norm, pos)
        if match is None:
            break
        kind = match.lastgroup or ""
        # the kind's own pattern, run where the scanner found the kind, takes the same path
        # through the same regex (captures never change a path), so it reads the same parts
        parts = cfg.kinds[kind].match(norm, match.start(kind))
        assert parts is not None and parts.end() == match.end()
        groups = {name: value for name, value in parts.groupdict().items() if value is not None}
        prep = match.group("prep") or match.group("zprep")
        hit = _Hit(kind, match.start(), match.end(), groups, _key(prep) if prep else None)
        if _acceptable(hit, parts, original):
            hits.append(hit)
            pos = max(match.end(), match.start() + 1)
        else:
            pos = match.start() + 1
    return hits


# ---------------------------------------------------------------------------------------------
# pass 2: resolve them in text order
# ---------------------------------------------------------------------------------------------


@dataclass
class _Context:
    published: dt.date | None
    month_years: dict[int, list[tuple[int, int]]]  # month -> [(offset, explicit year)]
    last_year: int | None = None
    last_month: tuple[int, int | None] | None = None  # (month, its resolved year)
    last_period: tuple[int, Period] | None = None  # (offset, period) of the last date/anchor

    def year_for(self, month: int, day: int, pos: int) -> tuple[int, str] | None:
        """The year of a date written without one (order: see the module docstring).

        News gives the old year and omits the current one ("1.24T in March 2025 ... by March"),
        so the publication date comes before the text's own years.
        """
        if self.published is not None:
            # the publication date is the firmest anchor: the latest such date on or before it
            year = self.published.year
            if (month, day) > (self.published.month, self.published.day):
                year -= 1
            return year, "published"
        near = self.month_years.get(month)
        if near:
            # entries are in text order: the nearest is one of the two around pos
            i = bisect_left(near, (pos, 0))
            around = near[max(0, i - 1) : i + 1]
            return min(around, key=lambda item: abs(item[0] - pos))[1], "context"
        if self.last_year is not None:
            return self.last_year, "context"
        return None

    def year_of_the_year(self) -> int | None:
        """What "the year" refers to: the last year named, else the publication year."""
        if self.last_year is not None:
            return self.last_year
        return self.published.year if self.published else None


@dataclass(frozen=True)
class _Out:
    start: dt.date | None
    end: dt.date | None
    granularity: Granularity | None
    resolution: Resolution
    role: str = "date"
    attributes: dict[str, Any] = field(default_factory=dict)
    month: tuple[int, int | None] | None = None  # month named (for carrying), with its year


def _unresolved(granularity: Granularity | None = None, role: str = "date") -> _Out:
    return _Out(None, None, granularity, "unresolved", role)


def _months_of(g: dict[str, str]) -> tuple[int | None, int | None]:
    return _month(g.get("m1")), _month(g.get("m2"))


def _range_years(
    m1: int, m2: int, y1: int | None, y2: int | None
) -> tuple[int | None, int | None]:
    """Complete a range's years from whichever end states one (Dec 29 - Jan 4, 2026)."""
    if y1 is None and y2 is not None:
        y1 = y2 - (1 if m1 > m2 else 0)
    if y2 is None and y1 is not None:
        y2 = y1 + (1 if m2 < m1 else 0)
    return y1, y2


def _day_range(hit: _Hit, ctx: _Context) -> _Out | None:
    g = hit.g
    m1, m2 = _months_of(g)
    d1, d2 = _int(g.get("d1")), _int(g.get("d2"))
    weekly = "week" in _key(g.get("lead", "")) or bool(g.get("wk", "").strip())
    if d1 is None or d2 is None:
        return None
    carried = m1 is None and m2 is None
    carried_year: int | None = None
    if carried:
        if ctx.last_month is None:
            return _unresolved("week" if weekly else None)
        m1, carried_year = ctx.last_month
    m1 = m1 or m2
    m2 = m2 or m1
    assert m1 is not None and m2 is not None
    y1, y2 = _range_years(m1, m2, _year(g.get("y1")), _year(g.get("y2")))
    resolution: Resolution = "inferred" if carried else "explicit"
    if y1 is None:
        if carried_year is not None:
            y1 = carried_year
        else:
            found = ctx.year_for(m1, d1, hit.start)
            if found is None:
                return _unresolved("week" if weekly else None)
            y1 = found[0]
        y2 = y1 + (1 if m2 < m1 else 0)
        resolution = "inferred"
    assert y2 is not None
    try:
        start, end = dt.date(y1, m1, d1), dt.date(y2, m2, d2)
    except ValueError:
        return None
    if end < start:
        return None
    days = (end - start).days
    granularity: Granularity = (
        "week" if weekly or days == 6 else "day" if days == 0 else "total"
    )
    return _Out(start, end, granularity, resolution, month=(m2, end.year))


def _ordinal_week(hit: _Hit, ctx: _Context) -> _Out | None:
    g = hit.g
    month = _month(g.get("m1") or g.get("m2"))  # "… week of February", "February's … week"
    n = _ordinal(g.get("ord") or g.get("ord2") or g.get("last"))
    if month is None or n is None:
        return None
    year = _year(g.get("y1"))
    resolution: Resolution = "explicit"
    if year is None:
        found = ctx.year_for(month, 1, hit.start)
        if found is None:
            return _unresolved("week")
        year, resolution = found[0], "inferred"
    d1, d2 = _int(g.get("d1")), _int(g.get("d2"))
    if d1 is not None and d2 is not None:
        # "the first week of February 2026 (from the 2nd to the 8th)": the stated days win
        try:
            start = dt.date(year, month, d1)
            end = dt.date(year, month, d2) if d2 >= d1 else _add_months(
                dt.date(year, month, 1), 1
            ).replace(day=d2)
        except ValueError:
            return None
        return _Out(start, end, "week", resolution, month=(month, year))
    bounds = _nth_week_bounds(year, month, n)
    if bounds is None:
        return None
    return _Out(bounds[0], bounds[1], "week", "fuzzy", month=(month, year))


def _stated_year(hit: _Hit, ctx: _Context) -> tuple[int | None, Resolution]:
    """A year written out, or "this/last/next year", or "the year" (the one in context)."""
    years = hit.years
    if years:
        return years[0], "explicit"
    rel = hit.g.get("rel")
    if rel is None or rel.lower() == "the":
        year = ctx.year_of_the_year()
        return (year, "inferred") if year is not None else (None, "unresolved")
    if ctx.published is None:
        return None, "unresolved"
    return ctx.published.year + int(_config().data["relative_years"][rel.lower()]), "relative"


def _month_year(hit: _Hit, ctx: _Context, month: int, day: int) -> tuple[int | None, Resolution]:
    years = hit.years
    if years:
        return years[0], "explicit"
    found = ctx.year_for(month, day, hit.start)
    if found is None:
        return None, "unresolved"
    year, source = found
    if source == "published" and _bound(hit) == "by":
        return year, "relative"  # "by March": the March on or before publication
    return year, "inferred"


def _bound(hit: _Hit) -> str | None:
    bounds = _config().data["prep_bounds"]
    for word in (hit.prep, hit.g.get("suf")):
        if word and word in bounds:
            return str(bounds[word])
    return None


def _week_of_day(hit: _Hit, ctx: _Context) -> _Out | None:
    g = hit.g
    month = _month(g.get("m1") or g.get("m2"))
    day = _int(g.get("d1") or g.get("d2"))
    if month is None or day is None:
        return None
    year, resolution = _month_year(hit, ctx, month, day)
    if year is None:
        return _unresolved("week")
    try:
        start, end = _unit_bounds(dt.date(year, month, day), "week")
    except ValueError:
        return None
    return _Out(start, end, "week", resolution, month=(month, year))


def _weeks_to_day(hit: _Hit, ctx: _Context) -> _Out | None:
    """"the three weeks to February 22": the weeks that end with the week of that day, a
    total marked with how many weeks (a change over them is measured in the last one)."""
    week = _week_of_day(hit, ctx)
    count = _number(hit.g["n"])
    if week is None or count is None or count != int(count) or not 1 < count <= 52:
        return None
    attributes = {"weeks": int(count)}
    if week.end is None:
        return replace(week, granularity="total", attributes=attributes)
    start = week.end - dt.timedelta(days=7 * int(count) - 1)
    return replace(week, start=start, granularity="total", attributes=attributes)


def _month_range(hit: _Hit, ctx: _Context) -> _Out | None:
    m1, m2 = _months_of(hit.g)
    if m1 is None or m2 is None:
        return None
    y1, y2 = _range_years(m1, m2, _year(hit.g.get("y1")), _year(hit.g.get("y2")))
    if y1 is None or y2 is None or (y2, m2) < (y1, m1):
        return None
    return _Out(dt.date(y1, m1, 1), _month_end(y2, m2), "total", "explicit", month=(m2, y2))


def _year_range(hit: _Hit, ctx: _Context) -> _Out | None:
    y1, y2 = _year(hit.g.get("y1")), _year(hit.g.get("y2"))
    if y1 is None or y2 is None or y2 <= y1:
        return None
    return _Out(dt.date(y1, 1, 1), dt.date(y2, 12, 31), "total", "explicit")


def _single_date(hit: _Hit, ctx: _Context) -> _Out | None:
    month, day = _month(hit.g.get("m1")), _int(hit.g.get("d1"))
    if month is None:
        return None
    if day is None:
        if "part" in hit.g:
            return _month_part(hit, ctx)
        return _month_only(hit, ctx)
    year, resolution = _month_year(hit, ctx, month, day)
    if year is None:
        return _unresolved("day")
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return _Out(date, date, "day", resolution, month=(month, year))


def _month_only(hit: _Hit, ctx: _Context) -> _Out | None:
    month = _month(hit.g.get("m1"))
    if month is None or not 1 <= month <= 12:
        return None
    year, resolution = _month_year(hit, ctx, month, 1)
    relative = hit.g.get("mrel", "").lower()
    if relative and "y1" not in hit.g:
        # "since last March": the latest March before the publication month; "this March"
        # the publication year's
        if ctx.published is None:
            return _unresolved("month", "date")
        year, resolution = ctx.published.year, "relative"
        if relative == "last" and month >= ctx.published.month:
            year -= 1
    if year is None:
        return _unresolved("month", "date")
    return _Out(dt.date(year, month, 1), _month_end(year, month), "month", resolution,
                month=(month, year))


def _month_part(hit: _Hit, ctx: _Context) -> _Out | None:
    data = _config().data
    month = _month(hit.g.get("m1"))
    part = data["part_words"].get(_key(hit.g.get("part", "")).replace("-", "").strip())
    if month is None or part is None:
        return None
    year, _ = _month_year(hit, ctx, month, 1)
    if year is None:
        return _unresolved()
    first, last = data["fuzzy_parts"][part]["month"]
    end = _month_end(year, month)
    return _Out(dt.date(year, month, first), end.replace(day=min(last, end.day)), None, "fuzzy",
                month=(month, year))


def _year_part(hit: _Hit, ctx: _Context) -> _Out | None:
    data = _config().data
    word = hit.g.get("part") or hit.g.get("part2") or ""
    part = data["part_words"].get(_key(word).replace("-", "").strip())
    if part is None:
        return None
    year, resolution = _stated_year(hit, ctx)
    if year is None:
        return _unresolved()
    first, last = data["fuzzy_parts"][part]["year"]
    granularity: Granularity | None = "month" if first == last else None
    return _Out(dt.date(year, first, 1), _month_end(year, last), granularity, "fuzzy")


def _half(hit: _Hit, ctx: _Context) -> _Out | None:
    which = _ordinal(hit.g.get("ord"))
    if which not in (1, 2):
        return None
    month = _month(hit.g.get("m1"))
    if month is not None:
        year, resolution = _month_year(hit, ctx, month, 1)
        if year is None:
            return _unresolved()
        end = _month_end(year, month)
        start = dt.date(year, month, 1 if which == 1 else 16)
        return _Out(start, end.replace(day=15) if which == 1 else end, None, resolution,
                    month=(month, year))
    year, resolution = _stated_year(hit, ctx)
    if year is None:
        return _unresolved()
    first = 1 if which == 1 else 7
    return _Out(dt.date(year, first, 1), _month_end(year, first + 5), None, resolution)


def _quarter(hit: _Hit, ctx: _Context) -> _Out | None:
    word = hit.g.get("q") or hit.g.get("q2") or ""
    quarter = 4 if _ordinal(word) == -1 else _ordinal(word)
    if quarter is None or not 1 <= quarter <= 4:
        return None
    year, resolution = _stated_year(hit, ctx)
    if year is None:
        return _unresolved("quarter")
    first = 3 * (quarter - 1) + 1
    if resolution == "inferred" and ctx.published and dt.date(year, first, 1) > ctx.published:
        year -= 1  # "the Q4 report" in March: the last Q4 before publication, not one to come
    return _Out(dt.date(year, first, 1), _month_end(year, first + 2), "quarter", resolution)


def _year_only(hit: _Hit, ctx: _Context) -> _Out | None:
    year = _year(hit.g.get("y1"))
    if year is None:
        return None
    return _Out(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", "explicit")


def _to_date(hit: _Hit, ctx: _Context) -> _Out | None:
    unit = _config().data["to_date"].get(_key(hit.g["key"]))
    if unit is None:
        return None
    if ctx.published is None:
        return _unresolved("total")
    return _Out(_unit_bounds(ctx.published, unit)[0], ctx.published, "total", "relative")


def _weekday(hit: _Hit, ctx: _Context) -> _Out | None:
    """'on Monday': the latest such day on or before publication (news names recent days)."""
    wanted = _config().data["weekdays"].get(_key(hit.g.get("en") or hit.g.get("zh") or ""))
    if wanted is None:
        return None
    if ctx.published is None:
        return _unresolved("day")
    day = ctx.published - dt.timedelta(days=(ctx.published.weekday() - int(wanted)) % 7)
    return _Out(day, day, "day", "relative")


def _unit_word(word: str) -> str | None:
    data = _config().data
    key = _key(word)
    found = data["units_en"].get(key) or data["units_zh"].get(key)
    return str(found) if found else None


def _rolling(hit: _Hit, ctx: _Context) -> _Out | None:
    unit = _unit_word(hit.g["unit"])
    count = _number(hit.g.get("n") or hit.g.get("n2")) or 1.0
    if unit is None or count != int(count):
        return None
    if ctx.published is None:
        return _unresolved("total")
    # "the past 30 days" are 30 days ending on publication: both ends are inclusive
    start = _shift(ctx.published, unit, -int(count)) + dt.timedelta(days=1)
    return _Out(start, ctx.published, "total", "relative", attributes={"rolling": True})


def _calendar_offset(unit: str, offset: int, ctx: _Context) -> _Out:
    if ctx.published is None:
        return _unresolved(_as_granularity(unit))
    start, end = _unit_bounds(_shift(ctx.published, unit, offset), unit)
    return _Out(start, end, _as_granularity(unit), "relative")


def _as_granularity(unit: str) -> Granularity:
    for granularity in _UNITS:
        if granularity == unit:
            return granularity
    raise ValueError(unit)


def _relative(hit: _Hit, ctx: _Context) -> _Out | None:
    spec = _config().data["relative"].get(_key(hit.g["key"]))
    if spec is None:
        return None
    return _calendar_offset(spec[0], int(spec[1]), ctx)


def _ago_span(hit: _Hit) -> tuple[str, int] | None:
    """(unit, count) of "two years ago" / "两年前"; None when it is not a whole count."""
    unit, count = _unit_word(hit.g["unit"]), _number(hit.g["n"])
    if unit is None or count is None or count != int(count) or count <= 0:
        return None
    return unit, int(count)


_AGO_SHIFT_REACH = 80  # "13% last week, up from 1% a year ago": one comparison's reach


def _ago(hit: _Hit, ctx: _Context) -> _Out | None:
    """"two years ago", "两年前": the calendar unit that many units before publication; right
    after a shorter period ("13% last week, up from 1% a year ago") that period moved back,
    as "a year earlier" would.

    Marked ``ago``: the time a comparison starts from ("两年前每天才1.4亿"), which dates the
    figures of its own clause only (claims.py)."""
    span = _ago_span(hit)
    if span is None:
        return None
    unit, count = span
    last = ctx.last_period
    if (
        last is not None
        # "In March 3rd to 9th, 2025, a year ago": a date glued to it is restated, not moved
        and len(last[1].text or "") + 3 < hit.start - last[0] <= _AGO_SHIFT_REACH
        and last[1].granularity in _UNITS
        and _UNITS.index(last[1].granularity) < _UNITS.index(unit)
        and last[1].resolution != "unresolved"
    ):
        out = _anchored(ctx, "shift", unit, -count)
    else:
        out = _calendar_offset(unit, -count, ctx)
    return replace(out, attributes={**out.attributes, "ago": True})


def _anchor_phrase(hit: _Hit, ctx: _Context) -> _Out | None:
    spec = _config().data["anchors"].get(_key(hit.g["key"]))
    if spec is None:
        return None
    if spec[0] == "same":
        return _anchored(ctx, "same", None, 0)
    return _anchored(ctx, str(spec[0]), str(spec[1]), int(spec[2]))


def _anchor_shift(hit: _Hit, ctx: _Context) -> _Out | None:
    unit, count = _unit_word(hit.g["unit"]), _number(hit.g["n"])
    direction = _config().data["anchor_shift_words"].get(_key(hit.g["dir"]))
    if unit is None or count is None or direction is None or count != int(count):
        return None
    return _anchored(ctx, "shift", unit, int(count) * int(direction))


def _shift_end(end: dt.date, unit: str, n: int) -> dt.date:
    """Move an interval's last day, keeping "last day of the month" when it was one."""
    moved = _shift(end, unit, n)
    if unit in ("month", "quarter", "year") and end == _month_end(end.year, end.month):
        return _month_end(moved.year, moved.month)
    return moved


def _anchored(ctx: _Context, how: str, unit: str | None, n: int) -> _Out:
    attributes: dict[str, Any] = {"anchor": how}
    if unit is not None:
        attributes.update(unit=unit, offset=n)
    if ctx.last_period is None:
        return _Out(None, None, None, "unresolved", "anchor", attributes)
    ref, prev = ctx.last_period
    attributes["ref"] = ref
    if prev.start is None or prev.end is None or prev.resolution == "unresolved":
        return _Out(None, None, prev.granularity, "unresolved", "anchor", attributes)
    if unit is None:
        return _Out(prev.start, prev.end, prev.granularity, prev.resolution, "anchor", attributes)
    if how == "shift" or prev.granularity == unit:
        start, end = _shift(prev.start, unit, n), _shift_end(prev.end, unit, n)
        return _Out(start, end, prev.granularity, prev.resolution, "anchor", attributes)
    start, end = _unit_bounds(_shift(prev.start, unit, n), unit)
    return _Out(start, end, _as_granularity(unit), prev.resolution, "anchor", attributes)


def _duration(hit: _Hit, ctx: _Context) -> _Out | None:
    data = _config().data
    unit = _unit_word(hit.g["unit"])
    count = _number(hit.g["n"])
    if unit is None or count is None or count <= 0:
        return None
    per = data["unit_days"][unit]
    hedge = hit.g.get("hedge")
    attributes: dict[str, Any] = {
        "days": round(count * per),
        "unit": unit,
        "count": count,
        "qualifier": data["hedges"].get(_key(hedge), "approx") if hedge else "exact",
    }
    high = _number(hit.g.get("n2"))
    if high is not None and high > count:
        attributes["days_max"] = round(high * per)
    return _Out(None, None, None, "unresolved", "duration", attributes)


# their "from"/"between" opens the range; it does not make it a lower bound
_RANGE_KINDS = frozenset(
    {"day_range_mdy", "day_range_dmy", "day_range_carried", "zh_day_range", "month_range_en",
     "zh_month_range", "year_range"}
)

_Resolver = Callable[[_Hit, _Context], "_Out | None"]

_RESOLVERS: dict[str, _Resolver] = {
    "anchor_phrase": _anchor_phrase,
    "anchor_phrase_zh": _anchor_phrase,
    "anchor_shift_en": _anchor_shift,
    "anchor_shift_zh": _anchor_shift,
    "nth_week_en": _ordinal_week,
    "zh_nth_week": _ordinal_week,
    "day_range_mdy": _day_range,
    "day_range_dmy": _day_range,
    "day_range_carried": _day_range,
    "zh_day_range": _day_range,
    "week_of_day_en": _week_of_day,
    "weeks_to_day_en": _weeks_to_day,
    "zh_week_of_day": _week_of_day,
    "month_range_en": _month_range,
    "zh_month_range": _month_range,
    "year_range": _year_range,
    "date_ord_of_en": _single_date,
    "date_mdy_en": _single_date,
    "date_dmy_en": _single_date,
    "date_iso": _single_date,
    "zh_date": _single_date,
    "month_part_en": _month_part,
    "year_part_en": _year_part,
    "zh_year_part": _year_part,
    "half_en": _half,
    "half_h": _half,
    "half_yh": _half,
    "zh_half": _half,
    "quarter_q": _quarter,
    "quarter_yq": _quarter,
    "quarter_words": _quarter,
    "zh_quarter": _quarter,
    "month_en": _month_only,
    "year_en": _year_only,
    "zh_year": _year_only,
    "to_date_en": _to_date,
    "zh_to_date": _to_date,
    "rolling_en": _rolling,
    "zh_rolling": _rolling,
    "relative_en": _relative,
    "zh_relative": _relative,
    "ago_en": _ago,
    "zh_ago": _ago,
    "duration_en": _duration,
    "zh_duration": _duration,
    "weekday": _weekday,
}


# ---------------------------------------------------------------------------------------------
# public API
# ---------------------------------------------------------------------------------------------


_AGO_BEFORE_DATE = re.compile(r"\s*[(（:：,，]?\s*")  # "一年前（2025年3月3日-9日）"
_AGO_AFTER_DATE = re.compile(r"\s*[(（,，]?\s*")  # "March 2025, a year ago"


def _years_back(hits: list[_Hit], norm: str) -> dict[int, int]:
    """Dates the text itself marks as N years back, by hit index: "一年前（2025年3月3日-9日）",
    "in March 2025, a year ago". Such a date is a past one: its month, written again without
    a year, is the month of the present, N years later (see ``_explicit_month_years``)."""
    back: dict[int, int] = {}
    for i, hit in enumerate(hits):
        if _RESOLVERS.get(hit.kind) is not _ago:
            continue
        span = _ago_span(hit)
        if span is None or span[0] != "year":
            continue
        following = hits[i + 1] if i + 1 < len(hits) else None
        previous = hits[i - 1] if i > 0 else None
        if following is not None and following.years and _AGO_BEFORE_DATE.fullmatch(
            norm, hit.end, following.start
        ):
            back[i + 1] = span[1]
        elif previous is not None and previous.years and _AGO_AFTER_DATE.fullmatch(
            norm, previous.end, hit.start
        ):
            back[i - 1] = span[1]
    return back


def _explicit_month_years(
    hits: list[_Hit], norm: str = ""
) -> dict[int, list[tuple[int, int]]]:
    """Every month named together with a year, so a bare "February 16th" can borrow it.

    A date the text marks as N years back lends its month the year N years later: after
    "一年前（2025年3月3日-9日）", a bare "3月初" is March of the present year (2026)."""
    found: dict[int, list[tuple[int, int]]] = {}
    back = _years_back(hits, norm) if norm else {}
    for i, hit in enumerate(hits):
        m1, m2 = _months_of(hit.g)
        if m1 is None and m2 is None:
            continue
        y1, y2 = _range_years(
            m1 or m2 or 1, m2 or m1 or 1, _year(hit.g.get("y1")), _year(hit.g.get("y2"))
        )
        shift = back.get(i, 0)
        for month, year in ((m1, y1), (m2, y2)):
            if month is not None and year is not None:
                found.setdefault(month, []).append((hit.start, year + shift))
    named = {year for hit in hits for year in hit.years}
    pinned = [(hit.start, _weekday_pinned_year(hit, named)) for hit in hits]
    for start, month_year in pinned:
        if month_year is not None and month_year[0] not in found:
            found.setdefault(month_year[0], []).append((start, month_year[1]))
    return found


def _weekday_pinned_year(hit: _Hit, named: set[int]) -> tuple[int, int] | None:
    """(month, year) of a reporting week written without its year ("the week of February
    16-22") when only one year near those the article names makes it a Monday-Sunday week.

    Used only when nothing firmer dates the text (no publication date, no year with that
    month): an article that names no year at all still gets no year.
    """
    if _RESOLVERS.get(hit.kind) is not _day_range or hit.years:
        return None
    m1, m2 = _months_of(hit.g)
    d1, d2 = _int(hit.g.get("d1")), _int(hit.g.get("d2"))
    if m1 is None or d1 is None or d2 is None:
        return None
    if not named or (m2 is not None and m2 != m1) or d2 - d1 != 6:
        return None
    fits = set()
    for year in {y + delta for y in named for delta in (-1, 0, 1)}:
        with contextlib.suppress(ValueError):
            if dt.date(year, m1, d1).weekday() == WEEK_START:
                fits.add(year)
    return (m1, fits.pop()) if len(fits) == 1 else None


def _is_event(norm: str, hit: _Hit) -> bool:
    """A date introduced by "released/launched/announced ... on" (or "…发布"): not a period."""
    cfg = _config()
    if cfg.event_zh.match(norm, hit.end):
        return True
    if hit.prep not in ("on", "in", "于"):
        return False
    window = norm[max(0, hit.start - _EVENT_WINDOW) : hit.start]
    clause_start = max(window.rfind(". "), window.rfind("\n"), window.rfind("。"))
    return cfg.event_en.search(window, clause_start + 1) is not None


# "up 10% from the previous week", "较上周": the period a comparison starts from, which "the
# same period" in the next sentence does not mean
_COMPARED_FROM = re.compile(r"(?:\b(?:from|than|versus|vs\.?|compared (?:with|to))|较|比|相比)\s*$")
_OPENS_COMPARED = re.compile(r"(?:from|than|versus|vs\.?|compared (?:with|to))\s")


def _compared_from(norm: str, hit: _Hit, out: _Out) -> bool:
    """Whether the phrase names what a comparison starts from ("from the previous week")."""
    return bool(_COMPARED_FROM.search(norm, max(0, hit.start - 16), hit.start)) or (
        out.role == "anchor" and _OPENS_COMPARED.match(norm, hit.start) is not None
    )


def _remember(
    ctx: _Context, hit: _Hit, out: _Out, period: Period, skip: bool
) -> None:
    years = hit.years
    if years:
        ctx.last_year = years[-1]
    if out.month is not None:
        ctx.last_month = out.month
    if out.role in ("date", "anchor") and not skip:
        ctx.last_period = (hit.start, period)


def find_periods(text: str, published: dt.date | None) -> list[PeriodMention]:
    """Every period phrase in ``text``, in text order, resolved; offsets index ``text``."""
    norm = _normalized(text)
    hits = _hits(norm, text)
    ctx = _Context(published, _explicit_month_years(hits, norm))
    mentions: list[PeriodMention] = []
    for hit in hits:
        out = _RESOLVERS[hit.kind](hit, ctx)
        if out is None:
            continue
        phrase = text[hit.start : hit.end]
        attributes = dict(out.attributes)
        event = out.role == "date" and _is_event(norm, hit)
        if event:
            attributes["event"] = True
        compared = _compared_from(norm, hit, out)
        if compared:
            attributes["compared_from"] = True
        bound = _bound(hit) if out.role == "date" and hit.kind not in _RANGE_KINDS else None
        if bound is not None:
            attributes[bound] = True
        resolved = out.resolution != "unresolved"
        period = Period(
            start=out.start if resolved else None,
            end=out.end if resolved else None,
            granularity=out.granularity,
            text=phrase,
            resolution=out.resolution,
        )
        mentions.append(PeriodMention(hit.start, hit.end, phrase, period, out.role, attributes))
        _remember(ctx, hit, out, period, event or compared)
    return mentions


def shifted_back(period: Period, basis: str) -> Period | None:
    """The period a change's base figure holds for: ``period`` moved back by the change's
    basis ("730 days" -> two years, "21 days" -> three weeks, "week_over_week" -> a week).

    "a 1,000-fold increase in two years, from just 140 million" (by March 2026): the 140
    million is March 2024's. None when the basis is not a span of time or the period is not
    dated."""
    if period.start is None or period.end is None:
        return None
    data = _config().data
    named = data["basis_shifts"].get(basis)
    if named is not None:
        unit, count = str(named[0]), int(named[1])
    else:
        match = re.fullmatch(r"(\d+) days", basis)
        if match is None:
            return None
        days = int(match.group(1))
        # the largest unit that counts the days whole: 730 days are two years
        sizes = sorted(data["unit_days"].items(), key=lambda item: -int(item[1]))
        unit, size = next((u, int(n)) for u, n in sizes if days % int(n) == 0)
        count = days // size
    if count <= 0:
        return None
    return period.model_copy(
        update={
            "start": _shift(period.start, unit, -count),
            "end": _shift_end(period.end, unit, -count),
            "resolution": "inferred",
        }
    )


def hedge_phrases() -> list[str]:
    """The hedges a figure's qualifier is read from ("more than", "nearly": periods.json)."""
    return list(_config().data["hedges"])


def period_assembly_words() -> dict[str, list[str]]:
    """Word lists claim assembly uses to pick a figure's period (periods.json, "assembly")."""
    return {k: list(v) for k, v in _config().data["assembly"].items() if not k.startswith("_")}


def granularity_cues(text: str) -> list[tuple[int, int, Granularity]]:
    """Where ``text`` says how long a figure is measured over, in text order.

    "weekly call volume", "per week", "周" -> week; "daily average", "日均" -> day; "monthly",
    "月度" -> month; "annual", "年度" -> year; "in the past year", "cumulative", "累计" -> total.
    """
    found = []
    for match in _config().cues.finditer(_normalized(text)):
        granularity = _as_granularity_or_total(match.lastgroup)
        if granularity is not None:
            found.append((match.start(), match.end(), granularity))
    return found


def _as_granularity_or_total(name: str | None) -> Granularity | None:
    if name == "total":
        return "total"
    return _as_granularity(name) if name in _UNITS else None
