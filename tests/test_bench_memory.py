"""The ingest benchmark's memory sampler counts every process of the run."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.bench_ingest import TreeMemory, _rollup, _tree

pytestmark = pytest.mark.skipif(not Path("/proc/self/smaps_rollup").exists(),
                                reason="needs Linux /proc")


def test_the_sampler_sees_children_and_their_memory() -> None:
    # a child holding 64 MB it has written to: resident, and its own
    hold = "b = bytearray(64 << 20); b[::4096] = b'x' * len(b[::4096]); import time; time.sleep(30)"
    child = subprocess.Popen([sys.executable, "-c", hold])
    try:
        deadline = time.monotonic() + 10
        while _rollup(child.pid).get("Rss", 0) < 64 << 10 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert child.pid in _tree(os.getpid())
        memory = TreeMemory(interval=0.05)
        memory.start()
        time.sleep(0.3)
        memory.stop()
        own = _rollup(os.getpid())["Pss"] / 1024
        assert memory.peak_pss >= own + 64
        assert memory.peak_rss >= memory.peak_pss
    finally:
        child.kill()
        child.wait()
    assert child.pid not in _tree(os.getpid())
    assert _rollup(child.pid) == {}
