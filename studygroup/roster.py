"""The roster: people who may join study groups, and how often they already have.

Participation is a recount from the sessions a roster person took part in, so
recording the same session twice cannot count it twice, and no extra marker
table is needed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from studygroup.limits import MAX_LABEL, MAX_NAME
from studygroup.model import RosterPerson, Session
from studygroup.storage.store import Store

HEADER_NAMES = {"name", "names", "person", "full name"}
# A session counts as taken part in once it has been started; planned ones do not count.
TAKEN_PART_STATUSES = ("running", "paused", "ended")


def parse_roster_csv(text: str) -> list[tuple[str, str]]:
    """(name, discipline) pairs from `name,discipline` lines (or `;`); the header is optional.

    Raises ValueError naming the line when a name is blank or only spaces.
    """
    text = text.lstrip("\ufeff")
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if ";" in first and "," not in first else ","  # spreadsheets in many locales use ';'
    people: list[tuple[str, str]] = []
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
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
    store.add_to_roster(added)
    return added


def _identity(name: str, discipline: str) -> tuple[str, str]:
    return " ".join(name.split()).casefold(), " ".join(discipline.split()).casefold()


def list_roster(store: Store) -> list[RosterPerson]:
    """Everyone on the roster, by name."""
    return store.roster()


def record_participation(store: Store, session: Session) -> None:
    """Count *session* for each of its roster people; idempotent, so safe to call on start and on end.

    The session must already be saved; it counts from the moment it is started.
    """
    roster_ids = sorted({p.roster_id for p in session.participants if p.roster_id})
    if roster_ids:
        store.recount_participation(roster_ids, TAKEN_PART_STATUSES)
