"""Claim assembly: a figure + the subject it is about + the period it covers -> a typed Claim.

The recognizers (numbers, entities, periods) say what is written; this module decides what it
means in its sentence: which kind of claim a figure makes, which subject it belongs to (the
nearest one in its clause, the one it is "of"/"for", a coordinated list, or the previous
sentence's subject for anaphora), which period applies, and the kind-specific attributes.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from claimcheck.extract.entities import entity
from claimcheck.extract.periods import granularity_cue
from claimcheck.extract.sentences import Sentence, cues
from claimcheck.extract.types import Figure, PeriodMention, SubjectMention
from claimcheck.models import Claim, ClaimKind, Period, Qualifier

M = TypeVar("M", SubjectMention, PeriodMention)
_CURRENCIES = frozenset({"USD", "CNY", "EUR", "GBP", "JPY", "HKD"})
_PER_MILLION = 1_000_000
_QUOTE_LIMIT = 400


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
    last_period: PeriodMention | None = None  # for table rows under a dated heading
    seen: list[SubjectMention] = field(default_factory=list)  # subjects of sentences so far
    token_words: list[int] | None = None  # where the article says "tokens" (for bare figures)
    paragraph_period: PeriodMention | None = None
    price_base: float | None = None  # per-token base of the paragraph's last price
    direction: str | None = None  # price direction in force in the paragraph
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


def _cue_regex(key: str, subkey: str | None = None) -> re.Pattern[str]:
    """One alternation for a cue list: word boundaries for Latin words, none for Chinese."""
    words = cues()[key][subkey] if subkey else cues()[key]
    parts = []
    for w in sorted(words, key=len, reverse=True):
        escaped = re.escape(w)
        parts.append(escaped if not w[:1].isascii() else rf"(?<![\w-]){escaped}(?![\w-])")
    return re.compile("|".join(parts), re.IGNORECASE)


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


def _is_source(mention: SubjectMention, text: str) -> bool:
    """'According to OpenRouter data' names where a figure comes from, not what it is about."""
    if mention.kind != "platform":
        return False
    before = text[max(0, mention.start - 16) : mention.start]
    if _cue_regex("source_before").search(before):
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
    r"\s*(?:[A-Za-z-]+\s+){0,2}?(?:of|for|by|from|to)\s+(?:the\s+|its\s+|their\s+)?$"
)


def _subject_after(fig: Figure, ctx: _Ctx, clause_end: int) -> SubjectMention | None:
    """'2.94 trillion tokens of US models', '2.7 trillion for U.S. models'."""
    for s in ctx.subjects:
        if fig.end <= s.start < min(clause_end, fig.end + 45):
            between = ctx.text[fig.end : s.start]
            if _OF_AFTER.match(between):
                return s
            return None
    return None


def _subject_before(fig: Figure, ctx: _Ctx, clause_start: int) -> SubjectMention | None:
    best = None
    for s in ctx.subjects:
        if clause_start <= s.start and s.end <= fig.start:
            best = s
    return best


def _coordinated(last: SubjectMention, ctx: _Ctx) -> list[SubjectMention]:
    """'MiniMax M2.5 and Zhipu GLM-5 are priced at': every subject of a list before a figure."""
    group = [last]
    seps = tuple(cues()["coordination"])
    for s in reversed([s for s in ctx.subjects if s.end <= last.start]):
        between = ctx.text[s.end : group[0].start]
        if between.strip(" ,") in ("", *[x.strip(" ,") for x in seps]) and len(between) <= 7:
            group.insert(0, s)
        else:
            break
    return group


# -- kinds -------------------------------------------------------------------------------


def _percent_kind(
    fig: Figure, attrs: dict[str, Any], ctx: _Ctx, lo: int, hi: int, previous_kind: str | None
) -> ClaimKind:
    if attrs.get("change") in ("increase", "decrease"):
        return "change"
    if attrs.get("change") in ("from", "to"):
        return "quantity"
    before = ctx.text[max(lo, fig.start - 40) : fig.start]
    after = ctx.text[fig.end : min(hi, fig.end + 30)]
    if _has_cue(after[:25], "basis", "week_over_week") or _has_cue(
        after[:25], "basis", "year_over_year"
    ):
        return "change"
    if re.match(r"\s*(?:of|of the|of all)\b", after) or _has_cue(before, "share"):
        return "share"
    if _has_cue(before[-25:], "change"):
        return "change"
    if previous_kind == "share":
        return "share"  # "32.1% ..., ahead of Doubao (21.3%) and DeepSeek (18.4%)"
    return "quantity"


def _decrease_before(fig: Figure, ctx: _Ctx, lo: int) -> bool:
    """A fall stated a few words before a bare percent: 'cut input prices by 52%'."""
    return _last_cue(ctx.text[max(lo, fig.start - 45) : fig.start], "decrease") >= 0


def _measure(ctx: _Ctx, fig: Figure, state: ArticleState) -> str | None:
    if ctx.once("price", lambda t: _has_cue(t, "price") or "$" in t or "美元" in t):
        return "price"
    if ctx.once("tokens", lambda t: bool(_TOKEN_WORD.search(t) or "usage" in t.lower())):
        return "token_volume"
    if state.claims and state.claims[-1].kind in ("price", "token_volume"):
        return state.claims[-1].kind
    return None


# -- periods -----------------------------------------------------------------------------

_COMPARISON_BASE = re.compile(
    r"(?:from|than|over|versus|vs\.?|compared (?:with|to)|against|较|比|相比|环比)\s*(?:the\s+)?$",
    re.IGNORECASE,
)
_EVENT_AFTER = re.compile(r"\s*(?:发布|上线|推出|开源|released|launched|announced)")
_EVENT_BEFORE = re.compile(
    r"(?:updated|published|posted|generated|released|launched|announced|dated)\W{0,3}"
    r"(?:on\s+)?(?:\w+day,?\s+)?$",
    re.IGNORECASE,
)
# a period phrase right after a figure ("4.38 trillion tokens in the week to March 1") is its
# own; further away, a phrase before the figure in the sentence wins
_FOLLOWING_REACH = 40
# kinds whose figures belong to the reporting period the article is about even when the
# sentence does not repeat it (prices and other quantities do not carry)
_CARRIED_KINDS = frozenset({"token_volume", "ranking", "share", "streak", "change"})


def _usable_period(p: PeriodMention, text: str) -> bool:
    """A date the figure may hold for: not an event's date, not the base of a comparison."""
    if p.role not in ("date", "anchor") or p.attributes.get("event"):
        return False
    lead_in = text[max(0, p.start - 24) : p.start]
    if _COMPARISON_BASE.search(lead_in) or _EVENT_BEFORE.search(lead_in):
        return False
    return not _EVENT_AFTER.match(text, p.end, p.end + 6)


