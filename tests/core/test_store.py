"""Store round trips: sessions, notes with history, soft delete, drafts, durability settings."""

import dataclasses
import re
import sqlite3

import pytest

from studygroup.errors import InvalidRecord, NotFound, StorageError
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


def test_every_flag_comes_back_as_it_was_stored(store):
    session = make_session()
    store.save_session(session)
    flags = ("follow_up", "lingo_flag", "solution_flag")
    for raised in flags:
        store.add_observation(Observation(session.id, raised, **{raised: True}))
    read = {note.text: tuple(getattr(note, flag) for flag in flags) for note in store.observations(session.id)}
    assert read == {
        "follow_up": (True, False, False),
        "lingo_flag": (False, True, False),
        "solution_flag": (False, False, True),
    }


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
    session.participants = []  # both leave the plan; only Sam, who wrote nothing, leaves the group
    store.save_session(session)
    assert [p.name for p in store.load_session(session.id).participants] == ["Dana Lee"]


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


def ticking_store(path, start: float = 1000.0) -> Store:
    """A store whose clock says start, start + 1, start + 2, ... on each call: every stamp is predictable."""
    ticks = iter(range(10_000))
    return Store.open(path, now=lambda: start + next(ticks))


def test_list_sessions_counts_live_notes_and_people(tmp_path):
    with Store.open(tmp_path / "list.db", now=lambda: 1234.5) as store:
        session = make_session()
        store.save_session(session)
        notes = [store.add_observation(Observation(session.id, f"note {n}")) for n in range(3)]
        store.set_deleted(notes[1].id, True)
        assert store.list_sessions() == [
            {
                "id": session.id,
                "title": "Pilot",
                "date": "2026-11-25",
                "facilitator": "Jordan",
                "status": "planned",
                "created_at": 1234.5,
                "notes": 2,  # the deleted note is not counted
                "participants": 2,
                "scenario": "crumb_co",  # a card never saved to the library goes by its company's slug
                "company": "Crumb & Co",
                "archived_at": None,
                "trashed_at": None,
            }
        ]


def test_list_sessions_on_the_same_day_puts_the_later_created_first(tmp_path):
    with ticking_store(tmp_path / "order.db") as store:
        first, second, older = make_session(), make_session(), make_session()
        older.date = "2026-11-24"
        for session in (first, older, second):
            store.save_session(session)
        assert [s["id"] for s in store.list_sessions()] == [second.id, first.id, older.id]


def fixed_id(n: int) -> str:
    return f"0b0b0b0b-0000-4000-8000-00000000000{n}"


def test_find_session_refuses_an_ambiguous_prefix(store):
    for n in (1, 2):
        session = make_session()
        session.id = fixed_id(n)
        store.save_session(session)
    with pytest.raises(NotFound, match=r"^The id '0b0b0b0b' matches several sessions; run 'studygroup list'"):
        store.find_session("0b0b0b0b")
    assert store.find_session(fixed_id(2)[:-1] + "2").id == fixed_id(2)
    assert store.find_session(fixed_id(1)).id == fixed_id(1)


@pytest.mark.parametrize("prefix", ["_", "%", "0b0b0b0_", " "])
def test_find_session_takes_wildcards_and_blanks_literally(store, prefix):
    session = make_session()
    session.id = fixed_id(1)
    store.save_session(session)
    with pytest.raises(NotFound, match=f"^The id {prefix!r} matches no session"):
        store.find_session(prefix)


def test_update_stamps_the_edit_and_keeps_the_whole_earlier_note(tmp_path):
    with ticking_store(tmp_path / "edit.db") as store:
        session = make_session()
        store.save_session(session)  # created_at 1000
        note = store.add_observation(Observation(session.id, "first", tags=["a"]))  # updated_at and wall_time 1001
        assert (note.updated_at, note.wall_time) == (1001.0, 1001.0)
        note.text, note.tags, note.follow_up = "second", ["b"], True
        store.update_observation(note)  # the version is stamped 1002, the edit 1003
        assert store.observations(session.id)[0].updated_at == 1003.0
        [old] = store.observation_versions(note.id)
        assert (old.text, old.tags, old.follow_up, old.updated_at, old.wall_time) == (
            "first",
            ["a"],
            False,
            1001.0,
            1001.0,
        )


