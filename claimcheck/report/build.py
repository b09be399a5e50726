"""What a report shows, gathered from the store once, before any rendering.

Renderers (text, Markdown, HTML, JSON, ClaimReview) only format a ``Report``; every lookup in
the database, the independence count and the suggested reading happen here.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from claimcheck.models import Article, Claim, Discrepancy, Review
from claimcheck.report.wording import (
    claim_value_words,
    factor_words,
    outlet_words,
    period_words,
    published_words,
    slot_words,
    value_words,
    words,
)
from claimcheck.store import Store

SEVERITIES = ("high", "medium", "low")
# Types whose expected value is a scale correction rather than a computation.
_SCALE_TYPES = frozenset({"magnitude_anomaly"})


@dataclass(frozen=True)
class Figure:
    """One claim of a discrepancy, with the article it appeared in."""

    claim: Claim
    article: Article | None

    @property
    def outlet(self) -> str:
        return outlet_words(self.article)

    @property
    def published(self) -> str:
        return published_words(self.article)

    @property
    def value(self) -> str:
        return claim_value_words(self.claim)

    def quote_parts(self, limit: int | None = None) -> tuple[str, str, str]:
        """The quote split around the figure (before, figure, after), optionally shortened."""
        before, figure, after = _split_quote(self.claim, self.article)
        if limit is not None and len(before) + len(figure) + len(after) > limit:
            room = max(limit - len(figure), 0) // 2
            if len(before) > room:
                before = "\u2026" + before[len(before) - room:].lstrip()
            if len(after) > room:
                after = after[:room].rstrip() + "\u2026"
        return before, figure, after


def _split_quote(claim: Claim, article: Article | None) -> tuple[str, str, str]:
    """Locate the claim's span inside its quote, through the article text when there is one."""
    quote = claim.quote
    start, end = claim.span
    if article is not None and 0 <= start < end <= len(article.text):
        figure = article.text[start:end]
        quote_start = article.text.find(quote, max(0, end - len(quote)), end + len(quote))
        if 0 <= quote_start <= start and end <= quote_start + len(quote):
            offset = start - quote_start
            return quote[:offset], figure, quote[offset + end - start:]
        at = quote.find(figure) if figure else -1
        if at >= 0:
            return quote[:at], figure, quote[at + len(figure):]
    return quote, "", ""


@dataclass(frozen=True)
class Independence:
    """How many articles state the figures, and how many of them did not copy another."""

    sources: int
    independent: int
    groups: tuple[tuple[str, ...], ...]  # article ids that copy each other (or share an outlet)

    def words(self) -> str:
        forms = words().section("independence")
        if self.sources <= 1:
            return str(forms["one"])
        return str(forms["many"]).format(sources=self.sources, independent=self.independent)


def independence_of(
    article_ids: Iterable[str], copies: Mapping[str, Sequence[str]],
    articles: Mapping[str, Article],
) -> Independence:
    """Articles that copy each other, directly or through others, count once; so do articles
    of one outlet, since a newsroom repeating its own figure is not a second witness."""
    wanted = sorted(set(article_ids))
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, others in copies.items():
        for b in others:
            parent[root(a)] = root(b)
    by_outlet: dict[str, str] = {}
    for a in wanted:
        source = (articles[a].source or "").strip().lower() if a in articles else ""
        if source:
            parent[root(a)] = root(by_outlet.setdefault(source, a))
    groups: dict[str, list[str]] = {}
    for a in wanted:
        groups.setdefault(root(a), []).append(a)
    return Independence(
        sources=len(wanted), independent=len(groups),
        groups=tuple(tuple(g) for g in groups.values() if len(g) > 1),
    )


@dataclass(frozen=True)
class Suggestion:
    text: str
    preferred: float | None = None
    disputed: tuple[str, ...] = ()  # ids of the claims the suggested reading contradicts


def _same_value(a: Claim, b: Claim) -> bool:
    if a.unit != b.unit:
        return False
    tolerance = float(words().raw["same_value_relative"])
    scale = max(abs(a.value), abs(b.value))
    return abs(a.value - b.value) <= tolerance * scale


