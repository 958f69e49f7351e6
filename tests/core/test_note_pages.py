"""Reading a session's notes a page at a time, newest first: the order, the edges and changes between pages."""

import dataclasses

import pytest

from studygroup.model import Observation, Participant, Phase, Scenario, Session
from studygroup.storage.store import Store


@pytest.fixture
def session(store: Store) -> Session:
    scenario = Scenario("Crumb & Co", "A bakery", "Take card payments", roles=["Baker"])
    made = Session(
        "Pilot",
        "2026-11-25",
        "Jordan",
        scenario,
        phases=[Phase("Experience", 30)],
        participants=[Participant("Dana Lee", "Finance", "Baker")],
    )
    store.save_session(made)
    return made


def uid(name: str) -> str:
    """A UUID that reads as its one-letter name in the last digits."""
    return f"00000000-0000-4000-8000-{ord(name):012x}"


def name(note_id: str) -> str:
    return chr(int(note_id[-12:], 16))


def write(store: Store, session: Session, *stamps: tuple[str, float, float]) -> None:
    """Notes named by one letter, at (session seconds, wall time), written in the order given."""
    store.put_observations(
        [
            Observation(session.id, f"text of {letter}", session_seconds=seconds, wall_time=wall, id=uid(letter))
            for letter, seconds, wall in stamps
        ]
    )


def ids(notes: list[Observation]) -> list[str]:
    """The notes' one-letter names."""
    return [name(n.id) for n in notes]


def pages(store: Store, session: Session, size: int) -> list[list[str]]:
    """Every page from the newest back, as a load reads them."""
    found, before = [], None
    while True:
        page = store.observations_before(session.id, before, size)
        if not page:
            return found
        found.append(ids(page))
        before = page[0].id


def test_pages_read_newest_first_each_oldest_first_and_cover_the_session_once(store, session):
    # Written out of order; d, e and f tie on session time, e and f on wall time too.
    write(store, session, ("c", 30, 3), ("a", 10, 1), ("f", 40, 4), ("e", 40, 4), ("b", 20, 2), ("d", 40, 3.5))
    assert ids(store.observations(session.id)) == ["a", "b", "c", "d", "f", "e"]  # a full tie: as written
    assert pages(store, session, 2) == [["f", "e"], ["c", "d"], ["a", "b"]]
    assert pages(store, session, 4) == [["c", "d", "f", "e"], ["a", "b"]]


def test_no_key_reads_the_newest_and_no_limit_reads_all_before(store, session):
    write(store, session, ("a", 1, 1), ("b", 2, 2), ("c", 3, 3), ("d", 4, 4))
    assert ids(store.observations_before(session.id, None, 3)) == ["b", "c", "d"]
    assert ids(store.observations_before(session.id, uid("d"))) == ["a", "b", "c"]
    assert ids(store.observations_before(session.id, None)) == ["a", "b", "c", "d"]
    assert store.observations_before(session.id, uid("a"), 5) == []


def test_pages_skip_deleted_notes_and_other_sessions(store, session):
    other = dataclasses.replace(session, id=uid("o"), phases=[], participants=[])
    store.save_session(other)
    write(store, session, ("a", 1, 1), ("b", 2, 2), ("c", 3, 3))
    write(store, other, ("x", 1.5, 1.5), ("y", 2.5, 2.5))
    store.set_deleted(uid("b"), True)
    assert pages(store, session, 1) == [["c"], ["a"]]


def test_a_note_changed_between_pages_is_read_as_it_is_then(store, session):
    write(store, session, ("a", 1, 1), ("b", 2, 2), ("c", 3, 3), ("d", 4, 4))
    newest = store.observations_before(session.id, None, 2)
    assert ids(newest) == ["c", "d"]
    edited = dataclasses.replace(store.find_observation(uid("b")), text="changed before its page")
    store.update_observation(edited)
    store.set_deleted(uid("a"), True)
    store.set_deleted(uid("c"), True)  # the page's key: read before it all the same
    write(store, session, ("e", 5, 5))  # newer than the page's key: never read again
    rest = store.observations_before(session.id, uid("c"), 10)
    assert [(name(n.id), n.text) for n in rest] == [("b", "changed before its page")]