def test_a_note_keeps_its_own_stamps_when_it_has_them(store):
    session = make_session()
    store.save_session(session)
    note = store.add_observation(Observation(session.id, "stamped", wall_time=50.0, updated_at=60.0))
    assert (note.wall_time, note.updated_at) == (50.0, 60.0)
    assert store.observations(session.id)[0].wall_time == 50.0


def test_editing_a_missing_note_is_a_clear_error(store):
    session = make_session()
    store.save_session(session)
    with pytest.raises(NotFound, match=f"^There is no note with id {fixed_id(9)}"):
        store.update_observation(Observation(session.id, "ghost", id=fixed_id(9)))


def refuse_writes_to(store, table: str, event: str) -> None:
    """A trigger that fails the next write to *table*: a failure between the two writes of one edit."""
    store.db.connection.execute(
        f"CREATE TEMP TRIGGER refuse BEFORE {event} ON {table} BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )


@pytest.mark.parametrize(("table", "event"), [("observations", "UPDATE"), ("observation_versions", "INSERT")])
def test_an_edit_that_fails_halfway_changes_nothing(store, table, event):
    """The kept version and the new text are written in one transaction, or neither is."""
    session = make_session()
    store.save_session(session)
    note = store.add_observation(Observation(session.id, "as typed"))
    refuse_writes_to(store, table, event)
    note.text = "edited"
    with pytest.raises(sqlite3.IntegrityError, match="refused"):
        store.update_observation(note)
    assert store.observation_versions(note.id) == []
    assert [o.text for o in store.observations(session.id)] == ["as typed"]


def test_soft_delete_stamps_the_time_and_undo_clears_it(tmp_path):
    with ticking_store(tmp_path / "delete.db") as store:
        session = make_session()
        store.save_session(session)  # 1000
        note = store.add_observation(Observation(session.id, "oops"))  # 1001
        store.set_deleted(note.id, True)  # 1002, 1003
        [deleted] = store.observations(session.id, include_deleted=True)
        assert (deleted.deleted_at, deleted.updated_at) == (1002.0, 1003.0)
        store.set_deleted(note.id, False)  # 1004
        [back] = store.observations(session.id)
        assert (back.deleted_at, back.updated_at) == (None, 1004.0)


def test_the_facilitators_draft_is_cleared_after_a_save_and_others_stay(tmp_path):
    with Store.open(tmp_path / "drafts.db", now=lambda: 77.0) as store:
        session = make_session()
        store.save_session(session)
        dana = session.participants[0].id
        store.save_draft(Draft(session.id, None, "facilitator's words"))
        store.save_draft(Draft(session.id, dana, "Dana's words", form={"kind": "idea"}))
        assert store.drafts(session.id)[None] == Draft(session.id, None, "facilitator's words", 77.0, {})
        store.save_draft(Draft(session.id, None, ""))  # the note was saved: nothing left to come back
        assert store.drafts(session.id) == {dana: Draft(session.id, dana, "Dana's words", 77.0, {"kind": "idea"})}


def test_drafts_belong_to_their_session(store):
    one, two = make_session(), make_session()
    store.save_session(one)
    store.save_session(two)
    store.save_draft(Draft(one.id, None, "in one"))
    store.save_draft(Draft(two.id, None, "in two"))
    store.save_draft(Draft(one.id, None, ""))
    assert store.drafts(one.id) == {}
    assert store.drafts(two.id)[None].text == "in two"


def test_saving_again_updates_every_field_and_keeps_created_at(tmp_path):
    with ticking_store(tmp_path / "again.db") as store:
        session = make_session()
        store.save_session(session)
        assert session.created_at == 1000.0
        session.title, session.date, session.facilitator = "Pilot 2", "2026-12-01", "Sam"
        session.scenario.company, session.lingo, session.journey_steps = "Loaf Ltd", ["ACH"], ["Payouts"]
        session.status, session.current_phase, session.running_since, session.auto_advance = "running", 1, 5.0, True
        session.phases[0].name, session.phases[0].planned_minutes, session.phases[0].prompt = "Hello", 7, "Say hi"
        session.phases[1].extra_seconds, session.phases[1].elapsed_seconds = 60.0, 90.0
        session.phases[1].started_at, session.phases[1].ended_at = 10.0, 100.0
        dana = session.participants[0]
        dana.name, dana.discipline, dana.role, dana.airtime_seconds = "Dana L", "Ops", "Owner", 42.0
        session.participants.reverse()
        session.phases.reverse()
        store.save_session(session)
        loaded = store.load_session(session.id)
        assert loaded == session
        assert loaded.created_at == 1000.0
        assert [p.name for p in loaded.phases] == ["Experience", "Hello"]
        assert [p.name for p in loaded.participants] == ["Sam O", "Dana L"]


def test_a_phase_with_notes_leaves_the_agenda_but_stays_for_its_notes(store):
    session = make_session()
    store.save_session(session)
    welcome, experience = session.phases
    store.add_observation(Observation(session.id, "during the experience", phase_id=experience.id))
    session.phases = [Phase("Share-out", 10)]
    store.save_session(session)
    assert [p.name for p in store.load_session(session.id).phases] == ["Share-out"]
    assert store.observations(session.id)[0].phase_id == experience.id
    session.phases = [experience, session.phases[0]]  # put back on the agenda, first
    store.save_session(session)
    assert [p.name for p in store.load_session(session.id).phases] == ["Experience", "Share-out"]


def test_save_clock_keeps_only_the_clock(store):
    session = make_session()
    store.save_session(session)
    session.title = "not saved by the clock"
    session.status, session.current_phase, session.running_since, session.auto_advance = "paused", 1, 12.5, True
    session.phases[0].extra_seconds, session.phases[0].elapsed_seconds = 300.0, 330.0
    session.phases[0].started_at, session.phases[0].ended_at = 1.0, 331.0
    store.save_clock(session)
    loaded = store.load_session(session.id)
    assert loaded.title == "Pilot"
    assert (loaded.status, loaded.current_phase, loaded.running_since, loaded.auto_advance) == ("paused", 1, 12.5, True)
    phase = loaded.phases[0]
    assert (phase.extra_seconds, phase.elapsed_seconds, phase.started_at, phase.ended_at) == (300.0, 330.0, 1.0, 331.0)
    assert loaded.phases[1] == session.phases[1]


def test_the_store_refuses_true_or_false_where_a_count_belongs(store):
    """Python's bool is an int; the store holds it to the bundle format all the same."""
    session = make_session()
    session.current_phase = True
    with pytest.raises(InvalidRecord, match=r"^session\.current_phase: true is not a whole number\.$"):
        store.save_session(session)
    assert store.list_sessions() == []


def test_a_second_note_with_the_same_id_never_overwrites_the_first(store):
    session = make_session()
    store.save_session(session)
    first = store.add_observation(Observation(session.id, "first", id=fixed_id(7)))
    with pytest.raises(sqlite3.IntegrityError):
        store.add_observation(Observation(session.id, "impostor", id=first.id))
    assert [o.text for o in store.observations(session.id)] == ["first"]


def test_an_empty_id_matches_no_session_even_when_there_is_one(store):
    store.save_session(make_session())
    with pytest.raises(NotFound, match=r"^The id '' matches no session"):
        store.find_session("")


@pytest.mark.parametrize(
    ("write", "sentence"),
    [
        (lambda store, s: store.save_draft(Draft(s.id, None, "x" * 100_001)), "draft.text: is 100,001 characters"),
        (
            lambda store, s: store.update_observation(
                dataclasses.replace(store.add_observation(Observation(s.id, "ok")), severity=4)
            ),
            "note.severity: 4 is not one of 1, 2, 3.",
        ),
        (lambda store, s: store.add_observation(Observation(s.id, "ok", kind="rant")), 'note.kind: "rant" is not one'),
        (lambda store, s: store.save_session(dataclasses.replace(s, title="")), "session.title: must not be empty."),
    ],
)
def test_a_refused_write_names_the_record_and_its_field(store, write, sentence):
    session = make_session()
    store.save_session(session)
    with pytest.raises(InvalidRecord, match=f"^{re.escape(sentence)}"):
        write(store, session)


def test_open_without_create_refuses_a_missing_file_and_makes_none(tmp_path):
    with pytest.raises(StorageError, match="cannot be opened"):
        Store.open(tmp_path / "missing.db", create=False)
    assert list(tmp_path.iterdir()) == []
