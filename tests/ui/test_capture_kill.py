"""Kill the real Capture page with SIGKILL at random moments: no acknowledged note or draft is lost."""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from studygroup.clock import ManualTime, SessionClock
from studygroup.demo import create_demo
from studygroup.storage.store import Store
from ui.capture.page import CapturePage

CHILD = Path(__file__).with_name("capture_child.py")


def run_trial(db_path: Path, session_id: str, trial: int, kill_after: int) -> tuple[list[dict], dict[str, str]]:
    """Run the child until it has acknowledged *kill_after* lines, then SIGKILL it."""
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]), QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(db_path), session_id, str(trial)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    notes, drafts = [], {}
    try:
        for _ in range(kill_after):
            line = child.stdout.readline()
            if not line:
                break
            kind, payload = line.split(" ", 1)
            payload = json.loads(payload)
            if kind == "note":
                notes.append(payload)
            else:
                drafts[payload["author"]] = payload["text"]
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
    assert notes or drafts, "the child acknowledged nothing before the kill"
    return notes, drafts


def check_after_kill(db_path: Path, session_id: str, notes: list[dict], drafts: dict[str, str]) -> dict:
    """Every acknowledged note is present; every draft is as acknowledged or a later keystroke of it."""
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with Store.open(db_path) as store:
        saved = {o.id: o for o in store.observations(session_id)}
        on_disk = {author or "": d.text for author, d in store.drafts(session_id).items()}
    for note in notes:
        assert note["id"] in saved, f"lost note {note}"
        assert (saved[note["id"]].author_id or "", saved[note["id"]].text) == (note["author"], note["text"])
    for author, acked in drafts.items():
        disk = on_disk.get(author, "")
        # Typing after the acknowledgement may have reached the disk too; or the draft became a note.
        became_note = any((o.author_id or "") == author and o.text.startswith(acked.strip()) for o in saved.values())
        assert disk.startswith(acked) or became_note, f"draft of {author}: {disk!r} lost {acked!r}"
    return on_disk


def drafts_reappear_in_the_page(qtbot, db_path: Path, session_id: str, on_disk: dict[str, str]) -> None:
    with Store.open(db_path) as store:
        session = store.load_session(session_id)
        page = CapturePage(store, session, SessionClock(session, ManualTime()))
        qtbot.addWidget(page)
        for author, text in on_disk.items():
            page.switch_author(author or None)
            assert page.editor.toPlainText() == text
        page.shutdown()
        page.close()


def kill_trials(qtbot, tmp_path: Path, trials: int, seed: int) -> int:
    rng = random.Random(seed)
    db_path = tmp_path / "capture.db"
    with Store.open(db_path) as store:
        session_id = create_demo(store).id
    acknowledged = 0
    for trial in range(trials):
        notes, drafts = run_trial(db_path, session_id, trial, kill_after=rng.randint(1, 80))
        on_disk = check_after_kill(db_path, session_id, notes, drafts)
        if trial < 3:
            drafts_reappear_in_the_page(qtbot, db_path, session_id, on_disk)
        acknowledged += len(notes) + len(drafts)
    return acknowledged


def test_a_few_kills_lose_nothing(qtbot, tmp_path):
    assert kill_trials(qtbot, tmp_path, trials=3, seed=5) > 0


@pytest.mark.slow
def test_a_hundred_kills_lose_nothing(qtbot, tmp_path):
    acknowledged = kill_trials(qtbot, tmp_path, trials=100, seed=2026)
    print(f"100 trials, {acknowledged} acknowledgements, nothing lost")