def _reading(f: Figure, by_period: bool) -> tuple[str, str]:
    return (f.claim.subject, period_words(f.claim.period) if by_period else "")


def reading_groups(figures: Sequence[Figure], by_period: bool = False) -> list[list[Figure]]:
    """Figures that say the same thing (subject and value, and period if asked) together."""
    groups: list[list[Figure]] = []
    for f in figures:
        for g in groups:
            if _reading(g[0], by_period) == _reading(f, by_period) and _same_value(
                    g[0].claim, f.claim):
                g.append(f)
                break
        else:
            groups.append([f])
    return groups


def _period_groups(figures: Sequence[Figure]) -> list[list[Figure]]:
    groups: dict[str, list[Figure]] = {}
    for f in figures:
        groups.setdefault(period_words(f.claim.period), []).append(f)
    return list(groups.values())


def _support(groups: Sequence[Sequence[Figure]], copies: Mapping[str, Sequence[str]],
             articles: Mapping[str, Article]) -> list[int]:
    return [independence_of((f.claim.article_id for f in g), copies, articles).independent
            for g in groups]


def _ids(groups: Iterable[Sequence[Figure]]) -> tuple[str, ...]:
    return tuple(f.claim.id for g in groups for f in g)


# a disagreement between sources computes nothing: its "expected" is the side most sources
# support, which the majority reading already says
_NOT_COMPUTED = frozenset({"value_mismatch"})


def suggestion_for(
    d: Discrepancy, figures: Sequence[Figure], slot: str,
    copies: Mapping[str, Sequence[str]], articles: Mapping[str, Article],
    miscomputed: Collection[str] = (),
) -> Suggestion:
    """The reading the evidence supports best, in one sentence, and the claims it disputes.
    ``miscomputed`` are claims another finding shows do not follow from their article's own
    figures: between readings with equal support, the one without such a claim is preferred."""
    forms = words().section("suggestions")
    if not figures:
        return Suggestion(text=str(forms["tie"]).format(slot=slot))
    if d.expected is not None and d.type not in _NOT_COMPUTED:
        return _computed_suggestion(d, figures, figures[0].claim, forms)
    if d.type == "period_mismatch":
        return _period_suggestion(_period_groups(figures), copies, articles, forms)
    groups = reading_groups(figures)
    if len(groups) == 1:
        return Suggestion(text=str(forms["single"]).format(value=figures[0].value),
                          disputed=_ids(groups))
    if len({f.claim.article_id for f in figures}) == 1:
        return Suggestion(text=str(forms["internal"]), disputed=_ids(groups))
    return _majority_suggestion(groups, slot, copies, articles, forms, miscomputed)


def _period_suggestion(
    groups: list[list[Figure]], copies: Mapping[str, Sequence[str]],
    articles: Mapping[str, Article], forms: Mapping[str, str],
) -> Suggestion:
    support = _support(groups, copies, articles)
    best = max(support)
    if support.count(best) > 1:
        return Suggestion(text=forms["same_value"].format(value=groups[0][0].value),
                          disputed=_ids(groups))
    winner = groups[support.index(best)]
    return Suggestion(
        text=forms["period_majority"].format(period=period_words(winner[0].claim.period),
                                             support=best, against=sum(support) - best),
        disputed=_ids(g for g in groups if g is not winner),
    )


def _computed_suggestion(
    d: Discrepancy, figures: Sequence[Figure], first: Claim, forms: Mapping[str, str]
) -> Suggestion:
    expected = d.expected if d.expected is not None else 0.0
    stated = d.stated if d.stated is not None else first.value
    fields = {
        "expected": value_words(expected, first.unit, first.kind),
        "stated": value_words(stated, first.unit, first.kind),
        "factor": factor_words(stated, expected),
    }
    template = forms["magnitude"] if d.type in _SCALE_TYPES else forms["computation"]
    disputed = tuple(f.claim.id for f in figures if _matches(f.claim.value, stated))
    return Suggestion(text=template.format(**fields), preferred=expected,
                      disputed=disputed or tuple(f.claim.id for f in figures))


