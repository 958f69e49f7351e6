"""Broken storage for tests: a real database with random bytes in its middle, and connections whose disk fails."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from studygroup.demo import create_demo
from studygroup.storage.store import Store

SEED = 12
DAMAGE = 8192  # bytes of noise: two pages' worth, as a failing sector range or a bad copy leaves
# What SQLite itself raises for these (sqlite3.h); the names are what storage_error reads.
FAULTS = {
    "SQLITE_IOERR_WRITE": (778, "disk I/O error"),
    "SQLITE_FULL": (13, "database or disk is full"),
}


def damaged_database(path: Path) -> tuple[str, bytes]:
    """Two demo sessions in a new file at *path*, then damage(path); returns the first session's id and the bytes."""
    with Store.open(path) as store:
        session_id = create_demo(store).id
        create_demo(store)
    return session_id, damage(path)


def damage(path: Path) -> bytes:
    """8 KB of seeded noise over the middle of the closed database at *path*; returns the damaged bytes.

    The premise is checked here: SQLite's own integrity_check must fail, or the tests using this
    file would prove nothing.
    """
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + DAMAGE] = random.Random(SEED).randbytes(DAMAGE)
    path.write_bytes(bytes(data))
    assert not integrity_ok(path), "the noise missed every page SQLite checks: pick another seed"
    return bytes(data)


def integrity_ok(path: Path) -> bool:
    """PRAGMA integrity_check on a read-only, immutable view: it creates no -wal or -shm beside *path*."""
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    except sqlite3.DatabaseError:  # damaged badly enough that SQLite stops before it can list problems
        return False
    finally:
        conn.close()


def fault(name: str) -> sqlite3.OperationalError:
    """A fresh sqlite3 error as the module raises it for *name* (a new one each time: tracebacks pile up)."""
    code, message = FAULTS[name]
    exc = sqlite3.OperationalError(message)
    exc.sqlite_errorcode, exc.sqlite_errorname = code, name
    return exc


class FailingConnection(sqlite3.Connection):
    """A real connection whose disk fails once `failing` names a fault: every statement and backup raises it.

    SQLite's VFS cannot be swapped from Python; this fails where the app meets SQLite instead.
    """

    failing: str | None = None

    def execute(self, *args):
        if self.failing:
            raise fault(self.failing)
        return super().execute(*args)

    def executemany(self, *args):
        if self.failing:
            raise fault(self.failing)
        return super().executemany(*args)

    def backup(self, *args, **kwargs):
        if self.failing:
            raise fault(self.failing)
        return super().backup(*args, **kwargs)


def connect_failing(monkeypatch, name: str | None) -> None:
    """Every sqlite3.connect from now on gives a FailingConnection, failing from its first statement if *name*."""
    real_connect = sqlite3.connect

    def connect(*args, **kwargs):
        conn = real_connect(*args, factory=FailingConnection, **kwargs)
        conn.failing = name
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)


def fail_after_open(monkeypatch, name: str) -> None:
    """The database opens soundly, then its disk fails: the command's own reads and writes meet *name*."""
    import studygroup.storage.store as store_module

    connect_failing(monkeypatch, None)
    real_open = store_module.open_database

    def open_then_fail(*args, **kwargs):
        db = real_open(*args, **kwargs)
        db.connection.failing = name
        return db

    monkeypatch.setattr(store_module, "open_database", open_then_fail)
