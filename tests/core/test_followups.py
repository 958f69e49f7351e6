"""Follow-ups that get filed: owner, status and link beside the note, recurrence across sessions, the words."""

from __future__ import annotations

import sqlite3

import pytest

from studygroup.errors import InvalidRecord, NotFound, StudygroupError
from studygroup.followups import (
    Recurrence,
    follow_ups_of,
    issue_title,
    mark_filed,
    priority,
    recurrence_words,
    severity_words,
    state_facts,
    update_follow_up,
)
from studygroup.model import FollowUpState, Observation, Participant, Phase, Scenario, Session
from studygroup.storage.store import Store


def session(title: str = "Checkout day") -> Session:
    return Session(
        title,
        "2026-03-02",
        "Jo",
        Scenario("Crumb & Co", "A baker", "Get paid"),
        phases=[Phase("Explore", 30)],
        participants=[Participant("Ada")],
    )


@pytest.fixture
def clocked(tmp_path):
    """A store whose clock the test sets, and a session in it."""
    times = [100.0]
    with Store.open(tmp_path / "f.db", now=lambda: times[-1]) as store:
        planned = session()
        store.save_session(planned)
        yield store, planned, times


def note(store: Store, sess: Session, text: str = "an idea", **fields: object) -> Observation:
    values: dict = {"kind": "idea"} | fields
    return store.add_observation(Observation(sess.id, text, **values))


# --- the state: set, checked, kept apart from the note ------------------------------------------


def test_marking_filed_keeps_status_and_link_and_stamps_only_the_state(clocked):
    store, sess, times = clocked
    idea = note(store, sess)
    times.append(200.0)
    state = mark_filed(store, sess.id, idea.id, " https://example.atlassian.net/browse/AB-7 ")
    assert state == FollowUpState(idea.id, "", "filed", "https://example.atlassian.net/browse/AB-7", 200.0)
    assert store.follow_up_states(sess.id) == {idea.id: state}
    assert store.observation_versions(idea.id) == []  # not an edit of what was typed
    assert store.find_observation(idea.id).updated_at == 100.0


def test_a_part_left_out_keeps_its_value(clocked):
    store, sess, times = clocked
    idea = note(store, sess)
    update_follow_up(store, sess.id, idea.id, owner="  Ada \n Lovelace ", link="https://x.example/1")
    times.append(300.0)
    state = update_follow_up(store, sess.id, idea.id, status="wont_fix")
    assert (state.owner, state.status, state.link, state.updated_at) == (
        "Ada Lovelace",
        "wont_fix",
        "https://x.example/1",
        300.0,
    )
    assert store.find_follow_up_state(idea.id) == state


@pytest.mark.parametrize(
    "change, sentence",
    [
        ({"status": "done"}, 'follow-up.status: "done" is not one of "open", "filed", "fixed", "wont_fix".'),
        (
            {"link": "ftp://files.example/x"},
            'follow-up.link: "ftp://files.example/x" is not a web address starting with http:// or https://.',
        ),
        (
            {"link": "javascript:alert(1)"},
            'follow-up.link: "javascript:alert(1)" is not a web address starting with http:// or https://.',
        ),
        (
            {"link": "https://x.example/a b"},
            'follow-up.link: "https://x.example/a b" is not a web address starting with http:// or https://.',
        ),
        ({"owner": "A" * 101}, "follow-up.owner: is 101 characters long; the most is 100."),
        ({"owner": "Ada\x00"}, "follow-up.owner: must be one line, without tabs or control characters."),
        ({"link": "https://x.example/" + "a" * 1990}, "follow-up.link: is 2,008 characters long; the most is 2,000."),
    ],
)
def test_a_bad_part_is_one_sentence_and_changes_nothing(clocked, change, sentence):
    store, sess, _ = clocked
    idea = note(store, sess)
    update_follow_up(store, sess.id, idea.id, owner="Ada")
    with pytest.raises(InvalidRecord) as refused:
        store.set_follow_up_state(idea.id, **change)
    assert str(refused.value) == sentence
    assert store.find_follow_up_state(idea.id).owner == "Ada"


def test_an_empty_link_and_an_owner_at_the_limit_are_fine(clocked):
    store, sess, _ = clocked
    idea = note(store, sess)
    state = store.set_follow_up_state(idea.id, owner="A" * 100, link="")
    assert (len(state.owner), state.link, state.status) == (100, "", "open")


def test_only_a_live_follow_up_of_the_session_takes_a_state(clocked):
    store, sess, _ = clocked
    friction = note(store, sess, "slow", kind="friction")
    with pytest.raises(StudygroupError, match="^That note is not a follow-up: tick it for follow-up first.$"):
        mark_filed(store, sess.id, friction.id, "https://x.example/1")
    ticked = note(store, sess, "slow too", kind="friction", follow_up=True)
    assert mark_filed(store, sess.id, ticked.id, "https://x.example/2").status == "filed"
    store.set_deleted(ticked.id, True)
    with pytest.raises(StudygroupError, match="^That note is no longer in this session.$"):
        update_follow_up(store, sess.id, ticked.id, owner="Ada")
    with pytest.raises(StudygroupError, match="^That note is no longer in this session.$"):
        update_follow_up(store, "another-session", friction.id, owner="Ada")
    with pytest.raises(NotFound, match="^There is no note with id nope.$"):
        store.set_follow_up_state("nope", owner="Ada")


def test_the_database_refuses_a_status_it_does_not_know(clocked):
    """The table's CHECK holds even for a write that skipped the record format (put_follow_up_state)."""
    store, sess, _ = clocked
    idea = note(store, sess)
    with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
        store.put_follow_up_state(FollowUpState(idea.id, status="done", updated_at=1.0))


