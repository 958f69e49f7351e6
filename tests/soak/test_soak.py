"""The real app through a real session: the installed command on a virtual X screen, driven by
real key events for minutes of wall time, as a facilitator and participants would.

Unit tests inject time; this one lets the app live. It exists because the app once aborted two
minutes into every running session (a reference dropped on each Signal.emit() by the binding)
while every unit test passed. Run it with `python -m pytest -m "soak and not slow"`; the hour-long
version is `-m "soak and slow"`. Screenshots go to $STUDYGROUP_SOAK_SHOTS when set.
"""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from studygroup.clock import SessionClock, SystemTime
from studygroup.demo import demo_scenario
from studygroup.lock import FacilitatorLock, PinStore
from studygroup.model import Participant, Phase, Session
from studygroup.storage.store import Store
from tests.soak.room import RealApp, VirtualScreen, require_tools

PEOPLE = ("Ada Obi", "Bo Lind", "Cy Marsh", "Di Ferro", "Ed Nakamura")
MAX_GROWTH_MIB = 30.0
PIN = "2468"
# The only warning a machine without a sound server may log; anything else in the log fails the soak.
EXPECTED_LOG_WARNINGS = ("PulseAudioService: pa_context_connect() failed",)


def soak_seconds(default: int) -> int:
    return int(os.environ.get("STUDYGROUP_SOAK_SECONDS", default))


@pytest.fixture
def screen():
    require_tools()
    display = VirtualScreen()
    yield display
    display.close()


@pytest.fixture
def out_dir(tmp_path) -> Path:
    chosen = os.environ.get("STUDYGROUP_SOAK_SHOTS")
    path = Path(chosen) if chosen else tmp_path / "shots"
    path.mkdir(parents=True, exist_ok=True)
    return path


def running_session(db: Path) -> Session:
    """A session already on the clock: three two-minute phases (so phases end, with their chimes)
    and a long last one; the app reopens it by itself at start, as after a restart in the room."""
    phases = [
        Phase("Welcome", 2, "Meet the customer"),
        Phase("Sign up", 2, "Open an account"),
        Phase("First payment", 2, "Take a card payment"),
        Phase("Share-out", 60, "What stood out?"),
    ]
    session = Session(
        title="Soak group",
        date=time.strftime("%Y-%m-%d"),
        facilitator="Fran",
        scenario=demo_scenario(),
        phases=phases,
        auto_advance=True,
        participants=[Participant(name) for name in PEOPLE],
    )
    with Store.open(db) as store:
        store.save_session(session)
        SessionClock(session, SystemTime(), persist=store.save_clock).start()
    return session


def laptop_two_bundle(folder: Path) -> Path:
    """A 500-note session from another laptop, as a bundle file to import in the room."""
    from benchmarks.bigsession import big_session
    from studygroup.exchange.bundle import export_bundle

    session, notes = big_session(500, seed=5)
    session.title = "From laptop two"
    with Store.open(folder / "laptop-two.db") as other:
        other.save_session(session)
        other.put_observations(notes)
        export_bundle(other, session.id, folder / "laptop-two.json")
    return folder / "laptop-two.json"