def _majority_suggestion(
    groups: list[list[Figure]], slot: str, copies: Mapping[str, Sequence[str]],
    articles: Mapping[str, Article], forms: Mapping[str, str], miscomputed: Collection[str],
) -> Suggestion:
    support = _support(groups, copies, articles)
    best = max(support)
    if support.count(best) > 1:
        tied = [g for g, n in zip(groups, support, strict=True) if n == best]
        sound = [g for g in tied if not any(f.claim.id in miscomputed for f in g)]
        if len(sound) == 1:
            winner = sound[0]
            return Suggestion(text=forms["tie_computed"].format(value=winner[0].value),
                              preferred=winner[0].claim.value,
                              disputed=_ids(g for g in groups if g is not winner))
        return Suggestion(text=forms["tie"].format(slot=slot), disputed=_ids(groups))
    winner = groups[support.index(best)]
    return Suggestion(
        text=forms["majority"].format(value=winner[0].value, support=best,
                                      against=sum(support) - best),
        preferred=winner[0].claim.value,
        disputed=_ids(g for g in groups if g is not winner),
    )


@dataclass(frozen=True)
class Item:
    """One discrepancy as an editor sees it."""

    discrepancy: Discrepancy
    figures: tuple[Figure, ...]
    slot: str
    independence: Independence
    suggestion: Suggestion
    reviews: tuple[Review, ...] = ()

    def readings(self) -> list[tuple[str, list[str]]]:
        """Each distinct reading with the outlets stating it: what is compared side by side.

        A reading names its subject when the figures speak of several, and its period when
        the disagreement is about periods."""
        by_period = self.discrepancy.type == "period_mismatch"
        several = len({f.claim.subject for f in self.figures}) > 1
        found = []
        for g in reading_groups(self.figures, by_period):
            label = f"{g[0].claim.subject}: {g[0].value}" if several else g[0].value
            if by_period:
                label += f", {period_words(g[0].claim.period)}"
            found.append((label, list(dict.fromkeys(f.outlet for f in g))))
        return found

    @property
    def computation(self) -> str | None:
        d = self.discrepancy
        if d.expected is None or d.type in _NOT_COMPUTED:
            return None
        unit, kind = ((self.figures[0].claim.unit, self.figures[0].claim.kind)
                      if self.figures else ("", None))
        parts = []
        if d.expected is not None:
            parts.append(f"expected {value_words(d.expected, unit, kind)}")
        if d.stated is not None:
            parts.append(f"stated {value_words(d.stated, unit, kind)}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Filters:
    status: str | None = "open"
    severity: str | None = None
    article_id: str | None = None

    def words(self) -> str:
        shown = [f"status {self.status or 'all'}"]
        if self.severity:
            shown.append(f"severity {self.severity}")
        if self.article_id:
            shown.append(f"article {self.article_id}")
        return ", ".join(shown)


@dataclass(frozen=True)
class Report:
    items: tuple[Item, ...]
    articles: tuple[Article, ...]  # the articles the shown discrepancies involve
    claims_by_article: Mapping[str, tuple[Claim, ...]]
    filters: Filters = field(default_factory=Filters)
    generated: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))

    def by_severity(self) -> list[tuple[str, list[Item]]]:
        """Items grouped by severity, most severe first; empty groups left out."""
        order = {s: i for i, s in enumerate(SEVERITIES)}
        groups: dict[str, list[Item]] = {}
        for item in sorted(self.items, key=lambda i: order.get(i.discrepancy.severity, 99)):
            groups.setdefault(item.discrepancy.severity, []).append(item)
        return list(groups.items())

    def counts(self, what: str) -> Counter[str]:
        """How many shown discrepancies have each ``type``, ``severity`` or ``status``."""
        return Counter(str(getattr(i.discrepancy, what)) for i in self.items)


