"""Tidying the library of sessions: the list of them, rename, archive, the trash and deleting for good.

Archiving only tidies the list (an archived session stays in the trends, search and recurrence
counts); the trash takes a session out of all of them until it is restored. Neither stamp is part of
the session's record: a bundle carries neither, so archiving or trashing here never travels to
another laptop. Deleting for good is a real DELETE: the session's phases, people, notes (with their
versions, follow-up states and search index entries) and drafts go with it through ON DELETE CASCADE.
"""

from __future__ import annotations

from studygroup.errors import ActionRefused, NotFound
from studygroup.planning import title_problem
from studygroup.scenarios import scenario_key_of
from studygroup.storage.rows import Rows

# Running or paused: the clock is live, so the session stays where the app reopens it.
LIVE_STATUSES = ("running", "paused")

_LIST = """
SELECT s.id, s.title, s.date, s.facilitator, s.status, s.created_at,
       (SELECT count(*) FROM observations o WHERE o.session_id = s.id AND o.deleted_at IS NULL),
       (SELECT count(*) FROM participants p WHERE p.session_id = s.id),
       coalesce(json_extract(s.scenario_json, '$.key'), ''), coalesce(json_extract(s.scenario_json, '$.company'), ''),
       s.archived_at, s.trashed_at
FROM sessions s
WHERE {which}
ORDER BY {order}
"""
_WHICH = {
    # (include archived, the trash): the WHERE clause and the order
    (False, False): ("s.trashed_at IS NULL AND s.archived_at IS NULL", "s.date DESC, s.created_at DESC"),
    (True, False): ("s.trashed_at IS NULL", "s.date DESC, s.created_at DESC"),
    (False, True): ("s.trashed_at IS NOT NULL", "s.trashed_at DESC, s.date DESC"),
    (True, True): ("s.trashed_at IS NOT NULL", "s.trashed_at DESC, s.date DESC"),
}
_KEYS = ("id", "title", "date", "facilitator", "status", "created_at", "notes", "participants")


class TidyRows(Rows):
    """The list Home and `studygroup list` show, and the changes that tidy it."""

    def list_sessions(self, *, include_archived: bool = False, trash: bool = False) -> list[dict[str, object]]:
        """Session headers with their note counts: newest first, without the archived unless asked; or the trash.

        *trash* lists only the sessions in the trash, the most recently thrown away first.
        Each row also names its scenario (the key `trends --scenario` takes) and its card's company.
        """
        which, order = _WHICH[(include_archived, trash)]
        listed = []
        for row in self._read(_LIST.format(which=which, order=order)):
            header: dict[str, object] = dict(zip(_KEYS, row, strict=False))
            card_key, company = str(row[8]), str(row[9])
            header.update(
                scenario=scenario_key_of(card_key, company),
                company=company,
                archived_at=row[10],
                trashed_at=row[11],
            )
            listed.append(header)
        return listed

    def rename_session(self, session_id: str, title: str) -> str:
        """Give the session a new title (trimmed; one line, not blank, within MAX_TITLE); returns it as stored."""
        title = title.strip()
        sentence = title_problem(title)
        if sentence:
            raise ActionRefused(sentence)
        self._update(session_id, "UPDATE sessions SET title = ? WHERE id = ?", (title, session_id))
        return title

    def set_archived(self, session_id: str, archived: bool) -> None:
        """Archive the session (it leaves Home's list, nothing else) or bring it back."""
        if archived:  # archiving again keeps the first stamp
            sql = "UPDATE sessions SET archived_at = coalesce(archived_at, ?) WHERE id = ?"
            self._update(session_id, sql, (self.now(), session_id))
        else:
            self._update(session_id, "UPDATE sessions SET archived_at = NULL WHERE id = ?", (session_id,))

    def move_to_trash(self, session_id: str) -> None:
        """Put the session in the trash; a running or paused one is refused (the app reopens it)."""
        title, status, trashed_at = self._state(session_id)
        if trashed_at is not None:
            raise ActionRefused(f"“{title}” is in the trash already.")
        if status in LIVE_STATUSES:
            raise ActionRefused(f"“{title}” is {status}; end it before moving it to the trash.")
        self._update(session_id, "UPDATE sessions SET trashed_at = ? WHERE id = ?", (self.now(), session_id))

    def restore_from_trash(self, session_id: str) -> None:
        """Take the session out of the trash, back where it was (archived or not)."""
        title, _status, trashed_at = self._state(session_id)
        if trashed_at is None:
            raise ActionRefused(f"“{title}” is not in the trash.")
        self._update(session_id, "UPDATE sessions SET trashed_at = NULL WHERE id = ?", (session_id,))

    def delete_forever(self, session_id: str) -> None:
        """Delete a session in the trash for good, with everything in it; one outside the trash is refused."""
        title, _status, trashed_at = self._state(session_id)
        if trashed_at is None:
            raise ActionRefused(f"“{title}” is not in the trash; move it there before deleting it for good.")
        self._update(session_id, "DELETE FROM sessions WHERE id = ?", (session_id,))

    def is_trashed(self, session_id: str) -> bool:
        return self._state(session_id)[2] is not None

    def _state(self, session_id: str) -> tuple[str, str, float | None]:
        """(title, status, trashed_at) of the session; NotFound when there is none."""
        rows = self._read("SELECT title, status, trashed_at FROM sessions WHERE id = ?", (session_id,))
        if not rows:
            raise NotFound(f"There is no session with id {session_id}.")
        title, status, trashed_at = rows[0]
        return str(title), str(status), trashed_at

    def _update(self, session_id: str, sql: str, params: tuple[object, ...]) -> None:
        """One statement on one session's row, in its own transaction; NotFound when no row changed."""
        with self.db.atomic() as conn:
            if conn.execute(sql, params).rowcount == 0:
                raise NotFound(f"There is no session with id {session_id}.")
