"""Nothing lost: a SIGKILL mid-batch, and several ingest processes on one database.

Each test compares the database with a reference made by one uninterrupted ingest of the same
synthetic articles: same articles, same claims, nothing pending, and the same discrepancies once
both are settled by a full re-run of the reconciler. (Incremental reconciliation depends on the
order articles arrive in: an article is checked against what is stored when it comes in, so
two runs in different orders may differ until ``reconcile_all``; what must never differ is
what the store holds.)
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import wait
from pathlib import Path

import pytest

from benchmarks.synth import articles as synthetic_articles
from claimcheck import batch
from claimcheck.batch import ingest, reconcile_all
from claimcheck.store import Store

ARTICLES = 64
Contents = tuple[set[str], set[str], set[str]]


def _contents(store: Store) -> Contents:
    """Articles, claims and the settled discrepancies (after a full reconciliation)."""
    reconcile_all(store)
    return ({a.id for a in store.articles()}, {c.id for c in store.claims()},
            {d.id for d in store.discrepancies(status="all")})


def _write_feed(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    return path


@pytest.fixture(scope="module")
def records() -> list[dict[str, str]]:
    return list(synthetic_articles(ARTICLES, seed=5, length=1200))


@pytest.fixture(scope="module")
def reference_store(
    tmp_path_factory: pytest.TempPathFactory, records: list[dict[str, str]]
) -> Store:
    root = tmp_path_factory.mktemp("reference")
    store = Store(str(root / "reference.db"))
    summary = ingest(store, [str(_write_feed(root / "feed.jsonl", records))])
    assert summary.new == ARTICLES and summary.ok
    return store


@pytest.fixture(scope="module")
def reference(reference_store: Store) -> Contents:
    return _contents(reference_store)


def _claims_by_article(store: Store) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {a.id: set() for a in store.articles()}
    for claim in store.claims():
        found[claim.article_id].add(claim.id)
    return found


def _ingest_command(db: Path, *paths: Path, jobs: int = 1) -> list[str]:
    return [sys.executable, "-m", "claimcheck.cli", "ingest", "--db", str(db),
            "--jobs", str(jobs), *map(str, paths)]


def _stored_articles(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


def _assert_consistent(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        orphans = conn.execute(
            "SELECT count(*) FROM claims WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
        assert orphans == 0


def _assert_rerun_completes(db: Path, feed: Path, reference: Contents) -> None:
    """Ingesting the same feed again ends where one uninterrupted ingest does."""
    rerun = subprocess.run(_ingest_command(db, feed, jobs=2), capture_output=True, text=True,
                           timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    _assert_consistent(db)
    store = Store(str(db))
    assert _contents(store) == reference
    assert store.pending_articles() == {}
    assert store.counts()["articles"] == ARTICLES


def test_sigkill_mid_batch_then_rerun_completes_without_duplicates(
    tmp_path: Path, records: list[dict[str, str]], reference: Contents, reference_store: Store
) -> None:
    db, feed = tmp_path / "crash.db", _write_feed(tmp_path / "feed.jsonl", records)
    proc = subprocess.Popen(_ingest_command(db, feed, jobs=2), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120
    while _stored_articles(db) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "ingest finished before it could be killed: use more articles"
    os.killpg(proc.pid, signal.SIGKILL)  # the workers too
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    _assert_consistent(db)
    interrupted = Store(str(db))
    assert 0 < len(interrupted.articles()) < ARTICLES
    # an article is there with all its claims or not at all
    expected = _claims_by_article(reference_store)
    for article_id, claims in _claims_by_article(interrupted).items():
        assert claims == expected[article_id]
    interrupted.close()

    _assert_rerun_completes(db, feed, reference)


# ingest in a subprocess whose reconciler, once it has saved the findings of a batch's first
# time group that has any, marks a file and waits to be killed
_SLOW_RECONCILER = """
import sys, time
from pathlib import Path
from claimcheck import batch
from claimcheck.store import Store
db, feed, marker = sys.argv[1:]
save = Store.save_discrepancies
def save_then_wait(self, found, *args, **kwargs):
    saved = save(self, found, *args, **kwargs)
    if found:
        Path(marker).touch()
        time.sleep(120)
    return saved
