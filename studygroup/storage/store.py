"""The session store: reads and writes sessions, notes and drafts in one SQLite file.

Every public write runs in `db.atomic()`; it returns only after COMMIT, so a
caller told "saved" can rely on the note being on disk.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path

from studygroup.errors import NotFound
from studygroup.exchange.bundle_check import check_record
from studygroup.model import Draft, Observation, Participant, Phase, Scenario, Session
from studygroup.storage.db import Database, open_database

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
_SHARED = tuple(_OBS_FIELDS.index(f) for f in ("session_id", "author_id", "phase_id", "kind", "journey_step"))
_TAGS, _FLAGS = (
    _OBS_FIELDS.index("tags"),
    tuple(_OBS_FIELDS.index(f) for f in ("follow_up", "lingo_flag", "solution_flag")),
)


class Store:
    """Repository over one database file; `now` is injected for tests."""

    def __init__(self, db: Database, now: Callable[[], float] = time.time):
        self.db = db
        self.now = now

    @classmethod
    def open(cls, path: Path, now: Callable[[], float] = time.time, *, create: bool = True) -> Store:
        """The store on *path*; with create=False a missing file is refused, not made."""
        return cls(open_database(path, create=create), now)

    @property
    def path(self) -> Path:
        return self.db.path

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def _read(self, sql: str, params=()) -> list[sqlite3.Row]:
        with self.db.translate_errors():
            cursor = self.db.connection.execute(sql, params)
            return cursor.fetchall()

    # --- sessions -----------------------------------------------------------

    def save_session(self, session: Session) -> None:
        """Insert or replace a session with its phases and participants."""
        if not session.created_at:
            session.created_at = self.now()
        check_record("session", dataclasses.asdict(session), "session")
        with self.db.atomic() as conn:
            conn.execute(
                "INSERT INTO sessions (id, title, date, facilitator, scenario_json, lingo_json, status,"
                " current_phase, running_since, auto_advance, created_at, journey_steps_json)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET"
                " title=excluded.title, date=excluded.date, facilitator=excluded.facilitator,"
                " scenario_json=excluded.scenario_json, lingo_json=excluded.lingo_json,"
                " status=excluded.status, current_phase=excluded.current_phase,"
                " running_since=excluded.running_since, auto_advance=excluded.auto_advance,"
                " journey_steps_json=excluded.journey_steps_json",
                (
                    session.id,
                    session.title,
                    session.date,
                    session.facilitator,
                    json.dumps(dataclasses.asdict(session.scenario)),
                    json.dumps(session.lingo),
                    session.status,
                    session.current_phase,
                    session.running_since,
                    int(session.auto_advance),
                    session.created_at,
                    json.dumps(session.journey_steps),
                ),
            )
            self._save_phases(conn, session)
            self._save_participants(conn, session)

    def _save_phases(self, conn: sqlite3.Connection, session: Session) -> None:
        keep = [p.id for p in session.phases]
        conn.execute(
            f"DELETE FROM phases WHERE session_id = ? AND id NOT IN ({','.join('?' * len(keep))})"
            " AND id NOT IN (SELECT phase_id FROM observations WHERE phase_id IS NOT NULL)",
            (session.id, *keep),
        )
        for position, phase in enumerate(session.phases):
            conn.execute(
                "INSERT INTO phases (id, session_id, position, name, planned_minutes, prompt,"
                " extra_seconds, elapsed_seconds, started_at, ended_at) VALUES (?,?,?,?,?,?,?,?,?,?)"
                " ON CONFLICT(id) DO UPDATE SET position=excluded.position, name=excluded.name,"
                " planned_minutes=excluded.planned_minutes, prompt=excluded.prompt,"
                " extra_seconds=excluded.extra_seconds, elapsed_seconds=excluded.elapsed_seconds,"
                " started_at=excluded.started_at, ended_at=excluded.ended_at",
                (
                    phase.id,
                    session.id,
                    position,
                    phase.name,
                    phase.planned_minutes,
                    phase.prompt,
                    phase.extra_seconds,
                    phase.elapsed_seconds,
                    phase.started_at,
                    phase.ended_at,
                ),
            )
        # Phases removed from the agenda but still named by notes stay, out of the agenda.
        conn.execute(
            f"UPDATE phases SET position = -1 WHERE session_id = ? AND id NOT IN ({','.join('?' * len(keep))})",
            (session.id, *keep),
        )

    def _save_participants(self, conn: sqlite3.Connection, session: Session) -> None:
        for position, person in enumerate(session.participants):
            conn.execute(
                "INSERT INTO participants (id, session_id, position, name, discipline, role, roster_id,"
                " airtime_seconds) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET"
                " position=excluded.position, name=excluded.name, discipline=excluded.discipline,"
                " role=excluded.role, roster_id=excluded.roster_id,"
                " airtime_seconds=excluded.airtime_seconds",
                (
                    person.id,
                    session.id,
                    position,
                    person.name,
                    person.discipline,
                    person.role,
                    person.roster_id,
                    person.airtime_seconds,
                ),
            )
        keep = [p.id for p in session.participants]
        # People who wrote notes are never removed; others leave the group.
        conn.execute(
            f"DELETE FROM participants WHERE session_id = ? AND id NOT IN ({','.join('?' * len(keep))})"
            " AND id NOT IN (SELECT author_id FROM observations WHERE author_id IS NOT NULL)",
            (session.id, *keep),
        )

    def save_clock(self, session: Session) -> None:
        """Persist only the clock's state: status, current phase, anchors and phase actuals."""
        with self.db.atomic() as conn:
            conn.execute(
                "UPDATE sessions SET status=?, current_phase=?, running_since=?, auto_advance=? WHERE id=?",
                (session.status, session.current_phase, session.running_since, int(session.auto_advance), session.id),
            )
            for phase in session.phases:
                conn.execute(
                    "UPDATE phases SET extra_seconds=?, elapsed_seconds=?, started_at=?, ended_at=? WHERE id=?",
                    (phase.extra_seconds, phase.elapsed_seconds, phase.started_at, phase.ended_at, phase.id),
                )

    def load_session(self, session_id: str) -> Session:
        rows = self._read("SELECT * FROM sessions WHERE id = ?", (session_id,))
        if not rows:
            raise NotFound(f"There is no session with id {session_id}.")
        return self._session_from_row(rows[0])

    def find_session(self, id_or_prefix: str) -> Session:
        """A session by its full id or an unambiguous prefix of it (handy on the command line)."""
        rows = self._read(
            "SELECT id FROM sessions WHERE id LIKE ? ESCAPE '\\'",
            (id_or_prefix.replace("%", "\\%").replace("_", "\\_") + "%",),
        )
        if len(rows) != 1 or not id_or_prefix.strip():
            which = "matches several sessions" if len(rows) > 1 else "matches no session"
            raise NotFound(f"The id {id_or_prefix!r} {which}; run 'studygroup list' to see them.")
        return self.load_session(rows[0][0])

    def list_sessions(self) -> list[dict]:
        """Session headers, newest first, with their note counts."""
        rows = self._read(
            "SELECT s.id, s.title, s.date, s.facilitator, s.status, s.created_at,"
            " (SELECT count(*) FROM observations o WHERE o.session_id = s.id AND o.deleted_at IS NULL),"
            " (SELECT count(*) FROM participants p WHERE p.session_id = s.id)"
            " FROM sessions s ORDER BY s.date DESC, s.created_at DESC"
        )
        keys = ("id", "title", "date", "facilitator", "status", "created_at", "notes", "participants")
        return [dict(zip(keys, row, strict=False)) for row in rows]

    def _session_from_row(self, row) -> Session:
        conn = self.db.connection
        (
            sid,
            title,
            date,
            facilitator,
            scenario_json,
            lingo_json,
            status,
            current_phase,
            running_since,
            auto_advance,
            created_at,
            journey_steps_json,
        ) = tuple(row)
        scenario = Scenario(**json.loads(scenario_json))
        phases = [
            Phase(
                name=r[1],
                planned_minutes=r[2],
                prompt=r[3],
                id=r[0],
                extra_seconds=r[4],
                elapsed_seconds=r[5],
                started_at=r[6],
                ended_at=r[7],
            )
            for r in conn.execute(
                "SELECT id, name, planned_minutes, prompt, extra_seconds, elapsed_seconds, started_at,"
                " ended_at FROM phases WHERE session_id = ? AND position >= 0 ORDER BY position",
                (sid,),
            )
        ]
        people = [
            Participant(name=r[1], discipline=r[2], role=r[3], id=r[0], roster_id=r[4], airtime_seconds=r[5])
            for r in conn.execute(
                "SELECT id, name, discipline, role, roster_id, airtime_seconds FROM participants"
                " WHERE session_id = ? ORDER BY position",
                (sid,),
            )
        ]
        return Session(
            title=title,
            date=date,
            facilitator=facilitator,
            scenario=scenario,
            phases=phases,
            participants=people,
            lingo=json.loads(lingo_json),
            id=sid,
            status=status,
            current_phase=current_phase,
            running_since=running_since,
            auto_advance=bool(auto_advance),
            journey_steps=json.loads(journey_steps_json),
            created_at=created_at,
        )

    # --- observations -------------------------------------------------------

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
            old = self._observation(conn, obs.id)
            version = conn.execute(
                "SELECT coalesce(max(version), 0) + 1 FROM observation_versions WHERE observation_id = ?", (obs.id,)
            ).fetchone()[0]
            conn.execute(
                "INSERT INTO observation_versions (observation_id, version, snapshot_json, replaced_at)"
                " VALUES (?,?,?,?)",
                (obs.id, version, json.dumps(dataclasses.asdict(old)), self.now()),
            )
            obs.updated_at = self.now()
            _insert_observation(conn, obs, replace=True)
        return obs

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
        """A session's notes in session-time order."""
        where = "" if include_deleted else " AND deleted_at IS NULL"
        sql = f"{_OBS_SELECT} WHERE session_id = ?{where} ORDER BY session_seconds, wall_time"
        with self.db.translate_errors():
            # Row by row, not fetchall(): the raw rows never all sit in memory beside the notes.
            return [_observation_from_row(r) for r in self.db.connection.execute(sql, (session_id,))]

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

    def drafts(self, session_id: str) -> dict[str | None, Draft]:
        """Every author's draft in a session, keyed by author id (None: the facilitator)."""
        rows = self._read(
            "SELECT author_key, text, updated_at, form_json FROM drafts WHERE session_id = ?", (session_id,)
        )
        return {(r[0] or None): Draft(session_id, r[0] or None, r[1], r[2], json.loads(r[3])) for r in rows}


def _insert_observation(conn: sqlite3.Connection, obs: Observation, replace: bool = False) -> None:
    values = dataclasses.asdict(obs)
    values["tags_json"] = json.dumps(values.pop("tags"))
    for flag in ("follow_up", "lingo_flag", "solution_flag"):
        values[flag] = int(values[flag])
    conn.execute(
        f"INSERT INTO observations ({', '.join(OBSERVATION_COLUMNS)})"
        f" VALUES ({', '.join(':' + c for c in OBSERVATION_COLUMNS)})" + (_OBS_UPSERT if replace else ""),
        values,
    )


_OBS_UPSERT = " ON CONFLICT(id) DO UPDATE SET " + ", ".join(
    f"{c}=excluded.{c}" for c in OBSERVATION_COLUMNS if c != "id"
)


def _observation_from_row(row) -> Observation:
    values = list(row)
    for index in _SHARED:  # the same few ids and labels on thousands of notes: keep one copy of each
        if values[index] is not None:
            values[index] = sys.intern(values[index])
    tags = values[_TAGS]
    values[_TAGS] = [] if tags == "[]" else json.loads(tags)
    for index in _FLAGS:
        values[index] = bool(values[index])
    return Observation(*values)
