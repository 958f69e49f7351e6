"""Saving fails loudly, with a sentence, when the file is read-only, full, or locked."""

import sqlite3

import pytest

from studygroup.db import open_database
from studygroup.demo import create_demo
from studygroup.errors import DatabaseLocked, DiskFull, ReadOnlyDatabase
from studygroup.model import Observation
from studygroup.store import Store


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
        store.add_observation(Observation(session.id, "x" * 200_000))
    assert not conn.in_transaction
    assert len(store.observations(session.id)) == 60


def test_second_writer_gets_locked_sentence(tmp_path):
    path = tmp_path / "busy.db"
    with Store.open(path) as first, Store.open(path) as second:
        session = create_demo(first)
        second.db.connection.execute("PRAGMA busy_timeout = 50")
        with first.db.atomic():
            with pytest.raises(DatabaseLocked, match="in use"):
                second.add_observation(Observation(session.id, "waits"))
        second.add_observation(Observation(session.id, "after the other finished"))


def test_unexpected_sqlite_errors_are_bugs_not_sentences(store):
    with pytest.raises(sqlite3.OperationalError):
        with store.db.translate_errors():
            store.db.connection.execute("SELECT * FROM no_such_table")
