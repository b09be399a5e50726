"""Slots: the key under which two claims speak of the same fact, and when their periods match.

A slot key is ``kind | subject | attribute=value ... | u=unit | g=granularity``:

* ``subject`` is the canonical subject, casefolded. Rankings with a ``scope`` use ``*`` instead:
  the fact is the ordering of that scope (who is where), so claims about different subjects at
  one position land in one slot; without a scope the subject stays in the key.
* the attributes are the kind's distinguishing ones (corpora/reconcile.json ``slot_attributes``:
  price direction, currency and condition; ranking scope; share ``of``; change basis, measure and
  ``compared_to``; streak ``over``...), casefolded, lists sorted. A price's currency falls back to
  the currency of its unit.
* the unit only for kinds whose unit varies (change: % or x; quantity).
* ``g`` is the period granularity (``-`` when unknown).

The *base* slot is the key without ``g``. Claims of one base slot are compared across
granularities only where that is meaningful (a daily average against a weekly total) and, for
kinds whose figures do not depend on the period length (prices, shares, rankings), regardless
of granularity.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from functools import lru_cache
from typing import Any

from claimcheck.models import Article, Claim, Period

from .config import config

_GRANULARITY_ABSENT = "-"


def _normalized(value: Any) -> str:
    if isinstance(value, (list, tuple, set, frozenset)):
        return "+".join(sorted(_normalized(v) for v in value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return " ".join(str(value).split()).casefold()


def currency_of(attributes: Mapping[str, Any], unit: str) -> str | None:
    currency = attributes.get("currency")
    if currency:
        return str(currency)
    prefix = unit.split("/", 1)[0].strip()
    return prefix if prefix in config().raw["currencies"] else None


def _attribute_parts(kind: str, attributes: Mapping[str, Any], unit: str) -> list[str]:
    parts: list[str] = []
    for name in config().slot_attributes(kind):
        value = currency_of(attributes, unit) if name == "currency" else attributes.get(name)
        if value not in (None, "", [], ()):
            parts.append(f"{name}={_normalized(value)}")
    return parts


def make_base_key(kind: str, subject: str, attributes: Mapping[str, Any], unit: str) -> str:
    subject_part = _normalized(subject)
    if kind == "ranking" and attributes.get("scope"):
        subject_part = "*"
    parts = [kind, subject_part, *_attribute_parts(kind, attributes, unit)]
    if kind in config().raw["unit_in_slot"]:
        parts.append(f"u={_normalized(unit)}")
    return "|".join(parts)


def with_granularity(base_key: str, granularity: str | None) -> str:
    return f"{base_key}|g={granularity or _GRANULARITY_ABSENT}"


def base_slot_key(claim: Claim) -> str:
    return make_base_key(claim.kind, claim.subject, claim.attributes, claim.unit)


def slot_key(claim: Claim) -> str:
    """The fact a claim is about (see the module docstring)."""
    return with_granularity(base_slot_key(claim), claim.period.granularity)


def all_granularities(base_key: str) -> list[str]:
    return [with_granularity(base_key, g) for g in (None, *config().raw["granularities"])]


def measure_of(claim: Claim) -> str:
    """The kind of the base figures a change, share or streak refers to."""
    measure = claim.attributes.get("measure")
    if measure:
        return str(measure)
    defaults = config().raw["default_measure"]
    return str(
        defaults["with_direction"] if claim.attributes.get("direction") else defaults["default"]
    )


def base_figure_attributes(claim: Claim, measure: str) -> dict[str, Any]:
    """The attributes a base figure of ``measure`` shares with the claim that refers to it."""
    return {
        name: claim.attributes[name]
        for name in config().base_attributes(measure)
        if claim.attributes.get(name) not in (None, "")
    }


def _base_units(claim: Claim, measure: str) -> list[str]:
    if measure == "price":
        currency = claim.attributes.get("currency")
        currencies = [currency] if currency else config().raw["currencies"]
        return [f"{c}/1M tokens" for c in currencies]
    if measure == "token_volume":
        return ["tokens"]
    if measure == "share":
        return ["%"]
    return [str(claim.attributes.get("unit", ""))]


def base_keys_for(claim: Claim, measure: str, subjects: Iterable[str]) -> list[str]:
    """Base slot keys of the figures of ``measure`` for ``subjects`` that ``claim`` refers to."""
    attributes = base_figure_attributes(claim, measure)
    keys: list[str] = []
    for subject in subjects:
        for unit in _base_units(claim, measure):
            attrs = dict(attributes)
            if measure == "price":
                attrs["currency"] = unit.split("/", 1)[0]
            keys.append(make_base_key(measure, subject, attrs, unit))
    return keys


def joint_members(name: str) -> list[str]:
    """The subjects a joint name is made of ("Chinese and US models" -> "Chinese models",
    "US models"); none for a single subject."""
    parts = [p.strip() for p in re.split(r",\s*|\s+and\s+", name) if p.strip()]
    if len(parts) < 2:
        return []
    # "Chinese and US models": the groups' shared head noun is written once, at the end
    if parts[-1].split()[-1].casefold() != "models":
        return parts
    return [p if p.casefold().endswith("models") else f"{p} models" for p in parts]


def referenced_subjects(claim: Claim) -> list[str]:
    """Subjects whose figures a change, share or streak claim is computed from."""
    subjects = [claim.subject]
    if claim.kind == "change":
        subjects += [str(s) for s in claim.attributes.get("compared_to") or []]
    elif claim.kind == "share" and claim.attributes.get("of"):
        subjects.append(str(claim.attributes["of"]))
        subjects += joint_members(str(claim.attributes["of"]))
    elif claim.kind == "streak" and claim.attributes.get("over"):
        subjects.append(str(claim.attributes["over"]))
    members = claim.attributes.get("members")
    if isinstance(members, list):
        subjects += [str(m) for m in members]
    return subjects


def related_slot_keys(claim: Claim) -> list[str]:
    """Slots whose stored claims are needed to check ``claim``: its own base slot in every
    granularity (internal and undated comparisons) and, for changes, ratios, shares and streaks,
    the slots of the base figures it is computed from."""
    keys = all_granularities(base_slot_key(claim))
    if claim.kind in ("change", "share", "streak"):
        for base in base_keys_for(claim, measure_of(claim), referenced_subjects(claim)):
            keys += all_granularities(base)
    elif isinstance(claim.attributes.get("members"), list):
        for base in base_keys_for(claim, claim.kind, referenced_subjects(claim)):
            keys += all_granularities(base)
    return list(dict.fromkeys(keys))


# --- periods -------------------------------------------------------------------------------


class Match(Enum):
    """How two claims' periods relate."""

    SAME = "same"  # both dated, intervals overlap
    LIKELY = "likely"  # a date is missing; publication dates make the same period likely
    NO = "no"


