"""Imports and syncs run off the UI thread: the room keeps typing while a bundle comes in."""

from __future__ import annotations

import gc
import sys
import threading

import pytest

from studygroup.demo import create_demo
from studygroup.exchange import bundle
from studygroup.exchange.bundle import export_bundle
from studygroup.model import Observation
from studygroup.storage.store import Store
from ui import background, dialogs
from ui.background import WorkerGuard
from ui.main_window import MainWindow


@pytest.fixture
def told(monkeypatch):
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: said.append((title, text)))
    return said


@pytest.fixture
def window(qtbot, store):
    win = MainWindow(store)
    qtbot.addWidget(win)
    yield win
    win.worker.wait()


@pytest.fixture
def held_import(monkeypatch):
    """import_bundle, held in its worker thread until the test lets it go."""
    release, entered, threads = threading.Event(), threading.Event(), []
    real = bundle.import_bundle

    def held(store, path):
        threads.append(threading.current_thread())
        entered.set()
        assert release.wait(10)
        return real(store, path)

    monkeypatch.setattr("ui.bundle_import.import_bundle", held)
    yield entered, release, threads
    release.set()


def other_laptop_bundle(tmp_path):
    with Store.open(tmp_path / "other.db") as other:
        session = create_demo(other)
        export_bundle(other, session.id, tmp_path / "b.json")
    return session, tmp_path / "b.json"


def test_a_note_is_saved_while_an_import_runs(qtbot, window, store, told, tmp_path, held_import):
    entered, release, threads = held_import
    session, path = other_laptop_bundle(tmp_path)
    mine = create_demo(store)
    assert window.import_bundle(path) is True  # returns at once: the import runs in its own thread
    assert entered.wait(10) and threads[0] is not threading.main_thread()
    assert window.notice.isVisibleTo(window) and "in the background" in window.notice.label.text()
    store.add_observation(Observation(mine.id, "typed while the bundle came in"))  # not blocked
    release.set()
    qtbot.waitUntil(lambda: not window.worker.busy(), timeout=10_000)
    assert told[0][0] == "Import bundle" and len(store.observations(session.id)) == 60
    assert "typed while the bundle came in" in [n.text for n in store.observations(mine.id)]
    assert not window.notice.isVisibleTo(window)  # the "working" notice goes when the work is done


def test_a_second_import_while_one_runs_is_one_sentence(qtbot, window, told, tmp_path, held_import):
    entered, release, _threads = held_import
    _session, path = other_laptop_bundle(tmp_path)
    assert window.import_bundle(path) is True and entered.wait(10)
    assert window.import_bundle(path) is False
    assert told == [
        (
            "Import bundle",
            "b.json was not imported: another import or sync is still running; try again when it has finished.",
        )
    ]
    release.set()
    qtbot.waitUntil(lambda: not window.worker.busy(), timeout=10_000)


def test_an_unexpected_error_in_the_worker_is_one_sentence(qtbot, window, told, tmp_path, monkeypatch):
    def broken(store, path):
        raise RuntimeError("a bug")

    monkeypatch.setattr("ui.bundle_import.import_bundle", broken)
    _session, path = other_laptop_bundle(tmp_path)
    window.import_bundle(path)
    qtbot.waitUntil(lambda: not window.worker.busy(), timeout=10_000)
    assert told == [
        (
            "Not imported",
            "b.json was not imported: Importing b.json failed unexpectedly (RuntimeError); the log has the details."
            " Nothing was changed.",
        )
    ]


def test_workers_pause_the_collector_and_shorten_the_gil_turn_until_the_last_ends():
    before = sys.getswitchinterval()
    assert gc.isenabled() and WorkerGuard.running == 0
    WorkerGuard.enter()
    WorkerGuard.enter()  # an export beside an import
    assert not gc.isenabled() and sys.getswitchinterval() == pytest.approx(background.WORKER_SWITCH_INTERVAL)
    WorkerGuard.leave()
    assert not gc.isenabled()  # the other worker still runs
    WorkerGuard.leave()
    assert gc.isenabled() and sys.getswitchinterval() == pytest.approx(before)
