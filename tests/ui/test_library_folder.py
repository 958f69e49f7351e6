"""The team's library folder in the app: choosing it, syncing from it (F5), the bundle written at a session's end."""

from __future__ import annotations

import pytest

from studygroup.demo import create_demo
from studygroup.exchange.library_folder import library_folder, write_session_bundle
from studygroup.model import Phase, Scenario, Session
from studygroup.storage.store import Store
from ui import dialogs
from ui.main_window import MainWindow


@pytest.fixture
def told(monkeypatch):
    """Every dialog sentence the app says, instead of a modal box."""
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: said.append((title, text)))
    return said


@pytest.fixture
def window(qtbot, store):
    win = MainWindow(store)
    qtbot.addWidget(win)
    return win


def settle(qtbot, window) -> None:
    """Until the background sync has ended and said what it did."""
    qtbot.waitUntil(lambda: not window.worker.busy(), timeout=10_000)


def other_laptop_bundle(tmp_path, folder) -> tuple[str, str]:
    """A session made on another laptop, written into the shared folder; (its id, its file name)."""
    with Store.open(tmp_path / "other.db") as other:
        session = create_demo(other)
        written = write_session_bundle(other, session.id, folder)
    return session.id, written.name


def test_f5_without_a_folder_asks_for_one_then_imports_what_is_there(qtbot, window, store, told, tmp_path, monkeypatch):
    folder = tmp_path / "team"
    folder.mkdir()
    session_id, name = other_laptop_bundle(tmp_path, folder)
    monkeypatch.setattr(dialogs, "ask_folder", lambda parent, title, start=None: folder)
    window.actions_by_id["sync_folder"].trigger()
    settle(qtbot, window)
    assert library_folder(store) == folder
    assert [s["id"] for s in store.list_sessions()] == [session_id]
    assert told[0] == ("Library folder", f"Each ended session's bundle will be written to {folder}.")
    assert told[1][0] == "Sync from library folder"
    assert told[1][1].startswith(f"Synced 1 bundle file from {folder}: 1 imported (60 new notes")
    assert [window.home.model.session_id(r) for r in range(window.home.model.rowCount())] == [session_id]
    told.clear()
    window.actions_by_id["sync_folder"].trigger()  # nothing changed since
    settle(qtbot, window)
    assert told[0][1].startswith(f"Synced 1 bundle file from {folder}: 0 imported (0 new notes")


def test_cancelling_the_folder_question_syncs_nothing(window, store, told, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_folder", lambda parent, title, start=None: None)
    assert window.sync_folder() is False
    assert (library_folder(store), told, store.list_sessions()) == (None, [], [])


def test_a_folder_that_went_away_is_one_sentence(qtbot, window, store, told, tmp_path):
    folder = tmp_path / "drive"
    folder.mkdir()
    from studygroup.exchange.library_folder import set_library_folder

    set_library_folder(store, folder)
    folder.rmdir()  # the shared drive is not mounted today
    window.sync_folder()
    settle(qtbot, window)
    assert told == [
        (
            "Sync from library folder",
            f"Not synced: There is no library folder {folder}; connect the shared drive or create the folder first.",
        )
    ]


def test_stop_using_the_folder(window, store, told, tmp_path, monkeypatch):
    from studygroup.exchange.library_folder import set_library_folder

    set_library_folder(store, tmp_path)
    monkeypatch.setattr(dialogs, "choose", lambda parent, title, text, options: 1)
    window.actions_by_id["library_folder"].trigger()
    assert library_folder(store) is None
    assert told == [("Library folder", "No library folder: ended sessions stay on this laptop only.")]


def end_a_session(window, store, monkeypatch) -> Session:
    session = Session("Tuesday", "2026-12-01", "Jo", Scenario("Co", "A baker", "Get paid"), phases=[Phase("Try", 5)])
    store.save_session(session)
    page = window.open_session(session.id)
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *args: True)
    page.console.clock.start()
    page.console.actions_by_id["end_session"].trigger()
    assert store.load_session(session.id).status == "ended"
    return session


def test_ending_a_session_writes_its_bundle_into_the_folder(window, store, told, tmp_path, monkeypatch):
    from studygroup.exchange.library_folder import set_library_folder

    folder = tmp_path / "team"
    folder.mkdir()
    set_library_folder(store, folder)
    session = end_a_session(window, store, monkeypatch)
    written = sorted(p.name for p in folder.iterdir())
    assert written == [f"2026-12-01-tuesday-{session.id[:8]}.json"]
    assert window.notice.isHidden()


def test_a_library_folder_away_at_the_end_is_a_calm_notice(window, store, told, tmp_path, monkeypatch):
    from studygroup.exchange.library_folder import set_library_folder

    folder = tmp_path / "team"
    folder.mkdir()
    set_library_folder(store, folder)
    folder.rmdir()
    end_a_session(window, store, monkeypatch)
    assert not window.notice.isHidden()
    assert window.notice.label.text() == (
        "The session is saved here; its bundle did not reach the library folder. "
        f"There is no library folder {folder}; connect the shared drive or create the folder first."
    )