def is_dated(period: Period) -> bool:
    return period.start is not None and period.end is not None


def overlaps(a: Period, b: Period) -> bool:
    assert a.start and a.end and b.start and b.end
    return a.start <= b.end and b.start <= a.end


def granularity_matters(kind: str) -> bool:
    return kind not in config().raw["granularity_free_kinds"]


def same_granularity(a: Claim, b: Claim) -> bool:
    if not granularity_matters(a.kind):
        return True
    return a.period.granularity == b.period.granularity


def _published(claim: Claim, articles: Mapping[str, Article]) -> dt.date | None:
    article = articles.get(claim.article_id)
    return article.published if article else None


@lru_cache(maxsize=256)
def _window(kind: str, granularity: str | None) -> dt.timedelta:
    return dt.timedelta(days=config().window_days(kind, granularity))


def likely_same_period(a: Claim, b: Claim, articles: Mapping[str, Article]) -> bool:
    """For claims missing a date: whether publication dates put them in the same period."""
    # the reconciler's innermost test, asked of many pairs per reconciliation: lookups are lazy
    a_dated, b_dated = is_dated(a.period), is_dated(b.period)
    if not a_dated and not b_dated and a.article_id == b.article_id:
        return True
    window = _window(a.kind, a.period.granularity)
    pb = _published(b, articles)
    if a_dated and pb is not None:
        return _reported_near(a.period, pb, window)
    pa = _published(a, articles)
    if b_dated and pa is not None:
        return _reported_near(b.period, pa, window)
    if pa is None or pb is None:
        return False
    return abs(pa - pb) <= window


