"""Errors with a sentence for the user; anything else is a bug and is reported as one."""

from __future__ import annotations

import sqlite3
from pathlib import Path


class StudygroupError(Exception):
    """An error the user can act on; str() is one plain sentence."""


class StorageError(StudygroupError):
    """The database file could not be used as asked."""


class DatabaseLocked(StorageError):
    pass


class ReadOnlyDatabase(StorageError):
    pass


class DiskFull(StorageError):
    pass


class DiskError(StorageError):
    """The operating system could not read or write the file (SQLITE_IOERR and its extended codes)."""


class BackupFailed(StorageError):
    """No backup could be made; the database itself is unchanged."""


class CorruptDatabase(StorageError):
    pass


class NewerDatabase(StorageError):
    pass


class DatabaseReplaced(StorageError):
    """The path no longer names the file this connection writes to (a restore put another there)."""


class DatabaseInUse(StudygroupError):
    """A running studygroup holds the database, so it must not be swapped under it."""


class InvalidRecord(StorageError):
    """A value the bundle format forbids (too long, out of range, not valid Unicode): never written."""


class BundleError(StudygroupError):
    """A JSON bundle that cannot be imported; the database is left unchanged."""


class NotFound(StudygroupError):
    """A session or note id that does not exist."""


class ActionRefused(StudygroupError):
    """A rename, archive or trash that the title or the session's state does not allow; nothing changed."""


class LibraryFolderError(StudygroupError):
    """The team's library folder is missing, is a file, or cannot be read or written."""


class PlanLibraryError(StudygroupError):
    """An agenda template or scenario card that cannot be saved, renamed or deleted as asked
    (a built-in one, an unknown name, a name that is blank or taken)."""


def storage_error(exc: sqlite3.Error, path: Path | str) -> StorageError | None:
    """Classify a sqlite3 error into a typed StorageError, or None when it is a bug."""
    message = str(exc).lower()
    code = getattr(exc, "sqlite_errorname", "") or ""
    if "locked" in message or "busy" in code.lower():
        return DatabaseLocked(f"The database {path} is in use by another program; close it and try again.")
    if "readonly" in message.replace(" ", "") or code.startswith("SQLITE_READONLY"):
        return ReadOnlyDatabase(f"The database {path} is read-only, so nothing can be saved to it.")
    if "disk is full" in message or code == "SQLITE_FULL":
        return DiskFull(f"The disk holding {path} is full, so nothing can be saved to it.")
    if code.startswith("SQLITE_IOERR") or "disk i/o error" in message:
        return DiskError(
            f"The disk holding {path} could not be read or written ({code or message}); check the disk and try again."
        )
    if "not a database" in message or "malformed" in message or code in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
        return CorruptDatabase(f"The file {path} is damaged or is not a studygroup database.")
    if "unable to open" in message or code == "SQLITE_CANTOPEN":
        return StorageError(f"The database {path} cannot be opened; check the folder exists and is writable.")
    return None
