"""The summary every format shares: follow-ups, headlines, counts, quotes, agenda and log, as literal figures."""

import time as systime
from collections import Counter

import pytest

from studygroup.model import Observation, Participant, Phase, Scenario, Session
from studygroup.summary import (
    AgendaRow,
    AirtimeRow,
    clock_text,
    headlines,
    is_severe,
    kind_label,
    kind_series,
    nice_step,
    plural,
    severity_words,
    summarise,
    wall_text,
)


def small_session() -> tuple[Session, dict[str, Observation]]:
    """Three people, three phases (the last never ran), nine notes of which one is deleted."""
    ada, bo, cy = (Participant(name) for name in ("Ada", "Bo", "Cy"))
    explore = Phase("Explore", 30, extra_seconds=120, elapsed_seconds=1830, started_at=100.0)
    share = Phase("Share", 10, elapsed_seconds=570, started_at=2000.0)
    wrap = Phase("Wrap", 5)
    session = Session(
        "Tuesday",
        "2026-03-03",
        "Jo",
        Scenario("Co", "Who", "Why"),
        phases=[explore, share, wrap],
        participants=[ada, bo, cy],
    )

    def note(seconds, kind, author, phase, step="", severity=1, tags=(), follow_up=False, deleted_at=None):
        return Observation(
            session.id,
            f"{kind} at {seconds}",
            kind=kind,
            severity=severity,
            author_id=author.id if author else None,
            phase_id=phase.id if phase else None,
            session_seconds=seconds,
            journey_step=step,
            tags=list(tags),
            follow_up=follow_up,
            deleted_at=deleted_at,
        )

    notes = {
        "n1": note(10, "friction", ada, explore, "Sign-up", severity=3, tags=["mobile"]),
        "n2": note(20, "bad_day", bo, explore, "Payouts", severity=2, tags=["money"], follow_up=True),
        "n3": note(30, "idea", cy, share),
        "n4": note(40, "bad_day", ada, explore, "Payouts", severity=3, tags=["money", "mobile"]),
        "n5": note(50, "friction", None, None, "Sign-up"),
        "n6": note(60, "delight", bo, share, "Payouts", tags=["money"]),
        "n7": note(70, "idea", ada, explore, deleted_at=75.0),
        "n8": note(5, "confusion", cy, explore, "Sign-up", severity=2),
        "n9": note(80, "question", bo, wrap),
    }
    return session, notes


@pytest.fixture
def small():
    session, notes = small_session()
    return summarise(session, list(notes.values())), notes


def texts(notes) -> list[str]:
    return [n.text for n in notes]


def quoted(quotes) -> list[str]:
    return [q.note.text for q in quotes]


def test_follow_ups_are_ideas_and_flagged_notes_but_not_deleted_ones(small):
    summary, _ = small
    assert texts(summary.follow_ups) == ["bad_day at 20", "idea at 30"]


def test_live_notes_in_session_time_order(small):
    summary, _ = small
    assert [n.session_seconds for n in summary.notes] == [5, 10, 20, 30, 40, 50, 60, 80]


def test_headlines_in_the_customers_words(small):
    summary, _ = small
    assert summary.headlines == [
        "2 of 3 people had a bad day during Payouts",
        "2 friction points, 1 of them severe",
        "1 moment where someone didn't know what to do next",
        "1 moment of delight",
        "8 notes from 3 people in 40 minutes",
        "2 follow-ups set aside for later",
    ]


def test_counts_by_phase_in_agenda_order_then_other(small):
    summary, _ = small
    assert summary.by_phase == {
        "Explore": Counter(confusion=1, friction=1, bad_day=2),
        "Share": Counter(idea=1, delight=1),
        "Wrap": Counter(question=1),
        "Other": Counter(friction=1),
    }
    assert list(summary.by_phase) == ["Explore", "Share", "Wrap", "Other"]


def test_counts_by_step_busiest_first_ties_by_name(small):
    summary, _ = small
    assert list(summary.by_step) == ["Payouts", "Sign-up", "Other"]
    assert summary.by_step["Payouts"] == Counter(bad_day=2, delight=1)
    assert summary.by_step["Sign-up"] == Counter(confusion=1, friction=2)
    assert summary.by_step["Other"] == Counter(idea=1, question=1)


def test_themes_count_steps_and_tags(small):
    summary, _ = small
    assert summary.top_steps == [("Sign-up", 3), ("Payouts", 3)]
    assert summary.top_tags == [("money", 3), ("mobile", 2)]


def test_quotes_most_severe_first_then_earliest(small):
    summary, _ = small
    assert quoted(summary.quotes["bad_day"]) == ["bad_day at 40", "bad_day at 20"]
    assert quoted(summary.quotes["delight"]) == ["delight at 60"]
    assert set(summary.quotes) == {"delight", "bad_day"}


def test_at_most_five_quotes_of_a_kind():
    session = Session("t", "2026-03-03", "f", Scenario("c", "w", "o"))
    notes = [Observation(session.id, f"joy {s}", kind="delight", session_seconds=s) for s in (6, 5, 4, 3, 2, 1)]
    assert quoted(summarise(session, notes).quotes["delight"]) == ["joy 1", "joy 2", "joy 3", "joy 4", "joy 5"]


