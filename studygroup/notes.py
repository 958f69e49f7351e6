"""Turn what someone typed into an Observation: tags, stamps and rule flags, with validation."""

from __future__ import annotations

import re
from collections.abc import Sequence

from studygroup.clock import SessionClock
from studygroup.limits import MAX_NOTE, MAX_STEP, MAX_TAG, MAX_TAGS
from studygroup.model import KIND_KEYS, SEVERITY_WORDS, Observation, Session, add_step
from studygroup.nudges import lingo_hits, load_solution_phrases, solution_hits

# A tag starts with a letter (so "#3" and "&#39;" are not tags) and may go on with letters,
# digits, "_" or "-"; \w is Unicode-aware, so "#café" and "#支払い" are tags.
TAG = re.compile(r"(?<![\w&#])#([^\W\d_][\w-]*)")


def parse_tags(text: str) -> list[str]:
    """The #tags in *text*, lowercased and without repeats, in the order they first appear."""
    tags: list[str] = []
    for match in TAG.finditer(text):
        tag = match.group(1).rstrip("-").lower()
        if tag not in tags:
            tags.append(tag)
    return tags


def build_observation(
    session: Session,
    author_id: str | None,
    text: str,
    kind: str,
    severity: int,
    journey_step: str,
    expected: str,
    happened: str,
    clock: SessionClock,
    now: float,
    phrases: Sequence[str] | None = None,
) -> Observation:
    """A new note stamped with the current phase, session time and wall time, and flagged by the rules."""
    text = text.strip()
    if not text:
        raise ValueError("A note needs some text: write what happened, then save.")
    if kind not in KIND_KEYS:
        raise ValueError(f"The kind {kind!r} is not one of {', '.join(KIND_KEYS)}.")
    if severity not in SEVERITY_WORDS:
        raise ValueError(f"The severity must be 1, 2 or 3, not {severity!r}.")
    expected, happened, journey_step = expected.strip(), happened.strip(), journey_step.strip()
    _within_limits(text, journey_step, expected, happened)
    everything = "\n".join((text, expected, happened))
    phrases = load_solution_phrases() if phrases is None else phrases
    phase = clock.phase
    return Observation(
        session_id=session.id,
        text=text,
        kind=kind,
        severity=severity,
        author_id=author_id,
        phase_id=phase.id if phase else None,
        session_seconds=clock.session_elapsed(),
        wall_time=now,
        journey_step=journey_step,
        tags=_tags_within_limits(everything),
        expected=expected,
        happened=happened,
        lingo_flag=bool(lingo_hits(everything, session.lingo)),
        solution_flag=bool(solution_hits(everything, phrases)),
        updated_at=now,
    )


def _within_limits(text: str, journey_step: str, expected: str, happened: str) -> None:
    """A sentence for the typist, who keeps the text, rather than a store refusal naming fields."""
    for what, value, limit in (
        ("A note", text, MAX_NOTE),
        ("\u201cI expected\u201d", expected, MAX_NOTE),
        ("\u201cWhat happened\u201d", happened, MAX_NOTE),
        ("A journey step", journey_step, MAX_STEP),
    ):
        if len(value) > limit:
            raise ValueError(
                f"{what} can hold {limit:,} characters; this one has {len(value):,}. "
                "Shorten it or split it in two; your text stays here."
            )


def _tags_within_limits(everything: str) -> list[str]:
    tags = parse_tags(everything)
    if len(tags) > MAX_TAGS:
        raise ValueError(f"A note can carry {MAX_TAGS} tags; this one has {len(tags)}.")
    long = next((tag for tag in tags if len(tag) > MAX_TAG), None)
    if long is not None:
        raise ValueError(f"A tag can have {MAX_TAG} characters; #{long[:20]}\u2026 has {len(long):,}.")
    return tags


def remember_journey_step(session: Session, step: str) -> str:
    """The step as the session spells it, appending it to the session's list when new."""
    return add_step(session.journey_steps, step)