Store.save_discrepancies = save_then_wait
batch.ingest(Store(db), [feed], jobs=2, chunk_size=8, reconcile_every=16)
"""


def test_sigkill_while_the_reconciler_is_mid_batch(
    tmp_path: Path, records: list[dict[str, str]], reference: Contents
) -> None:
    db, feed = tmp_path / "crash.db", _write_feed(tmp_path / "feed.jsonl", records)
    marker = tmp_path / "saved"
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_RECONCILER, str(db), str(feed),
                             str(marker)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    deadline = time.monotonic() + 120
    while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert marker.exists(), proc.stderr.read().decode() if proc.stderr else ""
    os.killpg(proc.pid, signal.SIGKILL)  # writer, workers and reconciler
    proc.wait(timeout=30)

    _assert_consistent(db)
    interrupted = Store(str(db))
    # killed mid-batch: the batch's articles still pending, part of its findings saved
    assert sum(map(len, interrupted.pending_articles().values())) >= 16
    assert interrupted.counts()["discrepancies"] > 0
    interrupted.close()

    _assert_rerun_completes(db, feed, reference)


def test_a_kill_between_writing_and_reconciling_is_resumed(
    tmp_path: Path, records: list[dict[str, str]], reference: Contents,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    feed = _write_feed(tmp_path / "feed.jsonl", records)
    store = Store(str(tmp_path / "pending.db"))

    def killed(*_args: object) -> tuple[int, int]:
        raise KeyboardInterrupt  # stands in for SIGKILL right after the chunk's commit

    with monkeypatch.context() as patch:
        patch.setattr(batch, "reconcile_pending", killed)
        with pytest.raises(KeyboardInterrupt):
            ingest(store, [str(feed)], chunk_size=16, reconcile_every=16)
    [pending] = store.pending_articles().values()
    assert len(pending) == 16
    summary = ingest(store, [str(feed)], chunk_size=16)
    assert summary.resumed == 16 and summary.new == ARTICLES - 16
    assert _contents(store) == reference and store.pending_articles() == {}


def test_reconciling_in_a_process_of_its_own_ends_where_one_process_does(
    tmp_path: Path, records: list[dict[str, str]], reference: Contents
) -> None:
    feed = _write_feed(tmp_path / "feed.jsonl", records)
    store = Store(str(tmp_path / "apart.db"))
    summary = ingest(store, [str(feed)], jobs=2, chunk_size=8, reconcile_every=16)
    assert summary.ok and summary.new == ARTICLES
    assert len(summary.reconciliations) > 1
    assert sum(n for n, _seconds in summary.reconciliations) == ARTICLES
    assert store.pending_articles() == {}
    assert _contents(store) == reference


def _logging(log: Path, parts: int) -> Callable[[Store, list[batch.PendingClaim]], tuple[int, int]]:
    """``reconcile_pending`` that writes the ids of its claims to a file named after its
    process; a part of the last batch (all but the first call) waits until ``parts`` are there,
    so that the parts run at once."""
    original = batch.reconcile_pending

    def logged(store: Store, claims: list[batch.PendingClaim]) -> tuple[int, int]:
        last_batch = any(log.iterdir())  # the first batch runs alone, before
        (log / f"{os.getpid()}-{len(claims)}").write_text("\n".join(c.id for c in claims))
        deadline = time.monotonic() + 20
        while last_batch and len(list(log.iterdir())) < 1 + parts and time.monotonic() < deadline:
            time.sleep(0.02)
        return original(store, claims)

    return logged


@pytest.mark.parametrize(("split_from", "parts"), [(ARTICLES // 2, 2), (ARTICLES // 2 + 1, 1)])
def test_a_large_last_batch_is_split_by_time_between_the_jobs(
    tmp_path: Path, records: list[dict[str, str]], reference: Contents,
    monkeypatch: pytest.MonkeyPatch, split_from: int, parts: int,
) -> None:
    """Once extraction is over, the last batch, from ``SPLIT_FROM`` articles, is reconciled in
    as many processes as there were workers, each on its own claims, and ends where one process
    does; a smaller one stays in one process."""
    feed = _write_feed(tmp_path / "feed.jsonl", records)
    log = tmp_path / "parts"
    log.mkdir()
    with monkeypatch.context() as patch:
        patch.setattr(batch, "reconcile_pending", _logging(log, parts))  # the processes fork it
        patch.setattr(batch, "SPLIT_FROM", split_from)
        store = Store(str(tmp_path / "split.db"))
        stages: list[str] = []
        summary = ingest(store, [str(feed)], jobs=2, chunk_size=8, reconcile_every=ARTICLES // 2,
                         stage=stages.append)
    assert summary.ok and [n for n, _ in summary.reconciliations] == [ARTICLES // 2] * 2
    assert stages == [f"Reconciling {ARTICLES // 2} articles"
                      + (" in 2 processes" if parts == 2 else "")]
    logged = {path.name: path.read_text().split() for path in log.iterdir()}
    assert len(logged) == 1 + parts and len({name.split("-")[0] for name in logged}) == parts
    assert sorted(sum(logged.values(), [])) == sorted(c.id for c in store.claims())
    assert store.pending_articles() == {}
    assert _contents(store) == reference


def test_reconciler_processes_are_forked_before_any_article_is_written(tmp_path: Path) -> None:
    """A process forked later, from a writer holding waiting claims, would copy that memory."""
    before = set(multiprocessing.active_children())
    reconciler = batch.Reconciler(Store(str(tmp_path / "forked.db")), batch.IngestSummary(),
                                  jobs=3)
    try:
        assert len(set(multiprocessing.active_children()) - before) == 3  # one, and 2 helpers
    finally:
        reconciler.close()


def test_a_run_under_reconcile_every_is_reconciled_once_at_the_end(
    tmp_path: Path, records: list[dict[str, str]], reference: Contents
) -> None:
    """Each batch reads the timeline its claims reach: one batch costs less than several."""
    store = Store(str(tmp_path / "once.db"))
    summary = ingest(store, [str(_write_feed(tmp_path / "feed.jsonl", records))], chunk_size=8)
    assert summary.ok and [n for n, _ in summary.reconciliations] == [ARTICLES]
    assert _contents(store) == reference


def _recording(
    seen: list[int], measure: Callable[[list[batch.PendingClaim]], int]
) -> Callable[[Store, list[batch.PendingClaim]], tuple[int, int]]:
    """``reconcile_pending`` that first notes ``measure`` of the claims it is given."""
    original = batch.reconcile_pending

    def recorded(store: Store, claims: list[batch.PendingClaim]) -> tuple[int, int]:
        seen.append(measure(claims))
        return original(store, claims)

    return recorded


def _reconciler_raises(*_args: object) -> tuple[int, int]:
    raise RuntimeError("boom")


def _reconciler_dies(*_args: object) -> tuple[int, int]:
    os._exit(1)  # as if killed or out of memory


@pytest.mark.parametrize("failure", [_reconciler_raises, _reconciler_dies])
def test_a_failed_reconciliation_leaves_its_articles_pending_for_the_next_run(
    tmp_path: Path, records: list[dict[str, str]], reference: Contents,
    monkeypatch: pytest.MonkeyPatch, failure: object,
) -> None:
    feed = _write_feed(tmp_path / "feed.jsonl", records)
    store = Store(str(tmp_path / "failed.db"))
    with monkeypatch.context() as patch:
        patch.setattr(batch, "reconcile_pending", failure)  # the reconciler process forks it
        summary = ingest(store, [str(feed)], jobs=2, chunk_size=8, reconcile_every=16)
    assert summary.new == ARTICLES and summary.failed == ARTICLES
    assert all("reconciliation failed" in p.reason for p in summary.problems)
    assert sum(map(len, store.pending_articles().values())) == ARTICLES
    assert len(store.pending_articles()) == ARTICLES // 8  # a key per chunk
    with monkeypatch.context() as patch:  # resuming fails too: all stay pending, under one key
        patch.setattr(batch, "reconcile_pending", _reconciler_raises)
        again = ingest(store, [str(feed)], jobs=2)
    assert again.failed == ARTICLES and again.resumed == 0
    assert [len(ids) for ids in store.pending_articles().values()] == [ARTICLES]
    reconciled: list[int] = []
    with monkeypatch.context() as patch:
        patch.setattr(batch, "reconcile_pending", _recording(reconciled, len))
        rerun = ingest(store, [str(feed)], jobs=2)
    assert reconciled == [summary.claims]  # the keys are resumed together, not one by one
    assert rerun.ok and rerun.resumed == ARTICLES and rerun.new == 0
    assert store.pending_articles() == {}
    assert _contents(store) == reference


def test_a_batch_started_after_the_batch_before_died_goes_to_new_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The last batch may start while the process of the one before is dying: both are
    recorded as failed, and nothing is lost."""
    store = Store(str(tmp_path / "died.db"))
    summary = batch.IngestSummary()
    with monkeypatch.context() as patch:
        patch.setattr(batch, "reconcile_pending", _reconciler_dies)
        reconciler = batch.Reconciler(store, summary, jobs=2, every=1)
        try:
            reconciler.add(batch.Written("first", ["a"]))
            reconciler.start_when_due()
            wait(reconciler.running[0][1])  # its process is gone, and the pool broken
            reconciler.add(batch.Written("last", ["b"]))
            reconciler.finish()
        finally:
            reconciler.close()
    assert sorted(p.origin for p in summary.problems) == ["a", "b"]
    assert store.pending_articles() == {"first": ["a"], "last": ["b"]}


