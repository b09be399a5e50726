"""Figure recognition: numbers with their scale, unit, qualifier and glued change/price words.

English and Chinese. One pre-compiled master regex (an alternation, one named group per kind of
figure) is searched left to right; each hit is read by a small handler with anchored regexes
around it (the unit after it, the hedge before it). Every word list lives in
``corpora/units.json``.

Conventions (what the claim assembly can rely on):

* Offsets index the ORIGINAL text. Matching runs on a same-length translation of it (full-width
  digits/punctuation -> ASCII, Unicode spaces -> " ", dashes and the minus sign -> "-").
* The span covers the hedge before the number ("over", "约"), a currency symbol or sign, the
  number, its scale, its unit and a price base ("$0.30/M input tokens"); change verbs
  ("increased by") and trailing context ("(input)", "week-over-week") are read, not spanned.
* ``nearly``/``almost`` are ``approx`` (they name a rounded value, not a bound); ``up to``,
  ``as much as``, ``as many as`` are ``at_most``; ``as high as`` is ``exact``.
* Prices are normalized to one million tokens in the stated currency; ``per_tokens`` keeps the
  base as written (1000, 1000000). A money amount with a direction but no per-token base in the
  same clause ("$5 (input)", "输出价格8元") stays a money amount (unit ``USD``/``CNY``) with
  ``currency`` and ``direction``: the assembly inherits the base from a neighbouring price. When
  a base appears later in the same clause ("$5 (input) and $25 (output) per million tokens") the
  amount becomes a price with ``base_inferred: True``.
* Ranges ("30-40%", "3 to 10 times") give the midpoint, ``low``/``high`` and ``approx``;
  "from 5 % to 35 %" gives two figures with ``change`` ``from`` and ``to``.
* A scaled number with no unit after it ("2.8 trillion,") gets unit ``""`` and
  ``{"scale": "trillion"}``; the assembly infers the unit from context. A number followed by a
  noun gets unit ``count`` and ``{"noun": ...}`` ("800 applications", "200K context": a context
  window is a count here, the assembly may call it tokens).
* "top five" / "前五名" give unit ``top`` (membership scope); ranks give unit ``rank``; streaks
  give ``weeks``/``days``/... with ``{"streak": True}``.
* Not figures: versions in names (GPT-4o, Gemini 2.5, Llama 4), years and dates, list
  numbering, page furniture ("0 followers", "11 min read"), "24/7", bare integers below 10 and
  spelled-out numbers that are not a scale, multiple, rank or streak.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from claimcheck.extract.literals import phrase_alternation
from claimcheck.extract.types import Figure

__all__ = ["find_figures", "has_figure", "parse_number", "normalize_for_matching"]

_UNITS_PATH = Path(__file__).resolve().parents[2] / "corpora" / "units.json"


# --------------------------------------------------------------------------------------------
# Data and 1:1 normalization
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    with _UNITS_PATH.open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def _translation_table() -> dict[int, str]:
    """Same-length replacements only, so offsets stay valid."""
    table: dict[int, str] = {}
    for i in range(10):
        table[0xFF10 + i] = str(i)  # full-width digits
    spaces = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    for ch in spaces + "\u202f\u205f\u3000\t":
        table[ord(ch)] = " "
    for ch in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d":
        table[ord(ch)] = "-"
    pairs = {
        "．": ".", "％": "%", "＋": "+", "～": "~", "〜": "~", "／": "/", "（": "(", "）": ")",
        "＄": "$", "＞": ">", "＜": "<", "：": ":", "﹪": "%", "٪": "%", "Ｋ": "K", "Ｍ": "M",
        "Ｂ": "B", "Ｔ": "T", "＃": "#", "’": "'",
    }
    for src, dst in pairs.items():
        table[ord(src)] = dst
    return table


_TABLE = _translation_table()
# the only ASCII characters the table replaces (the tab): an ASCII text without them is
# returned as is, without a per-character table lookup
_ASCII_REPLACED = tuple(chr(c) for c in _TABLE if c < 128)


def normalize_for_matching(text: str) -> str:
    """The text every pattern runs on: same length as ``text``, so offsets carry over."""
    if text.isascii() and not any(c in text for c in _ASCII_REPLACED):
        return text
    return text.translate(_TABLE)


# --------------------------------------------------------------------------------------------
# Pattern building helpers
# --------------------------------------------------------------------------------------------


def _word_re(word: str, reverse: bool = False) -> str:
    """A literal with ASCII-word boundaries where it starts/ends with a letter; spaces flexible.

    ``reverse`` spells the literal backwards, for patterns run on reversed text."""
    guard_html = word[:1] in ("<", ">")  # not the end of an HTML tag
    # nor the head of an arrow: "4.12T -> 5.16T" states no "more than"
    not_after = r"A-Za-z0-9\"'/" + (r"\-=" if word[:1] == ">" else "")
    if reverse:
        word = word[::-1]
    parts = [re.escape(p) for p in word.split(" ")]
    body = r"\s+".join(parts)
    if guard_html:
        body = body + f"(?![{not_after}])" if reverse else f"(?<![{not_after}])" + body
    if word[:1].isascii() and word[:1].isalpha():
        body = r"(?<![A-Za-z])" + body
    if word[-1:].isascii() and word[-1:].isalpha():
        body += r"(?![A-Za-z])"
    return body


def _char_class(chars: Iterable[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"


def _alt(words: Iterable[str], *, ignore_case: bool = True, reverse: bool = False) -> str:
    """A trie of literals (longest first) behind a first-character test, so a position where
    none can start costs one character-class check."""
    uniq = {w.lower() for w in words} if ignore_case else set(words)
    html = sorted(w for w in uniq if w[:1] in ("<", ">"))
    branches = [phrase_alternation(uniq - set(html), word_bounds=True, reverse=reverse)]
    branches += [_word_re(w, reverse) for w in html]
    body = "|".join(branches)
    firsts = {(w[::-1] if reverse else w)[0] for w in uniq}
    if ignore_case:
        firsts |= {c.lower() for c in firsts} | {c.upper() for c in firsts}
    group = f"(?i:{body})" if ignore_case else f"(?:{body})"
    return f"(?={_char_class(firsts)}){group}"


def _phrase_key(phrase: str) -> str:
    """How matched phrases are compared with the word lists: spaces collapsed, lower case."""
    return " ".join(phrase.split()).lower()


def _word_start_test(words: Iterable[str], prefixes: Iterable[str]) -> str:
    """A regex matching, in any case, where one of ``words`` starts with no letter right after
    it, or one of ``prefixes`` starts (anything may follow: "thousand" in "thousandfold").
    Entries that do not start with a Latin letter are left out. One class of all first
    letters turns away most positions; then each branch starts with a class of one letter
    ("[tT]"), which sre checks without entering the branch."""
    # first letter -> (tails of whole words, tails of prefixes)
    tails: dict[str, tuple[set[str], set[str]]] = {}
    for entries, prefix in ((words, False), (prefixes, True)):
        for w in entries:
            if not (w[:1].isascii() and w[:1].isalpha()):
                continue
            tail, is_prefix = w[1:].lower(), prefix
            if tail[:1].isspace():
                tail, is_prefix = "", False  # "a dozen": the word "a"
            elif not (w[-1:].isascii() and w[-1:].isalpha()):
                is_prefix = True  # no bound after "US$"
            tails.setdefault(w[0].lower(), (set(), set()))[is_prefix].add(tail)
    if not tails:
        return "(?!)"
    branches = []
    for first, (word_tails, prefix_tails) in sorted(tails.items()):
        if "" in prefix_tails:
            tail = ""  # a one-letter prefix lets every word with that letter through
        else:
            alts = [phrase_alternation(prefix_tails)] if prefix_tails else []
            if word_tails:
                longer = word_tails - {""}
                trie = f"(?:{phrase_alternation(longer)})" if longer else ""
                if trie and "" in word_tails:
                    trie += "?"  # the one-letter word itself ("a")
                alts.append(trie + "(?![A-Za-z])")
            tail = f"(?i:{'|'.join(alts)})"
        branches.append(_char_class({first, first.upper()}) + tail)
    firsts = _char_class({c for first in tails for c in (first, first.upper())})
    return f"(?={firsts})(?:{'|'.join(branches)})"


@cache
def _lookup_index(name: str) -> dict[str, Any]:
    """``_data()[name]`` keyed by lower-cased key; the first key wins, as in a linear scan."""
    index: dict[str, Any] = {}
    for k, v in _data()[name].items():
        index.setdefault(k.lower(), v)
    return index


def _lookup(name: str, key: str) -> Any:
    """Case-insensitive, space-insensitive lookup of a matched phrase in the units.json mapping
    ``name``; None when absent."""
    return _lookup_index(name).get(_phrase_key(key))


def _invert(groups: dict[str, list[str]]) -> dict[str, str]:
    return {w: name for name, words in groups.items() for w in words}


NUM = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"
GUARD = r"(?<![A-Za-z0-9_.])"
CN_DIGITS = "零〇一二两三四五六七八九"
CN_ALL = CN_DIGITS + "十百千万亿"
CN_NUM = f"[{CN_DIGITS}十百千][{CN_ALL}]*(?:点[{CN_DIGITS}]+[万亿]*)?"
CN_SMALL = f"[{CN_DIGITS}十百]{{1,3}}"
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")


@dataclass(frozen=True)
class _Patterns:
    master: re.Pattern[str]
    num_core: re.Pattern[str]
    sci: re.Pattern[str]
    range_tail: re.Pattern[str]
    scale: re.Pattern[str]
    plus_after: re.Pattern[str]
    percent: re.Pattern[str]
    points: re.Pattern[str]
    multiple: re.Pattern[str]
    currency_suffix: re.Pattern[str]
    price_base: re.Pattern[str]
    price_base_ahead: re.Pattern[str]
    tokens: re.Pattern[str]
    time_unit: re.Pattern[str]
    furniture: re.Pattern[str]
    noun: re.Pattern[str]
    left: re.Pattern[str]
    qual_after: re.Pattern[str]
    dir_after: re.Pattern[str]
    basis_after: re.Pattern[str]
    change_after: re.Pattern[str]
    comparison_after: re.Pattern[str]
    times_ok_after: re.Pattern[str]
    fraction_follow: re.Pattern[str]
    mult_not_before: re.Pattern[str]
    prev_word: re.Pattern[str]
    list_number: re.Pattern[str]
    has_figure: re.Pattern[str]
    has_figure_latin: re.Pattern[str]
    has_figure_substrings: tuple[str, ...]
    clause_end: re.Pattern[str]
    currency_subunit: re.Pattern[str]
    zh_of_qual: re.Pattern[str]
    classifier: re.Pattern[str]
    fraction: re.Pattern[str]
    fraction_left: re.Pattern[str]
    base_prefix: re.Pattern[str]
    paired_directions: re.Pattern[str]
    place_lost: re.Pattern[str]
    conversion: re.Pattern[str]
    run_lost: re.Pattern[str]
    run_dropped: re.Pattern[str]
    run_ended: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:  # noqa: PLR0915 - one place that turns the data into regexes
    d = _data()
    cur_prefix = _alt(d["currency_prefixes"], ignore_case=False)
    cur_suffix = _alt(d["currency_suffixes"], ignore_case=False)
    scale_words = _alt(d["scales"])
    sym = "".join(d["scale_symbols"])
    sym_sp = "".join(d["scale_symbols_spaced"])
    bases = _alt([w for ws in d["price_bases"].values() for w in ws], ignore_case=False)
    connectors = _alt(d["price_base_connectors"])
    token_words = _alt(d["token_words"])
    dirs = _alt([w for ws in d["directions"].values() for w in ws])
    time_units = _alt([w for ws in d["time_units"].values() for w in ws])
    months = _alt(d["month_names"], ignore_case=False)
    eng_units = list(d["english_units"]) + list(d["english_tens"])
    eng_words = _alt(eng_units)
    eng_all = _alt(eng_units + list(d["english_hundred"]) + list(d["english_scales"]))
    eng_scales = _alt(d["english_scales"])
    glued = "|".join(sorted(eng_units + ["hundred", "thousand"], key=len, reverse=True))  # tenfold
    ords = _alt(d["english_ordinals"])
    frac_dens = _alt(
        [o for o in d["english_ordinals"] if d["english_ordinals"][o] > 2]
        + [o + "s" for o in d["english_ordinals"] if d["english_ordinals"][o] > 2]
        + list(d["english_fraction_denominators"])
    )
    quals_after = _alt([w for ws in d["qualifiers_after"].values() for w in ws])
    chg_after = _alt([w for ws in d["changes_after"].values() for w in ws])
    def rev(words: list[str], ignore_case: bool = True) -> str:
        return _alt(words, ignore_case=ignore_case, reverse=True)

    quals_before_l = [w for ws in d["qualifiers_before"].values() for w in ws]
    chg_before_l = [w for ws in d["changes_before"].values() for w in ws]
    # before a number only the Chinese form occurs ("环比增长45%"); "week on week to 470" is not
    basis_before_l = [w for ws in d["basis_hints"].values() for w in ws if not w[:1].isascii()]
    price_words_l = list(d["price_words"])
    dirs_l = [w for ws in d["directions"].values() for w in ws]
    token_words_l = list(d["token_words"])
    bases_l = [w for ws in d["price_bases"].values() for w in ws]
    basis = _alt([w for ws in d["basis_hints"].values() for w in ws])
    mult_words = _alt(d["multiplier_words"])
    rank_verbs = _alt(d["rank_verbs"])
    small_count = r"(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|[0-9]{1,2})"
    move_steps = rf"\s+{small_count}\s+{_alt(d['rank_move_steps'])}"
    rank_moves = (
        rf"(?:{_alt(d['rank_move_verbs'])}(?:{move_steps})?|(?i:up|down){move_steps})\s+(?i:to)"
    )
    superl = _alt(d["rank_superlatives"])
    place_nouns = _alt(d["rank_place_nouns"])
    list_nouns = _alt(d["rank_list_nouns"])
    top_verbs = _alt(d["rank_top_verbs"])
    one_before_place = _alt(d["rank_one_before_place"])
    second = _alt(d["rank_second"])
    most_used = _alt(d["rank_one_superlatives"])
    most_used_zh = _alt(d["rank_one_superlatives_zh"], ignore_case=False)
    rank_pre_zh = _alt(d["rank_prefixes_zh"], ignore_case=False)
    rank_one_verbs = _alt(d["rank_one_before_streak"])
    rank_one_zh = _alt(d["rank_one_zh"], ignore_case=False)
    rank_list_zh = _alt(d["rank_list_verbs_zh"], ignore_case=False)
    rank_item = rf"第?\s?(?:{CN_SMALL}|[0-9]{{1,3}})"
    not_tenths = _alt(d["tenths_not_before_zh"], ignore_case=False)
    not_discount = _alt(d["discount_not_before_zh"], ignore_case=False)
    day = r"[0-9]{1,2}(?:st|nd|rd|th)?(?![0-9])"
    cn_time = "周|星期|天|个月|月|年|季度"

    master = "|".join(
        [
            # "a 61/39 split", "a 60-40 split": two shares of two subjects (before times)
            r"(?P<k_split>(?<![0-9.,])(?P<sa>[0-9]{1,2}(?:\.[0-9])?)\s?[/:\-–]\s?"
            r"(?P<sb>[0-9]{1,2}(?:\.[0-9])?)(?:\s?%)?\s+(?i:split|division)(?![A-Za-z]))",
            # dates and times: consumed so their digits never become figures
            rf"(?P<k_date>{months}\.?\s+{day}(?:\s*(?:-|~|to|through|and|&)\s*(?:{months}\.?\s+)?"
            rf"{day})?(?:,?\s+[0-9]{{4}}(?![0-9]))?"
            rf"|{months}\.?,?\s+[0-9]{{4}}(?![0-9])"
            rf"|{GUARD}{day}(?:\s*(?:-|to)\s*{day})?\s+(?:of\s+)?{months}(?![A-Za-z])"
            rf"(?:,?\s+[0-9]{{4}}(?![0-9]))?"
            rf"|{GUARD}[0-9]{{4}}[-/.][0-9]{{1,2}}[-/.][0-9]{{1,2}}(?![0-9])"
            rf"|{GUARD}[0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{2,4}}(?![0-9])"
            rf"|{GUARD}[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?(?![0-9])"
            rf"|{GUARD}24/7(?![0-9]))",
            r"(?P<k_date_cn>(?:[0-9]{2,4}\s?年\s?)?(?:[0-9]{1,2}\s?月\s?)?[0-9]{1,2}\s?[日号]"
            r"(?:\s?[-~至到]\s?(?:[0-9]{1,2}\s?月\s?)?[0-9]{1,2}\s?[日号]?)?"
            r"|[0-9]{2,4}\s?年(?:\s?[0-9]{1,2}\s?月份?)?|[0-9]{1,2}\s?月份?)",
            r"(?P<k_rankno>(?<![A-Za-z0-9])(?:No\.?|no\.|NO\.?|#|(?i:number)\s"
            r"|(?i:rank)(?:\s*:)?\s)\s?"
            r"(?P<rankno>[0-9]{1,3}|(?i:one))(?![0-9A-Za-z]))",
            rf"(?P<k_rankverb>(?:{rank_verbs}|{rank_moves})\s+(?:(?i:in|at)\s+)?(?:(?i:the)\s+)?"
            rf"(?P<rvord>{ords}|[0-9]{{1,3}}(?:st|nd|rd|th)(?![A-Za-z])))",
            rf"(?P<k_ordonly>(?P<oword>{ords})(?:\s+(?i:only)\s+(?i:to)(?![A-Za-z])|[\s-]+{superl})"
            rf"|(?<![Ii]n\sthe\s)(?P<pord>{ords}|{GUARD}[0-9]{{1,3}}(?:st|nd|rd|th))\s+"
            rf"{place_nouns}(?![A-Za-z]))",
            rf"(?P<k_topped>(?P<tverb>(?<![A-Za-z]){top_verbs}(?![A-Za-z]))\s+"
            rf"(?:[A-Za-z'&.-]+\s+){{0,6}}?{list_nouns})",
            rf"(?P<k_topplace>(?<![A-Za-z])(?P<first>{one_before_place})\s+{place_nouns}"
            rf"|(?P<second>{second})"
            rf"|(?P<mostused>{most_used})\s+(?P<among>(?:[A-Za-z-]+\s+){{0,2}}?)(?i:model|LLM)"
            rf"|(?P<mostusedzh>{most_used_zh})的"
            rf"(?P<amongzh>[^\s，。、0-9一二三四五六七八九十几两]{{0,6}}?)模型)"
            rf"(?![A-Za-z])",
            # "led for a fifth straight week": the lookahead leaves the streak to k_streak
            rf"(?P<k_led>(?P<lverb>{rank_one_verbs})(?=\s+(?i:for)\s+(?i:a|the)\s+"
            rf"(?:{ords}|[0-9]{{1,3}}(?:st|nd|rd|th))\s+(?:(?i:consecutive|straight|successive)"
            rf"\s+)?{time_units}))",
            rf"(?P<k_rankone>{rank_one_zh})",
            rf"(?P<k_top>(?<![A-Za-z])(?i:top)[\s-]?(?P<topn>[0-9]{{1,3}}|{eng_words})"
            # not a verb before an amount: "Chinese models top 5 trillion weekly tokens"
            rf"(?![0-9A-Za-z])(?!\s?%)(?![ ]?(?:{scale_words})(?![A-Za-z]))"
            # "six of the 10 most popular models": the 10 at the top of a usage ranking
            rf"|{GUARD}(?P<topm>[0-9]{{1,2}}|{eng_words})\s+(?:{most_used})"
            rf"(?=\s+(?:[A-Za-z-]+\s+)?(?i:models|LLMs)(?![A-Za-z])))",
            rf"(?P<k_streak>(?P<sord>{ords}|{GUARD}[0-9]{{1,3}}(?:st|nd|rd|th))\s+"
            rf"(?:(?i:consecutive|straight|successive)\s+(?P<su1>{time_units})"
            rf"|(?P<su2>{time_units})\s+(?i:in\s+a\s+row|running))"
            # "its third weekly gain in a row": the adjective gives the unit
            rf"|(?P<sord2>{ords})\s+(?P<su5>{_alt(d['streak_adjectives'])})\s+"
            r"(?:[A-Za-z-]{1,20}\s+){0,2}(?i:in\s+a\s+row|running)(?![A-Za-z])"
            rf"|(?P<scount>{eng_words}|{GUARD}[0-9]{{1,3}})\s+"
            rf"(?:(?i:consecutive|straight|successive)\s+(?P<su3>{time_units})"
            rf"|(?P<su4>{time_units})\s+(?i:in\s+a\s+row|running))"
            rf"|连续\s?(?:第\s?)?(?P<scn>{CN_SMALL}|[0-9]{{1,3}})\s?个?\s?(?P<scnu>{cn_time})"
            # "extend lead for a second week": an ordinal span after a lead verb
            rf"|(?:(?<=(?i:for) (?i:a) )|(?<=(?i:for) (?i:the) ))(?P<sord3>{ords})\s+"
            rf"(?P<su8>{time_units})(?![A-Za-z])"
            # a run that ended: "ending a six-week run", "lost the top spot after six weeks"
            rf"|(?P<ecount>{eng_words}|{GUARD}[0-9]{{1,3}})[\s-]+(?P<su6>{time_units})[\s-]+"
            rf"(?i:(?:winning\s+)?(?:run|streak|reign))(?![A-Za-z])"
            rf"|(?i:after)\s+(?P<acount>{eng_words}|{GUARD}[0-9]{{1,3}})\s+"
            rf"(?:(?i:consecutive|straight|successive)\s+)?(?P<su7>{time_units})(?![A-Za-z])"
            rf"(?:\s+(?P<atop>{_alt(d['run_top_places'])})(?![A-Za-z0-9]))?)",
            # "分列二、三位", "分别位列第二、第三": ranks listed after a "respectively" verb
            rf"(?P<k_ranklistcn>{rank_list_zh}\s?(?P<rl1>{rank_item})\s?[、和与及]\s?"
            rf"(?P<rl2>{rank_item})(?:\s?[、和与及]\s?(?P<rl3>{rank_item}))?\s?(?:位|名)?)",
            rf"(?P<k_rankcn>(?P<rkpre>{rank_pre_zh})?\s?第\s?(?P<rkn>{CN_SMALL}|[0-9]{{1,3}})"
            rf"(?P<rksuf>名|位)?)",
            rf"(?P<k_topcn>前\s?(?P<tcn>{CN_SMALL}|[0-9]{{1,3}})\s?(?P<tcnsuf>名|位|强|大)?"
            # "调用量最高的20个模型": the top 20
            rf"|最(?:高|大|多)的\s?(?P<tmost>{CN_SMALL}|[0-9]{{1,3}})\s?(?:个|款|家)?(?=大?模型))",
            # "one in every five tokens", "two out of three developers", "1 in 5"
            r"(?P<k_onein>(?<![A-Za-z0-9.,])(?P<inum>(?i:one|two|three|four)|[0-9]{1,2})\s+"
            r"(?i:in|out\s+of)\s+(?i:every\s+)?(?P<iden>(?i:two|three|four|five|six|seven|eight|"
            r"nine|ten)|[0-9]{1,3})(?![0-9A-Za-z]|[.,][0-9]))",
            # "fell by half", "cut its prices in half": a 50 % change (only after a change word;
            # "half" alone is not)
            r"(?P<k_byhalf>(?<=(?i:by|in)\s)(?<![A-Za-z]..\s)(?P<bhalf>(?i:half))"
            r"(?![A-Za-z]|\s+(?i:an?)\s))",
            rf"(?P<k_frac>(?<![A-Za-z])(?P<fnum>(?i:a|an|one|two|three|four|five|six|seven|eight|"
            rf"nine|ten))(?P<fsep>[\s-]+)(?P<fden>{frac_dens}))",
            rf"(?P<k_mult>{mult_words}"
            # "grew by a factor of 20": a multiple
            rf"|(?i:a\s+factor\s+of)\s+(?P<fqual>(?i:about|around|roughly|nearly|almost|some)\s+)?"
            rf"(?P<factor>[0-9]+(?:\.[0-9]+)?(?![0-9.])|{eng_words}))",
            rf"(?P<k_fraccn>(?P<cfden>{CN_NUM}|[0-9]+)\s?分之\s?(?P<cfnum>{CN_NUM}|{NUM})"
            # "六成以上" (over 60%), "下降了九成": tenths; not "一成不变", "八成是" (probably)
            rf"|(?P<tenths>[一二三四五六七八九])成(?!{not_tenths})"
            # "享五折优惠", "打八五折", "2.5折": a price cut to that many tenths
            rf"|(?P<zhe>[一二三四五六七八九]{{1,2}}|[1-9](?:\.[0-9])?)折(?!{not_discount}))",
            rf"(?P<k_num>{GUARD}(?:[+\-]\s?)?(?:{cur_prefix}\s?)?[0-9])",
            rf"(?P<k_cn>(?<![{CN_ALL}]){CN_NUM})",
            rf"(?P<k_spelled>(?<![A-Za-z])(?:(?P<foldw>(?i:{glued}))(?i:fold)(?![A-Za-z])|"
            rf"(?:(?i:a|an)\s+(?={eng_scales})|(?={eng_words}))"
            rf"(?P<spw>{eng_all}(?:[\s-]+{eng_all})*)(?P<spfold>(?i:fold)(?![A-Za-z]))?))",
        ]
    )

    zh_quals = [
        w for name in ("approx", "at_least", "at_most")
        for w in d["qualifiers_before"][name] if not w[:1].isascii()
    ]
    def first(*groups: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for words in groups:
            for w in words:
                out.update({w[0], w[0].lower(), w[0].upper()})
        return out

    digits = set("0123456789")
    cn_start = set(CN_DIGITS + "十百千")
    starts: dict[str, set[str]] = {
        "k_split": digits,
        "k_date": first(d["month_names"]) | digits,
        "k_date_cn": digits,
        "k_rankno": set("NnRr#"),
        "k_rankverb": first(d["rank_verbs"], d["rank_move_verbs"], ["up", "down"]),
        "k_ordonly": first(d["english_ordinals"]) | digits,
        "k_topped": first(d["rank_top_verbs"]),
        "k_topplace": first(d["rank_one_before_place"], d["rank_second"],
                            d["rank_one_superlatives"], d["rank_one_superlatives_zh"]),
        "k_led": first(d["rank_one_before_streak"]),
        "k_rankone": first(d["rank_one_zh"]),
        "k_top": set("tT") | digits | first(eng_units),
        "k_streak": first(d["english_ordinals"], eng_units) | digits | {"连", "a", "A"},
        "k_ranklistcn": first(d["rank_list_verbs_zh"]),
        "k_rankcn": first(d["rank_prefixes_zh"]) | {"第"},
        "k_topcn": {"前", "最"},
        "k_onein": first(["one", "two", "three", "four"]) | digits,
        "k_byhalf": {"h", "H"},
        "k_frac": first(["a", "one", "two", "three", "four", "five", "six", "seven", "eight",
                         "nine", "ten"]),
        "k_mult": first(d["multiplier_words"]) | {"a", "A"},
        "k_fraccn": cn_start | digits,
        "k_num": digits | {"+", "-"} | first(d["currency_prefixes"]),
        "k_cn": cn_start,
        "k_spelled": first(["a"], eng_units),
    }

    # a first-character test in front of every branch keeps the scan cheap: most positions
    # fail on one character-class check instead of trying every word list
    for name, chars in starts.items():
        master = master.replace(f"(?P<{name}>", f"(?={_char_class(chars)})(?P<{name}>", 1)
    # the whole pattern is entered only where a branch can start: figures written in Latin
    # script never start inside a word, and start with one of these words, or with one of
    # these prefixes of a word ("tenfold", "top5", "No1"); others start with a character of
    # ``starts``. One trie test at a word start is much cheaper than every branch's start
    # test. A new Latin-script branch adds its first words here.
    lead_words = [
        *d["month_names"], "number", *d["rank_verbs"], *d["rank_move_verbs"], "up", "down",
        *d["english_ordinals"],
        *d["rank_one_before_streak"], *d["rank_top_verbs"], *d["rank_one_before_place"],
        *d["rank_second"], *d["rank_one_superlatives"], "a", "an", "after", "half",
        *d["multiplier_words"],
        *d["currency_prefixes"], *d["rank_one_zh"], *d["rank_prefixes_zh"],
    ]
    lead_prefixes = ["No", "top", *eng_units, "hundred", "thousand"]
    lead_test = _word_start_test(lead_words, lead_prefixes)
    other_starts = {c for c in set().union(*starts.values()) if not (c.isascii() and c.isalpha())}
    master = (
        f"(?:(?<![A-Za-z])(?={lead_test})|(?={_char_class(other_starts)}))(?:{master})"
    )

    has_fig_words = (
        list(d["english_units"]) + list(d["english_tens"]) + list(d["english_ordinals"])
        + list(d["multiplier_words"]) + ["top", "half", "thirds", "quarter"]
        + list(d["rank_top_verbs"]) + list(d["rank_one_before_place"]) + list(d["rank_second"])
        + list(d["rank_one_zh"]) + ["过半", "半数"]
    )
    # has_figure avoids patterns that start with a lookaround (tried at every position): the
    # words that start with a Latin letter are searched after a non-letter (the pattern then
    # starts with a class, which sre scans for in C); words with no ASCII, space or cased
    # character ("过半") need no bounds or case folding, so ``in`` finds them; any other word
    # joins the class of digits and numerals
    fig_words_latin = [w for w in has_fig_words if w[:1].isascii() and w[:1].isalpha()]
    fig_substrings = [
        w for w in has_fig_words
        if w and not any(c.isascii() or c.isspace() or c.lower() != c.upper() for c in w)
    ]
    fig_words_rest = [
        w for w in has_fig_words if w not in fig_words_latin and w not in fig_substrings
    ]
    fig_chars = rf"[0-9０-９{CN_ALL}%％倍]"
    return _Patterns(
        master=re.compile(master),
        num_core=re.compile(
            rf"(?P<sign>[+\-]\s?)?(?P<cur>{cur_prefix}\s?)?(?P<num>{NUM})"
        ),
        sci=re.compile(
            r"(?:(?P<sci>\s?[x×*]\s?10)(?:\s?(?:\^|\*\*)\s?(?P<exp>[+\-]?[0-9]{1,3})|"
            r"(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]{1,4}))|\s?\^\s?(?P<exp2>[0-9]{1,3}))(?![0-9])"
        ),
        range_tail=re.compile(
            rf"(?P<pct>\s?%)?\s?(?P<sep>-|~|(?i:to)(?![A-Za-z])|至|到)\s?(?:{cur_prefix}\s?)?"
            rf"(?P<num2>{NUM})(?![0-9])"
        ),
        scale=re.compile(
            rf"(?P<cnmod>多|余)?[ ]{{0,2}}(?P<word>{scale_words})"
            rf"|(?P<sym>[{sym}])(?![A-Za-z0-9])|[ ](?P<symsp>[{sym_sp}])(?![A-Za-z0-9])"
        ),
        plus_after=re.compile(r"\+(?![0-9])|多(?=个|家|名|位|款|人)|余(?=个|家|名|位|款|人)"),
        percent=re.compile(r"[ ]?(?:%|(?i:percent|per\s?cent|pct)(?![A-Za-z]))"),
        points=re.compile(_alt(d["percentage_point_words"]).join([r"[ ]?", ""])),
        multiple=re.compile(
            r"[ ]?-?[ ]?(?i:fold)(?![A-Za-z])|[ ]?(?i:times)(?![A-Za-z])|[xX](?![A-Za-z0-9])"
            r"|[ ]?×(?![ ]?[0-9])|(?P<xmore>多|余)?[ ]?倍"
        ),
        currency_suffix=re.compile(rf"[ -]?(?P<cur>{cur_suffix})"),
        price_base=re.compile(
            rf"[ ]?(?:(?P<slash>/)|(?P<conn>{connectors})[ ]|每)[ ]?(?P<base>{bases})"
            rf"(?![0-9])[ ]?(?:(?P<bdir>{dirs})[ ]?)?(?P<tok>(?:个[ ]?)?{token_words})?"
            r"(?P<after>[ ]?[A-Za-z]+)?"
        ),
        price_base_ahead=re.compile(
            rf"(?:/|(?i:per)\s|每)\s?(?P<base>{bases})(?![0-9])\s?(?:{dirs}\s?)?"
            rf"(?:个\s?)?{token_words}"
        ),
        tokens=re.compile(rf"[ -]?(?:个[ ]?)?{token_words}"),
        time_unit=re.compile(rf"(?P<sep>[ -]?)(?P<unit>{time_units})"),
        furniture=re.compile(r"[ ]?" + _alt(d["furniture_words"])),
        noun=re.compile(r"[ ]?(?P<noun>[A-Za-z][A-Za-z'-]*)"),
        # run on the reversed text before the number, so one anchored match reads the words
        # nearest to it first: [a/an] [hedge] [by/to/from] [change] [basis] [每百万Token] [input]
        left=re.compile(
            r"(?:\s+(?i:a|na)(?![A-Za-z]))?"
            rf"(?:\s*(?P<qual>{rev(quals_before_l)}))?"
            rf"(?:\s*(?P<ft>{rev(['by', 'to', 'from', '了', '由', '从', '至', '到'])}))?"
            rf"(?:\s*(?P<chg>{rev(chg_before_l)}))?"
            rf"(?:\s*(?P<basis>{rev(basis_before_l, False)}))?"
            # the base ends in 每: without one in the window, skip the many ways the optional
            # parts could share out the spaces, all bound to fail
            rf"(?:(?=[^每]*每)\s*(?:为|是|:)?\s?(?:{rev(price_words_l)})?\s?"
            rf"(?:(?P<dir2>{rev(dirs_l)})\s?)?"
            rf"的?\s?(?P<pbase>(?:{rev(token_words_l)})?\s?(?:个\s?)?(?P<pb>{rev(bases_l, False)})"
            r"\s?每))?"
            # "从每百万tokens 4元降至2元": the price a change starts from, before its base
            r"(?:\s*(?P<ft2>从|由))?"
            rf"(?:\s*(?:{rev(['is', 'are', 'was', 'were', 'of', 'at', '为', '是', ':'])})?"
            rf"\s*(?:{rev(price_words_l)})?\s*(?P<dir>{rev(dirs_l)}))?"
        ),
        qual_after=re.compile(rf"\s?(?P<qa>{quals_after})"),
        dir_after=re.compile(
            rf"\s?(?:\(\s?(?P<d1>{dirs})\s?\)|(?i:for)\s+(?P<d2>{dirs})(?![A-Za-z])"
            # "GLM-5: $0.30 in / $2.55 out": short direction words, only before a list break
            rf"|(?P<d3>{_alt([w for ws in d['directions_short_after'].values() for w in ws])})"
            r"(?=\s*(?:/|,|;|\||\)|$)))"
        ),
        basis_after=re.compile(rf"[\s,(]{{0,3}}(?P<basis>{basis})"),
        change_after=re.compile(rf"\s?(?P<ca>{chg_after})"),
        comparison_after=re.compile(r"\s?(?P<cmp>" + _alt(d["comparisons_after"]) + ")"),
        times_ok_after=re.compile(
            r"\s?(?:" + _alt(d["comparisons_after"] + ["as", "that", "the", "those", "what"]) + ")"
        ),
        fraction_follow=re.compile(
            r"(?:\s+" + _alt(d["fraction_followers"]) + r"|\s*+(?![A-Za-z]))"
        ),
        mult_not_before=re.compile(_alt(d["multiplier_not_before"])),
        prev_word=re.compile(r"(?P<w>[A-Za-z][A-Za-z0-9.+]*)[\"'”’)\]]?[ ]*-?[ ]*$"),
        list_number=re.compile(r"(?:^|\n)[ \t•·*\-–>#]*$"),
        # "fold" glued to a number word ("tenfold", "hundredfold") is bounded by no non-letter
        has_figure=re.compile(
            f"{fig_chars}|(?i:fold)|{_alt(fig_words_rest)}" if fig_words_rest
            else f"{fig_chars}|(?i:fold)"
        ),
        has_figure_latin=re.compile(r"[^A-Za-z]" + _alt(fig_words_latin)),
        has_figure_substrings=tuple(fig_substrings),
        clause_end=re.compile(r"[.;。；!?！？\n]"),
        currency_subunit=re.compile(r"[ ]?(?P<sub>" + _alt(d["currency_subunits"]) + ")"),
        # "约为前者的26.7倍", "不到Claude Opus 4.6输出价格（25美元）的二十分之一": the hedge governs
        # "X的N倍" a few characters later; X's name may have spaces and X's own figure may stand
        # in brackets between (run on reversed text: a bracket reads ")...(")
        zh_of_qual=re.compile(
            r"的(?:\)[^()，。,;；\n]{0,30}\(|[^()，。,;；\n]){0,24}?为?(?P<q>"
            + rev(zh_quals, False)
            + ")"
        ),
        classifier=re.compile("[ ]?[" + "".join(d["cn_classifiers"]) + "](?![列居于置])"),
        fraction=re.compile(r"/(?P<den>[0-9]{1,4})(?![0-9/.,%])"),
        fraction_left=re.compile(r"(?i:is|was|are|were|only|just|to|by|at|of|than|about)\s+$"),
        base_prefix=re.compile(r"(?:/|(?i:per)\s|每)\s?$"),
        paired_directions=re.compile(rf"(?P<first>{dirs})\s?/\s?(?P<second>{dirs})"),
        # "4 yuan ($0.55) per million tokens", "$0.55 (about 4 yuan)": the amount in another
        # currency, in parentheses
        conversion=re.compile(
            rf"[ ]?[(（][ ]?(?:{_alt(d['qualifiers_before']['approx'])}|合)?"
            rf"[ ]?(?:(?:{cur_prefix})[ ]?[0-9][0-9,]*(?:\.[0-9]+)?(?:[ ]?{scale_words})?"
            rf"|[0-9][0-9,]*(?:\.[0-9]+)?(?:[ ]?{scale_words})?[ ]?(?:{cur_suffix}))[ ]?[)）]"
        ),
        place_lost=re.compile(
            rf"{_alt(d['rank_place_lost'])}\s+(?:(?i:the|its|their|a|his|her)\s+)?$"),
        run_lost=re.compile(rf"{_alt(d['rank_place_lost'])}\s"),
        run_dropped=re.compile(rf"(?<![A-Za-z]){_alt(d['changes_before']['decrease'])}\s"),
        run_ended=re.compile(rf"{_alt(d['run_ended_verbs'])}\s+(?:(?i:a|its|their|the)\s+)?$"),
    )


# --------------------------------------------------------------------------------------------
# Number parsing
# --------------------------------------------------------------------------------------------


def _cn_integer(s: str) -> float | None:
    d = _data()
    digits: dict[str, int] = d["chinese_digits"]
    small: dict[str, int] = d["chinese_small_units"]
    if s and all(ch in digits for ch in s):
        # positional digits ("二〇二六")
        return float("".join(str(digits[ch]) for ch in s))
    total = 0.0
    section = 0.0
    number = 0.0
    seen = False
    for ch in s:
        if ch in digits:
            number = digits[ch]
            seen = True
        elif ch in small:
            section += (number if number or seen else 1) * small[ch]
            number = 0
            seen = False
        elif ch == "万":
            section = (section + number) * 1e4
            number = 0
            seen = False
        elif ch == "亿":
            total = (total + section + number) * 1e8
            section = number = 0
            seen = False
        else:
            return None
    result = total + section + number
    return result if result or "零" in s or "〇" in s else None


def _parse_chinese(s: str) -> float | None:
    """Chinese numerals, with 点 decimals and a trailing 万/亿 scale ("三点五亿")."""
    if "点" not in s:
        return _cn_integer(s)
    head, _, tail = s.partition("点")
    scale_part = tail.lstrip(_CN_DIGIT_CHARS)
    frac = tail[: len(tail) - len(scale_part)]
    whole = _cn_integer(head) if head else 0.0
    if whole is None or not frac:
        return None
    digits: dict[str, int] = _data()["chinese_digits"]
    value = whole + float("0." + "".join(str(digits[c]) for c in frac))
    if scale_part:
        mult = _cn_integer("一" + scale_part)
        if mult is None:
            return None
        value *= mult
    return value


_CN_DIGIT_CHARS = "零〇一二两三四五六七八九"


def _parse_english(words: str) -> float | None:
    """Spelled-out English numbers: "one hundred forty", "twenty-five", "a million"."""
    d = _data()
    total = 0.0
    current = 0.0
    seen = False
    for raw in re.split(r"[\s-]+", words.strip().lower()):
        if not raw or raw == "and":
            continue
        if raw in ("a", "an"):
            current, seen = 1.0, True
        elif raw in d["english_units"]:
            current += d["english_units"][raw]
            seen = True
        elif raw in d["english_tens"]:
            current += d["english_tens"][raw]
            seen = True
        elif raw == "hundred":
            current = (current or 1) * 100
            seen = True
        elif raw in d["english_scales"]:
            if not seen:
                return None
            total += (current or 1) * d["english_scales"][raw]
            current = 0
        else:
            return None
    return total + current if seen else None


def _scale_value(word: str) -> float | None:
    d = _data()
    if word in d["scale_symbols"]:
        return float(d["scale_symbols"][word])
    v = _lookup("scales", word)
    return float(v) if v is not None else None


@lru_cache(maxsize=1)
def _scale_names() -> dict[float, str]:
    """``scale_names`` keyed by value; the first name listed for a value wins."""
    names: dict[float, str] = {}
    for key, name in _data()["scale_names"].items():
        names.setdefault(float(key), name)
    return names


def _scale_name(mult: float) -> str:
    return _scale_names().get(mult, f"{mult:g}")


def _tidy(x: float) -> float:
    """Drop binary noise from scaling (0.3 * 1e12) while keeping 12 significant digits."""
    if x == 0 or not math.isfinite(x):
        return x
    return float(f"{x:.12g}")


_PARSE_SCI = re.compile(
    rf"^(?P<m>{NUM})\s*[x×*]\s*10\s*(?:(?:\^|\*\*)\s*(?P<e>[+\-]?[0-9]{{1,3}})|(?P<s>[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]{{1,4}}))$"
)
_PARSE_POW = re.compile(r"^(?P<b>[0-9]+)\s*\^\s*(?P<e>[0-9]{1,3})$")
_PARSE_ARABIC = re.compile(rf"^(?P<sign>[+\-])?(?P<num>{NUM})\s*(?P<scale>\S.*)?$")
_PARSE_CN = re.compile(f"^{CN_NUM}$")


def parse_number(s: str) -> float | None:
    """Value of a number as written: "4.12", "3,294", "一百四十亿", "４．１２", "1.5 × 10^14",
    "4.12万亿", "2.8 trillion", "twenty-five". None when it is not a number."""
    t = normalize_for_matching(s).strip()
    if not t:
        return None
    m = _PARSE_SCI.match(t)
    if m:
        exp = m["e"] if m["e"] is not None else m["s"].translate(SUPERSCRIPTS)
        return _tidy(float(m["m"].replace(",", "")) * 10.0 ** int(exp))
    m = _PARSE_POW.match(t)
    if m:
        return _tidy(float(m["b"]) ** int(m["e"]))
    m = _PARSE_ARABIC.match(t)
    if m:
        value = float(m["num"].replace(",", ""))
        if m["scale"]:
            mult = _scale_value(m["scale"].strip())
            if mult is None:
                return None
            value *= mult
        return _tidy(-value if m["sign"] == "-" else value)
    if _PARSE_CN.match(t):
        v = _parse_chinese(t)
        return _tidy(v) if v is not None else None
    return _parse_english(t)


def _decimals(num: str) -> int:
    _, dot, frac = num.partition(".")
    return len(frac) if dot else 0


# --------------------------------------------------------------------------------------------
# Context around a number
# --------------------------------------------------------------------------------------------

_LEFT_WINDOW = 48
_OF_WINDOW = 64  # "不到 X（X's figure）的N分之一": how far back a hedge may govern "X的N倍"


@dataclass
class _Context:
    """What the words before and after a number say about it."""

    start: int
    qualifier: str = "exact"
    change: str | None = None
    basis: str | None = None
    direction: str | None = None
    price_base: int | None = None
    # "约为前者的26.7倍": a hedge that reaches over "X的" but only governs a multiple
    multiple_qualifier: str | None = None


@dataclass
class _Read:
    """A number read so far: value, unit and the facts gathered around it."""

    start: int
    end: int
    value: float
    unit: str = ""
    qualifier: str = "exact"
    decimals: int = 0
    attrs: dict[str, Any] = field(default_factory=dict)


@cache
def _group_index(name: str) -> dict[str, str]:
    """Word -> group name for the units.json groups ``name`` (``{group: [words]}``), words
    compared as ``_phrase_key``; a word listed in two groups belongs to the first."""
    index: dict[str, str] = {}
    for group, words in _data()[name].items():
        for w in words:
            index.setdefault(_phrase_key(w), group)
    return index


def _group_of(name: str, phrase: str) -> str | None:
    """The group of the units.json groups ``name`` that lists ``phrase``, or None."""
    return _group_index(name).get(_phrase_key(phrase))


def _phrasal_up(norm: str, up_start: int) -> bool:
    """Whether the "up" at ``up_start`` ends a verb of its own ("make up", "took up")."""
    words = norm[max(0, up_start - 12) : up_start].split()
    return bool(words) and words[-1].lower() in _data()["up_not_a_change_after"]


def _read_left(norm: str, start: int) -> _Context:
    p = _patterns()
    lo = max(0, start - _LEFT_WINDOW)
    before = norm[lo:start][::-1]
    m = p.left.match(before)
    ctx = _Context(start=start)

    def word(name: str) -> str:
        return (m[name] or "")[::-1] if m else ""

    def orig_start(name: str) -> int:
        return start - m.end(name) if m else start

    if m is None or m.end() == 0:
        if before[:1] == "的":
            zh = p.zh_of_qual.match(norm[max(0, start - _OF_WINDOW) : start][::-1])
            if zh:
                ctx.multiple_qualifier = _group_of("qualifiers_before", zh["q"][::-1])
        return ctx
    direction = word("dir") or word("dir2")
    if direction:
        ctx.direction = _group_of("directions", direction)
    if m["pb"]:
        ctx.price_base = int(_group_of("price_bases", word("pb")) or 0) or None
    if m["basis"]:
        ctx.basis = _group_of("basis_hints", word("basis"))
    chg, ft, qual = word("chg"), (word("ft") or word("ft2")).lower(), word("qual")
    if chg.lower() == "up" and _phrasal_up(norm, orig_start("chg")):
        chg = ""  # "Chinese models make up 40% of volume": a part, not a rise
    if chg.lower() == "up" and ft == "to":
        qual, chg, ft = "up to", "", ""
        ctx.qualifier = "at_most"
        ctx.start = orig_start("chg")
    if ft in ("from", "由", "从"):
        ctx.change = "from"
    elif chg:
        kind = _group_of("changes_before", chg)
        level = qual.lower() in _data()["level_bounds"]  # "fell below 20%": a level reached
        ctx.change = "to" if ft in ("to", "至", "到") or level else kind
    elif ft in ("to", "至", "到"):
        ctx.change = "to?"  # only a "to" when the previous figure was a "from"
    if m["qual"]:
        ctx.qualifier = _group_of("qualifiers_before", qual) or "exact"
        ctx.start = orig_start("qual")
    if m["pbase"]:
        ctx.start = orig_start("pbase")
    return ctx


def _read_right(norm: str, r: _Read, ctx: _Context) -> None:
    """Trailing hedges, directions, bases of comparison and change nouns."""
    p = _patterns()
    m = p.qual_after.match(norm, r.end)
    if m and not (m["qa"] == "+" and norm[m.end() : m.end() + 1].isdigit()):
        r.qualifier = _group_of("qualifiers_after", m["qa"]) or r.qualifier
        r.end = m.end()
    m = p.dir_after.match(norm, r.end)
    if m:
        if m["d3"] is None:
            ctx.direction = ctx.direction or _group_of("directions", m["d1"] or m["d2"])
        elif r.attrs.get("currency"):
            ctx.direction = ctx.direction or _group_of("directions_short_after", m["d3"])
    m = p.basis_after.match(norm, r.end)
    if m:
        ctx.basis = ctx.basis or _group_of("basis_hints", m["basis"])
    m = p.change_after.match(norm, r.end)
    if m and ctx.change is None:
        ctx.change = _group_of("changes_after", m["ca"])
    elif ctx.change is None:
        m = p.comparison_after.match(norm, r.end)
        if m:
            r.attrs["comparison"] = " ".join(m["cmp"].lower().split())


def _finish(text: str, r: _Read, ctx: _Context) -> Figure:
    if ctx.qualifier != "exact" and r.qualifier == "exact":
        r.qualifier = ctx.qualifier
    if ctx.multiple_qualifier and r.unit == "x" and r.qualifier == "exact":
        r.qualifier = ctx.multiple_qualifier
    start = min(r.start, ctx.start)
    attrs = dict(r.attrs)
    change = ctx.change
    if change == "to?":
        change = None
    if change:
        attrs.setdefault("change", change)
    if attrs.get("fraction") and attrs.get("change") in ("increase", "decrease"):
        # "fell by a third", "rose by a quarter": a change of 33.3 % / 25 %, not a multiple
        del attrs["fraction"]
        r.value, r.unit = r.value * 100, "%"
    if attrs.get("change") == "decrease" and r.unit == "%" and r.value > 0:
        r.value = -r.value
    if ctx.basis:
        attrs["basis_hint"] = ctx.basis
    if ctx.direction and (r.unit.endswith("tokens") and "/" in r.unit or "currency" in attrs):
        attrs.setdefault("direction", ctx.direction)
    return Figure(
        start=start,
        end=r.end,
        text=text[start : r.end],
        value=_tidy(r.value),
        unit=r.unit,
        qualifier=r.qualifier,
        attributes=attrs,
        decimals=r.decimals,
    )


# --------------------------------------------------------------------------------------------
# Units after a number
# --------------------------------------------------------------------------------------------


def _price_from_base(norm: str, r: _Read, currency: str, pos: int) -> bool:
    """Turn a money amount into a per-1M-token price when a base follows at ``pos``."""
    p = _patterns()
    m = p.price_base.match(norm, pos)
    if not m:
        return False
    after = (m["after"] or "").strip().lower()
    if m["tok"] is None:
        bare_ok = m["slash"] is not None or (m["conn"] or "").lower() == "per"
        if not bare_ok or (
            after and after not in ("for", "and", "or", "in", "out", "on", "at", "vs")
        ):
            return False
    base = int(_group_of("price_bases", m["base"]) or 0)
    if not base:
        return False
    r.value = r.value * 1e6 / base
    r.unit = f"{currency}/1M tokens"
    r.attrs.update({"currency": currency, "per_tokens": base})
    if m["bdir"]:
        r.attrs["direction"] = _group_of("directions", m["bdir"])
    r.end = m.end("tok") if m["tok"] else (m.end("bdir") if m["bdir"] else m.end("base"))
    return True


def _read_money(norm: str, r: _Read, currency: str, ctx: _Context) -> None:
    r.unit = currency
    r.attrs["currency"] = currency
    conversion = _patterns().conversion.match(norm, r.end)
    if conversion:
        # "4 yuan ($0.55) per million tokens": the conversion is the outlet's arithmetic, not
        # another figure to check; the figure spans it, and its base may follow it
        r.end = conversion.end()
    if _price_from_base(norm, r, currency, r.end):
        return
    if ctx.price_base:
        r.value = r.value * 1e6 / ctx.price_base
        r.unit = f"{currency}/1M tokens"
        r.attrs["per_tokens"] = ctx.price_base
        return
    if r.attrs.get("scaled"):
        return
    p = _patterns()
    stop = p.clause_end.search(norm, r.end, r.end + 80)
    limit = stop.start() if stop else min(len(norm), r.end + 80)
    ahead = p.price_base_ahead.search(norm, r.end, limit)
    if ahead:
        base = int(_group_of("price_bases", ahead["base"]) or 0)
        if base:
            r.value = r.value * 1e6 / base
            r.unit = f"{currency}/1M tokens"
            r.attrs.update({"per_tokens": base, "base_inferred": True})


def _read_unit(norm: str, r: _Read, currency: str | None, ctx: _Context, scaled: bool) -> bool:
    """Read the unit after the number into ``r``; False when the number is not a figure."""
    p = _patterns()
    if scaled:
        r.attrs["scaled"] = True
    m = p.plus_after.match(norm, r.end)
    if m:
        r.qualifier = "at_least"
        r.end = m.end()
    sub = p.currency_subunit.match(norm, r.end) if currency is None else None
    if sub:
        currency, factor = _lookup("currency_subunits", sub["sub"])
        r.value *= factor
        r.end = sub.end()
    if currency is None:
        m = p.currency_suffix.match(norm, r.end)
        if m:
            currency = _lookup("currency_suffixes", m["cur"])
            r.end = m.end()
    elif (m := p.currency_suffix.match(norm, r.end)) is not None:
        r.end = m.end()
    if currency:
        _read_money(norm, r, currency, ctx)
        return True
    m = p.points.match(norm, r.end)
    if m:
        r.unit, r.end = "%", m.end()
        r.attrs["percentage_points"] = True
        return True
    m = p.percent.match(norm, r.end)
    if m:
        r.unit, r.end = "%", m.end()
        return True
    m = p.multiple.match(norm, r.end)
    if m:
        if scaled and "times" in m.group().lower():
            r.unit, r.end = "count", m.end()  # "downloaded 700 million times": events
            r.attrs["noun"] = "times"
            return True
        r.unit, r.end = "x", m.end()
        if m["xmore"] and r.qualifier == "exact":
            r.qualifier = "at_least"  # "30多倍": thirty-odd times
        return True
    m = p.tokens.match(norm, r.end)
    if m:
        r.unit, r.end = "tokens", m.end()
        return True
    m = p.furniture.match(norm, r.end)
    if m and not scaled:
        return False
    m = p.time_unit.match(norm, r.end)
    if m:
        if m["sep"] == "-":
            return False  # "15-year plan", "one-week interruption": an adjective
        r.unit = _group_of("time_units", m["unit"]) or ""
        r.end = m.end()
        if r.unit in _STREAK_UNITS and _led_for(norm, r.start):
            r.attrs["streak"] = True  # "have led global token usage for five weeks"
        return True
    if norm[r.end : r.end + 1].isascii() and norm[r.end : r.end + 1].isalpha():
        return False  # glued letters: "4o", "1China", "9th", "5G"
    m = _count_phrase().match(norm, r.end)
    if m:
        r.unit = "count"
        r.attrs["noun"] = m["noun"]
        return True
    m = p.classifier.match(norm, r.end)
    if m:
        r.unit = "count"
        r.attrs["noun"] = m.group().strip()
        return True
    m = p.noun.match(norm, r.end)
    if m and m["noun"].lower() not in _not_nouns():
        r.unit = "count"
        r.attrs["noun"] = m["noun"]
        return True
    return True


@lru_cache(maxsize=1)
def _half_forms() -> tuple[re.Pattern[str], dict[str, str], tuple[str, ...]]:
    """The half-forms pattern, form -> qualifier, and the words one of which every form
    contains (a cheap ``in`` test that skips the regex scan on almost every text)."""
    forms: dict[str, str] = {}
    for qualifier, words in _data()["half_forms"].items():
        forms.update({" ".join(w.split()).lower(): qualifier for w in words})
    latin = [w for w in forms if w[:1].isascii()]
    cjk = [w for w in forms if not w[:1].isascii()]
    markers: tuple[str, ...] = ("half", "半")
    if not all(any(k in w for k in markers) for w in forms):
        markers = ("",)  # a form without either word: no shortcut, always scan
    return (
        re.compile(
            # "nearly half of calls", "Americans accounted for nearly half."
            rf"(?P<en>{_alt(latin)})(?=\s+(?i:of|the|its|their)\b|\s*[,.;:)]|\s*$)"
            rf"|(?P<zh>{_alt(cjk)})"
            r"(?!\s*[(（]\s*[约~≈]?\s*[0-9])"  # "快一半（47%左右）": the percent says it
        ),
        forms,
        markers,
    )


def _halves(text: str, norm: str, figures: list[Figure]) -> list[Figure]:
    """'more than half of calls', '超过一半的调用' -> 50 %, with the hedge as qualifier."""
    pattern, forms, markers = _half_forms()
    lowered = norm.lower()
    if not any(k in lowered for k in markers):
        return figures
    found = [
        Figure(
            m.start(), m.end(), text[m.start() : m.end()], 50.0, "%",
            qualifier=forms[" ".join(m.group().split()).lower()], attributes={"half": True},
        )
        for m in pattern.finditer(norm)
    ]
    if not found:
        return figures
    starts = [f.start for f in figures]
    merged = list(figures)
    for fig in found:
        i = bisect.bisect_right(starts, fig.start)
        if (i > 0 and figures[i - 1].end > fig.start) or (
            i < len(figures) and figures[i].start < fig.end
        ):
            continue
        merged.append(fig)
    return sorted(merged, key=lambda f: f.start)


@lru_cache(maxsize=1)
def _count_phrase() -> re.Pattern[str]:
    return re.compile(r"[ ]?(?P<noun>" + _alt(_data()["count_phrases"]) + r")(?![A-Za-z])")


@lru_cache(maxsize=1)
def _not_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in _data()["not_nouns"])


def _is_bare_noise(norm: str, r: _Read, num: str, sign: str) -> bool:
    """Years, versions, list numbering and small integers that carry no unit."""
    p = _patterns()
    if r.unit not in ("", "count"):
        return False
    if abs(r.value) < 10 and not sign:
        return True
    plain = num.isdigit()
    if plain and len(num) == 4 and 1900 <= int(num) <= 2100 and not sign:
        return True
    lo = max(0, r.start - 40)
    after = norm[r.end : r.end + 1]
    if after and after in ".)、" and plain and p.list_number.search(norm, lo, r.start):
        return True
    m = p.prev_word.search(norm, lo, r.start)
    if m and not sign:
        w = m["w"]
        stop = {x.lower() for x in _data()["version_prefix_stopwords"]}
        if (w[0].isupper() or any(c.isdigit() for c in w)) and w.lower().rstrip(".") not in stop:
            return True
    return False


# --------------------------------------------------------------------------------------------
# Handlers, one per master-regex group
# --------------------------------------------------------------------------------------------

@dataclass
class _State:
    figures: list[Figure] = field(default_factory=list)


def _emit(st: _State, fig: Figure) -> None:
    if st.figures and fig.start < st.figures[-1].end:
        prev_end = st.figures[-1].end
        if fig.end <= prev_end or not fig.text[prev_end - fig.start :].strip():
            return  # keep the output non-overlapping; the earlier figure wins
        # a hedge word read into the previous figure's span: keep the number, trim the span
        fig = replace(fig, start=prev_end, text=fig.text[prev_end - fig.start :])
    st.figures.append(fig)


def _simple(text: str, start: int, end: int, value: float, unit: str, **attrs: Any) -> Figure:
    return Figure(start=start, end=end, text=text[start:end], value=value, unit=unit,
                  attributes=dict(attrs))


def _h_split(text: str, norm: str, m: re.Match[str], st: _State) -> int:
    """'a 61/39 split': the two parts as shares, marked with their order (``split``)."""
    a, b = float(m["sa"]), float(m["sb"])
    if abs(a + b - 100) <= 1:
        _emit(st, _simple(text, m.start("sa"), m.end("sa"), a, "%", split=1))
        _emit(st, _simple(text, m.start("sb"), m.end(), b, "%", split=2))
    return m.end()


def _skip(text: str, norm: str, m: re.Match[str], st: _State) -> int:
    return m.end()


def _h_rankno(text: str, norm: str, m: re.Match[str], st: _State) -> int:
    raw = m["rankno"]
    if m.group().startswith("#"):
        prev = norm[max(0, m.start() - 12) : m.start()].split()
        if prev and prev[-1].lower().rstrip(".") in _data()["rank_hash_not_after"]:
            return m.end()
    value = 1.0 if raw.lower() == "one" else float(raw)
    _emit(st, _simple(text, m.start(), m.end(), value, "rank"))
    return m.end()


def _h_rankverb(text: str, norm: str, m: re.Match[str], st: _State) -> int:
    raw = m["rvord"]
    value = _ordinal_value(raw)
    if value is None:
        return m.start() + 1
    _emit(st, _simple(text, m.start(), m.end(), value, "rank"))
    return m.end()


def _ordinal_value(raw: str) -> float | None:
    digits = re.match(r"[0-9]+", raw)
    if digits:
        return float(digits.group())
    v = _lookup("english_ordinals", raw)
    return float(v) if v is not None else None


def _h_ordonly(text: str, norm: str, m: re.Match[str], st: _State) -> int:
    value = _ordinal_value(m["oword"] or m["pord"])
    if value is not None:
        _emit(st, _simple(text, m.start(), m.end(), value, "rank"))
    return m.end()


def _h_topped(text: str, norm: str, m: re.Match[str], st: _State) -> int:
    _emit(st, _simple(text, m.start("tverb"), m.end("tverb"), 1.0, "rank", topped=True))
    return m.end("tverb")


# "one of the most-used models", "among the most popular", "调用量最高的模型之一": not the one
_ONE_OF_BEFORE = re.compile(r"(?:\bone|\bsome|\bamong)\s+(?:of\s+)?(?:the\s+)?(?:single\s+)?$")
_ONE_OF_AFTER = re.compile(r"\s*之一")


def _h_topplace(text: str, norm: str, m: re.Match[str], st: _State) -> int:
    if _patterns().place_lost.search(norm, max(0, m.start() - 30), m.start()):
        return m.end()
    if (m["mostused"] or m["mostusedzh"]) and (
        _ONE_OF_BEFORE.search(norm, max(0, m.start() - 20), m.start())
        or _ONE_OF_AFTER.match(norm, m.end())
    ):
        return m.end()
    # "the most popular Chinese model": first among Chinese models, not on the whole chart
    among = (m["among"] or "").strip().lower() or (m["amongzh"] or "").strip()
    attrs = {"among": f"{among} models" if m["among"] else f"{among}模型"} if among else {}
    _emit(st, _simple(text, m.start(), m.end(), 2.0 if m["second"] else 1.0, "rank", **attrs))
    return m.end()


def _h_led(text: str, norm: str, m: re.Match[str], st: _State) -> int:
    _emit(st, _simple(text, m.start(), m.end(), 1.0, "rank", topped=True))
    return m.end()


def _h_rankone(text: str, norm: str, m: re.Match[str], st: _State) -> int:
    _emit(st, _simple(text, m.start(), m.end(), 1.0, "rank", topped=True))
    return m.end()


def _small_number(raw: str) -> float | None:
    raw = raw.strip()
    if raw.isdigit():
        return float(raw)
    if raw[:1] in _CN_DIGIT_CHARS + "十百":
        return _parse_chinese(raw)
    return _parse_english(raw)


def _h_top(text: str, norm: str, m: re.Match[str], st: _State) -> int:
    value = _small_number(m["topn"] or m["topm"])
    if value:
        _emit(st, _simple(text, m.start(), m.end(), value, "top"))
    return m.end()


def _h_streak(text: str, norm: str, m: re.Match[str], st: _State) -> int:
    if m["scn"]:
        value = _small_number(m["scn"])
        unit = _group_of("time_units", m["scnu"]) or "weeks"
        if m["scnu"] == "日":
            unit = "days"
    elif m["sord"]:
        value = _ordinal_value(m["sord"])
        unit = _group_of("time_units", m["su1"] or m["su2"]) or "weeks"
    elif m["sord2"]:
        value = _ordinal_value(m["sord2"])
        unit = _lookup("streak_adjectives", m["su5"]) or "weeks"
    elif m["scount"]:
        value = _small_number(m["scount"])
        unit = _group_of("time_units", m["su3"] or m["su4"]) or "weeks"
    elif m["sord3"]:
        article = norm.rindex(" ", 0, m.start() - 1) + 1  # "a" / "the" before the ordinal
        if not _streak_lead().search(norm, max(0, article - _STREAK_REACH), article):
            return m.end()  # "for a second week" alone: "again", not a run
        value = _ordinal_value(m["sord3"])
        unit = _group_of("time_units", m["su8"]) or "weeks"
    else:
        return _ended_streak(text, norm, m, st)
    if value:
        _emit(st, _simple(text, m.start(), m.end(), value, unit, streak=True))
    return m.end()


def _ended_streak(text: str, norm: str, m: re.Match[str], st: _State) -> int:
    """'ending a six-week run at No. 1', 'lost the top spot after six weeks': a streak that
    ended before the period the sentence is about (``ended``). 'after six weeks' alone is a
    span of time: only after a lost place (units.json rank_place_lost), or a fall from a top
    place ('slipped to No. 3 after four weeks at the top'), is it a run."""
    p = _patterns()
    before = norm[max(0, m.start() - _RUN_LOST_REACH) : m.start()]
    if m["acount"] and not (p.run_lost.search(before)
                            or (m["atop"] and p.run_dropped.search(before))):
        return m.end()
    ended = bool(m["acount"]) or bool(p.run_ended.search(before))
    value = _small_number(m["ecount"] or m["acount"])
    unit = _group_of("time_units", m["su6"] or m["su7"]) or "weeks"
    if value:
        attrs = {"streak": True, "ended": True} if ended else {"streak": True}
        _emit(st, _simple(text, m.start(), m.end(), value, unit, **attrs))
    return m.end()


_RUN_LOST_REACH = 50  # "lost the top spot to Claude Sonnet 4.6 after six weeks"


def _h_ranklistcn(text: str, norm: str, m: re.Match[str], st: _State) -> int:
    for group in ("rl1", "rl2", "rl3"):
        if m[group]:
            value = _small_number(m[group].lstrip("第").strip())
            if value:
                _emit(st, _simple(text, m.start(group), m.end(group), value, "rank"))
    return m.end()


def _h_rankcn(text: str, norm: str, m: re.Match[str], st: _State) -> int:
    after = norm[m.end() : m.end() + 3]
    stops = _data()["ordinal_not_rank_zh"]
    if not (m["rksuf"] or m["rkpre"]) and any(after.startswith(s) for s in stops):
        return m.end()
    value = _small_number(m["rkn"])
    if value:
        start = m.start("rkpre") if m["rkpre"] else m.start()
        _emit(st, _simple(text, start, m.end(), value, "rank"))
    return m.end()


def _h_topcn(text: str, norm: str, m: re.Match[str], st: _State) -> int:
    after = norm[m.end() : m.end() + 2]
    if m["tcn"] and not m["tcnsuf"] and any(
        after.startswith(s) for s in _data()["top_not_followed_zh"]
    ):
        return m.end()
    value = _small_number(m["tcn"] or m["tmost"])
    if value:
        _emit(st, _simple(text, m.start(), m.end(), value, "top"))
    return m.end()


def _h_frac(text: str, norm: str, m: re.Match[str], st: _State) -> int:
    p = _patterns()
    hyphenated = "-" in m["fsep"]
    if not hyphenated and not p.fraction_follow.match(norm, m.end()):
        return m.start() + 1
    num = 1.0 if m["fnum"].lower() in ("a", "an") else _parse_english(m["fnum"])
    den_word = m["fden"].lower()
    den = _lookup("english_fraction_denominators", den_word)
    if den is None:
        den = _lookup("english_ordinals", den_word.removesuffix("s"))
    if not num or not den:
        return m.end()
    r = _Read(start=m.start(), end=m.end(), value=num / den, unit="x")
    return _fraction(text, norm, st, r, _read_left(norm, m.start()))


def _h_byhalf(text: str, norm: str, m: re.Match[str], st: _State) -> int:
    ctx = _read_left(norm, m.start("bhalf"))
    if ctx.change not in ("increase", "decrease"):
        # "cut its API prices in half": the verb a few words back
        if not _patterns().run_dropped.search(norm, max(0, m.start() - 40), m.start()):
            return m.end()
        ctx.change = "decrease"
    r = _Read(start=m.start("bhalf"), end=m.end(), value=50.0, unit="%")
    _read_right(norm, r, ctx)
    _emit(st, _finish(text, r, ctx))
    return r.end


def _h_onein(text: str, norm: str, m: re.Match[str], st: _State) -> int:
    num, den = (_small_number(m[k]) for k in ("inum", "iden"))
    if num is None or den is None or not 0 < num < den:
        return m.end()
    r = _Read(start=m.start(), end=m.end(), value=num / den, unit="x")
    return _fraction(text, norm, st, r, _read_left(norm, m.start()))


def _fraction(text: str, norm: str, st: _State, r: _Read, ctx: _Context) -> int:
    """Emit a fraction read as a multiple, marked so: claim assembly may make it a share."""
    r.attrs["fraction"] = True
    _read_right(norm, r, ctx)
    _emit(st, _finish(text, r, ctx))
    return r.end


def _h_mult(text: str, norm: str, m: re.Match[str], st: _State) -> int:
    p = _patterns()
    if m["factor"]:
        raw = m["factor"]
        factor = parse_number(raw) if raw[0].isdigit() else _small_number(raw)
        if not factor:
            return m.end()
        ctx = _read_left(norm, m.start())
        r = _Read(start=m.start(), end=m.end(), value=factor, unit="x")
        r.decimals = _decimals(raw)
        if m["fqual"]:
            r.qualifier = "approx"
        _read_right(norm, r, ctx)
        _emit(st, _finish(text, r, ctx))
        return r.end
    if p.mult_not_before.match(norm, m.end()):
        return m.end()
    word = _lookup("multiplier_words", m.group())
    if word is None:
        return m.end()  # matched only by case folding ("doubleſ"): no word of the list
    value = float(word)
    ctx = _read_left(norm, m.start())
    r = _Read(start=m.start(), end=m.end(), value=value, unit="x")
    r.attrs["change"] = "increase" if value > 1 else "decrease"
    _read_right(norm, r, ctx)
    _emit(st, _finish(text, r, ctx))
    return r.end


def _h_fraccn(text: str, norm: str, m: re.Match[str], st: _State) -> int:
    if m["zhe"]:
        raw = m["zhe"]
        # "八五折" is 85 % of the price, "五折" 50 %, "2.5折" 25 %
        tenths = (float(raw) if raw[0].isdigit() else
                  sum((parse_number(c) or 0) * 10 ** -i for i, c in enumerate(raw)))
        ctx = _read_left(norm, m.start())
        r = _Read(start=m.start(), end=m.end(), value=-round(100 - tenths * 10, 6), unit="%")
        r.attrs["change"] = "decrease"
        _read_right(norm, r, ctx)
        _emit(st, _finish(text, r, ctx))
        return r.end
    if m["tenths"]:
        ctx = _read_left(norm, m.start())
        r = _Read(start=m.start(), end=m.end(), value=(parse_number(m["tenths"]) or 0) * 10,
                  unit="%")
        _read_right(norm, r, ctx)
        _emit(st, _finish(text, r, ctx))
        return r.end
    den = parse_number(m["cfden"])
    num = parse_number(m["cfnum"])
    if not den or num is None:
        return m.end()
    ctx = _read_left(norm, m.start())
    if den in (100.0, 1000.0):
        r = _Read(start=m.start(), end=m.end(), value=num * 100 / den, unit="%")
    else:
        r = _Read(start=m.start(), end=m.end(), value=num / den, unit="x")
        r.attrs["fraction"] = True
    r.decimals = _decimals(m["cfnum"])
    _read_right(norm, r, ctx)
    _emit(st, _finish(text, r, ctx))
    return r.end


def _sign_is_valid(norm: str, sign_pos: int) -> bool:
    """'-' is a minus only when no word or digit sits right before it (not "GLM-5", "GLM - 5")."""
    if norm[sign_pos] == "+":
        return True
    j = sign_pos - 1
    while j >= 0 and norm[j] == " ":
        j -= 1
    return j < 0 or not (norm[j].isalnum() or norm[j] in "_.")


def _paired_volume(norm: str, start: int, st: _State) -> bool:
    """'4.12T/2.94T tokens': a volume after a slash that follows another scaled volume is the
    second of a pair, not the base of a price ('$2/1M tokens')."""
    if not st.figures:
        return False
    before = st.figures[-1]
    volume = before.unit == "tokens" or (before.unit == "" and "scale" in before.attributes)
    return volume and not norm[before.end : start].replace("/", "").strip()


def _glued_to_name(norm: str, start: int) -> bool:
    """A number hyphenated onto a word ("Zeta-9B"): part of a name, not a figure."""
    return start >= 2 and norm[start - 1] == "-" and norm[start - 2].isalpha()


def _h_num(text: str, norm: str, m: re.Match[str], st: _State) -> int:
    p = _patterns()
    core = p.num_core.match(norm, m.start())
    if core is None:
        return m.start() + 1
    sign = (core["sign"] or "").strip()
    start = core.start()
    if sign and not _sign_is_valid(norm, core.start("sign")):
        sign = ""
        start = core.start("cur") if core["cur"] else core.start("num")
    currency = _lookup("currency_prefixes", core["cur"].strip()) if core["cur"] else None
    num = core["num"]
    value = float(num.replace(",", ""))
    decimals = _decimals(num)
    end = core.end()
    low_high: tuple[float, float] | None = None
    scaled = False
    frac = p.fraction.match(norm, end)
    if frac and not sign and not currency and num.isdigit():
        return _read_fraction(text, norm, st, start, int(num), frac)
    sci = p.sci.match(norm, end)
    if sci:
        try:
            if sci["sci"]:
                exp = sci["exp"] if sci["exp"] is not None else sci["sup"].translate(SUPERSCRIPTS)
                value *= 10.0 ** int(exp)
            else:
                value = value ** int(sci["exp2"])
        except OverflowError:
            return m.start() + 1  # "4510^134" is noise, not a figure anyone reports
        end = sci.end()
        scaled = True
    else:
        rng = p.range_tail.match(norm, end)
        if rng and _range_ok(norm, start, num, rng):
            second = float(rng["num2"].replace(",", ""))
            low_high = (value, second)
            decimals = max(decimals, _decimals(rng["num2"]))
            end = rng.end()
    scale_name = ""
    sc = p.scale.match(norm, end)
    qualifier = "exact"
    if sc and sc["sym"] and not sign and not currency and _glued_to_name(norm, start):
        return sc.end()  # "Zeta-9B", "Qwen-72B", "Ling-1T": a size in a model's name
    if sc and (sc["word"] or sc["sym"] or sc["symsp"]):
        mult = _scale_value(sc["word"] or sc["sym"] or sc["symsp"])
        if mult:
            value *= mult
            if low_high:
                low_high = (low_high[0] * mult, low_high[1] * mult)
            end = sc.end()
            scaled = True
            if sc["cnmod"]:
                qualifier = "at_least"
            scale_name = _scale_name(mult)
    r = _Read(start=start, end=end, value=value, qualifier=qualifier, decimals=decimals)
    if low_high:
        r.value = (low_high[0] + low_high[1]) / 2
        r.attrs.update({"low": _tidy(low_high[0]), "high": _tidy(low_high[1])})
        r.qualifier = "approx"
    if sign == "+":
        r.attrs["change"] = "increase"
    elif sign == "-":
        r.value = -r.value
        r.attrs["change"] = "decrease"
    ctx = _read_left(norm, start)
    if not _read_unit(norm, r, currency, ctx, scaled):
        return max(r.end, m.end())
    r.attrs.pop("scaled", None)
    if not scaled and not low_high and _is_bare_noise(norm, r, num, sign):
        return r.end
    if (
        r.unit == "tokens"
        and p.base_prefix.search(norm, max(0, start - 6), start)
        and not _paired_volume(norm, start, st)
    ):
        return r.end  # the base of a price written elsewhere ("per 1M tokens")
    if r.unit == "" and scale_name:
        r.attrs["scale"] = scale_name
    if r.unit in ("x", "%") or r.unit.endswith("tokens") or currency or r.unit == "":
        r.attrs.pop("noun", None)
    _read_right(norm, r, ctx)
    if ctx.change == "to?" and st.figures and st.figures[-1].attributes.get("change") == "from":
        ctx.change = "to"
    _emit(st, _finish(text, r, ctx))
    return r.end


def _read_fraction(
    text: str, norm: str, st: _State, start: int, numerator: int, frac: re.Match[str]
) -> int:
    """"1/10" is a multiple when it reads as one ("less than 1/10", "1/10 of"); "24/7" is not."""
    p = _patterns()
    den = int(frac["den"])
    if not 0 < numerator < den or (start > 0 and norm[start - 1] == "/"):
        return frac.end()
    ctx = _read_left(norm, start)
    followed = p.fraction_follow.match(norm, frac.end())
    led = p.fraction_left.search(norm, max(0, start - 10), start)
    if ctx.qualifier == "exact" and not led and not (followed and followed.group().strip()):
        return frac.end()
    r = _Read(start=start, end=frac.end(), value=numerator / den, unit="x")
    return _fraction(text, norm, st, r, ctx)


def _range_ok(norm: str, start: int, num: str, rng: re.Match[str]) -> bool:
    """A range, unless it is "from X to Y" (two figures) or a pair of years or a date."""
    lo = max(0, start - 6)
    before = norm[lo:start].lower()
    if before.rstrip().endswith(("from", "由", "从")):
        return False
    if rng["pct"] and not _patterns().percent.match(norm, rng.end()):
        return False  # "fell 3.6% to 4.31 trillion": a change and a level, not a range
    first = float(num.replace(",", ""))
    second = float(rng["num2"].replace(",", ""))
    if second <= first:
        return False
    words = norm[max(0, start - 16) : start].split()
    if (
        rng["pct"] and rng["sep"].lower() != "-" and second >= 3 * first and words
        and _group_of("changes_before", words[-1]) in ("increase", "decrease")
    ):
        # "share rose 3% to 61%": the change, then the level it reached; endpoints that close
        # ("prices may fall 20% to 30%") are a range
        return False
    both_years = num.isdigit() and rng["num2"].isdigit() and 1900 <= first <= 2100
    return not both_years


_STREAK_UNITS = frozenset({"weeks", "days", "months"})
_STREAK_REACH = 90  # how far before "for five weeks" its verb may stand


@lru_cache(maxsize=1)
def _streak_lead() -> re.Pattern[str]:
    """What stands right before the count of a span that is a streak (units.json
    streak_verbs): '<verb> ... for [the past]', no clause break between; '霸榜[了]'."""
    d = _data()
    # "led U.S. models for": an abbreviation's dot, not a sentence's end
    gap = r"(?:[^.;:!?,\n。；！？，：]|\.(?=\S)|(?<=[^A-Za-z][A-Z])\.)"
    return re.compile(
        rf"(?<![A-Za-z]){_alt(d['streak_verbs'])}(?![A-Za-z]){gap}{{0,60}}?"
        r"\s(?i:for|over)\s+(?:(?i:the)\s+(?i:past|last)\s+)?$"
        rf"|{_alt(d['streak_verbs_zh'], ignore_case=False)}\s?(?:了|已)?\s?$"
    )


def _led_for(norm: str, start: int) -> bool:
    """Whether the span of time starting at ``start`` is how long a lead lasted."""
    return _streak_lead().search(norm, max(0, start - _STREAK_REACH), start) is not None


def _h_cn(text: str, norm: str, m: re.Match[str], st: _State) -> int:
    raw = m.group()
    nxt = norm[m.end() : m.end() + 1]
    if nxt in "月日号年时点" and nxt:
        return m.end()
    if _patterns().base_prefix.search(norm, max(0, m.start() - 6), m.start()):
        return m.end()  # "每千tokens", "/百万tokens": the base of a price
    if m.start() > 0 and norm[m.start() - 1] in _data()["vague_before_zh"]:
        return m.end()  # "几十万", "数百", "上百万": vague amounts
    value = _parse_chinese(raw)
    if value is None:
        return m.end()
    has_unit_char = any(c in "十百千万亿" for c in raw)
    if raw.startswith(("万", "亿")) and not raw.startswith("万亿"):
        return m.end()
    r = _Read(start=m.start(), end=m.end(), value=value)
    if "点" in raw:
        r.decimals = len(raw.partition("点")[2].rstrip("万亿"))
    ctx = _read_left(norm, m.start())
    scaled = any(c in "万亿" for c in raw)
    if not _read_unit(norm, r, None, ctx, scaled):
        return r.end
    r.attrs.pop("scaled", None)
    money_like = r.unit in ("%", "x", "tokens") or "currency" in r.attrs
    counted = has_unit_char and len(raw) >= 2 and r.unit in ("", "count")
    if not money_like and not counted and not r.attrs.get("streak"):
        return r.end  # spelled small numbers ("三周", "千问") are not figures, but "霸榜五周"
    if r.unit in ("", "count"):
        r.unit = "count"
        r.attrs.pop("noun", None)
    _read_right(norm, r, ctx)
    _emit(st, _finish(text, r, ctx))
    return r.end


_HALF_BEFORE = re.compile(r"(?<![A-Za-z])(?i:half)\s+$")


def _h_spelled(text: str, norm: str, m: re.Match[str], st: _State) -> int:
    p = _patterns()
    if m["foldw"]:
        value = _parse_english(m["foldw"])
        if value:
            r = _Read(start=m.start(), end=m.end(), value=value, unit="x")
            ctx = _read_left(norm, m.start())
            _read_right(norm, r, ctx)
            _emit(st, _finish(text, r, ctx))
        return m.end()
    words = m["spw"]
    value = _parse_english(("a " if m.group().lower().startswith(("a ", "an ")) else "") + words)
    if value is None:
        return m.end()
    scaled = any(w in words.lower() for w in _data()["english_scales"])
    r = _Read(start=m.start(), end=m.end(), value=value)
    half = _HALF_BEFORE.search(norm, max(0, m.start() - 6), m.start())
    if scaled and half and m.group()[:2].lower() in ("a ", "an"):
        r.value, r.start = value / 2, half.start()  # "half a trillion tokens"
    ctx = _read_left(norm, m.start())
    if m["spfold"]:
        r.unit = "x"
    else:
        times = p.multiple.match(norm, r.end)
        spelled_times = times is not None and "times" in times.group().lower()
        if spelled_times and times and not p.times_ok_after.match(norm, times.end()):
            return m.end()  # "three times" as a count of events
        if not _read_unit(norm, r, None, ctx, scaled):
            return r.end
        r.attrs.pop("scaled", None)
        if r.unit not in ("x", "%") and not scaled and not r.attrs.get("streak"):
            return r.end
        if r.unit == "":
            r.unit = "count"
    _read_right(norm, r, ctx)
    _emit(st, _finish(text, r, ctx))
    return r.end


_HANDLERS: dict[str, Callable[[str, str, re.Match[str], _State], int]] = {
    "k_split": _h_split,
    "k_date": _skip,
    "k_date_cn": _skip,
    "k_rankno": _h_rankno,
    "k_rankverb": _h_rankverb,
    "k_ordonly": _h_ordonly,
    "k_topped": _h_topped,
    "k_topplace": _h_topplace,
    "k_led": _h_led,
    "k_rankone": _h_rankone,
    "k_top": _h_top,
    "k_streak": _h_streak,
    "k_ranklistcn": _h_ranklistcn,
    "k_rankcn": _h_rankcn,
    "k_topcn": _h_topcn,
    "k_onein": _h_onein,
    "k_byhalf": _h_byhalf,
    "k_frac": _h_frac,
    "k_mult": _h_mult,
    "k_fraccn": _h_fraccn,
    "k_num": _h_num,
    "k_cn": _h_cn,
    "k_spelled": _h_spelled,
}


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def rank_words() -> dict[str, list[str]]:
    """The words claim assembly reads rankings with (``rank_assembly`` in units.json)."""
    words: dict[str, list[str]] = _data()["rank_assembly"]
    return words


def ordinal_value(raw: str) -> float | None:
    """'second' -> 2, '2nd' -> 2, '二' -> 2, 'five' -> 5; None when not a small number."""
    raw = raw.strip()
    value = _ordinal_value(raw)
    if value is None and raw:
        value = _small_number(raw)
    return value


def has_figure(text: str) -> bool:
    """Cheap pre-check: could ``text`` contain a figure at all (digit, numeral, %, 倍, number
    word)? False means ``find_figures(text)`` is certainly empty."""
    p = _patterns()
    return (
        p.has_figure.search(text) is not None
        or any(w in text for w in p.has_figure_substrings)
        # " ": a word at the very start follows a non-letter too
        or p.has_figure_latin.search(" " + text) is not None
    )


def find_figures(text: str) -> list[Figure]:
    """Every figure in ``text``, in text order, non-overlapping, offsets into ``text``."""
    norm = normalize_for_matching(text)
    master = _patterns().master
    st = _State()
    pos = 0
    while True:
        m = master.search(norm, pos)
        if m is None:
            break
        kind = m.lastgroup or ""
        nxt = _HANDLERS[kind](text, norm, m, st)
        pos = max(nxt, m.start() + 1)
    return _halves(text, norm, _paired_directions(norm, st.figures))


def _paired_directions(norm: str, figures: list[Figure]) -> list[Figure]:
    """'$0.28/$0.42 per million input/output tokens': each price of a slash pair takes its own
    direction of the pair named after them (the second read only the first)."""
    p = _patterns()
    out = list(figures)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if "currency" not in a.attributes or not b.unit.endswith("/1M tokens"):
            continue
        if norm[a.end : b.start].strip() != "/":
            continue
        named = p.paired_directions.search(norm, b.start, b.end + 30)
        if named is None or norm[b.end : named.start()].strip(" (（"):
            continue
        first, second = (_group_of("directions", named[k]) for k in ("first", "second"))
        out[i - 1] = replace(a, attributes={**a.attributes, "direction": first})
        out[i] = replace(b, attributes={**b.attributes, "direction": second})
    return out
