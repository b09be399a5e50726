"""The main job: files -> articles -> claims -> store -> discrepancies.

Extraction and fingerprinting are pure functions of an article, so they run in worker processes
(``jobs``), which also look for each article's copies (``claimcheck.copies``); articles are
written in this process. Articles go in chunks: a chunk's articles and
claims are written in one transaction together with a "pending" marker naming them, and linked
to their copies; at the end (and every ``reconcile_every`` articles of a longer run), the claims
of the stored chunks are reconciled together against the stored claims of their slots (with
``jobs`` > 1, a batch during the run in a process of its own while the next chunks are written;
the last, once extraction is over, split by time between ``jobs`` processes), and the markers
are removed. A run killed at any point therefore leaves a consistent database; the next run
skips what is stored, reconciles what a marker names, and adds no duplicates.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import os
import time
import uuid
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import NamedTuple, ParamSpec, TypeVar

from sqlalchemy.exc import SQLAlchemyError

from claimcheck.copies import RecentArticles, copies_now, copies_of, searched
from claimcheck.extract import extract_claims
from claimcheck.ingest import Defaults, LoadedArticle, Problem, load_articles
from claimcheck.models import Article, Claim
from claimcheck.reconcile import (
    Update,
    passage_fingerprints,
    reconcile,
    related_slot_keys,
    slot_key,
    update,
)
from claimcheck.reconcile.config import config
from claimcheck.store import NewArticle, Store, process_store

# Stored claims this many days (or twice the reconciler's comparison window, if longer) around
# a new claim's period are compared with it: enough for week-over-week changes; streak claims
# reach back as far as the longest window the reconciler knows.
MIN_CONTEXT_DAYS = 28
STREAK_CONTEXT_DAYS = 400
# Articles per worker task and per write transaction: large enough to amortize pickling and
# commits, small enough that a kill loses little work and memory stays flat.
CHUNK_SIZE = 32
# Chunks in flight per worker: keeps workers busy while the main process writes, without
# reading the whole input into memory ahead of the writer.
CHUNKS_AHEAD_PER_JOB = 2
# Stored articles reconciled together. Each reconciliation loads and compares the related claims
# of the slots and time windows its claims reach, a cost that hardly depends on how many new
# articles ask: articles arriving in random date order make every batch read the whole timeline.
# So a run reconciles once, at the end, unless more articles than this wait: the limit bounds
# the memory of a batch's claims, which its process reads back (about 150 bytes each, 15 an
# article; the writer keeps none). At 65,536, a 100,000-article run took two passes over the
# whole store, the first beside the writer; batches of 256 articles growing with the store took
# two to three.
RECONCILE_EVERY = 131_072
# The last batch is split by time between ``jobs`` processes from this many articles: below, a
# batch costs less than starting processes, and finds what one process finds (parts do not see
# each other's findings at their edges).
SPLIT_FROM = 1_024
# Pending articles an interrupted run left are read back this many at a time (texts and claims).
RESUME_SLICE = 1_000
# Claims whose windows overlap are reconciled as one group with the stored claims of the
# group's window, up to this span: a batch reaching over years loads a few months at a time.
MAX_GROUP_DAYS = 180


@dataclass
class IngestSummary:
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    claims: int = 0
    discrepancies: int = 0
    reopened: int = 0
    resumed: int = 0  # articles of an interrupted run reconciled now
    problems: list[Problem] = field(default_factory=list)
    # (articles, seconds) of each reconciliation, for benchmarks
    reconciliations: list[tuple[int, float]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def add_problem(self, problem: Problem) -> None:
        self.problems.append(problem)
        self.failed += problem.fatal


Progress = Callable[[str], None]
NO_DEFAULTS = Defaults()
P = ParamSpec("P")
T = TypeVar("T")


def default_jobs() -> int:
    """Worker processes by default: the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# -- the pure part: runs in worker processes ----------------------------------------------

