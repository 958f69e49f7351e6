"""Notes in the store: observations with their earlier versions, and the drafts being typed.

Nothing typed is destroyed: an edit keeps the replaced text as a version, a delete only marks the row.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import sqlite3
from collections.abc import Sequence
from sys import intern

from studygroup.errors import NotFound
from studygroup.model import Draft, Observation
from studygroup.records import check_record
from studygroup.storage.rows import Rows

OBSERVATION_COLUMNS = (
    "id",
    "session_id",
    "author_id",
    "phase_id",
    "session_seconds",
    "wall_time",
    "kind",
    "severity",
    "journey_step",
    "text",
    "tags_json",
    "follow_up",
    "expected",
    "happened",
    "lingo_flag",
    "solution_flag",
    "deleted_at",
    "updated_at",
)
# Read in the dataclass's own field order, so a row becomes an Observation positionally
# (a 10,000-note session loads in a fraction of the time keyword construction takes).
_OBS_FIELDS = tuple(f.name for f in dataclasses.fields(Observation))
_OBS_SELECT = f"SELECT {', '.join('tags_json' if f == 'tags' else f for f in _OBS_FIELDS)} FROM observations"
_ROW_ORDER = (  # the order _observation_from_row unpacks a row in
    "session_id",
    "text",
    "kind",
    "severity",
    "author_id",
    "phase_id",
    "session_seconds",
    "wall_time",
    "journey_step",
    "tags",
    "follow_up",
    "expected",
    "happened",
    "lingo_flag",
    "solution_flag",
    "id",
    "deleted_at",
    "updated_at",
)
if _OBS_FIELDS != _ROW_ORDER:  # a changed Observation must change the unpacking too, never be read askew
    raise TypeError(f"Observation's fields {_OBS_FIELDS} are not the order notes are read in, {_ROW_ORDER}.")
# The session's order: session time, then wall time, then the order notes were written in
# (rowid), so that no two notes tie and a page read before a note neither skips nor repeats one.
_ORDER_KEY = "session_seconds, wall_time, rowid"
_IN_ORDER = f" ORDER BY {_ORDER_KEY}"
_NEWEST_FIRST = " ORDER BY session_seconds DESC, wall_time DESC, rowid DESC"
_BEFORE = f" AND ({_ORDER_KEY}) < (SELECT {_ORDER_KEY} FROM observations WHERE id = ?)"


class NoteRows(Rows):
    """Observations, their versions and the per-author drafts of each session."""

    def add_observation(self, obs: Observation) -> Observation:
        """Save a new note durably; returns only once it is committed."""
        obs.updated_at = obs.updated_at or self.now()
        obs.wall_time = obs.wall_time or obs.updated_at
        check_record("observation", dataclasses.asdict(obs), "note")
        with self.db.atomic() as conn:
            _insert_observation(conn, obs)
        return obs

    def update_observation(self, obs: Observation) -> Observation:
        """Replace a note's content, keeping the version it replaces."""
        check_record("observation", dataclasses.asdict(obs), "note")
        with self.db.atomic() as conn:
            _add_version(conn, self._observation(conn, obs.id), self.now())
            obs.updated_at = self.now()
            _insert_observation(conn, obs, replace=True)
        return obs

    def put_observations(self, notes: Sequence[Observation] | NoteRowValues) -> None:
        """Write notes exactly as given, stamps included, over any rows with their ids (merging a bundle).

        Keeps no version and checks nothing: the caller has checked the notes and kept what they replace.
        *notes* may be note_row_values(notes), made before a write transaction to keep it short.
        """
        values = notes if isinstance(notes, NoteRowValues) else note_row_values(notes)
        with self.db.atomic() as conn:
            conn.executemany(_OBS_REPLACE, values.rows)  # one statement prepared for all

    def add_versions(self, snapshots: Sequence[tuple[Observation, float]]) -> None:
        """Keep each snapshot as the newest earlier version of its note, replaced at the time given with it."""
        with self.db.atomic() as conn:
            for snapshot, replaced_at in snapshots:
                _add_version(conn, snapshot, replaced_at)

    def set_deleted(self, observation_id: str, deleted: bool) -> None:
        """Soft-delete a note, or bring it back: the row itself is never removed."""
        with self.db.atomic() as conn:
            self._observation(conn, observation_id)
            conn.execute(
                "UPDATE observations SET deleted_at = ?, updated_at = ? WHERE id = ?",
                (self.now() if deleted else None, self.now(), observation_id),
            )

    def observation_versions(self, observation_id: str) -> list[Observation]:
        """Earlier versions of a note, oldest first."""
        rows = self._read(
            "SELECT snapshot_json FROM observation_versions WHERE observation_id = ? ORDER BY version",
            (observation_id,),
        )
        return [Observation(**json.loads(r[0])) for r in rows]

    def observations(self, session_id: str, include_deleted: bool = False) -> list[Observation]:
        """A session's notes in session-time order (ties: wall time, then the order they were written in)."""
        where = "" if include_deleted else " AND deleted_at IS NULL"
        return self._observations(f"{_OBS_SELECT} WHERE session_id = ?{where}{_IN_ORDER}", (session_id,))

    def observations_before(
        self, session_id: str, before_id: str | None, limit: int | None = None
    ) -> list[Observation]:
        """Up to *limit* live notes just before the note *before_id* (None: the newest), oldest first; no limit: all.

        The order is observations()'s. Paged by a note, not by an offset: each page is a short query
        of its own, so no read stays open between pages, and a note saved, edited or deleted in
        between is read as it is then.
        """
        sql = f"{_OBS_SELECT} WHERE session_id = ? AND deleted_at IS NULL"
        params: list[object] = [session_id]
        if before_id is not None:
            sql += _BEFORE
            params.append(before_id)
        sql += _NEWEST_FIRST
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        notes = self._observations(sql, params)
        notes.reverse()
        return notes

    def _observations(self, sql: str, params: Sequence[object]) -> list[Observation]:
        with self.db.translate_errors():
            # Row by row, not fetchall(): the raw rows never all sit in memory beside the notes.
            return [_observation_from_row(r) for r in self.db.connection.execute(sql, params)]

    def find_observation(self, observation_id: str) -> Observation | None:
        """The note with this id, deleted or not, in any session; None when there is none."""
        rows = self._read(f"{_OBS_SELECT} WHERE id = ?", (observation_id,))
        return _observation_from_row(rows[0]) if rows else None

    def _observation(self, conn: sqlite3.Connection, observation_id: str) -> Observation:
        row = conn.execute(f"{_OBS_SELECT} WHERE id = ?", (observation_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no note with id {observation_id}.")
        return _observation_from_row(row)

    # --- drafts ---------------------------------------------------------------

    def save_draft(self, draft: Draft) -> None:
        """Keep one author's unsaved text and choices; an empty draft removes the row."""
        key = draft.author_id or ""
        check_record("draft", {"author_id": draft.author_id, "text": draft.text, "form": draft.form}, "draft")
        with self.db.atomic() as conn:
            if draft.text or draft.form:
                conn.execute(
                    "INSERT OR REPLACE INTO drafts (session_id, author_key, text, updated_at, form_json)"
                    " VALUES (?,?,?,?,?)",
                    (draft.session_id, key, draft.text, self.now(), json.dumps(draft.form)),
                )
            else:
                conn.execute("DELETE FROM drafts WHERE session_id = ? AND author_key = ?", (draft.session_id, key))

    def add_missing_drafts(self, drafts: list[Draft]) -> int:
        """Add the drafts whose author has none in that session yet (a draft here is newer); returns how many."""
        added = 0
        with self.db.atomic() as conn:
            for draft in drafts:
                cursor = conn.execute(
                    "INSERT OR IGNORE INTO drafts (session_id, author_key, text, updated_at, form_json)"
                    " VALUES (?,?,?,?,?)",
                    (draft.session_id, draft.author_id or "", draft.text, draft.updated_at, json.dumps(draft.form)),
                )
                added += cursor.rowcount
        return added

    def drafts(self, session_id: str) -> dict[str | None, Draft]:
        """Every author's draft in a session, keyed by author id (None: the facilitator)."""
        rows = self._read(
            "SELECT author_key, text, updated_at, form_json FROM drafts WHERE session_id = ?", (session_id,)
        )
        return {(r[0] or None): Draft(session_id, r[0] or None, r[1], r[2], json.loads(r[3])) for r in rows}


def _add_version(conn: sqlite3.Connection, snapshot: Observation, replaced_at: float) -> None:
    number = conn.execute(
        "SELECT coalesce(max(version), 0) + 1 FROM observation_versions WHERE observation_id = ?", (snapshot.id,)
    ).fetchone()[0]
    conn.execute(
        "INSERT INTO observation_versions (observation_id, version, snapshot_json, replaced_at) VALUES (?,?,?,?)",
        (snapshot.id, number, json.dumps(dataclasses.asdict(snapshot)), replaced_at),
    )


@dataclasses.dataclass(frozen=True)
class NoteRowValues:
    """Notes as the column values their rows are written with (note_row_values)."""

    rows: list[dict[str, object]]


def note_row_values(notes: Sequence[Observation]) -> NoteRowValues:
    """*notes* as row values, for put_observations: a merge makes them before its write transaction."""
    return NoteRowValues([_observation_values(note) for note in notes])


def _insert_observation(conn: sqlite3.Connection, obs: Observation, replace: bool = False) -> None:
    conn.execute(_OBS_REPLACE if replace else _OBS_INSERT, _observation_values(obs))


def _observation_values(obs: Observation) -> dict[str, object]:
    # Field by field, not dataclasses.asdict: its deep copy took most of a 60,000-note bulk write.
    values = {name: getattr(obs, name) for name in _OBS_FIELDS}
    values["tags_json"] = json.dumps(values.pop("tags"))
    for flag in ("follow_up", "lingo_flag", "solution_flag"):
        values[flag] = int(values[flag])
    return values


_OBS_INSERT = (
    f"INSERT INTO observations ({', '.join(OBSERVATION_COLUMNS)})"
    f" VALUES ({', '.join(':' + c for c in OBSERVATION_COLUMNS)})"
)
_OBS_REPLACE = (
    _OBS_INSERT
    + " ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(f"{c}=excluded.{c}" for c in OBSERVATION_COLUMNS if c != "id")
)


def _observation_from_row(row: sqlite3.Row) -> Observation:
    # Unpacked by name and built positionally: the fastest way to make thousands of notes.
    (session_id, text, kind, severity, author_id, phase_id, seconds, wall_time, step, tags) = row[:10]
    (follow_up, expected, happened, lingo_flag, solution_flag, note_id, deleted_at, updated_at) = row[10:]
    # The same few ids and labels on thousands of notes: keep one copy of each.
    return Observation(
        intern(session_id),
        text,
        intern(kind),
        severity,
        None if author_id is None else intern(author_id),
        None if phase_id is None else intern(phase_id),
        seconds,
        wall_time,
        intern(step),
        [] if tags == "[]" else list(_parsed_tags(tags)),
        bool(follow_up),
        expected,
        happened,
        bool(lingo_flag),
        bool(solution_flag),
        note_id,
        deleted_at,
        updated_at,
    )


@functools.lru_cache(maxsize=1024)
def _parsed_tags(tags_json: str) -> tuple[str, ...]:
    """A note's tags: a session repeats a few tag lists thousands of times, so each is parsed once."""
    return tuple(json.loads(tags_json))
