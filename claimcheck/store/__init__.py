"""The only module that touches the database: articles, claims, discrepancies, reviews.

Every write is one short transaction, so a crash or a kill leaves the database consistent and a
second process writing at the same time waits its turn instead of failing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections import defaultdict
from collections.abc import Collection, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, cast

from sqlalchemy import and_, delete, func, insert, or_
from sqlalchemy import select as core_select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session, SQLModel, col, select

from claimcheck.models import Article, Claim, Discrepancy, ExportDocument, Review, Status
from claimcheck.store.database import database_url, make_engine, prepare, reader, session
from claimcheck.store.tables import (
    CLAIM_COLUMNS,
    ArticleLinkRow,
    ArticleRow,
    ClaimRow,
    DiscrepancyClaimRow,
    DiscrepancyRow,
    FingerprintRow,
    ReviewRow,
    SchemaInfo,
    article_model,
    article_row,
    claim_models,
    claim_values,
    discrepancy_model,
    review_model,
)

# SQLite allows 32,766 bound parameters; stay well below it in IN (...) lists.
_CHUNK = 900
# Keys of schema_info rows naming stored articles that still await copy-linking and
# reconciliation: a kill between storing and reconciling leaves one behind for the next run.
PENDING_PREFIX = "pending_reconcile:"
# Reconciler processes save findings at once; the same finding may reach two of them.
SAVE_ATTEMPTS = 3


def _not_a_pipeline_abort(record: logging.LogRecord) -> bool:
    """psycopg, closing a pipeline that an error aborted (a second process saved the same
    finding first), logs that closing it failed too, and raises the first error, which
    ``save_discrepancies`` retries: the warning adds nothing but a line on the user's stderr."""
    return not record.getMessage().startswith("error ignored terminating <psycopg.Pipeline")


logging.getLogger("psycopg").addFilter(_not_a_pipeline_abort)


class UnknownDiscrepancy(LookupError):
    """No discrepancy has that id."""


@dataclass(frozen=True)
class NewArticle:
    """An extracted article ready to be written: its claims, their slots, its fingerprints."""

    article: Article
    claims: Sequence[Claim]
    slots: Sequence[str]
    fingerprints: Collection[int] = ()
    origin: str | None = None
    copies: CopySearch | None = None  # looked for at extraction, or not (None)


class ClaimPeriod(NamedTuple):
    """What a stored claim's time window is made of (see ``claimcheck.batch.claim_window``)."""

    id: str
    article_id: str
    kind: str
    start: dt.date | None
    end: dt.date | None
    granularity: str | None
    published: dt.date | None  # the article's


@dataclass(frozen=True)
class PassageHolders:
    """Which stored articles held an article's passage fingerprints when they were looked up:
    the holders of each fingerprint (by the article's own hash value) held by at most
    ``max_sharing`` articles, and the fingerprints held by more (boilerplate, left out)."""

    holders: Mapping[int, frozenset[str]]
    common: frozenset[int]
    max_sharing: int | None = None

    def with_recent(self, recent: Mapping[int, Collection[str]]) -> PassageHolders:
        """These holders together with articles stored since (``recent``: hash -> ids), as a
        lookup of the store would find them now: a fingerprint that has become boilerplate is
        left out."""
        holders = dict(self.holders)
        common = set(self.common)
        for h, ids in recent.items():
            if h in common:
                continue
            now = holders.get(h, frozenset()) | frozenset(ids)
            if self.max_sharing is not None and len(now) > self.max_sharing:
                common.add(h)
                holders.pop(h, None)
            else:
                holders[h] = now
        return PassageHolders(holders, frozenset(common), self.max_sharing)

    def candidates(self, article_id: str, minimum: int, limit: int | None = None) -> list[str]:
        """The other articles holding at least ``minimum`` of the fingerprints; with ``limit``,
        only that many, those holding the most: a copy shares whole passages, an article that
        merely reports the same week's figures shares a few."""
        counts: dict[str, int] = defaultdict(int)
        for others in self.holders.values():
            for other in others:
                if other != article_id:
                    counts[other] += 1
        found = sorted((a for a, n in counts.items() if n >= minimum),
                       key=lambda a: (-counts[a], a))
        return sorted(found[:limit] if limit is not None else found)