def prepare_article(loaded: LoadedArticle, model: str | None = None) -> NewArticle:
    """An article's claims, their slot keys and its passage fingerprints, ready to store."""
    article = loaded.article
    claims = _unique_claims(extract_claims(article, model=model))
    return NewArticle(article, claims, [slot_key(c) for c in claims],
                      passage_fingerprints(article.text), loaded.origin)


def _unique_claims(claims: list[Claim]) -> list[Claim]:
    # a repeated claim id would make the article's insert fail and lose all its claims
    seen: set[str] = set()
    unique = []
    for claim in claims:
        if claim.id not in seen:
            seen.add(claim.id)
            unique.append(claim)
    return unique


def prepare_chunk(
    chunk: list[LoadedArticle], model: str | None = None, copies_in: str | None = None
) -> list[NewArticle | Problem]:
    """``prepare_article`` over a chunk; an article that breaks the extractor becomes a Problem.

    With ``copies_in`` (a store's URL), each article's copies among the articles stored by now
    are looked for too (``NewArticle.copies``): in worker processes, that comparison of texts
    is taken off the writer, which then compares only the candidates the worker did not.
    """
    results: list[NewArticle | Problem] = []
    for loaded in chunk:
        try:
            results.append(prepare_article(loaded, model))
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop a batch
            results.append(Problem(loaded.origin, f"extraction failed: {type(exc).__name__}: "
                                                  f"{str(exc)[:200]}"))
    if copies_in is not None:
        results = [searched(copies_in, r) if isinstance(r, NewArticle) else r for r in results]
    return results


# -- the driver: reads, dispatches, writes ------------------------------------------------

class _InlineExecutor(Executor):
    """Runs tasks at submission, in this process: ``jobs=1`` needs no pool."""

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        future: Future[T] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - delivered through the future
            future.set_exception(exc)
        return future


def _executor(jobs: int) -> Executor:
    return _InlineExecutor() if jobs <= 1 else _process_pool(jobs)


def _process_pool(workers: int) -> Executor:
    methods = multiprocessing.get_all_start_methods()
    # fork shares the parent's loaded pipeline and gazetteers; a worker never uses the
    # parent's database connections (the reconciler opens its own)
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)


@dataclass
class _Task:
    chunk: list[LoadedArticle]
    future: Future[list[NewArticle | Problem]]
    model: str | None = None
    copies_in: str | None = None  # the worker looks for copies in this store
    since: int = 0  # the writer's chunks written when it was submitted (``RecentArticles``)


