"""The longest text and the longest lists studygroup accepts: the one place that says how long.

The numbers are the ones in docs/limits.md and in the bundle schema
(resources/schemas/bundle-1.schema.json); tests/core/test_limits.py keeps the three in step.
Text fields enforce them where they are typed (`too_long` and `too_many` word the refusal) and
when a bundle is read. The exports defend themselves as well: `clip_session` and `clip_note`
cut anything longer (from an older database or a file edited by hand) with "…", so one 100 MB
title cannot make a PDF take minutes.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Sized

from studygroup.model import Observation, Scenario, Session, Turn

ELLIPSIS = "…"

# Characters (Python str length: code points) per text field.
MAX_TITLE = 200  # session title
MAX_NAME = 100  # a person: participant, facilitator
MAX_LABEL = 200  # short labels: company, product, discipline, role, phase name, scenario key, agenda template name
MAX_TEXT = 2000  # persona-card paragraphs, the two rules, a phase's prompt
MAX_QUESTION = 500  # one probing question
MAX_STEP = 200  # one journey step
MAX_TAG = 100  # one tag
MAX_LINGO = 100  # one insider-lingo term
MAX_NOTE = 10_000  # a note, its "I expected" and "What happened"
MAX_DRAFT = 100_000  # unsent text in the note box: room for a long paste to be shortened before saving
MAX_OWNER = 100  # who owns a follow-up: a person's name, like MAX_NAME
MAX_LINK = 2000  # a follow-up's tracker link: the length browsers and trackers reliably keep
MAX_TURN_TEXT = 2000  # what was said in one question-round turn: short, and one PDF table cell never outgrows a page

# Items per list.
MAX_PHASES = 100
MAX_PARTICIPANTS = 100
MAX_LINGO_TERMS = 500
MAX_JOURNEY_STEPS = 1000
MAX_QUESTIONS = 50
MAX_ROLES = 50
MAX_TAGS = 50
MAX_NOTES = 100_000  # notes in one session
MAX_VERSIONS = 1000  # earlier versions kept per note
MAX_TURNS = 10_000  # question-round turns in one session (100 people x 50 questions, twice over)


def clip(text: str, limit: int) -> str:
    """*text* whole when it has at most *limit* characters, else its first *limit* and "…"."""
    return text if len(text) <= limit else text[:limit] + ELLIPSIS


def _clip_all(items: list[str], limit: int) -> list[str]:
    return [clip(item, limit) for item in items]


def clip_note(note: Observation) -> Observation:
    """*note* itself when every field is within its limit, else a copy with the long ones cut."""
    text, step = clip(note.text, MAX_NOTE), clip(note.journey_step, MAX_STEP)
    expected, happened = clip(note.expected, MAX_NOTE), clip(note.happened, MAX_NOTE)
    tags = _clip_all(note.tags, MAX_TAG)
    clipped = (text, step, expected, happened, tags)
    if clipped == (note.text, note.journey_step, note.expected, note.happened, note.tags):
        return note
    return dataclasses.replace(note, text=text, journey_step=step, expected=expected, happened=happened, tags=tags)


def clip_turn(turn: Turn) -> Turn:
    """*turn* itself when its question and text are within their limits, else a copy with them cut."""
    question, text = clip(turn.question, MAX_QUESTION), clip(turn.text, MAX_TURN_TEXT)
    if (question, text) == (turn.question, turn.text):
        return turn
    return dataclasses.replace(turn, question=question, text=text)


def clip_session(session: Session) -> Session:
    """A copy of *session* whose every text is within its limit (lists keep all their items)."""
    scenario: Scenario = session.scenario
    card = dataclasses.replace(
        scenario,
        company=clip(scenario.company, MAX_LABEL),
        product=clip(scenario.product, MAX_LABEL),
        key=clip(scenario.key, MAX_LABEL),
        probing_questions=_clip_all(scenario.probing_questions, MAX_QUESTION),
        roles=_clip_all(scenario.roles, MAX_LABEL),
        **{
            name: clip(getattr(scenario, name), MAX_TEXT)
            for name in (
                "who_they_are",
                "outcome_problem",
                "starting_point",
                "success_looks_like",
                "rule_one",
                "rule_two",
            )
        },
    )
    phases = [
        dataclasses.replace(p, name=clip(p.name, MAX_LABEL), prompt=clip(p.prompt, MAX_TEXT)) for p in session.phases
    ]
    people = [
        dataclasses.replace(
            p, name=clip(p.name, MAX_NAME), discipline=clip(p.discipline, MAX_LABEL), role=clip(p.role, MAX_LABEL)
        )
        for p in session.participants
    ]
    return dataclasses.replace(
        session,
        title=clip(session.title, MAX_TITLE),
        facilitator=clip(session.facilitator, MAX_NAME),
        scenario=card,
        phases=phases,
        participants=people,
        lingo=_clip_all(session.lingo, MAX_LINGO),
        journey_steps=_clip_all(session.journey_steps, MAX_STEP),
    )


def too_long(what: str, text: str, limit: int) -> str:
    """The sentence for a text past its limit; the text stays where it was typed, to be shortened."""
    return f"{what} can have {limit:,} characters; it has {len(text):,}. Shorten it."


def too_many(where: str, noun: str, items: Sized, limit: int) -> str:
    """The sentence for a list past its limit, e.g. "The agenda can have 100 phases; it has 101. Remove some." """
    return f"{where} can have {limit:,} {noun}; it has {len(items):,}. Remove some."


def name_problem(what: str, text: str, limit: int) -> str | None:
    """Why *text* cannot be a name a person gives a thing (an agenda template, a card): blank, more than
    one line (or a control character) or too long, as one sentence about *what*; None when it can."""
    if not text.strip():
        return f"{what} is blank; type one."
    broken = next((n for n, ch in enumerate(text, start=1) if unicodedata.category(ch) in ("Cc", "Cs")), None)
    if broken is not None:
        return f"{what} must be one line of text; character {broken} is a line break or a control character."
    if len(text) > limit:
        return too_long(what, text, limit)
    return None
