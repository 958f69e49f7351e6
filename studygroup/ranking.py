"""The ranked parts of a summary: quotes with repeated words said once, and the top problems.

Two notes say the same thing when their texts match once their #tags are left out (each writer tags
in their own way), case is folded and whitespace collapsed.
A top problem is a journey step (or "Other"): free text rarely repeats word for word, while the
step is what the group shares and what the library's trends already count problems by.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from studygroup.model import PROBLEM_KINDS, Observation
from studygroup.notes import TAG

OTHER = "Other"  # notes with no phase, or no journey step
TOP_PROBLEMS = 5


def same_words(text: str) -> str:
    """The key two notes share when they say the same thing: no #tags, case folded, whitespace collapsed."""
    return " ".join(TAG.sub("", text).casefold().split())


@dataclass(frozen=True)
class Quote:
    """One thing said, by one or more people: *note* is the copy printed (most severe, then earliest)."""

    note: Observation
    authors: tuple[str | None, ...]  # everyone who wrote these words, the facilitator as None, first writer first

    @property
    def people(self) -> int:
        return len(self.authors)


def quotes(notes: Iterable[Observation]) -> list[Quote]:
    """Notes with the same words merged into one quote; most severe first, then most people, then earliest."""
    groups: dict[str, list[Observation]] = {}
    for note in sorted(notes, key=lambda o: o.session_seconds):
        groups.setdefault(same_words(note.text), []).append(note)
    merged = [_quote(group) for group in groups.values()]
    return sorted(merged, key=lambda q: (-q.note.severity, -q.people, q.note.session_seconds))


def _quote(group: list[Observation]) -> Quote:
    printed = min(group, key=lambda o: (-o.severity, o.session_seconds))
    return Quote(printed, tuple(dict.fromkeys(o.author_id for o in group)))


@dataclass(frozen=True)
class TopProblem:
    """A journey step's problems: the worst severity, who hit them, how many notes, and what one of them said."""

    step: str
    worst_severity: int
    people: int  # distinct authors, the facilitator counting as one
    notes: int
    quote: Quote


def top_problems(notes: Iterable[Observation], limit: int = TOP_PROBLEMS) -> list[TopProblem]:
    """Problem notes by journey step, worst severity first, then most people, then most notes, then by name."""
    by_step: dict[str, list[Observation]] = {}
    for note in notes:
        if note.kind in PROBLEM_KINDS:
            by_step.setdefault(note.journey_step or OTHER, []).append(note)
    ranked = sorted(
        (_problem(step, group) for step, group in by_step.items()),
        key=lambda p: (-p.worst_severity, -p.people, -p.notes, p.step.casefold()),
    )
    return ranked[:limit]


def _problem(step: str, group: list[Observation]) -> TopProblem:
    return TopProblem(
        step=step,
        worst_severity=max(o.severity for o in group),
        people=len({o.author_id for o in group}),
        notes=len(group),
        quote=quotes(group)[0],
    )