def _period_for(
    fig: Figure, ctx: _Ctx, state: ArticleState, kind: str
) -> tuple[PeriodMention | None, bool]:
    """The period phrase that applies to a figure, and whether it was carried from context."""
    usable = [p for p in ctx.periods if _usable_period(p, ctx.text)]
    after = [p for p in usable if fig.end <= p.start <= fig.end + _FOLLOWING_REACH]
    # an anchor ("the previous week", "during the same period") belongs to the figure before it
    before = [p for p in usable if p.end <= fig.start and p.role != "anchor"]
    if after and (not before or after[0].start - fig.end < fig.start - before[-1].end):
        return after[0], False
    if before:
        return before[-1], False
    if after:
        return after[0], False
    if state.paragraph_period is not None:
        return state.paragraph_period, False
    if (
        kind in _CARRIED_KINDS
        and state.last_period is not None
        and state.last_period.period.granularity == "week"
    ):
        return state.last_period, True
    return None, False


def _period(mention: PeriodMention | None, fig: Figure, ctx: _Ctx) -> Period:
    lo = max(ctx.sentence.start, fig.start - 60)
    cue = granularity_cue(ctx.text[lo : min(ctx.sentence.end, fig.end + 40)])
    if mention is None:
        return Period(granularity=cue, resolution="unresolved")
    period = mention.period
    if cue and cue != period.granularity and period.granularity not in ("week", "day"):
        # a weekly figure "by mid-February" is still a weekly figure
        return period.model_copy(update={"granularity": cue})
    return period


