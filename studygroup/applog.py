"""The app's two log files in the user's log folder: a rotating log of what happened, and a
crash log that faulthandler writes into if the interpreter itself dies."""

from __future__ import annotations

import datetime
import faulthandler
import logging
import logging.handlers
import os
from pathlib import Path
from typing import TextIO

from studygroup import __version__

LOG_FILE = "studygroup.log"
CRASH_FILE = "crash.log"
LOG_BYTES = 1_000_000  # a busy hour writes a few kilobytes; three old files are plenty
LOG_BACKUPS = 3
CRASH_BYTES = 1_000_000

log = logging.getLogger("studygroup")


LOGGERS = ("studygroup", "qt")


def start_log(log_dir: Path) -> logging.Handler:
    """Send the `studygroup` and `qt` loggers to a rotating file in *log_dir*; stop it with stop_log."""
    log_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        log_dir / LOG_FILE, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for name in LOGGERS:
        logger = logging.getLogger(name)
        logger.setLevel(logging.INFO)
        logger.addHandler(handler)
    return handler


def stop_log(handler: logging.Handler) -> None:
    """Detach and close a handler from start_log."""
    for name in LOGGERS:
        logging.getLogger(name).removeHandler(handler)
    handler.close()


class CrashLog:
    """faulthandler's output for this run, appended to crash.log under a line naming the run."""

    def __init__(self, log_dir: Path):
        self.path = log_dir / CRASH_FILE
        self._handle: TextIO | None = None

    def start(self, db_path: Path) -> None:
        """Open the crash log and point faulthandler at it (all threads' stacks on a fatal error)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.exists() and self.path.stat().st_size > CRASH_BYTES:
            os.replace(self.path, self.path.with_name(CRASH_FILE + ".1"))
        self._handle = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 - open for the whole run
        stamp = datetime.datetime.now().isoformat(timespec="seconds")
        self._handle.write(f"--- studygroup {__version__} started {stamp}, process {os.getpid()}, database {db_path}\n")
        self._handle.flush()
        faulthandler.enable(file=self._handle, all_threads=True)

    def stop(self) -> None:
        """A clean exit: faulthandler back to stderr, the file closed."""
        if self._handle is None:
            return
        faulthandler.disable()
        self._handle.close()
        self._handle = None