# --- recurrence: a step or tag with problems in two or more sessions ----------------------------


def library(store: Store, notes_per_session: list[list[dict]]) -> list[Session]:
    """Sessions, each with notes made from keyword dicts (text "n" unless given)."""
    made = []
    for number, notes in enumerate(notes_per_session):
        sess = session(f"Session {number}")
        store.save_session(sess)
        for fields in notes:
            deleted = fields.pop("deleted", False)
            added = store.add_observation(Observation(sess.id, fields.pop("text", "n"), **fields))
            if deleted:
                store.set_deleted(added.id, True)
        made.append(sess)
    return made


def test_a_step_recurs_when_problem_notes_name_it_in_two_sessions(store):
    first, *_ = library(
        store,
        [
            [{"kind": "idea", "journey_step": "Checkout"}, {"kind": "friction", "journey_step": "Checkout"}],
            [{"kind": "bad_day", "journey_step": "checkout"}],  # another session's spelling
            [{"kind": "confusion", "journey_step": "CHECKOUT"}, {"kind": "friction", "journey_step": "Checkout"}],
            [{"kind": "delight", "journey_step": "Checkout"}],  # not a problem
            [{"kind": "friction", "journey_step": "Checkout", "deleted": True}],  # deleted
        ],
    )
    [item] = follow_ups_of(store, first)
    assert item.recurrence == Recurrence("Checkout", False, 3)
    assert recurrence_words(item.recurrence) == "Recurring in 3 sessions (journey step: Checkout)"


def test_a_tag_recurs_and_the_most_sessions_win(store):
    first, *_ = library(
        store,
        [
            [
                {"kind": "idea", "journey_step": "Pay", "tags": ["fees", "trust"]},
                {"kind": "friction", "tags": ["fees"]},
            ],
            [{"kind": "friction", "journey_step": "Pay", "tags": ["trust"]}],
            [{"kind": "confusion", "tags": ["trust"]}],
        ],
    )
    [item] = follow_ups_of(store, first)
    assert item.recurrence == Recurrence("trust", True, 2)  # the step and #fees: 1 session each
    assert recurrence_words(item.recurrence) == "Recurring in 2 sessions (tag: #trust)"


def test_one_session_is_not_a_recurrence_and_a_tie_names_the_step(store):
    lone, tied = library(
        store,
        [
            [{"kind": "idea", "journey_step": "Sign-up"}, {"kind": "friction", "journey_step": "Sign-up"}],
            [{"kind": "idea", "journey_step": "Pay", "tags": ["fees"]}],
        ],
    )
    assert [item.recurrence for item in follow_ups_of(store, lone)] == [None]
    library(store, [[{"kind": "friction", "journey_step": "Pay", "tags": ["fees"]}]] * 2)
    assert [item.recurrence for item in follow_ups_of(store, tied)] == [Recurrence("Pay", False, 2)]


def test_recurrence_is_one_query_however_many_follow_ups(store):
    """The counts for every step and tag of the session come from one statement, not one per note."""
    notes = [{"kind": "idea", "journey_step": f"Step {n}", "tags": [f"t{n}"]} for n in range(40)]
    [sess] = library(store, [notes])
    statements: list[str] = []
    store.db.connection.set_trace_callback(statements.append)
    try:
        items = follow_ups_of(store, sess)
    finally:
        store.db.connection.set_trace_callback(None)
    assert len(items) == 40
    assert sum("json_each" in statement for statement in statements) == 1
    assert len(statements) == 3  # the notes, the states, the counts


# --- the words -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Short and sweet", "Short and sweet"),
        ("\n  first line  \nsecond line", "first line"),
        ("word " * 30, "word word word word word word word word word word word word word word word word…"),
        (
            "The payout page said pending for three days and nobody could tell me why, so I phoned.",
            "The payout page said pending for three days and nobody could tell me why, so I…",
        ),
        ("x" * 100, "x" * 79 + "…"),
        ("I lost it all when the page reloaded after the identity check. Again. #trust", None),
    ],
)
def test_the_issue_title_is_the_first_line_cut_on_a_word(text, expected):
    title = issue_title(Observation("s", text))
    assert title == (expected if expected is not None else text)
    assert len(title) <= 80


def test_the_title_of_a_cut_sentence_drops_its_stop_and_an_empty_note_is_named():
    assert issue_title(Observation("s", "One two three. Four", kind="friction"), limit=16) == "One two three…"
    assert issue_title(Observation("s", "  \n ", kind="bad_day", journey_step="Pay")) == "Bad day at Pay"
    assert issue_title(Observation("s", "", kind="idea")) == "Idea for later"


@pytest.mark.parametrize(
    "kind, severity, expected_priority, words",
    [
        ("friction", 3, "High", "if this weren't my job, I'd give up (3 of 3)"),
        ("confusion", 2, "Medium", "this slowed me down (2 of 3)"),
        ("bad_day", 1, "Low", "could be smoother (1 of 3)"),
        ("idea", 3, "Low", ""),
        ("delight", 3, "Low", ""),
        ("question", 2, "Low", ""),
    ],
)
def test_priority_and_severity_words_come_from_problems_only(kind, severity, expected_priority, words):
    found = Observation("s", "x", kind=kind, severity=severity)
    assert (priority(found), severity_words(found)) == (expected_priority, words)


def test_state_facts_say_what_was_set():
    assert state_facts(None) == []
    assert state_facts(FollowUpState("n")) == []
    assert state_facts(FollowUpState("n", owner="Ada")) == [("Owner", "Ada")]
    assert state_facts(FollowUpState("n", "Ada", "wont_fix", "https://x.example/1")) == [
        ("Owner", "Ada"),
        ("Status", "won't fix"),
        ("Link", "https://x.example/1"),
    ]