def test_agenda_rows_with_extra_time_and_a_phase_that_never_ran(small):
    summary, _ = small
    assert summary.agenda == [
        AgendaRow("Explore", 32.0, 30.5),
        AgendaRow("Share", 10.0, 9.5),
        AgendaRow("Wrap", 5.0, None),
    ]


def test_log_by_author_in_group_order_with_the_facilitator_last(small):
    summary, notes = small
    session = summary.session
    ada, bo, cy = (p.id for p in session.participants)
    assert {author: texts(items) for author, items in summary.log_by_author.items()} == {
        ada: ["friction at 10", "bad_day at 40"],
        bo: ["bad_day at 20", "delight at 60", "question at 80"],
        cy: ["confusion at 5", "idea at 30"],
        None: ["friction at 50"],
    }
    assert list(summary.log_by_author) == [ada, bo, cy, None]
    assert summary.phase_name(notes["n1"]) == "Explore" and summary.phase_name(notes["n5"]) == "Other"


def test_someone_who_left_the_group_is_logged_with_the_facilitator_and_silent_people_are_left_out():
    stays, quiet = Participant("Stays"), Participant("Quiet")
    session = Session("t", "2026-03-03", "f", Scenario("c", "w", "o"), participants=[stays, quiet])
    notes = [
        Observation(session.id, "by someone gone", author_id="gone", session_seconds=1),
        Observation(session.id, "by the facilitator", session_seconds=2),
        Observation(session.id, "by Stays", author_id=stays.id, session_seconds=3),
    ]
    log = summarise(session, notes).log_by_author
    assert {author: texts(items) for author, items in log.items()} == {
        stays.id: ["by Stays"],
        None: ["by someone gone", "by the facilitator"],
    }


def bare_session(people: int = 2, phases=None) -> Session:
    return Session(
        "t",
        "2026-03-03",
        "f",
        Scenario("c", "w", "o"),
        phases=phases if phases is not None else [Phase("Explore", 45)],
        participants=[Participant(f"P{n}") for n in range(people)],
    )


def test_a_session_without_notes_says_so():
    assert headlines(bare_session(), []) == ["No notes were captured in this session."]


def test_one_of_each_is_singular_and_the_plan_stands_in_for_a_clock_that_never_ran():
    session = bare_session(people=1)
    person = session.participants[0].id
    notes = [
        Observation(session.id, "a", kind="friction", severity=2, author_id=person),
        Observation(session.id, "b", kind="idea", author_id=person),
    ]
    assert headlines(session, notes) == [
        "1 friction point, 0 of them severe",
        "0 moments of delight",
        "2 notes from 1 person in 45 minutes",
        "1 follow-up set aside for later",
    ]


def test_no_bad_day_line_without_a_group_and_nothing_set_aside_without_follow_ups():
    session = bare_session(people=0)
    notes = [Observation(session.id, "x", kind="bad_day"), Observation(session.id, "y", kind="question")]
    assert headlines(session, notes) == [
        "0 friction points, 0 of them severe",
        "0 moments of delight",
        "2 notes from 0 people in 45 minutes",
    ]


def test_a_bad_day_without_a_step_is_placed_in_its_phase_or_the_session():
    explore = Phase("Explore", 45)
    session = bare_session(people=3, phases=[explore])
    a, b, c = (p.id for p in session.participants)
    in_phase = [Observation(session.id, "x", kind="bad_day", author_id=p, phase_id=explore.id) for p in (a, b)]
    nowhere = [Observation(session.id, "y", kind="bad_day", author_id=c)]
    assert headlines(session, in_phase + nowhere)[0] == "2 of 3 people had a bad day during Explore"
    assert headlines(session, nowhere)[0] == "1 of 3 people had a bad day during the session"


def test_the_worst_place_counts_people_not_notes_and_ties_go_to_the_later_name():
    session = bare_session(people=3)
    a, b, c = (p.id for p in session.participants)
    notes = [
        Observation(session.id, "1", kind="bad_day", author_id=a, journey_step="Billing"),
        Observation(session.id, "2", kind="bad_day", author_id=a, journey_step="Billing"),
        Observation(session.id, "3", kind="bad_day", author_id=a, journey_step="Billing"),
        Observation(session.id, "4", kind="bad_day", author_id=b, journey_step="Alerts"),
        Observation(session.id, "5", kind="bad_day", author_id=c, journey_step="Alerts"),
    ]
    assert headlines(session, notes)[0] == "2 of 3 people had a bad day during Alerts"
    ties = [
        Observation(session.id, "1", kind="bad_day", author_id=a, journey_step="Alerts"),
        Observation(session.id, "2", kind="bad_day", author_id=b, journey_step="Billing"),
    ]
    assert headlines(session, ties)[0] == "1 of 3 people had a bad day during Billing"


