"""The store: settings, schema version, transactions, concurrent writers."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from claimcheck.models import Article, Claim, Discrepancy, Period
from claimcheck.store import NewArticle, Store
from claimcheck.store.database import SCHEMA_VERSION, WAL_CHECKPOINT_PAGES, database_url


def _article(n: int) -> Article:
    return Article(
        id=f"a{n:04d}",
        text=f"Article {n}: 4.12 trillion tokens.",
        lang="en",
        published=dt.date(2026, 2, 20),
    )


def _claim(article_id: str, n: int = 0, value: float = 4.12e12) -> Claim:
    return Claim(
        id=f"{article_id}-c{n}",
        article_id=article_id,
        kind="token_volume",
        subject="Chinese models",
        subject_text="Chinese models",
        value=value,
        unit="tokens",
        period=Period(
            start=dt.date(2026, 2, 9),
            end=dt.date(2026, 2, 15),
            granularity="week",
            resolution="explicit",
        ),
        quote="4.12 trillion tokens",
        span=(12, 25),
        confidence=0.9,
    )


def test_database_url_precedence(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CLAIMCHECK_DB", raising=False)
    assert database_url(None) == "sqlite:///claimcheck.db"
    monkeypatch.setenv("CLAIMCHECK_DB", str(tmp_path / "env.db"))
    assert database_url(None) == f"sqlite:///{tmp_path / 'env.db'}"
    assert database_url("other.db") == "sqlite:///other.db"
    assert database_url("postgresql://u@h/db") == "postgresql://u@h/db"


def test_wal_foreign_keys_and_schema_version(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        # a writer's commits rewrite thousands of index pages: checkpoints come seldom
        assert conn.execute(text("PRAGMA wal_autocheckpoint")).scalar() == WAL_CHECKPOINT_PAGES
        version = conn.execute(
            text("SELECT value FROM schema_info WHERE key='schema_version'")
        ).scalar()
    assert version == str(SCHEMA_VERSION)


def test_a_read_takes_no_write_lock_and_a_write_takes_it_up_front(db_path: str) -> None:
    """Extraction workers and reconcilers read while the writer writes: in WAL a read need
    not wait for a writer, nor keep one waiting; a write transaction takes the lock at once."""
    import sqlite3

    from claimcheck.store.database import reader

    store = Store(db_path)
    other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    with reader(store.engine).connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM articles")).scalar_one() == 0
        other.execute("BEGIN IMMEDIATE")  # another writer is not kept waiting
        other.execute("ROLLBACK")
    with store.engine.begin() as conn:
        conn.execute(text("SELECT count(*) FROM articles"))
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.close()


def test_reopening_keeps_data_and_version(db_path: str) -> None:
    Store(db_path).add_article(_article(1), [_claim("a0001")], ["slot"])
    again = Store(db_path)
    assert again.counts()["articles"] == 1 and again.counts()["claims"] == 1


def test_article_is_stored_once_with_its_claims(store: Store) -> None:
    assert store.add_article(_article(1), [_claim("a0001")], ["slot"], {1, 2, 3})
    assert not store.add_article(_article(1), [_claim("a0001")], ["slot"])
    assert store.counts()["claims"] == 1
    assert store.claims(slots=["slot"])[0] == _claim("a0001")


def test_claims_read_back_field_for_field(store: Store) -> None:
    # every field differs from its default and from the others, so a column read in the
    # wrong place shows; the two share a period (built once when loaded) and the undated
    # one has none
    week = Period(start=dt.date(2026, 2, 9), end=dt.date(2026, 2, 15), granularity="week",
                  text="the week of Feb 9-15", resolution="explicit")
    claims = [
        Claim(id="a0001-c1", article_id="a0001", kind="share", subject="Chinese models",
              subject_text="China's models", value=-0.0, unit="percent", qualifier="approx",
              period=week, attributes={"of": "token_volume", "rank": 2}, quote="about 0%",
              span=(3, 11), confidence=0.55),
        Claim(id="a0001-c2", article_id="a0001", kind="price", subject="Kimi K2.5",
              subject_text="Kimi", value=0.6, unit="USD/1M tokens", qualifier="at_most",
              period=week, quote="$0.60 per million", span=(20, 37), confidence=0.8),
        Claim(id="a0001-c3", article_id="a0001", kind="ranking", subject="GLM-5",
              subject_text="GLM-5", value=3, unit="rank", quote="third", span=(40, 45),
              confidence=0.7),
    ]
    store.add_article(_article(1), claims, ["s1", "s2", "s3"])
    assert store.claims(article_ids=["a0001"]) == claims


def test_articles_stored_in_bulk_read_back_whole(store: Store) -> None:
    items = [NewArticle(_article(n), [_claim(f"a{n:04d}")], ["slot"], {n}) for n in (1, 2)]
    assert store.add_articles(items) == ["a0001", "a0002"]
    assert store.claims(article_ids=["a0002"]) == [_claim("a0002")]
    assert store.texts(["a0002", "a0001", "a0009"]) == {
        "a0001": "Article 1: 4.12 trillion tokens.", "a0002": "Article 2: 4.12 trillion tokens."}


def test_links_are_stored_both_ways_and_replaced_on_relink(store: Store) -> None:
    for n in (1, 2, 3):
        store.add_article(_article(n), [], [])
    store.link_articles("a0001", {"a0002": 3, "a0003": 2})
    store.link_articles("a0002", {"a0001": 5})  # the same pair seen again, from the other side
    assert {k: sorted(v) for k, v in store.copies().items()} == {
        "a0001": ["a0002", "a0003"],
        "a0002": ["a0001"],
        "a0003": ["a0001"],
    }


@pytest.mark.parametrize("fresh_store", [False, True])
def test_copy_candidates_ignore_boilerplate_held_by_many(db_path: str, fresh_store: bool) -> None:
    """A passage in more than ``max_sharing`` articles is boilerplate; what two articles share
    beyond it makes them candidates. The store remembers boilerplate between calls, and a
    store opened afresh (nothing remembered) finds the same candidates."""
    from claimcheck.store import NewArticle

    store = Store(db_path)
    footer, rare = {1, 2}, {3, 4}
    items = [NewArticle(_article(n), [], [], footer) for n in range(1, 5)]
    items.append(NewArticle(_article(9), [], [], footer | rare | {7}))
    store.add_articles(items)
    # five articles hold the footer: with max_sharing 4 it is boilerplate, with 5 it is not
    assert store.copy_candidates("new", footer | rare, 2, max_sharing=4) == ["a0009"]
    assert store.copy_candidates("new", footer | rare, 2, max_sharing=5) == [
        "a0001", "a0002", "a0003", "a0004", "a0009"]
    store.add_articles([NewArticle(_article(10), [], [], rare)])
    if fresh_store:
        store = Store(db_path)
    assert store.copy_candidates("new", footer | rare, 2, max_sharing=4) == ["a0009", "a0010"]
    # the one sharing the most
    assert store.copy_candidates("new", rare | {7}, 2, max_sharing=4, limit=1) == ["a0009"]


def test_links_of_several_articles_go_in_together_and_the_last_side_wins(store: Store) -> None:
    for n in (1, 2, 3):
        store.add_article(_article(n), [], [])
    store.link_many({"a0001": {"a0002": 3}, "a0003": {"a0001": 2}, "a0002": {"a0001": 5}})
    assert {k: sorted(v) for k, v in store.copies().items()} == {
        "a0001": ["a0002", "a0003"], "a0002": ["a0001"], "a0003": ["a0001"]}
    with store.engine.connect() as conn:
        counts: dict[str, int] = dict(conn.execute(text(
            "SELECT article_id || '-' || other_id, shared_passages FROM article_links")).all())
    assert counts == {"a0001-a0002": 5, "a0002-a0001": 5, "a0001-a0003": 2, "a0003-a0001": 2}


@pytest.mark.parametrize("max_sharing", [4, 5, None])
def test_holders_with_articles_stored_since_are_those_a_lookup_finds_now(
    db_path: str, max_sharing: int | None
) -> None:
    """A writer adds the articles it stored after a worker's lookup to the holders the worker
    found; the candidates are those a lookup of the store finds then, a fingerprint that
    became boilerplate meanwhile included (the footer: four holders, then six)."""
    store = Store(db_path)
    footer, rare = {1, 2}, {3, 4}
    store.add_articles([NewArticle(_article(n), [], [], footer) for n in range(1, 4)]
                       + [NewArticle(_article(9), [], [], footer | rare | {7})])
    mine = footer | rare | {7, 8}
    before = store.fingerprint_holders(mine, max_sharing)
    later = [NewArticle(_article(10), [], [], rare | {8}), NewArticle(_article(11), [], [], footer),
             NewArticle(_article(0), [], [], mine)]  # the article itself, in its chunk
    store.add_articles(later)
    recent: dict[int, list[str]] = {}
    for item in later:
        for h in item.fingerprints:
            recent.setdefault(h, []).append(item.article.id)
    merged = before.with_recent(recent)
    assert merged.candidates("a0000", 2) == store.copy_candidates("a0000", mine, 2, max_sharing)
    assert merged.candidates("a0000", 2) == (
        ["a0009", "a0010"] if max_sharing else ["a0001", "a0002", "a0003", "a0009", "a0010",
                                                "a0011"])
    assert not before.common
    assert merged.common == (frozenset(footer) if max_sharing else frozenset())


def test_a_writer_that_is_not_alone_looks_its_candidates_up_again(tmp_path: Path) -> None:
    """Another process stored a copy after the worker's lookup: the writer's recent articles
    do not hold it, the article count shows it, and the writer asks the store."""
    from claimcheck.batch import IngestSummary, store_chunk
    from claimcheck.copies import RecentArticles, searched

    store = Store(str(tmp_path / "shared.db"))
    text_ = ("Data from OpenRouter, the largest AI model API aggregation platform, shows Chinese "
             "models used 4.12 trillion tokens in the week of Feb 9-15. US models used 2.94 "
             "trillion tokens that week, and the price fell to $0.28 per million tokens.")
    from claimcheck.reconcile import passage_fingerprints

    def item(n: int, prefix: str) -> NewArticle:
        article = Article(id=f"a{n:04d}", text=f"{prefix} {text_}", lang="en")
        return NewArticle(article, [], [], passage_fingerprints(article.text))

    recent = RecentArticles(store)
    mine = searched(store.url, item(1, "Ours."))  # nothing stored yet: no candidates
    assert mine.copies is not None and not mine.copies.candidates
    Store(str(tmp_path / "shared.db")).add_articles([item(2, "Theirs.")])  # another process
    store_chunk(store, [mine], IngestSummary(), recent=recent, since=0)
    assert not recent.alone
    assert store.copies() == {"a0001": ["a0002"], "a0002": ["a0001"]}


def test_fingerprints_held_are_counted_among_the_given_articles(db_path: str) -> None:
    from claimcheck.store import NewArticle

    store = Store(db_path)
    store.add_articles([NewArticle(_article(1), [], [], {1, 2, 3}),
                        NewArticle(_article(2), [], [], {2, 2**32 - 1}),
                        NewArticle(_article(3), [], [], {1, 2})])
    assert store.fingerprints_held({1, 2, 2**32 - 1, 9}, ["a0001", "a0002"]) == {
        "a0001": {1, 2}, "a0002": {2, 2**32 - 1}}
    assert store.fingerprints_held({9}, ["a0001"]) == {}


def test_fingerprints_of_an_earlier_layout_are_moved_to_the_keyed_table(db_path: str) -> None:
    """Earlier versions kept fingerprints in a rowid table with a second index on the hash,
    and indexed claims by slot beside (slot, period_end), by kind and by subject (which no
    query used); opening such a database copies the fingerprints into the WITHOUT ROWID table
    once, keeping them, and drops the indexes."""
    import sqlite3

    from claimcheck.store import NewArticle

    store = Store(db_path)
    store.add_articles([NewArticle(_article(n), [], [], {1, 2, n + 10}) for n in range(3)])
    store.close()
    with sqlite3.connect(db_path) as conn:
        conn.executescript(
            "CREATE TABLE old AS SELECT * FROM passage_fingerprints;"
            "DROP TABLE passage_fingerprints;"
            "CREATE TABLE passage_fingerprints (hash INTEGER NOT NULL, article_id VARCHAR NOT "
            "NULL REFERENCES articles (id) ON DELETE CASCADE, PRIMARY KEY (hash, article_id));"
            "CREATE INDEX ix_passage_fingerprints_hash ON passage_fingerprints (hash);"
            "INSERT INTO passage_fingerprints SELECT * FROM old; DROP TABLE old;"
            "CREATE INDEX ix_claims_slot ON claims (slot);"
            "CREATE INDEX ix_claims_kind ON claims (kind);"
            "CREATE INDEX ix_claims_subject ON claims (subject);")
    store = Store(db_path)
    assert store.copy_candidates("new", {1, 2}, 2) == ["a0000", "a0001", "a0002"]
    store.close()
    with sqlite3.connect(db_path) as conn:
        ddl = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'passage_fingerprints'")
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        plan = " ".join(r[-1] for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT article_id, count(*) FROM passage_fingerprints "
            "WHERE hash IN (1, 2) GROUP BY article_id"))
        assert conn.execute("SELECT count(*) FROM passage_fingerprints").fetchone()[0] == 9
    assert "WITHOUT ROWID" in ddl.fetchone()[0]
    assert not names & {"ix_passage_fingerprints_hash", "ix_claims_slot", "ix_claims_kind",
                        "ix_claims_subject"}
    assert "SEARCH passage_fingerprints USING PRIMARY KEY" in plan


def test_a_failed_article_leaves_nothing_behind(store: Store) -> None:
    bad = [_claim("a0001"), _claim("a0001")]  # duplicate claim id: the insert fails
    with contextlib.suppress(Exception):  # any integrity error will do
        store.add_article(_article(1), bad, ["s", "s"])
    assert store.counts()["articles"] == 0 and store.counts()["claims"] == 0


def test_review_reopens_when_a_claim_joins(store: Store) -> None:
    store.add_article(_article(1), [_claim("a0001")], ["s"])
    store.add_article(_article(2), [_claim("a0002", value=5.16e12)], ["s"])
    store.add_article(_article(3), [_claim("a0003", value=5.2e12)], ["s"])
    d = Discrepancy(
        id="d1",
        type="value_mismatch",
        severity="high",
        claim_ids=["a0001-c0", "a0002-c0"],
        article_ids=["a0001", "a0002"],
        explanation="4.12T vs 5.16T",
    )
    assert store.save_discrepancies([d]) == (1, 0)
    store.add_review("d1", "confirmed", "ed", "checked with the platform")
    assert store.discrepancies()[0].status if store.discrepancies() else None
    assert store.discrepancies(status="confirmed")[0].id == "d1"
    assert store.save_discrepancies([d]) == (0, 0)  # same claims: still confirmed
    grown = d.model_copy(update={"claim_ids": [*d.claim_ids, "a0003-c0"]})
    assert store.save_discrepancies([grown]) == (0, 1)
    [reopened] = store.discrepancies(status="open")
    assert sorted(reopened.claim_ids) == ["a0001-c0", "a0002-c0", "a0003-c0"]
    assert [r.status for r in store.reviews("d1")] == ["confirmed"]


def test_a_finding_another_process_saved_first_is_merged_not_lost(
    db_path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two reconciler processes may save the same finding at once. On PostgreSQL the second
    insert fails (SQLite queues the writers); the save reads again and adds its claims."""
    from sqlalchemy.exc import IntegrityError

    store, other = Store(db_path), Store(db_path)
    for n in (1, 2, 3):
        store.add_article(_article(n), [_claim(f"a000{n}", value=4e12 + n)], ["s"])
    first = Discrepancy(id="d1", type="value_mismatch", severity="high",
                        claim_ids=["a0001-c0", "a0002-c0"], article_ids=["a0001", "a0002"],
                        explanation="4T vs 4T")
    mine = first.model_copy(update={"claim_ids": ["a0001-c0", "a0003-c0"]})
    save = Store._saved_discrepancies
    attempts: list[int] = []

    def raced(self: Store, *args: Any) -> tuple[int, int]:
        attempts.append(1)
        if len(attempts) == 1:
            other.save_discrepancies([first])  # the other process commits first
            raise IntegrityError("INSERT", {}, Exception("duplicate key value"))
        return save(self, *args)

    monkeypatch.setattr(Store, "_saved_discrepancies", raced)
    assert store.save_discrepancies([mine]) == (0, 0)
    assert len(attempts) == 3  # the failed one, the other process's save, the retry
    [saved] = store.discrepancies()
    assert sorted(saved.claim_ids) == ["a0001-c0", "a0002-c0", "a0003-c0"]

    def always(self: Store, *args: Any) -> tuple[int, int]:
        raise IntegrityError("INSERT", {}, Exception("duplicate key value"))

    monkeypatch.setattr(Store, "_saved_discrepancies", always)
    with pytest.raises(IntegrityError):  # not forever
        store.save_discrepancies([mine])


