"""End-to-end ingest: articles per second, reconcile time as the store grows, memory, size.

    python -m benchmarks.bench_ingest --count 10000 --jobs 2
    python -m benchmarks.bench_ingest --count 100000 --jobs 2 --db /tmp/bench100k.db

Generates (once, cached next to the database) ``count`` synthetic articles of about 4 KB as
JSONL, ingests them into a fresh database with extraction in ``jobs`` worker processes (and,
with ``jobs`` > 1, reconciliation in one more, alongside the writer), and prints articles per
second, the mean reconcile time per article for each tenth of the run, peak memory (RSS of
this process and of its largest child, and the sampled peak of all of them together) and the
database size per article.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.synth import VERSION, write_jsonl
from claimcheck import batch
from claimcheck.store import Store


def _peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest finished child, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


class TreeMemory(threading.Thread):
    """Samples the memory of this process and all its descendants every ``interval`` seconds
    (Linux ``/proc``) and keeps the largest totals: PSS, where a page shared by forked
    processes counts once, split between them, and the sum of RSS, where it counts in each.
    A peak between two samples is missed; RSS peaks of single processes are ``_peak_rss_mb``."""

    def __init__(self, interval: float = 1.0) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.peak_pss = self.peak_rss = 0.0  # MB
        self.available = Path("/proc/self/smaps_rollup").exists()
        self._done = threading.Event()

    def run(self) -> None:
        while self.available and not self._done.wait(self.interval):
            pss = rss = 0.0
            for pid in _tree(os.getpid()):
                fields = _rollup(pid)
                pss += fields.get("Pss", 0) / 1024
                rss += fields.get("Rss", 0) / 1024
            self.peak_pss, self.peak_rss = max(self.peak_pss, pss), max(self.peak_rss, rss)

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(root: int) -> list[int]:
    """``root`` and its descendants, from each process's parent id in /proc/<pid>/stat."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # ended meanwhile
        # the command name may hold spaces and parentheses: the fields follow the last ")"
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _rollup(pid: int) -> dict[str, int]:
    """The kB totals of /proc/<pid>/smaps_rollup (empty if the process has ended)."""
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    except OSError:
        return {}
    values = {}
    for line in lines[1:]:
        name, _, rest = line.partition(":")
        if rest.strip().endswith("kB"):
            values[name] = int(rest.split()[0])
    return values


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=batch.default_jobs())
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", type=Path, help="database file (default: a temporary one)")
    args = parser.parse_args()
    work = Path(tempfile.gettempdir()) / "claimcheck-bench"
    feed = work / f"synth-{args.count}-{args.seed}-v{VERSION}.jsonl"
    if not feed.exists():
        write_jsonl(feed, args.count, args.seed)
    db = args.db or work / f"ingest-{args.count}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    store = Store(str(db))
    done = 0
    last_report = time.perf_counter()
    summary = batch.IngestSummary()

    def progress(_origin: str) -> None:
        nonlocal done, last_report
        done += 1
        now = time.perf_counter()
        if now - last_report > 30:
            # a run stopped before its end still shows what each batch cost
            batches = summary.reconciliations
            reconciled = sum(n for n, _ in batches)
            last = (f", last batch {batches[-1][0]:,} in {batches[-1][1]:,.0f} s"
                    if batches else "")
            print(f"  {done:,} articles, {done / (now - started):.1f}/s; "
                  f"{reconciled:,} reconciled in {len(batches)} batches{last}", flush=True)
            last_report = now

    memory = TreeMemory()
    memory.start()
    started = time.perf_counter()
    batch.ingest(store, [str(feed)], jobs=args.jobs, progress=progress, summary=summary)
    elapsed = time.perf_counter() - started
    memory.stop()
    store.close()
    size = sum(Path(f"{db}{s}").stat().st_size for s in ("", "-wal")
               if Path(f"{db}{s}").exists())
    own, workers = _peak_rss_mb()
    print(f"ingest of {args.count:,} articles with {args.jobs} job(s): {elapsed:,.0f} s, "
          f"{summary.new / elapsed:.1f} articles/s end to end")
    print(f"  {summary.new:,} new, {summary.failed} failed, {summary.claims:,} claims, "
          f"{summary.discrepancies:,} discrepancies")
    # a reconciliation takes a batch of articles together: each gets the batch's mean
    seconds = [s / n for n, s in summary.reconciliations for _ in range(n)]
    tenth = max(1, len(seconds) // 10)
    means = [sum(seconds[i:i + tenth]) / len(seconds[i:i + tenth]) * 1000
             for i in range(0, len(seconds), tenth)]
    print("  reconcile ms per article, by tenth of the run: "
          + " ".join(f"{m:.0f}" for m in means))
    print(f"  peak RSS: main process {own:,.0f} MB, largest worker {workers:,.0f} MB")
    mine, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                           resource.RUSAGE_CHILDREN))
    # the writer is this process; workers and reconcilers are its children
    print(f"  CPU: writer {mine.ru_utime + mine.ru_stime:,.0f} s, workers and reconcilers "
          f"{children.ru_utime + children.ru_stime:,.0f} s")
    if memory.available:
        print(f"  peak of all processes together (sampled every {memory.interval:g} s): "
              f"PSS {memory.peak_pss:,.0f} MB, RSS summed {memory.peak_rss:,.0f} MB")
    per_article = size / max(1, summary.new) / 1024
    print(f"  database: {size / 1e6:,.1f} MB, {per_article:.1f} KB per article")


if __name__ == "__main__":
    main()
