"""The narrow changes a running session gets: one journey step, one rename, one person's airtime."""

import pytest

from studygroup.errors import InvalidRecord, NotFound
from studygroup.model import Participant, Scenario, Session


def saved_session(store, steps=("Sign-up", "Payouts"), title="Pilot") -> Session:
    session = Session(
        title,
        "2026-11-25",
        "Jordan",
        Scenario("Crumb & Co", "A bakery", "Take card payments"),
        participants=[Participant("Ada"), Participant("Bo")],
        journey_steps=list(steps),
    )
    store.save_session(session)
    return session


def stored_steps(store, session) -> list[str]:
    return store.load_session(session.id).journey_steps


def test_a_new_journey_step_is_appended_as_typed_without_its_spaces(store):
    session = saved_session(store)
    assert store.add_journey_step(session.id, "  Refund a customer ") == "Refund a customer"
    assert stored_steps(store, session) == ["Sign-up", "Payouts", "Refund a customer"]


def test_a_known_step_in_another_case_keeps_the_sessions_spelling(store):
    session = saved_session(store)
    assert store.add_journey_step(session.id, "PAYOUTS") == "Payouts"
    assert stored_steps(store, session) == ["Sign-up", "Payouts"]


def test_a_known_step_writes_nothing(store):
    """Every note saved with a known step asks for it again: that must not rewrite the session's row."""
    session = saved_session(store)
    before = store.db.connection.total_changes
    store.add_journey_step(session.id, "payouts")
    store.add_journey_step(session.id, "Sign-up")
    assert store.db.connection.total_changes - before == 0
    store.add_journey_step(session.id, "Refund")
    assert store.db.connection.total_changes - before == 1


def test_a_blank_step_adds_nothing(store):
    session = saved_session(store)
    assert store.add_journey_step(session.id, "   ") == ""
    assert stored_steps(store, session) == ["Sign-up", "Payouts"]


def test_a_step_longer_than_the_format_allows_is_refused_and_the_list_kept(store):
    session = saved_session(store)
    with pytest.raises(InvalidRecord, match=r"session.journey_steps\[2\]: is 201 characters long; the most is 200."):
        store.add_journey_step(session.id, "x" * 201)
    assert stored_steps(store, session) == ["Sign-up", "Payouts"]


def test_adding_a_step_keeps_a_rename_made_elsewhere(store):
    """The bug this fixes: a page's stale copy of the list must not come back."""
    session = saved_session(store)
    store.rename_journey_step(session.id, "Payouts", "Getting paid")
    store.add_journey_step(session.id, "Refund")
    assert stored_steps(store, session) == ["Sign-up", "Getting paid", "Refund"]
    assert session.journey_steps == ["Sign-up", "Payouts"]  # the store never touches the caller's object


def test_adding_a_step_writes_nothing_else_of_the_session(store):
    session = saved_session(store)
    session.title = "Changed in memory only"
    session.participants[0].airtime_seconds = 99.0
    store.add_journey_step(session.id, "Refund")
    loaded = store.load_session(session.id)
    assert loaded.title == "Pilot"
    assert [p.airtime_seconds for p in loaded.participants] == [0.0, 0.0]


def test_a_rename_keeps_the_steps_place(store):
    session = saved_session(store, steps=("Sign-up", "Verify", "Payouts"))
    renamed = store.rename_journey_step(session.id, "Verify", "Verify identity")
    assert renamed == ["Sign-up", "Verify identity", "Payouts"]
    assert stored_steps(store, session) == ["Sign-up", "Verify identity", "Payouts"]


def test_renaming_onto_an_existing_step_merges_them_where_the_first_stood(store):
    session = saved_session(store, steps=("Sign-up", "Verify", "Payouts"))
    assert store.rename_journey_step(session.id, "Payouts", "Sign-up") == ["Sign-up", "Verify"]
    assert stored_steps(store, session) == ["Sign-up", "Verify"]


def test_renaming_a_step_the_list_lacks_changes_nothing(store):
    session = saved_session(store)
    assert store.rename_journey_step(session.id, "Checkout", "Pay") == ["Sign-up", "Payouts"]
    assert stored_steps(store, session) == ["Sign-up", "Payouts"]


@pytest.mark.parametrize(
    "change",
    [
        lambda store: store.add_journey_step("no-such-session", "Refund"),
        lambda store: store.rename_journey_step("no-such-session", "Payouts", "Getting paid"),
    ],
    ids=["add", "rename"],
)
def test_step_changes_to_a_missing_session_are_refused(store, change):
    with pytest.raises(NotFound, match="There is no session with id no-such-session."):
        change(store)


def test_save_airtime_writes_one_persons_airtime_and_nothing_else(store):
    session = saved_session(store)
    session.journey_steps.append("Changed in memory only")
    session.participants[0].airtime_seconds = 12.0  # not saved: only Bo's turn is
    store.save_airtime(session.id, session.participants[1].id, 42.5)
    loaded = store.load_session(session.id)
    assert {p.name: p.airtime_seconds for p in loaded.participants} == {"Ada": 0.0, "Bo": 42.5}
    assert loaded.journey_steps == ["Sign-up", "Payouts"]


def test_save_airtime_for_someone_of_another_session_is_refused(store):
    session, other = saved_session(store), saved_session(store, title="Other")
    with pytest.raises(NotFound, match="There is no person with id"):
        store.save_airtime(session.id, other.participants[0].id, 30.0)
    assert [p.airtime_seconds for p in store.load_session(other.id).participants] == [0.0, 0.0]


def test_has_session(store):
    session = saved_session(store)
    assert store.has_session(session.id) is True
    assert store.has_session("no-such-session") is False


def test_other_session_title_names_the_session_holding_an_id(store):
    mine, theirs = saved_session(store), saved_session(store, title="Theirs")
    person = theirs.participants[0].id
    assert store.other_session_title("participants", person, mine.id) == "Theirs"
    assert store.other_session_title("participants", person, theirs.id) is None  # its own session is no other
    assert store.other_session_title("phases", "no-such-phase", mine.id) is None
    with pytest.raises(ValueError, match="'sessions' is not one of participants, phases, observations"):
        store.other_session_title("sessions", mine.id, theirs.id)
