"""The user's own scenario cards: renamed, deleted and brought back; built-in cards refused; sessions untouched."""

import dataclasses
import json

import pytest

from studygroup import own_cards, scenarios
from studygroup.errors import PlanLibraryError
from studygroup.model import Phase, Scenario, Session

GLUTEN_FREE = Scenario(
    company="Crumb & Co (gluten-free)",
    who_they_are="A three-person bakery.",
    outcome_problem="Take pre-orders before Friday.",
    product="Checkout",
    roles=["Baker", "Rider"],
)


@pytest.fixture
def own_card() -> Scenario:
    """The user's own card, saved to the library (its key set)."""
    card = dataclasses.replace(GLUTEN_FREE)
    scenarios.save_to_library(card)
    assert card.key == "crumb_co_gluten_free"
    return card


def library() -> dict[str, str]:
    return {card.key: card.company for card in scenarios.load_library()}


def test_rename_changes_the_company_name_and_keeps_the_key_and_the_rest(own_card):
    renamed = own_cards.rename_card(own_card.key, "  Crumb & Co, March  ")
    assert (renamed.key, renamed.company) == ("crumb_co_gluten_free", "Crumb & Co, March")
    saved = json.loads((scenarios.user_dir() / "crumb_co_gluten_free.json").read_text(encoding="utf-8"))
    assert saved["company"] == "Crumb & Co, March" and saved["roles"] == ["Baker", "Rider"]
    assert library()["crumb_co_gluten_free"] == "Crumb & Co, March"


@pytest.mark.parametrize(
    "key, name, sentence",
    [
        ("bakery", "Mine now", "“bakery” is a built-in card, and built-in cards cannot be renamed."),
        ("nothing_here", "Mine", "There is no card “nothing_here” among your own cards."),
        (
            "../scenarios/crumb_co_gluten_free",
            "Escape",
            "There is no card “../scenarios/crumb_co_gluten_free” among your own cards.",
        ),
        ("crumb_co_gluten_free", " ", "The card's company name is blank; type one."),
        (
            "crumb_co_gluten_free",
            "Two\nlines",
            "The card's company name must be one line of text; character 4 is a line break or a control character.",
        ),
        ("crumb_co_gluten_free", "C" * 201, "The card's company name can have 200 characters; it has 201. Shorten it."),
    ],
)
def test_rename_refuses_built_in_unknown_and_bad_names_in_one_sentence(own_card, key, name, sentence):
    with pytest.raises(PlanLibraryError) as refused:
        own_cards.rename_card(key, name)
    assert str(refused.value) == sentence
    assert library()["crumb_co_gluten_free"] == "Crumb & Co (gluten-free)" and library()["bakery"] == "Crumb & Co"


def test_delete_keeps_the_card_aside_and_undo_puts_it_back_under_its_key(own_card):
    deleted = own_cards.delete_card(own_card.key)
    assert deleted == own_cards.DeletedCard(
        "crumb_co_gluten_free", "Crumb & Co (gluten-free)", own_cards.deleted_dir() / "crumb_co_gluten_free.json"
    )
    assert "crumb_co_gluten_free" not in library() and deleted.kept_at.exists()
    assert own_cards.restore_card(deleted) == "crumb_co_gluten_free"
    assert library()["crumb_co_gluten_free"] == "Crumb & Co (gluten-free)" and not deleted.kept_at.exists()


def test_undo_after_the_key_was_taken_again_brings_the_card_back_under_a_free_key(own_card):
    deleted = own_cards.delete_card(own_card.key)
    again = dataclasses.replace(GLUTEN_FREE, company="Crumb & Co (gluten-free)", key="")
    scenarios.save_to_library(again)
    assert again.key == "crumb_co_gluten_free"
    assert own_cards.restore_card(deleted) == "crumb_co_gluten_free_2"
    assert {k for k in library() if k.startswith("crumb_co")} == {"crumb_co_gluten_free", "crumb_co_gluten_free_2"}


def test_deleting_twice_keeps_both_copies_aside(own_card):
    first = own_cards.delete_card(own_card.key)
    scenarios.save_to_library(dataclasses.replace(GLUTEN_FREE, key=""))
    second = own_cards.delete_card(own_card.key)
    assert first.kept_at.name == "crumb_co_gluten_free.json" and second.kept_at.name == "crumb_co_gluten_free_2.json"
    assert first.kept_at.exists() and second.kept_at.exists()


def test_a_built_in_card_is_never_deleted():
    with pytest.raises(PlanLibraryError, match="^“bakery” is a built-in card, and built-in cards cannot be deleted.$"):
        own_cards.delete_card("bakery")
    assert (scenarios.builtin_dir() / "bakery.json").exists() and "bakery" in library()


def test_a_card_file_that_cannot_be_read_can_still_be_deleted():
    scenarios.user_dir().mkdir(parents=True)
    (scenarios.user_dir() / "broken.json").write_text("{ damaged", encoding="utf-8")
    with pytest.raises(PlanLibraryError, match="^The card broken.json cannot be read: Expecting property name"):
        own_cards.rename_card("broken", "Fixed")
    deleted = own_cards.delete_card("broken")
    assert deleted.company == "broken" and not (scenarios.user_dir() / "broken.json").exists()


def test_sessions_keep_their_copy_of_a_card_renamed_or_deleted_later(store, own_card):
    session = Session(
        title="Gluten-free checkout",
        date="2026-03-02",
        facilitator="Jo",
        scenario=own_card,
        phases=[Phase("Experience the product", 30)],
    )
    store.save_session(session)
    own_cards.rename_card(own_card.key, "Someone else entirely")
    own_cards.delete_card(own_card.key)
    kept = store.load_session(session.id).scenario
    assert (kept.key, kept.company, kept.roles) == (
        "crumb_co_gluten_free",
        "Crumb & Co (gluten-free)",
        ["Baker", "Rider"],
    )