def _basis(fig: Figure, ctx: _Ctx) -> str | None:
    after = ctx.text[fig.end : min(ctx.sentence.end, fig.end + 30)]
    for basis in ("week_over_week", "month_over_month", "year_over_year"):
        if _has_cue(after, "basis", basis) or fig.attributes.get("basis_hint") == basis:
            return basis
    for p in ctx.periods:
        if p.role == "duration" and p.start >= fig.end - 5:
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


def _nationality_group(text: str) -> str | None:
    groups: dict[str, list[str]] = cues()["nationality_groups"]
    for name, words in groups.items():
        for w in words:
            pattern = re.escape(w) if not w.isascii() else rf"(?<![\w.]){re.escape(w)}(?![\w])"
            # short forms ("US") only as written: "us" is a pronoun
            if re.search(pattern, text, re.IGNORECASE if len(w) > 3 else 0):
                return name
    return None


_COUNT_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "两": 2,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_SET_COUNT = re.compile(
    r"(?<![\w])(two|three|four|five|six|seven|eight|nine|\d)\s+(?:of|are|were|among)\b|"
    r"有\s*([两二三四五六七八九\d])\s*[个款家]",
    re.IGNORECASE,
)


def sentence_claims(sent: Sentence, figures: list[Figure], state: ArticleState) -> list[Claim]:
    """The claims a sentence makes, given its figures (offsets into the article text)."""
    text = state.text
    if sent.paragraph != state.paragraph:
        state.paragraph, state.paragraph_period = sent.paragraph, None
        state.price_base = state.direction = None
    subjects = [s for s in _within(state.subjects, sent) if not _is_source(s, text)]
    state.seen.extend(subjects)
    periods = _within(state.periods, sent)
    ctx = _Ctx(sent, subjects, periods, text, _clause_breaks(text, sent) if figures else [])
    claims: list[Claim] = _row_rank(ctx, state) if figures else []
    previous_unit = ""
    for i, fig in enumerate(figures):
        made = _figure_claims(fig, figures[i + 1 :], ctx, state, previous_unit)
        if fig.unit:
            previous_unit = fig.unit
        claims.extend(made)
        state.claims.extend(made)
    dated = [
        p
        for p in periods
        if _usable_period(p, text) and p.period.start is not None and p.role == "date"
    ]
    if dated:
        state.paragraph_period = dated[-1]
    if dated:
        state.last_period = dated[-1]
    named = subjects or [
        SubjectMention(c.span[0], c.span[1], c.subject_text, c.subject, "carried")
        for c in claims[-1:]
    ]
    if named:
        state.last_subject, state.last_subject_sentence = named[-1], sent.end + 1
    return _dedupe(claims)


def _within(mentions: list[M], sent: Sentence) -> list[M]:
    """The mentions (sorted by start) that start inside the sentence, found by bisection."""
    lo = bisect.bisect_left(mentions, sent.start, key=lambda m: m.start)
    hi = bisect.bisect_left(mentions, sent.end, lo, key=lambda m: m.start)
    return mentions[lo:hi]


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


def _figure_claims(
    fig: Figure, following: list[Figure], ctx: _Ctx, state: ArticleState, previous_unit: str
) -> list[Claim]:
    lo, hi = _clause_bounds(ctx, fig.start)
    unit, value, attrs = fig.unit, fig.value, dict(fig.attributes)
    confidence = 0.9
    kind: ClaimKind
    if (
        unit == ""
        and attrs.get("scale")
        and (previous_unit == "tokens" or (fig.value >= 1e8 and _about_tokens(fig, state)))
    ):
        unit, confidence = "tokens", 0.75
    if unit == "tokens":
        kind = "token_volume"
    elif unit.endswith("/1M tokens"):
        kind = "price"
        state.price_base = float(attrs.get("per_tokens", _PER_MILLION))
    elif unit in _CURRENCIES and _is_price(fig, ctx, state, lo, hi):
        kind = "price"
        base = state.price_base or _PER_MILLION
        value, unit = value * _PER_MILLION / base, f"{unit}/1M tokens"
        confidence = 0.8 if state.price_base else 0.6
        attrs.setdefault("per_tokens", int(base))
    elif unit == "%":
        if not attrs.get("change") and value > 0 and _decrease_before(fig, ctx, lo):
            value, attrs["change"] = -value, "decrease"  # "cut prices ... by 50%"
        previous = state.claims[-1] if state.claims else None
        same_sentence = previous is not None and previous.span[0] >= ctx.sentence.start
        kind = _percent_kind(
            fig, attrs, ctx, lo, hi, previous.kind if same_sentence and previous else None
        )
    elif unit == "x":
        kind = "change"
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
    if not subject:
        return []
    mention, carried = _period_for(fig, ctx, state, kind)
    period = _period(mention, fig, ctx)
    if carried and period.start is not None:
        period = period.model_copy(update={"resolution": "inferred"})
    attrs = _attributes(kind, fig, attrs, ctx, state, compared, period, lo, hi)
    if kind == "streak":
        period = Period(granularity="week", resolution="unresolved") if not mention else period
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


