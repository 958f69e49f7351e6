"""One row per live note, for spreadsheets: UTF-8 with a BOM, formula cells neutralised."""

from __future__ import annotations

import csv
from pathlib import Path

from studygroup.atomicfile import atomic_write
from studygroup.export.textsafe import csv_cell
from studygroup.model import SEVERITY_WORDS, Observation, Session
from studygroup.summary import clock_text, kind_label, summarise, wall_text

HEADER = (
    "id",
    "session_time",
    "wall_time",
    "author",
    "discipline",
    "role",
    "phase",
    "journey_step",
    "kind",
    "severity",
    "severity_words",
    "text",
    "expected",
    "happened",
    "tags",
    "follow_up",
    "rule1_lingo",
    "rule2_solution",
)


def export_csv(session: Session, observations: list[Observation], path: Path) -> None:
    """Write the notes of *session* as CSV to *path* atomically."""
    summary = summarise(session, observations)
    with atomic_write(Path(path), "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for note in summary.notes:
            writer.writerow([csv_cell(value) for value in row(session, note, summary.phase_name(note))])


def row(session: Session, note: Observation, phase_name: str) -> list[str | int]:
    person = session.participant(note.author_id)
    return [
        note.id,
        clock_text(note.session_seconds),
        wall_text(note.wall_time),
        session.author_name(note.author_id),
        person.discipline if person else "",
        person.role if person else "",
        phase_name,
        note.journey_step,
        kind_label(note.kind),
        note.severity,
        SEVERITY_WORDS.get(note.severity, ""),
        note.text,
        note.expected,
        note.happened,
        " ".join(f"#{t}" for t in note.tags),
        yes_no(note.follow_up),
        yes_no(note.lingo_flag),
        yes_no(note.solution_flag),
    ]


def yes_no(flag: bool) -> str:
    return "yes" if flag else "no"
