"""Saving fails loudly, with a sentence, when the file is read-only, full, locked, failing or damaged."""

import sqlite3

import pytest

from studygroup.demo import create_demo
from studygroup.errors import (
    CorruptDatabase,
    DatabaseLocked,
    DiskError,
    DiskFull,
    ReadOnlyDatabase,
    StorageError,
    storage_error,
)
from studygroup.model import Observation
from studygroup.storage import db
from studygroup.storage.db import open_database
from studygroup.storage.store import Store
from tests.damage import damaged_database


def test_read_only_database_refuses_saves(tmp_path):
    path = tmp_path / "ro.db"
    with Store.open(path) as store:
        session = create_demo(store)
    # Opened with mode=ro: a process running as root ignores file permissions.
    read_only = Store(open_database(path, read_only=True))
    with pytest.raises(ReadOnlyDatabase, match="read-only"):
        read_only.add_observation(Observation(session.id, "lost?"))
    assert len(read_only.observations(session.id)) == 60
    read_only.close()


def test_full_disk_refuses_saves_and_keeps_earlier_notes(store):
    session = create_demo(store)
    conn = store.db.connection
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")  # the file may not grow: as good as a full disk
    with pytest.raises(DiskFull, match="full"):
        store.add_observation(Observation(session.id, "x" * 9_999))  # the longest note: a few pages more
    assert not conn.in_transaction
    assert len(store.observations(session.id)) == 60


def test_second_writer_gets_locked_sentence(tmp_path, monkeypatch):
    path = tmp_path / "busy.db"
    monkeypatch.setattr(db, "BUSY_SECONDS", 0.05)
    with Store.open(path) as first, Store.open(path) as second:
        session = create_demo(first)
        with first.db.atomic(), pytest.raises(DatabaseLocked, match="in use"):
            second.add_observation(Observation(session.id, "waits"))
        second.add_observation(Observation(session.id, "after the other finished"))


def test_a_writer_behind_another_gets_in_at_the_next_millisecond_poll(tmp_path, monkeypatch):
    """SQLite's own busy handler sleeps 1, 2, 5, 10, 15 … ms; the write loop polls every millisecond."""
    path = tmp_path / "busy.db"
    with Store.open(path) as first, Store.open(path) as second:
        session = create_demo(first)
        first.db.connection.execute("BEGIN IMMEDIATE")  # another connection's merge holds the lock
        naps: list[float] = []

        def nap(seconds: float) -> None:
            naps.append(seconds)
            if len(naps) == 3:
                first.db.connection.execute("COMMIT")  # the merge ends during the third nap

        monkeypatch.setattr(db.time, "sleep", nap)
        second.add_observation(Observation(session.id, "saved right after"))
        assert naps == [db.BUSY_POLL_SECONDS] * 3 and db.BUSY_POLL_SECONDS <= 0.001
        assert "saved right after" in [n.text for n in second.observations(session.id)]


def test_unexpected_sqlite_errors_are_bugs_not_sentences(store):
    with pytest.raises(sqlite3.OperationalError), store.db.translate_errors():
        store.db.connection.execute("SELECT * FROM no_such_table")


@pytest.mark.parametrize(
    "name",
    [
        "SQLITE_IOERR",
        "SQLITE_IOERR_READ",
        "SQLITE_IOERR_SHORT_READ",
        "SQLITE_IOERR_WRITE",
        "SQLITE_IOERR_FSYNC",
        "SQLITE_IOERR_TRUNCATE",
        "SQLITE_IOERR_SHMSIZE",
        "SQLITE_IOERR_LOCK",
        "SQLITE_IOERR_NOMEM",
    ],
)
def test_every_io_error_code_is_a_disk_error_sentence(name):
    exc = sqlite3.OperationalError("disk I/O error")
    exc.sqlite_errorname = name
    typed = storage_error(exc, "/media/stick/notes.db")
    assert type(typed) is DiskError
    assert str(typed) == (
        f"The disk holding /media/stick/notes.db could not be read or written ({name}); check the disk and try again."
    )


@pytest.mark.parametrize("read_only", [False, True])
def test_a_damaged_file_is_refused_at_open_and_left_byte_identical(tmp_path, read_only):
    path = tmp_path / "damaged.db"
    _, damaged = damaged_database(path)
    with pytest.raises(CorruptDatabase) as refused:
        open_database(path, read_only=read_only)
    assert str(refused.value) == (
        f"The file {path} is damaged (its integrity check failed), so studygroup has not written to it."
    )
    assert path.read_bytes() == damaged


def test_without_create_a_missing_file_is_refused_and_nothing_is_made(tmp_path):
    path = tmp_path / "no" / "such.db"
    with pytest.raises(StorageError, match="cannot be opened"):
        open_database(path, create=False)
    assert list(tmp_path.iterdir()) == []


def test_a_path_with_uri_characters_names_exactly_that_file(tmp_path, monkeypatch):
    path = tmp_path / "notes #2?draft=1 100%41.db"
    open_database(path).close()
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    monkeypatch.chdir(tmp_path)
    with Store.open(":memory:") as memory:  # still no file: SQLite's name for a database in memory
        create_demo(memory)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
