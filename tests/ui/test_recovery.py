"""A damaged database at start: a clear choice, and the damaged file is never overwritten."""

from __future__ import annotations

import pytest

from studygroup.demo import create_demo
from studygroup.storage.backup import backup_dir, make_backup
from studygroup.storage.store import Store
from tests.damage import connect_failing, damage
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


@pytest.mark.parametrize("choice", [0, 1, None])
def test_a_file_failing_its_integrity_check_goes_to_the_same_recovery(tmp_path, monkeypatch, choice):
    """Header and schema intact, pages in the middle overwritten: only the integrity check at open sees it."""
    path = tmp_path / "notes.db"
    with Store.open(path) as store:
        demo_id = create_demo(store).id
        make_backup(store.db.connection, path)
        create_demo(store)  # after the backup: lost with the damage, as in real life
    damaged = damage(path)
    offered = []
    monkeypatch.setattr(dialogs, "choose", lambda parent, title, text, options: offered.append(text) or choice)
    store = app.open_or_recover(path)
    assert len(offered) == 1 and f"The file {path} is damaged" in offered[0]
    kept = [p for p in tmp_path.glob("notes-*.db") if p.read_bytes() == damaged]
    if choice is None:
        assert store is None and path.read_bytes() == damaged and not kept
        return
    with store:
        assert [s["id"] for s in store.list_sessions()] == ([demo_id] if choice == 0 else [])
    assert len(kept) == 1


def test_a_failed_daily_backup_is_one_line_and_the_app_goes_on(tmp_path, capsys):
    path = tmp_path / "notes.db"
    backup_dir(path).write_text("a file where the backup folder should be", encoding="utf-8")
    with Store.open(path) as store:
        app._daily_backup(store)
    err = capsys.readouterr().err
    assert err.startswith(f"studygroup: the daily backup failed: No backup of {path} could be made")
    assert err.count("\n") == 1


def test_a_failing_disk_is_said_and_moves_nothing_aside(tmp_path, monkeypatch):
    """An I/O error is not damage: the file may be sound on a disk that comes back, so no recovery is offered."""
    path = tmp_path / "notes.db"
    Store.open(path).close()
    before = sorted(tmp_path.iterdir())
    said = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(dialogs, "choose", lambda *args: pytest.fail("offered to replace a file that is not damaged"))
    connect_failing(monkeypatch, "SQLITE_IOERR_WRITE")
    assert app.open_or_recover(path) is None
    assert said == [
        f"The disk holding {path} could not be read or written (SQLITE_IOERR_WRITE); check the disk and try again."
    ]
    assert sorted(tmp_path.iterdir()) == before