def same_period_as_undated(
    claim: Claim, articles: Mapping[str, Article]
) -> Callable[[Claim], bool]:
    """``likely_same_period(claim, other)`` for an undated ``claim``, as a test of ``other``:
    the reconciler asks it of every figure near each undated one, so the claim's side is
    worked out once."""
    window = _window(claim.kind, claim.period.granularity)
    published = _published(claim, articles)

    def test(other: Claim) -> bool:
        start, end = other.period.start, other.period.end
        if start is not None and end is not None:
            return published is not None and start <= published and published - end <= window
        if other.article_id == claim.article_id:
            return True
        if published is None:
            return False
        theirs = _published(other, articles)
        return theirs is not None and abs(published - theirs) <= window

    return test


def _reported_near(period: Period, published: dt.date, window: dt.timedelta) -> bool:
    assert period.start and period.end
    return period.start <= published and published - period.end <= window


def period_match(a: Claim, b: Claim, articles: Mapping[str, Article]) -> Match:
    if not same_granularity(a, b):
        return Match.NO
    if is_dated(a.period) and is_dated(b.period):
        return Match.SAME if overlaps(a.period, b.period) else Match.NO
    return Match.LIKELY if likely_same_period(a, b, articles) else Match.NO


class Timeline:
    """Claims by date, to find those that can share a period with a claim without comparing it
    with every one: a slot holds every week's figure of its subject.

    A claim's date is its period's end, or its article's publication date when it is undated;
    claims with neither are candidates for every query.
    """

    def __init__(self, claims: Iterable[Claim], articles: Mapping[str, Article]) -> None:
        self.articles = articles
        dated: list[tuple[dt.date, int, Claim]] = []
        self.loose: list[tuple[int, Claim]] = []
        longest = 0
        for n, claim in enumerate(claims):
            if is_dated(claim.period):
                assert claim.period.start and claim.period.end
                longest = max(longest, (claim.period.end - claim.period.start).days)
                dated.append((claim.period.end, n, claim))
                continue
            published = _published(claim, articles)
            if published is None:
                self.loose.append((n, claim))
            else:
                dated.append((published, n, claim))
        dated.sort(key=lambda row: (row[0], row[1]))
        self.dates = [row[0] for row in dated]
        self.rows = [(n, claim) for _, n, claim in dated]
        self.longest = dt.timedelta(days=longest)

    def between(self, lo: dt.date, hi: dt.date) -> list[Claim]:
        """The claims dated from ``lo`` to ``hi`` and the undatable ones, in input order."""
        rows = self.rows[bisect_left(self.dates, lo):bisect_right(self.dates, hi)] + self.loose
        return [claim for _, claim in sorted(rows, key=lambda row: row[0])]

    def near(self, claim: Claim) -> list[Claim]:
        """A superset of the claims ``period_match(claim, c)`` (or an overlap of both dated
        periods) accepts, in input order."""
        window = _window(claim.kind, claim.period.granularity)
        reach = max(self.longest, window)
        if is_dated(claim.period):
            assert claim.period.start and claim.period.end
            # an overlapping period ends after this one starts and at most its length later;
            # an undated figure is reported from this period's start to a window after it
            return self.between(claim.period.start, claim.period.end + reach)
        published = _published(claim, self.articles)
        if published is None:
            return [c for _, c in self.loose]
        return self.between(published - window, published + reach)

    def containing(self, day: dt.date) -> list[Claim]:
        """A superset of the dated claims whose period contains ``day``, in input order."""
        return self.between(day, day + self.longest)


def period_label(period: Period | None) -> str:
    if period is None or not is_dated(period):
        return "an unstated period"
    assert period.start and period.end
    if period.start == period.end:
        return period.start.isoformat()
    if period.granularity == "week":
        return f"the week of {period.start.isoformat()} to {period.end.isoformat()}"
    return f"{period.start.isoformat()} to {period.end.isoformat()}"


def period_key(period: Period) -> str:
    if not is_dated(period):
        return "undated"
    assert period.start and period.end
    return f"{period.start.isoformat()}..{period.end.isoformat()}"
