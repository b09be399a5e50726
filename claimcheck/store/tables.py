"""The database tables, in plain words so that any SQLite browser makes sense of them.

Rows are converted to and from the contract models (claimcheck.models) here and only here.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Column, ForeignKey, Index, String, Text
from sqlmodel import Field, SQLModel

from claimcheck.models import Article, Claim, Discrepancy, Period, Review


class SchemaInfo(SQLModel, table=True):
    __tablename__ = "schema_info"
    key: str = Field(primary_key=True)
    value: str


class ArticleRow(SQLModel, table=True):
    __tablename__ = "articles"
    id: str = Field(primary_key=True)
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = Field(default=None, index=True)
    published_origin: str | None = None
    lang: str = "en"
    text: str = Field(sa_column=Column(Text, nullable=False))
    origin: str | None = None  # the file (and line) it was read from
    ingested_at: dt.datetime


class ClaimRow(SQLModel, table=True):
    __tablename__ = "claims"
    # reconciliation asks for a slot's claims whose period ends after a date: with the end in
    # the index, that touches the claims of a time window, not every claim the slot ever had
    __table_args__ = (Index("ix_claims_slot_period_end", "slot", "period_end"),)
    id: str = Field(primary_key=True)
    article_id: str = Field(
        sa_column=Column(
            String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    kind: str
    subject: str
    subject_text: str
    value: float
    unit: str
    qualifier: str
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    period_granularity: str | None = None
    period_text: str | None = None
    period_resolution: str = "unresolved"
    attributes: str = "{}"  # JSON object
    quote: str = Field(sa_column=Column(Text, nullable=False))
    span_start: int
    span_end: int
    confidence: float
    # the fact this claim is about; reconciliation looks it up by (slot, period_end)
    slot: str


class ArticleLinkRow(SQLModel, table=True):
    """Two articles that share copied passages (stored in both directions)."""

    __tablename__ = "article_links"
    article_id: str = Field(
        sa_column=Column(String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    )
    other_id: str = Field(
        sa_column=Column(String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    )
    # the sentence pairs that showed the copy; when one holds whole sentences of the other
    # (fingerprint and text), the number of those identical sentences (nothing is analysed)
    shared_passages: int = 0


class FingerprintRow(SQLModel, table=True):
    """Hashes of an article's passages, to find candidate copies without reading every text."""

    __tablename__ = "passage_fingerprints"
    # the primary key (hash, article_id) is the index lookups by hash use, and it covers
    # them; in SQLite the table is that index, with no rowid table beside it (the largest
    # table: a third of its size and of the writes of an ingest)
    __table_args__ = {"sqlite_with_rowid": False}
    hash: int = Field(primary_key=True)
    article_id: str = Field(
        sa_column=Column(String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    )


class DiscrepancyRow(SQLModel, table=True):
    __tablename__ = "discrepancies"
    id: str = Field(primary_key=True)
    type: str = Field(index=True)
    severity: str = Field(index=True)
    expected: float | None = None
    stated: float | None = None
    explanation: str = Field(sa_column=Column(Text, nullable=False))
    status: str = Field(default="open", index=True)  # the latest review's, or open after a change
    created_at: dt.datetime
    changed_at: dt.datetime  # when its claims last changed; a later review sets the status
    active: bool = True  # False when a re-run no longer finds it (kept for its reviews)


class DiscrepancyClaimRow(SQLModel, table=True):
    __tablename__ = "discrepancy_claims"
    discrepancy_id: str = Field(
        sa_column=Column(
            String, ForeignKey("discrepancies.id", ondelete="CASCADE"), primary_key=True
        )
    )
    claim_id: str = Field(sa_column=Column(String, primary_key=True, index=True))
    article_id: str = Field(index=True)


class ReviewRow(SQLModel, table=True):
    """Editors' decisions: only ever appended, never edited."""

    __tablename__ = "reviews"
    id: str = Field(primary_key=True)
    discrepancy_id: str = Field(
        sa_column=Column(String, ForeignKey("discrepancies.id"), nullable=False, index=True)
    )
    status: str
    editor: str
    note: str | None = None
    at: dt.datetime = Field(index=True)


def article_row(article: Article, origin: str | None, now: dt.datetime) -> ArticleRow:
    data = article.model_dump(exclude={"shares_text_with"})
    return ArticleRow(**data, origin=origin, ingested_at=now)


def article_model(row: ArticleRow, shares_text_with: list[str] | None = None) -> Article:
    return Article(
        id=row.id,
        title=row.title,
        url=row.url,
        source=row.source,
        published=row.published,
        published_origin=row.published_origin,
        lang=row.lang,
        text=row.text,
        shares_text_with=shares_text_with or [],
    )


def claim_values(claim: Claim, slot: str) -> dict[str, Any]:
    """The claims row of ``claim`` as column values: a bulk INSERT takes them as they are,
    and building a ``ClaimRow`` for each cost the writer a fifth of its time."""
    p = claim.period
    return dict(
        id=claim.id,
        article_id=claim.article_id,
        kind=claim.kind,
        subject=claim.subject,
        subject_text=claim.subject_text,
        value=claim.value,
        unit=claim.unit,
        qualifier=claim.qualifier,
        period_start=p.start,
        period_end=p.end,
        period_granularity=p.granularity,
        period_text=p.text,
        period_resolution=p.resolution,
        attributes=json.dumps(claim.attributes, ensure_ascii=False, sort_keys=True),
        quote=claim.quote,
        span_start=claim.span[0],
        span_end=claim.span[1],
        confidence=claim.confidence,
        slot=slot,
    )


# The columns ``claim_models`` reads, in the order it unpacks them.
CLAIM_COLUMNS = (
    "id", "article_id", "kind", "subject", "subject_text", "value", "unit", "qualifier",
    "period_start", "period_end", "period_granularity", "period_text", "period_resolution",
    "attributes", "quote", "span_start", "span_end", "confidence",
)


def claim_models(rows: Iterable[Sequence[Any]]) -> list[Claim]:
    """The claims of rows holding ``CLAIM_COLUMNS`` in order. Reconciliation builds hundreds
    of thousands: unpacking a row costs a tenth of reading its attributes by name, and the
    few distinct periods (2,186 among 178,135 claims) are built once and shared, as nothing
    changes a claim's period in place."""
    periods: dict[tuple[Any, ...], Period] = {}
    claims = []
    for (id_, article_id, kind, subject, subject_text, value, unit, qualifier, *when,
         attributes, quote, span_start, span_end, confidence) in rows:
        key = tuple(when)
        period = periods.get(key)
        if period is None:
            start, end, granularity, text, resolution = when
            period = periods[key] = Period(start=start, end=end, granularity=granularity,
                                           text=text, resolution=resolution)
        claims.append(Claim(
            id=id_, article_id=article_id, kind=kind, subject=subject,
            subject_text=subject_text, value=value, unit=unit, qualifier=qualifier,
            period=period, attributes=json.loads(attributes or "{}"), quote=quote,
            span=(span_start, span_end), confidence=confidence,
        ))
    return claims


def discrepancy_model(row: DiscrepancyRow, members: list[DiscrepancyClaimRow]) -> Discrepancy:
    return Discrepancy(
        id=row.id,
        type=row.type,
        severity=row.severity,
        claim_ids=sorted(m.claim_id for m in members),
        article_ids=sorted({m.article_id for m in members}),
        expected=row.expected,
        stated=row.stated,
        explanation=row.explanation,
        status=row.status,
    )


def review_model(row: ReviewRow) -> Review:
    return Review(
        id=row.id,
        discrepancy_id=row.discrepancy_id,
        status=row.status,
        editor=row.editor,
        note=row.note,
        at=row.at,
    )