class Room:
    """What the people in the room do, on a schedule over real time."""

    def __init__(self, app: RealApp, bundle: Path, seed: int = 7):
        self.app, self.bundle, self.random = app, bundle, random.Random(seed)
        self.typed: list[str] = []
        self.projector_opened = self.rounds = self.reveals = self.imports = 0

    def write_note(self) -> None:
        person = self.random.randint(1, len(PEOPLE))
        text = f"soak note {len(self.typed) + 1} from person {person} the button label was unclear"
        self.app.keys("alt+p", f"ctrl+{person}")
        self.app.type(text)
        self.app.keys("Return")
        self.typed.append(text)

    def open_and_close_projector(self) -> None:
        self.app.keys("alt+r", "ctrl+p")
        projector = self.app.wait_for_window(lambda name: "— projector" in name)
        time.sleep(3)  # the room looks at it; the clock keeps drawing on both windows
        if not self.projector_opened:
            self.app.screenshot("projector")
        self.app.keys("Escape", window=projector)
        self.projector_opened += 1

    def question_round(self) -> None:
        self.app.keys("alt+r", "ctrl+shift+q", "ctrl+shift+r")
        time.sleep(4)
        self.app.keys("ctrl+shift+Right")
        time.sleep(4)
        if not self.rounds:
            self.app.screenshot("question-round")
        self.app.keys("ctrl+shift+End", "ctrl+shift+q")
        self.rounds += 1

    def reveal_notes(self) -> None:
        """The share-out: every note on the projector by journey step, then the room view again."""
        self.app.keys("alt+r", "ctrl+g")
        self.app.wait_for_window(lambda name: "— projector" in name)
        time.sleep(3)
        if not self.reveals:
            self.app.screenshot("reveal")
        self.app.keys("ctrl+g")
        self.reveals += 1

    def import_bundle(self) -> None:
        """File > Import bundle… with laptop two's 500 notes: it runs in the background, then says what it did."""
        self.app.keys("ctrl+o")
        chooser = self.app.wait_for_window(lambda name: name.startswith("Import bundle"))
        self.app.keys("ctrl+a", window=chooser)
        self.app.xdotool("type", "--delay", "10", str(self.bundle))
        self.app.keys("Return", window=chooser)
        report = self.report_window(besides=chooser)
        if not self.imports:
            self.app.screenshot("import-report")
        self.app.keys("Return", window=report)
        self.imports += 1

    def report_window(self, besides: str, timeout: float = 30.0) -> str:
        """The import's report box: an "Import bundle" window other than the file chooser, which has closed."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [wid for wid, name in self.app.windows().items() if name.startswith("Import bundle")]
            if found and besides not in found:
                return found[0]
            time.sleep(0.2)
        raise AssertionError(f"no import report within {timeout} s; saw {self.app.windows()}")

    def live_for(self, seconds: float) -> list[float]:
        """Notes every 5 to 10 s; the projector, the reveal, a bundle import and a question round each cycle; RSS."""
        start, samples, cycle_done = time.monotonic(), [], set()
        while (elapsed := time.monotonic() - start) < seconds:
            assert self.app.alive(), f"the app died after {elapsed:.0f} s: {self.app.stderr()[-3000:]}"
            cycle, offset = divmod(int(elapsed), 150)
            if offset >= 40 and (cycle, "projector") not in cycle_done:
                cycle_done.add((cycle, "projector"))
                self.open_and_close_projector()
            elif offset >= 60 and (cycle, "reveal") not in cycle_done:
                cycle_done.add((cycle, "reveal"))
                self.reveal_notes()
            elif offset >= 75 and (cycle, "import") not in cycle_done:
                cycle_done.add((cycle, "import"))
                self.import_bundle()
            elif offset >= 90 and (cycle, "round") not in cycle_done:
                cycle_done.add((cycle, "round"))
                self.question_round()
            else:
                self.write_note()
            samples.append(self.app.rss_mib())
            time.sleep(self.random.uniform(5, 10))
        return samples


def saved_in_log(log_text: str) -> list[str]:
    return re.findall(r"note saved ([0-9a-f-]{36})", log_text)


def unexpected_log_lines(log_text: str) -> list[str]:
    lines = [
        line for line in log_text.splitlines() if re.search(r" (WARNING|ERROR|CRITICAL) ", line) or "Traceback" in line
    ]
    return [
        line
        for line in lines
        if not any(known in line for known in EXPECTED_LOG_WARNINGS) and "ended without closing" not in line
    ]


def notes_on_disk(db: Path, session_id: str) -> dict[str, str]:
    """What another process reads from the file right now: the proof of a commit."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        rows = conn.execute(
            "SELECT id, text FROM observations WHERE session_id = ? AND deleted_at IS NULL", (session_id,)
        ).fetchall()
    return dict(rows)


def run_the_hour(tmp_path: Path, screen: VirtualScreen, out_dir: Path, seconds: int) -> None:
    db = tmp_path / "room.db"
    session = running_session(db)
    app = RealApp(screen, db, out_dir)
    try:
        time.sleep(2)
        app.screenshot("run-at-start")
        room = Room(app, laptop_two_bundle(tmp_path))
        samples = room.live_for(seconds)
        assert app.alive(), f"the app died: {app.stderr()[-3000:]}"
        app.screenshot("capture-at-end")
        log_path = Path(os.environ["XDG_STATE_HOME"]) / "studygroup" / "log" / "studygroup.log"
        log_text = log_path.read_text(encoding="utf-8")
        on_disk = notes_on_disk(db, session.id)
        acknowledged = saved_in_log(log_text)
        assert acknowledged, "no note was acknowledged"
        assert set(acknowledged) <= set(on_disk), "an acknowledged note is missing from the database"
        assert sorted(on_disk.values()) == sorted(room.typed), "a typed note was not saved whole"
        assert room.projector_opened >= 1 and room.rounds >= 1 and room.reveals >= 1 and room.imports >= 1
        with Store.open(db) as store:
            imported = [s for s in store.list_sessions() if s["title"] == "From laptop two"]
            assert [s["notes"] for s in imported] == [500], "laptop two's bundle was not imported whole"
        assert log_text.count("chime played") >= 2, "no phase end chimed"
        with Store.open(db) as store:
            held = store.load_session(session.id)
            assert held.current_phase >= 1, "no phase ended"
            spoke = [p.name for p in held.participants if p.airtime_seconds > 0]
            assert len(spoke) >= 2, f"the question round's keys did not move the turn on: only {spoke} spoke"
        growth = samples[-1] - samples[min(3, len(samples) - 1)]
        report = (
            f"soak: {seconds} s, {len(room.typed)} notes typed, {len(acknowledged)} acknowledged, "
            f"{len(on_disk)} on disk, {log_text.count('chime played')} chimes, "
            f"{room.projector_opened} projector views, {room.reveals} reveals, {room.imports} bundle imports, "
            f"{room.rounds} question rounds, "
            f"RSS {samples[0]:.1f} -> {samples[-1]:.1f} MiB (growth {growth:+.1f} MiB after warm-up)"
        )
        (out_dir / "soak-report.txt").write_text(report + "\n", encoding="utf-8")
        print(report)
        assert growth < MAX_GROWTH_MIB, f"resident memory grew by {growth:.1f} MiB: {samples}"
        assert unexpected_log_lines(log_text) == []
        app.keys("ctrl+q")
        assert app.wait_exit(timeout=20) == 0
        assert app.stderr() == "", "the app printed to stderr"
    finally:
        app.kill()


