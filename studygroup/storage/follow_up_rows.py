"""Follow-up states in the store: who owns each follow-up, where it stands, its tracker link.

A table of their own keyed by note (migration 0006): changing one is not an edit of the note,
so it keeps no note version and leaves the note's stamp alone. Also here: how many sessions of
the library each journey step and tag drew problem notes in, for "recurring in N sessions".
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Collection

from studygroup.errors import NotFound
from studygroup.model import PROBLEM_KINDS, FollowUpState
from studygroup.records import check_record
from studygroup.storage.rows import Rows, placeholders

_STATE_SELECT = "SELECT observation_id, owner, status, link, updated_at FROM follow_up_states"

# Sessions outside the trash whose live problem notes name each wanted step (ASCII case aside: sessions spell a step
# their own way) or carry each wanted tag (tags are lowercased when typed), in one pass for all.
_PROBLEM_SESSIONS = f"""
WITH problems AS (
    SELECT session_id, journey_step, tags_json FROM observations
    WHERE deleted_at IS NULL AND kind IN ({placeholders(PROBLEM_KINDS)})
      AND session_id NOT IN (SELECT id FROM sessions WHERE trashed_at IS NOT NULL)
)
SELECT 'step', wanted.value, count(DISTINCT problems.session_id)
    FROM json_each(?) AS wanted JOIN problems ON problems.journey_step = wanted.value COLLATE NOCASE
    GROUP BY wanted.value
UNION ALL
SELECT 'tag', wanted.value, count(DISTINCT problems.session_id)
    FROM json_each(?) AS wanted JOIN problems JOIN json_each(problems.tags_json) AS tag ON tag.value = wanted.value
    GROUP BY wanted.value
"""


class FollowUpRows(Rows):
    """Follow-up states, and the library-wide counts that say a follow-up's problem recurs."""

    def set_follow_up_state(
        self, note_id: str, *, owner: str | None = None, status: str | None = None, link: str | None = None
    ) -> FollowUpState:
        """Change the given parts of a note's follow-up state (None keeps a part), stamped now; the new state.

        Refused whole (InvalidRecord, one sentence) when a part breaks the record format: a status that
        is not open, filed, fixed or wont_fix, a link that is not an http(s) address, an owner too long.
        """
        with self.db.atomic() as conn:
            if conn.execute("SELECT 1 FROM observations WHERE id = ?", (note_id,)).fetchone() is None:
                raise NotFound(f"There is no note with id {note_id}.")
            current = _state(conn, note_id) or FollowUpState(note_id)
            changes = {"owner": owner, "status": status, "link": link}
            state = dataclasses.replace(
                current, **{name: value for name, value in changes.items() if value is not None}, updated_at=self.now()
            )
            check_record("follow_up_state", state_record(state), "follow-up")
            _put_state(conn, state)
        return state

    def put_follow_up_state(self, state: FollowUpState) -> None:
        """Write a state exactly as given, its stamp included (merging a bundle, which checked it)."""
        with self.db.atomic() as conn:
            _put_state(conn, state)

    def find_follow_up_state(self, note_id: str) -> FollowUpState | None:
        """The state of one note's follow-up; None when nobody has set one."""
        rows = self._read(f"{_STATE_SELECT} WHERE observation_id = ?", (note_id,))
        return FollowUpState(*rows[0]) if rows else None

    def follow_up_states(self, session_id: str) -> dict[str, FollowUpState]:
        """Every follow-up state of a session's notes (deleted notes too), by note id."""
        rows = self._read(
            f"{_STATE_SELECT} WHERE observation_id IN (SELECT id FROM observations WHERE session_id = ?)",
            (session_id,),
        )
        return {row[0]: FollowUpState(*row) for row in rows}

    def problem_sessions(self, steps: Collection[str], tags: Collection[str]) -> tuple[dict[str, int], dict[str, int]]:
        """How many sessions of the library (the trash aside) drew live problem notes at each step and tag.

        One query for all the labels; a label no problem note names is left out of the answer.
        """
        wanted = (json.dumps(sorted(set(steps))), json.dumps(sorted(set(tags))))
        rows = self._read(_PROBLEM_SESSIONS, (*PROBLEM_KINDS, *wanted))
        by_step = {label: count for which, label, count in rows if which == "step"}
        by_tag = {label: count for which, label, count in rows if which == "tag"}
        return by_step, by_tag


def state_record(state: FollowUpState) -> dict[str, object]:
    """A state as the record format has it (inside its note, so without the note's id)."""
    return {"owner": state.owner, "status": state.status, "link": state.link, "updated_at": state.updated_at}


def _state(conn: sqlite3.Connection, note_id: str) -> FollowUpState | None:
    row = conn.execute(f"{_STATE_SELECT} WHERE observation_id = ?", (note_id,)).fetchone()
    return FollowUpState(*row) if row else None


def _put_state(conn: sqlite3.Connection, state: FollowUpState) -> None:
    conn.execute(
        "INSERT INTO follow_up_states (observation_id, owner, status, link, updated_at) VALUES (?,?,?,?,?)"
        " ON CONFLICT(observation_id) DO UPDATE SET owner=excluded.owner, status=excluded.status,"
        " link=excluded.link, updated_at=excluded.updated_at",
        (state.note_id, state.owner, state.status, state.link, state.updated_at),
    )
