"""Home's library actions in the store: rename, archive, the trash, deleting for good, and a plan made again."""

import dataclasses
import datetime
import itertools

import pytest

from studygroup.errors import ActionRefused, NotFound
from studygroup.model import Draft, Observation, Participant, Phase, RosterPerson, Scenario, Session
from studygroup.reuse import again_title, duplicate_session, plan_again
from studygroup.storage.store import Store
from studygroup.trends import library_trends
from tests.core.library import build_library

ADA_ROSTER_ID = "0a0a0a0a-0000-4000-8000-00000000ada0"
TABLES_OF_A_SESSION = ("phases", "participants", "observations", "drafts")


@pytest.fixture
def clocked(tmp_path):
    """A store whose clock says 1000, 1001, 1002... at each call."""
    ticks = itertools.count(1000)
    with Store.open(tmp_path / "clocked.db", now=lambda: float(next(ticks))) as opened:
        yield opened


@pytest.fixture
def library(store):
    return build_library(store)


def titles(rows):
    return [row["title"] for row in rows]


def ids_of(library, *names):
    return [library.sessions[name].id for name in names]


# --- rename -------------------------------------------------------------------------------------


def test_rename_trims_and_stores_the_new_title(store, library):
    one = library.sessions["One"]
    assert store.rename_session(one.id, "  January, bakery  ") == "January, bakery"
    assert store.load_session(one.id).title == "January, bakery"
    assert store.load_session(one.id).participants == one.participants  # nothing else moved


@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        ("   ", "Give the session a title, for example “Checkout study group, March”."),
        ("Two\nlines", "A session's title is one line; remove the line breaks."),
        ("Para\u2029graph", "A session's title is one line; remove the line breaks."),
        ("T" * 201, "The title can have 200 characters; it has 201. Shorten it."),
    ],
)
def test_a_title_that_cannot_be_is_one_sentence_and_changes_nothing(store, library, title, sentence):
    one = library.sessions["One"]
    with pytest.raises(ActionRefused) as refused:
        store.rename_session(one.id, title)
    assert str(refused.value) == sentence
    assert store.load_session(one.id).title == "One"


def test_a_title_at_the_limit_is_fine_and_an_unknown_id_is_not_found(store, library):
    assert store.rename_session(library.sessions["One"].id, "T" * 200) == "T" * 200
    with pytest.raises(NotFound, match="There is no session with id nope."):
        store.rename_session("nope", "Fine")


# --- archive --------------------------------------------------------------------------------------


def test_archived_sessions_leave_the_list_but_not_the_trends_or_search(store, library):
    store.set_archived(library.sessions["Two"].id, True)
    assert titles(store.list_sessions()) == ["Later", "Four", "Three", "One"]
    listed = store.list_sessions(include_archived=True)
    assert titles(listed) == ["Later", "Four", "Three", "Two", "One"]
    assert [row["archived_at"] is not None for row in listed] == [False, False, False, True, False]
    assert [s.title for s in library_trends(store).sessions] == ["One", "Two", "Three", "Four"]
    assert "b1: friction at sign-up" in [hit.marked("", "") for hit in store.search("b1")]
    store.set_archived(library.sessions["Two"].id, False)
    assert titles(store.list_sessions()) == ["Later", "Four", "Three", "Two", "One"]


def test_archiving_twice_keeps_the_first_stamp(clocked):
    session = Session("Kept", "2026-01-01", "Jo", Scenario("Co", "who", "why"))
    clocked.save_session(session)
    clocked.set_archived(session.id, True)
    first = clocked.list_sessions(include_archived=True)[0]["archived_at"]
    clocked.set_archived(session.id, True)
    assert clocked.list_sessions(include_archived=True)[0]["archived_at"] == first


def test_each_row_names_its_scenario_as_trends_does(store):
    for title, card in (
        ("Keyed", Scenario("Crumb & Co", "w", "o", key="bakery")),
        ("Own", Scenario("Ünî Co!", "w", "o")),
    ):
        store.save_session(Session(title, "2026-01-01", "Jo", card))
    assert sorted((row["scenario"], row["company"]) for row in store.list_sessions()) == [
        ("bakery", "Crumb & Co"),
        ("uni_co", "Ünî Co!"),
    ]


