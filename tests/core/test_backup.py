"""Online backups, pruning to the last N, and restore that keeps the current file and waits for the app to close."""

import datetime
import os
import pathlib
import shutil
import socket
import sqlite3
import subprocess
import sys

import pytest

from studygroup.cli import main
from studygroup.demo import create_demo
from studygroup.errors import BackupFailed
from studygroup.storage import backup as backup_module
from studygroup.storage.backup import backup_dir, backup_due, list_backups, make_backup, restore_backup
from studygroup.storage.store import Store
from tests.damage import fail_after_open


def test_backup_is_a_complete_database(store):
    session = create_demo(store)
    backup = make_backup(store.db.connection, store.path)
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT count(*) FROM observations").fetchone()[0] == 60
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    copy.close()
    with Store.open(backup) as reopened:
        assert reopened.load_session(session.id).title == session.title


def test_only_the_newest_n_are_kept(store):
    start = datetime.datetime(2026, 1, 1)
    made = [
        make_backup(store.db.connection, store.path, keep=3, now=start + datetime.timedelta(days=i)) for i in range(5)
    ]
    assert list_backups(store.path) == list(reversed(made[-3:]))


@pytest.mark.parametrize("keep", [0, -1])
def test_keeping_fewer_than_one_is_refused_before_anything_is_made_or_pruned(store, keep):
    earlier = make_backup(store.db.connection, store.path)
    with pytest.raises(ValueError, match="at least 1"):
        make_backup(store.db.connection, store.path, keep=keep)
    assert list_backups(store.path) == [earlier]


@pytest.mark.parametrize(
    ("fault", "reason"),
    [("SQLITE_FULL", "the disk is full"), ("SQLITE_IOERR_WRITE", "disk I/O error, SQLITE_IOERR_WRITE")],
)
def test_a_failed_backup_is_one_sentence_and_leaves_no_half_copy(tmp_path, monkeypatch, fault, reason):
    db = tmp_path / "room.db"
    with Store.open(db) as store:
        earlier = make_backup(store.db.connection, db, keep=1)
    fail_after_open(monkeypatch, fault)
    with Store.open(db) as store, pytest.raises(BackupFailed) as failed:
        make_backup(store.db.connection, db, keep=1)
    assert str(failed.value) == (
        f"No backup of {db} could be made in {backup_dir(db)} ({reason}); the database itself is unchanged."
    )
    assert list(backup_dir(db).iterdir()) == [earlier]


def test_a_backup_folder_that_cannot_be_made_is_one_sentence(store):
    backup_dir(store.path).write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(BackupFailed, match=r"^No backup of .* could be made in .*\(File exists\); "):
        make_backup(store.db.connection, store.path)


def test_backup_due_at_most_daily(store):
    assert backup_due(store.path)
    make_backup(store.db.connection, store.path)
    assert not backup_due(store.path)
    assert backup_due(store.path, now=datetime.datetime.now() + datetime.timedelta(days=1, seconds=1))


def test_restore_keeps_the_current_file_aside(tmp_path, capsys):
    db = tmp_path / "main.db"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["backup", "--db", str(db)]) == 0
    assert main(["demo", "--db", str(db)]) == 0  # a second session after the backup
    capsys.readouterr()
    assert main(["restore", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "kept as" in out
    with Store.open(db) as restored:
        assert len(restored.list_sessions()) == 1
    aside = next(tmp_path.glob("main-before-restore-*.db"))
    with Store.open(aside) as previous:
        assert len(previous.list_sessions()) == 2


def test_restore_refuses_a_damaged_backup(tmp_path, capsys):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"nope" * 500)
    assert main(["restore", str(bad), "--db", str(tmp_path / "x.db")]) == 2
    assert "damaged" in capsys.readouterr().err


def test_restore_without_backups_is_one_line(tmp_path, capsys):
    assert main(["restore", "--db", str(tmp_path / "none.db")]) == 2
    assert "no backups" in capsys.readouterr().err


# --- restore and a running app --------------------------------------------------------------------


def lock_as_qt_writes_it(db, pid):
    """The first lines QLockFile writes beside the database: pid, process name, host name."""
    exe = os.path.basename(os.path.realpath(sys.executable))
    pathlib.Path(f"{db}.lock").write_text(f"{pid}\n{exe}\n{socket.gethostname()}\n", encoding="utf-8")


@pytest.fixture
def backed_up(tmp_path, capsys):
    """A database with one session, a backup of it, and a second session after the backup."""
    db = tmp_path / "room.db"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["backup", "--db", str(db)]) == 0
    assert main(["demo", "--db", str(db)]) == 0
    capsys.readouterr()
    return db


def folder_snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_restore_refuses_while_a_live_app_holds_the_database(backed_up, capsys):
    app = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        lock_as_qt_writes_it(backed_up, app.pid)
        before = folder_snapshot(backed_up.parent)
        assert main(["restore", "--db", str(backed_up)]) == 2
        captured = capsys.readouterr()
        assert captured.err == (
            f"studygroup: studygroup is open on {backed_up} (process {app.pid}); close it, then restore.\n"
        )
        assert captured.out == ""
        assert folder_snapshot(backed_up.parent) == before  # nothing moved, nothing copied, the lock kept
    finally:
        app.stdin.close()
        app.wait()
    with Store.open(backed_up) as untouched:
        assert len(untouched.list_sessions()) == 2


def test_restore_takes_over_the_lock_of_a_dead_app(backed_up, capsys):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock_as_qt_writes_it(backed_up, dead.pid)
    assert main(["restore", "--db", str(backed_up)]) == 0
    assert "kept as" in capsys.readouterr().out
    with Store.open(backed_up) as restored:
        assert len(restored.list_sessions()) == 1
    assert not pathlib.Path(f"{backed_up}.lock").exists()  # taken over, then let go


def test_restore_holds_the_lock_while_it_swaps_the_file(backed_up, monkeypatch):
    seen = []
    real_copy = shutil.copyfile

    def copy_and_look(source, target):
        seen.append(pathlib.Path(f"{backed_up}.lock").read_text(encoding="utf-8").splitlines()[0])
        return real_copy(source, target)

    monkeypatch.setattr(backup_module.shutil, "copyfile", copy_and_look)
    restore_backup(list_backups(backed_up)[0], backed_up)
    assert seen == [str(os.getpid())]
    assert not pathlib.Path(f"{backed_up}.lock").exists()
