"""Engine, connection settings and schema migrations.

SQLite is the default (one file, WAL so readers never block the writer); any SQLAlchemy URL
works too. Everything SQLite-specific sits behind ``_is_sqlite`` checks.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session, SQLModel, create_engine

from claimcheck.store import tables

DEFAULT_DB = "claimcheck.db"
ENV_VAR = "CLAIMCHECK_DB"
# The database layout's version. Bump it with a migration in MIGRATIONS when tables change:
# old databases are upgraded in place, keeping their articles and reviews.
SCHEMA_VERSION = 1
# A writer waits this long for another process's transaction instead of failing "locked".
BUSY_TIMEOUT_MS = 60_000
# SQLite copies the WAL back into the database (and syncs both) once it holds this many pages,
# instead of its default 1,000. A writer's commit of 32 articles inserts ~5,000 fingerprints at
# random places of their index and so rewrites ~5,000 pages: at 1,000, every commit waited for
# a checkpoint and its syncs, and a page rewritten by several commits was copied back each
# time. At most ~256 MB of WAL (4 KB pages). Writing 3,200 articles into a 100,000-article
# store took 20 s instead of 27-29, and 16 s of CPU instead of 18-19.5.
WAL_CHECKPOINT_PAGES = 65_536

MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    # from_version: function that upgrades a connection to from_version + 1
}


def database_url(db: str | None = None) -> str:
    """The SQLAlchemy URL for ``--db``: a URL as is, a path as SQLite; default from the env."""
    db = db or os.environ.get(ENV_VAR) or DEFAULT_DB
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def _is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _set_wal(cursor: Any) -> None:
    """WAL mode; a second process that opens a new database while the first is switching it
    can be told "locked" at once rather than after the busy timeout, so it tries again."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def make_engine(url: str) -> Engine:
    """An engine with foreign keys on and, for SQLite, WAL and immediate write transactions."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_conn: Any, _record: Any) -> None:
        # pysqlite's own transaction handling defers BEGIN; we issue it ourselves below
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        _set_wal(cur)
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        if conn.get_execution_options().get(_READ_ONLY):
            # no lock: in WAL, readers and the writer never wait for each other (extraction
            # workers and reconcilers read while the writer writes)
            conn.exec_driver_sql("BEGIN")
        else:
            # IMMEDIATE takes the write lock up front, so two writers queue on busy_timeout
            # instead of deadlocking when both try to upgrade a read lock
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


_READ_ONLY = "claimcheck_read_only"


def reader(engine: Engine) -> Engine:
    """The engine for transactions that only read: on SQLite they take no write lock."""
    return engine.execution_options(**{_READ_ONLY: True})


def schema_version(conn: Connection) -> int | None:
    if not inspect(conn).has_table("schema_info"):
        return None
    row = conn.execute(text("SELECT value FROM schema_info WHERE key = 'schema_version'")).first()
    return int(row[0]) if row else None


def prepare(engine: Engine) -> None:
    """Create missing tables and views, and migrate an older database to SCHEMA_VERSION."""
    with engine.begin() as conn:
        found = schema_version(conn)
        if found is not None and found > SCHEMA_VERSION:
            raise RuntimeError(
                f"database schema version {found} is newer than this claimcheck "
                f"({SCHEMA_VERSION}); upgrade claimcheck"
            )
        version = found
        while version is not None and version < SCHEMA_VERSION:
            MIGRATIONS[version](conn)
            version += 1
        SQLModel.metadata.create_all(conn)
        if conn.dialect.name == "sqlite":
            _rebuild_without_rowid(conn)
        _create_indexes(conn)
        _create_views(conn)
        if found != SCHEMA_VERSION:
            conn.execute(text("DELETE FROM schema_info WHERE key = 'schema_version'"))
            conn.execute(
                text("INSERT INTO schema_info (key, value) VALUES ('schema_version', :v)"),
                {"v": str(SCHEMA_VERSION)},
            )


_REPORT_VIEW = """
CREATE VIEW discrepancy_report AS
SELECT d.id AS discrepancy_id, d.type, d.severity, d.status, d.explanation,
       d.expected, d.stated, c.id AS claim_id, c.kind, c.subject, c.value, c.unit,
       c.qualifier, c.period_start, c.period_end, c.quote,
       a.id AS article_id, a.title AS article_title, a.source AS article_source,
       a.published AS article_published
FROM discrepancies d
JOIN discrepancy_claims dc ON dc.discrepancy_id = d.id
JOIN claims c ON c.id = dc.claim_id
JOIN articles a ON a.id = c.article_id
WHERE d.active
"""


# Indexes that earlier versions created and that an index beginning with the same column
# makes redundant, or that no query uses well (a kind alone selects a seventh of the claims;
# subjects are matched by a pattern inside lower(subject)): each costs every insert of its
# table
_DROPPED_INDEXES = ("ix_passage_fingerprints_hash", "ix_claims_slot", "ix_claims_kind",
                    "ix_claims_subject")


def _create_indexes(conn: Connection) -> None:
    """Indexes added since a table was created (create_all only indexes new tables), and
    those dropped since; an index changes no data, so it needs no schema version."""
    for table in SQLModel.metadata.sorted_tables:
        for index in table.indexes:
            index.create(conn, checkfirst=True)
    for name in _DROPPED_INDEXES:
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))


def _rebuild_without_rowid(conn: Connection) -> None:
    """Tables that are now declared WITHOUT ROWID but were created with one are copied into
    the new form once; the rows are the same, so it needs no schema version."""
    for table in SQLModel.metadata.sorted_tables:
        if table.dialect_options["sqlite"]["with_rowid"] is not False:
            continue
        ddl = conn.execute(text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :n"),
                           {"n": table.name}).scalar()
        if ddl is None or "WITHOUT ROWID" in ddl.upper():
            continue
        old = f"{table.name}_with_rowid"
        columns = ", ".join(c.name for c in table.columns)
        conn.execute(text(f"ALTER TABLE {table.name} RENAME TO {old}"))
        table.create(conn)
        conn.execute(text(f"INSERT INTO {table.name} ({columns}) SELECT {columns} FROM {old}"))
        conn.execute(text(f"DROP TABLE {old}"))


def _create_views(conn: Connection) -> None:
    conn.execute(text("DROP VIEW IF EXISTS discrepancy_report"))
    conn.execute(text(_REPORT_VIEW))


def session(engine: Engine) -> Session:
    return Session(engine, expire_on_commit=False)


__all__ = [
    "DEFAULT_DB",
    "ENV_VAR",
    "SCHEMA_VERSION",
    "database_url",
    "make_engine",
    "prepare",
    "reader",
    "session",
    "tables",
]
