"""Peak memory of the app with a 10,000-note session open, against a bare PySide6 window."""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.bench_startup import launch
from benchmarks.bigsession import big_database
from benchmarks.common import Figure, median

REPEATS = 5
NOTES = 10_000


def run() -> list[Figure]:
    ours, bare = [], []
    with tempfile.TemporaryDirectory() as folder:
        db, session_id = big_database(Path(folder), NOTES)
        for _ in range(REPEATS):
            bare.append(launch("bare")[1])
            ours.append(launch("app", str(db), session_id)[1])
    figure = Figure(
        "Peak memory, 10,000-note session open", median(ours) / 1024, median(bare) / 1024, "MiB", "ratio <= 1.5", False
    )
    figure.met = figure.ratio <= 1.5
    return [figure]
