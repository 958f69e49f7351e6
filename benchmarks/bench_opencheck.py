"""Opening a 10,000-note database: open_database with its quick_check, against the same open without it."""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from pathlib import Path

from benchmarks.bigsession import big_database
from benchmarks.common import Figure, median
from studygroup.storage.db import open_database

NOTES = 10_000
OPENS = 20


def _raw_open(path: Path) -> None:
    """What open_database does on a current file, minus the checks: connect and set the pragmas."""
    conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True, isolation_level=None)
    for pragma in (
        "busy_timeout = 5000",
        "foreign_keys = ON",
        "journal_mode = WAL",
        "synchronous = FULL",
        "user_version",
    ):
        conn.execute(f"PRAGMA {pragma}").fetchall()
    conn.close()


def _timed(action, path: Path, cold: bool = False) -> float:
    """Median seconds of *action(path)*; cold drops the file's pages from the OS cache before each."""
    times = []
    for _ in range(OPENS):
        if cold:
            fd = os.open(path, os.O_RDONLY)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            os.close(fd)
        start = time.perf_counter()
        action(path)
        times.append(time.perf_counter() - start)
    return median(times)


def run(repeats: int = 5) -> list[Figure]:
    """Warm-cache open with the check against without it; the cold-cache figure goes in the note."""
    ours, raw, cold = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        path, _ = big_database(Path(folder), NOTES)
        size = path.stat().st_size
        for _ in range(repeats):
            ours.append(_timed(lambda p: open_database(p).close(), path))
            raw.append(_timed(_raw_open, path))
            if hasattr(os, "posix_fadvise"):
                cold.append(_timed(lambda p: open_database(p).close(), path, cold=True))
    figure = Figure(
        f"Open a database of {NOTES:,} notes, integrity check included",
        median(ours) * 1e3,
        median(raw) * 1e3,
        "ms",
        "<= 50 ms",
        False,
        note=(
            f"file {size / 2**20:.1f} MiB; PRAGMA quick_check reads every page once; "
            + (
                f"with the file dropped from the OS cache first: {median(cold) * 1e3:.1f} ms"
                if cold
                else "no cold-cache figure on this platform"
            )
        ),
    )
    figure.met = figure.ours <= 50
    return [figure]
