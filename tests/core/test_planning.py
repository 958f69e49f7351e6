"""What makes a plan a session: one sentence for the first problem, and the tidied Session it builds."""

from __future__ import annotations

import pytest

from studygroup.model import Participant, Phase, Scenario
from studygroup.planning import Plan, PlanProblem, build_session, lines_of, plan_problem


def plan(**changes) -> Plan:
    """A plan that can be saved, with *changes* made to it."""
    fields = {
        "title": "Checkout group",
        "date": "2026-03-02",
        "facilitator": "Jordan",
        "scenario": Scenario(company="Acme", who_they_are="Two founders", outcome_problem="Get paid"),
        "phases": [Phase("Welcome", 5), Phase("Experience the product", 30, prompt="Try it")],
        "participants": [Participant("Ada"), Participant("Bo")],
        "lingo": ["KYC"],
    }
    return Plan(**{**fields, **changes})


def test_a_complete_plan_has_no_problem():
    assert plan_problem(plan()) is None


def test_build_session_trims_every_text_and_collapses_spaces_in_names():
    planned = plan(
        title="  Checkout group ",
        facilitator=" Jordan ",
        participants=[Participant("  Ada   Lovelace ", discipline=" Eng ", role=" Baker ")],
        phases=[Phase(" Welcome ", 5, prompt=" Say hello ")],
        lingo=["KYC", "  ", " the Dashboard team "],
        auto_advance=True,
    )
    session = build_session(planned)
    assert (session.title, session.facilitator, session.date) == ("Checkout group", "Jordan", "2026-03-02")
    person = session.participants[0]
    assert (person.name, person.discipline, person.role) == ("Ada Lovelace", "Eng", "Baker")
    assert (session.phases[0].name, session.phases[0].prompt) == ("Welcome", "Say hello")
    assert session.lingo == ["KYC", "the Dashboard team"]
    assert session.auto_advance is True and session.scenario.company == "Acme"


def test_build_session_copies_people_and_phases_so_the_plan_can_change_on():
    planned = plan()
    session = build_session(planned)
    planned.participants[0].name = "Changed"
    planned.phases[0].planned_minutes = 99
    assert session.participants[0].name == "Ada" and session.phases[0].planned_minutes == 5
    assert session.participants[0].id == planned.participants[0].id  # the same person, not a new one


@pytest.mark.parametrize(
    "changes, field, sentence",
    [
        ({"title": "   "}, "title", "Give the session a title, for example “Checkout study group, March”."),
        ({"title": "T" * 201}, "title", "The title can have 200 characters; it has 201. Shorten it."),
        (
            {"facilitator": "F" * 101},
            "facilitator",
            "The facilitator's name can have 100 characters; it has 101. Shorten it.",
        ),
        ({"lingo": ["KYC", "K" * 101]}, "lingo", "A lingo term can have 100 characters; it has 101. Shorten it."),
        ({"lingo": ["term"] * 501}, "lingo", "The lingo can have 500 terms; it has 501. Remove some."),
        (
            {"scenario": Scenario(company="", who_they_are="x", outcome_problem="y")},
            "scenario.company",
            "The card needs a company name.",
        ),
        (
            {"scenario": Scenario(company="Acme", who_they_are="x", outcome_problem="y", product="P" * 201)},
            "scenario.product",
            "“Product” on the card can have 200 characters; it has 201. Shorten it.",
        ),
        (
            {"participants": [Participant("Ada"), Participant("   ")]},
            "participants",
            "Person 2 in the group has no name; type one or remove the row.",
        ),
        (
            {"participants": [Participant("Ada"), Participant(" ada ")]},
            "participants",
            "Two people in the group are called “ada”; add an initial so their notes can be told apart.",
        ),
        (
            {"participants": [Participant("Ada"), Participant("B" * 101)]},
            "participants",
            "Person 2's name can have 100 characters; it has 101. Shorten it.",
        ),
        (
            {"participants": [Participant("Ada", discipline="D" * 201)]},
            "participants",
            "Person 1's discipline can have 200 characters; it has 201. Shorten it.",
        ),
        (
            {"participants": [Participant("Ada", role="R" * 201)]},
            "participants",
            "Person 1's role can have 200 characters; it has 201. Shorten it.",
        ),
        (
            {"participants": [Participant(f"Person {n}") for n in range(101)]},
            "participants",
            "The group can have 100 people; it has 101. Remove some.",
        ),
        ({"phases": []}, "agenda", "The agenda has no phases; pick a template or add a phase."),
        (
            {"phases": [Phase("Talk", 1) for _ in range(101)]},
            "phases",
            "The agenda can have 100 phases; it has 101. Remove some.",
        ),
        ({"phases": [Phase("Welcome", 5), Phase("  ", 5)]}, "phases", "Phase 2 of the agenda has no name."),
        (
            {"phases": [Phase("N" * 201, 5)]},
            "phases",
            "Phase 1's name can have 200 characters and its prompt 2,000; shorten them.",
        ),
        (
            {"phases": [Phase("Welcome", 5, prompt="P" * 2001)]},
            "phases",
            "Phase 1's name can have 200 characters and its prompt 2,000; shorten them.",
        ),
        (
            {"phases": [Phase("Welcome", 0)]},
            "phases",
            "Phase 1 can last more than 0 and at most 1,440 minutes; it has 0.",
        ),
        (
            {"phases": [Phase("Welcome", 1441)]},
            "phases",
            "Phase 1 can last more than 0 and at most 1,440 minutes; it has 1441.",
        ),
    ],
)
def test_each_problem_is_one_sentence_naming_its_field(changes, field, sentence):
    assert plan_problem(plan(**changes)) == PlanProblem(field, sentence)


def test_the_first_problem_from_the_top_of_the_page_is_the_one_said():
    untitled_and_empty = plan(title="", participants=[Participant("")], phases=[])
    assert plan_problem(untitled_and_empty).field == "title"
    assert plan_problem(plan(participants=[Participant("")], phases=[])).field == "participants"


def test_the_plan_is_judged_as_it_would_be_saved():
    assert plan_problem(plan(title="  " + "T" * 200 + "  ", participants=[Participant(" Ada   Lovelace ")])) is None
    assert plan_problem(plan(phases=[Phase("Longest", 1440)], lingo=["term"] * 500 + ["  "])) is None


def test_lines_of_keeps_one_trimmed_item_per_non_empty_line():
    assert lines_of("KYC\n\n  the Dashboard team \n\t\n") == ["KYC", "the Dashboard team"]