class CopySearch(NamedTuple):
    """An article's copies among the articles stored when it was looked for: who held its
    fingerprints, the candidates they gave, and those its text confirms (article id ->
    shared passages)."""

    holders: PassageHolders
    candidates: frozenset[str]
    confirmed: dict[str, int]


def _update_row(row: DiscrepancyRow, d: Discrepancy) -> None:
    """Refresh a known discrepancy's figures and wording, touching only what changed."""
    values = {"severity": d.severity, "expected": d.expected, "stated": d.stated,
              "explanation": d.explanation, "active": True}
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)


def _column_values(row: SQLModel) -> dict[str, Any]:
    """A row object as the plain column dict a bulk INSERT takes."""
    return {c.name: getattr(row, c.name) for c in row.__table__.columns}  # type: ignore[attr-defined]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _chunks(items: Sequence[str] | Sequence[int]) -> Iterable[list]:
    for i in range(0, len(items), _CHUNK):
        yield list(items[i : i + _CHUNK])


def _undated_margin_days() -> int:
    """How far from a window an undated claim's article may be published and still be
    comparable: the reconciler's longest window for claims without a period."""
    from claimcheck.reconcile.config import config

    windows = config().raw["window_days"]
    return max(
        int(days)
        for kind in windows.values()
        if isinstance(kind, dict)
        for key, days in kind.items()
        if key in ("none", "total")
    )


def _published_near(lo: dt.date, hi: dt.date) -> Any:
    """Ids of articles published within the margin of [lo, hi], or with no date: an undated
    claim is compared by its publication date, so the slot of a busy subject does not load
    every undated figure it ever held (uses the index on articles.published)."""
    table = ArticleRow.__table__  # type: ignore[attr-defined]
    margin = dt.timedelta(days=_undated_margin_days())
    return select(table.c.id).where(or_(
        table.c.published.is_(None),
        table.c.published.between(lo - margin, hi + margin),
    ))


