"""Work off the UI thread, so a live session never waits for it: a bundle import, a folder sync, an export.

A store job opens a Store of its own on the same file: SQLite lets one connection write while
others read, and a merge holds the write lock only for its short final transaction
(`exchange.bundle.merge_bundle`), so a note typed meanwhile is saved within milliseconds.

While any worker runs, two things about Python change (`WorkerGuard`):
- the cyclic garbage collector is paused: a collection that starts in a worker can destroy Qt
  objects left in reference cycles by the GUI thread, from the wrong thread (a segfault, seen
  about once in ten export test runs); the GUI thread collects before and after instead;
- the interpreter hands the GIL between threads every millisecond instead of every five: a note
  save takes the GIL back after each SQLite call, and at 5 ms a turn a save beside a busy worker
  measured 60-85 ms, at 1 ms 20-30 ms (benchmarks/bench_live.py).
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from studygroup.errors import StudygroupError
from studygroup.storage.store import Store

WORKER_SWITCH_INTERVAL = 0.001  # seconds between GIL hand-overs while a worker runs
log = logging.getLogger(__name__)


class WorkerGuard(QObject):
    """Counts running workers; the first one pauses the collector and shortens the GIL turn, the last restores both."""

    running = 0
    _switch_interval = sys.getswitchinterval()

    @classmethod
    def enter(cls) -> None:
        if cls.running == 0:
            gc.collect()
            gc.disable()
            cls._switch_interval = sys.getswitchinterval()
            sys.setswitchinterval(WORKER_SWITCH_INTERVAL)
        cls.running += 1

    @classmethod
    def leave(cls) -> None:
        cls.running -= 1
        if cls.running == 0:
            sys.setswitchinterval(cls._switch_interval)
            gc.enable()
            gc.collect()


def start_worker(job: QObject, run: Callable[[], None], ends: tuple[Any, ...], parent: QObject) -> QThread:
    """Run *run* (a slot of *job*) in a new thread owned by *parent*; the thread quits on any of the *ends* signals.

    The caller keeps a Python reference to *job* until the thread has finished and then drops it:
    Python owns the job, so it must not also be deleteLater()'d (that deletes it twice).
    """
    thread = QThread(parent)
    job.moveToThread(thread)
    thread.started.connect(run)
    for signal in ends:
        signal.connect(thread.quit)
    release = _Release(parent)  # lives in the GUI thread, so its slot runs there
    thread.finished.connect(release.release)
    thread.finished.connect(thread.deleteLater)
    WorkerGuard.enter()
    thread.start()
    return thread


class _Release(QObject):
    @Slot()
    def release(self) -> None:
        WorkerGuard.leave()
        self.deleteLater()


class StoreJob(QObject):
    """`work(store)` on a connection of its own to the database file; says its result or one sentence."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, db_path: Path, now: Callable[[], float], work: Callable[[Store], object], what: str):
        super().__init__()
        self.db_path, self.now, self.work, self.what = db_path, now, work, what

    @Slot()
    def run(self) -> None:
        try:
            with Store.open(self.db_path, self.now, create=False) as store:
                result = self.work(store)
        except StudygroupError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug: one plain sentence for the user, the traceback for the log
            log.exception("%s failed", self.what)
            self.failed.emit(f"{self.what} failed unexpectedly ({exc.__class__.__name__}); the log has the details.")
        else:
            self.done.emit(result)


class StoreWorker(QObject):
    """One store job at a time for a window: it starts them, and waits for the running one on close."""

    started = Signal(str)  # what is being done, e.g. "Importing bundle.json"
    ended = Signal()

    def __init__(self, store: Store, parent: QObject):
        super().__init__(parent)
        self.store = store
        self.job: StoreJob | None = None
        self.thread: QThread | None = None
        self._done: Callable[[Any], None] = _ignore
        self._failed: Callable[[str], None] = _ignore

    def busy(self) -> bool:
        return self.thread is not None

    def start(
        self,
        what: str,
        work: Callable[[Store], object],
        done: Callable[[Any], None],
        failed: Callable[[str], None],
    ) -> bool:
        """Run *work* in the background, then *done(result)* or *failed(sentence)* on the UI thread; False if busy."""
        if self.busy():
            return False
        self._done, self._failed = done, failed
        job = StoreJob(self.store.path, self.store.now, work, what)
        # To slots of this object, which lives in the GUI thread: Qt queues the calls there.
        job.done.connect(self._on_done)
        job.failed.connect(self._on_failed)
        self.job = job
        self.thread = start_worker(job, job.run, (job.done, job.failed), self)
        self.thread.finished.connect(self._on_thread_finished)
        self.started.emit(what)
        return True

    @Slot(object)
    def _on_done(self, result: object) -> None:
        self._done(result)

    @Slot(str)
    def _on_failed(self, sentence: str) -> None:
        self._failed(sentence)

    @Slot()
    def _on_thread_finished(self) -> None:
        if self.thread is not None:
            self.thread.wait()
        self.thread = self.job = None
        self.ended.emit()

    def wait(self) -> None:
        """Block until the running job (if any) has ended: the window is closing."""
        if self.thread is not None:
            self.thread.wait()


def _ignore(_value: object) -> None:
    pass
