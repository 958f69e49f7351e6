"""Question-round turns in the store: who had the turn, on which question, how long they spoke, what was said.

A table of their own (migration 0008). The question round writes a turn's row when it begins and
again as its text is typed and when it closes, so what was said is on disk within about a second.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from typing import Any

from studygroup.model import Turn
from studygroup.records import check_record
from studygroup.storage.rows import Rows

_COLUMNS = "id, session_id, participant_id, question, started_seconds, started_at, seconds_spoken, text, updated_at"
_SELECT = f"SELECT {_COLUMNS} FROM turns"
# Session time first; the wall time orders turns taken while the session clock stood still.
_IN_ORDER = " ORDER BY started_seconds, started_at, id"


class TurnRows(Rows):
    """The turns of each session's question rounds."""

    def save_turn(self, turn: Turn) -> Turn:
        """Write *turn* (new or changed), stamped now; refused whole (InvalidRecord) when it breaks the format."""
        turn.updated_at = self.now()
        check_record("turn", turn_record(turn), "turn")
        with self.db.atomic() as conn:
            _put(conn, turn)
        return turn

    def put_turn(self, turn: Turn) -> None:
        """Write a turn exactly as given, its stamp included (merging a bundle, which checked it)."""
        with self.db.atomic() as conn:
            _put(conn, turn)

    def find_turn(self, turn_id: str) -> Turn | None:
        rows = self._read(f"{_SELECT} WHERE id = ?", (turn_id,))
        return _turn(rows[0]) if rows else None

    def turns(self, session_id: str) -> list[Turn]:
        """A session's turns in the order they began."""
        return [_turn(row) for row in self._read(f"{_SELECT} WHERE session_id = ?{_IN_ORDER}", (session_id,))]


def turn_record(turn: Turn) -> dict[str, Any]:
    """A turn as the record format has it (inside its session's bundle, so without the session's id)."""
    record = dataclasses.asdict(turn)
    del record["session_id"]
    return record


def _turn(row: sqlite3.Row) -> Turn:
    turn_id, session_id, person, question, started_seconds, started_at, spoken, text, updated_at = row
    return Turn(session_id, person, question, started_seconds, started_at, spoken, text, turn_id, updated_at)


def _put(conn: sqlite3.Connection, turn: Turn) -> None:
    conn.execute(
        f"INSERT INTO turns ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET"
        " participant_id=excluded.participant_id, question=excluded.question,"
        " started_seconds=excluded.started_seconds, started_at=excluded.started_at,"
        " seconds_spoken=excluded.seconds_spoken, text=excluded.text, updated_at=excluded.updated_at",
        (
            turn.id,
            turn.session_id,
            turn.participant_id,
            turn.question,
            turn.started_seconds,
            turn.started_at,
            turn.seconds_spoken,
            turn.text,
            turn.updated_at,
        ),
    )
