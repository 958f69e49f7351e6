"""Roster parsing and participation, random groups (size and mix for 4..200 people), role dealing."""

from collections import Counter
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studygroup import groups, roster
from studygroup.model import Participant, Scenario, Session


@dataclass
class Person:
    name: str
    discipline: str
    sessions_attended: int = 0


# --- CSV ------------------------------------------------------------------------


def test_csv_with_header_bom_quotes_and_blank_lines():
    text = '\ufeffname,discipline\nAda Lovelace,Engineering\n\n"Hopper, Grace",Design\nLinus\n'
    assert roster.parse_roster_csv(text) == [
        ("Ada Lovelace", "Engineering"),
        ("Hopper, Grace", "Design"),
        ("Linus", ""),
    ]


def test_csv_without_header_and_with_semicolons():
    assert roster.parse_roster_csv("Ada; Finance\nBo;Sales") == [("Ada", "Finance"), ("Bo", "Sales")]


@pytest.mark.parametrize("text, line", [("Ada,Eng\n   ,Design\n", 2), ("name,discipline\nAda,Eng\n\n ,x", 4)])
def test_a_blank_name_is_one_sentence_naming_its_line(text, line):
    with pytest.raises(ValueError) as raised:
        roster.parse_roster_csv(text)
    message = str(raised.value)
    assert message.startswith(f"Line {line} has no name") and message.count(".") == 1


# --- roster in the store ----------------------------------------------------------


def test_add_people_skips_people_already_on_the_roster(store):
    added = roster.add_people(store, [("Ada", "Eng"), ("Bo", "Sales")])
    again = roster.add_people(store, [(" ada ", "ENG"), ("Cy", "")])
    assert [p.name for p in added] == ["Ada", "Bo"] and [p.name for p in again] == ["Cy"]
    assert [p.name for p in roster.list_roster(store)] == ["Ada", "Bo", "Cy"]


def test_add_people_rejects_a_name_of_spaces_and_adds_nobody(store):
    with pytest.raises(ValueError):
        roster.add_people(store, [("Ada", ""), ("   ", "Eng")])
    assert roster.list_roster(store) == []


def _session_with(people, status):
    session = Session(
        title="S",
        date="2026-01-01",
        facilitator="",
        scenario=Scenario("A", "b", "c"),
        participants=[Participant(p.name, p.discipline, roster_id=p.id) for p in people],
        status=status,
    )
    return session


def test_participation_counts_each_started_session_once(store):
    ada, bo = roster.add_people(store, [("Ada", "Eng"), ("Bo", "Sales")])
    planned = _session_with([ada], "planned")
    store.save_session(planned)
    roster.record_participation(store, planned)
    assert {p.name: p.sessions_attended for p in roster.list_roster(store)} == {"Ada": 0, "Bo": 0}
    ran = _session_with([ada, bo], "ended")
    store.save_session(ran)
    for _ in range(3):  # recording the same session again changes nothing
        roster.record_participation(store, ran)
    planned.status = "running"
    store.save_session(planned)
    roster.record_participation(store, planned)
    people = {p.name: p for p in roster.list_roster(store)}
    assert people["Ada"].sessions_attended == 2 and people["Bo"].sessions_attended == 1
    assert people["Bo"].last_session_at == ran.created_at


# --- groups ---------------------------------------------------------------------


def make_people(disciplines):
    return [Person(f"P{i}", d) for i, d in enumerate(disciplines)]


discipline_lists = st.integers(4, 200).flatmap(
    lambda n: st.lists(
        st.sampled_from(["Eng", "Design", "Sales", "Support", "Legal", "Finance", "", "Ops"]), min_size=n, max_size=n
    )
)


@settings(max_examples=150, deadline=None)
@given(disciplines=discipline_lists, seed=st.integers(0, 10_000))
def test_groups_are_4_to_8_everyone_once_and_each_discipline_spread_evenly(disciplines, seed):
    people = make_people(disciplines)
    formed = groups.form_groups(people, seed)
    assert all(4 <= len(g) <= 8 for g in formed)
    assert max(map(len, formed)) - min(map(len, formed)) <= 1
    assert sorted(p.name for g in formed for p in g) == sorted(p.name for p in people)
    for discipline in set(disciplines):
        counts = [sum(p.discipline == discipline for p in g) for g in formed]
        assert max(counts) - min(counts) <= 1, (discipline, counts)