@pytest.mark.soak
def test_five_minutes_in_the_room(tmp_path, screen, out_dir):
    run_the_hour(tmp_path, screen, out_dir, soak_seconds(300))


@pytest.mark.soak
@pytest.mark.slow
def test_a_whole_hour_in_the_room(tmp_path, screen, out_dir):
    run_the_hour(tmp_path, screen, out_dir, soak_seconds(3600))


@pytest.mark.soak
def test_after_a_crash_the_next_start_names_the_crash_log(tmp_path, screen, out_dir):
    db = tmp_path / "crash.db"
    running_session(db)
    app = RealApp(screen, db, out_dir)
    time.sleep(2)
    app.kill(signal.SIGSEGV)
    log_dir = Path(os.environ["XDG_STATE_HOME"]) / "studygroup" / "log"
    crash_text = (log_dir / "crash.log").read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in crash_text
    again = RealApp(screen, db, out_dir)
    try:
        time.sleep(2)
        again.screenshot("after-crash")
        assert "ended without closing" in (log_dir / "studygroup.log").read_text(encoding="utf-8")
        again.keys("ctrl+q")
        assert again.wait_exit(timeout=20) == 0
    finally:
        again.kill()


@pytest.mark.soak
def test_the_lock_in_the_room(tmp_path, screen, out_dir):
    """A locked session, driven by real keys: typing never meets a PIN box; guarded keys ask once."""
    db = tmp_path / "lock.db"
    running_session(db)
    with Store.open(db) as store:
        pins = PinStore(store)
        pins.set_pin(PIN)
        FacilitatorLock(pins).lock()
    app = RealApp(screen, db, out_dir)
    try:
        time.sleep(2)
        app.keys("alt+p", "ctrl+1")
        app.type("locked note one")
        app.keys("alt+v", "alt+p", "Return")  # a look at the review tab types nothing into the note
        assert wait_for(lambda: saved_notes(db)[-1:] == [("locked note one", False)])
        for keys, tab in (
            ("ctrl+0", "alt+p"),
            ("ctrl+Right", "alt+r"),
            ("ctrl+Up", "alt+r"),
            ("space", "alt+r"),
            ("ctrl+e", "alt+r"),
            ("alt+Home", "alt+p"),
            ("ctrl+q", "alt+p"),
        ):
            app.keys(tab, keys)
            prompt = app.wait_for_window(lambda name: name.startswith("Facilitator PIN"))
            app.keys("Escape", window=prompt)  # cancelled: nothing happens
            assert app.alive(), f"{keys} cancelled ended the app"
        assert phase_and_status(db) == (0, "running")
        app.keys("alt+p", "ctrl+0")
        prompt = app.wait_for_window(lambda name: name.startswith("Facilitator PIN"))
        app.screenshot("lock-prompt")
        app.xdotool("type", "--delay", "25", PIN)
        app.xdotool("key", "Return")
        app.type("as the facilitator")
        app.keys("Return")
        assert wait_for(lambda: saved_notes(db)[-1:] == [("as the facilitator", True)])
        app.keys("ctrl+1", "ctrl+l")  # unlock, then the next words go to the note, not to a PIN box
        prompt = app.wait_for_window(lambda name: name.startswith("Facilitator PIN"))
        app.xdotool("type", "--delay", "25", PIN)
        app.xdotool("key", "Return")
        app.type("after unlocking the words land in the note")
        app.keys("Return")
        assert wait_for(lambda: saved_notes(db)[-1][0] == "after unlocking the words land in the note")
        app.keys("ctrl+q")
        assert app.wait_exit(timeout=20) == 0
        assert app.stderr() == ""
    finally:
        app.kill()


def saved_notes(db: Path) -> list[tuple[str, bool]]:
    """(text, written as the facilitator) of every note, read by another process."""
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT text, author_id IS NULL FROM observations ORDER BY rowid").fetchall()
    return [(text, bool(facilitator)) for text, facilitator in rows]


def phase_and_status(db: Path) -> tuple[int, str]:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT current_phase, status FROM sessions").fetchone()


def wait_for(condition, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False