def test_many_pending_keys_are_resumed_a_batch_at_a_time(
    tmp_path: Path, records: list[dict[str, str]], reference: Contents,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Keys are taken together until a batch holds ``RECONCILE_EVERY`` articles."""
    feed = _write_feed(tmp_path / "feed.jsonl", records)
    store = Store(str(tmp_path / "resumed.db"))
    with monkeypatch.context() as patch:
        patch.setattr(batch, "reconcile_pending", _reconciler_raises)
        ingest(store, [str(feed)], chunk_size=8, reconcile_every=8)
    assert [len(ids) for ids in store.pending_articles().values()] == [8] * (ARTICLES // 8)
    articles: list[int] = []
    with monkeypatch.context() as patch:
        patch.setattr(batch, "RECONCILE_EVERY", 20)
        patch.setattr(batch, "RESUME_SLICE", 10)  # texts and claims read back 10 at a time
        patch.setattr(batch, "reconcile_pending",
                      _recording(articles, lambda claims: len({c.article_id for c in claims})))
        assert batch.resume_pending(store) == ARTICLES
    assert articles == [24, 24, 16]
    assert store.pending_articles() == {}
    assert _contents(store) == reference


def test_three_ingest_processes_at_once_lose_nothing(
    tmp_path: Path, records: list[dict[str, str]], reference: Contents
) -> None:
    db = tmp_path / "shared.db"
    Store(str(db)).close()
    half = ARTICLES // 2
    feeds = [_write_feed(tmp_path / "a.jsonl", records[:half + 8]),
             _write_feed(tmp_path / "b.jsonl", records[half - 8:]),
             _write_feed(tmp_path / "c.jsonl", records[::-1])]
    procs = [subprocess.Popen(_ingest_command(db, feed), stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True) for feed in feeds]
    errors = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], errors
    assert not any("locked" in e for e in errors)
    _assert_consistent(db)
    store = Store(str(db))
    assert store.pending_articles() == {}
    assert _contents(store) == reference
