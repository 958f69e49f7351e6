"""Sessions in the store: the plan, its phases and people, the clock's state, journey steps, airtime.

A running session has one owner in memory (the UI's SessionPage); while it runs, the UI changes
it through the narrow methods here (save_clock, add_journey_step, rename_journey_step,
save_airtime), each writing only its own columns, so no page writes a stale copy over another's change.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3

from studygroup.errors import NotFound
from studygroup.model import Participant, Phase, Scenario, Session, add_step
from studygroup.records import check_record
from studygroup.storage.rows import Rows, placeholders

# The columns _session_from_row reads, in its order (archived_at and trashed_at are Home's, not the session's).
_SESSION_COLUMNS = (
    "id, title, date, facilitator, scenario_json, lingo_json, status, current_phase, running_since,"
    " auto_advance, created_at, journey_steps_json"
)
# The tables whose ids a bundle may name; other_session_title reads only these.
_SESSION_PARTS = ("participants", "phases", "observations", "turns")


class SessionRows(Rows):
    """Whole sessions (written when planned, created or merged), and the narrow changes a running one gets."""

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
            f"DELETE FROM phases WHERE session_id = ? AND id NOT IN ({placeholders(keep)})"
            " AND id NOT IN (SELECT phase_id FROM observations WHERE phase_id IS NOT NULL)",
            (session.id, *keep),
        )
        for position, phase in enumerate(session.phases):
            put_phase(conn, session.id, position, phase)
        # Phases removed from the agenda but still named by notes stay, out of the agenda.
        conn.execute(
            f"UPDATE phases SET position = -1 WHERE session_id = ? AND id NOT IN ({placeholders(keep)})",
            (session.id, *keep),
        )

    def _save_participants(self, conn: sqlite3.Connection, session: Session) -> None:
        for position, person in enumerate(session.participants):
            put_participant(conn, session.id, position, person)
        keep = [p.id for p in session.participants]
        # People who wrote notes or had a question-round turn are never removed; others leave the group.
        conn.execute(
            f"DELETE FROM participants WHERE session_id = ? AND id NOT IN ({placeholders(keep)})"
            " AND id NOT IN (SELECT author_id FROM observations WHERE author_id IS NOT NULL)"
            " AND id NOT IN (SELECT participant_id FROM turns)",
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
        """The session with its phases (in agenda order) and participants; NotFound when there is none."""
        rows = self._read(f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id = ?", (session_id,))
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

    def _session_from_row(self, row: sqlite3.Row) -> Session:
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

    def has_session(self, session_id: str) -> bool:
        return bool(self._read("SELECT 1 FROM sessions WHERE id = ?", (session_id,)))

    def other_session_title(self, table: str, item_id: str, session_id: str) -> str | None:
        """The title of a session other than *session_id* holding the row *item_id* of *table*, or None."""
        if table not in _SESSION_PARTS:
            raise ValueError(f"{table!r} is not one of {', '.join(_SESSION_PARTS)}")
        rows = self._read(
            f"SELECT s.title FROM {table} t JOIN sessions s ON s.id = t.session_id"
            " WHERE t.id = ? AND t.session_id != ?",
            (item_id, session_id),
        )
        return rows[0][0] if rows else None

    # --- narrow changes to a running session ------------------------------------

    def add_journey_step(self, session_id: str, step: str) -> str:
        """Append *step* to the session's stored list unless it is there in any case; returns its spelling there."""
        with self.db.atomic() as conn:
            stored = self.load_session(session_id)  # the list as it is now, whatever a page holds
            known = len(stored.journey_steps)
            spelled = add_step(stored.journey_steps, step)
            if len(stored.journey_steps) != known:
                self._put_journey_steps(conn, stored)
        return spelled

    def rename_journey_step(self, session_id: str, old: str, new: str) -> list[str]:
        """Rename *old* to *new* in the session's list, one entry when *new* was there already; returns the list.

        Only the list: curation.rename_journey_step renames the notes too, in the same transaction.
        """
        with self.db.atomic() as conn:
            stored = self.load_session(session_id)
            renamed = [new if step == old else step for step in stored.journey_steps]
            stored.journey_steps = list(dict.fromkeys(renamed))  # a merge leaves one entry, where the first stood
            self._put_journey_steps(conn, stored)
        return stored.journey_steps

    def _put_journey_steps(self, conn: sqlite3.Connection, session: Session) -> None:
        check_record("session", dataclasses.asdict(session), "session")  # held to the bundle's format, as on save
        conn.execute(
            "UPDATE sessions SET journey_steps_json = ? WHERE id = ?", (json.dumps(session.journey_steps), session.id)
        )

    def save_airtime(self, session_id: str, participant_id: str, seconds: float) -> None:
        """Persist one person's question-round airtime, and nothing else about the session."""
        with self.db.atomic() as conn:
            cursor = conn.execute(
                "UPDATE participants SET airtime_seconds = ? WHERE id = ? AND session_id = ?",
                (seconds, participant_id, session_id),
            )
            if cursor.rowcount == 0:
                raise NotFound(f"There is no person with id {participant_id} in session {session_id}.")


def put_phase(conn: sqlite3.Connection, session_id: str, position: int, phase: Phase) -> None:
    """Insert *phase* at *position* of the session's agenda, or update the row it has."""
    conn.execute(
        "INSERT INTO phases (id, session_id, position, name, planned_minutes, prompt,"
        " extra_seconds, elapsed_seconds, started_at, ended_at) VALUES (?,?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT(id) DO UPDATE SET position=excluded.position, name=excluded.name,"
        " planned_minutes=excluded.planned_minutes, prompt=excluded.prompt,"
        " extra_seconds=excluded.extra_seconds, elapsed_seconds=excluded.elapsed_seconds,"
        " started_at=excluded.started_at, ended_at=excluded.ended_at",
        (
            phase.id,
            session_id,
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


def put_participant(conn: sqlite3.Connection, session_id: str, position: int, person: Participant) -> None:
    """Insert *person* at *position* of the session's group, or update the row they have."""
    conn.execute(
        "INSERT INTO participants (id, session_id, position, name, discipline, role, roster_id,"
        " airtime_seconds) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET"
        " position=excluded.position, name=excluded.name, discipline=excluded.discipline,"
        " role=excluded.role, roster_id=excluded.roster_id,"
        " airtime_seconds=excluded.airtime_seconds",
        (
            person.id,
            session_id,
            position,
            person.name,
            person.discipline,
            person.role,
            person.roster_id,
            person.airtime_seconds,
        ),
    )