@settings(max_examples=50, deadline=None)
@given(disciplines=discipline_lists, seed=st.integers(0, 10_000))
def test_the_same_roster_and_seed_give_the_same_groups(disciplines, seed):
    first = groups.form_groups(make_people(disciplines), seed)
    second = groups.form_groups(make_people(disciplines), seed)
    assert [[p.name for p in g] for g in first] == [[p.name for p in g] for g in second]


def test_different_seeds_give_different_groups():
    people = make_people(["Eng", "Design", "Sales"] * 10)
    shapes = {tuple(tuple(p.name for p in g) for g in groups.form_groups(people, seed)) for seed in range(5)}
    assert len(shapes) > 1


def test_group_sizes_stay_near_the_target_of_six():
    assert [len(groups.form_groups(make_people(["x"] * n), 1)) for n in (4, 8, 9, 12, 13, 18, 200)] == [
        1,
        1,
        2,
        2,
        2,
        3,
        33,
    ]


def test_fewer_than_four_people_make_one_group_with_a_warning():
    formed = groups.form_groups(make_people(["Eng", "Eng", "Design"]), seed=1)
    assert len(formed) == 1 and len(formed[0]) == 3
    assert "small" in groups.size_warning(3)
    assert groups.form_groups([], seed=1) == []


@pytest.mark.parametrize("n, warned", [(0, True), (3, True), (4, False), (8, False), (9, True)])
def test_size_warning_only_outside_four_to_eight(n, warned):
    assert (groups.size_warning(n) is not None) == warned


def test_pick_group_prefers_the_group_with_the_most_newcomers():
    people = [Person(f"Old{i}", "Eng", sessions_attended=2) for i in range(6)]
    people += [Person(f"New{i}", "Eng") for i in range(6)]
    formed = groups.form_groups(people, seed=4)
    chosen = formed[groups.pick_group(formed)]
    assert {p.name[:3] for p in chosen} == {"New"}


def test_newcomers_gather_in_one_group_even_when_disciplines_are_mixed():
    people = [Person(f"Old-{d}-{i}", d, 3) for d in ("Eng", "Sales") for i in range(3)]
    people += [Person(f"New-{d}-{i}", d) for d in ("Eng", "Sales") for i in range(3)]
    formed = groups.form_groups(people, seed=9)
    chosen = formed[groups.pick_group(formed)]
    assert groups.newcomer_count(chosen) == 6
    assert Counter(p.discipline for p in chosen) == {"Eng": 3, "Sales": 3}


def test_pick_group_needs_a_group():
    with pytest.raises(ValueError):
        groups.pick_group([])


# --- roles ------------------------------------------------------------------------


def test_every_role_is_dealt_once_before_any_repeats_and_the_deal_is_seeded():
    people = [Participant(f"P{i}") for i in range(6)]
    roles = ["Founder", "Baker", "Bookkeeper", "Web helper"]
    dealt = groups.deal_roles(people, roles, seed=3)
    assert sorted(dealt[:4]) == sorted(roles) and set(dealt[4:]) <= set(roles)
    assert [p.role for p in people] == dealt
    assert groups.deal_roles([Participant(f"P{i}") for i in range(6)], roles, seed=3) == dealt


def test_no_roles_on_the_card_leaves_roles_blank():
    people = [Participant("A", role="old")]
    assert groups.deal_roles(people, [" "], seed=1) == [""] and people[0].role == ""


def test_a_roster_name_past_the_limit_is_refused_and_nobody_added(store):
    from studygroup.roster import add_people, list_roster

    with pytest.raises(ValueError, match="a name can have 100 characters"):
        add_people(store, [("Ada Obi", "Design"), ("N" * 101, "Design")])
    assert list_roster(store) == []
