"""The roster: people who may join study groups, and how often they already have.

Participation is a recount from the sessions a roster person took part in, so
recording the same session twice cannot count it twice, and no extra marker
table is needed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

from studygroup.limits import MAX_LABEL, MAX_NAME
from studygroup.model import Session, new_id
from studygroup.storage.store import Store

HEADER_NAMES = {"name", "names", "person", "full name"}
# A session counts as taken part in once it has been started; planned ones do not count.
TAKEN_PART_STATUSES = ("running", "paused", "ended")


@dataclass
class RosterPerson:
    """Someone on the roster; `sessions_attended` lets random groups prefer newcomers."""

    name: str
    discipline: str = ""
    id: str = field(default_factory=new_id)
    sessions_attended: int = 0
    last_session_at: float | None = None


def parse_roster_csv(text: str) -> list[tuple[str, str]]:
    """(name, discipline) pairs from `name,discipline` lines (or `;`); the header is optional.

    Raises ValueError naming the line when a name is blank or only spaces.
    """
    text = text.lstrip("\ufeff")
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if ";" in first and "," not in first else ","  # spreadsheets in many locales use ';'
    people, reader = [], csv.reader(io.StringIO(text), delimiter=delimiter)
    for row in reader:
        number = reader.line_num
        if not row or not any(cell.strip() for cell in row):
            continue  # blank lines separate nothing and mean nothing
        name = row[0].strip()
        discipline = row[1].strip() if len(row) > 1 else ""
        if not people and name.casefold() in HEADER_NAMES:
            continue
        if not name:
            raise ValueError(f"Line {number} has no name; write one name per line, like 'Ada Lovelace, Engineering'.")
        people.append((name, discipline))
    return people


def add_people(store: Store, people: Iterable[tuple[str, str]]) -> list[RosterPerson]:
    """Add (name, discipline) pairs in one transaction; people already on the roster (same name
    and discipline, ignoring case) are skipped, so pasting a list twice adds no one twice.
    Returns the people actually added."""
    known = {_identity(p.name, p.discipline) for p in list_roster(store)}
    added = []
    for name, discipline in people:
        if not name.strip():
            raise ValueError("A person on the roster needs a name that is not only spaces.")
        if len(name.strip()) > MAX_NAME or len(discipline.strip()) > MAX_LABEL:
            raise ValueError(
                f"\u201c{name.strip()[:30]}\u2026\u201d: a name can have {MAX_NAME} characters and a "
                f"discipline {MAX_LABEL}; shorten it, then add the list again."
            )
        if _identity(name, discipline) not in known:
            known.add(_identity(name, discipline))
            added.append(RosterPerson(name=name.strip(), discipline=discipline.strip()))
    with store.db.atomic() as conn:
        conn.executemany(
            "INSERT INTO roster (id, name, discipline, sessions_attended, last_session_at) VALUES (?,?,?,?,?)",
            [(p.id, p.name, p.discipline, p.sessions_attended, p.last_session_at) for p in added],
        )
    return added


def _identity(name: str, discipline: str) -> tuple[str, str]:
    return " ".join(name.split()).casefold(), " ".join(discipline.split()).casefold()


def list_roster(store: Store) -> list[RosterPerson]:
    """Everyone on the roster, by name."""
    with store.db.translate_errors():
        rows = store.db.connection.execute(
            "SELECT id, name, discipline, sessions_attended, last_session_at FROM roster"
            " ORDER BY name COLLATE NOCASE, id"
        ).fetchall()
    return [
        RosterPerson(id=r[0], name=r[1], discipline=r[2], sessions_attended=r[3], last_session_at=r[4]) for r in rows
    ]


def record_participation(store: Store, session: Session) -> None:
    """Count *session* for each of its roster people; idempotent, so safe to call on start and on end.

    The session must already be saved; it counts from the moment it is started.
    """
    roster_ids = sorted({p.roster_id for p in session.participants if p.roster_id})
    if not roster_ids:
        return
    statuses = ",".join("?" * len(TAKEN_PART_STATUSES))
    with store.db.atomic() as conn:
        for roster_id in roster_ids:
            count, last = conn.execute(
                "SELECT count(DISTINCT s.id), max(s.created_at) FROM sessions s JOIN participants p"
                f" ON p.session_id = s.id WHERE p.roster_id = ? AND s.status IN ({statuses})",
                (roster_id, *TAKEN_PART_STATUSES),
            ).fetchone()
            conn.execute(
                "UPDATE roster SET sessions_attended = ?, last_session_at = ? WHERE id = ?", (count, last, roster_id)
            )
