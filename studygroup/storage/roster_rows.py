"""The roster in the store: people who may join study groups, and how often they already have."""

from __future__ import annotations

from studygroup.model import RosterPerson
from studygroup.storage.rows import Rows, placeholders


class RosterRows(Rows):
    """Roster people and their participation counts."""

    def add_to_roster(self, people: list[RosterPerson]) -> None:
        """Insert *people* in one transaction (studygroup.roster decides who is new)."""
        with self.db.atomic() as conn:
            conn.executemany(
                "INSERT INTO roster (id, name, discipline, sessions_attended, last_session_at) VALUES (?,?,?,?,?)",
                [(p.id, p.name, p.discipline, p.sessions_attended, p.last_session_at) for p in people],
            )

    def roster(self) -> list[RosterPerson]:
        """Everyone on the roster, by name."""
        rows = self._read(
            "SELECT id, name, discipline, sessions_attended, last_session_at FROM roster"
            " ORDER BY name COLLATE NOCASE, id"
        )
        return [
            RosterPerson(id=r[0], name=r[1], discipline=r[2], sessions_attended=r[3], last_session_at=r[4])
            for r in rows
        ]

    def on_roster(self, roster_id: str) -> bool:
        return bool(self._read("SELECT 1 FROM roster WHERE id = ?", (roster_id,)))

    def recount_participation(self, roster_ids: list[str], statuses: tuple[str, ...]) -> None:
        """Set each roster person's count and latest date from the sessions in *statuses* they were in.

        A recount, not an increment, so counting the same session twice cannot count it twice.
        """
        with self.db.atomic() as conn:
            for roster_id in roster_ids:
                count, last = conn.execute(
                    "SELECT count(DISTINCT s.id), max(s.created_at) FROM sessions s JOIN participants p"
                    f" ON p.session_id = s.id WHERE p.roster_id = ? AND s.status IN ({placeholders(statuses)})",
                    (roster_id, *statuses),
                ).fetchone()
                conn.execute(
                    "UPDATE roster SET sessions_attended = ?, last_session_at = ? WHERE id = ?",
                    (count, last, roster_id),
                )
