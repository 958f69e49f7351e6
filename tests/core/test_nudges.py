"""The two rules' nudges: lingo and solution talk are found; ordinary text stays quiet."""

import pytest

from studygroup.nudges import RULE1_HINT, RULE2_HINT, lingo_hits, load_solution_phrases, parse_phrases, solution_hits

LINGO = ["Connect", "KYC", "PaymentIntent", "acct_", "Radar", "the Dashboard team", "box"]


@pytest.mark.parametrize(
    "text, hits",
    [
        ("I couldn't find Connect anywhere", ["Connect"]),
        ("the kyc step took ages", ["KYC"]),
        ("Two PaymentIntents were created", ["PaymentIntent"]),
        ("all those boxes", ["box"]),
        ("ask the dashboard   team about it", ["the Dashboard team"]),
        ("it showed acct_1234 in the URL", ["acct_"]),
        ("Radar blocked it, then KYC again", ["KYC", "Radar"]),
    ],
)
def test_lingo_is_found_as_whole_words_any_case_with_plurals(text, hits):
    assert sorted(lingo_hits(text, LINGO)) == sorted(hits)


@pytest.mark.parametrize(
    "text",
    [
        "I had to reconnect the bank account",  # "Connect" inside a word
        "Connected to the wifi at last",  # not a simple plural
        "The dashboard was slow",  # only part of a multi-word term
        "a boxing day sale",
        "",
    ],
)
def test_lingo_stays_quiet_on_ordinary_text(text):
    assert lingo_hits(text, LINGO) == []


def test_each_term_is_reported_once_and_blank_terms_are_ignored():
    assert lingo_hits("KYC, kyc, KYCs", ["KYC", "  ", ""]) == ["KYC"]


PHRASES = load_solution_phrases()


@pytest.mark.parametrize(
    "text",
    [
        "We should add a progress bar",
        "they could JUST ADD a button",
        "Somebody needs to fix this page",
        "need to fix the address form",
        "Why don't we show the date?",
        "why don\u2019t we show the date?",  # typographic apostrophe
        "we could build a checklist",
        "Let's add a tooltip",
        "It would be better if the form remembered me",
        "we\nshould\tlink it",  # whitespace between the words may be anything
    ],
)
def test_solution_talk_is_found(text):
    assert solution_hits(text, PHRASES)


@pytest.mark.parametrize(
    "text",
    [
        "My shoulder hurts from all this scrolling",
        "I fixed my coffee while it loaded",
        "The page talked about justice and fairness",
        "I just added my bank account and it failed",
        "It should have worked but it said error 402",
        "I felt lost on the second screen",
        "",
    ],
)
def test_ordinary_text_does_not_trigger_rule_two(text):
    assert solution_hits(text, PHRASES) == []


def test_the_phrase_file_is_editable_text_with_comments():
    assert "we should" in PHRASES and "just add" in PHRASES and "why don't we" in PHRASES
    assert not any(p.startswith("#") for p in PHRASES)
    assert parse_phrases("# note\n\n  we should  \n#x\nlet's add\n") == ["we should", "let's add"]


def test_hints_are_the_agreed_sentences():
    assert RULE1_HINT == "Rule 1, you don't work here: how would the customer say it?"
    assert RULE2_HINT == "Rule 2, we're not solving yet: what happened, and how did it feel?"
