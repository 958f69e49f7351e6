"""Saving a note through Store.add_observation against a raw sqlite3 INSERT + COMMIT, same pragmas."""

from __future__ import annotations

import sqlite3
import tempfile
import time
from pathlib import Path

from benchmarks.common import Figure, median, percentile
from studygroup.demo import create_demo
from studygroup.model import Observation
from studygroup.storage.store import Store

SAVES = 1000


def _ours(folder: Path) -> list[float]:
    with Store.open(folder / "ours.db") as store:
        session = create_demo(store)
        author = session.participants[0].id
        times = []
        for i in range(SAVES):
            note = Observation(
                session.id,
                f"note {i}: the payout page said T+2",
                author_id=author,
                phase_id=session.phases[2].id,
                session_seconds=i,
                tags=["money"],
            )
            start = time.perf_counter()
            store.add_observation(note)
            times.append(time.perf_counter() - start)
    return times


def _raw(folder: Path) -> list[float]:
    conn = sqlite3.connect(folder / "raw.db", isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON", "busy_timeout = 5000"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute(
        "CREATE TABLE notes (id TEXT PRIMARY KEY, session_id TEXT, author_id TEXT, phase_id TEXT,"
        " session_seconds REAL, wall_time REAL, kind TEXT, severity INTEGER, journey_step TEXT,"
        " text TEXT, tags_json TEXT, follow_up INTEGER, updated_at REAL)"
    )
    times = []
    for i in range(SAVES):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO notes VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (f"id{i}", "s", "a", "p", i, time.time(), "friction", 1, "", f"note {i}", '["money"]', 0, time.time()),
        )
        conn.execute("COMMIT")
        times.append(time.perf_counter() - start)
    conn.close()
    return times


def run(repeats: int = 5) -> list[Figure]:
    """p50 and p99 of 1,000 durable saves, each the median over *repeats* runs."""
    ours_p50, ours_p99, raw_p50, raw_p99 = [], [], [], []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as folder:
            ours, raw = _ours(Path(folder)), _raw(Path(folder))
        ours_p50.append(percentile(ours, 50))
        ours_p99.append(percentile(ours, 99))
        raw_p50.append(percentile(raw, 50))
        raw_p99.append(percentile(raw, 99))
    p50 = Figure("Save a note, p50", median(ours_p50) * 1000, median(raw_p50) * 1000, "ms", "ratio <= 2", False)
    p50.met = p50.ratio <= 2
    p99 = Figure(
        "Save a note, p99", median(ours_p99) * 1000, median(raw_p99) * 1000, "ms", "<= 2 ms and ratio <= 2", False
    )
    p99.met = p99.ours <= 2 and p99.ratio <= 2
    return [p50, p99]
