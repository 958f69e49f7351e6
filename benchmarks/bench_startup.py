"""Cold start: process start to the main window shown with its session list, against a bare
PySide6 QMainWindow shown, each in a fresh subprocess (offscreen)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import Figure, median

REPEATS = 7


def launch(*args: str) -> tuple[float, int]:
    """Seconds from spawning the child to its window shown, and its peak RSS (KiB)."""
    start = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.app_child", *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    ).stdout.split()
    return float(out[-2]) - start, int(out[-1])


def demo_database(folder: Path) -> Path:
    from studygroup.demo import create_demo
    from studygroup.storage.store import Store

    db = folder / "bench.db"
    with Store.open(db) as store:
        create_demo(store)
    return db


def run() -> list[Figure]:
    ours, bare = [], []
    with tempfile.TemporaryDirectory() as folder:
        db = demo_database(Path(folder))
        launch("bare")  # warm the disk cache for both, so neither pays for it alone
        for _ in range(REPEATS):
            bare.append(launch("bare")[0])
            ours.append(launch("app", str(db))[0])
    figure = Figure("Cold start to Home shown", median(ours) * 1000, median(bare) * 1000, "ms", "ratio <= 1.5", False)
    figure.met = figure.ratio <= 1.5
    return [figure]
