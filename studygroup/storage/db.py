"""Open a studygroup SQLite file: pragmas, transactions and the migration ladder."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from studygroup.errors import CorruptDatabase, DatabaseReplaced, NewerDatabase, StorageError, storage_error
from studygroup.storage.dbfile import file_identity, replaced_message

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
APPLICATION_ID = 0x53475250  # "SGRP": marks the file as ours
BUSY_SECONDS = 5.0  # how long a write waits for another connection's transaction before "locked"
BUSY_POLL_SECONDS = 0.001


def migration_files() -> list[tuple[int, Path]]:
    """The numbered SQL files, in order: 0001_initial.sql is version 1."""
    files = sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.sql"))
    return [(int(f.name[:4]), f) for f in files]


SCHEMA_VERSION = migration_files()[-1][0]


class Database:
    """One connection with explicit transactions (isolation_level=None).

    Python's default isolation level opens transactions implicitly and drops a
    pending one on close(); we write BEGIN IMMEDIATE / COMMIT ourselves instead.
    """

    def __init__(self, path: Path, connection: sqlite3.Connection):
        self.path = path
        self.connection = connection
        self._depth = 0
        # The file this connection writes to; a restore may later put another file at the path.
        self.identity = file_identity(path)

    def file_replaced(self) -> bool:
        """True when the path no longer names the file we opened (never for an in-memory database)."""
        return self.identity is not None and file_identity(self.path) != self.identity

    @contextlib.contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; nested calls become savepoints; any exception rolls back."""
        conn = self.connection
        name = f"sp{self._depth}"
        with self.translate_errors():
            if self._depth == 0:
                _begin_write(conn)
            else:
                conn.execute(f"SAVEPOINT {name}")
        self._depth += 1
        try:
            if self._depth == 1 and self.file_replaced():
                # The connection still writes to the old file, which nobody would ever read again.
                raise DatabaseReplaced(replaced_message(self.path))
            yield conn
        except BaseException as exc:
            self._depth -= 1
            with contextlib.suppress(sqlite3.Error):
                if self._depth == 0:
                    conn.execute("ROLLBACK")
                else:
                    conn.execute(f"ROLLBACK TO {name}")
                    conn.execute(f"RELEASE {name}")
            typed = storage_error(exc, self.path) if isinstance(exc, sqlite3.Error) else None
            if typed is not None:
                raise typed from exc
            raise
        self._depth -= 1
        try:
            with self.translate_errors():
                conn.execute("COMMIT" if self._depth == 0 else f"RELEASE {name}")
        except BaseException:
            if self._depth == 0 and conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            raise

    @contextlib.contextmanager
    def translate_errors(self) -> Iterator[None]:
        """Turn sqlite3 errors the user can act on into StorageError sentences."""
        try:
            yield
        except sqlite3.Error as exc:
            typed = storage_error(exc, self.path)
            if typed is None:
                raise
            raise typed from exc

    def close(self) -> None:
        self.connection.close()


def open_database(path: Path, *, read_only: bool = False, create: bool = True) -> Database:
    """Open (creating and migrating if needed) the database at *path*; refuse it before any write if damaged.

    synchronous=FULL: in WAL mode NORMAL may lose the last commits on power
    loss, and we promise a saved note survives that; FULL costs ~0.3 ms a commit.
    With create=False a missing file is refused instead of made (nothing is created).
    """
    path = Path(path)
    if not read_only and create:
        path.parent.mkdir(parents=True, exist_ok=True)
    mode = "ro" if read_only else "rwc" if create else "rw"
    try:
        conn = sqlite3.connect(f"{_uri(path)}?mode={mode}", uri=True, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise storage_error(exc, path) or StorageError(f"The database {path} cannot be opened.") from exc
    db = Database(path, conn)
    try:
        with db.translate_errors():
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute("PRAGMA foreign_keys = ON")
            # Both checks only read: journal_mode and the migrations below are the first writes.
            _check_is_ours(db)
            _check_sound(db)
            if not read_only:
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            if not read_only:
                migrate(db)
                # Only BEGIN IMMEDIATE can wait on another writer in WAL mode, and _begin_write waits for it.
                conn.execute("PRAGMA busy_timeout = 0")
    except BaseException:
        conn.close()
        raise
    return db


def _begin_write(conn: sqlite3.Connection) -> None:
    """BEGIN IMMEDIATE, waiting for another connection's write transaction in steps of a millisecond.

    SQLite's own busy handler sleeps in growing steps (1, 2, 5, 10, 15, 20, 25 … 100 ms), so a note
    saved behind a 30 ms bundle merge used to wait until the 33rd or the 53rd millisecond. The
    connection's busy_timeout is 0 once it is open, and this loop retries instead, until BUSY_SECONDS.
    """
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorcode != sqlite3.SQLITE_BUSY or time.monotonic() >= deadline:
                raise
        time.sleep(BUSY_POLL_SECONDS)


def _uri(path: Path) -> str:
    """The file: URI for *path*; as_uri() escapes "#", "?" and "%", which SQLite would read as URI syntax."""
    return "file::memory:" if str(path) == ":memory:" else path.absolute().as_uri()


def _check_is_ours(db: Database) -> None:
    """Refuse foreign SQLite files and files from a newer studygroup."""
    conn = db.connection
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if has_tables and app_id != APPLICATION_ID:
        raise CorruptDatabase(f"The file {db.path} is a database of another program, not studygroup.")
    if version > SCHEMA_VERSION:
        raise NewerDatabase(
            f"The database {db.path} was written by a newer studygroup (schema {version}, "
            f"this one knows {SCHEMA_VERSION}); update studygroup to open it."
        )


def _check_sound(db: Database) -> None:
    """Refuse a damaged file before anything writes to it.

    quick_check reads every page once (O(size), without integrity_check's index cross-check, which
    costs about 2.5 times as much): 10-17 ms for a 4 MB file of 10,000 notes, 71 ms with it out of
    the OS cache (benchmarks/bench_opencheck.py), once per command or app start. A file damaged
    badly enough makes SQLite raise "malformed" instead, which is also CorruptDatabase.
    """
    rows = db.connection.execute("PRAGMA quick_check(1)").fetchall()
    if rows != [("ok",)]:
        raise CorruptDatabase(
            f"The file {db.path} is damaged (its integrity check failed), so studygroup has not written to it."
        )


def schema_version(db: Database) -> int:
    version: int = db.connection.execute("PRAGMA user_version").fetchone()[0]
    return version


def migrate(db: Database, target: int = SCHEMA_VERSION) -> None:
    """Apply each missing numbered migration in one transaction with its version record."""
    for number, sql_file in migration_files():
        if number <= schema_version(db) or number > target:
            continue
        statements = split_statements(sql_file.read_text(encoding="utf-8"))
        with db.atomic() as conn:
            for statement in statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {number}")


def split_statements(script: str) -> list[str]:
    """Split a SQL script into statements (executescript would commit mid-migration)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements if s]
