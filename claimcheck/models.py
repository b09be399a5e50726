"""The JSON contract (../shared/CONTRACT.md) as pydantic models.

Everything that leaves claimcheck as JSON (``extract``, ``export``) is one of these models; the
JSON Schemas in ``schemas/`` are generated from them (``python -m claimcheck.schemas``).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal["1"] = "1"

# -0.0 ("-0% from the previous week") is 0: SQLite stores it as 0 and PostgreSQL keeps the
# sign, and a value is part of discrepancy ids and explanations
Number = Annotated[float, AfterValidator(lambda value: value + 0.0)]
ClaimKind = Literal["token_volume", "price", "ranking", "share", "change", "streak", "quantity"]
Qualifier = Literal["exact", "approx", "at_least", "at_most"]
Granularity = Literal["day", "week", "month", "quarter", "year", "total"]
Resolution = Literal["explicit", "relative", "fuzzy", "inferred", "unresolved"]
Severity = Literal["high", "medium", "low"]
Status = Literal["open", "confirmed", "dismissed", "corrected", "needs_info"]
DiscrepancyType = Literal[
    "value_mismatch",
    "period_mismatch",
    "rank_mismatch",
    "magnitude_anomaly",
    "arithmetic",
    "internal",
    "streak",
]
PublishedOrigin = Literal["metadata", "inferred"]

STATUSES: tuple[Status, ...] = ("open", "confirmed", "dismissed", "corrected", "needs_info")
CLAIM_KINDS: tuple[ClaimKind, ...] = (
    "token_volume",
    "price",
    "ranking",
    "share",
    "change",
    "streak",
    "quantity",
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Period(_Model):
    """When a figure holds: an inclusive interval, or nothing when it cannot be known."""

    start: dt.date | None = None
    end: dt.date | None = None
    granularity: Granularity | None = None
    text: str | None = None
    resolution: Resolution = "unresolved"


class Article(_Model):
    id: str = Field(description="Derived from the normalized text's content hash")
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None
    published_origin: PublishedOrigin | None = None
    lang: str = "en"
    text: str = Field(description="Normalized plain text that all spans index into")
    shares_text_with: list[str] = Field(default_factory=list)


class Claim(_Model):
    id: str
    article_id: str
    kind: ClaimKind
    subject: str
    subject_text: str
    value: Number
    unit: str
    qualifier: Qualifier = "exact"
    period: Period = Field(default_factory=Period)
    attributes: dict[str, Any] = Field(default_factory=dict)
    quote: str
    span: tuple[int, int]
    confidence: float = Field(ge=0, le=1)


class Discrepancy(_Model):
    id: str
    type: DiscrepancyType
    severity: Severity
    claim_ids: list[str]
    article_ids: list[str]
    expected: Number | None = None
    stated: Number | None = None
    explanation: str
    status: Status = "open"


class Review(_Model):
    id: str
    discrepancy_id: str
    status: Status
    editor: str
    note: str | None = None
    at: dt.datetime


class ExtractDocument(_Model):
    """What ``claimcheck extract`` prints."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    article: Article
    claims: list[Claim]


class ExportDocument(_Model):
    """What ``claimcheck export`` writes."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    articles: list[Article]
    claims: list[Claim]
    discrepancies: list[Discrepancy]
    reviews: list[Review]
