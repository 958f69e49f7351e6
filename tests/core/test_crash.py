"""Kill a writing process with SIGKILL at random moments: nothing acknowledged is ever lost."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from studygroup.demo import create_demo
from studygroup.storage.store import Store

WRITER = Path(__file__).with_name("crash_writer.py")


def run_trial(db_path: Path, session_id: str, start: int, kill_after: int) -> tuple[dict, dict]:
    """Run the writer until it has acknowledged *kill_after* lines, then SIGKILL it."""
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    child = subprocess.Popen(
        [sys.executable, str(WRITER), str(db_path), session_id, str(start)], stdout=subprocess.PIPE, text=True, env=env
    )
    notes, drafts = {}, {}
    try:
        for _ in range(kill_after):
            line = child.stdout.readline()
            if not line:
                break
            kind, key, rest = line.rstrip("\n").split(" ", 2)
            if kind == "note":
                notes[int(key)] = rest
            else:
                drafts[key] = rest
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
    return notes, drafts


def check_after_crash(db_path: Path, session_id: str, notes: dict, drafts: dict) -> int:
    """Every acknowledged note and draft is present and intact; returns losses (always 0)."""
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with Store.open(db_path) as store:
        saved = {o.id: o for o in store.observations(session_id)}
        on_disk = store.drafts(session_id)
    lost = [i for i, note_id in notes.items() if note_id not in saved or saved[note_id].text != f"note {i} é中 <&>"]
    for author, text in drafts.items():
        # The draft on disk is the acknowledged one, or a later keystroke that was not yet acknowledged.
        index = int(text.rsplit(" ", 1)[1])
        disk_index = int(on_disk[author].text.rsplit(" ", 1)[1])
        assert disk_index >= index
    assert not lost, f"lost notes {lost}"
    return len(lost)


def crash_trials(tmp_path: Path, trials: int, seed: int) -> int:
    rng = random.Random(seed)
    db_path = tmp_path / "crash.db"
    with Store.open(db_path) as store:
        session_id = create_demo(store).id
    acknowledged = 0
    for trial in range(trials):
        notes, drafts = run_trial(db_path, session_id, start=trial * 100_000, kill_after=rng.randint(1, 120))
        check_after_crash(db_path, session_id, notes, drafts)
        acknowledged += len(notes)
    return acknowledged


def test_a_few_kills_lose_nothing(tmp_path):
    assert crash_trials(tmp_path, trials=3, seed=1) > 0


@pytest.mark.slow
def test_two_hundred_kills_lose_nothing(tmp_path):
    acknowledged = crash_trials(tmp_path, trials=200, seed=2026)
    print(f"200 trials, {acknowledged} acknowledged notes, 0 lost")