class Store:
    """A claimcheck database. ``Store()`` opens ``claimcheck.db`` (or ``$CLAIMCHECK_DB``)."""

    def __init__(self, db: str | None = None, *, prepared: bool = False) -> None:
        """``prepared``: the schema is known to be current (another process of this run
        prepared it), so its tables, indexes and views are not created or checked again."""
        self.url = database_url(db)
        self.engine = make_engine(self.url)
        self._reader = reader(self.engine)  # for the methods that only read
        # passage hashes are unsigned 32-bit; PostgreSQL's INTEGER is signed, SQLite's is not
        # bounded, and SQLite files already hold the unsigned form, so only others are shifted
        self._signed_hashes = self.engine.dialect.name != "sqlite"
        # passage hashes known to be held by more than n articles, by n: a count only grows
        # while articles are added, and counting a boilerplate hash's rows again for every
        # new article would cost more as the store grows
        self._common_hashes: dict[int, set[int]] = defaultdict(set)
        if not prepared:
            prepare(self.engine)

    def _hash(self, value: int) -> int:
        if self._signed_hashes and value >= 2**31:
            return value - 2**32
        return value

    @property
    def shareable(self) -> bool:
        """Whether another process can open this database (a file or a server, not memory)."""
        url = self.engine.url
        return url.get_backend_name() != "sqlite" or url.database not in (None, "", ":memory:")

    def close(self) -> None:
        self.engine.dispose()

    # -- articles and claims -------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        with session(self._reader) as s:
            return s.get(ArticleRow, article_id) is not None

    def add_article(
        self,
        article: Article,
        claims: Sequence[Claim],
        slots: Sequence[str],
        fingerprints: Iterable[int] = (),
        origin: str | None = None,
    ) -> bool:
        """Store an article with its claims in one transaction; False if it was already there."""
        with session(self.engine) as s, s.begin():
            if s.get(ArticleRow, article.id) is not None:
                return False
            s.add(article_row(article, origin, _now()))
            s.flush()
            s.add_all(ClaimRow(**claim_values(c, slot))
                      for c, slot in zip(claims, slots, strict=True))
            s.add_all(
                FingerprintRow(hash=self._hash(h), article_id=article.id) for h in set(fingerprints)
            )
        return True

    def existing_article_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are already stored (one query per 900 ids)."""
        found: set[str] = set()
        with session(self._reader) as s:
            for chunk in _chunks(sorted(set(ids))):
                found.update(s.exec(select(ArticleRow.id).where(col(ArticleRow.id).in_(chunk))))
        return found

    def add_articles(self, items: Sequence[NewArticle], pending: str | None = None) -> list[str]:
        """Store many articles with their claims in one transaction; return the ids added.

        Articles already stored (by another process, or earlier in ``items``) are skipped. With
        ``pending``, the added ids are recorded under that key in the same transaction, so a
        kill before they are reconciled is noticed by the next run (see ``pending_articles``).
        Any error rolls the whole batch back; the caller may retry article by article.
        """
        now = _now()
        with session(self.engine) as s, s.begin():
            stored: set[str] = set()
            for chunk in _chunks(sorted({i.article.id for i in items})):
                stored.update(s.exec(select(ArticleRow.id).where(col(ArticleRow.id).in_(chunk))))
            fresh: list[NewArticle] = []
            for item in items:
                if item.article.id not in stored:
                    stored.add(item.article.id)
                    fresh.append(item)
            if not fresh:
                return []
            # Core bulk INSERTs: an executemany per table instead of an ORM object per row
            conn = s.connection()
            conn.execute(
                insert(ArticleRow),
                [_column_values(article_row(i.article, i.origin, now)) for i in fresh],
            )
            claims = [
                claim_values(c, slot)
                for i in fresh
                for c, slot in zip(i.claims, i.slots, strict=True)
            ]
            if claims:
                conn.execute(insert(ClaimRow), claims)
            prints = [
                {"hash": self._hash(h), "article_id": i.article.id}
                for i in fresh
                for h in set(i.fingerprints)
            ]
            if prints:
                conn.execute(insert(FingerprintRow), prints)
            added = [i.article.id for i in fresh]
            if pending:
                s.add(SchemaInfo(key=PENDING_PREFIX + pending, value=json.dumps(added)))
        return added

    def mark_pending(self, pending: str, ids: Sequence[str]) -> None:
        """Record (or replace) the stored articles awaiting reconciliation under ``pending``."""
        with session(self.engine) as s, s.begin():
            s.merge(SchemaInfo(key=PENDING_PREFIX + pending, value=json.dumps(list(ids))))

    def pending_articles(self) -> dict[str, list[str]]:
        """Stored articles not yet reconciled, by pending key (left by an interrupted ingest)."""
        with session(self._reader) as s:
            rows = s.exec(select(SchemaInfo).where(col(SchemaInfo.key).startswith(PENDING_PREFIX)))
            return {r.key[len(PENDING_PREFIX) :]: json.loads(r.value) for r in rows}

    def clear_pending(self, pending: str) -> None:
        """Forget a pending key once its articles are linked and reconciled."""
        with session(self.engine) as s, s.begin():
            s.connection().execute(
                delete(SchemaInfo).where(col(SchemaInfo.key) == PENDING_PREFIX + pending)
            )

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        table = ArticleRow.__table__  # type: ignore[attr-defined]
        # Core rows (see claims): reconciliation loads the articles of every related claim
        # undated first, as SQLite orders NULLs; PostgreSQL would put them last
        query = select(table).order_by(table.c.published.asc().nulls_first(), table.c.id)
        with self._reader.connect() as conn:
            if ids is not None:
                wanted = sorted(set(ids))
                rows = [r for chunk in _chunks(wanted)
                        for r in conn.execute(query.where(table.c.id.in_(chunk)))]
            else:
                rows = list(conn.execute(query))
            links = self._links(conn, [r.id for r in rows])
        return [article_model(cast(ArticleRow, r), links.get(r.id)) for r in rows]

    def texts(self, ids: Iterable[str]) -> dict[str, str]:
        """The texts of these stored articles, by id: comparing candidate copies needs nothing
        else, and building whole articles with their links cost it a tenth of its time."""
        table = ArticleRow.__table__  # type: ignore[attr-defined]
        with self._reader.connect() as conn:
            return {r.id: r.text for chunk in _chunks(sorted(set(ids)))
                    for r in conn.execute(select(table.c.id, table.c.text)
                                          .where(table.c.id.in_(chunk)))}

    @staticmethod
    def _links(conn: Connection, ids: list[str]) -> dict[str, list[str]]:
        table = ArticleLinkRow.__table__  # type: ignore[attr-defined]
        links: dict[str, list[str]] = defaultdict(list)
        for chunk in _chunks(ids):
            stmt = select(table.c.article_id, table.c.other_id).where(
                table.c.article_id.in_(chunk))
            for article_id, other_id in conn.execute(stmt):
                links[article_id].append(other_id)
        return {k: sorted(v) for k, v in links.items()}

    def claims(
        self,
        *,
        kind: str | None = None,
        subject: str | None = None,
        article_id: str | None = None,
        slots: Iterable[str] | None = None,
        ids: Iterable[str] | None = None,
        article_ids: Iterable[str] | None = None,
        period_window: tuple[dt.date, dt.date] | None = None,
        leave_out: Container[str] = (),
    ) -> list[Claim]:
        """Stored claims, filtered; ``subject`` matches case-insensitively, also as written.

        ``slots``, ``ids`` and ``article_ids`` are alternatives: the first one given applies.
        ``period_window`` keeps the claims whose period meets the window, and undated claims
        of articles published near it (or undated): see ``_published_near``. Claims whose id
        is in ``leave_out`` (those a caller already holds) are not returned.
        """
        table = ClaimRow.__table__  # type: ignore[attr-defined]
        # Core rows, not ORM objects: loading thousands of related claims per article is the
        # reconciler's hot path, and identity-mapped instances cost several times more
        query = core_select(*(table.c[name] for name in CLAIM_COLUMNS))
        if kind:
            query = query.where(table.c.kind == kind)
        if subject:
            pattern = f"%{subject.lower()}%"
            query = query.where(
                or_(
                    func.lower(table.c.subject).like(pattern),
                    func.lower(table.c.subject_text).like(pattern),
                )
            )
        if article_id:
            query = query.where(table.c.article_id == article_id)
        # one query per part of the window so that each uses the (slot, period_end) index as
        # a range: an OR of them makes SQLite scan every claim the slot ever had
        parts: list[Any] = [None]
        if period_window:
            lo, hi = period_window
            parts = [
                (table.c.period_end >= lo) & (table.c.period_start <= hi),
                table.c.period_end.is_(None) & table.c.period_start.is_(None)
                & table.c.article_id.in_(_published_near(lo, hi)),
                table.c.period_end.is_(None) & table.c.period_start.between(lo, hi),
            ]
        query = query.order_by(table.c.article_id, table.c.span_start, table.c.id)
        keys: list[str] | None = None
        if slots is not None:
            keys, column = sorted(set(slots)), table.c.slot
        elif ids is not None:
            keys, column = sorted(set(ids)), table.c.id
        elif article_ids is not None:
            keys, column = sorted(set(article_ids)), table.c.article_id
        queries = [query if part is None else query.where(part) for part in parts]
        with self._reader.connect() as conn:
            if keys is None:
                rows = [r for q in queries for r in conn.execute(q).all()]
            else:
                rows = [r for chunk in _chunks(keys) for q in queries
                        for r in conn.execute(q.where(column.in_(chunk))).all()]
        if len(queries) > 1:
            rows.sort(key=lambda r: (r.article_id, r.span_start))
        # building a model costs several times the fetch: what the caller holds is skipped
        return claim_models(r for r in rows if r.id not in leave_out)

    def claim_periods(self, article_ids: Sequence[str]) -> Iterator[ClaimPeriod]:
        """The periods of the claims of these stored articles, a slice of articles at a time:
        a reconciliation of a long run's claims reads them back rather than hold them all
        while the run writes."""
        claims = ClaimRow.__table__  # type: ignore[attr-defined]
        articles = ArticleRow.__table__  # type: ignore[attr-defined]
        # sqlmodel's select is typed for up to four columns
        query = (
            core_select(claims.c.id, claims.c.article_id, claims.c.kind, claims.c.period_start,
                        claims.c.period_end, claims.c.period_granularity, articles.c.published)
            .join(articles, articles.c.id == claims.c.article_id)
            .order_by(claims.c.article_id, claims.c.id)
        )
        for chunk in _chunks(sorted(set(article_ids))):
            with self._reader.connect() as conn:
                rows = list(conn.execute(query.where(claims.c.article_id.in_(chunk))))
            yield from (ClaimPeriod(*row) for row in rows)

    def copy_candidates(
        self, article_id: str, fingerprints: Iterable[int], minimum: int,
        max_sharing: int | None = None, limit: int | None = None,
    ) -> list[str]:
        """Other articles sharing at least ``minimum`` passage fingerprints with this one
        (``fingerprint_holders``, then ``PassageHolders.candidates``)."""
        return self.fingerprint_holders(fingerprints, max_sharing).candidates(
            article_id, minimum, limit)

    def fingerprint_holders(
        self, fingerprints: Iterable[int], max_sharing: int | None = None
    ) -> PassageHolders:
        """The stored articles holding each of these passage fingerprints.

        With ``max_sharing``, fingerprints already held by more articles than that are left
        out: boilerplate (an outlet's footer, a stock phrase) is not copied reporting, and
        counting it would make every article a candidate of every other.
        """
        stored = {self._hash(h): h for h in fingerprints}
        known = self._common_hashes[max_sharing] if max_sharing is not None else set()
        table = FingerprintRow.__table__  # type: ignore[attr-defined]
        # one query for each hash's holders: how many articles hold it, and which
        found: dict[int, list[str]] = defaultdict(list)
        with self._reader.connect() as conn:
            for chunk in _chunks(sorted(set(stored) - known)):
                stmt = core_select(table.c.hash, table.c.article_id).where(
                    table.c.hash.in_(chunk))
                for h, other in conn.execute(stmt):
                    found[h].append(other)
        holders: dict[int, frozenset[str]] = {}
        for h, others in found.items():
            if max_sharing is not None and len(others) > max_sharing:
                known.add(h)  # never looked up again by this store
            else:
                holders[stored[h]] = frozenset(others)
        common = frozenset(stored[h] for h in known.intersection(stored))
        return PassageHolders(holders, common, max_sharing)

    def article_count(self) -> int:
        """How many articles are stored: a writer that knows how many it added learns from it
        whether another process added any."""
        with self._reader.connect() as conn:
            return int(conn.execute(core_select(func.count()).select_from(
                ArticleRow.__table__)).scalar_one())  # type: ignore[attr-defined]

    def fingerprints_held(
        self, fingerprints: Iterable[int], among: Iterable[str]
    ) -> dict[str, set[int]]:
        """Which of these fingerprints each of the ``among`` articles holds (those that hold
        any)."""
        wanted = sorted(set(among))
        stored = {self._hash(h): h for h in fingerprints}
        table = FingerprintRow.__table__  # type: ignore[attr-defined]
        held: dict[str, set[int]] = defaultdict(set)
        with self._reader.connect() as conn:
            # both halves of the key: a boilerplate sentence has thousands of holders
            for chunk in _chunks(sorted(stored)):
                stmt = core_select(table.c.hash, table.c.article_id).where(
                    table.c.hash.in_(chunk), table.c.article_id.in_(wanted))
                for h, other in conn.execute(stmt):
                    held[other].add(stored[h])
        return dict(held)

    def link_articles(self, article_id: str, others: Mapping[str, int]) -> None:
        """Record that ``article_id`` shares copied passages with each of ``others``."""
        self.link_many({article_id: others})

    def link_many(self, links: Mapping[str, Mapping[str, int]]) -> None:
        """``link_articles`` for several articles in one transaction (a writer links a chunk's
        articles at once: a commit each cost it a tenth of its time). A pair seen from both
        sides keeps the count of the side that comes last."""
        rows: dict[tuple[str, str], int] = {}
        for article_id, others in links.items():
            for other, n in others.items():
                rows[(article_id, other)] = rows[(other, article_id)] = n
        if not rows:
            return
        with session(self.engine) as s, s.begin():
            # replace both directions in two statements per article, not a lookup per pair
            conn = s.connection()
            for article_id, others in links.items():
                for chunk in _chunks(sorted(others)):
                    conn.execute(
                        delete(ArticleLinkRow).where(
                            or_(
                                and_(
                                    col(ArticleLinkRow.article_id) == article_id,
                                    col(ArticleLinkRow.other_id).in_(chunk),
                                ),
                                and_(
                                    col(ArticleLinkRow.other_id) == article_id,
                                    col(ArticleLinkRow.article_id).in_(chunk),
                                ),
                            )
                        )
                    )
            conn.execute(insert(ArticleLinkRow), [
                {"article_id": a, "other_id": b, "shared_passages": n}
                for (a, b), n in rows.items()
            ])

    def copies(self) -> dict[str, list[str]]:
        """Who shares copied text with whom, for every linked article."""
        with session(self._reader) as s:
            links: dict[str, list[str]] = defaultdict(list)
            for link in s.exec(select(ArticleLinkRow)):
                links[link.article_id].append(link.other_id)
        return dict(links)

    # -- discrepancies ---------------------------------------------------------------------

    def save_discrepancies(
        self, found: Sequence[Discrepancy], retire: Iterable[str] = ()
    ) -> tuple[int, int]:
        """Insert new discrepancies and update known ones; return (new, reopened).

        A known discrepancy that gains claims is re-opened (its reviews stay in its history).
        The ``retire`` ids that are not among ``found`` (known discrepancies a re-run no longer
        finds) are marked inactive rather than deleted, so reviews keep a target; finding one
        again makes it active again.
        """
        attempts = SAVE_ATTEMPTS
        while True:
            try:
                return self._saved_discrepancies(found, retire)
            except (IntegrityError, OperationalError):
                # another process saved some of these first (on PostgreSQL the second insert of
                # an id fails, or two savers deadlock): read again what it saved and go on
                attempts -= 1
                if not attempts:
                    raise

    def _saved_discrepancies(
        self, found: Sequence[Discrepancy], retire: Iterable[str]
    ) -> tuple[int, int]:
        now = _now()
        new = reopened = 0
        with session(self.engine) as s, s.begin():
            # one IN query per 900 discrepancies instead of two lookups for each: a re-run
            # over a busy slot finds hundreds of known discrepancies, most unchanged
            ids = sorted({d.id for d in found})
            rows = self._discrepancy_rows(s, ids)
            members = self._members_of(s, ids)
            joining = {c for d in found for c in d.claim_ids if c not in members.get(d.id, ())}
            claim_articles = self._claim_articles(s, joining)
            # new rows go in as Core inserts: building ORM objects for the thousands of findings
            # of a large batch cost more than writing them
            fresh: dict[str, dict[str, Any]] = {}
            for d in found:
                known = members.get(d.id, set())
                row = rows.get(d.id)
                if row is None:
                    new += d.id not in fresh
                    fresh[d.id] = {
                        "id": d.id, "type": d.type, "severity": d.severity,
                        "expected": d.expected, "stated": d.stated,
                        "explanation": d.explanation, "status": "open", "created_at": now,
                        "changed_at": now, "active": True,
                    }
                else:
                    _update_row(row, d)
                    if set(d.claim_ids) - known:
                        row.changed_at = now
                        if row.status != "open":
                            row.status = "open"
                            reopened += 1
            joined: list[dict[str, str]] = []
            for d in found:
                known = members.setdefault(d.id, set())
                added = [c for c in d.claim_ids if c not in known and c in claim_articles]
                known.update(added)
                joined += [{"discrepancy_id": d.id, "claim_id": c, "article_id": claim_articles[c]}
                           for c in added]
            conn = s.connection()
            if fresh:
                conn.execute(insert(DiscrepancyRow), list(fresh.values()))
            if joined:  # after the discrepancies they reference
                conn.execute(insert(DiscrepancyClaimRow), joined)
            for did in sorted(set(retire) - {d.id for d in found}):
                row = s.get(DiscrepancyRow, did)
                if row is not None:
                    row.active = False
        return new, reopened

    @staticmethod
    def _discrepancy_rows(s: Session, ids: list[str]) -> dict[str, DiscrepancyRow]:
        rows: dict[str, DiscrepancyRow] = {}
        for chunk in _chunks(ids):
            for row in s.exec(select(DiscrepancyRow).where(col(DiscrepancyRow.id).in_(chunk))):
                rows[row.id] = row
        return rows

    @staticmethod
    def _members_of(s: Session, ids: list[str]) -> dict[str, set[str]]:
        members: dict[str, set[str]] = defaultdict(set)
        for chunk in _chunks(ids):
            stmt = select(DiscrepancyClaimRow.discrepancy_id, DiscrepancyClaimRow.claim_id).where(
                col(DiscrepancyClaimRow.discrepancy_id).in_(chunk))
            for did, cid in s.exec(stmt):
                members[did].add(cid)
        return dict(members)

    @staticmethod
    def _claim_articles(s, claim_ids: set[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for chunk in _chunks(sorted(claim_ids)):
            stmt = select(ClaimRow.id, ClaimRow.article_id).where(col(ClaimRow.id).in_(chunk))
            found.update(dict(s.exec(stmt).all()))
        return found

    def discrepancies(
        self,
        *,
        status: str | None = None,
        severity: str | None = None,
        article_id: str | None = None,
        since: dt.date | None = None,
        ids: Iterable[str] | None = None,
        involving: Iterable[str] | None = None,
    ) -> list[Discrepancy]:
        """Active discrepancies, most severe first; ``status='all'`` or None for every status.
        ``involving`` (claim ids) keeps those that list one of these claims."""
        # Core rows, not ORM objects, as in ``claims``: each reconciliation loads the known
        # findings of its slots
        table = DiscrepancyRow.__table__  # type: ignore[attr-defined]
        member_table = DiscrepancyClaimRow.__table__  # type: ignore[attr-defined]
        query = select(table).where(table.c.active == True)  # noqa: E712
        if status and status != "all":
            query = query.where(table.c.status == status)
        if severity:
            query = query.where(table.c.severity == severity)
        if since:
            since_time = dt.datetime.combine(since, dt.time(), dt.timezone.utc)
            query = query.where(table.c.changed_at >= since_time)
        with session(self._reader) as s:
            conn = s.connection()
            wanted = None if ids is None else set(ids)
            if involving is not None:
                listing = self._listing(s, sorted(set(involving)))
                wanted = listing if wanted is None else wanted & listing
            if wanted is None:
                rows = list(conn.execute(query))
            else:
                rows = [r for chunk in _chunks(sorted(wanted))
                        for r in conn.execute(query.where(table.c.id.in_(chunk)))]
            members: dict[str, list[DiscrepancyClaimRow]] = defaultdict(list)
            for chunk in _chunks([r.id for r in rows]):
                stmt = select(member_table).where(member_table.c.discrepancy_id.in_(chunk))
                for m in conn.execute(stmt):
                    members[m.discrepancy_id].append(cast(DiscrepancyClaimRow, m))
        found = [discrepancy_model(cast(DiscrepancyRow, r), members[r.id]) for r in rows]
        if article_id:
            found = [d for d in found if article_id in d.article_ids]
        rank = {"high": 0, "medium": 1, "low": 2}
        return sorted(found, key=lambda d: (rank[d.severity], d.type, d.id))

    @staticmethod
    def _listing(s: Session, claim_ids: list[str]) -> set[str]:
        """Ids of the discrepancies (active or not) that list one of these claims."""
        found: set[str] = set()
        for chunk in _chunks(claim_ids):
            stmt = select(DiscrepancyClaimRow.discrepancy_id).where(
                col(DiscrepancyClaimRow.claim_id).in_(chunk)
            )
            found.update(s.exec(stmt))
        return found

    # -- reviews ---------------------------------------------------------------------------

    def add_review(
        self, discrepancy_id: str, status: Status, editor: str, note: str | None = None
    ) -> Review:
        """Append an editor's decision; it becomes the discrepancy's status."""
        at = _now()
        with session(self.engine) as s, s.begin():
            row = s.get(DiscrepancyRow, discrepancy_id)
            if row is None:
                raise UnknownDiscrepancy(discrepancy_id)
            review_id = hashlib.sha256(
                f"{discrepancy_id}|{at.isoformat()}|{editor}|{status}|{note}".encode()
            ).hexdigest()[:16]
            review = ReviewRow(
                id=review_id,
                discrepancy_id=discrepancy_id,
                status=status,
                editor=editor,
                note=note,
                at=at,
            )
            s.add(review)
            row.status = status
            return review_model(review)

    def reviews(self, discrepancy_id: str | None = None) -> list[Review]:
        """Reviews in the order they were made."""
        query = select(ReviewRow).order_by(ReviewRow.at, ReviewRow.id)  # type: ignore[arg-type]
        if discrepancy_id:
            query = query.where(ReviewRow.discrepancy_id == discrepancy_id)
        with session(self._reader) as s:
            return [review_model(r) for r in s.exec(query)]

    def resolve_discrepancy_id(self, prefix: str) -> str:
        """The full id of a discrepancy from a unique prefix (editors type short ids)."""
        with session(self._reader) as s:
            stmt = select(DiscrepancyRow.id).where(col(DiscrepancyRow.id).startswith(prefix))
            matches = list(s.exec(stmt.limit(2)))
        if len(matches) != 1:
            raise UnknownDiscrepancy(prefix)
        return matches[0]

    def resolve_article_id(self, prefix: str) -> str:
        """The full id of an article from a unique prefix; LookupError otherwise."""
        with session(self._reader) as s:
            stmt = select(ArticleRow.id).where(col(ArticleRow.id).startswith(prefix))
            matches = list(s.exec(stmt.limit(2)))
        if len(matches) != 1:
            raise LookupError(prefix)
        return matches[0]

    # -- export ----------------------------------------------------------------------------

    def export(self, *, since: dt.date | None = None, status: str | None = None) -> ExportDocument:
        """Everything in the store as the contract's export document."""
        discrepancies = self.discrepancies(status=status, since=since)
        articles = self.articles()
        if since:
            articles = [a for a in articles if a.published is None or a.published >= since]
        article_ids = {a.id for a in articles}
        claims = [c for c in self.claims() if c.article_id in article_ids]
        wanted = {d.id for d in discrepancies}
        reviews = [r for r in self.reviews() if r.discrepancy_id in wanted]
        return ExportDocument(
            articles=articles, claims=claims, discrepancies=discrepancies, reviews=reviews
        )

    def counts(self) -> dict[str, int]:
        """How many rows each kind of record has, for summaries."""
        with session(self._reader) as s:
            return {
                "articles": s.exec(select(func.count()).select_from(ArticleRow)).one(),
                "claims": s.exec(select(func.count()).select_from(ClaimRow)).one(),
                "discrepancies": s.exec(
                    select(func.count())
                    .select_from(DiscrepancyRow)
                    .where(DiscrepancyRow.active == True)  # noqa: E712
                ).one(),
                "reviews": s.exec(select(func.count()).select_from(ReviewRow)).one(),
            }


_PROCESS_STORES: dict[str, Store] = {}


def process_store(url: str) -> Store:
    """This process's store at ``url``, opened once: a forked process must not use the
    connections of its parent. The writer that started it has prepared the schema, and
    processes preparing it at once would race to drop and create the same view."""
    if url not in _PROCESS_STORES:
        _PROCESS_STORES[url] = Store(url, prepared=True)
    return _PROCESS_STORES[url]


__all__ = [
    "CopySearch", "NewArticle", "PassageHolders", "Store", "UnknownDiscrepancy", "process_store",
]
