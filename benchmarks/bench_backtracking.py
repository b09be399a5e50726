"""Time per character of extraction as inputs grow from 10 KB to 1 MB: it must stay flat.

    python -m benchmarks.bench_backtracking [--sizes 10000,100000,1000000] [--timeout 120]

Each input runs in a forked child killed at the timeout, so a catastrophic case is reported
("TIMEOUT") instead of hanging the benchmark. A ratio far above 1 between the largest and the
smallest size means super-linear time: backtracking regexes or per-figure rescans.
"""

from __future__ import annotations

import argparse
import multiprocessing
import time
from collections.abc import Callable

from benchmarks.synth import articles
from claimcheck.extract import extract


def _realistic(size: int) -> str:
    text = ""
    count = 8
    while len(text) < size:
        text = "\n\n".join(r["text"] for r in articles(count, seed=3))
        count *= 2
    return text[:size]


INPUTS: dict[str, Callable[[int], str]] = {
    "news articles": _realistic,
    "'1' run": lambda n: "1" * n,
    "'$' run": lambda n: "$" * n,
    "'1.' run": lambda n: "1." * (n // 2),
    "'(' run": lambda n: "(" * n,
    "'trillion ' run": lambda n: "trillion " * (n // 9),
    "'4.12T ' run": lambda n: "4.12T " * (n // 6),
    "'10^' run": lambda n: "10^" * (n // 3),
    "'万亿' run": lambda n: "万亿" * (n // 2),
    "one long line": lambda n: ("Chinese models processed 4.12\u202ftrillion tokens, up 12%. "
                                * (n // 60 + 1))[:n].replace(". ", ", "),
}


def _run(text: str, out: multiprocessing.Queue) -> None:
    started = time.perf_counter()
    extract(text, None, None)
    out.put(time.perf_counter() - started)


def timed(text: str, timeout: float) -> float | None:
    """Seconds to extract ``text`` in a child process, or None past the timeout."""
    context = multiprocessing.get_context("fork")
    out: multiprocessing.Queue = context.Queue()
    child = context.Process(target=_run, args=(text, out))
    child.start()
    child.join(timeout)
    if child.is_alive():
        child.kill()
        child.join()
        return None
    return float(out.get()) if child.exitcode == 0 else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    extract("warm up 4.12 trillion tokens", None, "en")
    print(f"{'input':<16}" + "".join(f"{f'{s // 1000} KB µs/char':>18}" for s in sizes)
          + f"{'ratio':>8}")
    for name, make in INPUTS.items():
        per_char = []
        for size in sizes:
            seconds = timed(make(size), args.timeout)
            per_char.append(None if seconds is None else seconds / size * 1e6)
        cells = "".join(f"{'TIMEOUT' if v is None else f'{v:.2f}':>18}" for v in per_char)
        first, last = per_char[0], per_char[-1]
        ratio = f"{last / first:.1f}" if first and last else "-"
        print(f"{name:<16}{cells}{ratio:>8}", flush=True)


if __name__ == "__main__":
    main()
