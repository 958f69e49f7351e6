"""An import killed at any moment leaves the database as it was, or with the whole bundle: never half."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studygroup.demo import create_demo
from studygroup.exchange.bundle import export_bundle
from studygroup.model import Observation
from studygroup.storage.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def big_bundle(tmp_path_factory) -> tuple[Path, int]:
    """A session with 3,000 notes: an import long enough to be killed in the middle."""
    folder = tmp_path_factory.mktemp("kill")
    with Store.open(folder / "source.db") as store:
        session = create_demo(store)
        with store.db.atomic():
            for index in range(3000):
                store.add_observation(
                    Observation(
                        session.id, f"note {index} from the other laptop", author_id=session.participants[index % 6].id
                    )
                )
        path = folder / "big.json"
        export_bundle(store, session.id, path)
        return path, len(store.observations(session.id, include_deleted=True))


def notes_in(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return connection.execute("SELECT count(*) FROM observations").fetchone()[0]


@pytest.mark.parametrize("trial", range(3))
def test_a_killed_import_is_all_or_nothing(tmp_path, big_bundle, trial):
    path, total = big_bundle
    db = tmp_path / f"target-{trial}.db"
    with Store.open(db) as store:
        create_demo(store)  # what was there before: 60 notes
    child = subprocess.Popen(
        [sys.executable, "-m", "studygroup", "import", str(path), "--db", str(db)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    time.sleep(
        random.Random(trial).uniform(0.2, 1.0)
    )  # (a whole import takes about 1 s) start-up, checking, then the one transaction
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert notes_in(db) in (60, 60 + total)
