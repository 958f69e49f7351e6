"""The share-out: everyone's notes revealed at once, grouped by journey step, the severe ones first.

Private capture keeps each person's notes to themselves while they write; the share-out is the
deliberate moment the room sees them all. The projector shows these groups one step at a time;
names are left out unless the facilitator chooses to show them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from studygroup.model import KIND_KEYS, PROBLEM_KINDS, Observation, Session

NO_STEP = "No step"


@dataclass(frozen=True)
class SharedNote:
    """One note as the room sees it: its words, kind and severity, and its author only when names are shown."""

    text: str
    kind: str
    severity: int
    author: str | None  # None: names are off


@dataclass(frozen=True)
class StepGroup:
    """A journey step and its notes, severe problems first."""

    step: str
    notes: tuple[SharedNote, ...]


def share_out(session: Session, notes: Iterable[Observation], names: bool = False) -> list[StepGroup]:
    """Every live note of *session* grouped by journey step.

    Steps come in the session's order (a step spelt differently in case is the same step), then
    steps the session's list lacks (from a bundle) in the order they were first written, then
    notes without a step under "No step". Within a step: problems (friction, confusion, bad day)
    by severity, worst first, then the other kinds in their usual order; ties in session time.
    """
    by_step: dict[str, list[Observation]] = {step.casefold(): [] for step in session.journey_steps}
    spelling = {step.casefold(): step for step in session.journey_steps}
    loose: list[Observation] = []
    for note in sorted(notes, key=lambda n: (n.session_seconds, n.wall_time)):
        if note.deleted:
            continue
        if not note.journey_step.strip():
            loose.append(note)
            continue
        key = note.journey_step.casefold()
        spelling.setdefault(key, note.journey_step)
        by_step.setdefault(key, []).append(note)
    groups = [(spelling[key], items) for key, items in by_step.items() if items]
    if loose:
        groups.append((NO_STEP, loose))
    return [StepGroup(step, tuple(_shared(session, n, names) for n in _severe_first(items))) for step, items in groups]


def _severe_first(notes: list[Observation]) -> list[Observation]:
    """Problems by severity (worst first), then the other kinds in display order; sorted() keeps time order within."""
    return sorted(notes, key=_rank)


def _rank(note: Observation) -> tuple[int, int]:
    if note.kind in PROBLEM_KINDS:
        return 0, -note.severity
    return 1, KIND_KEYS.index(note.kind) if note.kind in KIND_KEYS else len(KIND_KEYS)


def _shared(session: Session, note: Observation, names: bool) -> SharedNote:
    author = session.author_name(note.author_id) if names else None
    return SharedNote(note.text, note.kind, note.severity, author)


def note_count(groups: list[StepGroup]) -> int:
    return sum(len(group.notes) for group in groups)