def ingest(
    store: Store,
    paths: Iterable[str],
    defaults: Defaults = NO_DEFAULTS,
    progress: Progress | None = None,
    *,
    jobs: int = 1,
    chunk_size: int = CHUNK_SIZE,
    reconcile_every: int = RECONCILE_EVERY,
    model: str | None = None,
    summary: IngestSummary | None = None,
    stage: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Ingest every article under ``paths`` into ``store``; report, never raise, bad input.

    ``jobs`` > 1 extracts in that many worker processes and reconciles in one more (see
    ``Reconciler``); ``model`` names an installed trained spaCy pipeline to extract with (see
    ``claimcheck.extract.pipeline``). ``progress`` is called with each article's origin (or a
    problem's) once it is stored or refused. Stored articles are reconciled together once
    ``reconcile_every`` of them are waiting, and at the end. The counts go into ``summary``
    (a new one if not given) as the run goes, so that ``progress`` can watch them. ``stage``
    is told when the last batch starts ("Reconciling 10,000 articles in 2 processes"): once
    every article is stored, that is what the run waits for.
    """
    summary = summary if summary is not None else IngestSummary()
    resume_pending(store, summary)
    with _shared_with_children():
        executor = _executor(jobs)
        reconciler = Reconciler(store, summary, jobs=jobs, every=reconcile_every, stage=stage)
        # workers look for copies among what is stored when they extract (``prepare_chunk``)
        copies_in = store.url if jobs > 1 and store.shareable else None
        recent = RecentArticles(store) if copies_in else None
        in_flight: deque[_Task] = deque()
        limit = max(1, jobs) * CHUNKS_AHEAD_PER_JOB
        try:
            for chunk in _new_article_chunks(store, paths, defaults, chunk_size, summary, progress):
                future = executor.submit(prepare_chunk, chunk, model, copies_in)
                in_flight.append(_Task(chunk, future, model, copies_in,
                                       recent.written if recent else 0))
                while len(in_flight) >= limit:
                    executor = _finish(store, in_flight, executor, jobs, summary, progress,
                                       reconciler, recent)
                    reconciler.start_when_due()
            while in_flight:
                executor = _finish(store, in_flight, executor, jobs, summary, progress, reconciler,
                                   recent)
                if in_flight:  # what waits at the end is the last batch: ``finish`` splits it
                    reconciler.start_when_due()
            executor.shutdown(wait=True)  # the last batch gets the workers' cores and memory
            reconciler.finish()
        finally:
            executor.shutdown(wait=True, cancel_futures=True)
            reconciler.close()
        return summary


@contextmanager
def _shared_with_children() -> Iterator[None]:
    """Objects alive now are left alone by the garbage collector until the block ends.

    Worker and reconciler processes are forked from this one and share its memory until a page
    is written; a collection in a child would write to every object it inherited (the
    collector's bookkeeping), and so copy the modules and data loaded so far into each child.
    A caller's own frozen objects stay frozen.
    """
    callers = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        yield
    finally:
        if not callers:
            gc.unfreeze()


def _new_article_chunks(
    store: Store, paths: Iterable[str], defaults: Defaults, size: int,
    summary: IngestSummary, progress: Progress | None,
) -> Iterator[list[LoadedArticle]]:
    """Chunks of loaded articles not yet stored; problems and known articles are counted here."""
    items = load_articles(paths, defaults)
    while batch := list(islice(items, size)):
        loaded = [i for i in batch if isinstance(i, LoadedArticle)]
        known = store.existing_article_ids(a.article.id for a in loaded)
        fresh: list[LoadedArticle] = []
        for item in batch:
            if isinstance(item, Problem):
                summary.add_problem(item)
            elif item.article.id in known:
                summary.unchanged += 1
            else:
                fresh.append(item)
                continue
            if progress:
                progress(item.origin)
        if fresh:
            yield fresh


def _finish(
    store: Store, in_flight: deque[_Task], executor: Executor, jobs: int,
    summary: IngestSummary, progress: Progress | None, reconciler: Reconciler,
    recent: RecentArticles | None = None,
) -> Executor:
    """Write the oldest chunk in flight; return the executor to go on with."""
    task = in_flight.popleft()
    try:
        results = task.future.result()
    except BrokenProcessPool:
        # a worker died (killed, out of memory): its chunk is lost, the others are redone
        for loaded in task.chunk:
            summary.add_problem(Problem(loaded.origin, "extraction worker died"))
            if progress:
                progress(loaded.origin)
        executor.shutdown(wait=False, cancel_futures=True)
        executor = _executor(jobs)
        for other in in_flight:
            other.future = executor.submit(prepare_chunk, other.chunk, other.model,
                                           other.copies_in)
        return executor
    written = store_chunk(store, results, summary, progress, recent, task.since)
    if written.articles:
        reconciler.add(written)
    if recent is not None:
        recent.forget_before(min((t.since for t in in_flight), default=recent.written))
    return executor


Window = tuple[dt.date, dt.date]
# [from, to) of the first days of claims' windows; None: no bound (a span from None holds the
# claims with no window)
Span = tuple[dt.date | None, dt.date | None]
EVERYTHING: Span = (None, None)


class PendingClaim(NamedTuple):
    """A stored claim waiting to be reconciled: what grouping it needs, not the claim itself."""

    id: str
    article_id: str
    window: Window | None


@dataclass
class Written:
    """A chunk's newly stored articles, and the pending key that names them until they are
    reconciled. Their claims are read back from the store then (``pending_claims``): a long run
    holds millions until its end; what it keeps of them is how many windows start on each day,
    to split their reconciliation by time."""

    pending: str
    articles: list[str] = field(default_factory=list)
    starts: Counter[dt.date | None] = field(default_factory=Counter)
    failed: list[str] = field(default_factory=list)


def store_chunk(
    store: Store, results: list[NewArticle | Problem], summary: IngestSummary,
    progress: Progress | None = None, recent: RecentArticles | None = None, since: int = 0,
) -> Written:
    """Write one chunk of prepared articles and link the new ones to their copies (with
    ``recent``, this writer's recent chunks, and the chunk number its task was submitted at:
    see ``copies_now``).

    Their reconciliation is left to a ``Reconciler``; until then a pending key names them.
    """
    written = Written(uuid.uuid4().hex)
    items: list[NewArticle] = []
    for result in results:
        if isinstance(result, Problem):
            summary.add_problem(result)
            if progress:
                progress(result.origin)
        else:
            items.append(result)
    if not items:
        return written
    try:
        added = set(store.add_articles(items, pending=written.pending))
    except SQLAlchemyError:
        added = _add_one_by_one(store, items, summary)
        store.mark_pending(written.pending, sorted(added))
    new: list[NewArticle] = []
    for item in items:
        if item.article.id in added:
            added.discard(item.article.id)  # a second copy in the same chunk is "unchanged"
            new.append(item)
            written.articles.append(item.article.id)
            published = {item.article.id: item.article.published}
            written.starts.update(_start(claim_window(c, published)) for c in item.claims)
            summary.new += 1
            summary.claims += len(item.claims)
        else:
            summary.unchanged += 1  # stored meanwhile by another process, or twice in the input
    if recent is not None:
        recent.add(store, new)
    _link(store, new, written, summary, recent, since)
    if progress:
        for item in items:
            progress(item.origin or item.article.id)
    return written


def _link(
    store: Store, items: list[NewArticle], written: Written, summary: IngestSummary,
    recent: RecentArticles | None, since: int,
) -> None:
    """Link newly stored articles to their copies, in one transaction; an article whose links
    fail stays pending (``written.failed``) for the next run to retry."""
    links: dict[str, dict[str, int]] = {}
    where: dict[str, str] = {}
    for item in items:
        where[item.article.id] = item.origin or item.article.id
        try:
            links[item.article.id] = copies_now(store, item, recent, since)
        except Exception as exc:  # noqa: BLE001 - the article is stored; the next run retries
            summary.add_problem(_settle_problem(where[item.article.id], exc))
            written.failed.append(item.article.id)
    try:
        store.link_many(links)
    except Exception as exc:  # noqa: BLE001 - the articles are stored; the next run retries
        for article_id in links:
            summary.add_problem(_settle_problem(where[article_id], exc))
            written.failed.append(article_id)


class Settled(NamedTuple):
    """What one reconciliation of written chunks (or one part of it) did."""

    new: int
    reopened: int
    seconds: float


def split_by_time(starts: Mapping[dt.date | None, int], parts: int) -> list[Span]:
    """At most ``parts`` consecutive spans of window starts, each holding about as many of the
    claims counted in ``starts`` (claims by the first day of their window) as the others; the
    claims with no window go with the first.

    Spans in time keep the parts apart: only claims near the cut meet the other part's claims.
    Claims weigh a span better than its days: a batch's claims spread like the store's, and
    streak claims, whose windows are three times as long, are few (measured on a
    10,000-article run, where weighing by days put most of the work in one part).
    """
    share = sum(starts.values()) / max(1, parts)
    cuts: list[dt.date | None] = []
    filled = starts.get(None, 0)
    for day in sorted(d for d in starts if d is not None):
        if filled + starts[day] / 2 > share * (len(cuts) + 1) and len(cuts) < parts - 1:
            cuts.append(day)
        filled += starts[day]
    bounds = [None, *cuts, None]
    return list(zip(bounds, bounds[1:], strict=False))


def _start(window: Window | None) -> dt.date | None:
    return window[0] if window else None


def _within(window: Window | None, span: Span) -> bool:
    lo, hi = span
    if window is None:
        return lo is None
    return (lo is None or window[0] >= lo) and (hi is None or window[0] < hi)


def pending_claims(store: Store, article_ids: Sequence[str], span: Span = EVERYTHING
                   ) -> list[PendingClaim]:
    """The stored claims of these articles whose windows start within ``span``, ready to
    reconcile (``reconcile_pending``)."""
    found = []
    # one object for each article id and each window, not one per claim: a batch of 100,000
    # articles holds 1.5 million claims (each part's process held 420-460 MB 20 s in)
    articles = {a: a for a in article_ids}
    windows: dict[Window | None, Window | None] = {}
    for claim in store.claim_periods(article_ids):
        window = period_window(claim.kind, claim.granularity, claim.start, claim.end,
                               claim.published)
        if _within(window, span):
            found.append(PendingClaim(claim.id, articles[claim.article_id],
                                      windows.setdefault(window, window)))
    return found


def _settled(store: Store, article_ids: Sequence[str], span: Span) -> Settled:
    started = time.perf_counter()
    new, reopened = reconcile_pending(store, pending_claims(store, article_ids, span))
    return Settled(new, reopened, time.perf_counter() - started)


def _settled_at(url: str, article_ids: Sequence[str], span: Span) -> Settled:
    """``_settled`` in the reconciler process."""
    return _settled(process_store(url), article_ids, span)


class Reconciler:
    """Reconciles written chunks together, one batch at a time while articles are written.

    With ``jobs`` > 1 (and a store another process can open), a batch is reconciled in a process
    of its own while this one goes on writing the next chunks: reconciliation is most of the
    writer's work, and extraction workers wait for the writer. The articles of a batch stay
    pending until its reconciliation is collected, so a kill loses nothing; chunks written
    meanwhile are already in the store when the batch loads its context, as they would be
    for two ingest processes at once, and are reconciled in the next batch. The last batch,
    once the extraction workers are gone, is split by time between ``jobs`` processes
    (``finish``).
    """

    def __init__(
        self, store: Store, summary: IngestSummary, *, jobs: int = 1,
        every: int = RECONCILE_EVERY, stage: Callable[[str], None] | None = None,
    ) -> None:
        self.store, self.summary, self.every, self.stage = store, summary, every, stage
        self.apart = jobs > 1 and store.shareable
        self.jobs = jobs if self.apart else 1
        # one process for batches while articles are written; the others (``helpers``) join
        # for the last batch, when the extraction workers are gone: a process that reconciled
        # a batch keeps its memory (about 250 MB at 100,000 articles)
        self.executor: Executor = _InlineExecutor()
        self.helpers: Executor | None = None
        if self.apart:
            self.executor, self.helpers = self._pools()
        self.waiting: list[Written] = []
        # batches started and not yet collected, oldest first: one while articles are written,
        # and the last beside it at the end
        self.running: deque[tuple[list[Written], list[Future[Settled]]]] = deque()

    def add(self, written: Written) -> None:
        """Queue a written chunk for the next batch."""
        self.waiting.append(written)

    def _waiting_articles(self) -> int:
        return sum(len(w.articles) for w in self.waiting)

    def start_when_due(self) -> None:
        """Collect a finished batch; start the next once a batch's worth of articles wait.
        Waits for the running batch when more than ``RECONCILE_EVERY`` articles pile up
        behind it."""
        if self.running and (all(f.done() for f in self.running[0][1])
                             or self._waiting_articles() >= RECONCILE_EVERY):
            self._collect()
        if not self.running and self.waiting and self._waiting_articles() >= self.every:
            self._start()

    def finish(self) -> None:
        """Reconcile everything still waiting, and wait for it.

        The last batch starts at once, split by time between ``jobs`` processes from
        ``SPLIT_FROM`` articles: nothing else runs by then but the batch before, if it has not
        finished, and each part takes a process as one frees. A smaller batch stays what one
        process finds. (What a run of several batches finds depends on what was stored when
        each batch loaded its context, as for two ingest processes at once.)
        """
        if self.waiting:
            articles = self._waiting_articles()
            parts = self.jobs if articles >= SPLIT_FROM else 1
            if self.stage:
                self.stage(f"Reconciling {articles:,} articles"
                           + (f" in {parts} processes" if parts > 1 else ""))
            self._start(parts=parts)
        while self.running:
            self._collect()

    def close(self) -> None:
        for executor in (self.executor, self.helpers):
            if executor is not None:
                executor.shutdown(wait=True, cancel_futures=True)

    def _pools(self) -> tuple[Executor, Executor]:
        """The reconciler's process and its helpers, forked now: a process forked from a
        writer that has grown copies that memory as its garbage collector touches the objects
        (the process of a 65,536-article batch, forked from a writer that held the batch's
        claims, held 684 MB)."""
        pools = _process_pool(1), _process_pool(self.jobs - 1)
        for pool in pools:
            pool.submit(os.getpid).result()  # a fork pool starts all its processes at once
        return pools

    def _start(self, parts: int = 1) -> None:
        chunks, self.waiting = self.waiting, []
        ids = [a for w in chunks for a in w.articles]
        if self.apart:
            starts: Counter[dt.date | None] = Counter()
            for w in chunks:
                starts.update(w.starts)
            spans = split_by_time(starts, parts)
            try:
                futures = self._submitted(ids, spans)
            except BrokenProcessPool:
                # the batch before died meanwhile (killed, out of memory): once its failure is
                # recorded, the processes are new
                while self.running:
                    self._collect()
                futures = self._submitted(ids, spans)
        else:
            futures = [self.executor.submit(_settled, self.store, ids, EVERYTHING)]
        self.running.append((chunks, futures))
        if not self.apart:
            self._collect()

    def _submitted(self, ids: list[str], spans: list[Span]) -> list[Future[Settled]]:
        # the first part waits for a batch still running in the reconciler's own process
        return [(self.helpers if n and self.helpers else self.executor)
                .submit(_settled_at, self.store.url, ids, span) for n, span in enumerate(spans)]

    def _collect(self) -> None:
        """Wait for the oldest running batch and record what it did."""
        chunks, futures = self.running.popleft()
        try:
            parts = [future.result() for future in futures]
            settled = Settled(sum(p.new for p in parts), sum(p.reopened for p in parts),
                              max((p.seconds for p in parts), default=0.0))
        except Exception as exc:  # noqa: BLE001 - the articles are stored; the next run retries
            wait(futures)  # the other parts' findings are saved; the rerun finds them again
            for w in chunks:
                for article_id in w.articles:
                    self.summary.add_problem(_settle_problem(article_id, exc))
                self.store.mark_pending(w.pending, w.articles)
            if isinstance(exc, BrokenProcessPool):
                self.close()
                self.executor, self.helpers = self._pools()
            return
        self.summary.discrepancies += settled.new
        self.summary.reopened += settled.reopened
        self.summary.reconciliations.append((sum(len(w.articles) for w in chunks),
                                             settled.seconds))
        for w in chunks:
            if w.failed:
                self.store.mark_pending(w.pending, w.failed)
            else:
                self.store.clear_pending(w.pending)


def _add_one_by_one(store: Store, items: list[NewArticle], summary: IngestSummary) -> set[str]:
    added: set[str] = set()
    for item in items:
        try:
            if store.add_article(item.article, item.claims, item.slots, item.fingerprints,
                                 item.origin):
                added.add(item.article.id)
        except SQLAlchemyError as exc:
            if not store.has_article(item.article.id):
                summary.add_problem(Problem(item.origin or item.article.id,
                                            f"cannot store: {type(exc).__name__}"))
    return added


def _settle_problem(where: str, exc: Exception) -> Problem:
    return Problem(where, f"reconciliation failed: {type(exc).__name__}: {str(exc)[:200]}")


def resume_pending(store: Store, summary: IngestSummary | None = None) -> int:
    """Link and reconcile the stored articles an interrupted run left pending; return how many.

    Pending keys are taken together, up to ``RECONCILE_EVERY`` articles at a time: a killed
    long run leaves one key per chunk, and each reconciliation costs about what its windows
    hold, however few articles ask. Reconciliation is idempotent (discrepancy ids are stable),
    so articles that were already reconciled before the interruption come out unchanged.
    """
    summary = summary if summary is not None else IngestSummary()
    done = 0
    batch: dict[str, list[str]] = {}
    size = 0
    for key, ids in store.pending_articles().items():
        batch[key], size = ids, size + len(ids)
        if size >= RECONCILE_EVERY:
            done += _resumed(store, batch, summary)
            batch, size = {}, 0
    if batch:
        done += _resumed(store, batch, summary)
    summary.resumed += done
    return done


def _resumed(store: Store, pending: dict[str, list[str]], summary: IngestSummary) -> int:
    """Link and reconcile the articles of some pending keys together; those that fail stay
    pending under a new key, written before the old keys go.

    Texts are loaded ``RESUME_SLICE`` articles at a time: a batch may hold tens of thousands of
    articles."""
    failed: list[str] = []
    linked: list[str] = []
    ids = sorted({i for ids in pending.values() for i in ids})
    for start in range(0, len(ids), RESUME_SLICE):
        for article in store.articles(ids[start : start + RESUME_SLICE]):
            try:
                store.link_articles(article.id, copies_of(store, article,
                                                       passage_fingerprints(article.text)))
                linked.append(article.id)
            except Exception as exc:  # noqa: BLE001 - kept pending for the next run
                summary.add_problem(_settle_problem(article.id, exc))
                failed.append(article.id)
    try:
        new, reopened = reconcile_pending(store, pending_claims(store, linked))
    except Exception as exc:  # noqa: BLE001 - kept pending for the next run
        for article_id in linked:
            summary.add_problem(_settle_problem(article_id, exc))
        failed, linked = failed + linked, []
    else:
        summary.discrepancies += new
        summary.reopened += reopened
    if failed:
        store.mark_pending(uuid.uuid4().hex, failed)
    for key in pending:
        store.clear_pending(key)
    return len(linked)


def reconcile_claims(store: Store, claims: list[Claim]) -> tuple[int, int]:
    """Compare stored ``claims`` with the stored claims of their slots; return (new, reopened)."""
    published = {a.id: a.published for a in store.articles({c.article_id for c in claims})}
    return reconcile_pending(
        store, [PendingClaim(c.id, c.article_id, claim_window(c, published)) for c in claims]
    )


def reconcile_pending(store: Store, claims: list[PendingClaim]) -> tuple[int, int]:
    """Compare stored claims with the stored claims of their slots; return (new, reopened).

    Only stored claims whose period comes near these claims' periods take part (and undated
    ones): a slot holds every week's figure of its subject, and comparing with all of them
    would make each article cost more than the one before. The claims are compared group by
    group (``time_groups``), each group with the stored claims of its window only.
    """
    new = reopened = 0
    for window, group in time_groups((c.window, c) for c in claims):
        loaded = store.claims(ids=[c.id for c in group])
        articles = {a.id: a for a in store.articles({c.article_id for c in loaded})}
        changed = _reconciled_group(store, loaded, window, articles)
        n, r = store.save_discrepancies(changed.found, retire=changed.stale)
        new, reopened = new + n, reopened + r
    return new, reopened


def _reconciled_group(
    store: Store,
    claims: list[Claim],
    window: tuple[dt.date, dt.date] | None,
    articles: dict[str, Article],
) -> Update:
    slots = {key for c in claims for key in related_slot_keys(c)}
    related = {c.id: c for c in claims}
    # each query leaves out what is already held: a group's context overlaps its own claims
    related.update((c.id, c) for c in store.claims(slots=slots, period_window=window,
                                                   leave_out=related))
    # the whole article takes part: arithmetic and internal checks span its slots
    related.update((c.id, c) for c in store.claims(article_ids={c.article_id for c in claims},
                                                   leave_out=related))
    others = {c.article_id for c in related.values()} - articles.keys()
    articles.update({a.id: a for a in store.articles(others)})
    known = store.discrepancies(status="all", involving=related)
    # only the findings the new claims can change; the rest of the slot is context
    return update(list(related.values()), articles, {c.id for c in claims}, known)


def claim_window(claim: Claim, published: Mapping[str, dt.date | None]) -> Window | None:
    """The dates within which stored claims can bear on ``claim``; None: no limit.
    ``published``: articles' publication dates by id (see ``period_window``)."""
    period = claim.period
    return period_window(claim.kind, period.granularity, period.start, period.end,
                         published.get(claim.article_id))


def period_window(
    kind: str, granularity: str | None, start: dt.date | None, end: dt.date | None,
    published: dt.date | None,
) -> Window | None:
    """``claim_window`` of a claim of this kind and period in an article published then.

    An undated claim stands for its article's publication date; only an undated claim of an
    undated article leaves the window open.
    """
    end = end or start
    if start is None or end is None:
        start = end = published
    if start is None or end is None:
        return None
    days = 2 * config().window_days(kind, granularity)
    if kind == "streak":
        days = STREAK_CONTEXT_DAYS
    margin = dt.timedelta(days=max(MIN_CONTEXT_DAYS, days))
    return start - margin, end + margin


def time_groups(
    windowed: Iterable[tuple[tuple[dt.date, dt.date] | None, T]],
) -> list[tuple[tuple[dt.date, dt.date] | None, list[T]]]:
    """Items in groups whose windows overlap, each group with the union of its windows, at
    ``MAX_GROUP_DAYS`` long at most; the items no date bounds form one group with no window.
    Windows longer than that (streaks look back a year) are grouped among themselves, the
    limit added to their own length, so that they do not widen the groups of other claims."""
    open_group: list[T] = []
    short: list[tuple[tuple[dt.date, dt.date], T]] = []
    long: list[tuple[tuple[dt.date, dt.date], T]] = []
    limit = dt.timedelta(days=MAX_GROUP_DAYS)
    for window, item in windowed:
        if window is None:
            open_group.append(item)
        else:
            (long if window[1] - window[0] > limit else short).append((window, item))
    groups: list[tuple[tuple[dt.date, dt.date] | None, list[T]]] = []
    for part in (short, long):
        bounds: list[list[dt.date]] = []  # [lo, hi] of each group, widened as items join
        members: list[list[T]] = []
        for (lo, hi), item in sorted(part, key=lambda pair: pair[0]):
            reach = limit + (hi - lo if part is long else dt.timedelta(0))
            if bounds and lo <= bounds[-1][1] and max(hi, bounds[-1][1]) - bounds[-1][0] <= reach:
                bounds[-1][1] = max(hi, bounds[-1][1])
                members[-1].append(item)
            else:
                bounds.append([lo, hi])
                members.append([item])
        groups += [((lo, hi), group) for (lo, hi), group in zip(bounds, members, strict=True)]
    if open_group:
        groups.append((None, open_group))
    return groups


def reconcile_all(store: Store) -> tuple[int, int]:
    """Re-run reconciliation over the whole store (after an upgrade of the rules)."""
    claims = store.claims()
    articles = {a.id: a for a in store.articles()}
    found = reconcile(claims, articles)
    return store.save_discrepancies(found, retire=[d.id for d in store.discrepancies(status="all")])


class Rate:
    """Articles per second over the run so far, for progress displays."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.count = 0

    def tick(self) -> float:
        self.count += 1
        elapsed = time.monotonic() - self.started
        return self.count / elapsed if elapsed > 0 else 0.0
