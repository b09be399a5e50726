"""Claim assembly: a figure + the subject it is about + the period it covers -> a typed Claim.

The recognizers (numbers, entities, periods) say what is written; this module decides what it
means in its sentence: which kind of claim a figure makes, which subject it belongs to (the
nearest one in its clause, the one it is "of"/"for", a coordinated list, or the previous
sentence's subject for anaphora), which period applies, and the kind-specific attributes.

A few of those decisions, each with test rows:
- a bare number counts what the measure named right before it in its clause measures
  ("日均Token调用量已经超过一百四十亿": tokens; cues.json measure_heads);
- a span of time right before a change's verb is its basis ("两年涨了1000倍": 730 days);
- "两年前" / "two years ago" dates only the figures of its own stretch of the sentence;
- the figure a change starts from ("a 1,000-fold increase in two years, from just 140
  million") holds for the change's period moved back by the change's basis.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import Any

from claimcheck.extract.entities import entity, resolve_subject
from claimcheck.extract.literals import first_char_class, phrase_alternation
from claimcheck.extract.numbers import ordinal_value, rank_words
from claimcheck.extract.periods import (
    granularity_cues,
    hedge_phrases,
    period_assembly_words,
    shifted_back,
)
from claimcheck.extract.sentences import CORPORA, Sentence, cues, within
from claimcheck.extract.types import Figure, PeriodMention, SubjectMention
from claimcheck.models import Claim, ClaimKind, Granularity, Period, Qualifier

_CURRENCIES = frozenset({"USD", "CNY", "EUR", "GBP", "JPY", "HKD"})
_PER_MILLION = 1_000_000
_QUOTE_LIMIT = 400


@dataclass(frozen=True)
class PriceColumn:
    """What a table header says the bare numbers under it are: currency, base, direction."""

    currency: str
    per_tokens: int
    direction: str | None = None
    order: tuple[str, ...] = ()  # "input / output" in a block header: the row's numbers in order


@dataclass
class ArticleState:
    """What assembly remembers while it walks an article's sentences in order."""

    article_id: str
    text: str
    published: dt.date | None
    subjects: list[SubjectMention]
    periods: list[PeriodMention]
    platform: str | None = None  # the platform the article reports on (OpenRouter...)
    paragraph: int = -1
    last_subject: SubjectMention | None = None
    last_subject_sentence: int = -10  # end offset of the sentence that named last_subject
    last_sentence_subjects: list[SubjectMention] = field(default_factory=list)
    last_period: PeriodMention | None = None  # for table rows under a dated heading
    seen: list[SubjectMention] = field(default_factory=list)  # subjects of sentences so far
    paragraph_start: int = 0  # where the current paragraph starts
    token_words: list[int] | None = None  # where the article says "tokens" (for bare figures)
    paragraph_period: PeriodMention | None = None
    # a dated heading line without figures ("List prices (as of 11 March)") dates the block of
    # lines right under it, prices included
    heading_period: PeriodMention | None = None
    heading_paragraph: int = -10  # the heading's paragraph, then the last row's under it
    heading_rows: bool = False
    price_base: float | None = None  # per-token base of the paragraph's last price
    direction: str | None = None  # price direction in force in the paragraph
    # a price table: what its header said about each column (pipe tables, by cell index) or
    # about the whole block ("Global comparators (USD per 1K tokens)"), for bare cell numbers
    table_columns: dict[int, PriceColumn] | None = None
    table_default: PriceColumn | None = None
    table_paragraph: int = -10  # the header's paragraph, then the last row's
    table_rows: bool = False
    claims: list[Claim] = field(default_factory=list)


@dataclass(frozen=True)
class _Ctx:
    sentence: Sentence
    subjects: list[SubjectMention]  # in the sentence, sources removed
    periods: list[PeriodMention]  # in the sentence
    text: str
    breaks: list[tuple[int, int]] = field(default_factory=list)  # clause breaks, in order
    # facts about the whole sentence, computed once: a long sentence with many figures must
    # not be rescanned for each of them
    memo: dict[str, Any] = field(default_factory=dict)

    def once(self, key: str, compute: Callable[[str], Any]) -> Any:
        if key not in self.memo:
            self.memo[key] = compute(self.text[self.sentence.start : self.sentence.end])
        return self.memo[key]


def _words_regex(words: list[str]) -> str:
    """A trie of cue words for a case-insensitive pattern: Latin letters and digits at a word's
    edges don't run on into a longer word ("led" is not in "misled"); Chinese, spaces and
    punctuation (" while ", ";") are matched as written."""
    lowered = [w.lower() for w in words]
    return phrase_alternation(lowered, word_bounds=True, neighbours=r"[\w-]", digit_edges=True)


@cache
def _cue_regex(key: str, subkey: str | None = None) -> re.Pattern[str]:
    """One regex for a cue list, behind a first-character test."""
    words = cues()[key][subkey] if subkey else cues()[key]
    return re.compile(f"(?={first_char_class(words)}){_words_regex(words)}", re.IGNORECASE)


def _has_cue(text: str, key: str, subkey: str | None = None) -> bool:
    return bool(_cue_regex(key, subkey).search(text))


def _last_cue(text: str, key: str, subkey: str | None = None) -> int:
    """End offset of the last cue of ``key`` in text, -1 if none."""
    last = -1
    for m in _cue_regex(key, subkey).finditer(text):
        last = m.end()
    return last


# -- subjects ----------------------------------------------------------------------------


_SOURCE_AFTER = re.compile(r"\W*(?:'s\s+)?$")
_SOURCE_GAP = re.compile(r"\s*(?:the\s+)?", re.IGNORECASE)


def _is_source(mention: SubjectMention, text: str) -> bool:
    """'According to OpenRouter data' names where a figure comes from, not what it is about."""
    if mention.kind != "platform":
        return False
    before = text[max(0, mention.start - 16) : mention.start]
    end = _last_cue(before, "source_before")
    # the cue leads straight to the name: "据OpenRouter数据", not "据悉，OpenRouter平台…"
    if end >= 0 and _SOURCE_GAP.fullmatch(before[end:]):
        return True
    after = text[mention.end : mention.end + 12]
    cue = _cue_regex("source_after").search(after)
    return bool(cue and _SOURCE_AFTER.match(after[: cue.start()]))


def _clause_breaks(text: str, sent: Sentence) -> list[tuple[int, int]]:
    """Where the sentence splits into clauses (; while whereas compared with ...), in order."""
    return [m.span() for m in _cue_regex("clause_breaks").finditer(text, sent.start, sent.end)]


def _clause_bounds(ctx: _Ctx, pos: int) -> tuple[int, int]:
    """The clause of the sentence around ``pos``, found by bisection over its breaks."""
    i = bisect.bisect_left(ctx.breaks, pos, key=lambda b: b[1])
    start = ctx.breaks[i - 1][0] if i > 0 else ctx.sentence.start
    j = bisect.bisect_left(ctx.breaks, pos, lo=i, key=lambda b: b[0])
    end = ctx.breaks[j][0] if j < len(ctx.breaks) else ctx.sentence.end
    return max(start, ctx.sentence.start), end


_OF_AFTER = re.compile(
    r"\s*(?:[A-Za-z-]+\s+){0,3}?(?:of|for|by|from|to)\s+(?:the\s+|its\s+|their\s+|what\s+)?$"
)
# "$5 and $25 for Claude Opus 4.6": a figure coordinated with the next one shares its subject
_COORDINATED_FIGURE = re.compile(r"\s*,?\s*(?:and|or|&|/)\s+[^\s,;]*\d[^\s,;]*")


def _subject_after(fig: Figure, ctx: _Ctx, clause_end: int) -> SubjectMention | None:
    """'2.94 trillion tokens of US models', '2.7 trillion for U.S. models'."""
    for s in ctx.subjects:
        if fig.end <= s.start < min(clause_end, fig.end + 45):
            between = ctx.text[fig.end : s.start]
            if _OF_AFTER.match(between):
                return s
            coordinated = _COORDINATED_FIGURE.match(between)
            if coordinated and _OF_AFTER.match(between, coordinated.end()):
                return s
            return None
    return None


# "47% of the 12.5 trillion tokens", "5.9T out of the 12.5T", "Of all 12.5 trillion tokens
# processed last week, …": the figure after "of" is the whole a part was taken from
_PART_OF = re.compile(
    r"(?:[%\d]|(?<![A-Za-z])[TBMK]|(?<![\w-])(?:trillion|billion|million|thousand|tokens?"
    r"|percent|cent))\s*(?:out\s+)?of\s+(?:the\s+|all\s+(?:the\s+)?)?"
    # "61% of the week's 8.7T tokens", "of last week's total"
    r"(?:(?:last\s+|this\s+)?(?:week|month|day|year|period|platform|chart)['’]s\s+)?"
    r"(?:total\s+|combined\s+|weekly\s+)?$",
    re.IGNORECASE,
)
_OPENS_WITH_OF = re.compile(r"\s*(?:out\s+)?of\s+(?:the\s+|all\s+(?:the\s+)?)?", re.IGNORECASE)
# "在上周的12.5万亿Token中，…", "占上周12.5万亿Token总调用量的47%"
_ZH_WHOLE = (
    (re.compile(r"在[^，,。；;：:]{0,12}$"), re.compile(r"[^，,。；;]{0,8}?(?:之中|当中|中)")),
    (re.compile(r"占[^，,。；;：:]{0,12}$"), re.compile(r"[^，,。；;0-9]{0,12}?的\s*[0-9]")),
)


def _is_whole(fig: Figure, ctx: _Ctx) -> bool:
    start, text = ctx.sentence.start, ctx.text
    near = max(start, fig.start - 30)
    return bool(
        _PART_OF.search(text, near, fig.start)
        or _OPENS_WITH_OF.fullmatch(text, start, fig.start)
        or any(before.search(text, near, fig.start) and after.match(text, fig.end)
               for before, after in _ZH_WHOLE)
    )


def _platform_for(fig: Figure, ctx: _Ctx, state: ArticleState, hi: int) -> SubjectMention | None:
    """Whose a whole is: the platform named after it in its clause ('processed on
    OpenRouter'), else the article's platform; not the subject of the part."""
    for s in _subjects_in(ctx, fig.end, hi):
        if s.kind == "platform":
            return s
    if state.platform is None:
        return None
    return SubjectMention(fig.start, fig.start, state.platform, state.platform, "platform")


# "40 times as much as DeepSeek V3.2", "17 times higher than GPT-5", "three times what X handled":
# what a multiple compares with
_COMPARED_AFTER = re.compile(
    r"\s*(?:[a-z]+\s+){0,2}?(?:as\s+(?:much|high|expensive|cheap|many)\s+as|than|what)"
    r"\s+(?:that\s+of\s+|those\s+of\s+)?(?:the\s+|their\s+|its\s+)?$",
    re.IGNORECASE,
)


def _compared_after(fig: Figure, ctx: _Ctx, clause_end: int) -> SubjectMention | None:
    for s in ctx.subjects:
        if fig.end <= s.start < min(clause_end, fig.end + 45):
            return s if _COMPARED_AFTER.match(ctx.text[fig.end : s.start]) else None
    return None


def _subject_before(fig: Figure, ctx: _Ctx, clause_start: int) -> SubjectMention | None:
    """The last subject named before the figure. A country ("China's") is a place more often
    than the subject ("ranked No. 1 among China's AI chat apps with 172 million users"): it
    is the subject only when nothing else is named ("the growth rate of China's token
    consumption will reach 330%"); so is a platform named as a place ("国产大模型在OpenRouter上
    消耗了…", "Chinese models on OpenRouter processed …")."""
    best = place = None
    asides = _asides(ctx)
    for s in ctx.subjects:
        if clause_start <= s.start and s.end <= fig.start:
            if any(a <= s.start and s.end <= b <= fig.start for a, b in asides):
                place = place or s  # "Anthropic models, led by Claude Sonnet 4.6, took 31%"
            elif s.kind == "country" or (s.kind == "platform" and _LOCATIVE_BEFORE.search(
                    ctx.text, max(clause_start, s.start - 12), s.start)):
                place = s
            else:
                best = s
    return best or place


# ", led by Claude Sonnet 4.6,", ", whose Gemini 3 Flash processed 1.1 trillion tokens,": an
# aside about another subject than the sentence's
_ASIDE = re.compile(
    r",\s*(?:led\s+by|including|such\s+as|notably|whose|headed\s+by|driven\s+by)\b[^,;:]*,",
    re.IGNORECASE,
)


def _asides(ctx: _Ctx) -> list[tuple[int, int]]:
    if "asides" not in ctx.memo:
        start = ctx.sentence.start
        ctx.memo["asides"] = [
            (start + m.start(), start + m.end())
            for m in _ASIDE.finditer(ctx.text, start, ctx.sentence.end)
        ] if "," in ctx.text[start : ctx.sentence.end] else []
    asides: list[tuple[int, int]] = ctx.memo["asides"]
    return asides


_LOCATIVE_BEFORE = re.compile(
    r"(?:(?<![\w-])(?:on|via|through|across)\s+(?:the\s+)?|在\s*)$", re.IGNORECASE
)


_VENDOR_OF = re.compile(r"\s?(?:'s|’s|的)?\s?")


def _joint_of_last(
    subject: SubjectMention, kind: str, ctx: _Ctx, state: ArticleState
) -> SubjectMention:
    """'11.2T tokens across Chinese and U.S. models (+3.1% w/w)': a change right after the sum
    of the groups listed is the sum's, not the last group's."""
    last = state.claims[-1] if state.claims else None
    joint = _groups_joint(_coordinated(subject, ctx)) if kind == "change" else None
    if joint and last and last.subject == joint.canonical and last.span[0] >= ctx.sentence.start:
        return joint
    return subject


_ACROSS = re.compile(r"\s*(?:tokens?\s+)?(?:across|for|from)\s+(?:the\s+|both\s+)?", re.IGNORECASE)


def _groups_across(fig: Figure, ctx: _Ctx, hi: int) -> SubjectMention | None:
    """'11.2T tokens across Chinese and U.S. models': the groups listed after the figure,
    together."""
    m = _ACROSS.match(ctx.text, fig.end, hi)
    if m is None:
        return None
    listed = [s for s in ctx.subjects if m.end() <= s.start < hi]
    if not listed or listed[0].start != m.end():
        return None
    last = listed[0]
    for s in listed[1:]:
        if s.start - last.end > 9 or len(_coordinated(s, ctx)) < 2:
            break
        last = s
    return _groups_joint(_coordinated(last, ctx))


def _coordinated(last: SubjectMention, ctx: _Ctx) -> list[SubjectMention]:
    """'MiniMax M2.5 and Zhipu GLM-5 are priced at': every subject of a list before a figure."""
    group = [last]
    seps = tuple(cues()["coordination"])
    anchor = last.start
    for s in reversed([s for s in ctx.subjects if s.end <= last.start]):
        between = ctx.text[s.end : anchor]
        if s.kind == "vendor" and _VENDOR_OF.fullmatch(between):
            # "OpenAI的GPT-5", "Google's Gemini 3 Flash": the vendor names the model after it
            anchor = s.start
            continue
        if between.strip(" ,") in ("", *[x.strip(" ,") for x in seps]) and len(between) <= 9:
            anchor = s.start
            group.insert(0, s)
        else:
            break
    return group


_LABEL_WINDOW = 80
_RECENT_CLAIMS = 12  # how far back in the claims a list or a set is looked for
_COORDINATED = re.compile(r"\band\b|[,，、；;&]|和|与|及|而")
_RELATIVE_END = re.compile(r"[,\s]*\b(?:which|that|who)\s*$")
_OF_WHOLE = re.compile(r"\s*(?:of|的)\b")
_LABEL_WORDS = 4
_CJK_LABEL_CHARS = 10
_WORD = re.compile(r"\S+")
_PAREN_OPEN = re.compile(r"[(（]\s*$")
_CJK = re.compile(r"[\u3400-\u9fff]")
# "47% of OpenRouter's users are American": the part is named after the figure
_PART_IS = re.compile(
    r"\s*(?:of\s+(?P<whole>[^,;.()]{1,60}?)\s+)?(?:are|were|is|was)\s+"
    r"(?:from\s+(?:the\s+)?)?(?P<adj>[A-Z][A-Za-z.]*[A-Za-z])"
)


def _subjects_in(ctx: _Ctx, start: int, end: int) -> list[SubjectMention]:
    """The sentence's subjects that start in [start, end), by bisection (no rescans)."""
    i = bisect.bisect_left(ctx.subjects, start, key=lambda m: m.start)
    j = bisect.bisect_left(ctx.subjects, end, lo=i, key=lambda m: m.start)
    return ctx.subjects[i:j]


def _cue_spans(ctx: _Ctx, key: str, subkey: str | None = None) -> list[tuple[int, int]]:
    """Where the sentence says a cue of ``key`` (article offsets), found once per sentence."""
    base = ctx.sentence.start
    spans: list[tuple[int, int]] = ctx.once(
        f"cues:{key}:{subkey}" if subkey else "cues:" + key,
        lambda t: [
            (m.start() + base, m.end() + base) for m in _cue_regex(key, subkey).finditer(t)
        ],
    )
    return spans


def _last_cue_in(
    ctx: _Ctx, key: str, lo: int, hi: int, subkey: str | None = None
) -> tuple[int, int] | None:
    """The last cue of ``key`` (``subkey``) that lies within [lo, hi)."""
    spans = _cue_spans(ctx, key, subkey)
    i = bisect.bisect_right(spans, hi, key=lambda sp: sp[1]) - 1
    return spans[i] if i >= 0 and spans[i][0] >= lo else None


@lru_cache(maxsize=1)
def _label_delimiters() -> re.Pattern[str]:
    words = sorted(cues()["label_delimiters"], key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)


@lru_cache(maxsize=1)
def _label_stopwords() -> frozenset[str]:
    return frozenset(cues()["label_stopwords"])


