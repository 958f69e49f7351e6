"""A damaged database at start: a clear choice, and the damaged file is never overwritten."""

from __future__ import annotations

import pytest

from studygroup.backup import backup_dir, make_backup
from studygroup.demo import create_demo
from studygroup.store import Store
from ui import app, dialogs

GARBAGE = b"this is not a database" * 100


@pytest.fixture
def damaged(tmp_path):
    """A database with a backup holding the demo, then the live file overwritten with junk."""
    path = tmp_path / "notes.db"
    with Store.open(path) as store:
        demo_id = create_demo(store).id
        make_backup(store.db.connection, path)
    for side in (path, path.with_name("notes.db-wal"), path.with_name("notes.db-shm")):
        side.unlink(missing_ok=True)
    path.write_bytes(GARBAGE)
    return path, demo_id


def kept_aside(path):
    return [p for p in path.parent.glob("notes-*.db") if p.read_bytes() == GARBAGE]


def test_open_latest_backup(damaged, monkeypatch):
    path, demo_id = damaged
    offered = []
    monkeypatch.setattr(dialogs, "choose", lambda parent, title, text, options: offered.append((text, options)) or 0)
    store = app.open_or_recover(path)
    with store:
        assert store.load_session(demo_id).id == demo_id
    text, options = offered[0]
    assert str(path) in text and options[0].startswith("Open the latest backup") and options[1] == "Start a new file"
    assert len(kept_aside(path)) == 1


def test_start_a_new_file(damaged, monkeypatch):
    path, _ = damaged
    monkeypatch.setattr(dialogs, "choose", lambda *args: 1)
    with app.open_or_recover(path) as store:
        assert store.list_sessions() == []
    assert len(kept_aside(path)) == 1


def test_cancel_changes_nothing(damaged, monkeypatch):
    path, _ = damaged
    monkeypatch.setattr(dialogs, "choose", lambda *args: None)
    assert app.open_or_recover(path) is None
    assert path.read_bytes() == GARBAGE and not kept_aside(path)


def test_without_backups_only_a_new_file_is_offered(tmp_path, monkeypatch):
    path = tmp_path / "notes.db"
    path.write_bytes(GARBAGE)
    assert not backup_dir(path).exists()
    seen = []
    monkeypatch.setattr(dialogs, "choose", lambda parent, title, text, options: seen.append(options) or 0)
    with app.open_or_recover(path) as store:
        assert store.list_sessions() == []
    assert seen == [["Start a new file"]]
