"""Online backups with SQLite's backup API: safe while the app is writing, kept to the last N."""

from __future__ import annotations

import contextlib
import datetime
import errno
import os
import shutil
import sqlite3
from pathlib import Path

from studygroup.errors import BackupFailed, StorageError
from studygroup.storage.db import open_database
from studygroup.storage.dbfile import holding_lock

DEFAULT_KEEP = 10


def backup_dir(db_path: Path) -> Path:
    """Backups live beside the database, in a folder named after it."""
    return db_path.parent / f"{db_path.stem}-backups"


def list_backups(db_path: Path) -> list[Path]:
    """Existing backups, newest first."""
    folder = backup_dir(db_path)
    return sorted(folder.glob(f"{db_path.stem}-*.db"), reverse=True) if folder.is_dir() else []


def make_backup(
    connection: sqlite3.Connection, db_path: Path, keep: int = DEFAULT_KEEP, now: datetime.datetime | None = None
) -> Path:
    """Copy the open database to a new timestamped file and prune to the newest *keep* (at least 1).

    Any failure (a full disk, an I/O error) is one BackupFailed sentence; the half-written copy is
    removed and no earlier backup is pruned.
    """
    if keep < 1:
        raise ValueError(f"keep must be at least 1, not {keep}: pruning would delete every backup")
    stamp = (now or datetime.datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir(db_path) / f"{db_path.stem}-{stamp}.db"
    partial = target.with_suffix(".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _copy_into(connection, partial)
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        for leftover in (partial, Path(f"{partial}-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
        raise BackupFailed(
            f"No backup of {db_path} could be made in {target.parent} ({_reason(exc)}); "
            "the database itself is unchanged."
        ) from exc
    for old in list_backups(db_path)[keep:]:
        with contextlib.suppress(OSError):  # an old backup that cannot be removed only takes space
            old.unlink(missing_ok=True)
    return target


def _copy_into(connection: sqlite3.Connection, partial: Path) -> None:
    """SQLite's online backup of *connection* into the new file *partial*."""
    partial.unlink(missing_ok=True)  # a copy left by an earlier failure
    dest = sqlite3.connect(partial)
    try:
        connection.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
    finally:
        dest.close()


def _reason(exc: sqlite3.Error | OSError) -> str:
    """A few words on why a backup failed."""
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return "the disk is full"
        return exc.strerror or str(exc)
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name == "SQLITE_FULL" or "full" in str(exc):
        return "the disk is full"
    detail = " ".join(str(exc).split())
    return f"{detail}, {name}" if name else detail


def backup_due(db_path: Path, now: datetime.datetime | None = None) -> bool:
    """At most one automatic backup a day (the end of a session always makes one)."""
    newest = next(iter(list_backups(db_path)), None)
    if newest is None:
        return True
    age = (now or datetime.datetime.now()).timestamp() - newest.stat().st_mtime
    return age >= 24 * 3600


def restore_backup(backup: Path, db_path: Path) -> Path:
    """Put *backup* in place of the database; the current file is kept aside, never overwritten.

    Refused (DatabaseInUse) while a running app holds the database: its connection would go on
    writing into the file set aside. Holds the app's lock meanwhile, so no app opens it half-swapped.
    Returns where the previous database was moved (or the db path when there was none).
    """
    backup = Path(backup)
    if not backup.is_file():
        raise StorageError(f"There is no backup file {backup}.")
    open_database(backup, read_only=True).close()  # refuses damaged or foreign files
    with holding_lock(db_path, then="restore"):
        aside = set_aside(db_path, "before-restore") if db_path.exists() else db_path
        shutil.copyfile(backup, db_path.with_suffix(".restoring"))
        os.replace(db_path.with_suffix(".restoring"), db_path)
    return aside


def set_aside(db_path: Path, reason: str) -> Path:
    """Rename the database (and its -wal/-shm) to `<stem>-<reason>-<time>`: kept, never overwritten."""
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.stem}-{reason}-{stamp}{db_path.suffix}")
    for suffix in ("", "-wal", "-shm"):
        side = Path(str(db_path) + suffix)
        if side.exists():
            os.replace(side, Path(str(aside) + suffix))
    return aside