_TOKEN_WORD = re.compile(r"tokens?|调用量|call volume", re.IGNORECASE)
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


def _is_price(fig: Figure, ctx: _Ctx, state: ArticleState, lo: int, hi: int) -> bool:
    if fig.attributes.get("direction"):
        return True
    near = ctx.text[max(lo, fig.start - 40) : min(hi, fig.end + 40)]
    if _has_cue(near, "money_measure"):
        return False
    return _has_cue(near, "price") and (state.price_base is not None or "token" in near.lower())


def _subjects_for(
    fig: Figure, kind: ClaimKind, ctx: _Ctx, state: ArticleState, lo: int, hi: int
) -> tuple[list[SubjectMention], float, list[str]]:
    """Who the figure is about, how sure we are, and (for ratios) what it is compared with."""
    if _is_row(ctx):
        row = [s for s in ctx.subjects if s.end <= fig.start]
        if row:
            return [_preferred_in_row(row)], 0.85, []
    if kind in ("price", "change", "ranking"):
        # prices, changes and ranks belong to models and groups, not to the platform reporting them
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
    after = _subject_after(fig, ctx, hi)
    compared: list[str] = []
    if after and (kind == "share" or (kind == "change" and fig.unit == "x")):
        # "61% of global calls on X", "16.7 times that of X": the whole, not the subject
        compared = [after.canonical]
        after = None
    if after and kind in ("token_volume", "price", "quantity"):
        return [after], 0.9, compared
    before = _subject_before(fig, ctx, lo) or _subject_before(fig, ctx, ctx.sentence.start)
    if before is not None:
        before = _agent(before, ctx)
        group = _coordinated(before, ctx) if kind in ("price", "token_volume") else [before]
        return group, 0.9, compared
    following = next((s for s in ctx.subjects if fig.end <= s.start < hi), None)
    if following is not None and kind != "change":
        return [following], 0.8, compared
    carried = _carried_subject(ctx, state)
    if carried is not None:
        return [carried], 0.6, compared
    nationality = ctx.once("nationality", _nationality_group)
    if nationality and kind in ("token_volume", "share", "streak"):
        mention = SubjectMention(fig.start, fig.start, nationality, nationality, "group")
        return [mention], 0.4, compared
    return [], 0.0, compared


_POSSESSIVE = re.compile(r"\s*的\s*(?:[\u4e00-\u9fff]{0,6}?)$")


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


def _row_rank(ctx: _Ctx, state: ArticleState) -> list[Claim]:
    """The position that leads a ranked table row or list line, for the row's model."""
    match = _ROW.match(ctx.text, ctx.sentence.start, ctx.sentence.end)
    if not match or not match.group(1) or not _is_row(ctx) or not ctx.subjects:
        return []
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


def _looks_like_row(line: str) -> bool:
    return line.count("|") >= 2 or line.count(" — ") >= 2 or line.count(" | ") >= 2


def _preferred_in_row(row: list[SubjectMention]) -> SubjectMention:
    """The row's model, not the vendor column next to it."""
    for s in row:
        if s.kind in ("model", "unknown", "group"):
            return s
    return row[0]


_COMPARISON_OBJECT = re.compile(
    r"(?:surpass\w*|overtak\w*|overtook|exceed\w*|beat\w*|outpac\w*|ahead of|than|over|"
    r"against|versus|vs\.?|超过|超越|领先)\s*(?:the\s+)?$",
    re.IGNORECASE,
)


