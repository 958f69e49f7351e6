"""The replaced-file check (one os.stat before each write transaction) against the save it guards."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.common import Figure, median, percentile
from studygroup.demo import create_demo
from studygroup.model import Observation
from studygroup.storage.store import Store

CHECKS = 20_000
SAVES = 300


def _one_run(folder: Path) -> tuple[float, float]:
    """Seconds per check (a mean over CHECKS) and the p50 of SAVES durable saves, same file."""
    with Store.open(folder / "check.db") as store:
        session = create_demo(store)
        start = time.perf_counter()
        for _ in range(CHECKS):
            store.db.file_replaced()
        check = (time.perf_counter() - start) / CHECKS
        saves = []
        for i in range(SAVES):
            note = Observation(
                session.id,
                f"note {i}",
                author_id=session.participants[0].id,
                phase_id=session.phases[2].id,
                session_seconds=i,
            )
            start = time.perf_counter()
            store.add_observation(note)
            saves.append(time.perf_counter() - start)
    return check, percentile(saves, 50)


def run(repeats: int = 5) -> list[Figure]:
    """The check's cost as a share of a save's p50, each the median over *repeats* runs."""
    checks, saves = [], []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as folder:
            check, save = _one_run(Path(folder))
        checks.append(check)
        saves.append(save)
    figure = Figure(
        "Replaced-file check per write (vs a save's p50)",
        median(checks) * 1e6,
        median(saves) * 1e6,
        "µs",
        "ratio <= 0.02",
        False,
        note="the baseline column is Store.add_observation's p50 on the same file, check included",
    )
    figure.met = figure.ratio <= 0.02
    return [figure]
