"""Notice, without waiting for a save, that the database file was replaced under the running app."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from studygroup.storage.db import Database
from studygroup.storage.dbfile import replaced_message
from ui.timers import make_timer

CHECK_INTERVAL_MS = 2000  # one stat() every two seconds: nothing, next to the chance of typing into a dead file


class FileWatcher(QObject):
    """Checks the file's identity on a timer; emits file_replaced once, with the sentence to show."""

    file_replaced = Signal(str)

    def __init__(self, db: Database, parent: QObject | None = None, interval_ms: int = CHECK_INTERVAL_MS):
        super().__init__(parent)
        self.db = db
        self.told = False
        self.timer = make_timer(self, interval_ms)
        self.timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        self.timer.start()

    def _on_timer_timeout(self) -> None:
        if self.told or not self.db.file_replaced():
            return
        self.told = True
        self.timer.stop()  # said once; every later save says it again where the note is kept
        self.file_replaced.emit(replaced_message(self.db.path))
