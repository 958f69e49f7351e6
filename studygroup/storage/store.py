"""The store: the one object the rest of studygroup reads and writes the SQLite file through.

Its methods come in parts (session_rows, tidy_rows, note_rows, follow_up_rows, turn_rows, roster_rows,
setting_rows, merge_rows, and the read-only library_rows and search_rows across sessions); every SQL
statement of the app lives in this package.
Every public write runs in `db.atomic()` and returns only after COMMIT, so a caller told "saved" can
rely on the note being on disk.
"""

from __future__ import annotations

import contextlib
import datetime
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from studygroup.storage.backup import DEFAULT_KEEP, make_backup
from studygroup.storage.db import Database, open_database
from studygroup.storage.follow_up_rows import FollowUpRows
from studygroup.storage.library_rows import LibraryRows
from studygroup.storage.merge_rows import MergeRows
from studygroup.storage.note_rows import NoteRows
from studygroup.storage.roster_rows import RosterRows
from studygroup.storage.search_rows import SearchRows
from studygroup.storage.session_rows import SessionRows
from studygroup.storage.setting_rows import SettingRows
from studygroup.storage.tidy_rows import TidyRows
from studygroup.storage.turn_rows import TurnRows


class Store(
    SessionRows, TidyRows, NoteRows, FollowUpRows, TurnRows, RosterRows, SettingRows, LibraryRows, SearchRows, MergeRows
):
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

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        """Several store calls as one transaction: all of them are committed, or none (any exception)."""
        with self.db.atomic():
            yield

    def backup(self, keep: int = DEFAULT_KEEP, now: datetime.datetime | None = None) -> Path:
        """An online copy of the database into its backups folder, pruned to the newest *keep*; its path."""
        return make_backup(self.db.connection, self.path, keep=keep, now=now)