def test_minutes_round_to_the_nearest_whole_minute():
    session = bare_session(phases=[Phase("A", 10, elapsed_seconds=629), Phase("B", 10, elapsed_seconds=0)])
    assert headlines(session, [Observation(session.id, "x")])[-1] == "1 note from 0 people in 10 minutes"
    session.phases[1].elapsed_seconds = 2
    assert headlines(session, [Observation(session.id, "x")])[-1] == "1 note from 0 people in 11 minutes"


@pytest.mark.parametrize(
    ("count", "one", "many", "said"),
    [(0, "note", None, "0 notes"), (1, "note", None, "1 note"), (2, "person", "people", "2 people")],
)
def test_plural(count, one, many, said):
    assert plural(count, one, many) == said


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(-5, "00:00"), (0, "00:00"), (59.9, "00:59"), (61, "01:01"), (120, "02:00"), (3599, "59:59"), (3600, "1:00:00")]
    + [(3725, "1:02:05"), (3720, "1:02:00"), (36000, "10:00:00")],
)
def test_clock_text(seconds, shown):
    assert clock_text(seconds) == shown


def test_wall_text_in_local_time_and_empty_for_no_time(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    systime.tzset()
    try:
        assert wall_text(86400 + 3661) == "1970-01-02 01:01:01"
        assert wall_text(0) == ""
    finally:
        monkeypatch.undo()
        systime.tzset()


def test_kind_labels_and_series_in_the_shared_kind_order():
    assert kind_label("bad_day") == "Bad day" and kind_label("idea") == "Idea for later"
    assert kind_label("mystery") == "mystery"
    table = {"Explore": Counter(friction=2, idea=1), "Share": Counter(delight=3)}
    assert kind_series(table) == [
        ("friction", [2, 0]),
        ("confusion", [0, 0]),
        ("bad_day", [0, 0]),
        ("delight", [0, 3]),
        ("question", [0, 0]),
        ("idea", [1, 0]),
    ]


@pytest.mark.parametrize(
    ("maximum", "step"),
    [(0, 1), (-3, 1), (1, 1), (3, 1), (5, 1), (6, 2), (7, 2), (10, 2), (12, 5), (25, 5), (40, 10), (57, 20)]
    + [(100, 20), (101, 50), (130, 50), (250, 50), (999, 200), (1000, 200), (1001, 500)],
)
def test_nice_step(maximum, step):
    assert nice_step(maximum) == step


def test_nice_step_with_other_tick_counts():
    assert (nice_step(10, ticks=10), nice_step(10, ticks=2), nice_step(10, ticks=1), nice_step(90, ticks=1)) == (
        1,
        5,
        10,
        100,
    )


def test_one_minute_and_one_person_read_in_the_singular():
    session = bare_session(people=1, phases=[Phase("A", 1, elapsed_seconds=70)])
    person = session.participants[0].id
    notes = [Observation(session.id, "x", kind="bad_day", author_id=person, journey_step="Payouts")]
    assert headlines(session, notes)[0] == "1 of 1 person had a bad day during Payouts"
    assert headlines(session, notes)[-1] == "1 note from 1 person in 1 minute"
    session.phases[0].elapsed_seconds = 110
    assert headlines(session, notes)[-1] == "1 note from 1 person in 2 minutes"


def test_counts_by_person_in_group_order_then_the_facilitator(small):
    summary, _ = small
    assert summary.by_person == {
        "Ada": Counter(friction=1, bad_day=1),
        "Bo": Counter(bad_day=1, delight=1, question=1),
        "Cy": Counter(confusion=1, idea=1),
        "Jo (facilitator)": Counter(friction=1),
    }
    assert list(summary.by_person) == ["Ada", "Bo", "Cy", "Jo (facilitator)"]


def test_a_silent_person_still_has_a_bar_and_nobody_else_is_invented():
    session = bare_session(people=2)
    notes = [Observation(session.id, "x", kind="delight", author_id=session.participants[1].id)]
    assert summarise(session, notes).by_person == {"P0": Counter(), "P1": Counter(delight=1)}


def test_severity_words_only_for_the_kinds_that_carry_a_severity():
    def words(kind: str, severity: int) -> tuple[str, bool]:
        note = Observation("s", "x", kind=kind, severity=severity)
        return severity_words(note), is_severe(note)

    assert words("friction", 1) == ("severity 1: could be smoother", False)
    assert words("confusion", 2) == ("severity 2: this slowed me down", False)
    assert words("bad_day", 3) == ("severity 3: if this weren't my job, I'd give up", True)
    assert words("delight", 3) == ("", False)
    assert words("question", 1) == ("", False)
    assert words("idea", 2) == ("", False)


def test_airtime_per_person_with_shares_in_group_order_and_none_without_a_round():
    session = bare_session(people=3)
    assert summarise(session, []).airtime == []
    for person, seconds in zip(session.participants, (90.0, 0.0, 30.0), strict=True):
        person.airtime_seconds = seconds
    assert summarise(session, []).airtime == [
        AirtimeRow("P0", 90.0, 0.75),
        AirtimeRow("P1", 0.0, 0.0),
        AirtimeRow("P2", 30.0, 0.25),
    ]