_WRITER = """
import sys, datetime as dt
from claimcheck.models import Article
from claimcheck.store import Store
store = Store(sys.argv[1])
first = int(sys.argv[2])
for n in range(first, first + 60):
    store.add_article(Article(id=f"p{n:04d}", text=f"text {n}", lang="en"), [], [])
"""


def test_psycopg_closing_an_aborted_pipeline_is_not_a_line_on_stderr(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The error that aborted the pipeline is raised and retried; the warning about closing it
    goes. Other psycopg warnings stay."""
    class Pipeline:
        def __repr__(self) -> str:  # as psycopg's
            return "<psycopg.Pipeline [INERROR, pipeline=ON] at 0x1>"

    logger = logging.getLogger("psycopg")
    with caplog.at_level(logging.WARNING, logger="psycopg"):
        logger.warning("error ignored terminating %r: %s", Pipeline(), "pipeline aborted")
        logger.warning("connection lost")
    assert [r.getMessage() for r in caplog.records] == ["connection lost"]


def test_two_processes_writing_at_once_lose_nothing(db_path: str) -> None:
    Store(db_path)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, db_path, str(first)], stderr=subprocess.PIPE, text=True
        )
        for first in (0, 1000)
    ]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    assert not any("locked" in e for e in errors)
    assert Store(db_path).counts()["articles"] == 120


def _open_and_write(path: str, ready: Any) -> None:
    from claimcheck.store.database import make_engine

    engine = make_engine(f"sqlite:///{path}")
    ready.wait()  # all children open the new file at the same moment
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS t (x)")
        conn.exec_driver_sql("INSERT INTO t VALUES (1)")


def test_processes_opening_a_new_database_at_once_all_get_in(tmp_path: Path) -> None:
    # switching a new file to WAL answers "locked" at once, without the busy timeout: one of
    # two ingests started together used to die on it
    import multiprocessing

    context = multiprocessing.get_context("fork")
    for n in range(20):
        path = str(tmp_path / f"new{n}.db")
        ready = context.Barrier(3)
        children = [
            context.Process(target=_open_and_write, args=(path, ready)) for _ in range(3)
        ]
        for child in children:
            child.start()
        for child in children:
            child.join(60)
        assert [child.exitcode for child in children] == [0, 0, 0]
