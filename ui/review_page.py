"""The Review tab: the PDF's headline numbers and charts, tidy-up of steps and tags, follow-ups, export.

Figures come from studygroup.summary, the same code the PDF and Markdown use, so what the
facilitator sees here is what the leader reads.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QThread, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QProgressBar, QPushButton,
                               QTableView, QTabWidget, QVBoxLayout, QWidget)

from studygroup import curation
from studygroup.errors import StudygroupError
from studygroup.model import KIND_LABELS, Observation, Session
from studygroup.scenarios import slugify
from studygroup.store import Store
from studygroup.summary import Summary, clock_text, kind_series, summarise
from ui import dialogs
from ui.export_worker import ExportJob, start_export
from ui.review_counts import CountsModel
from ui.session_models import ListTableModel
from ui.stacked_bar_chart import StackedBarChart

_Index = QModelIndex | QPersistentModelIndex

EXPORTS = (  # format, button text, file filter, shortcut
    ("pdf", "Export P&DF…", "PDF summary (*.pdf)", "Ctrl+Shift+E"),
    ("md", "&Markdown…", "Markdown (*.md)", "Ctrl+Shift+M"),
    ("csv", "C&SV…", "CSV for spreadsheets (*.csv)", "Ctrl+Shift+C"),
    ("json", "&JSON bundle…", "studygroup bundle (*.json)", "Ctrl+Shift+J"),
)


class LabelCountModel(ListTableModel):
    """Journey steps or tags with how many notes carry each."""

    def __init__(self, what: str, parent=None):
        super().__init__(parent)
        self.COLUMNS = (what, "Notes")

    @property
    def rows(self) -> list[tuple[str, int]]:
        return self.items

    def set_rows(self, rows: list[tuple[str, int]]) -> None:
        self.set_items(rows)

    def label(self, row: int) -> str:
        return self.items[row][0]

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role == Qt.ItemDataRole.DisplayRole:
            label, count = self.items[index.row()]
            return label if index.column() == 0 else str(count)
        return None


class FollowUpModel(ListTableModel):
    """Every live note with a tick box for follow-up; ticking writes to the store at once."""

    COLUMNS = ("Follow up", "Time", "Who", "Kind", "Note")
    ticked = Signal(str, bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.session: Session | None = None

    @property
    def notes(self) -> list[Observation]:
        return self.items

    def set_notes(self, session: Session, notes: list[Observation]) -> None:
        self.session = session
        self.set_items(notes)

    def flags(self, index: _Index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else base

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        note = self.notes[index.row()]
        if index.column() == 0 and role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if note.follow_up or note.kind == "idea" else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole and index.column() > 0:
            values = (clock_text(note.session_seconds), self.session.author_name(note.author_id),
                      KIND_LABELS.get(note.kind, note.kind), " ".join(note.text.split())[:300])
            return values[index.column() - 1]
        if role == Qt.ItemDataRole.ToolTipRole and note.kind == "idea":
            return "Ideas for later are always follow-ups."
        return None

    def setData(self, index: _Index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        note = self.notes[index.row()]
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.ticked.emit(note.id, checked)
        note.follow_up = checked
        self.dataChanged.emit(index, index)
        return True


class ReviewPage(QWidget):
    """Headline numbers, charts, tidy-up and export for one session; refresh() re-reads the store."""

    export_finished = Signal(str)
    notes_changed = Signal()  # a rename changed notes in the store: whoever shares them reloads

    def __init__(self, store: Store, session: Session, parent=None,
                 notes_source: Callable[[], list[Observation]] | None = None):
        super().__init__(parent)
        self.setObjectName("reviewPage")
        self.store, self.session = store, session
        # Where the live notes come from: the store, or notes another page already holds in memory.
        self.notes_source = notes_source or (lambda: self.store.observations(self.session.id))
        self.summary: Summary | None = None
        self.export_thread: QThread | None = None
        self.export_job: ExportJob | None = None
        self.allowed: Callable[[str], bool] = lambda action: True  # the facilitator lock, set by SessionPage  # held here: a job without a Python reference is collected
        self.headlines = QLabel(objectName="headlines", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.headlines.setAccessibleName("Headline numbers")
        self.phase_chart = StackedBarChart("Notes by phase", "Phase")
        self.step_chart = StackedBarChart("Notes by journey step", "Journey step")
        self.counts = CountsModel(self)
        self.steps = LabelCountModel("Journey step", self)
        self.tags = LabelCountModel("Tag", self)
        self.follow_ups = FollowUpModel(self)
        self.follow_ups.ticked.connect(self._on_follow_up_ticked)
        self.status = QLabel(objectName="exportStatus", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.progress = QProgressBar(visible=False)
        self.progress.setAccessibleName("Export progress")
        self._build()
        if session.status == "ended":  # otherwise the figures are computed when the tab is first shown
            self.refresh()

    def _build(self) -> None:
        layout = QGridLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(QLabel("What happened", objectName="pageTitle"), 0, 0)
        layout.addWidget(self.headlines, 1, 0)
        charts = QHBoxLayout()
        for chart in (self.phase_chart, self.step_chart):
            chart.setMinimumSize(300, 260)  # the page must fit a 1280-pixel laptop screen
        charts.addWidget(self.phase_chart)
        charts.addWidget(self.step_chart)
        layout.addLayout(charts, 2, 0)
        layout.addWidget(self._tidy_tabs(), 0, 1, 3, 1)
        layout.addLayout(self._export_row(), 3, 0, 1, 2)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 2)
        layout.setRowStretch(2, 1)

    def _table(self, model, name: str) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setAccessibleName(name)
        view.verticalHeader().hide()
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def _tidy_tabs(self) -> QTabWidget:
        tabs = QTabWidget()
        tabs.setAccessibleName("Tidy up and follow-ups")
        self.counts_view = self._table(self.counts, "Notes by phase and kind")
        self.steps_view = self._table(self.steps, "Journey steps")
        self.tags_view = self._table(self.tags, "Tags")
        self.follow_view = self._table(self.follow_ups, "Notes to follow up")
        tabs.addTab(self._with_rename(self.steps_view, "journey step"), "St&eps")
        tabs.setTabToolTip(0, "Journey steps and how many notes each got; rename or merge them")
        tabs.addTab(self._with_rename(self.tags_view, "tag"), "&Tags")
        tabs.addTab(self.follow_view, "&Follow-ups")
        tabs.addTab(self.counts_view, "C&ounts")
        tabs.setUsesScrollButtons(False)
        tabs.setTabToolTip(2, "Tick the notes whoever files bugs should look at (Space ticks the selected row)")
        return tabs

    def _with_rename(self, view: QTableView, what: str) -> QWidget:
        button = QPushButton(f"Re&name or merge {what}…")
        button.setToolTip(f"Rename the selected {what} on every note; give an existing name to merge (F2)")
        button.setShortcut(QKeySequence("F2"))
        button.setAccessibleName(f"Rename or merge {what}")
        button.clicked.connect(lambda: self.rename_selected(view, what))
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(view)
        column.addWidget(button)
        return box

    def _export_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.page_size = QComboBox()
        self.page_size.addItems(["A4", "Letter"])
        self.page_size.setToolTip("Paper size of the PDF")
        self.page_size.setAccessibleName("PDF page size")
        row.addWidget(QLabel("Page size:"))
        row.addWidget(self.page_size)
        self.export_buttons = {}
        for fmt, text, file_filter, shortcut in EXPORTS:
            button = QPushButton(text)
            button.setShortcut(QKeySequence(shortcut))
            button.setToolTip(f"Save the session as {file_filter} ({shortcut})")
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            button.clicked.connect(lambda _=False, f=fmt, ff=file_filter: self.ask_and_export(f, ff))
            row.addWidget(button)
            self.export_buttons[fmt] = button
        row.addWidget(self.progress)
        row.addWidget(self.status, 1)
        return row

    def refresh(self) -> None:
        """Re-read the session and its notes and recompute every figure."""
        self.session = self.store.load_session(self.session.id)
        self.summary = summarise(self.session, self.notes_source())
        self.headlines.setText("\n".join(self.summary.headlines))
        for chart, table in ((self.phase_chart, self.summary.by_phase), (self.step_chart, self.summary.by_step)):
            chart.set_data(list(table), dict(kind_series(table)))
        self.counts.set_counts(self.summary.by_phase)
        self.steps.set_rows(sorted(self.summary.step_counts.items()))
        self.tags.set_rows(sorted(self.summary.tag_counts.items()))
        self.follow_ups.set_notes(self.session, self.summary.notes)

    def rename_selected(self, view: QTableView, what: str) -> None:
        rows = view.selectionModel().selectedRows()
        if not rows:
            self.status.setText(f"Select a {what} first, then rename it.")
            return
        old = view.model().label(rows[0].row())
        new = dialogs.ask_text(self, f"Rename {what}", f"New name for “{old}” (an existing name merges them):", old)
        if new is None or new.strip() == old:
            return
        rename = curation.rename_journey_step if what == "journey step" else curation.rename_tag
        try:
            changed = rename(self.store, self.session.id, old, new)
        except StudygroupError as exc:
            self.status.setText(str(exc))
            return
        self.status.setText(f"Renamed “{old}” to “{new.strip()}” on {changed} notes.")
        self.notes_changed.emit()
        self.refresh()

    def _on_follow_up_ticked(self, observation_id: str, follow_up: bool) -> None:
        try:
            curation.set_follow_up(self.store, self.session.id, observation_id, follow_up)
        except StudygroupError as exc:
            self.status.setText(str(exc))

    def ask_and_export(self, fmt: str, file_filter: str) -> None:
        if not self.allowed("export"):
            return
        suggested = str(Path.home() / f"{slugify(self.session.title, fallback='session')}.{fmt}")
        path = dialogs.ask_save_path(self, "Export the session", suggested, file_filter)
        if path is not None:
            self.export_to(fmt, path)

    def export_to(self, fmt: str, path: Path) -> None:
        """Export in a worker thread; the window stays responsive and shows progress."""
        if self.export_thread is not None:
            self.status.setText("An export is already running; it will finish in a moment.")
            return
        notes = self.store.observations(self.session.id, include_deleted=True)
        job = ExportJob(fmt, self.session, notes, path, self.page_size.currentText(), self.store.path)
        job.progressed.connect(self._on_progress)
        job.finished.connect(self._on_export_finished)
        job.failed.connect(self._on_export_failed)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status.setText(f"Exporting to {path}…")
        for button in self.export_buttons.values():
            button.setEnabled(False)
        self.export_job = job
        self.export_thread = start_export(job, self)
        self.export_thread.finished.connect(self._on_thread_finished)

    def shutdown(self) -> None:
        """Let a running export finish (its file is written whole or not at all) before the page goes."""
        if self.export_thread is not None:
            self.export_thread.wait()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_export_finished(self, path: str) -> None:
        self.status.setText(f"Saved {path}")
        self.export_finished.emit(path)

    def _on_export_failed(self, message: str) -> None:
        self.status.setText(message)

    def _on_thread_finished(self) -> None:
        # QThread.finished is emitted from the worker just before it really ends: wait for the end
        # before the job (owned here, living in that thread) is let go, or its deletion can race it.
        self.export_thread.wait()
        self.export_thread = self.export_job = None
        self.progress.setVisible(False)
        for button in self.export_buttons.values():
            button.setEnabled(True)
