"""What a bundle merge reads before it writes, and the narrow writes it makes.

A merge is planned outside any write transaction (checks, comparisons, which versions to keep: the
slow part) and applied in one short one, so a live session's note save never waits long behind it.
`merge_stamp` is the optimistic check between the two: the rows the plan was made from, read again
inside the write transaction; when they differ, another writer came in between and the plan is
made again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Hashable

from studygroup.model import Participant, Phase
from studygroup.storage.rows import Rows
from studygroup.storage.session_rows import put_participant, put_phase

_IDS = "(SELECT value FROM json_each(?))"  # a list of ids as one parameter, however long


class MergeRows(Rows):
    """The merge's optimistic check, and people and phases appended to a session without rewriting it."""

    def merge_stamp(
        self,
        session_id: str,
        people: Collection[str],
        phases: Collection[str],
        notes: Collection[str],
        turns: Collection[str] = (),
    ) -> Hashable:
        """A comparable summary of every row a merge of these ids into *session_id* depends on."""
        queries = (
            ("SELECT id FROM sessions WHERE id = ?", (session_id,)),
            (
                f"SELECT id, session_id FROM participants WHERE id IN {_IDS} OR session_id = ?",
                (_ids(people), session_id),
            ),
            (f"SELECT id, session_id FROM phases WHERE id IN {_IDS} OR session_id = ?", (_ids(phases), session_id)),
            (f"SELECT id, session_id, updated_at FROM observations WHERE id IN {_IDS}", (_ids(notes),)),
            (
                f"SELECT observation_id, count(*) FROM observation_versions WHERE observation_id IN {_IDS}"
                " GROUP BY observation_id",
                (_ids(notes),),
            ),
            (f"SELECT observation_id, updated_at FROM follow_up_states WHERE observation_id IN {_IDS}", (_ids(notes),)),
            (f"SELECT id, session_id, updated_at FROM turns WHERE id IN {_IDS}", (_ids(turns),)),
        )
        return tuple(tuple(sorted(tuple(row) for row in self._read(sql, params))) for sql, params in queries)

    def roster_ids_known(self, roster_ids: Collection[str]) -> set[str]:
        """Which of *roster_ids* are on this laptop's roster."""
        return {row[0] for row in self._read(f"SELECT id FROM roster WHERE id IN {_IDS}", (_ids(roster_ids),))}

    def append_people_and_phases(self, session_id: str, people: list[Participant], phases: list[Phase]) -> None:
        """Add people and phases after the session's own, leaving its other columns (the clock, the steps) alone."""
        with self.db.atomic() as conn:
            start = _next_position(conn, "participants", session_id)
            for offset, person in enumerate(people):
                put_participant(conn, session_id, start + offset, person)
            start = _next_position(conn, "phases", session_id)
            for offset, phase in enumerate(phases):
                put_phase(conn, session_id, start + offset, phase)


def _ids(ids: Collection[str]) -> str:
    return json.dumps(sorted(ids))


def _next_position(conn: sqlite3.Connection, table: str, session_id: str) -> int:
    # Phases taken out of the agenda sit at -1; the next place is after the highest real one.
    query = f"SELECT coalesce(max(position), -1) + 1 FROM {table} WHERE session_id = ?"
    return int(conn.execute(query, (session_id,)).fetchone()[0])