def _label(ctx: _Ctx, end: int, lo: int) -> SubjectMention | None:
    """The short noun phrase written right before ``end`` — a list item ('PIF (US$5 billion)'),
    the subject of a verb ('Overseas developers accounted for') — as a subject: the gazetteer
    mention that closes it, else the words as written (subjects outside the gazetteer)."""
    start = max(lo, ctx.sentence.start, end - _LABEL_WINDOW)
    relative = _RELATIVE_END.search(ctx.text, start, end)
    if relative is not None:
        end = relative.start()  # "ByteDance's Gauthmath, which captured": the antecedent
    for a, b in _asides(ctx):
        if start < a and not ctx.text[b:end].strip():
            end = a  # "Anthropic, led by Claude Sonnet 4.6, took": the phrase before the aside
    window = ctx.text[start:end]
    cut = 0
    for m in _label_delimiters().finditer(window):
        cut = m.end()
    for mark in ("'s ", "’s ", "的"):
        k = window.rfind(mark, cut)
        # "中国模型的调用量占比": the owner of a measure, not the measure, is the subject
        if k >= 0 and not _measure_heads("token_volume").fullmatch(
                window[k + len(mark) :].strip()):
            cut = k + len(mark)
    phrase_start = start + cut
    # a known name inside the phrase is its head: "the daily volume of the Qwen series models",
    # "Chinese models thus", "中国开发者仅"
    inside = [s for s in _subjects_in(ctx, phrase_start - 1, end) if s.end <= end]
    if inside:
        return inside[-1]
    words = [m for m in _WORD.finditer(ctx.text, phrase_start, end)]
    stop = _label_stopwords()
    while words and words[0].group().lower() in stop:
        words.pop(0)
    while words and words[-1].group().lower() in stop:
        words.pop()
    if not words:
        return None
    first, last = words[0], words[-1]
    text = ctx.text[first.start() : last.end()].strip("\"'“”‘’")
    for prefix in cues()["cjk_label_prefixes"]:
        if text.startswith(prefix) and len(text) > len(prefix):
            text = text[len(prefix) :]  # "其中美国用户": among them, US users
    if not text or not text[-1].isalnum():
        return None
    if not _CJK.search(text):  # Latin script, non-ASCII hyphens included ("AI‑ops engineers")
        if len(words) > _LABEL_WORDS or any(
            w.group()[:1].isdigit() or "$" in w.group() for w in words
        ):
            return None
    elif len(text) > _CJK_LABEL_CHARS or any(c.isdigit() for c in text):
        return None
    known = resolve_subject(text)
    if known is not None and known.kind != "unknown" and known.confidence >= 0.85:
        return SubjectMention(first.start(), last.end(), text, known.canonical, known.kind)
    name = " ".join(text.split())
    return SubjectMention(first.start(), last.end(), text, name, "unknown", confidence=0.7)


def _is_anaphoric(ctx: _Ctx, start: int, end: int) -> bool:
    """'These four models', 'Their weekly volume', 'they': the phrase points back."""
    first = _WORD.search(ctx.text, start, end)
    heads = cues()["anaphoric_heads"]
    if first is None:
        return False
    word = first.group().lower()
    return word in heads or any(not h.isascii() and word.startswith(h) for h in heads)


def _paren_label(fig: Figure, ctx: _Ctx) -> SubjectMention | None:
    """'Saudi Arabia's PIF (US$5 billion)', 'SmartCoder (48 k, ...)': the name the figure
    annotates in parentheses."""
    lead = ctx.text[max(ctx.sentence.start, fig.start - 3) : fig.start]
    paren = _PAREN_OPEN.search(lead)
    if paren is None:
        return None
    label = _label(ctx, fig.start - len(lead) + paren.start(), ctx.sentence.start)
    if label is not None and label.kind == "unknown":
        # a name, not a description ("electronics yield prediction (+8 % yield)")
        head = label.text[:1]
        if head.isascii() and not (head.isupper() or any(c.isdigit() for c in label.text)):
            return None
    return label


def _respective(fig: Figure, ctx: _Ctx, state: ArticleState, lo: int) -> SubjectMention | None:
    """'豆包与DeepSeek分别为21.3%和18.4%', 'A and B, at 5% and 3% respectively', 'Chinese vs US
    models: 4.12T/2.94T': in order."""
    chain = _slash_chain_start(fig, ctx, state)
    if chain is not None:
        limit = chain
    else:
        cue = _last_cue_in(ctx, "respectively", lo, ctx.sentence.end)
        if cue is None:
            return None
        limit = min(cue[0], fig.start)
    named = [s for s in _subjects_in(ctx, lo, limit) if s.end <= limit]
    if not named:
        return None
    group = _coordinated(named[-1], ctx)
    if len(group) < 2:
        group = _compared_pair(named[-1], ctx)
    if len(group) < 2:
        return None
    spans = {
        c.span for c in state.claims[-_RECENT_CLAIMS:] if group[-1].end <= c.span[0] < fig.start
    }
    return group[len(spans)] if len(spans) < len(group) else None


def _compared_pair(last: SubjectMention, ctx: _Ctx) -> list[SubjectMention]:
    """'中国模型调用量首次超过美国模型，分别为…': the two sides of a comparison, in order."""
    lead_in = ctx.text[max(ctx.sentence.start, last.start - 25) : last.start]
    earlier = [s for s in ctx.subjects if ctx.sentence.start <= s.start and s.end <= last.start]
    if earlier and _comparison_object().search(lead_in):
        return [earlier[-1], last]
    return [last]


_SLASH = re.compile(r"\s*/\s*")
_SLASH_THEN_FIGURE = re.compile(r"\s*/\s*[$¥€£]?[0-9]")


def _slash_chain_start(fig: Figure, ctx: _Ctx, state: ArticleState) -> int | None:
    """Where the figures joined by slashes that ``fig`` belongs to start ('4.12T/2.94T'),
    or None when it stands alone."""
    start = fig.start
    for claim in reversed(state.claims[-_RECENT_CLAIMS:]):
        if claim.span[1] > start:
            continue  # one figure's several claims ('A and B are priced at …')
        if not _SLASH.fullmatch(ctx.text, claim.span[1], start):
            break
        start = claim.span[0]
    if start == fig.start and not _SLASH_THEN_FIGURE.match(ctx.text, fig.end):
        return None
    return start


def _share_set_group(fig: Figure, ctx: _Ctx, state: ArticleState) -> SubjectMention | None:
    """'These four models together contributed 85.7%': the group of the set just named."""
    for c in reversed(state.claims[-_RECENT_CLAIMS:]):
        if c.span[1] < ctx.sentence.start - _LABEL_WINDOW * 5:
            break
        if c.kind == "ranking" and "set" in c.attributes:
            return SubjectMention(fig.start, fig.start, c.subject_text, c.subject, "group")
    nationality = ctx.once("nationality", _nationality_group)
    if nationality:
        return SubjectMention(fig.start, fig.start, nationality, nationality, "group")
    return None