# --- the trash ------------------------------------------------------------------------------------


def test_a_trashed_session_leaves_the_list_trends_search_and_recurrence(store, library):
    two = library.sessions["Two"]
    before = store.problem_sessions(["Payouts"], ["money"])
    store.move_to_trash(two.id)
    assert "Two" not in titles(store.list_sessions()) + titles(store.list_sessions(include_archived=True))
    assert titles(store.list_sessions(trash=True)) == ["Two"]
    assert [s.title for s in library_trends(store).sessions] == ["One", "Three", "Four"]
    assert store.search("b1") == []
    assert before == ({"Payouts": 2}, {"money": 2})
    assert store.problem_sessions(["Payouts"], ["money"]) == ({"Payouts": 1}, {"money": 1})
    store.restore_from_trash(two.id)
    assert [s.title for s in library_trends(store).sessions] == ["One", "Two", "Three", "Four"]
    assert [hit.session_id for hit in store.search("b1")] == [two.id]
    assert store.list_sessions(trash=True) == []


def test_the_trash_lists_the_last_thrown_away_first_and_restore_keeps_archived(clocked):
    sessions = [Session(t, "2026-01-0" + str(n), "Jo", Scenario("Co", "w", "o")) for n, t in enumerate("ABC", 1)]
    for session in sessions:
        clocked.save_session(session)
    clocked.set_archived(sessions[0].id, True)
    for session in (sessions[1], sessions[0], sessions[2]):
        clocked.move_to_trash(session.id)
    assert titles(clocked.list_sessions(trash=True)) == ["C", "A", "B"]
    clocked.restore_from_trash(sessions[0].id)
    assert titles(clocked.list_sessions()) == []
    assert titles(clocked.list_sessions(include_archived=True)) == ["A"]


@pytest.mark.parametrize("status", ["running", "paused"])
def test_a_live_session_cannot_go_to_the_trash(store, status):
    session = Session("Live one", "2026-01-01", "Jo", Scenario("Co", "w", "o"), status=status)
    store.save_session(session)
    with pytest.raises(ActionRefused) as refused:
        store.move_to_trash(session.id)
    assert str(refused.value) == f"“Live one” is {status}; end it before moving it to the trash."
    assert titles(store.list_sessions()) == ["Live one"]


def test_trash_restore_and_delete_refuse_what_does_not_fit(store, library):
    one = library.sessions["One"].id
    with pytest.raises(ActionRefused, match="^“One” is not in the trash.$"):
        store.restore_from_trash(one)
    with pytest.raises(ActionRefused, match="^“One” is not in the trash; move it there before deleting it for good.$"):
        store.delete_forever(one)
    store.move_to_trash(one)
    with pytest.raises(ActionRefused, match="^“One” is in the trash already.$"):
        store.move_to_trash(one)
    with pytest.raises(NotFound):
        store.move_to_trash("nope")
    assert store.is_trashed(one)


def count_rows(store, table, session_id):
    return store.db.connection.execute(f"SELECT count(*) FROM {table} WHERE session_id = ?", (session_id,)).fetchone()[
        0
    ]


def test_delete_forever_takes_everything_of_the_session_and_nothing_else(store, library):
    one, two = library.sessions["One"], library.sessions["Two"]
    note = library.notes["a1"]
    store.update_observation(dataclasses.replace(note, text="a1 edited"))  # a version kept
    store.set_follow_up_state(note.id, owner="Ada", status="filed")
    store.save_draft(Draft(one.id, one.participants[0].id, "half a sentence"))
    store.move_to_trash(one.id)
    store.delete_forever(one.id)
    conn = store.db.connection
    assert not store.has_session(one.id)
    assert [count_rows(store, table, one.id) for table in TABLES_OF_A_SESSION] == [0, 0, 0, 0]
    assert conn.execute(
        "SELECT count(*) FROM observation_versions WHERE observation_id = ?", (note.id,)
    ).fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM follow_up_states WHERE observation_id = ?", (note.id,)).fetchone() == (0,)
    conn.execute("INSERT INTO notes_fts (notes_fts, rank) VALUES ('integrity-check', 1)")  # the index followed
    assert store.search("a1") == [] and len(store.search("b1")) == 1
    assert [count_rows(store, table, two.id) for table in TABLES_OF_A_SESSION] == [0, 5, 5, 0]
    assert store.list_sessions(trash=True) == []