def _matches(value: float, target: float) -> bool:
    tolerance = float(words().raw["same_value_relative"])
    return abs(value - target) <= tolerance * max(abs(target), 1e-12)


def _ordered(d: Discrepancy, figures: Iterable[Figure]) -> tuple[Figure, ...]:
    """The stated figure of a computation first, then the earliest published: the order in
    which an editor retraces the story."""
    def key(f: Figure) -> tuple[int, int, dt.date, str, str]:
        stated = d.stated is not None and _matches(f.claim.value, d.stated)
        day = f.article.published if f.article and f.article.published else dt.date.max
        return (0 if stated else 1, 0 if day != dt.date.max else 1, day, f.outlet, f.claim.id)

    return tuple(sorted(figures, key=key))


def build_item(
    d: Discrepancy, claims: Mapping[str, Claim], articles: Mapping[str, Article],
    copies: Mapping[str, Sequence[str]], reviews: Sequence[Review] = (),
    miscomputed: Collection[str] = (),
) -> Item:
    figures = _ordered(d, (Figure(claims[c], articles.get(claims[c].article_id))
                           for c in d.claim_ids if c in claims))
    slot = slot_words(figures[0].claim) if figures else d.type
    return Item(
        discrepancy=d, figures=figures, slot=slot,
        independence=independence_of(d.article_ids or
                                     [f.claim.article_id for f in figures], copies, articles),
        suggestion=suggestion_for(d, figures, slot, copies, articles, miscomputed),
        reviews=tuple(reviews),
    )


def build_items(store: Store, discrepancies: Sequence[Discrepancy]) -> list[Item]:
    """Items for these discrepancies, with a fixed number of queries whatever their count."""
    claim_ids = {c for d in discrepancies for c in d.claim_ids}
    claims = {c.id: c for c in store.claims(ids=claim_ids)} if claim_ids else {}
    article_ids = {a for d in discrepancies for a in d.article_ids}
    article_ids |= {c.article_id for c in claims.values()}
    articles = {a.id: a for a in store.articles(article_ids)} if article_ids else {}
    copies = store.copies() if discrepancies else {}
    wanted = {d.id for d in discrepancies}
    history: dict[str, list[Review]] = {}
    for r in store.reviews() if discrepancies else []:
        if r.discrepancy_id in wanted:
            history.setdefault(r.discrepancy_id, []).append(r)
    miscomputed = _miscomputed(store, claims) if discrepancies else set()
    return [build_item(d, claims, articles, copies, history.get(d.id, ()), miscomputed)
            for d in discrepancies]


def _miscomputed(store: Store, claims: Mapping[str, Claim]) -> set[str]:
    """Which of these claims an arithmetic finding (of any status) shows to be the stated
    figure that does not follow from its article's other figures."""
    found: set[str] = set()
    for d in store.discrepancies(status=None, involving=claims):
        if d.type == "arithmetic" and d.stated is not None:
            found.update(c for c in d.claim_ids
                         if c in claims and _matches(claims[c].value, d.stated))
    return found


def build_report(
    store: Store, *, status: str | None = "open", severity: str | None = None,
    article_id: str | None = None, with_claims: bool = False,
) -> Report:
    """The report of the store's active discrepancies matching the filters."""
    found = store.discrepancies(status=status, severity=severity, article_id=article_id)
    items = build_items(store, found)
    shown_ids = {a for i in items for a in i.discrepancy.article_ids}
    if article_id:
        shown_ids.add(article_id)
    articles = tuple(store.articles(shown_ids)) if with_claims and shown_ids else ()
    claims_by_article = {a.id: tuple(store.claims(article_id=a.id)) for a in articles}
    return Report(items=tuple(items), articles=articles, claims_by_article=claims_by_article,
                  filters=Filters(status=status, severity=severity, article_id=article_id))


__all__ = [
    "Figure", "Filters", "Independence", "Item", "Report", "SEVERITIES", "Suggestion",
    "build_item", "build_items", "build_report", "independence_of", "reading_groups",
    "suggestion_for",
]
