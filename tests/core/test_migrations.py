"""The schema ladder: a version-1 file made here migrates, newer and foreign files are refused."""

import sqlite3

import pytest

from studygroup.errors import CorruptDatabase, NewerDatabase
from studygroup.storage.db import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    Database,
    migrate,
    migration_files,
    open_database,
    schema_version,
    split_statements,
)
from studygroup.storage.store import Store


def make_version_1_file(path):
    """A database exactly as studygroup 0.1 (schema 1) wrote it, with one session and note."""
    conn = sqlite3.connect(path, isolation_level=None)
    db = Database(path, conn)
    migrate(db, target=1)
    conn.execute(
        "INSERT INTO sessions (id, title, date, scenario_json, created_at) VALUES"
        ' (\'s1\', \'Old one\', \'2025-01-02\', \'{"company": "Old Co", "who_they_are": "",'
        ' "outcome_problem": "x"}\', 1.0)'
    )
    conn.execute("INSERT INTO participants (id, session_id, position, name) VALUES ('p1', 's1', 0, 'Ada')")
    conn.execute(
        "INSERT INTO observations (id, session_id, author_id, session_seconds, wall_time, kind,"
        " severity, text, updated_at) VALUES ('o1', 's1', 'p1', 5, 5, 'friction', 2, 'kept', 5)"
    )
    conn.close()


def test_version_1_file_migrates_and_keeps_data(tmp_path):
    path = tmp_path / "v1.db"
    make_version_1_file(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 1
    with Store.open(path) as store:
        assert schema_version(store.db) == SCHEMA_VERSION
        session = store.load_session("s1")
        assert session.participants[0].name == "Ada"
        assert session.participants[0].airtime_seconds == 0
        assert session.journey_steps == []
        assert store.observations("s1")[0].text == "kept"
        roster_cols = {r[1] for r in store.db.connection.execute("PRAGMA table_info(roster)")}
        assert {"name", "discipline", "sessions_attended"} <= roster_cols
        assert store.follow_up_states("s1") == {}  # version 6: the note has no follow-up state yet
        assert store.set_follow_up_state("o1", owner="Ada", status="filed").status == "filed"


def test_newer_database_is_refused(tmp_path):
    path = tmp_path / "future.db"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(NewerDatabase, match="newer studygroup"):
        open_database(path)


def test_foreign_sqlite_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(CorruptDatabase, match="another program"):
        open_database(path)
    assert path.read_bytes() == before


def test_garbage_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "garbage.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    before = path.read_bytes()
    with pytest.raises(CorruptDatabase, match="damaged or is not a studygroup database"):
        open_database(path)
    assert path.read_bytes() == before


def test_new_file_is_marked_as_ours(tmp_path):
    with Store.open(tmp_path / "deep" / "folder" / "new.db") as store:
        assert store.db.connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_split_statements_keeps_semicolons_in_strings():
    assert split_statements("CREATE TABLE a (x TEXT DEFAULT ';');\nSELECT 1;\n") == [
        "CREATE TABLE a (x TEXT DEFAULT ';');",
        "SELECT 1;",
    ]


def test_migration_numbers_have_no_gaps():
    """A gap would make a later-added file be skipped on databases already past it."""
    numbers = [number for number, _ in migration_files()]
    assert numbers == list(range(1, len(numbers) + 1))


def test_version_4_file_gets_a_search_index_holding_its_notes(tmp_path):
    path = tmp_path / "v4.db"
    make_version_1_file(path)
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(Database(path, conn), target=4)
    conn.execute(
        "INSERT INTO observations (id, session_id, author_id, session_seconds, wall_time, kind, severity, text,"
        " happened, updated_at) VALUES ('o2', 's1', NULL, 9, 9, 'bad_day', 3, 'the invoice vanished',"
        " 'a blank page', 9)"
    )
    conn.close()
    with Store.open(path) as store:
        assert schema_version(store.db) == SCHEMA_VERSION
        assert [(hit.note_id, hit.author) for hit in store.search("kept")] == [("o1", "Ada")]
        assert [hit.marked("[", "]") for hit in store.search("blank")] == ["a [blank] page"]
        assert [s.figures.bad_days for s in store.held_sessions()] == [1]
        store.db.connection.execute("INSERT INTO notes_fts (notes_fts, rank) VALUES ('integrity-check', 1)")
