"""One app per database file: a lock beside the file, and a local socket to raise the first window.

QLockFile records the owner's pid and host, so a lock left by a crashed app is found stale
and taken over instead of blocking the facilitator.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from studygroup.storage.dbfile import lock_path

RAISE_MESSAGE = b"raise"


def _server_name(db_path: Path) -> str:
    digest = hashlib.sha1(str(Path(db_path).resolve()).encode("utf-8")).hexdigest()[:16]
    return f"studygroup-{digest}"


class SingleInstance(QObject):
    """Holds the lock for one database; emits raise_requested when a second app starts."""

    raise_requested = Signal()

    def __init__(self, db_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(self.lock_path))
        self._lock.setStaleLockTime(0)  # only a dead owner makes the lock stale, never its age
        self._server: QLocalServer | None = None
        self.left_by_crash = False  # the last app on this file ended without releasing its lock

    @property
    def lock_path(self) -> Path:
        return lock_path(self.db_path)  # the name `studygroup restore` checks (studygroup/storage/dbfile.py)

    def acquire(self) -> bool:
        """Take the lock (recovering a stale one); False when another live app holds it."""
        existed = self.lock_path.exists()
        if not self._lock.tryLock(100):
            return False
        # A clean exit removes the lock file; finding one that we could take means its owner died.
        self.left_by_crash = existed
        self._listen()
        return True

    def owner_pid(self) -> int | None:
        info = self._lock.getLockInfo()  # PySide6 returns (pid, host, app), or a falsy value
        return info[0] if info else None

    def ask_first_to_raise(self) -> bool:
        """Tell the app holding the lock to come to the front; True if it answered."""
        socket = QLocalSocket()
        socket.connectToServer(_server_name(self.db_path))
        if not socket.waitForConnected(500):
            return False
        socket.write(RAISE_MESSAGE)
        socket.flush()
        socket.waitForBytesWritten(500)
        socket.disconnectFromServer()
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
        self._lock.unlock()

    def _listen(self) -> None:
        name = _server_name(self.db_path)
        QLocalServer.removeServer(name)  # a crashed owner may have left the socket file
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._on_server_new_connection)
        self._server.listen(name)

    def _on_server_new_connection(self) -> None:
        connection = self._server.nextPendingConnection()
        if connection is None:
            return
        # The message is a few bytes sent right after connecting: read it here, no more signals.
        arrived = connection.bytesAvailable() or connection.waitForReadyRead(500)
        if arrived and RAISE_MESSAGE in bytes(connection.readAll()):
            self.raise_requested.emit()
        connection.disconnectFromServer()
        connection.deleteLater()
