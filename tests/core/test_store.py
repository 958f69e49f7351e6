"""Store round trips: sessions, notes with history, soft delete, drafts, durability settings."""

import sqlite3

import pytest

from studygroup.errors import NotFound
from studygroup.model import Draft, Observation, Participant, Phase, Scenario, Session
from studygroup.storage.db import SCHEMA_VERSION
from studygroup.storage.store import Store


def make_session() -> Session:
    scenario = Scenario("Crumb & Co", "A bakery", "Take card payments", probing_questions=["Why?"], roles=["Baker"])
    return Session(
        "Pilot",
        "2026-11-25",
        "Jordan",
        scenario,
        phases=[Phase("Welcome", 5, "Hi"), Phase("Experience", 30)],
        participants=[Participant("Dana Lee", "Finance", "Baker"), Participant("Sam O", "Design")],
        lingo=["KYC"],
    )


def test_session_round_trip(store):
    session = make_session()
    store.save_session(session)
    loaded = store.load_session(session.id)
    assert loaded == session


def test_observation_round_trip_and_order(store):
    session = make_session()
    store.save_session(session)
    late = store.add_observation(Observation(session.id, "late", session_seconds=90, tags=["a", "b"]))
    early = store.add_observation(
        Observation(
            session.id,
            "early <b>&",
            kind="delight",
            severity=3,
            author_id=session.participants[0].id,
            phase_id=session.phases[1].id,
            session_seconds=10,
            follow_up=True,
            lingo_flag=True,
        )
    )
    assert store.observations(session.id) == [early, late]


def test_edit_keeps_previous_version(store):
    session = make_session()
    store.save_session(session)
    note = store.add_observation(Observation(session.id, "first words"))
    note.text = "second words"
    store.update_observation(note)
    note.text = "third words"
    store.update_observation(note)
    assert [v.text for v in store.observation_versions(note.id)] == ["first words", "second words"]
    assert store.observations(session.id)[0].text == "third words"


def test_soft_delete_and_undo(store):
    session = make_session()
    store.save_session(session)
    note = store.add_observation(Observation(session.id, "oops"))
    store.set_deleted(note.id, True)
    assert store.observations(session.id) == []
    assert store.observations(session.id, include_deleted=True)[0].deleted
    store.set_deleted(note.id, False)
    assert store.observations(session.id)[0].text == "oops"


def test_missing_note_and_session_are_clear_errors(store):
    with pytest.raises(NotFound, match="no session"):
        store.load_session("nope")
    with pytest.raises(NotFound, match="no note"):
        store.set_deleted("nope", True)


def test_drafts_per_author(store):
    session = make_session()
    store.save_session(session)
    dana = session.participants[0].id
    store.save_draft(Draft(session.id, dana, "half a thought"))
    store.save_draft(Draft(session.id, None, "facilitator's draft"))
    drafts = store.drafts(session.id)
    assert drafts[dana].text == "half a thought"
    assert drafts[None].text == "facilitator's draft"
    store.save_draft(Draft(session.id, dana, ""))
    assert dana not in store.drafts(session.id)


def test_a_draft_keeps_its_choices_even_without_text(store, tmp_path):
    session = make_session()
    store.save_session(session)
    dana = session.participants[0].id
    store.save_draft(Draft(session.id, dana, "", form={"kind": "bad_day", "expected": "a payout"}))
    assert store.drafts(session.id)[dana].form == {"kind": "bad_day", "expected": "a payout"}
    store.save_draft(Draft(session.id, dana, "", form={}))
    assert dana not in store.drafts(session.id)


def test_saved_note_survives_another_connection(tmp_path):
    path = tmp_path / "durable.db"
    with Store.open(path) as first:
        session = make_session()
        first.save_session(session)
        first.add_observation(Observation(session.id, "committed before return"))
        # Read through an independent connection while the first is still open.
        other = sqlite3.connect(path)
        assert other.execute("SELECT text FROM observations").fetchone()[0] == "committed before return"
        other.close()


def test_pragmas_are_set(store):
    conn = store.db.connection
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.isolation_level is None


def test_failed_transaction_leaves_nothing(store):
    session = make_session()
    store.save_session(session)
    with pytest.raises(RuntimeError), store.db.atomic():
        store.add_observation(Observation(session.id, "inside"))
        raise RuntimeError("boom")
    assert store.observations(session.id) == []


def test_nested_atomic_rolls_back_only_inner(store):
    session = make_session()
    store.save_session(session)
    with store.db.atomic():
        store.add_observation(Observation(session.id, "outer"))
        with pytest.raises(ValueError), store.db.atomic():
            store.add_observation(Observation(session.id, "inner"))
            raise ValueError
    assert [o.text for o in store.observations(session.id)] == ["outer"]


def test_participant_with_notes_is_never_removed(store):
    session = make_session()
    store.save_session(session)
    author = session.participants[0]
    store.add_observation(Observation(session.id, "mine", author_id=author.id))
    session.participants.remove(author)
    store.save_session(session)
    assert store.observations(session.id)[0].author_id == author.id


def test_list_sessions_newest_first(store):
    older, newer = make_session(), make_session()
    older.date, newer.date = "2026-01-01", "2026-06-01"
    store.save_session(older)
    store.save_session(newer)
    assert [s["id"] for s in store.list_sessions()] == [newer.id, older.id]


def test_find_session_by_prefix(store):
    session = make_session()
    store.save_session(session)
    assert store.find_session(session.id[:8]).id == session.id
    with pytest.raises(NotFound):
        store.find_session("")
