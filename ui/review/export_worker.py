"""Exports run off the UI thread: a pure core function in a QThread, reporting progress.

The thread is started by `ui.background.start_worker`, which pauses Python's cyclic garbage
collector while it runs (see that module for why).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from studygroup.errors import StudygroupError
from studygroup.exchange.bundle import export_bundle
from studygroup.export import exporters
from studygroup.model import FollowUpState, Observation, Session, Turn
from studygroup.storage.db import open_database
from studygroup.storage.store import Store
from ui.actions import bind_button, build_action
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


class ExportRunner(QObject):
    """One export at a time for a page: its job in a worker, its progress and outcome shown, its buttons off meanwhile.

    `thread` and `job` are the running export's (None between exports); `finished(path)` says a file was written.
    """

    finished = Signal(str)

    def __init__(
        self, parent: QObject, progress: QProgressBar, status: QLabel, buttons: Callable[[], Iterable[QAbstractButton]]
    ):
        super().__init__(parent)
        self.progress, self.status, self.buttons = progress, status, buttons
        self.thread: QThread | None = None
        self.job: WriteJob | None = None

    def busy(self) -> bool:
        """True while an export runs, and then said on the status line: one export at a time."""
        if self.thread is not None:
            self.status.setText("An export is already running; it will finish in a moment.")
        return self.thread is not None

    def start(self, job: WriteJob) -> bool:
        """Run *job* unless an export is already running (then say so); True when started."""
        if self.busy():
            return False
        job.progressed.connect(self._on_progress)
        job.finished.connect(self._on_finished)
        job.failed.connect(self.status.setText)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status.setText(f"Exporting to {job.path}…")
        self._enable_buttons(False)
        self.job = job
        self.thread = start_export(job, self)
        self.thread.finished.connect(self._on_thread_finished)
        return True

    def wait(self) -> None:
        """Let a running export finish (its file is written whole or not at all) before the page goes."""
        if self.thread is not None:
            self.thread.wait()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_finished(self, path: str) -> None:
        self.status.setText(f"Saved {path}")
        self.finished.emit(path)

    def _on_thread_finished(self) -> None:
        # QThread.finished is emitted from the worker just before it really ends: wait for the end
        # before the job (owned here, living in that thread) is let go, or its deletion can race it.
        if self.thread is not None:
            self.thread.wait()
        self.thread = self.job = None
        self.progress.setVisible(False)
        self._enable_buttons(True)

    def _enable_buttons(self, enabled: bool) -> None:
        for button in self.buttons():
            button.setEnabled(enabled)


def add_export_buttons(
    owner: QWidget,
    row: QBoxLayout,
    exports: Iterable[tuple[str, str, str, str]],
    ask_and_export: Callable[[str, str], None],
    connect: Callable[[QAction, Callable[[], None]], None],
) -> dict[str, QPushButton]:
    """One button per (format, action row, button text, file filter), bound to its action, added to *row*.

    *connect* ties the action to its slot: Review's goes through the session's lock, Trends' does not.
    """
    buttons = {}
    for fmt, action_id, text, file_filter in exports:
        action = build_action(action_id, owner)
        owner.addAction(action)
        connect(action, partial(ask_and_export, fmt, file_filter))
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        bind_button(button, action)
        row.addWidget(button)
        buttons[fmt] = button
    return buttons
