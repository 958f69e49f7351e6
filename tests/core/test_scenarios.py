"""The scenario library: built-in cards, the user's own cards, and files that are not cards."""

import json

import pytest

from studygroup import scenarios
from studygroup.model import Scenario


def test_the_library_ships_at_least_eight_complete_cards_sorted_by_company():
    cards = scenarios.load_library()
    assert len(cards) >= 8
    assert [c.company.casefold() for c in cards] == sorted(c.company.casefold() for c in cards)
    for card in cards:
        assert card.who_they_are and card.outcome_problem and card.starting_point and card.success_looks_like
        assert card.product and card.roles, card.key
        assert 3 <= len(card.probing_questions) <= 5, card.key
    assert "bakery" in {c.key for c in cards}


def test_every_built_in_file_uses_exactly_the_bakery_keys():
    expected = set(json.loads((scenarios.builtin_dir() / "bakery.json").read_text(encoding="utf-8")))
    for path in scenarios.builtin_dir().glob("*.json"):
        assert set(json.loads(path.read_text(encoding="utf-8"))) == expected, path.name


def test_a_malformed_card_is_skipped_and_reported_not_fatal():
    folder = scenarios.user_dir()
    folder.mkdir(parents=True)
    (folder / "broken.json").write_text("{ not json", encoding="utf-8")
    (folder / "no_company.json").write_text(json.dumps({"who_they_are": "x", "outcome_problem": "y"}), encoding="utf-8")
    (folder / "bad_roles.json").write_text(
        json.dumps({"company": "A", "who_they_are": "x", "outcome_problem": "y", "roles": "not a list"}),
        encoding="utf-8",
    )
    problems = []
    cards = scenarios.load_library(problems)
    assert len(cards) >= 8
    assert len(problems) == 3
    assert any("broken.json" in p for p in problems)
    assert any("'company'" in p for p in problems)
    assert any("'roles'" in p for p in problems)


def test_dict_round_trip_keeps_every_card_field():
    card = Scenario(
        company="Acme",
        who_they_are="Two founders",
        outcome_problem="Get paid",
        product="Checkout",
        starting_point="A laptop",
        success_looks_like="Money arrives",
        probing_questions=["Why?"],
        roles=["CEO", "CTO"],
    )
    data = scenarios.scenario_to_dict(card)
    assert "key" not in data and "rule_one" not in data
    assert scenarios.scenario_from_dict(data, key="acme") == Scenario(**{**card.__dict__, "key": "acme"})


def test_saving_writes_a_slug_named_file_in_the_user_folder_and_loads_back():
    card = Scenario(
        company="Zoë's Café & Bar",
        who_they_are="A café",
        outcome_problem="Take tips",
        probing_questions=["a", "b", "c"],
        roles=["Owner"],
    )
    path = scenarios.save_to_library(card)
    assert path == scenarios.user_dir() / "zoe_s_cafe_bar.json"
    assert card.key == "zoe_s_cafe_bar"
    loaded = {c.key: c for c in scenarios.load_library()}["zoe_s_cafe_bar"]
    assert loaded.company == "Zoë's Café & Bar" and loaded.roles == ["Owner"]
    assert not list(scenarios.user_dir().glob("*.part"))


def test_saving_again_updates_the_same_user_file():
    card = Scenario(company="Acme", who_they_are="x", outcome_problem="y")
    first = scenarios.save_to_library(card)
    card.outcome_problem = "changed"
    assert scenarios.save_to_library(card) == first
    assert len(list(scenarios.user_dir().glob("*.json"))) == 1
    assert json.loads(first.read_text(encoding="utf-8"))["outcome_problem"] == "changed"


def test_a_built_in_card_is_never_overwritten():
    builtin = scenarios.builtin_dir() / "bakery.json"
    before = builtin.read_bytes()
    card = Scenario(company="Bakery", who_they_are="x", outcome_problem="y", key="bakery")
    path = scenarios.save_to_library(card)
    assert path.parent == scenarios.user_dir() and path.name == "bakery_2.json"
    assert builtin.read_bytes() == before
    assert card.key == "bakery_2"


@pytest.mark.parametrize(
    "data, field",
    [
        ([], None),
        ({"company": " ", "who_they_are": "x", "outcome_problem": "y"}, "company"),
        ({"company": "A", "who_they_are": "x", "outcome_problem": "y", "probing_questions": [1]}, "probing_questions"),
    ],
)
def test_scenario_from_dict_rejects_non_cards_in_one_sentence(data, field):
    with pytest.raises(ValueError) as raised:
        scenarios.scenario_from_dict(data)
    assert field is None or repr(field) in str(raised.value)
