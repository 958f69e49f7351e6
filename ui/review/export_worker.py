"""Exports run off the UI thread: a pure core function in a QThread, reporting progress.

The thread is started by `ui.background.start_worker`, which pauses Python's cyclic garbage
collector while it runs (see that module for why).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from studygroup.errors import StudygroupError
from studygroup.exchange.bundle import export_bundle
from studygroup.export import exporters
from studygroup.model import FollowUpState, Observation, Session, Turn
from studygroup.storage.db import open_database
from studygroup.storage.store import Store
from ui.background import start_worker


class WriteJob(QObject):
    """One file written in a worker thread: run() calls write() and reports back with signals."""

    progressed = Signal(int, int)
    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, path: Path):
        super().__init__()
        self.path = Path(path)

    def write(self) -> None:
        raise NotImplementedError

    def run(self) -> None:
        try:
            self.write()
        except (StudygroupError, OSError) as exc:
            self.failed.emit(f"The export to {self.path} failed: {exc}")
        except Exception as exc:  # a bug: say so plainly, keep the traceback for the log
            import traceback

            traceback.print_exc()
            self.failed.emit(f"The export to {self.path} failed unexpectedly ({exc.__class__.__name__}).")
        else:
            self.finished.emit(str(self.path))


class ExportJob(WriteJob):
    """One session's export: a summary format, or its JSON bundle."""

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
        super().__init__(path)
        self.fmt, self.session, self.observations = fmt, session, observations
        self.page_size, self.db_path = page_size, db_path
        self.follow_up_states = follow_up_states or {}  # owners, statuses and links for the PDF and Markdown
        self.turns = turns or []  # what was said in each question-round turn, for the PDF and Markdown

    def write(self) -> None:
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


def start_export(job: WriteJob, parent: QObject) -> QThread:
    """Run *job* in a new thread owned by *parent*; the thread ends when the job does.

    The caller keeps a Python reference to *job* until the thread has finished and then drops
    it: Python owns the job, so it must not also be deleteLater()'d (that deletes it twice).
    """
    return start_worker(job, job.run, (job.finished, job.failed), parent)
