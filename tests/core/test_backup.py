"""Online backups, pruning to the last N, and restore that never overwrites the current file."""

import datetime
import sqlite3

from studygroup.backup import backup_due, list_backups, make_backup, restore_backup
from studygroup.cli import main
from studygroup.demo import create_demo
from studygroup.store import Store


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
    made = [make_backup(store.db.connection, store.path, keep=3, now=start + datetime.timedelta(days=i))
            for i in range(5)]
    assert list_backups(store.path) == list(reversed(made[-3:]))


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