# --- a plan made again -------------------------------------------------------------------------------


def past_session() -> Session:
    card = Scenario(
        "Crumb & Co", "A bakery", "Take payments", probing_questions=["Why?"], roles=["Owner"], key="bakery"
    )
    return Session(
        "March group",
        "2026-03-02",
        "Jo Lee",
        card,
        phases=[
            Phase("Warm-up", 5, "Say hello", elapsed_seconds=290, started_at=10.0, ended_at=300.0),
            Phase("Do it", 40, "Sign up", extra_seconds=60, elapsed_seconds=2460, started_at=300.0),
        ],
        participants=[
            Participant("Ada", "Design", "Owner", roster_id=ADA_ROSTER_ID, airtime_seconds=95),
            Participant("Bo", "Sales"),
        ],
        lingo=["KYC"],
        status="ended",
        current_phase=1,
        journey_steps=["Sign-up", "Payouts"],
        created_at=5.0,
    )


def test_plan_again_keeps_card_group_and_agenda_with_new_ids_and_a_reset_clock():
    past = past_session()
    plan = plan_again(past, datetime.date(2026, 12, 1))
    assert (plan.title, plan.date, plan.facilitator, plan.status) == (
        "March group (again)",
        "2026-12-01",
        "Jo Lee",
        "planned",
    )
    assert plan.scenario == past.scenario and plan.scenario is not past.scenario
    assert [(p.name, p.planned_minutes, p.prompt) for p in plan.phases] == [
        ("Warm-up", 5, "Say hello"),
        ("Do it", 40, "Sign up"),
    ]
    assert [(p.extra_seconds, p.elapsed_seconds, p.started_at, p.ended_at) for p in plan.phases] == [
        (0, 0, None, None)
    ] * 2
    people = [(p.name, p.discipline, p.role, p.roster_id, p.airtime_seconds) for p in plan.participants]
    assert people == [("Ada", "Design", "Owner", ADA_ROSTER_ID, 0), ("Bo", "Sales", "", None, 0)]
    assert (plan.lingo, plan.journey_steps, plan.current_phase, plan.running_since) == (
        ["KYC"],
        ["Sign-up", "Payouts"],
        0,
        None,
    )
    old_ids = {past.id, *(p.id for p in past.phases), *(p.id for p in past.participants)}
    new_ids = {plan.id, *(p.id for p in plan.phases), *(p.id for p in plan.participants)}
    assert len(new_ids) == 5 and not old_ids & new_ids


def test_duplicate_session_saves_a_plan_without_notes(store):
    past = past_session()
    store.add_to_roster([RosterPerson("Ada", "Design", id=ADA_ROSTER_ID)])
    store.save_session(past)
    store.add_observation(Observation(past.id, "A note", author_id=past.participants[0].id))
    plan = duplicate_session(store, past.id, today=datetime.date(2026, 12, 1))
    stored = store.load_session(plan.id)
    assert (stored.title, stored.status, stored.date) == ("March group (again)", "planned", "2026-12-01")
    assert [p.name for p in stored.phases] == ["Warm-up", "Do it"]
    assert [(p.name, p.roster_id, p.airtime_seconds) for p in stored.participants] == [
        ("Ada", ADA_ROSTER_ID, 0),
        ("Bo", None, 0),
    ]
    assert store.observations(plan.id) == [] and len(store.observations(past.id)) == 1
    assert titles(store.list_sessions()) == ["March group (again)", "March group"]


@pytest.mark.parametrize(
    ("title", "again"),
    [
        ("Checkout", "Checkout (again)"),
        ("Checkout (again)", "Checkout (again 2)"),
        ("Checkout (again 2)", "Checkout (again 3)"),
        ("Why (again)?", "Why (again)? (again)"),
        ("T" * 200, "T" * 191 + "… (again)"),
    ],
)
def test_again_title(title, again):
    assert again_title(title) == again
    assert len(again_title(title)) <= 200
