"""A small desk of hand-built articles and claims for the reconciler's tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from claimcheck.models import Article, Claim, Discrepancy, Period
from claimcheck.reconcile import reconcile


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def period(
    start: str | None = None,
    end: str | None = None,
    granularity: str | None = "week",
    resolution: str | None = None,
    text: str | None = None,
) -> Period:
    dated = start is not None and end is not None
    return Period(
        start=day(start) if start else None,
        end=day(end) if end else None,
        granularity=granularity,
        text=text,
        resolution=resolution or ("explicit" if dated else "unresolved"),
    )


@dataclass
class _Draft:
    source: str | None
    published: dt.date | None
    shares: list[str]
    text: str = ""


@dataclass
class Desk:
    """Articles whose texts are the quotes of their claims, so spans index real text."""

    drafts: dict[str, _Draft] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)

    def article(
        self,
        article_id: str,
        source: str | None = None,
        published: str | None = None,
        shares: tuple[str, ...] = (),
    ) -> str:
        self.drafts[article_id] = _Draft(
            source or article_id, day(published) if published else None, list(shares)
        )
        return article_id

    def claim(
        self,
        article_id: str,
        kind: str,
        subject: str,
        value: float,
        unit: str,
        figure: str,
        quote: str | None = None,
        qualifier: str = "exact",
        when: Period | None = None,
        confidence: float = 0.9,
        **attributes: Any,
    ) -> Claim:
        draft = self.drafts[article_id]
        quote = quote or f"{subject} reached {figure} according to the data."
        assert figure in quote, "the figure must appear in its quote"
        if not draft.text.endswith(quote + " "):  # consecutive claims may share one sentence
            draft.text += quote + " "
        offset = len(draft.text) - len(quote) - 1 + quote.index(figure)
        claim = Claim(
            id=f"{article_id}-c{len(self.claims)}",
            article_id=article_id,
            kind=kind,
            subject=subject,
            subject_text=subject,
            value=value,
            unit=unit,
            qualifier=qualifier,
            period=when or Period(),
            attributes=attributes,
            quote=quote,
            span=(offset, offset + len(figure)),
            confidence=confidence,
        )
        self.claims.append(claim)
        return claim

    def articles(self) -> dict[str, Article]:
        return {
            aid: Article(
                id=aid,
                title=f"Title of {aid}",
                source=d.source,
                published=d.published,
                text=d.text,
                shares_text_with=d.shares,
            )
            for aid, d in self.drafts.items()
        }

    def run(self) -> list[Discrepancy]:
        return reconcile(self.claims, self.articles())

    def of_type(self, kind: str) -> list[Discrepancy]:
        return [d for d in self.run() if d.type == kind]


WEEK_FEB_02 = ("2026-02-02", "2026-02-08")
WEEK_FEB_09 = ("2026-02-09", "2026-02-15")
WEEK_FEB_16 = ("2026-02-16", "2026-02-22")
WEEK_FEB_23 = ("2026-02-23", "2026-03-01")


def week(bounds: tuple[str, str], resolution: str = "explicit", text: str | None = None) -> Period:
    return period(bounds[0], bounds[1], "week", resolution, text)


def test_desk_spans_index_the_article_text() -> None:
    desk = Desk()
    desk.article("a")
    first = desk.claim("a", "token_volume", "Chinese models", 4.12e12, "tokens", "4.12 trillion")
    second = desk.claim("a", "token_volume", "US models", 2.94e12, "tokens", "2.94 trillion")
    text = desk.articles()["a"].text
    assert text[first.span[0] : first.span[1]] == "4.12 trillion"
    assert text[second.span[0] : second.span[1]] == "2.94 trillion"
