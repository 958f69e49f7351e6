"""What the store's table groups share: the database, the injected clock and one way to read."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence, Sized

from studygroup.storage.db import Database


class Rows:
    """Base of the store's parts (sessions, notes, roster, settings); Store joins them into one object."""

    db: Database
    now: Callable[[], float]

    def _read(self, sql: str, params: Sequence[object] | Mapping[str, object] = ()) -> list[sqlite3.Row]:
        with self.db.translate_errors():
            cursor = self.db.connection.execute(sql, params)
            return cursor.fetchall()


def placeholders(values: Sized) -> str:
    """The "?,?,?" of an IN (...) list: one ? per value."""
    return ",".join("?" * len(values))
