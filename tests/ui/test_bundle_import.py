"""Importing a bundle from the app: the menu item and a file dropped on the window, one dialog each."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from studygroup.demo import create_demo
from studygroup.exchange.bundle import bundle_dict, export_bundle
from studygroup.model import Observation
from studygroup.storage.store import Store
from ui import dialogs


@pytest.fixture
def told(monkeypatch):
    said = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: said.append((title, text)))
    return said


def settle(qtbot, window) -> None:
    """Until the background import has ended and said what it did."""
    qtbot.waitUntil(lambda: not window.worker.busy(), timeout=10_000)


def bundle_from_another_laptop(tmp_path, extra_note: str | None = None):
    with Store.open(tmp_path / "other.db") as other:
        session = create_demo(other)
        if extra_note:
            other.add_observation(Observation(session.id, extra_note, author_id=session.participants[0].id))
        path = tmp_path / "from-laptop-two.json"
        export_bundle(other, session.id, path)
    return session, path


def test_the_menu_item_imports_and_says_what_it_did(qtbot, window, store, told, tmp_path, monkeypatch):
    session, path = bundle_from_another_laptop(tmp_path)
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *args: path)
    rows_behind_the_report = []
    monkeypatch.setattr(
        dialogs,
        "inform",
        lambda parent, title, text: (
            told.append((title, text)) or rows_behind_the_report.append(window.home.model.rowCount())
        ),
    )
    window.actions_by_id["import_bundle"].trigger()
    settle(qtbot, window)
    assert rows_behind_the_report == [1]  # the report is read over the list that already shows the session
    assert told == [
        (
            "Import bundle",
            f"Imported '{session.title}' ({session.id}): 60 new notes, 0 updated from "
            "newer edits, 0 earlier texts kept as versions, 0 already here.",
        )
    ]
    assert window.home.model.rowCount() == 1 and len(store.observations(session.id)) == 60


def test_a_refused_bundle_is_one_sentence_and_changes_nothing(qtbot, window, store, told, tmp_path, monkeypatch):
    session, path = bundle_from_another_laptop(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["observations"][12]["severity"] = 4
    path.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *args: path)
    window.actions_by_id["import_bundle"].trigger()
    settle(qtbot, window)
    assert told == [
        (
            "Not imported",
            "from-laptop-two.json was not imported: observations[12].severity: 4 is not "
            "one of 1, 2, 3. Nothing was changed.",
        )
    ]
    assert store.list_sessions() == []


def drag_events(path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    actions = Qt.DropAction.CopyAction
    return (
        QDragEnterEvent(
            QPointF(10, 10).toPoint(), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        ),
        QDropEvent(QPointF(10, 10), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier),
        mime,
    )


def test_a_bundle_dropped_on_the_window_is_imported(qtbot, window, store, told, tmp_path):
    session, path = bundle_from_another_laptop(tmp_path)
    enter, drop, _mime = drag_events(path)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    window.dropEvent(drop)
    settle(qtbot, window)
    assert told and told[0][0] == "Import bundle" and len(store.observations(session.id)) == 60


def test_other_files_are_not_offered_for_dropping(window, tmp_path):
    enter, _drop, _mime = drag_events(tmp_path / "notes.txt")
    enter.ignore()
    window.dragEnterEvent(enter)
    assert not enter.isAccepted()


def test_the_open_session_shows_the_notes_that_came_in(qtbot, window, store, told, tmp_path):
    session, path = bundle_from_another_laptop(tmp_path)
    window.import_bundle(path)
    settle(qtbot, window)
    data = bundle_dict(store, session.id)  # laptop two adds a note to the same session
    data["observations"].append(
        dict(
            {k: v for k, v in data["observations"][0].items() if k != "versions"},
            id="5b8f9a52-0000-4000-8000-00000000abcd",
            text="typed on laptop two",
        )
    )
    path.write_text(json.dumps(data), encoding="utf-8")
    window.open_session(session.id)
    window.import_bundle(path)
    settle(qtbot, window)
    assert "typed on laptop two" in [n.text for n in window.session_page.capture.feed_model.notes()]