def _share_part(
    fig: Figure, ctx: _Ctx, state: ArticleState, lo: int
) -> tuple[list[SubjectMention], float] | None:
    """The part a share is about, from grammar: the subject of 'accounted for' / '占' before
    the figure, or the group named after it ('47% of its users are American')."""
    found = _last_cue_in(ctx, "share_verbs", lo, fig.start)
    if found is None:
        return _share_owned(fig, ctx, state, lo) or _part_after(fig, ctx)
    verb_start, verb_end = found
    between = _subjects_in(ctx, verb_end, fig.start)[-1:]
    elided = [
        s
        for s in between
        if s.end <= fig.start
        and _COORDINATED.search(ctx.text, max(verb_end, s.start - _LABEL_WINDOW // 2), s.start)
    ]
    if elided:
        # "US developers account for 47% ... and Chinese developers for 6%"
        return [elided[-1]], 0.85
    phrase_start = _label_start(ctx, verb_start, lo)
    anaphoric = _is_anaphoric(ctx, phrase_start, verb_start)
    together = _has_cue(
        ctx.text[max(lo, verb_start - 30) : min(fig.start, verb_end + 30)], "together"
    )
    if anaphoric or together:
        group = _share_set_group(fig, ctx, state) if together or not anaphoric else None
        if group is not None:
            return [group], 0.8
        carried = _carried_subject(ctx, state)
        if anaphoric and carried is not None:
            return [carried], 0.6
    label = _label(ctx, verb_start, lo)
    if label is not None and not anaphoric:
        return [label], 0.85
    asides = _asides(ctx)
    known = [s for s in _subjects_in(ctx, lo, verb_start) if s.end <= verb_start
             and not any(a <= s.start and s.end <= b for a, b in asides)]
    # "国产大模型在OpenRouter上的Token消耗量…，占全球总量的61%": a platform is where, not whose
    known = [s for s in known if s.kind != "platform"] or known
    return ([_agent(known[-1], ctx)], 0.9) if known else None


_POSSESSIVE_GAP = re.compile(r"(?:'s|’s|'|’)?\s*|\s*的\s*")
_POSSESSIVE_PRONOUN = re.compile(r"(?<![\w-])(?:their|its)\s*$|其\s*$", re.IGNORECASE)
_LIST_LINES = 12  # how many item lines a heading ending with ':' may stand above
_INTRO_LIMIT = 200  # longer lines are prose, not a list's heading
_ITEM_WORDS = 6  # 'Customer Service Rep 50 %': an item's label is short


def _share_owner(
    ctx: _Ctx, state: ArticleState, mentions: list[SubjectMention], noun_start: int, floor: int
) -> SubjectMention | None:
    """'Chinese models' share of ...', 'their share of ...': whom the share belongs to."""
    i = bisect.bisect_left(mentions, noun_start, key=lambda m: m.start)
    before = [m for m in mentions[:i] if m.start >= floor and m.end <= noun_start]
    if before and before[-1].kind == "platform" and _POSSESSIVE_GAP.fullmatch(
        ctx.text, before[-1].end, noun_start
    ):
        # "Chinese models' OpenRouter share": the platform says where, the owner is before it
        owner = before[-2] if len(before) > 1 else None
        if owner is not None and _POSSESSIVE_GAP.fullmatch(ctx.text, owner.end, before[-1].start):
            return owner
    if before and _POSSESSIVE_GAP.fullmatch(ctx.text, before[-1].end, noun_start):
        return before[-1]
    if _POSSESSIVE_PRONOUN.search(ctx.text, max(floor, noun_start - 8), noun_start):
        # "Chinese models have led U.S. models ..., and their share": the sentence's subject
        return before[0] if before else _carried_subject(ctx, state)
    return None


def _share_noun_before(fig: Figure, ctx: _Ctx, lo: int) -> tuple[int, int] | None:
    return _last_cue_in(ctx, "share_nouns", max(lo, fig.start - _LABEL_WINDOW), fig.start)


def _heading_intro(ctx: _Ctx) -> tuple[int, int] | None:
    """The line ending with ':' above the block of short lines the sentence starts."""
    text = ctx.text
    end = text.rfind("\n", 0, ctx.sentence.start)
    if end < 0 or text[end + 1 : ctx.sentence.start].strip():
        return None  # the sentence does not start its line
    for _ in range(_LIST_LINES):
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if not line or end - start > _INTRO_LIMIT:
            return None
        if line.endswith((":", "：")):
            return start, end
        if start == 0:
            return None
        end = start - 1
    return None


def _is_share_intro(text: str) -> bool:
    return (_has_cue(text, "share_nouns") or _has_cue(text, "share_list_nouns")) and not (
        _has_cue(text, "change")
    )


def _share_list(fig: Figure, ctx: _Ctx) -> tuple[tuple[int, int], int] | None:
    """'Predicted replacement rates by role include: A 50 %, B 35 %', or a heading line
    "Chinese models' share of ...:" above 'week of March 2–8: 56.9%' lines: the figure is an
    item of a list of shares. The intro's span and where the item starts."""
    colons: list[int] = ctx.once(
        "colons", lambda t: [ctx.sentence.start + m.start() for m in re.finditer("[:：]", t)]
    )
    k = bisect.bisect_left(colons, fig.start) - 1
    if k >= 0:
        intro_start = max(ctx.sentence.start, colons[k] - _INTRO_LIMIT)
        item_start = _label_start(ctx, fig.start, colons[k] + 1)
        item = ctx.text[item_start : fig.start]
        if (
            0 < len(item.split()) <= _ITEM_WORDS
            and not any(c.isdigit() for c in item)
            and _is_share_intro(ctx.text[intro_start : colons[k]])
        ):
            return (intro_start, colons[k]), item_start
    heading = ctx.once("heading_intro", lambda t: _heading_intro(ctx))
    if heading is None or fig.start - ctx.sentence.start > _INTRO_LIMIT // 2:
        return None
    if not ctx.once("heading_shares", lambda t: _is_share_intro(ctx.text[heading[0] : heading[1]])):
        return None
    return heading, ctx.sentence.start


def _share_owned(
    fig: Figure, ctx: _Ctx, state: ArticleState, lo: int
) -> tuple[list[SubjectMention], float] | None:
    """A share without a share verb: the owner of 'share' before it, or an item of a list of
    shares (the intro's owner, else the item's label)."""
    noun = _share_noun_before(fig, ctx, lo)
    if noun is not None:
        owner = _share_owner(ctx, state, ctx.subjects, noun[0], ctx.sentence.start)
        if owner is not None:
            return [owner], 0.8
        # "the share of Chinese models in total OpenRouter traffic": named right after "of"
        for s in _subjects_in(ctx, noun[1], fig.start):
            if s.kind != "platform" and _OF_THE.fullmatch(ctx.text, noun[1], s.start):
                return [s], 0.8
            break
    listed = _share_list(fig, ctx)
    if listed is None:
        return None
    (intro_start, intro_end), item_start = listed
    for m in _cue_regex("share_nouns").finditer(ctx.text, intro_start, intro_end):
        owner = _share_owner(ctx, state, state.subjects, m.start(), intro_start)
        if owner is not None:
            return [owner], 0.75
    label = _label(ctx, fig.start, item_start)
    return ([label], 0.7) if label is not None else None


# "85.7% of the total call volume of the Top 5": the whole is named a few words on
_WHOLE_AFTER = re.compile(
    r"\s*of\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,5}?(?:of|on|across|in)\s+(?:the\s+)?"
)


def _share_whole(fig: Figure, ctx: _Ctx, hi: int) -> SubjectMention | None:
    """The group or platform a share is of, named after a measure ('of the total call volume
    of the Top 5', 'of global calls on OpenRouter')."""
    for s in _subjects_in(ctx, fig.end, min(hi, fig.end + _LABEL_WINDOW)):
        if s.kind in ("group", "platform") and _WHOLE_AFTER.fullmatch(ctx.text, fig.end, s.start):
            return s
        return None
    return None


def _label_start(ctx: _Ctx, end: int, lo: int) -> int:
    start = max(lo, ctx.sentence.start, end - _LABEL_WINDOW)
    cut = 0
    for m in _label_delimiters().finditer(ctx.text, start, end):
        cut = m.end() - start
    return start + cut


_OF_THE = re.compile(r"\s*of\s+(?:the\s+|all\s+)?|的")
_POSSESSED = re.compile(r"\s*(?:'s|’s|')")


def _counted_group(fig: Figure, ctx: _Ctx) -> tuple[list[SubjectMention], float] | None:
    """'approximately 80% of U.S. AI startups use Chinese models': the share of a population
    is about that population (not so for '61% of Chinese models' volume')."""
    of = _OF_THE.match(ctx.text, fig.end, ctx.sentence.end)
    if of is None:
        return None
    named = next(iter(_subjects_in(ctx, of.end(), of.end() + 1)), None)
    if named is None or named.kind != "group" or _POSSESSED.match(ctx.text, named.end):
        return None
    return [named], 0.75


@lru_cache(maxsize=1)
def _part_means() -> re.Pattern[str]:
    means = _cue_regex("share_means").pattern
    return re.compile(
        r"\s*of\s+[^,;.()]{1,60}?\s+(?:are|is|were|was)\s+(?:[\w-]+\s+){0,2}?"
        rf"(?:{means})\s+(?:[\w-]+\s+){{0,2}}?|的[^，。；,;]{{1,16}}?(?:是|都是)?(?:{means})"
        r"[^，。；,;]{0,8}?",
        re.IGNORECASE,
    )


def _part_by_means(fig: Figure, ctx: _Ctx) -> tuple[list[SubjectMention], float] | None:
    """'Over 50% of large model calls are completed via cheap open-source models',
    '超过一半的大模型调用是通过便宜的开源模型完成的': the group that does that part."""
    for s in _subjects_in(ctx, fig.end, min(ctx.sentence.end, fig.end + 120)):
        if s.kind == "group" and _part_means().fullmatch(ctx.text, fig.end, s.start):
            return [s], 0.75
        break
    return None


# "a 29% share for the Chinese models", "29% of the combined volume for Chinese models",
# "with 29% going to Chinese models": the share is theirs, whatever came before
_PART_FOR = re.compile(
    r"[^\d,;()]{0,50}?\b(?:for|by|from|(?:went|going|goes|go)\s+to)\s+(?:the\s+)?",
    re.IGNORECASE,
)


# "Chinese models accounted for 61% of the tokens processed by the top 10 models": after a
# share verb, who made the whole, not the part (but "61% of the tokens were processed by
# Chinese models" names the part)
_WHOLE_MADE_BY = re.compile(
    r"(?<!\bwas )(?<!\bwere )(?<!\bis )(?<!\bare )(?<!\bbeen )"
    r"\b[a-z]+(?:ed|en)\s+by\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _part_for(fig: Figure, ctx: _Ctx) -> tuple[list[SubjectMention], float] | None:
    for s in _subjects_in(ctx, fig.end, min(ctx.sentence.end, fig.end + 60)):
        if (
            s.kind != "platform"
            and _PART_FOR.fullmatch(ctx.text, fig.end, s.start)
            and not (
                _WHOLE_MADE_BY.search(ctx.text, fig.end, s.start)
                and _last_cue_in(ctx, "share_verbs", ctx.sentence.start, fig.start)
            )
        ):
            return [s], 0.85
        break
    return None


def _part_after(fig: Figure, ctx: _Ctx) -> tuple[list[SubjectMention], float] | None:
    m = _PART_IS.match(ctx.text, fig.end, ctx.sentence.end)
    if m is None:
        return _counted_group(fig, ctx) or _part_by_means(fig, ctx)
    whole = m.group("whole")
    if whole:
        ctx.memo["part_noun"] = whole.split()[-1]
    noun = ctx.memo.get("part_noun")
    if not noun:
        return None
    name = f"{m.group('adj')} {noun}"
    known = resolve_subject(name)
    if known is None or known.kind == "unknown":
        return None
    start, end = m.span("adj")
    return [SubjectMention(start, end, name, known.canonical, known.kind)], 0.8


# -- kinds -------------------------------------------------------------------------------


def _percent_kind(
    fig: Figure, attrs: dict[str, Any], ctx: _Ctx, lo: int, hi: int, previous_kind: str | None
) -> ClaimKind:
    if "split" in attrs:
        return "share"  # "a 61/39 split"
    if attrs.get("change") in ("increase", "decrease"):
        return "change"
    # "rose to 61.6%", "from 47.2%": a level reached, which a share may be ("Chinese models'
    # share rose to 61.6%"), never a change
    level = attrs.get("change") in ("from", "to")
    before = ctx.text[max(lo, fig.start - 40) : fig.start]
    # "占比达到65.6%，较上周提升4个百分点": a Chinese clause after the figure is another's
    after = _CJK_CLAUSE_BREAK.split(ctx.text[fig.end : min(hi, fig.end + 30)], maxsplit=1)[0]
    if not level and (_has_cue(after[:25], "basis", "week_over_week")
                      or _has_cue(after[:25], "basis", "year_over_year")):
        return "change"
    if _SHARE_AFTER.match(after) or _has_cue(before, "share") or _PART_OF_BEFORE.search(before):
        return "share"
    if level:
        # "make up 40% of volume, up from 1% a year ago": the level a share came from; "grew
        # 40% last week, up from 12% the week before": the rate of growth before
        if previous_kind == "change" and attrs.get("change") == "from":
            return "change"
        shared = previous_kind == "share" or _share_noun_before(fig, ctx, lo) is not None
        return "share" if shared else "quantity"
    if _has_cue(before[-25:], "change") or attrs.get("growth_rate"):
        return "change"
    if attrs.get("half"):
        return "share"  # "超过一半的大模型调用": a half is a part of some whole
    if (
        _share_noun_before(fig, ctx, lo) is not None
        or _share_list(fig, ctx) is not None
        or (after.startswith("的") and _counted_group(fig, ctx) is not None)
    ):
        return "share"  # "their share of the combined volume reached 61%", a list of shares
    if previous_kind == "share":
        return "share"  # "32.1% ..., ahead of Doubao (21.3%) and DeepSeek (18.4%)"
    return "quantity"


# what a fraction is a part of when it is a share: a total of a measure, not a subject's figure
# ("a fifth of GPT-5's price" is a ratio)
_FRACTION_WHOLE = re.compile(
    r"\s*(?:of\s+(?:all\s+|the\s+|its\s+|their\s+|global\s+|total\s+|weekly\s+){0,4}"
    r"(?:[\w-]+\s+){0,2}?)?(?:tokens?|volume|usage|traffic|calls|requests|market|consumption"
    r"|developers|users)\b|\s*的?(?:调用量|用量|市场|份额|流量|Token)",
    re.IGNORECASE,
)


def _fraction_of_whole(fig: Figure, ctx: _Ctx, lo: int) -> bool:
    before = ctx.text[max(lo, fig.start - 40) : fig.start]
    return bool(_FRACTION_WHOLE.match(ctx.text, fig.end) or _has_cue(before, "share"))


# "Of those, 61% came from Chinese models", "5.2 trillion of the 9.4 trillion tokens (55%)":
# a part of a whole just named
_PART_OF_BEFORE = re.compile(
    r"\b(?:of|among)\s+(?:those|them|these|which|the\s+total|that\s+total)\b[^%]{0,12}$"
    r"|\bof\s+(?:the\s+)?[$¥€£]?[0-9][\w.,]*(?:\s*(?:trillion|billion|million))?"
    r"(?:\s+tokens?)?\s*[(,]\s*(?:or\s+|about\s+|roughly\s+)?$",
    re.IGNORECASE,
)
_BY_BEFORE = re.compile(r"\bby\s*$")
# "61% of global calls", "a 72% share", "a 47% market share", "nearly half (47%) of all tokens"
_SHARE_AFTER = re.compile(r"\s*[)）]?\s*(?:of\b|(?:market\s+)?share\b|的?份额)", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s*$|从\s*$")


def _change_after(fig: Figure, ctx: _Ctx) -> str | None:
    """'a 50% off-peak discount', 'a 25% slide', 'a 50 %+ traffic surge': the change is named
    right after the figure; 'increase' or 'decrease'."""
    hi = min(ctx.sentence.end, fig.end + 30)
    for direction in ("decrease", "increase"):
        if _change_after_regex(direction).match(ctx.text, fig.end, hi):
            return direction
    return None


@lru_cache(maxsize=2)
def _change_after_regex(direction: str) -> re.Pattern[str]:
    cue = _cue_regex("change_after", direction).pattern
    return re.compile(r"[\s+]*(?:" + cue + ")", re.IGNORECASE)


_RATE_REACH = 80  # how far before its percent a rate noun may end, in the clause
_YEARS_BEFORE = re.compile(r"(?<![\w-])(?P<n>[a-z]+|\d{1,2})[\s-]years?\s*$", re.IGNORECASE)


def _growth_rate(
    fig: Figure, ctx: _Ctx, state: ArticleState, lo: int
) -> tuple[str, tuple[int, int]] | None:
    """'the annual compound growth rate of China's token consumption will reach 330%': a rate
    of change named a few words before the percent in its clause, with no other figure between
    (cues.json growth_rates); 'compound' or 'simple', and where the noun is."""
    compound = _last_cue_in(ctx, "growth_rates", lo, fig.start, "compound")
    simple = _last_cue_in(ctx, "growth_rates", lo, fig.start, "simple")
    found: tuple[str, tuple[int, int]] | None = None
    if compound is not None and (simple is None or compound[1] >= simple[1]):
        found = ("compound", compound)
    elif simple is not None:
        found = ("simple", simple)
    if found is None or found[1][1] < fig.start - _RATE_REACH:
        return None
    noun_end = found[1][1]
    # "the growth rate was 5%, and 47% of users...": the noun is the first figure's
    if any(noun_end <= c.span[0] < fig.start for c in state.claims[-_RECENT_CLAIMS:]):
        return None
    # "the growth rate slowed as its accuracy reached 95%": another predicate's figure
    if _has_cue(ctx.text[noun_end : fig.start], "growth_rates", "breaks"):
        return None
    return found


def _rate_years(ctx: _Ctx, noun_start: int) -> int | None:
    """'a two-year compound annual growth rate', 'five-year CAGR': the years it compounds over."""
    m = _YEARS_BEFORE.search(ctx.text, max(ctx.sentence.start, noun_start - 16), noun_start)
    if m is None:
        return None
    value = ordinal_value(m.group("n").lower())
    return int(value) if value and value >= 1 and value == int(value) else None


def _old_price(fig: Figure, ctx: _Ctx, state: ArticleState) -> bool:
    if not _FROM_BEFORE.search(ctx.text, max(ctx.sentence.start, fig.start - 8), fig.start):
        return False
    for c in reversed(state.claims[-_RECENT_CLAIMS:]):
        if c.span[0] < ctx.sentence.start:
            return False
        if c.kind == "price":
            return True
    return False


def _previous_percent(ctx: _Ctx, state: ArticleState) -> Claim | None:
    """The last percent claim of this sentence: a list of shares or changes goes on alike."""
    for c in reversed(state.claims[-_RECENT_CLAIMS:]):
        if c.span[0] < ctx.sentence.start:
            return None
        if c.unit == "%":
            return c
    return None


def _decrease_before(fig: Figure, ctx: _Ctx, lo: int) -> bool:
    """A fall stated a few words before a bare percent: 'cut input prices by 52%'."""
    return _last_cue(ctx.text[max(lo, fig.start - 45) : fig.start], "decrease") >= 0


def _increase_before(fig: Figure, ctx: _Ctx, lo: int) -> bool:
    """A price rise a few words before a bare percent: 'raised Claude Sonnet 4.5 prices 20%'
    (only with a price word between: 'raised $2 billion, a 20% stake' is no rise)."""
    before = ctx.text[max(lo, fig.start - 45) : fig.start]
    verb = _last_cue(before, "price_increase")
    return verb >= 0 and _has_cue(before[verb:], "price")


# "…, a 25% cut", "（降幅25%）": a change set right after the figure it is about
_APPOSITION = re.compile(r"\s*[,，(（]\s*(?:a|an|or|i\.e\.,?)?\s*(?:\w+\s+)?", re.IGNORECASE)
# "17 times as expensive as X", "5 times pricier than X": a comparison of prices
_PRICE_COMPARATIVE = re.compile(
    r"\s*(?:as\s+|more\s+|less\s+)?(?:expensive|pricier|costlier|cheaper|dearer)\b", re.IGNORECASE
)
# "a tenth of what Claude Opus 4.6 charges": the verb after the compared name is the measure
_OF_WHAT = re.compile(
    r"\s*(?:(?:of|as much as)\s+)?what\s+(?:[^,;.!?，。；]|\.(?=\d)){1,60}", re.IGNORECASE
)


def _measure(ctx: _Ctx, fig: Figure, state: ArticleState) -> str | None:
    of_what = _OF_WHAT.match(ctx.text, fig.end, ctx.sentence.end)
    if (of_what and _has_cue(of_what.group(), "price")) or _PRICE_COMPARATIVE.match(
        ctx.text, fig.end, ctx.sentence.end
    ):
        return "price"
    if fig.attributes.get("percentage_points") and ctx.once(
        "share_noun", lambda t: _has_cue(t, "share_nouns")
    ):
        return "share"  # "占比达到65.6%，较上周提升4个百分点": points of a share, not of usage
    last = state.claims[-1] if state.claims else None
    if (
        last is not None
        and last.kind == "price"
        and ctx.sentence.start <= last.span[1] <= fig.start
        and _APPOSITION.fullmatch(ctx.text, last.span[1], fig.start)
    ):
        return "price"  # "from $0.60 to $0.45 per million tokens, a 25% cut"
    # the measure named right before the change wins over one named elsewhere in its sentence
    # ("Gemini 3 Flash, Google's cheapest model, saw usage fall 12%")
    near = ctx.text[max(ctx.sentence.start, fig.start - _MEASURE_REACH) : fig.start]
    if (_has_cue(near, "price") or _CURRENCY_MARK.search(near)) and not _has_cue(
        near, "money_measure"
    ):
        return "price"  # before tokens: "每百万Token 5美元，约为前者的26.7倍" is about prices
    if _TOKEN_WORD.search(near) or _USAGE.search(near):
        return "token_volume"
    if _has_cue(near, "share_nouns"):
        return "share"  # "Chinese models' share rose 3 percentage points", "占比提升3个百分点"
    if ctx.once("price", lambda t: _has_cue(t, "price") or "$" in t or "美元" in t) and not (
        ctx.once("money", lambda t: _has_cue(t, "money_measure"))
    ):
        return "price"  # (not "revenue of US$78 million, up 170%")
    if ctx.once("tokens", lambda t: bool(_TOKEN_WORD.search(t) or _USAGE.search(t))):
        return "token_volume"
    if state.claims and state.claims[-1].kind in ("price", "token_volume"):
        return state.claims[-1].kind
    return None


# -- periods -----------------------------------------------------------------------------

_COMPARISON_BASE = re.compile(
    r"(?:from|than|over|versus|vs\.?|compared (?:with|to)|against|(?:level|flat|in line) with|"
    r"较|比|相比|环比)\s*(?:the\s+)?$",
    re.IGNORECASE,
)
# "since January", "自1月以来", "从1月至今": the time up to now (but "from March 1", "自3月1日起"
# is when something starts or takes effect)
_SINCE = re.compile(r"^since\b|以来|至今", re.IGNORECASE)
_EVENT_AFTER = re.compile(r"\s*(?:发布|上线|推出|开源|released|launched|announced)")
# "effective 11 March", "took effect on Wednesday": the day a price changed, not a period
_EVENT_BEFORE = re.compile(
    r"(?:updated|published|posted|generated|released|launched|announced|dated|effective|"
    r"t(?:ook|akes?) effect)\W{0,3}(?:on\s+|from\s+)?(?:\w+day,?\s+)?$",
    re.IGNORECASE,
)
# a period phrase right after a figure ("4.38 trillion tokens in the week to March 1") is its
# own; further away, a phrase before the figure in the sentence wins
_FOLLOWING_REACH = 40
# kinds whose figures belong to the reporting period the article is about even when the
# sentence does not repeat it (prices and other quantities do not carry)
_CARRIED_KINDS = frozenset({"token_volume", "ranking", "share", "streak", "change"})
# how far back from a period phrase a comparison base ("from about 2.45 trillion ") may start
_BASE_REACH = 48
# "from about 2.45 trillion [in the week of ...]": a base word, a figure, at most two words
_BASE_FIGURE = r"\s+(?:[^\s,;]+\s+){0,2}?[^\s,;]*\d[^\s,;]*\s+(?:[^\s,;\d]+\s+){0,2}$"
# "5.16 trillion [the previous week]": an anchor right after a figure dates that figure
_FIGURE_BEFORE_ANCHOR = re.compile(
    r"\d(?:[^\s,;.!?。！？，；、]|\.\d)*\s*(?:[^\s,;.!?。！？，；、\d]+\s+){0,2}$"
)
# "上一周（2月9日-15日）", "the previous week (Feb. 9-15)": a date spelling out an anchor
_ANCHOR_GLUE = re.compile(r"\s*[(（:：,，]?\s*$")


@lru_cache(maxsize=1)
def _assembly_words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    words = period_assembly_words()
    # "more than 12.6 trillion tokens last week" is a hedged figure, not a comparison with
    # 12.6 trillion: "than" after a hedge's first word introduces no base
    hedged = sorted({h.split()[-2] for h in hedge_phrases() if h.endswith(" than")})
    than = "".join(rf"(?<!{re.escape(w)}\s)" for w in hedged) + "than"
    base = "|".join(than if w == "than" else re.escape(w).replace(r"\ ", r"\s+")
                    for w in words["comparison_base"])
    flows = "|".join(re.escape(w) for w in words["flow_words"])
    prices = "|".join(re.escape(w) for w in words["price_words"])
    return (
        re.compile(rf"(?<![\w])(?:{base}){_BASE_FIGURE}", re.IGNORECASE),
        re.compile(rf"(?:{flows})", re.IGNORECASE),
        re.compile(rf"(?:{prices})", re.IGNORECASE),
    )


def _usable_period(p: PeriodMention, text: str) -> bool:
    """A date the figure may hold for: not an event's date, not the base of a comparison."""
    if p.role not in ("date", "anchor") or p.attributes.get("event"):
        return False
    if p.role == "anchor" and p.attributes.get("compared_from"):
        return False  # "up 10% from the previous week": the basis, not the figure's period
    lead_in = text[max(0, p.start - 24) : p.start]
    if _COMPARISON_BASE.search(lead_in) or _EVENT_BEFORE.search(lead_in):
        return False
    return not _EVENT_AFTER.match(text, p.end, p.end + 6)


# what ends a stretch of a sentence that one time phrase governs ("两年前每天才1.4亿，两年涨了…")
_SEGMENT_BREAK = re.compile(r"[,，;；。:：!?！？\n]")
# "从一年前的约1%升至13%", "from 1% a year ago to 13%": the level reached is not the past's
_TO_AFTER_FIGURE = re.compile(r"[\d%％][^\d,，;；。]{0,4}?(?:至|到|(?<![A-Za-z])to\b)")


def _in_ago_scope(p: PeriodMention, start: int, end: int, text: str) -> bool:
    """Whether a time a comparison starts from ("两年前", "two years ago") dates the figure
    at [start, end): only within its own comma-delimited stretch of the sentence, or the
    stretch right after it when it stands alone ("Two years ago, usage was 140 million").
    Other phrases are not limited this way."""
    if not p.attributes.get("ago"):
        return True
    if p.end <= start:
        if _TO_AFTER_FIGURE.search(text, p.end, start):
            return False
        first = _SEGMENT_BREAK.search(text, p.end, start)
        if first is None:
            return True
        fronted = not text[p.end : first.start()].strip()
        return fronted and _SEGMENT_BREAK.search(text, first.end(), start) is None
    return p.start >= end and _SEGMENT_BREAK.search(text, end, p.start) is None


def _base_span(p: PeriodMention, text: str) -> tuple[int, int] | None:
    """Where the comparison base a period phrase dates starts (a range of offsets for the
    base figure's start), or None when the phrase dates no base.

    "较前一周的2.94万亿" / "than [the week before's] 2.9 trillion": the figure right after the
    phrase; "down from about 2.45 trillion in the week of Feb. 16-22": the figure before it.
    Such a period belongs to the base figure only, never to the figure being compared.
    """
    lead_in = text[max(0, p.start - _BASE_REACH) : p.start]
    if _COMPARISON_BASE.search(lead_in[-24:]):
        # "较前一周增长25.2%": the change after it is the new period's, not the base
        return None if _has_cue(text[p.end : p.end + 4], "change") else (p.end, p.end + 4)
    found = _assembly_words()[0].search(lead_in)
    if found:
        return p.start - len(lead_in) + found.start(), p.start
    return None


def _anchor_of_figure_before(
    p: PeriodMention, text: str, names: Sequence[SubjectMention] = ()
) -> bool:
    """'5.16 trillion the previous week': the anchor dates the figure in front of it (not the
    digits of a name in front of it: 'GPT-5上周进入前十')."""
    found = _FIGURE_BEFORE_ANCHOR.search(text, max(0, p.start - 24), p.start)
    return found is not None and not any(s.start <= found.start() < s.end for s in names)


def _spells_out_anchor(p: PeriodMention, periods: list[PeriodMention], text: str) -> bool:
    """A date written right after an anchor that moves away ("上一周（2月9日-15日）")."""
    return any(
        a.role == "anchor"
        and a.end <= p.start
        and a.attributes.get("offset")
        and _ANCHOR_GLUE.match(text[a.end : p.start])
        for a in periods
    )


def _carries_to(kind: str, ctx: _Ctx) -> bool:
    """Whether a period from earlier sentences may date a figure of this kind here.

    A share carries the reporting week only when the sentence is about traffic ("of calls",
    "调用量"): "US users account for 47%" describes the user base, not the week. A change
    does not carry it into a sentence about prices ("16.7 times the price" compares lists).
    """
    if kind == "share":
        return bool(ctx.once("flow", lambda s: _assembly_words()[1].search(s) is not None))
    if kind == "change":
        return not ctx.once("priced", lambda s: _assembly_words()[2].search(s) is not None)
    return True


# "2.94 trillion, and widened the gap the following week to 5.16 trillion": a period in the
# next coordinated clause belongs to the figures of that clause, not to the one before it
_NEXT_CLAUSE = re.compile(
    r"[,，]\s*(?:and|but|while|whereas|then|而|但|并|随后|到|截至|截止)(?![A-Za-z])",
    re.IGNORECASE,
)


_FIGURE_SOON = re.compile(r"[^\d,，;；。.!?]{0,6}\d")


def _over_a_span(
    kind: str,
    mention: PeriodMention | None,
    period: Period,
    published: dt.date | None,
    lo: int,
    hi: int,
) -> tuple[Period, str | None]:
    """The period of a figure stated over a span up to a day, and a change's basis from it.

    "grew 127% in the three weeks to Feb. 22": the new figure is the last week's, the base
    three weeks before ("21 days"). "grown tenfold since January" (in its own clause): basis
    "since:2026-01-01", no period of its own; "20 trillion tokens since January": the total
    from then to publication. "自3月1日起" is when something starts or takes effect, no since."""
    if mention is None:
        return period, None
    weeks = mention.attributes.get("weeks")
    if kind == "change" and weeks and period.end is not None:
        last_week = period.model_copy(
            update={"start": period.end - dt.timedelta(days=6), "granularity": "week"})
        return last_week, f"{7 * weeks} days"
    since = period.start
    if (
        since is None
        or kind not in ("change", "token_volume")
        or not mention.attributes.get("since")
        or not _SINCE.search(mention.text)
        or not lo <= mention.start < mention.end <= hi
    ):
        return period, None
    if kind == "change":
        return Period(resolution="unresolved"), f"since:{since.isoformat()}"
    if published is None or since > published:
        return Period(resolution="unresolved"), None
    total = Period(start=since, end=published, granularity="total", text=period.text,
                   resolution=period.resolution)
    return total, None


def _period_for(
    fig: Figure, ctx: _Ctx, state: ArticleState, kind: str
) -> tuple[PeriodMention | None, bool]:
    """The period phrase that applies to a figure, and whether it was carried from context."""
    usable = []
    for p in ctx.periods:
        key = f"base@{p.start}"  # once per period phrase, not once per figure of the sentence
        if key not in ctx.memo:
            ctx.memo[key] = _base_span(p, ctx.text)
        base = ctx.memo[key]
        if base is not None:
            # only the base figure itself takes the base's period
            if base[0] <= fig.start <= base[1] and p.role in ("date", "anchor"):
                return p, False
            continue
        if _usable_period(p, ctx.text) and _in_ago_scope(p, fig.start, fig.end, ctx.text):
            usable.append(p)
    after = [
        p
        for p in usable
        if fig.end <= p.start <= fig.end + _FOLLOWING_REACH
        and not _NEXT_CLAUSE.search(ctx.text, fig.end, p.start)
        # "5.16万亿，美国模型同期为2.7万亿": "the same period" right before a figure is that
        # figure's, said of the period this one already has
        and not (p.attributes.get("anchor") == "same" and _FIGURE_SOON.match(ctx.text, p.end))
    ]
    # a price or other quantity takes a date from earlier in the sentence only within its own
    # clause: "4.38 trillion in the week to March 1, ..., while OpenRouter has 5 million users"
    lo = ctx.sentence.start if kind in _CARRIED_KINDS else _clause_bounds(ctx, fig.start)[0]
    # an anchor right after a figure ("5.16 trillion the previous week") belongs to that figure
    before = [
        p
        for p in usable
        if lo <= p.start
        and p.end <= fig.start
        and (p.role != "anchor" or not _anchor_of_figure_before(p, ctx.text, ctx.subjects))
    ]
    if after and (not before or after[0].start - fig.end < fig.start - before[-1].end):
        return after[0], False
    if before:
        return before[-1], False
    if after:
        return after[0], False
    if not _carries_to(kind, ctx):
        return None, False
    if state.paragraph_period is not None:
        return state.paragraph_period, False
    if state.heading_period is not None and state.heading_paragraph == ctx.sentence.paragraph:
        return state.heading_period, True
    if (
        kind in _CARRIED_KINDS
        and state.last_period is not None
        and state.last_period.period.granularity == "week"
    ):
        return state.last_period, True
    return None, False


_HEADING_LIMIT = 120  # longer lines without figures are prose, not headings


def _remember_periods(
    sent: Sentence,
    periods: list[PeriodMention],
    claims: list[Claim],
    state: ArticleState,
) -> None:
    """Update the periods later sentences may take from this one.

    A sentence with claims passes on only the dates its claims used ("February's frenzy" in a
    sentence about a weekly slide dates nothing); one without claims passes on its last date.
    """
    text = state.text
    dated = _carried_dates(periods, text)
    if claims:
        used = {(c.period.text, c.period.start) for c in claims}
        dated = [p for p in dated if (p.text, p.period.start) in used]
    if dated:
        state.paragraph_period = state.last_period = dated[-1]
    _follow_heading(sent, claims, dated, state)


def _follow_heading(
    sent: Sentence, claims: list[Claim], dated: list[PeriodMention], state: ArticleState
) -> None:
    """A whole short line with a date and no claim is a heading for the lines under it.

    Not when the date only restates the time of writing (a byline's "March 31, 2026", "as of
    this week"): figures under it are current ones, which have no period of their own.
    """
    text = state.text
    whole_line = (sent.start == 0 or text[sent.start - 1] == "\n") and (
        sent.end >= len(text) or text[sent.end] == "\n"
    )
    if not claims and dated and whole_line and sent.end - sent.start <= _HEADING_LIMIT:
        period, today = dated[-1].period, state.published
        if today and period.start and period.end and period.start <= today <= period.end:
            return
        state.heading_period, state.heading_paragraph = dated[-1], sent.paragraph
        state.heading_rows = False


def _under_heading(paragraph: int, state: ArticleState) -> None:
    """Follow the block of lines under a dated heading into a new paragraph (one blank line
    may separate the heading from its first row; a blank line after the rows ends it)."""
    if state.heading_period is None:
        return
    gap = paragraph - state.heading_paragraph
    if gap == 1 or (gap == 2 and not state.heading_rows):
        state.heading_paragraph, state.heading_rows = paragraph, True
    elif gap > 0:
        state.heading_period = None


def _carried_dates(periods: list[PeriodMention], text: str) -> list[PeriodMention]:
    """The dates of a sentence that may date later sentences: not bases, not asides."""
    return [
        p
        for p in periods
        if p.role == "date"
        and p.period.start is not None
        and not p.attributes.get("ago")  # "两年前…": the past of one comparison, not a topic
        and _usable_period(p, text)
        and _base_span(p, text) is None
        and not _spells_out_anchor(p, periods, text)
    ]


def _period(mention: PeriodMention | None, fig: Figure, ctx: _Ctx) -> Period:
    # the first cue in a window around the figure; cues are found once per sentence
    base = ctx.sentence.start
    lo, hi = max(base, fig.start - 60) - base, min(ctx.sentence.end, fig.end + 40) - base
    cues_in_sentence: list[tuple[int, int, Granularity]] = ctx.once("granularity", granularity_cues)
    cue = next((g for start, end, g in cues_in_sentence if start >= lo and end <= hi), None)
    if mention is None:
        return Period(granularity=cue, resolution="unresolved")
    period = mention.period
    if cue and cue != period.granularity and period.granularity not in ("week", "day"):
        # a weekly figure "by mid-February" is still a weekly figure
        return period.model_copy(update={"granularity": cue})
    return period


_DURATION_BEFORE_REACH = 12  # "两年涨了1000倍", "两年间增长约1000倍": duration, verb, figure


def _duration_before(fig: Figure, ctx: _Ctx) -> PeriodMention | None:
    """A span of time right before the change verb of a figure, in its stretch of the
    sentence: "两年涨了1000倍" (over two years it grew 1000-fold)."""
    for p in reversed(ctx.periods):
        if p.end > fig.start or p.role != "duration":
            continue
        gap = ctx.text[p.end : fig.start]
        if len(gap) > _DURATION_BEFORE_REACH or _SEGMENT_BREAK.search(gap):
            return None
        return p if _has_cue(gap, "change") else None
    return None


_BASES = ("week_over_week", "month_over_month", "year_over_year")
_CJK_CLAUSE_BREAK = re.compile("[，；]")
_BASIS_BEFORE = 12  # "环比增长12.3%", "同比下降": Chinese names the basis before the change
_FIGURE_END = re.compile(r".*[\d%％]", re.DOTALL)


_STREAK_BEFORE = re.compile(r"连续\s*第?\s*$")


def _basis(fig: Figure, ctx: _Ctx) -> str | None:
    # up to a Chinese clause break: "环比增长5%，同比增长120%" states two bases
    after = _CJK_CLAUSE_BREAK.split(
        ctx.text[fig.end : min(ctx.sentence.end, fig.end + 30)], maxsplit=1)[0]
    for basis in _BASES:
        if _has_cue(after, "basis", basis) or fig.attributes.get("basis_hint") == basis:
            return basis
    words = ctx.text[max(ctx.sentence.start, fig.start - _BASIS_BEFORE) : fig.start]
    earlier = _FIGURE_END.match(words)  # not past the figure before: "环比增长5%，同比增长12%"
    words = words[earlier.end() :] if earlier else words
    ends = {basis: _last_cue(words, "basis", basis) for basis in _BASES}
    nearest = max(_BASES, key=ends.__getitem__)
    if ends[nearest] >= 0:
        return nearest
    before = _duration_before(fig, ctx)
    if before is not None:
        days = before.attributes.get("days")
        return f"{days} days" if days else before.text
    for p in ctx.periods:
        # (not a streak after the figure: "高出38%，已连续三周领先")
        if p.role == "duration" and p.start >= fig.end - 5 and not _STREAK_BEFORE.search(
            ctx.text, max(0, p.start - 3), p.start
        ):
            days = p.attributes.get("days")
            return f"{days} days" if days else p.text
    return None


# -- assembly ----------------------------------------------------------------------------


def claim_id(article_id: str, kind: str, span: tuple[int, int], subject: str) -> str:
    key = f"{article_id}|{kind}|{span[0]}|{span[1]}|{subject}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _quote(text: str, sent: Sentence, fig: Figure) -> str:
    if sent.end - sent.start <= _QUOTE_LIMIT:
        return text[sent.start : sent.end]
    lo = max(sent.start, fig.start - _QUOTE_LIMIT // 2)
    hi = min(sent.end, lo + _QUOTE_LIMIT)
    return ("…" if lo > sent.start else "") + text[lo:hi] + ("…" if hi < sent.end else "")


def _nationality_group(text: str, skip: frozenset[str] = frozenset()) -> str | None:
    """The first nationality group (cues.json) ``text`` names, other than those in ``skip``."""
    groups: dict[str, list[str]] = cues()["nationality_groups"]
    for name, words in groups.items():
        if name in skip:
            continue
        for w in words:
            pattern = re.escape(w) if not w.isascii() else rf"(?<![\w.]){re.escape(w)}(?![\w])"
            # short forms ("US") only as written: "us" is a pronoun
            if re.search(pattern, text, re.IGNORECASE if len(w) > 3 else 0):
                return name
    return None


_COUNT_WORDS = r"two|three|four|five|six|seven|eight|nine|ten|[1-9]"
_COUNT_ZH = "两二三四五六七八九"


@lru_cache(maxsize=1)
def _set_count_regex() -> re.Pattern[str]:
    """'four of the top five', 'four are from China', 'Four Homegrown Models', '占据四席',
    '有四个', '四大国产模型': how many members of a top N belong to a group."""
    words = rank_words()
    classifiers = "".join(words["set_count_classifiers_zh"])
    verbs = "|".join(sorted(map(re.escape, words["set_count_verbs_zh"]), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-])(?P<en>{_COUNT_WORDS})\s+(?:(?:of|are|were|among)\b|"
        r"(?:[A-Za-z][\w-]*\s+){0,2}(?:models|LLMs|AI models)\b)|"
        rf"(?:(?:{verbs})\s?(?P<zh>[{_COUNT_ZH}1-9])\s?[{classifiers}])|"
        rf"(?P<zh2>[{_COUNT_ZH}1-9])\s?[{classifiers}]\s?(?=国产|中国|美国|海外|国外|本土)",
        re.IGNORECASE,
    )


def sentence_claims(sent: Sentence, figures: list[Figure], state: ArticleState) -> list[Claim]:
    """The claims a sentence makes, given its figures (offsets into the article text)."""
    text = state.text
    if sent.paragraph != state.paragraph:
        _under_heading(sent.paragraph, state)
        state.paragraph, state.paragraph_period = sent.paragraph, None
        state.paragraph_start = sent.start
        state.price_base = state.direction = None
    subjects = [s for s in within(state.subjects, sent) if not _is_source(s, text)]
    state.seen.extend(subjects)
    figures = _with_table_cells(sent, figures, subjects, state)
    periods = within(state.periods, sent)
    ctx = _Ctx(sent, subjects, periods, text, _clause_breaks(text, sent) if figures else [])
    claims: list[Claim] = _row_rank(ctx, state) if figures else []
    previous_unit = ""
    for i, fig in enumerate(figures):
        made = _figure_claims(fig, figures[i + 1 :], ctx, state, previous_unit)
        if fig.unit:
            previous_unit = fig.unit
        claims.extend(made)
        state.claims.extend(made)
    _mark_held_positions(claims, text)
    _remember_periods(sent, periods, claims, state)
    named = [s for s in subjects if not _compared_object(s, text) and not (
        s.kind == "platform" and _LOCATIVE_BEFORE.search(text, max(0, s.start - 12), s.start)
    )] or subjects or [
        SubjectMention(c.span[0], c.span[1], c.subject_text, c.subject, "carried")
        for c in claims[-1:]
    ]
    if named:
        state.last_subject, state.last_subject_sentence = named[-1], sent.end + 1
        state.last_sentence_subjects = named
    return _dedupe(claims)


_TRAILING = re.compile(r"(?<![\w-])(?:trail(?:s|ed|ing)?|behind|lag(?:s|ged|ging)?)\b|落后", re.I)


def _compared_object(s: SubjectMention, text: str) -> bool:
    """'…排名第二，仅次于MiniMax M2.5', 'overtook US models': the other side of a comparison,
    which a later "this model" / "该模型" does not refer to."""
    return bool(_comparison_object().search(text, max(0, s.start - 25), s.start))


_RANK_WORD = re.compile(r"No\.|[Nn]umber|\b(?:top|first|place|spot|rank\w*|lead\w*)\b|第|榜|名")


def _streak_trend(fig: Figure, ctx: _Ctx, lo: int, hi: int) -> str | None:
    """'its token count rose for a fifth straight week', 'its third weekly gain in a row',
    '连续五周增长': 'increase' or 'decrease' when the streak is a run of rises or falls, named
    before it in its stretch of the clause or right after it, and no place is named there."""
    start = lo
    for m in _SEGMENT_BREAK.finditer(ctx.text, lo, fig.start):
        start = m.end()
    before = ctx.text[start : fig.start]
    after = _SEGMENT_BREAK.split(ctx.text[fig.end : min(hi, fig.end + 12)], maxsplit=1)[0]
    for text in (fig.text, before, after):
        if _RANK_WORD.search(text):
            return None
    for direction in ("increase", "decrease"):
        if any(_has_cue(t, "streak_trends", direction) for t in (fig.text, before, after)):
            return direction
    return None


def _mark_held_positions(claims: list[Claim], text: str) -> None:
    """'in the top three for six straight weeks', '连续三周位居第二': a streak of a place
    other than the lead is another run than a lead's, so it says which (``held``): the place
    its subject ranks in the same stretch of the sentence."""
    for streak in claims:
        if streak.kind != "streak" or streak.attributes.get("ended"):
            continue  # "slipped to No. 3 after four weeks at the top": not the run's place
        for rank in claims:
            a, b = sorted((streak.span, rank.span))
            if (
                rank.kind == "ranking"
                and rank.subject == streak.subject
                and "count" not in rank.attributes  # "four of the top five": a set's
                and _SEGMENT_BREAK.search(text, a[1], b[0]) is None
            ):
                if rank.qualifier == "at_most":
                    streak.attributes["held"] = f"top {rank.value:g}"
                elif rank.value != 1:
                    streak.attributes["held"] = f"No. {rank.value:g}"
                break


def _dedupe(claims: list[Claim]) -> list[Claim]:
    seen: set[tuple[str, str, float]] = set()
    kept = []
    for c in claims:
        key = (c.kind, c.subject, round(c.value, 9))
        if c.kind == "ranking" and key in seen:
            continue
        seen.add(key)
        kept.append(c)
    return kept


@lru_cache(maxsize=1)
def _context_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = "|".join(re.escape(w) for w in sorted(cues()["context_words"], key=len, reverse=True))
    before = re.compile(
        rf"(?:{words})\s*(?:of\s+|under\s+|over\s+|above\s+|below\s+|up\s+to\s+|to\s+)?"
        r"(?:more\s+than\s+|less\s+than\s+|about\s+)?$",
        re.IGNORECASE,
    )
    after = re.compile(rf"\s*(?:of\s+)?(?:{words})", re.IGNORECASE)
    return before, after


def _context_size(fig: Figure, ctx: _Ctx) -> bool:
    """'for prompts under 128K tokens', '1M tokens of context': a size, not a volume."""
    before, after = _context_regexes()
    return bool(before.search(ctx.text, max(ctx.sentence.start, fig.start - 30), fig.start)
                or after.match(ctx.text, fig.end, ctx.sentence.end))


_GAP_REACH = 40


@lru_cache(maxsize=1)
def _gap_noun() -> re.Pattern[str]:
    words = cues()["gap_nouns"]
    english = "|".join(re.escape(w) for w in words if w.isascii())
    chinese = "|".join(re.escape(w) for w in words if not w.isascii())
    return re.compile(
        rf"\b(?:its|their|the|a|his|her)\s+(?:[\w-]+\s+)?(?:{english})\b|{chinese}",
        re.IGNORECASE,
    )


_SET_AGAINST = re.compile(
    r"[^\d,，;；.。]{0,12}?\b(?:against|versus|vs\.?|compared\s+(?:with|to))\s+\S*\d", re.I
)


def _gap_before(fig: Figure, ctx: _Ctx, lo: int) -> bool:
    """A difference between subjects named right before the figure ("its lead shrank to",
    "the gap between the two narrowed to", "差距缩小至"): the noun, then a few words with no
    figure and no comma ("widened their lead, processing 5.9 trillion" is a volume)."""
    window = ctx.text[max(lo, fig.start - _GAP_REACH) : fig.start]
    if _by_before().search(ctx.text, max(lo, fig.start - 60), fig.start):
        return True  # "Chinese models led U.S. models by 1.2 trillion tokens"
    found = list(_gap_noun().finditer(window))
    rest = window[found[-1].end() :] if found else ""
    if not found or any(ch.isdigit() or ch in ",，;；" for ch in rest):
        return False
    # "widened the gap to 5.16 trillion against 2.7 trillion": both sides' volumes
    return not _SET_AGAINST.match(ctx.text, fig.end)


def _figure_claims(
    fig: Figure, following: list[Figure], ctx: _Ctx, state: ArticleState, previous_unit: str
) -> list[Claim]:
    lo, hi = _clause_bounds(ctx, fig.start)
    unit, value, attrs = fig.unit, fig.value, dict(fig.attributes)
    if "low" in attrs and "high" in attrs:
        return []  # a range ("15-20 %", "3 to 10 times") is not one figure to check
    confidence = 0.9
    kind: ClaimKind
    if (
        unit == ""
        and attrs.get("scale")
        and (previous_unit == "tokens" or (fig.value >= 1e8 and _about_tokens(fig, state)))
    ):
        unit, confidence = "tokens", 0.75
    elif unit in ("", "count") and "noun" not in attrs and _token_head(fig, ctx, lo):
        # "日均Token调用量已经超过一百四十亿", "周调用量为3.2万亿": the measure named before
        # the figure is what it counts
        unit, confidence = "tokens", 0.8
    elif unit == "" and previous_unit == "count" and _paren_label(fig, ctx) is not None:
        # "AutoResearcher Pro (52 k downloads), SmartCoder (48 k, ...)": the list's unit
        unit, confidence = "count", 0.7
    elif unit == "" and (
        _counted_like_neighbour(fig, following, previous_unit, ctx)
        or (attrs.get("scale") and _count_head_before(fig, ctx, lo))
    ):
        unit, confidence = "count", 0.7
    if unit == "tokens" and (_gap_before(fig, ctx, lo) or _context_size(fig, ctx)):
        # "its lead shrank to 0.2 trillion tokens", "prompts under 128K tokens": a difference
        # or a size, not a volume
        return []
    paired: float | None = None  # the base of the price a money amount is paired with
    if unit == "tokens":
        kind = "token_volume"
    elif unit.endswith("/1M tokens"):
        kind = "price"
        state.price_base = float(attrs.get("per_tokens", _PER_MILLION))
    elif unit in _CURRENCIES and (
        _old_price(fig, ctx, state) or _is_price(fig, ctx, state, lo, hi)
        or (paired := _price_paired(fig, following, ctx)) is not None
    ):
        # "$0.27/M input, down from $0.56": the previous price is a price too
        kind = "price"
        base = paired or state.price_base or _PER_MILLION
        value, unit = value * _PER_MILLION / base, f"{unit}/1M tokens"
        confidence = 0.8 if state.price_base else 0.6
        attrs.setdefault("per_tokens", int(base))
    elif unit == "%":
        bi = None if attrs.get("change") else _bi_comparison(fig, ctx)
        if bi is not None:
            value = -value if bi[0] == "decrease" and value > 0 else value
            attrs["change"] = bi[0]
        named_after = None if attrs.get("change") else _change_after(fig, ctx)
        decrease = named_after == "decrease" or (not named_after and _decrease_before(fig, ctx, lo))
        if not attrs.get("change") and value > 0 and decrease:
            value, attrs["change"] = -value, "decrease"  # "cut prices ... by 50%", "50% off"
        elif named_after == "increase" or (
            not attrs.get("change") and not named_after and _increase_before(fig, ctx, lo)
        ):
            attrs["change"] = "increase"
        previous = _previous_percent(ctx, state)
        if (
            previous is not None
            and previous.kind == "change"
            and not attrs.get("change")
            and _BY_BEFORE.search(ctx.text, max(lo, fig.start - 6), fig.start)
        ):
            # "cuts input prices by 52%, cache-hit prices by 50%": the same verb, elided
            value = -value if previous.value < 0 else value
            attrs["change"] = "decrease" if previous.value < 0 else "increase"
        if not attrs.get("change"):
            rate = _growth_rate(fig, ctx, state, lo)
            if rate is not None:
                attrs["growth_rate"], attrs["rate_cue"] = rate
        kind = _percent_kind(fig, attrs, ctx, lo, hi, previous.kind if previous else None)
    elif unit == "x" and attrs.get("fraction") and _fraction_of_whole(fig, ctx, lo):
        # "accounts for a fifth of the tokens", "one in every five tokens", "五分之一的调用量"
        kind, value, unit = "share", round(value * 100, 4), "%"
    elif unit == "x":
        kind = "change"
        if _change_after(fig, ctx) == "decrease":
            attrs["inverse"] = True  # "16.7 times cheaper than X": X's figure over the subject's
    elif unit == "rank":
        kind = "ranking"
    elif unit == "top":
        return _top_claims(fig, ctx, state)
    elif unit in ("weeks", "days", "months") and attrs.get("streak"):
        kind = "streak"
    elif unit and unit not in ("years", "months", "weeks", "days"):
        # a bare span of time ("in 20 days") is a change's basis, not a figure to check
        kind = "quantity"
    else:
        return []

    subject, subject_conf, compared = _subjects_for(fig, kind, ctx, state, lo, hi)
    if kind == "price":
        subject = [_priced_model(s, state) for s in subject]
    elif kind in _GROUP_KINDS:
        subject = [_country_group(s) for s in subject]
    if not subject:
        return []
    mention, carried = _period_for(fig, ctx, state, kind)
    period = _period(mention, fig, ctx)
    period, span_basis = _over_a_span(kind, mention, period, state.published, lo, hi)
    if (
        kind == "token_volume"
        and period.granularity == "day"
        and period.start == period.end
        and mention is not None
        and mention.attributes.get("by")
        and not _has_cue(ctx.text[max(lo, fig.start - 40) : fig.start], "daily")
    ):
        # "as of March 22 … a cumulative 50 trillion", "截至3月22日": a total up to that day,
        # not the day's volume ("截至3月初…日均调用量" stays a daily average)
        period = period.model_copy(update={"granularity": "total"})
    if carried and period.start is not None:
        period = period.model_copy(update={"resolution": "inferred"})
    if attrs.get("change") == "from" and kind in _BASE_KINDS and (
        mention is None or mention.end <= fig.start
    ):
        period = _change_base_period(fig, ctx, state, period)
    own = frozenset(s.canonical for s in subject)
    attrs = _attributes(kind, fig, attrs, ctx, state, compared, period, lo, hi, own)
    if kind == "change" and attrs.get("measure") == "price" and any(
        c.kind == "price" and c.span[0] >= ctx.sentence.start for c in state.claims[-6:]
    ):
        # "MiniMax charges $0.30 …, but cache hits cost only $0.03, a tenth of the standard
        # input price": the model whose prices the sentence states
        subject = [_priced_model(s, state) for s in subject]
    if span_basis:
        attrs.setdefault("basis", span_basis)
    if kind == "streak":
        period = Period(granularity="week", resolution="unresolved") if not mention else period
        if fig.attributes.get("ended"):
            # "lost the top spot after six weeks": the run's last week is the one before
            attrs["ended"] = True
            period = shifted_back(period, "week_over_week") or period
    qualifier = (
        fig.qualifier if fig.qualifier in ("exact", "approx", "at_least", "at_most") else "exact"
    )
    out = []
    for s in subject:
        out.append(
            Claim(
                id=claim_id(state.article_id, kind, (fig.start, fig.end), s.canonical),
                article_id=state.article_id,
                kind=kind,
                subject=s.canonical,
                subject_text=s.text,
                value=value,
                unit=unit,
                qualifier=qualifier,
                period=period,
                attributes=attrs,
                quote=_quote(ctx.text, ctx.sentence, fig),
                span=(fig.start, fig.end),
                confidence=round(min(confidence, subject_conf * s.confidence), 2),
            )
        )
    return out


_PAREN_CLOSE = re.compile(r"\s*[)）]")
_BASE_KINDS = frozenset({"token_volume", "quantity", "share"})


def _change_base_period(fig: Figure, ctx: _Ctx, state: ArticleState, period: Period) -> Period:
    """'a 1,000-fold increase in two years, from just 140 million per day': the figure a
    change starts from, stated after the change in its sentence without a date of its own,
    holds for the change's period moved back by the change's basis (periods.shifted_back);
    without a basis to move by, it keeps ``period``, and when the move cannot be made it
    gets no period rather than the change's."""
    for c in reversed(state.claims[-_RECENT_CLAIMS:]):
        if c.span[0] < ctx.sentence.start:
            break
        if c.kind != "change" or c.span[1] > fig.start:
            continue
        basis = c.attributes.get("basis")
        if not basis or basis == "cagr":
            return period
        moved = shifted_back(c.period, str(basis))
        if moved is None:
            return Period(granularity=period.granularity, resolution="unresolved")
        return moved.model_copy(update={"granularity": period.granularity or moved.granularity})
    return period


def _counted_like_neighbour(
    fig: Figure, following: list[Figure], previous_unit: str, ctx: _Ctx
) -> bool:
    """A bare number that counts what its neighbour counts: 'from 50 to 100 calls', '150,000
    paying developers, up from 40,000'; or a scaled number alone in parentheses after a name,
    'AI trainers (+800 k)'."""
    if fig.attributes.get("change") == "from":
        after = following[0] if following else None
        if after is not None and after.unit == "count" and after.attributes.get("change") == "to":
            return True
        return previous_unit == "count" and not (after and after.attributes.get("change") == "to")
    if not fig.attributes.get("scale") or not _PAREN_CLOSE.match(ctx.text, fig.end):
        return False
    label = _paren_label(fig, ctx)
    return label is not None and label.kind == "unknown"


# a change's figure may stand between a count's noun and the count ("rose 20% to 1.2 million"),
# and so may a name with digits in it ("Kimi K2.5"); no other number
_CHANGE_FIGURE = re.compile(
    r"(?<![\w.])[0-9][0-9.,]*\s*(?:%|percent\b|per\s+cent\b|times\b|x\b|倍)", re.IGNORECASE
)
_NUMBER_START = re.compile(r"(?<![\w.])[0-9]")


def _count_head_before(fig: Figure, ctx: _Ctx, lo: int) -> bool:
    """'The number of developers doubled to 1.2 million': the clause names what a bare scaled
    number counts before it (cues.json count_heads)."""
    window = ctx.text[max(lo, fig.start - 2 * _HEAD_REACH) : fig.start]
    heads = list(_cue_regex("count_heads").finditer(window))
    between = _CHANGE_FIGURE.sub("", window[heads[-1].end() :]) if heads else ""
    return bool(heads) and _NUMBER_START.search(between) is None


_HEAD_REACH = 40  # how far before its figure a measure noun may end ("token usage ... reached")
_HEAD_GAP = 30  # the words between them: verbs, adverbs, hedges ("已经超过", "has reached")
_BIG = 1e6


def _token_head(fig: Figure, ctx: _Ctx, lo: int) -> bool:
    """A bare number ("一百四十亿", "3.2万亿", "14,000,000,000") counts tokens when its clause
    names a token measure right before it (cues.json measure_heads), with only words between:
    no other figure, no clause break. Chinese puts the measure before the number."""
    if not (fig.attributes.get("scale") or fig.unit == "count" or abs(fig.value) >= _BIG):
        return False
    start = max(lo, ctx.sentence.start, fig.start - _HEAD_REACH)
    heads = list(_measure_heads("token_volume").finditer(ctx.text, start, fig.start))
    if not heads:
        return False
    gap = ctx.text[heads[-1].end() : fig.start]
    return len(gap) <= _HEAD_GAP and not _SEGMENT_BREAK.search(gap) and not any(
        c.isdigit() for c in gap
    )


@lru_cache(maxsize=4)
def _measure_heads(measure: str) -> re.Pattern[str]:
    """The head nouns of a measure (cues.json measure_heads). Latin words are bounded by Latin
    letters and digits only, so that "Token" counts right after Chinese ("日均Token调用量")."""
    words = [w.lower() for w in cues()["measure_heads"][measure]]
    alternation = phrase_alternation(
        words, word_bounds=True, neighbours=r"[A-Za-z0-9_-]", digit_edges=True
    )
    return re.compile(alternation, re.IGNORECASE)


_TOKEN_WORD = re.compile(r"tokens?|调用量|call volume", re.IGNORECASE)
_USAGE = re.compile(r"usage|用量", re.IGNORECASE)
_CURRENCY_MARK = re.compile(r"[$¥€£]|美元|元|\b(?:USD|CNY|yuan|dollars?)\b", re.IGNORECASE)
_MEASURE_REACH = 20  # "usage fall 12%", "prices cut by 50%": the measure's noun and verb
# how far back a table header or a lead sentence says that bare figures count tokens
_TOKEN_CONTEXT = 1500


def _about_tokens(fig: Figure, state: ArticleState) -> bool:
    """A bare '2.31T' or '5.59 trillion' counts tokens when the text around it is about tokens."""
    if state.token_words is None:
        # found once per article, then looked up by bisection: many bare figures stay cheap
        state.token_words = [m.start() for m in _TOKEN_WORD.finditer(state.text)]
    words = state.token_words
    i = bisect.bisect_left(words, max(0, fig.start - _TOKEN_CONTEXT))
    return i < len(words) and words[i] < fig.end + 60


# kinds whose figures a country's models make: "China's weekly token volume", "America's share"
_GROUP_KINDS = frozenset({"token_volume", "share", "streak", "ranking"})


def _country_group(subject: SubjectMention) -> SubjectMention:
    """A country stands for its models' group (cues.json nationality_groups) in the kinds those
    groups are reported by; a country's growth rate or pledge stays the country's."""
    if subject.kind != "country":
        return subject
    group = _nationality_group(subject.canonical)
    return replace(subject, canonical=group, kind="group") if group else subject


def _priced_model(subject: SubjectMention, state: ArticleState) -> SubjectMention:
    """Prices belong to models: a vendor named with a price stands for its model in the text."""
    if subject.kind != "vendor":
        return subject
    for s in reversed(state.seen):
        info = entity(s.canonical)
        if s.kind == "model" and info and info.get("vendor") == subject.canonical:
            return SubjectMention(
                subject.start, subject.end, subject.text, s.canonical, "model", confidence=0.8
            )
    return subject


_PAIR_GLUE = re.compile(r"\s*(?:and|or|to|/|,|和|与|或|至|到|、)\s*$", re.IGNORECASE)


def _price_paired(fig: Figure, following: list[Figure], ctx: _Ctx) -> float | None:
    """'$3 and $15 per million tokens': a money amount joined to the price right after it is
    a price on the same base (returned)."""
    nxt = following[0] if following else None
    if (
        nxt is None
        or not nxt.unit.startswith(fig.unit + "/")
        or not _PAIR_GLUE.match(ctx.text, fig.end, nxt.start)
    ):
        return None
    return float(nxt.attributes.get("per_tokens", _PER_MILLION))


def _is_price(fig: Figure, ctx: _Ctx, state: ArticleState, lo: int, hi: int) -> bool:
    if fig.attributes.get("direction"):
        return True
    near = ctx.text[max(lo, fig.start - 40) : min(hi, fig.end + 40)]
    if _has_cue(near, "money_measure"):
        return False
    last = state.claims[-1] if state.claims else None
    if (
        last is not None
        and last.kind == "price"
        and last.span[0] >= ctx.sentence.start
        and last.unit.startswith(fig.unit + "/")
    ):
        # "M2.5为每百万Token 1.1美元，GLM-5为2.55美元，Claude则达25美元": the list goes on
        return True
    return _has_cue(near, "price") and (state.price_base is not None or "token" in near.lower())


_DIGIT = re.compile(r"\d")


def _split_pair(
    fig: Figure, ctx: _Ctx, state: ArticleState
) -> tuple[SubjectMention, SubjectMention] | None:
    """The two sides of 'a 61/39 split', in order: the subjects of the sentence's two figures
    before it ('they processed 5.3T tokens vs. 3.4T for American models'), else the last two
    subjects it names before it."""
    made = [c for c in state.claims if ctx.sentence.start <= c.span[0] and c.span[1] <= fig.start]
    sides: dict[str, SubjectMention] = {}
    for c in made:
        sides.setdefault(c.subject, SubjectMention(c.span[0], c.span[1], c.subject_text,
                                                   c.subject, "carried"))
    if len(sides) < 2:
        sides = {}
        for s in ctx.subjects:
            if s.end <= fig.start and s.kind != "platform":
                sides.setdefault(s.canonical, s)
    if len(sides) < 2:
        return None
    first, second = list(sides.values())[-2:]
    return first, second


def _subjects_for(
    fig: Figure, kind: ClaimKind, ctx: _Ctx, state: ArticleState, lo: int, hi: int
) -> tuple[list[SubjectMention], float, list[str]]:
    """Who the figure is about, how sure we are, and (for ratios) what it is compared with."""
    row_subject = fig.attributes.get("row_subject")
    if isinstance(row_subject, SubjectMention):
        return [row_subject], 0.85, []  # a table cell: the row's name
    if _is_row(ctx):
        row = [s for s in ctx.subjects if s.end <= fig.start]
        if row:
            return [_preferred_in_row(row)], 0.85, []
    if kind == "share" and "split" in fig.attributes:
        sides = _split_pair(fig, ctx, state)
        return ([sides[int(fig.attributes["split"]) - 1]], 0.7, []) if sides else ([], 0.0, [])
    if kind == "share":
        named = _part_for(fig, ctx)  # before a label: "US models (29% for Chinese models)"
        if named is not None:
            return named[0], named[1], []
    paren = _paren_label(fig, ctx)
    top = _TOP_WHOLE_ZH.search(paren.text) if paren and paren.kind == "unknown" else None
    named_top = _top_models(top["n"], state) if top else None
    if paren is not None and named_top:
        # "占前五名合计（5.30万亿）": the top five's total, not a model called "占前五名合计"
        return [SubjectMention(paren.start, paren.end, paren.text, named_top, "group")], 0.8, []
    if paren is not None and paren.kind != "platform":
        return [_joint_of_last(paren, kind, ctx, state)], 0.85, []
    respective = _respective(fig, ctx, state, lo)
    if respective is not None:
        return [respective], 0.85, []
    if kind == "share":
        part = _share_part(fig, ctx, state, lo)
        if part is not None:
            whole = _subject_after(fig, ctx, hi)
            return part[0], part[1], [whole.canonical] if whole else []
    if kind in ("price", "change", "ranking", "streak"):
        # prices, changes, ranks and streaks belong to models and groups, not to the platform
        # reporting them; a change in token volume the sentence names nothing else for is the
        # platform's own ("Token consumption on OpenRouter rose 8% from the prior week"), unless
        # a pronoun names its owner ("its usage on OpenRouter", "my OpenRouter bill")
        platform = _subject_before(fig, ctx, lo) if kind == "change" else None
        if (
            platform is not None
            and platform.kind == "platform"
            and all(s.kind == "platform" for s in ctx.subjects)
            and not _OWNER_PRONOUN.search(ctx.text, lo, fig.start)
            and _measure(ctx, fig, state) == "token_volume"
        ):
            return [platform], 0.7, []
        ctx = _Ctx(
            ctx.sentence,
            [s for s in ctx.subjects if s.kind != "platform"],
            ctx.periods,
            ctx.text,
            ctx.breaks,
            ctx.memo,
        )
    if kind == "change" and fig.unit == "x":
        possessed = _possessed_comparison(fig, ctx)
        if possessed is not None:
            return possessed
    if kind == "change" and fig.unit == "%":
        bi = _bi_comparison(fig, ctx)
        if bi is not None and bi[1] is not None and bi[2] is not None:
            return [bi[1]], 0.85, [bi[2].canonical]
    after = _subject_after(fig, ctx, hi)
    compared: list[str] = []
    if kind == "change" and fig.unit in ("x", "%"):
        # "3 times as many as X", "12% more tokens than X", "40% higher than that of X": a
        # ratio between subjects
        than = _compared_after(fig, ctx, hi)
        if than is not None:
            compared, after = [_named_model(than, ctx, hi).canonical], None
    if after and kind == "change" and fig.unit == "x" and _MULTIPLIER_VERB.fullmatch(fig.text):
        # "DeepSeek halved the price of V3.2's output": what the verb changed, no comparison
        return [after], 0.8, []
    if after and (kind == "share" or (kind == "change" and fig.unit == "x")):
        # "61% of global calls on X", "16.7 times that of X": the whole, not the subject
        compared = [_named_model(after, ctx, hi).canonical]
        after = None
    if after is None and kind == "token_volume":
        across = _groups_across(fig, ctx, hi)
        if across is not None:
            return [across], 0.8, compared
    if after and kind in ("token_volume", "price", "quantity"):
        return [after], 0.9, compared
    if after is None and kind in ("token_volume", "quantity"):
        pair = _pair_after(fig, ctx, state, hi)
        if pair is not None:
            return [pair], 0.75, compared
        if _is_whole(fig, ctx):
            platform = _platform_for(fig, ctx, state, hi)
            return ([platform], 0.7, compared) if platform else ([], 0.0, compared)
    before = _subject_before(fig, ctx, lo) or _subject_before(fig, ctx, ctx.sentence.start)
    if before is not None:
        before = _agent(before, ctx)
        before = _contrasted(fig, before, kind, ctx, state) or before
        group = _coordinated(before, ctx) if kind in ("price", "token_volume") else [before]
        joint = _groups_joint(group)
        if joint is not None and kind == "token_volume":
            # "Chinese and US models processed 11.3 trillion tokens": a sum, not each one's
            return [joint], 0.8, compared
        if kind == "change":
            return [_joint_of_last(before, kind, ctx, state)], 0.9, compared
        return group, 0.9, compared
    near = max(lo, fig.start - 30)
    if (
        kind == "token_volume"
        and _PLATFORM_TOTAL.search(ctx.text, near, fig.start)
        and not _OWNER_PRONOUN.search(ctx.text, lo, fig.start)
    ):
        # "据OpenRouter统计，上周平台总调用量为12.5万亿Token": the platform's, named as the
        # source only; with no platform known, nobody's (not the last sentence's subject)
        platform = _platform_for(fig, ctx, state, hi)
        return ([platform], 0.7, compared) if platform else ([], 0.0, compared)
    following = next((s for s in ctx.subjects if fig.end <= s.start < hi), None)
    if kind == "share" and _OF_WHOLE.match(ctx.text, fig.end):
        following = None  # '85.7% of the total call volume of the Top 5': the whole
    if following is not None and kind != "change":
        return [following], 0.8, compared
    if (
        following is not None
        and _CHANGE_FOR.fullmatch(ctx.text, fig.end, following.start)
        and (_change_after(fig, ctx) is not None
             or fig.attributes.get("change") in ("increase", "decrease"))
    ):
        # "That is a 25% slide in a single week for Chinese models", "Usage grew 20% week over
        # week for Qwen 3": the change, then whose it is (only when no subject stands before)
        return [following], 0.8, compared
    last = state.claims[-1] if state.claims else None
    if (
        kind == "change"
        and last is not None
        and last.subject == state.platform
        and ctx.sentence.start <= last.span[0]
        and last.kind == "token_volume"
    ):
        # "上周全平台Token总调用量约为8.7万亿，环比上涨9%": the change of the platform's total
        # just stated, not of the last subject named
        mention = SubjectMention(fig.start, fig.start, last.subject_text, last.subject, "platform")
        return [mention], 0.6, compared
    carried = _carried_subject(ctx, state)
    if carried is not None:
        return [carried], 0.6, compared
    nationality = ctx.once("nationality", _nationality_group)
    if nationality and any(
        m.canonical == nationality and fig.end < m.start
        and _DIGIT.search(ctx.text, fig.end, m.start)
        for m in ctx.subjects
    ):
        nationality = None  # "they processed 5.3T vs. 3.4T for American models": the other's
    if nationality and kind in ("token_volume", "share", "streak"):
        mention = SubjectMention(fig.start, fig.start, nationality, nationality, "group")
        return [mention], 0.4, compared
    return [], 0.0, compared


@lru_cache(maxsize=1)
def _pair_regex() -> re.Pattern[str]:
    """'11.3 trillion tokens processed by the two groups': a figure of two subjects together."""
    return re.compile(
        r"\s*(?:[A-Za-z-]+\s+){0,3}?(?:by|of|for|from|across|between)\s+"
        rf"(?:{_words_regex(cues()['pair_anaphora'])})",
        re.IGNORECASE,
    )


def _pair_after(fig: Figure, ctx: _Ctx, state: ArticleState, hi: int) -> SubjectMention | None:
    """'... of the 11.3 trillion tokens processed by the two groups': the two subjects named
    last (in this sentence or the one before) together, as one subject ('Chinese and US
    models')."""
    if _pair_regex().match(ctx.text, fig.end, min(hi, fig.end + _LABEL_WINDOW)) is None:
        return None
    named = [s for s in ctx.subjects if s.end <= fig.start] + [
        s for s in state.last_sentence_subjects if s.end <= ctx.sentence.start
    ]
    latest: list[str] = []  # the two names mentioned last, in the order they were first named
    earliest: dict[str, SubjectMention] = {}
    for s in sorted(named, key=lambda m: m.start, reverse=True):
        if s.kind in ("platform", "carried"):
            continue
        if s.canonical not in latest and len(latest) < 2:
            latest.append(s.canonical)
        if s.canonical in latest:
            earliest[s.canonical] = s
    if len(latest) < 2:
        return None
    return _joint(sorted((earliest[n] for n in latest), key=lambda m: m.start))


def _joint(members: list[SubjectMention]) -> SubjectMention:
    """Several subjects as one ('Chinese and US models'), for a figure they hold together."""
    first, second = members[0], members[-1]
    name = _joint_name([m.canonical for m in members])
    return SubjectMention(first.start, second.end, name, name, "group", confidence=0.8)


def _groups_joint(members: list[SubjectMention]) -> SubjectMention | None:
    """Two or more groups listed together as one subject; None for one, or for models."""
    if len(members) > 1 and all(s.kind == "group" for s in members):
        return _joint(members)
    return None


def _joint_name(names: list[str]) -> str:
    a, b = names[0].split(), names[-1].split()
    if len(names) == 2 and len(a) > 1 and len(b) > 1 and a[-1] == b[-1]:
        return f"{' '.join(a[:-1])} and {' '.join(b)}"
    return f"{', '.join(names[:-1])} and {names[-1]}"


# "贡献了前五名总调用量的85.7%", "占前五名合计（5.30万亿）的85.7%": the top N's volume
_TOP_WHOLE_ZH = re.compile(
    r"前(?P<n>[一二三四五六七八九十]{1,2}|\d{1,2})名?(?:模型)?的?(?:总调用量|总用量|合计|总量|总和)"
)


def _top_whole(fig: Figure, ctx: _Ctx, state: ArticleState) -> str | None:
    """The top N models (on the article's platform) as the whole of a share, named before it."""
    found = list(_TOP_WHOLE_ZH.finditer(ctx.text, max(ctx.sentence.start, fig.start - 30),
                                        fig.start))
    return _top_models(found[-1]["n"], state) if found else None


def _top_models(n_written: str, state: ArticleState) -> str | None:
    """'五' -> 'OpenRouter top 5 models' (or 'top 5 models' with no platform known)."""
    n = ordinal_value(n_written)
    info = entity(f"top {n:g} models") if n else None
    if info is None:
        return None
    variants: dict[str, str] = info.get("platform_variant") or {}
    return variants.get(state.platform or "", str(info["name"]))


# "their share of the combined volume of the two groups", "61% of the tokens consumed by
# Chinese and U.S. models combined", "在中美模型合计调用量中的占比": the groups together
_TWO_GROUPS = re.compile(r"\b(?:the\s+two|both)\s+groups\b|中美", re.IGNORECASE)
_COMBINED = re.compile(r"\bcombined\b|\btotal\b|合计|总和|加总|合共", re.IGNORECASE)


@lru_cache(maxsize=1)
def _platform_whole_regex() -> re.Pattern[str]:
    return re.compile(_words_regex(cues()["platform_wholes"]), re.IGNORECASE)


def _platform_whole(fig: Figure, ctx: _Ctx, hi: int, state: ArticleState) -> bool:
    """Whether a share with no whole named is of the article's platform: not when 'N% of'
    names another whole ('90% of the rare-earth processing capacity', '10% of tasks')."""
    if not _OF_WHOLE.match(ctx.text, fig.end, hi):
        return True
    words = ctx.text[fig.end : min(hi, fig.end + 50)]
    return bool(_platform_whole_regex().search(words)) or bool(
        state.platform and state.platform.lower() in words.lower()
    )


def _groups_whole(ctx: _Ctx, own: frozenset[str]) -> str | None:
    """The nationality groups together as the whole of one group's share, when said so."""
    groups = list(cues()["nationality_groups"])
    if not own or not own <= set(groups):
        return None
    text = ctx.text[ctx.sentence.start : ctx.sentence.end]
    named = [g for g in groups if _nationality_group(text, frozenset(groups) - {g})]
    if _TWO_GROUPS.search(text) or (len(named) == len(groups) and _COMBINED.search(text)):
        return _joint_name(groups)
    return None


_MULTIPLIER_VERB = re.compile(r"(?:doubl|tripl|quadrupl|halv)(?:ed|es|ing)", re.IGNORECASE)
# "its usage", "my OpenRouter bill", "它的": a pronoun names whose a figure is
_OWNER_PRONOUN = re.compile(
    r"\b(?:its|their|my|our|your|his|her)\b|它的|他们的|我的|我们的", re.IGNORECASE
)
# "平台总调用量", "total token volume", "the platform": the platform's own total
_PLATFORM_TOTAL = re.compile(
    r"平台|全站|总调用量|总用量|\b(?:the\s+platform|platform-wide|sitewide|site-wide)\b"
    r"|\btotal\s+(?:token\s+)?(?:volume|usage|consumption|traffic)\b",
    re.IGNORECASE,
)
_CHANGE_FOR = re.compile(
    r"[\s+]*[\w-]+(?:\s+[\w-]+){0,6}?\s+(?:for|of|among|at)\s+(?:the\s+|its\s+|their\s+)?",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _bi_before() -> re.Pattern[str]:
    words = cues()["comparative_bi"]
    alternation = "|".join(re.escape(w) for w in sorted(
        words["increase"] + words["decrease"], key=len, reverse=True))
    # "比B多", "比B的输入价格便宜了约", "较B（4.7万亿）高出": ending the text before a percent
    return re.compile(r"(?:比|较|相较于?)(?P<base>[^，,。；;比较]{1,30}?)(?P<word>" + alternation
                      + r")(?:出)?了?\s*(?:约|近|超过|达)?\s*$")


@lru_cache(maxsize=1)
def _by_before() -> re.Pattern[str]:
    words = cues()["comparative_by"]
    alternation = "|".join(re.escape(w) for w in sorted(
        words["increase"] + words["decrease"], key=len, reverse=True))
    # "outpaced GPT-5 by", "undercuts OpenAI's GPT-5 by more than": ending the text before a
    # percent (a hedge may or may not be part of the figure)
    return re.compile(r"(?<![A-Za-z])(?P<word>" + alternation + r")\s+(?P<base>[^,;:]{1,40}?)"
                      r"\s+by\s+(?:(?:about|around|roughly|nearly|almost|some|more\s+than|over"
                      r"|just\s+over|less\s+than|at\s+least|close\s+to)\s+)?$", re.IGNORECASE)


_PRONOUN_BASE = re.compile(r"\s*(?:it|them|its\s+rivals?|their\s+rivals?)\s*", re.IGNORECASE)


def _bi_comparison(
    fig: Figure, ctx: _Ctx
) -> tuple[str, SubjectMention | None, SubjectMention | None] | None:
    """'A比B多12%', 'A的输入价格比B便宜90%', '比上周多12%', 'A outpaced B by 20%': 'increase' or
    'decrease', and A and B when both are named (in English, only then)."""
    lo = max(ctx.sentence.start, fig.start - 60)
    match = _bi_before().search(ctx.text, lo, fig.start)
    words = cues()["comparative_bi"]
    pronoun = False
    if match is None:
        match = _by_before().search(ctx.text, lo, fig.start)
        words = cues()["comparative_by"]
        if match is None:
            return None
        pronoun = _PRONOUN_BASE.fullmatch(match["base"]) is not None
        if not pronoun and not any(match.start("base") <= s.start and s.end <= match.end("base")
                                   for s in ctx.subjects):
            return None
    direction = "increase" if match["word"].lower() in words["increase"] else "decrease"
    bi = match.start()
    bases = [s for s in ctx.subjects if bi < s.start and s.end <= match.end("base")]
    owners = [s for s in ctx.subjects if lo <= s.start and s.end <= bi]
    if pronoun and owners:
        # "Claude Sonnet 4.6 costs $3 …, and DeepSeek V3.2 undercuts it by 90%": the subject
        # named before the owner in the sentence
        bases = [s for s in ctx.subjects if ctx.sentence.start <= s.start
                 and s.end <= owners[-1].start and s.canonical != owners[-1].canonical][-1:]
    if not bases or not owners:
        return direction, None, None
    return direction, owners[-1], bases[0]


# "A为25美元，约为B（2.55美元）的9.8倍", "不到B输出价格（25美元）的二十分之一": B's measure
# and its own figure may stand between B and 的
_POSSESSIVE = re.compile(
    r"\s*[\u4e00-\u9fff]{0,6}\s*(?:[(（][^()（）]{0,40}[)）])?\s*的\s*[\u4e00-\u9fff]{0,6}?"
    r"(?:[0-9.]+\s?倍\s?[和、与及]\s?)?$"  # "X的10倍和36倍": the second multiple too
)


def _possessed_comparison(
    fig: Figure, ctx: _Ctx
) -> tuple[list[SubjectMention], float, list[str]] | None:
    """'A的价格是B的十八分之一' / 'A是B和C的22.7倍和9.8倍': A is the subject, B (and C) the base."""
    before = [s for s in ctx.subjects if s.end <= fig.start]
    if len(before) < 2:
        return None
    base = before[-1]
    if not _POSSESSIVE.match(ctx.text[base.end : fig.start]):
        return None
    compared = _coordinated(base, ctx)
    earlier = [s for s in before if s.end <= compared[0].start]
    if not earlier:
        return None
    return [earlier[-1]], 0.85, [s.canonical for s in compared]


_ROW = re.compile(r"\s*(?:\|?\s*(\d{1,3})\s*(?:\||[.)、]\s)|\|)")


def _ranking_claim(
    state: ArticleState,
    subject: str,
    subject_text: str,
    position: float,
    qualifier: Qualifier,
    period: Period,
    attributes: dict[str, Any],
    quote: str,
    span: tuple[int, int],
    key_span: tuple[int, int],
    confidence: float,
) -> Claim:
    """A ranking claim; ``key_span`` (the figure, or the member named) keeps its id unique."""
    return Claim(
        id=claim_id(state.article_id, "ranking", key_span, subject),
        article_id=state.article_id,
        kind="ranking",
        subject=subject,
        subject_text=subject_text,
        value=position,
        unit="rank",
        qualifier=qualifier,
        period=period,
        attributes=attributes,
        quote=quote,
        span=span,
        confidence=confidence,
    )


def _ordered_rankings(
    state: ArticleState,
    members: list[SubjectMention],
    period: Period,
    scope: str,
    quote: str,
    span: tuple[int, int] | None,
) -> list[Claim]:
    """Positions 1, 2, 3... for the members of an ordered list, each claim spanning ``span``
    (the "top N" figure) or, without one, the member's own name."""
    return [
        _ranking_claim(
            state,
            m.canonical,
            m.text,
            i,
            "exact",
            period,
            {"scope": scope},
            quote,
            span or (m.start, m.end),
            (m.start, m.end),
            0.7,
        )
        for i, m in enumerate(members, 1)
    ]


def _row_rank(ctx: _Ctx, state: ArticleState) -> list[Claim]:
    """The position that leads a ranked table row or list line, for the row's model; in
    running text, the positions of an ordered list and of 'second only to X'."""
    match = _ROW.match(ctx.text, ctx.sentence.start, ctx.sentence.end)
    if not match or not match.group(1) or not _is_row(ctx) or not ctx.subjects:
        return [] if _is_row(ctx) else _sentence_ranks(ctx, state)
    subject = _preferred_in_row(ctx.subjects)
    position = int(match.group(1))
    span = (match.start(1), match.end(1))
    mention = state.paragraph_period or state.last_period
    period = mention.period if mention else Period(resolution="unresolved")
    scope = f"{state.platform or 'list'} {period.granularity or ''}".strip()
    quote = ctx.text[ctx.sentence.start : ctx.sentence.end]
    return [
        _ranking_claim(
            state,
            subject.canonical,
            subject.text,
            position,
            "exact",
            period,
            {"scope": scope},
            quote,
            span,
            span,
            0.8,
        )
    ]


def _is_row(ctx: _Ctx) -> bool:
    """A table row or a ranked list line: '| 1 | MiniMax M2.5 | 2.31T |', '1. X — 2.58T'."""
    return bool(ctx.once("row", _looks_like_row))


# "1. MiniMax M2.5 — 1.65T (+8%)", "2) Kimi K2.5: 1.1 trillion tokens": a numbered line that
# names something, then its token volume, is a place on a chart; a numbered line of prose
# ("1. DeepSeek cut prices by 50%") is not
_RANKED_LINE = re.compile(
    r"\s*\d{1,3}[.)]\s+[^\n:—–]{1,60}?\s*(?:—|–|-|:)\s*(?:about\s+|~)?[0-9][0-9.,]*\s*"
    r"(?:T|B|M|tn|bn|trillion|billion|million|万亿|亿)(?![A-Za-z])"
)


def _looks_like_row(line: str) -> bool:
    return (line.count("|") >= 2 or line.count(" — ") >= 2 or line.count(" | ") >= 2
            or _RANKED_LINE.match(line) is not None)


def _preferred_in_row(row: list[SubjectMention]) -> SubjectMention:
    """The row's model, not the vendor column next to it."""
    for s in row:
        if s.kind in ("model", "unknown", "group"):
            return s
    return row[0]


@lru_cache(maxsize=1)
def _comparison_object() -> re.Pattern[str]:
    words = cues()["comparison_object"]
    parts = [
        re.escape(w) if not w[:1].isascii() else rf"(?<![\w-]){re.escape(w)}"
        for w in sorted(words, key=len, reverse=True)
    ]
    # "surpassed that of US models": the object is still the name after "that of"
    return re.compile(
        rf"(?:{'|'.join(parts)})\s*(?:th(?:at|ose)\s+of\s+)?(?:the\s+|their\s+|its\s+)?$",
        re.IGNORECASE,
    )


# "ahead of GLM-5, which dropped to fifth": the figure is in the clause about the name itself
_RELATIVE_AFTER = re.compile(r"\s*,?\s*(?:which|who|that)\b")


def _agent(before: SubjectMention, ctx: _Ctx) -> SubjectMention:
    """In 'A surpassed B with 4.12 trillion', the figure belongs to A, not to B."""
    earlier = [s for s in ctx.subjects if s.end <= before.start]
    lead_in = ctx.text[max(ctx.sentence.start, before.start - 25) : before.start]
    possessive = ctx.text.startswith("的", before.end)  # "超过美国模型的2.94万亿": B's own figure
    relative = _RELATIVE_AFTER.match(ctx.text, before.end, ctx.sentence.end) is not None
    if earlier and not possessive and not relative and _comparison_object().search(lead_in):
        return earlier[-1]
    if before.kind == "vendor":
        # "the M2.5 model released by MiniMax ... topped": the model, not its vendor
        for s in reversed(earlier):
            info = entity(s.canonical)
            if s.kind == "model" and info and info.get("vendor") == before.canonical:
                return s
    return before


_CONTRAST_BEFORE = re.compile(r"(?:against|versus|vs\.?|compared (?:with|to))\s*$", re.IGNORECASE)


def _contrasted(
    fig: Figure, agent: SubjectMention, kind: ClaimKind, ctx: _Ctx, state: ArticleState
) -> SubjectMention | None:
    """'A overtook B ..., processing 4.12 trillion tokens against 2.94 trillion': the figure
    set against A's own is B's, the object of the comparison."""
    if not _CONTRAST_BEFORE.search(ctx.text, max(ctx.sentence.start, fig.start - 16), fig.start):
        return None
    last = state.claims[-1] if state.claims else None
    if last is None or last.kind != kind or last.subject != agent.canonical:
        return None
    if last.span[0] < ctx.sentence.start or _subjects_in(ctx, last.span[1], fig.start):
        return None
    for s in ctx.subjects:
        if s.end > fig.start or s.canonical == agent.canonical:
            continue
        lead_in = ctx.text[max(ctx.sentence.start, s.start - 25) : s.start]
        if _comparison_object().search(lead_in):
            return s
    return None


def _carried_subject(ctx: _Ctx, state: ArticleState) -> SubjectMention | None:
    """Anaphora ('this figure', 'Their weekly volume'): the subject of the sentence before."""
    last = state.last_subject
    if last is None or state.last_subject_sentence < ctx.sentence.start - 1:
        return None
    if last.kind == "vendor":
        # "...its Llama 4 edition in partnership with Zhipu. It reached 68.5 %": the model
        models = [s for s in state.last_sentence_subjects if s.kind == "model"]
        if models:
            return models[-1]
    if last.kind == "unknown":
        # "Gemini 2.5 Pro is now open... New features include Deep Research 2.0 (...).
        # Pricing was cut by 33 %": a feature named in passing does not take over a paragraph
        # about a known model
        topic = next((s for s in state.seen if s.start >= state.paragraph_start
                      and s.kind == "model"), None)
        if topic is not None:
            return topic
    return last


def _attributes(
    kind: ClaimKind,
    fig: Figure,
    attrs: dict[str, Any],
    ctx: _Ctx,
    state: ArticleState,
    compared: list[str],
    period: Period,
    lo: int,
    hi: int,
    own: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """The kind's attributes; ``own`` are the claim's subjects (a streak is over another)."""
    out: dict[str, Any] = {}
    before = ctx.text[ctx.sentence.start : fig.start]
    if kind == "price":
        direction = (_respective_direction(fig, ctx, state) or attrs.get("direction")
                     or _direction(before) or state.direction)
        if direction:
            out["direction"] = direction
            state.direction = direction
        out["currency"] = attrs.get("currency") or fig.unit.split("/")[0]
        if attrs.get("change") == "from":
            out["previous"] = True  # "down from $0.56": the price before the change
        if "per_tokens" in attrs:
            out["per_tokens"] = attrs["per_tokens"]
        for k in ("condition",):
            if k in attrs:
                out[k] = attrs[k]
    elif kind == "change":
        for flag in ("inverse", "percentage_points"):  # "3个百分点": a difference of percents
            if attrs.get(flag):
                out[flag] = True
        basis = _basis(fig, ctx)
        if attrs.get("growth_rate") == "compound":
            basis = "cagr"  # a yearly rate compounded over the claim's period
            years = _rate_years(ctx, attrs["rate_cue"][0])
            if years:
                out["years"] = years
        if basis:
            out["basis"] = basis
        measure = _measure(ctx, fig, state)
        if measure:
            out["measure"] = measure
        if fig.unit == "x" and not compared and measure == "price":
            compared = _recent_other_subjects(state, "price")
        if compared:
            out["compared_to"] = compared
        if measure == "price":
            direction = (_direction_after(fig, ctx, hi)
                         or _respective_direction(fig, ctx, state, "change")
                         or state.direction)
            if direction:
                out["direction"] = direction
    elif kind == "share":
        after = _subject_after(fig, ctx, hi) or _share_whole(fig, ctx, hi)
        if after is not None and after.canonical in own:
            after = None  # "versus 39.6% for Chinese models": the owner, not the whole
        sides = _split_pair(fig, ctx, state) if "split" in attrs else None
        of = after.canonical if after else (
            (_joint_name([p.canonical for p in sides]) if sides else None)
            or _fraction_whole(fig, ctx, state)
            or _top_whole(fig, ctx, state)
            or _groups_whole(ctx, own)
            or (state.platform if _platform_whole(fig, ctx, hi, state) else None)
        )
        if of:
            out["of"] = of
    elif kind == "ranking":
        subset = fig.attributes.get("among") or _ranked_among(fig, ctx, lo, hi)
        if not subset and own and own <= set(cues()["nationality_groups"]) and "set" not in attrs:
            subset = "groups"  # "国产模型周调用量重回第一": first of the groups, not of the models
        if state.platform or subset:
            parts = (state.platform, subset, period.granularity)
            out["scope"] = " ".join(p for p in parts if p)
    elif kind == "streak" and (trend := _streak_trend(fig, ctx, lo, hi)):
        out["trend"] = trend
    elif kind == "streak":
        # "Chinese models have led U.S. models for three weeks": over the other group, named
        # before the streak or, in Chinese, right after it ("连续两周超过美国模型")
        before = ctx.text[max(lo, fig.start - 40) : fig.start]
        beaten = _CLAUSE_END.split(ctx.text[fig.end : min(hi, fig.end + _OVER_AFTER)], 1)[0]
        over = _nationality_group(before, own) or _nationality_group(beaten, own)
        if not own <= set(cues()["nationality_groups"]):
            over = None  # a model's streak is over the other models, not over a group
        if _TRAILING.search(before) or _TRAILING.search(beaten):
            # "have trailed U.S. models for three weeks", "连续三周落后于美国模型": not a lead
            out["held"] = f"behind {over}" if over else "behind"
        elif over:
            out["over"] = over
    elif kind == "token_volume":
        if period.granularity == "day" or _has_cue(
            ctx.text[max(lo, fig.start - 40) : fig.start], "daily"
        ):
            out["daily_average"] = True
        if "(" in ctx.text[max(lo, fig.start - 12) : fig.start] and _restates(fig, state, own):
            out["restates"] = True
    if "low" in attrs and "high" in attrs:
        out["low"], out["high"] = attrs["low"], attrs["high"]
    return out


# "took the top spot among free models", "No. 1 among open-weight models on the chart",
# "在免费模型中排名第一": a rank within a subset, which is another ordering than the chart's
_AMONG_AFTER = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?among\s+(?:the\s+|all\s+)?(?P<set>[\w.'-]+(?:\s+[\w.'-]+){0,3}?)"
    r"(?=\s+(?:with|on|in|at|by|for|last|this|after|since|during|,)\b|\s*[,.;:()]|\s*$)",
    re.IGNORECASE,
)
_AMONG_BEFORE_ZH = re.compile(
    r"在(?P<set>[\u4e00-\u9fffA-Za-z-]{2,12}?)(?:中|当中|之中)[^，,。；;]{0,6}$"
)


def _ranked_among(fig: Figure, ctx: _Ctx, lo: int, hi: int) -> str | None:
    after = _AMONG_AFTER.match(ctx.text, fig.end, min(hi, fig.end + 60))
    if after is not None:
        return " ".join(after["set"].lower().rstrip(".").split())
    before = _AMONG_BEFORE_ZH.search(ctx.text, max(lo, fig.start - 24), fig.start)
    return before["set"] if before is not None else None


_OVER_AFTER = 12  # "连续两周超越美国": how far after a streak the group it beat may be named
_CLAUSE_END = re.compile(r"[,，;；。!?！？:：\n]")


# "took 7.1 trillion of the 11.3 trillion tokens processed by the two groups, a 72% share": the
# share restates the fraction just written, and its whole is that fraction's whole
_OF_THE_FIGURE = re.compile(r"\s*of\s+(?:the\s+)?$", re.IGNORECASE)
_OF_THE_REACH = 16  # "7.1 trillion tokens of the 11.3 trillion": only "of the" between
_APPOSITIVE = re.compile(
    r"[^,;:.()]{0,60},\s*(?:or\s+|i\.e\.,?\s+|that\s+is,?\s+)?(?:a|an)?\s*$", re.IGNORECASE
)


def _fraction_whole(fig: Figure, ctx: _Ctx, state: ArticleState) -> str | None:
    """The subject of B in 'A of the B ..., a N% share' (A and B figures of one unit)."""
    if len(state.claims) < 2:
        return None
    part, whole = state.claims[-2], state.claims[-1]
    if part.span[0] < ctx.sentence.start or part.unit != whole.unit:
        return None
    between = whole.span[0] - part.span[1]
    if not 0 < between <= _OF_THE_REACH:
        return None
    if not _OF_THE_FIGURE.search(ctx.text, part.span[1], whole.span[0]):
        return None
    if not _APPOSITIVE.fullmatch(ctx.text, whole.span[1], fig.start):
        return None
    return whole.subject if whole.subject != part.subject else None


@lru_cache(maxsize=1)
def _direction_pair() -> re.Pattern[str]:
    words = cues()["direction"]
    one = "|".join(re.escape(w) for w in sorted(
        (w for ws in words.values() for w in ws), key=len, reverse=True))
    return re.compile(rf"(?P<a>{one})\s*(?:、|和|与|及|/|,|and|&)\s*(?P<b>{one})(?![A-Za-z])",
                      re.IGNORECASE)


def _respective_direction(
    fig: Figure, ctx: _Ctx, state: ArticleState, kind: str = "price"
) -> str | None:
    """'输入、输出价格分别为3美元和15美元，约为X的10倍和36倍', 'input and output prices of $3
    and $15 respectively': the prices (or the ratios of prices) after a pair of directions take
    them in order."""
    start = ctx.sentence.start
    if _last_cue_in(ctx, "respectively", start, ctx.sentence.end) is None:
        return None
    pairs = list(_direction_pair().finditer(ctx.text, start, fig.start))
    # "$3 and $15 per million input and output tokens, respectively": the pair after them
    pair = pairs[-1] if pairs else _direction_pair().search(ctx.text, fig.start, ctx.sentence.end)
    if pair is None:
        return None
    first = pair.end() if pairs else start
    earlier = sum(1 for c in state.claims
                  if c.kind == kind and first <= c.span[0] < fig.start)
    if earlier > 1:
        return None
    word = pair["a"] if earlier == 0 else pair["b"]
    return next((d for d, ws in cues()["direction"].items()
                 if word.lower() in (w.lower() for w in ws)), None)


def _direction(before: str) -> str | None:
    best, best_pos = None, -1
    for direction in ("input", "output", "cache_hit"):
        pos = _last_cue(before, "direction", direction)
        if pos > best_pos:
            best, best_pos = direction, pos
    return best


_ON_BEFORE = re.compile(r"(?<![\w-])(?:on|for|in)\s+(?:the\s+)?$", re.IGNORECASE)


def _direction_after(fig: Figure, ctx: _Ctx, hi: int) -> str | None:
    """'a gap of roughly 17 times on input', '40 times as much as X for output'."""
    after = ctx.text[fig.end : min(hi, fig.end + 60)]
    named = []
    for direction in ("input", "output", "cache_hit"):
        m = _cue_regex("direction", direction).search(after)
        if m is not None and _ON_BEFORE.search(after, 0, m.start()):
            named.append((m.start(), direction))
    return min(named)[1] if named else None


def _restates(fig: Figure, state: ArticleState, own: frozenset[str]) -> bool:
    """'4.12 trillion tokens (about 4.1T)': the figure before, said again; not another
    subject's figure ('(US models: 25 trillion)')."""
    last = state.claims[-1] if state.claims else None
    return bool(
        last and last.kind == "token_volume" and last.span[1] <= fig.start
        and (not own or last.subject in own)
    )


def _recent_other_subjects(state: ArticleState, kind: str) -> list[str]:
    """The subjects of the latest run of ``kind`` claims before the current subject's own."""
    recent = [c for c in state.claims if c.kind == kind]
    if not recent:
        return []
    current = recent[-1].subject
    others: list[str] = []
    for c in reversed(recent[:-1]):
        if c.subject == current:
            continue
        if c.subject not in others:
            others.insert(0, c.subject)
        if len(others) == 2:
            break
    return others


def _top_claims(fig: Figure, ctx: _Ctx, state: ArticleState) -> list[Claim]:
    """'four of the top five are Chinese: A, B, C and D' (a set), 'the top three are A, B, C'
    (positions) or 'X went into the top five' (one member, at most N)."""
    n = int(fig.value)
    if _top_total_regex().match(ctx.text, fig.end, min(ctx.sentence.end, fig.end + 16)):
        return []  # "四款模型合计贡献了前五名总调用量的85.7%": the top five's total, no rank
    members = [s for s in ctx.subjects if s.start >= fig.end and s.kind in ("model", "unknown")]
    quote = _quote(ctx.text, ctx.sentence, fig)
    scope = state.platform or "global"
    count = _set_count(fig, ctx)
    group = _set_group(fig, ctx, count)
    if count and group:
        if count > n:
            return []
        attrs = {
            "set": [m.canonical for m in members][:count] or [],
            "count": count,
            "scope": scope,
        }
        period = _period(_period_for(fig, ctx, state, "ranking")[0], fig, ctx)
        return [
            _ranking_claim(
                state,
                group,
                group,
                n,
                "at_most",
                period,
                attrs,
                quote,
                (fig.start, fig.end),
                (fig.start, fig.end),
                0.7,
            )
        ]
    # otherwise a "top ten models" that names a subject is not a claim
    if any(s.start <= fig.start < s.end for s in state.subjects):
        return []
    group_named = ctx.once("nationality", _nationality_group)
    if len(members) == n and n <= 10 and not group_named:
        period = _period(_period_for(fig, ctx, state, "ranking")[0], fig, ctx)
        return _ordered_rankings(state, members, period, scope, quote, (fig.start, fig.end))
    member, outside = _top_member(fig, ctx, state), False
    if member is None:
        member, outside = _top_leaver(fig, ctx, state), True
    if member is None:
        return []
    period = _period(_period_for(fig, ctx, state, "ranking")[0], fig, ctx)
    return [
        _ranking_claim(
            state,
            member.canonical,
            member.text,
            n + 1 if outside else n,
            "at_least" if outside else "at_most",
            period,
            {"scope": scope},
            quote,
            (fig.start, fig.end),
            (fig.start, fig.end),
            0.6,
        )
    ]


@lru_cache(maxsize=1)
def _top_total_regex() -> re.Pattern[str]:
    return re.compile(
        rf"\s?(?:models?\s?)?(?:{_words_regex(rank_words()['top_total_after'])})",
        re.IGNORECASE,
    )


def _set_counts(sentence_text: str) -> list[tuple[int, int, int]]:
    """(start, end, count) of every 'four of' / '占据四席' in the sentence (offsets in it)."""
    out = []
    for m in _set_count_regex().finditer(sentence_text):
        raw = m.group("en") or m.group("zh") or m.group("zh2") or ""
        value = ordinal_value(raw.lower())
        if value:
            out.append((m.start(), m.end(), int(value)))
    return out


def _set_count(fig: Figure, ctx: _Ctx) -> int:
    """How many of the top N the sentence gives to a group, the count nearest to it ("four of
    the top five and seven of the top 10"); never the N of 'top five of'."""
    offset = ctx.sentence.start
    distances = [
        (fig.start - end - offset if end + offset <= fig.start else start + offset - fig.end,
         count)
        for start, end, count in ctx.once("set_counts", _set_counts)
        if end + offset <= fig.start or start + offset >= fig.end
    ]
    return min(distances)[1] if distances else 0


def _set_group(fig: Figure, ctx: _Ctx, count: int) -> str | None:
    """The group the members belong to: a group named in the sentence ('homegrown models',
    '国产模型'), else a nationality word ('four are from Chinese manufacturers')."""
    if not count:
        return None
    for s in ctx.subjects:
        if s.kind == "group" and not (s.start <= fig.start < s.end) and entity(s.canonical):
            info = entity(s.canonical) or {}
            if info.get("country"):
                return s.canonical
    group: str | None = ctx.once("nationality", _nationality_group)
    return group


@lru_cache(maxsize=2)
def _before_top_regex(key: str) -> re.Pattern[str]:
    """The words right before "top N" (units.json rank_assembly ``key``): "into the top five",
    "in OpenRouter's top ten", "跻身全球前五" (``top_member_before``), "out of the top 10",
    "跌出前十" (``top_out_before``)."""
    words = sorted(rank_words()[key], key=len, reverse=True)
    alternation = "|".join(
        re.escape(w) if not w[:1].isascii() else rf"(?<![\w-]){re.escape(w)}" for w in words
    )
    return re.compile(
        rf"(?:{alternation})\s*(?:the\s+)?(?:[\w.-]+'s\s+)?(?:global\s+|全球|全网|榜单)?$", re.I
    )


def _model_before_top(
    fig: Figure, ctx: _Ctx, key: str
) -> tuple[SubjectMention, re.Match[str]] | None:
    """The model named before one of the ``key`` words before a top N, and those words."""
    lo, _hi = _clause_bounds(ctx, fig.start)
    cue = _before_top_regex(key).search(ctx.text, max(lo, fig.start - 30), fig.start)
    if cue is None:
        return None
    before = [
        s for s in ctx.subjects if lo <= s.start and s.end <= fig.start and s.kind != "platform"
    ]
    if not before or before[-1].kind == "group":
        return None
    return before[-1], cue


_PREPOSITION = re.compile(r"(?:in|within|inside|among|to)\b", re.IGNORECASE)


def _top_member(fig: Figure, ctx: _Ctx, state: ArticleState) -> SubjectMention | None:
    """'Claude Opus 4.6 held its place in the top three': the one model placed in a top N."""
    found = _model_before_top(fig, ctx, "top_member_before")
    if found is None:
        return None
    subject, cue = found
    # "X ranked 10th with 0.10 trillion tokens, the most of any model in the top ten": a top N
    # after another figure of the subject qualifies that figure, it does not place the subject
    # (a streak is no such figure: "spent six straight weeks in the top three"; nor is one
    # before a verb of entering: "环比暴增超300%，跻身全球前三")
    entered = not _PREPOSITION.match(cue.group())
    if not entered and any(
        subject.start <= c.span[0] < fig.start and c.kind != "streak" for c in state.claims[-3:]
    ):
        return None
    return _vendor_model(subject, state)


def _top_leaver(fig: Figure, ctx: _Ctx, state: ArticleState) -> SubjectMention | None:
    """'GPT-5 dropped out of the top 10', 'GPT-5跌出前十': the one model placed below a top N."""
    found = _model_before_top(fig, ctx, "top_out_before")
    return _vendor_model(found[0], state) if found else None


def _named_model(vendor: SubjectMention, ctx: _Ctx, hi: int) -> SubjectMention:
    """'what Anthropic charges for Claude Opus 4.6': the vendor's model named next in the
    clause stands for the vendor."""
    if vendor.kind != "vendor":
        return vendor
    for s in ctx.subjects:
        if vendor.end <= s.start < hi and s.kind == "model" and s.vendor == vendor.canonical:
            return s
    return vendor


def _vendor_model(subject: SubjectMention, state: ArticleState) -> SubjectMention:
    """'Alibaba's newest model': a vendor standing for its latest model named in the text."""
    if subject.kind != "vendor":
        return subject
    for s in reversed(state.seen):
        info = entity(s.canonical)
        vendor = info.get("vendor") if info else s.vendor
        if s.kind == "model" and vendor == subject.canonical and s.start < subject.start:
            return SubjectMention(
                subject.start, subject.end, subject.text, s.canonical, "model", confidence=0.7
            )
    return subject


def _sentence_ranks(ctx: _Ctx, state: ArticleState) -> list[Claim]:
    """Rankings read off the whole sentence rather than one figure: an ordered list after
    'The ranking shows' / '依次为', and the model one place higher in 'second only to X'."""
    return _listed_ranks(ctx, state) + _only_to_ranks(ctx, state)


@lru_cache(maxsize=1)
def _list_intro_regex() -> re.Pattern[str]:
    words = rank_words()
    top_verbs = _words_regex(words["list_intro_top_en"])
    intros = words["list_intro_en"] + words["list_intro_zh"]
    firsts = first_char_class([*intros, "top"])
    return re.compile(
        rf"(?={firsts})(?:(?:{_words_regex(intros)})"
        r"\s?[:：]?\s?"
        # "The top-downloaded apps are", "the top three spots were": a top list, unnumbered
        rf"|(?<![\w-])top(?:[-\u2010\u2011][a-z]+|\s+(?:{_COUNT_WORDS}|10))?(?:\s+[a-z-]+){{0,2}}?\s+"
        rf"(?:{top_verbs})\s?:?\s)",
        re.IGNORECASE,
    )


# one list item: a name, an optional parenthesis, then a separator or the end of the list
_LIST_ITEM = re.compile(
    r"\s*(?P<name>[^,;:()、，；（）\n]{1,60}?)\s*(?:[(（][^()（）]{0,200}[)）])?\s*"
    r"(?P<sep>,\s*(?:and\s+)?|\s+and\s+|、|，|和|以及|及|$|\.(?!\d)|[。;；])"
)
_LIST_END = frozenset(".。;；")


def _listed_ranks(ctx: _Ctx, state: ArticleState) -> list[Claim]:
    """'The ranking shows A (3.2 trillion tokens), B (2.8 trillion) and C': A 1st, B 2nd, ..."""
    intro = ctx.once("list_intro", lambda t: _list_intro_regex().search(t))
    if intro is None:
        return []
    pos, end = ctx.sentence.start + intro.end(), ctx.sentence.end
    items: list[tuple[int, int]] = []
    while pos < end and len(items) < 12:
        m = _LIST_ITEM.match(ctx.text, pos, end)
        if m is None or not m.group("name").strip():
            break
        items.append(m.span("name"))
        if m.group("sep") in _LIST_END or m.end() == pos or not m.group("sep"):
            break
        pos = m.end()
    named = [_list_member(ctx, a, b) for a, b in items]
    members = [m for m in named if m is not None]
    if len(members) < 3 or len(members) != len(named):
        return []  # an ordered list names at least three entries, each a name
    period = _sentence_period(ctx, state, items[0][0])
    scope = f"{state.platform or 'list'} {period.granularity or ''}".strip()
    quote = _quote(ctx.text, ctx.sentence, Figure(items[0][0], items[0][1], "", 0, ""))
    return _ordered_rankings(state, members, period, scope, quote, None)


_NAME_LIKE = re.compile(r"[A-Z0-9\u4e00-\u9fff][\w.+\- ’'\u4e00-\u9fff]{0,40}")


def _list_member(ctx: _Ctx, start: int, end: int) -> SubjectMention | None:
    """The subject a list item names: a known mention inside it, else the name as written."""
    inside = [s for s in ctx.subjects if start <= s.start and s.end <= end]
    if inside:
        return _preferred_in_row(inside)
    name = ctx.text[start:end].strip()
    if not _NAME_LIKE.fullmatch(name) or len(name.split()) > 4:
        return None
    resolved = resolve_subject(name)
    if resolved is not None:
        return SubjectMention(
            start, end, name, resolved.canonical, resolved.kind, confidence=resolved.confidence
        )
    return SubjectMention(start, end, name, name, "unknown", confidence=0.5)


@lru_cache(maxsize=1)
def _only_to_regex() -> re.Pattern[str]:
    ords = "|".join(
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
         "tenth", r"\d{1,2}(?:st|nd|rd|th)"]
    )
    only_to = _words_regex(rank_words()["only_to"])
    return re.compile(
        rf"(?:(?<![\w-])(?P<en>{ords})|第\s?(?P<zh>[一二三四五六七八九十\d]{{1,3}})\s?[名位]?)"
        rf"[^.;。；]{{0,40}}?(?:{only_to})\s?(?:the\s+)?",
        re.IGNORECASE,
    )


def _only_to_ranks(ctx: _Ctx, state: ArticleState) -> list[Claim]:
    """'ranks second globally, second only to DeepSeek': DeepSeek is first."""
    out = []
    lo, hi = ctx.sentence.start, ctx.sentence.end
    for m in _only_to_regex().finditer(ctx.text, lo, hi):
        value = ordinal_value((m.group("en") or m.group("zh") or "").lower())
        if not value or value < 2:
            continue
        above = next((s for s in ctx.subjects if m.end() <= s.start <= m.end() + 2), None)
        if above is None or above.kind == "platform":
            continue
        period = _sentence_period(ctx, state, m.start())
        scope = f"{state.platform or 'global'} {period.granularity or ''}".strip()
        out.append(
            _ranking_claim(
                state,
                above.canonical,
                above.text,
                value - 1,
                "exact",
                period,
                {"scope": scope},
                _quote(ctx.text, ctx.sentence, Figure(above.start, above.end, "", 0, "")),
                (above.start, above.end),
                (above.start, above.end),
                0.7,
            )
        )
    return out


def _sentence_period(ctx: _Ctx, state: ArticleState, pos: int) -> Period:
    """The period of a ranking read off the sentence: a date before ``pos`` in it, else the
    paragraph's, else the reporting week in force."""
    usable = [
        p
        for p in ctx.periods
        if _usable_period(p, ctx.text)
        and p.role == "date"
        and _in_ago_scope(p, pos, pos, ctx.text)
    ]
    before = [p for p in usable if p.end <= pos] or usable
    mention = before[-1] if before else state.paragraph_period
    if mention is None and state.last_period and state.last_period.period.granularity == "week":
        mention = state.last_period
    return mention.period if mention else Period(resolution="unresolved")


# -- price tables ------------------------------------------------------------------------
# Figures are found one line at a time, so a bare "0.50" under "| Input ($/M) |" or under
# "Global comparators (USD per 1K tokens)" means nothing to numbers.py: the header's currency,
# per-token base and direction are remembered here and given to the numbers of the rows below.


@lru_cache(maxsize=1)
def _units_data() -> dict[str, Any]:
    with open(CORPORA / "units.json", encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


@lru_cache(maxsize=1)
def _price_spec() -> tuple[re.Pattern[str], dict[str, str], dict[str, int]]:
    """'USD per 1K tokens', '$/M', '元/百万tokens', 'per 1M tokens, USD': a column's unit."""
    units = _units_data()
    currencies = {k.lower(): v for k, v in units["currency_prefixes"].items()}
    currencies.update({k.lower(): v for k, v in units["currency_suffixes"].items()})
    bases = {w.lower(): int(k) for k, ws in units["price_bases"].items() for w in ws}
    cur = _words_regex(list(currencies))
    base = "|".join(re.escape(b) for b in sorted(bases, key=len, reverse=True))
    per = r"(?:/|per\b|每)"
    regex = re.compile(
        rf"(?P<cur>{cur})\s?{per}\s?(?P<base>{base})(?:\s?tok|(?![a-z]))"
        rf"|{per}\s?(?P<base2>{base})(?:\s?tokens?\b|(?![a-z]))\s?[,(（]?\s?(?P<cur2>{cur})",
        re.IGNORECASE,
    )
    return regex, currencies, bases


def _header_column(text: str) -> PriceColumn | None:
    regex, currencies, bases = _price_spec()
    m = regex.search(text)
    if m is None:
        return None
    currency = currencies.get((m.group("cur") or m.group("cur2") or "").lower())
    per = bases.get((m.group("base") or m.group("base2") or "").lower())
    if currency is None or per is None:
        return None
    order = _directions_in(text)
    return PriceColumn(currency, per, order[0] if len(order) == 1 else None, tuple(order))


def _directions_in(text: str) -> list[str]:
    """The price directions a header or row names, in the order it names them."""
    found = []
    for direction in ("input", "output", "cache_hit"):
        m = _cue_regex("direction", direction).search(text)
        if m is not None:
            found.append((m.start(), direction))
    return [d for _, d in sorted(found)]


_PIPE = re.compile(r"\|")
_SEPARATOR_ROW = re.compile(r"[\s|:\-]*")
_CELL_NUMBER = re.compile(r"\s*(?P<cur>[$¥￥€£])?\s?(?P<num>\d{1,7}(?:\.\d{1,8})?)\s*")
# a bare number in a row ("input 0.00125, output 0.01"); a money figure numbers.py already
# found is left to it
_ROW_NUMBER = re.compile(
    r"(?<![\w.$¥￥€£,])(?P<num>\d{1,7}(?:\.\d{1,8})?)(?=\s*(?:$|[,;/|(（，；]\D|[,;/|(（，；]$))"
)
# the name of a plain row is set off from its figures: "GPT-5 (OpenAI): ...", "GLM-5 — ..."
_ROW_LABEL_END = re.compile(r"[^:：|—–\t]{0,40}(?::|：|\||—|–|\t)")
_ROW_LEAD = 3  # a plain row starts with its name ("- GPT-5 (OpenAI): ...")
_ROW_LIMIT = 200


def _cells(line: str, offset: int) -> list[tuple[int, int]]:
    bars = [m.start() for m in _PIPE.finditer(line)]
    edges = [-1, *bars, len(line)]
    return [(offset + a + 1, offset + b) for a, b in zip(edges, edges[1:], strict=False)]


def _whole_line(sent: Sentence, text: str) -> bool:
    return (sent.start == 0 or text[sent.start - 1] == "\n") and (
        sent.end >= len(text) or text[sent.end] == "\n"
    )


def _end_table(state: ArticleState) -> None:
    state.table_columns = state.table_default = None
    state.table_rows = False


def _table_header(
    sent: Sentence, figures: list[Figure], state: ArticleState
) -> tuple[dict[int, PriceColumn] | None, PriceColumn | None] | None:
    """A header line: columns by cell for a pipe table, else one unit for the block under it."""
    if any(f.unit for f in figures) or sent.end - sent.start > _HEADING_LIMIT:
        return None
    text, line = state.text, state.text[sent.start : sent.end]
    if line.count("|") < 2:
        column = _header_column(line)
        return (None, column) if column is not None else None
    # "| Model | Input | Output |" under "Prices (USD per 1M tokens)": the block's unit
    above = _header_column(line) or (
        state.table_default if sent.paragraph - state.table_paragraph <= 2 else None
    )
    columns: dict[int, PriceColumn] = {}
    for i, (a, b) in enumerate(_cells(line, sent.start)):
        cell = text[a:b]
        if _CELL_NUMBER.fullmatch(cell):
            return None  # a row, not a header
        own = _header_column(cell)
        directions = _directions_in(cell)
        if own is not None:
            columns[i] = own
        elif above is not None and len(directions) == 1:
            columns[i] = PriceColumn(above.currency, above.per_tokens, directions[0])
    return (columns, None) if columns else None


def _row_subject(
    sent: Sentence, subjects: list[SubjectMention], text: str
) -> SubjectMention | None:
    named = [s for s in subjects if s.kind != "platform"]
    if named:
        return _preferred_in_row(named)
    cells = _cells(text[sent.start : sent.end], sent.start)
    first = next((c for c in cells if text[c[0] : c[1]].strip()), None)
    if first is None:
        return None
    name = text[first[0] : first[1]].strip()
    if not _NAME_LIKE.fullmatch(name) or _CELL_NUMBER.fullmatch(name) or len(name.split()) > 4:
        return None
    start = text.index(name, first[0])
    known = resolve_subject(name)
    if known is not None and known.kind != "unknown":
        return SubjectMention(start, start + len(name), name, known.canonical, known.kind)
    return SubjectMention(start, start + len(name), name, name, "unknown", confidence=0.7)


def _cell_figure(
    m: re.Match[str], column: PriceColumn, direction: str | None, row: SubjectMention
) -> Figure:
    """A bare number (``m`` matched in the article text) in the header's unit, per 1M tokens."""
    num = m.group("num")
    written = len(num.split(".")[1]) if "." in num else 0
    # 0.00125 per 1K is 1.25 per 1M: the written decimals shrink with the base
    ratio = _PER_MILLION // column.per_tokens if column.per_tokens < _PER_MILLION else 1
    shift = len(str(ratio)) - 1
    attrs: dict[str, Any] = {
        "currency": column.currency,
        "per_tokens": column.per_tokens,
        "row_subject": row,
    }
    if direction:
        attrs["direction"] = direction
    return Figure(
        m.start("num"),
        m.end("num"),
        num,
        float(num) * _PER_MILLION / column.per_tokens,
        f"{column.currency}/1M tokens",
        attributes=attrs,
        decimals=max(0, written - shift),
    )


def _pipe_row(
    sent: Sentence, row: SubjectMention, columns: dict[int, PriceColumn], text: str
) -> list[Figure]:
    out = []
    for i, (a, b) in enumerate(_cells(text[sent.start : sent.end], sent.start)):
        column = columns.get(i)
        m = _CELL_NUMBER.fullmatch(text, a, b) if column is not None else None
        if column is not None and m is not None:
            out.append(_cell_figure(m, column, column.direction, row))
    return out


def _plain_row(
    sent: Sentence, row: SubjectMention, figures: list[Figure], block: PriceColumn, text: str
) -> list[Figure] | None:
    """'GPT-5 (OpenAI): input 0.00125, output 0.01', 'GLM-5 — 0.30 / 2.55': the numbers after
    the name, each with the direction written before it or, failing that, the header's order."""
    if row.start - sent.start > _ROW_LEAD or sent.end - sent.start > _ROW_LIMIT:
        return None
    label = _ROW_LABEL_END.match(text, row.end, sent.end)
    if label is None:
        return None  # "GPT-5 launched with 400 staff": prose, not a row
    money = [f for f in figures if f.unit in _CURRENCIES and f.start >= row.end]
    taken = [(f.start, f.end) for f in figures if f.unit]
    items: list[tuple[int, int, re.Match[str] | Figure]] = [(f.start, f.end, f) for f in money]
    for m in _ROW_NUMBER.finditer(text, label.end(), sent.end):
        if not any(a < m.end() and m.start() < b for a, b in taken):
            items.append((m.start(), m.end(), m))
    if not items:
        return None
    items.sort(key=lambda it: it[0])
    out: list[Figure] = []
    previous = row.end
    for k, (start, end, item) in enumerate(items):
        named = _directions_in(text[previous:start])
        ordered = block.order[k] if len(block.order) == len(items) else block.direction
        direction = named[-1] if named else ordered
        previous = end
        if isinstance(item, Figure):
            attrs = {**item.attributes, "row_subject": row}
            if direction and "direction" not in attrs:
                attrs["direction"] = direction
            out.append(replace(item, attributes=attrs))
        else:
            cell = _CELL_NUMBER.fullmatch(text, start, end)
            if cell is not None:
                out.append(_cell_figure(cell, block, direction, row))
    return out


def _with_table_cells(
    sent: Sentence, figures: list[Figure], subjects: list[SubjectMention], state: ArticleState
) -> list[Figure]:
    """The line's figures, with a price table's bare cell numbers read as prices."""
    text = state.text
    if not _whole_line(sent, text):
        if state.table_columns is not None or state.table_default is not None:
            _end_table(state)
        return figures
    header = _table_header(sent, figures, state)
    if header is not None:
        state.table_columns, state.table_default = header
        state.table_paragraph, state.table_rows = sent.paragraph, False
        return figures
    if state.table_columns is None and state.table_default is None:
        return figures
    gap = sent.paragraph - state.table_paragraph
    if not (gap == 1 or (gap == 2 and not state.table_rows)):
        _end_table(state)
        return figures
    line = text[sent.start : sent.end]
    if _SEPARATOR_ROW.fullmatch(line):
        state.table_paragraph = sent.paragraph
        return figures
    row = _row_subject(sent, subjects, text)
    cells: list[Figure] | None = None
    if row is not None and state.table_columns is not None and line.count("|") >= 1:
        cells = _pipe_row(sent, row, state.table_columns, text)
    elif row is not None and state.table_default is not None:
        cells = _plain_row(sent, row, figures, state.table_default, text)
    if cells is None:
        _end_table(state)
        return figures
    state.table_paragraph, state.table_rows = sent.paragraph, True
    if state.table_default is not None:
        state.price_base = float(state.table_default.per_tokens)
    kept = [f for f in figures if not any(c.start < f.end and f.start < c.end for c in cells)]
    return sorted(kept + cells, key=lambda f: f.start)


# what a headline states about the reporting week (changes and prices are often of other spans)
_LEAD_KINDS = frozenset({"token_volume", "ranking", "share", "streak"})


def with_lead_periods(claims: list[Claim], state: ArticleState) -> list[Claim]:
    """Headline and lead figures stated before the article first dates its reporting week
    ("中国模型连续两周登顶" above "2月16日-22日当周...") take that week, as ``inferred``."""
    first = next(
        (
            p
            for p in state.periods
            if p.role == "date"
            and p.period.granularity == "week"
            and _usable_period(p, state.text)
        ),
        None,
    )
    if first is None or first.period.start is None:
        # an undated article's "the week to March 1" is the reporting week, unresolved: the
        # next week it names ("the week of Feb. 16-22") is an earlier one, not the lead's
        return claims
    lead_period = first.period.model_copy(update={"resolution": "inferred"})
    return [
        _dated(c, lead_period)
        if c.span[1] <= first.start
        and c.kind in _LEAD_KINDS
        and c.period.start is None
        and c.period.text is None
        else c
        for c in claims
    ]


def with_vendor_models(claims: list[Claim], state: ArticleState) -> list[Claim]:
    """A vendor's rank (or streak) is its model's when the article names one model of that
    vendor and no other, and ranks that model the same ("MiniMax reclaims No. 1" over "MiniMax
    M2.5 was the single most-used model", "MiniMax连续六周登顶" over "M2.5连续第六周位居榜首"): a
    model chart ranks models. Other vendor ranks stay the vendors' ("second only to DeepSeek",
    of model families; ranks among vendors)."""
    vendors = {s.canonical for s in state.subjects if s.kind == "vendor"}
    ranked = {c.id for c in claims if c.kind in ("ranking", "streak") and c.subject in vendors
              and "vendor" not in str(c.attributes.get("scope", ""))}
    if not ranked:
        return claims
    models: dict[str, set[str]] = {}
    for s in state.subjects:
        if s.kind == "model" and s.vendor:
            models.setdefault(s.vendor, set()).add(s.canonical)
    places = {(c.kind, c.subject, c.value) for c in claims if c.kind in ("ranking", "streak")}
    out = []
    for c in claims:
        named = sorted(models.get(c.subject, ())) if c.id in ranked else []
        if len(named) == 1 and (c.kind, named[0], c.value) in places:
            c = c.model_copy(update={
                "subject": named[0], "id": claim_id(c.article_id, c.kind, c.span, named[0])})
        out.append(c)
    return out


def _dated(claim: Claim, period: Period) -> Claim:
    """The claim with a period found after it was made; a ranking's scope names the period's
    granularity as the scopes of rankings dated when made do ("OpenRouter week")."""
    update: dict[str, Any] = {"period": period}
    scope = claim.attributes.get("scope")
    if claim.kind == "ranking" and scope and period.granularity and not str(scope).endswith(
            period.granularity):
        update["attributes"] = {**claim.attributes, "scope": f"{scope} {period.granularity}"}
    return claim.model_copy(update=update)