def _agent(before: SubjectMention, ctx: _Ctx) -> SubjectMention:
    """In 'A surpassed B with 4.12 trillion', the figure belongs to A, not to B."""
    earlier = [s for s in ctx.subjects if s.end <= before.start]
    lead_in = ctx.text[max(ctx.sentence.start, before.start - 25) : before.start]
    possessive = ctx.text.startswith("的", before.end)  # "超过美国模型的2.94万亿": B's own figure
    if earlier and not possessive and _COMPARISON_OBJECT.search(lead_in):
        return earlier[-1]
    if before.kind == "vendor":
        # "the M2.5 model released by MiniMax ... topped": the model, not its vendor
        for s in reversed(earlier):
            info = entity(s.canonical)
            if s.kind == "model" and info and info.get("vendor") == before.canonical:
                return s
    return before


def _carried_subject(ctx: _Ctx, state: ArticleState) -> SubjectMention | None:
    """Anaphora ('this figure', 'Their weekly volume'): the subject of the sentence before."""
    if state.last_subject is not None and state.last_subject_sentence >= ctx.sentence.start - 1:
        return state.last_subject
    return None


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
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    before = ctx.text[ctx.sentence.start : fig.start]
    if kind == "price":
        direction = attrs.get("direction") or _direction(before) or state.direction
        if direction:
            out["direction"] = direction
            state.direction = direction
        out["currency"] = attrs.get("currency") or fig.unit.split("/")[0]
        if "per_tokens" in attrs:
            out["per_tokens"] = attrs["per_tokens"]
        for k in ("condition",):
            if k in attrs:
                out[k] = attrs[k]
    elif kind == "change":
        basis = _basis(fig, ctx)
        if basis:
            out["basis"] = basis
        measure = _measure(ctx, fig, state)
        if measure:
            out["measure"] = measure
        if fig.unit == "x" and not compared and measure == "price":
            compared = _recent_other_subjects(state, "price")
        if compared:
            out["compared_to"] = compared
        if measure == "price" and state.direction:
            out["direction"] = state.direction
    elif kind == "share":
        after = _subject_after(fig, ctx, hi)
        of = after.canonical if after else state.platform
        if of:
            out["of"] = of
    elif kind == "ranking":
        if state.platform:
            out["scope"] = f"{state.platform} {period.granularity or ''}".strip()
    elif kind == "streak":
        over = _nationality_group(ctx.text[max(lo, fig.start - 40) : fig.start])
        if over:
            out["over"] = over
    elif kind == "token_volume":
        if period.granularity == "day" or _has_cue(
            ctx.text[max(lo, fig.start - 40) : fig.start], "daily"
        ):
            out["daily_average"] = True
        if "(" in ctx.text[max(lo, fig.start - 12) : fig.start] and _restates(fig, state):
            out["restates"] = True
    if "low" in attrs and "high" in attrs:
        out["low"], out["high"] = attrs["low"], attrs["high"]
    return out


def _direction(before: str) -> str | None:
    best, best_pos = None, -1
    for direction in ("input", "output", "cache_hit"):
        pos = _last_cue(before, "direction", direction)
        if pos > best_pos:
            best, best_pos = direction, pos
    return best


def _restates(fig: Figure, state: ArticleState) -> bool:
    last = state.claims[-1] if state.claims else None
    return bool(last and last.kind == "token_volume" and last.span[1] <= fig.start)


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
    """'four of the top five are Chinese: A, B, C and D' (a set) or 'the top three are A, B, C'."""
    n = int(fig.value)
    sentence_text = ctx.once("text", str)
    members = [s for s in ctx.subjects if s.start >= fig.end and s.kind in ("model", "unknown")]
    count_match = _SET_COUNT.search(sentence_text)
    group = ctx.once("nationality", _nationality_group)
    quote = _quote(ctx.text, ctx.sentence, fig)
    scope = state.platform or "global"
    if count_match and group:
        raw = (count_match.group(1) or count_match.group(2) or "").lower()
        count = int(raw) if raw.isdigit() else _COUNT_WORDS.get(raw, 0)
        if not count or count > n:
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
    if len(members) == n and n <= 10 and not group:
        period = _period(_period_for(fig, ctx, state, "ranking")[0], fig, ctx)
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
                (fig.start, fig.end),
                (m.start, m.end),
                0.7,
            )
            for i, m in enumerate(members, 1)
        ]
    return []
