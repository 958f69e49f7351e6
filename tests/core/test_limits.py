"""The documented limits: one module, the same numbers in the bundle schema and docs/limits.md."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from studygroup import limits
from studygroup.limits import clip, clip_note, clip_session
from studygroup.model import Observation, Participant, Phase, Scenario, Session
from studygroup.resources import resource_path

DOC = Path(__file__).resolve().parents[2] / "docs" / "limits.md"

# Where each limit applies in the bundle schema: (schema definition, property) -> limit.
SCHEMA_TEXT = {
    ("session", "title"): limits.MAX_TITLE,
    ("session", "facilitator"): limits.MAX_NAME,
    ("session", "lingo"): limits.MAX_LINGO,
    ("session", "journey_steps"): limits.MAX_STEP,
    ("scenario", "company"): limits.MAX_LABEL,
    ("scenario", "product"): limits.MAX_LABEL,
    ("scenario", "key"): limits.MAX_LABEL,
    ("scenario", "roles"): limits.MAX_LABEL,
    ("scenario", "who_they_are"): limits.MAX_TEXT,
    ("scenario", "outcome_problem"): limits.MAX_TEXT,
    ("scenario", "starting_point"): limits.MAX_TEXT,
    ("scenario", "success_looks_like"): limits.MAX_TEXT,
    ("scenario", "rule_one"): limits.MAX_TEXT,
    ("scenario", "rule_two"): limits.MAX_TEXT,
    ("scenario", "probing_questions"): limits.MAX_QUESTION,
    ("phase", "name"): limits.MAX_LABEL,
    ("phase", "prompt"): limits.MAX_TEXT,
    ("participant", "name"): limits.MAX_NAME,
    ("participant", "discipline"): limits.MAX_LABEL,
    ("participant", "role"): limits.MAX_LABEL,
    ("observation", "text"): limits.MAX_NOTE,
    ("observation", "journey_step"): limits.MAX_STEP,
    ("observation", "tags"): limits.MAX_TAG,
    ("observation", "expected"): limits.MAX_NOTE,
    ("observation", "happened"): limits.MAX_NOTE,
    ("draft", "text"): limits.MAX_DRAFT,
    ("follow_up_state", "owner"): limits.MAX_OWNER,
    ("follow_up_state", "link"): limits.MAX_LINK,
    ("turn", "question"): limits.MAX_QUESTION,
    ("turn", "text"): limits.MAX_TURN_TEXT,
}
SCHEMA_ITEMS = {
    ("session", "phases"): limits.MAX_PHASES,
    ("session", "participants"): limits.MAX_PARTICIPANTS,
    ("session", "lingo"): limits.MAX_LINGO_TERMS,
    ("session", "journey_steps"): limits.MAX_JOURNEY_STEPS,
    ("scenario", "probing_questions"): limits.MAX_QUESTIONS,
    ("scenario", "roles"): limits.MAX_ROLES,
    ("observation", "tags"): limits.MAX_TAGS,
    ("observation", "versions"): limits.MAX_VERSIONS,
}


def test_the_limits_are_the_documented_numbers():
    assert (
        limits.MAX_TITLE,
        limits.MAX_NAME,
        limits.MAX_LABEL,
        limits.MAX_TEXT,
        limits.MAX_QUESTION,
        limits.MAX_STEP,
        limits.MAX_TAG,
        limits.MAX_LINGO,
        limits.MAX_NOTE,
        limits.MAX_DRAFT,
        limits.MAX_OWNER,
        limits.MAX_LINK,
        limits.MAX_TURN_TEXT,
    ) == (200, 100, 200, 2000, 500, 200, 100, 100, 10_000, 100_000, 100, 2000, 2000)
    assert (
        limits.MAX_PHASES,
        limits.MAX_PARTICIPANTS,
        limits.MAX_LINGO_TERMS,
        limits.MAX_JOURNEY_STEPS,
        limits.MAX_QUESTIONS,
        limits.MAX_ROLES,
        limits.MAX_TAGS,
        limits.MAX_NOTES,
        limits.MAX_VERSIONS,
        limits.MAX_TURNS,
    ) == (100, 100, 500, 1000, 50, 50, 50, 100_000, 1000, 10_000)


@pytest.mark.parametrize(("where", "limit"), SCHEMA_TEXT.items())
def test_the_bundle_schema_allows_the_same_text_lengths(where, limit):
    definition, name = where
    field = json.loads(resource_path("schemas", "bundle-1.schema.json").read_text())["$defs"][definition]
    field = field["properties"][name]
    assert field.get("items", field)["maxLength"] == limit


@pytest.mark.parametrize(("where", "limit"), SCHEMA_ITEMS.items())
def test_the_bundle_schema_allows_the_same_list_lengths(where, limit):
    definition, name = where
    schema = json.loads(resource_path("schemas", "bundle-1.schema.json").read_text())
    assert schema["$defs"][definition]["properties"][name]["maxItems"] == limit


def test_the_bundle_schema_allows_as_many_turns_as_a_session_may_hold():
    schema = json.loads(resource_path("schemas", "bundle-1.schema.json").read_text())
    assert schema["properties"]["turns"]["maxItems"] == limits.MAX_TURNS


def test_docs_limits_lists_every_limit_with_its_number():
    doc = DOC.read_text(encoding="utf-8")
    for name in dir(limits):
        if name.startswith("MAX_"):
            row = re.search(rf"^\|[^\n]*`{name}`[^\n]*$", doc, re.M)
            assert row, f"{name} is not in docs/limits.md"
            assert f"{getattr(limits, name):,}" in row.group(0), row.group(0)


def test_clip_keeps_text_at_the_limit_and_cuts_longer_text_with_an_ellipsis():
    assert clip("", 3) == "" and clip("abc", 3) == "abc"
    assert clip("abcd", 3) == "abc…"
    assert clip("😀" * 5, 2) == "😀😀…"


def test_clip_session_and_clip_note_cut_every_text_and_keep_ids():
    long = "x" * 20_000
    person = Participant(long, discipline=long, role=long)
    session = Session(
        title=long,
        date="2026-03-02",
        facilitator=long,
        lingo=[long],
        journey_steps=[long],
        scenario=Scenario(
            company=long,
            who_they_are=long,
            outcome_problem=long,
            product=long,
            starting_point=long,
            success_looks_like=long,
            probing_questions=[long],
            roles=[long],
            rule_one=long,
            rule_two=long,
            key=long,
        ),
        phases=[Phase(long, 10, prompt=long)],
        participants=[person],
    )
    cut = clip_session(session)
    assert session.title == long  # the original is untouched
    assert [len(cut.title), len(cut.facilitator), len(cut.lingo[0]), len(cut.journey_steps[0])] == [201, 101, 101, 201]
    card = cut.scenario
    assert [
        len(card.company),
        len(card.who_they_are),
        len(card.probing_questions[0]),
        len(card.roles[0]),
        len(card.rule_two),
        len(card.key),
    ] == [201, 2001, 501, 201, 2001, 201]
    assert [len(cut.phases[0].name), len(cut.phases[0].prompt)] == [201, 2001]
    assert [len(cut.participants[0].name), len(cut.participants[0].role)] == [101, 201]
    assert cut.participants[0].id == person.id and cut.phases[0].id == session.phases[0].id

    note = Observation(session_id=session.id, text=long, journey_step=long, tags=[long], expected=long, happened=long)
    short = clip_note(note)
    assert [len(short.text), len(short.journey_step), len(short.tags[0]), len(short.expected), len(short.happened)] == [
        10_001,
        201,
        101,
        10_001,
        10_001,
    ]
    assert short.id == note.id and short.text.endswith("x…") and len(note.text) == 20_000
    fine = Observation(session_id=session.id, text="fine")
    assert clip_note(fine) is fine
