"""Cold start: process start to the main window shown with its session list, against a bare
PySide6 QMainWindow shown, each in a fresh subprocess (offscreen).

Both children read compiled bytecode from one cache in the benchmark's temporary folder
(PYTHONPYCACHEPREFIX), filled by an untimed launch of each first. An installed studygroup
starts from bytecode (pip compiles it at install time; the frozen build ships it), but with
PYTHONDONTWRITEBYTECODE=1, as on the machines that run these benchmarks, every child compiled
the studygroup modules it imports from source on every start (57 of them, about 70 ms of CPU),
while PySide6 and the standard library came from their installed caches: the bare window never
paid for compiling. Whether a tree had a stale __pycache__ (a test's subprocess can leave one)
also changed the figure; the cache in the temporary folder makes it the same every run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import Figure, median

REPEATS = 7
BYTECODE_NOTE = "both children start from compiled bytecode, as an installed app does (bench_startup.py says why)"
MISSED_NOTE = (
    "; missed. CPU time by phase, best of 15 runs, profiled with the same bytecode: the bare window is Python 24 ms, "
    "PySide6's import 74 ms and the window 15 ms. studygroup adds its core (the Store and the command line, 65 ms: "
    "more than the whole 1.5x allowance of about 58 ms), the enums of Qt's Qt namespace (20 ms, made on the first "
    "use of any Qt.* value), Home's modules (33 ms; ui.help and the Capture widgets it imports are 10 ms of it), "
    "fonts and stylesheet (7 ms), QtNetwork for the single-instance socket (6 ms) and building Home (29 ms). "
    "Already done: boxes, the demo, bundles, the library folder and QtSvg load on first use, and the window "
    "is built frame first so no widget is restyled twice (building it took 45 ms before)"
)


def launch(*args: str, pycache: Path | None = None) -> tuple[float, int]:
    """Seconds from spawning the child to its window shown, and its peak RSS (KiB).

    With *pycache*, the child reads and writes its bytecode there, whatever PYTHONDONTWRITEBYTECODE says.
    """
    env = dict(os.environ)
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    start = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.app_child", *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
        env=env,
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
        pycache = Path(folder) / "pycache"
        # Untimed: fills the bytecode cache and warms the disk cache for both, so neither pays for it alone.
        launch("bare", pycache=pycache)
        launch("app", str(db), pycache=pycache)
        for _ in range(REPEATS):
            bare.append(launch("bare", pycache=pycache)[0])
            ours.append(launch("app", str(db), pycache=pycache)[0])
    figure = Figure("Cold start to Home shown", median(ours) * 1000, median(bare) * 1000, "ms", "ratio <= 1.5", False)
    figure.met = figure.ratio <= 1.5
    figure.note = BYTECODE_NOTE + ("" if figure.met else MISSED_NOTE)
    return [figure]
