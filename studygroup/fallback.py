"""The last resort when the database fails: the note appended to a plain text file beside it."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from studygroup.model import KIND_LABELS, Observation, Session

FALLBACK_FILE = "unsaved-notes.txt"


def append_fallback(path: Path, session: Session, note: Observation) -> None:
    """Append one note as plain text and fsync it, so it survives what the database did not."""
    stamp = datetime.datetime.fromtimestamp(note.wall_time).isoformat(timespec="seconds")
    lines = [
        f"--- {stamp} | {session.title} | {session.author_name(note.author_id)} | "
        f"{KIND_LABELS.get(note.kind, note.kind)} {note.severity} | {note.journey_step}",
        note.text,
    ]
    lines += [f"I expected: {note.expected}"] if note.expected else []
    lines += [f"What happened: {note.happened}"] if note.happened else []
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n\n")
        handle.flush()
        os.fsync(handle.fileno())


def keep_unsaved(folder: Path, session: Session, note: Observation, problem: Exception) -> str:
    """Append *note* to the fallback file in *folder*; the sentence telling the typist where their text is."""
    path = folder / FALLBACK_FILE
    try:
        append_fallback(path, session, note)
    except OSError as file_problem:
        return (
            f"Not saved: {problem} Copying it to {path} failed too ({file_problem}); the text stays here, "
            "copy it somewhere safe."
        )
    return f"Not saved: {problem} The text stays here, and a copy was added to {path}."
