"""Exports run off the UI thread: a pure core function in a QThread, reporting progress.

While a worker runs, Python's cyclic garbage collector is paused. Otherwise a collection
that happens to start in the worker (an export allocates a lot) can destroy Qt widgets
left in reference cycles by the GUI thread, from the wrong thread: a segfault, seen here
about once in ten test runs. The GUI thread collects before the worker starts and after
it ends.
"""

from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from studygroup.errors import StudygroupError
from studygroup.exchange.bundle import export_bundle
from studygroup.export import exporters
from studygroup.model import FollowUpState, Observation, Session, Turn
from studygroup.storage.db import open_database
from studygroup.storage.store import Store


class ExportJob(QObject):
    """One export; lives in a worker thread and reports back with signals."""

    progressed = Signal(int, int)
    finished = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        fmt: str,
        session: Session,
        observations: list[Observation],
        path: Path,
        page_size: str = "A4",
        db_path: Path | None = None,
        follow_up_states: dict[str, FollowUpState] | None = None,
        turns: list[Turn] | None = None,
    ):
        super().__init__()
        self.fmt, self.session, self.observations = fmt, session, observations
        self.path, self.page_size, self.db_path = Path(path), page_size, db_path
        self.follow_up_states = follow_up_states or {}  # owners, statuses and links for the PDF and Markdown
        self.turns = turns or []  # what was said in each question-round turn, for the PDF and Markdown

    def run(self) -> None:
        try:
            if self.fmt == "json":
                # The bundle reads the store itself, through its own read-only connection.
                with Store(open_database(self.db_path, read_only=True)) as store:
                    export_bundle(store, self.session.id, self.path)
            else:
                exporters.export(
                    self.fmt,
                    self.session,
                    self.observations,
                    self.path,
                    page_size=self.page_size,
                    progress=self.progressed.emit,
                    follow_up_states=self.follow_up_states,
                    turns=self.turns,
                )
        except (StudygroupError, OSError) as exc:
            self.failed.emit(f"The export to {self.path} failed: {exc}")
        except Exception as exc:  # a bug: say so plainly, keep the traceback for the log
            import traceback

            traceback.print_exc()
            self.failed.emit(f"The export to {self.path} failed unexpectedly ({exc.__class__.__name__}).")
        else:
            self.finished.emit(str(self.path))


def start_export(job: ExportJob, parent: QObject) -> QThread:
    """Run *job* in a new thread owned by *parent*; the thread ends when the job does.

    The caller keeps a Python reference to *job* until the thread has finished and then drops
    it: Python owns the job, so it must not also be deleteLater()'d (that deletes it twice).
    """
    thread = QThread(parent)
    job.moveToThread(thread)
    thread.started.connect(job.run)
    job.finished.connect(thread.quit)
    job.failed.connect(thread.quit)
    guard = _CollectorPause(parent)  # lives in the GUI thread, so its slot runs there
    thread.finished.connect(guard.resume)
    thread.finished.connect(thread.deleteLater)
    guard.pause()
    thread.start()
    return thread


class _CollectorPause(QObject):
    """Pauses Python's cyclic collector while a worker runs; the GUI thread collects around it."""

    def pause(self) -> None:
        gc.collect()
        gc.disable()

    @Slot()
    def resume(self) -> None:
        gc.enable()
        gc.collect()
        self.deleteLater()
