"""The Review tab: the PDF's headline numbers and charts, tidy-up of steps and tags, follow-ups, export.

Figures come from studygroup.summary, the same code the PDF and Markdown use, so what the
facilitator sees here is what the leader reads.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studygroup import curation, followups
from studygroup.errors import StudygroupError
from studygroup.model import KIND_LABELS, Observation, Session
from studygroup.scenarios import slugify
from studygroup.storage.store import Store
from studygroup.summary import Summary, clock_text, is_follow_up, kind_series, plural, summarise
from ui import dialogs
from ui.actions import bind_button, build_action
from ui.facilitator_gate import FacilitatorGate
from ui.review.counts import CountsModel
from ui.review.export_worker import ExportJob, ExportRunner, WriteJob, add_export_buttons
from ui.review.follow_ups import NOTE, STATE, FollowUpModel
from ui.review.stacked_bar_chart import StackedBarChart
from ui.session_models import ListTableModel
from ui.table_fit import PERSON_MAX_WIDTH, column_width

_Index = QModelIndex | QPersistentModelIndex
FOLLOW_UPS = 2  # the Follow-ups tab's index in tidy_tabs

EXPORTS = (  # format, action row, button text, file filter
    ("pdf", "export_pdf", "Export P&DF…", "PDF summary (*.pdf)"),
    ("md", "export_md", "&Markdown…", "Markdown (*.md)"),
    ("csv", "export_csv", "C&SV…", "CSV for spreadsheets (*.csv)"),
    ("json", "export_json", "&JSON bundle…", "studygroup bundle (*.json)"),
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


class ReviewPage(QWidget):
    """Headline numbers, charts, tidy-up and export for one session; refresh() recomputes them.

    The session is the caller's (in a running session, SessionPage's one object): the page never
    replaces it, and a journey-step rename changes its list in place.
    """

    export_finished = Signal(str)
    notes_changed = Signal()  # a rename changed notes in the store: whoever shares them reloads
    journey_steps_changed = Signal()  # the session's journey-step list changed in place: whoever shows it redraws

    def __init__(
        self,
        store: Store,
        session: Session,
        parent=None,
        notes_source: Callable[[], list[Observation]] | None = None,
        gate: FacilitatorGate | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("reviewPage")
        self.store, self.session = store, session
        # Where the live notes come from: the store, or notes another page already holds in memory.
        self.notes_source = notes_source or (lambda: self.store.observations(self.session.id))
        self.summary: Summary | None = None
        self.gate = gate or FacilitatorGate(parent=self)  # the session's lock; standing alone, never locked
        self.headlines = QLabel(objectName="headlines", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.headlines.setAccessibleName("Headline numbers")
        self.phase_chart = StackedBarChart("Notes by phase", "Phase")
        self.step_chart = StackedBarChart("Notes by journey step", "Journey step")
        self.counts = CountsModel(self)
        self.steps = LabelCountModel("Journey step", self)
        self.tags = LabelCountModel("Tag", self)
        self.follow_ups = FollowUpModel(self)
        self.follow_ups.ticked.connect(self._on_follow_up_ticked)
        self.follow_ups.may_tick = lambda: self.gate.request("tick_follow_up")
        self.status = QLabel(objectName="exportStatus", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.progress = QProgressBar(visible=False)
        self.progress.setAccessibleName("Export progress")
        self._build()
        self.exports = ExportRunner(self, self.progress, self.status, self.export_buttons.values)
        self.exports.finished.connect(self.export_finished)
        if session.status == "ended":  # otherwise the figures are computed when the tab is first shown
            self.refresh()

    def _build(self) -> None:
        # Headlines and charts side by side on top; the tidy-up tabs take the full width below, so
        # the follow-ups show each note's text, and the whole page fits 1280x720.
        summary = QVBoxLayout()
        summary.addWidget(QLabel("What happened", objectName="pageTitle"))
        self.headlines.setMaximumWidth(420)  # a long headline wraps; the charts keep the width for their names
        summary.addWidget(self.headlines)
        summary.addStretch(1)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addLayout(summary)
        for chart in (self.phase_chart, self.step_chart):
            chart.setMinimumSize(300, 240)
            top.addWidget(chart, 1)
        self.tidy_tabs = self._tidy_tabs()
        self._fit_follow_up_columns()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 14, 24, 14)
        layout.setSpacing(10)
        layout.addLayout(top, 1)
        layout.addWidget(self.tidy_tabs, 1)
        layout.addLayout(self._export_row())

    def _fit_follow_up_columns(self) -> None:
        """Tick, time, who and kind as wide as their values; the note takes the rest (whole in its tooltip)."""
        view, session = self.follow_view, self.session
        names = [session.author_name(None)] + [p.name for p in session.participants]
        times = [clock_text(max((n.session_seconds for n in self.follow_ups.notes), default=0))]
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        states = [self.follow_ups.state_text(note) for note in self.follow_ups.notes]
        for column, texts, most in (
            (0, [], None),
            (1, times + ["00:00"], None),
            (2, names, PERSON_MAX_WIDTH),
            (3, list(KIND_LABELS.values()), None),
            (STATE, states, PERSON_MAX_WIDTH),
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, column_width(view, FollowUpModel.COLUMNS[column], texts, most))
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)

    def _table(self, model, name: str) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setAccessibleName(name)
        view.verticalHeader().hide()
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
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
        tabs.addTab(self._with_follow_up_state(), "&Follow-ups")
        tabs.addTab(self.counts_view, "C&ounts")
        tabs.setUsesScrollButtons(False)
        tabs.setTabToolTip(
            2, "Tick the notes whoever files bugs should look at (Space ticks the selected row); give each an owner"
        )
        return tabs

    def _with_rename(self, view: QTableView, what: str) -> QWidget:
        box = QWidget()
        rename = build_action("rename_label", box)  # Shift+F2 while this tab shows (F2 edits a note on Capture)
        box.addAction(rename)
        self.gate.wire(rename, lambda: self.rename_selected(view, what))
        button = QPushButton(f"Re&name or merge {what}…")
        button.setAccessibleName(f"Rename or merge {what}")
        bind_button(button, rename)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(view)
        column.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def _with_follow_up_state(self) -> QWidget:
        box = QWidget()
        edit = build_action("edit_follow_up", box)  # Ctrl+Shift+F while the follow-ups show
        box.addAction(edit)
        self.gate.wire(edit, self.edit_selected_follow_up)
        self.follow_up_button = QPushButton("Owner, status and &link…")
        bind_button(self.follow_up_button, edit)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.follow_view)
        column.addWidget(self.follow_up_button, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def _export_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.page_size = QComboBox()
        self.page_size.addItems(["A4", "Letter"])
        self.page_size.setToolTip("Paper size of the PDF")
        self.page_size.setAccessibleName("PDF page size")
        row.addWidget(QLabel("Page size:"))
        row.addWidget(self.page_size)
        self.export_buttons = add_export_buttons(self, row, EXPORTS, self.ask_and_export, self.gate.wire)
        row.addWidget(self.progress)
        row.addWidget(self.status, 1)
        return row

    def refresh(self) -> None:
        """Recompute every figure from the session and its notes."""
        states = self.store.follow_up_states(self.session.id)
        self.summary = summarise(self.session, self.notes_source(), states)
        self.headlines.setText("\n".join(self.summary.headlines))
        for chart, table in ((self.phase_chart, self.summary.by_phase), (self.step_chart, self.summary.by_step)):
            chart.set_data(list(table), dict(kind_series(table)))
        self.counts.set_counts(self.summary.by_phase)
        self.steps.set_rows(sorted(self.summary.step_counts.items()))
        self.tags.set_rows(sorted(self.summary.tag_counts.items()))
        self.follow_ups.set_notes(self.session, self.summary.notes, states)
        self._fit_follow_up_columns()  # the longest time and the people may have changed

    def rename_selected(self, view: QTableView, what: str) -> None:
        rows = view.selectionModel().selectedRows()
        if not rows:
            self.status.setText(f"Select a {what} first, then rename it.")
            return
        old = view.model().label(rows[0].row())
        new = dialogs.ask_text(self, f"Rename {what}", f"New name for “{old}” (an existing name merges them):", old)
        if new is None or new.strip() == old:
            return
        try:
            changed = self._rename(what, old, new)
        except StudygroupError as exc:
            self.status.setText(str(exc))
            return
        self.status.setText(f"Renamed “{old}” to “{new.strip()}” on {plural(changed, 'note')}.")
        self.notes_changed.emit()
        if what == "journey step":
            self.journey_steps_changed.emit()
        self.refresh()

    def _rename(self, what: str, old: str, new: str) -> int:
        """Rename on the notes in the store; a journey step also in the session's list, in memory too."""
        if what == "journey step":
            return curation.rename_journey_step(self.store, self.session, old, new)
        return curation.rename_tag(self.store, self.session.id, old, new)

    def _on_follow_up_ticked(self, observation_id: str, follow_up: bool) -> None:
        try:
            curation.set_follow_up(self.store, self.session.id, observation_id, follow_up)
        except StudygroupError as exc:
            self.status.setText(str(exc))

    def edit_selected_follow_up(self) -> None:
        """Ask for the selected follow-up's owner, status and link until they are saved or the box is cancelled."""
        rows = self.follow_view.selectionModel().selectedRows()
        note = self.follow_ups.notes[rows[0].row()] if rows else None
        if note is None or not is_follow_up(note):
            self.status.setText("Select a ticked follow-up first, then set its owner, status and link.")
            return
        state, problem = self.follow_ups.state(note), ""
        fields = (state.owner, state.status, state.link)
        while (answer := dialogs.ask_follow_up(self, followups.issue_title(note), fields, problem)) is not None:
            owner, status, link = fields = answer
            try:
                saved = followups.update_follow_up(
                    self.store, self.session.id, note.id, owner=owner, status=status, link=link
                )
            except StudygroupError as exc:
                problem = str(exc)
                continue
            self.status.setText(
                f"The follow-up is {followups.status_words(saved.status)}"
                + (f", owned by {saved.owner}." if saved.owner else ".")
            )
            self.refresh()
            self._select_follow_up(note.id)
            return

    def _select_follow_up(self, note_id: str) -> None:
        """Select the follow-up again after a refresh and give its table the keys: the next one is a Down away."""
        row = next((n for n, note in enumerate(self.follow_ups.notes) if note.id == note_id), None)
        if row is not None:
            self.follow_view.selectRow(row)
        self.follow_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def ask_and_export(self, fmt: str, file_filter: str) -> None:
        """Ask where, then export; reached through the export_<format> actions, which the lock guards."""
        suggested = str(Path.home() / f"{slugify(self.session.title, fallback='session')}.{fmt}")
        path = dialogs.ask_save_path(self, "Export the session", suggested, file_filter)
        if path is not None:
            self.export_to(fmt, path)

    def export_to(self, fmt: str, path: Path) -> None:
        """Export in a worker thread; the window stays responsive and shows progress."""
        if self.exports.busy():
            return
        notes = self.store.observations(self.session.id, include_deleted=True)
        states = self.store.follow_up_states(self.session.id)
        turns = self.store.turns(self.session.id)
        self.exports.start(
            ExportJob(fmt, self.session, notes, path, self.page_size.currentText(), self.store.path, states, turns)
        )

    @property
    def export_thread(self) -> QThread | None:
        return self.exports.thread

    @property
    def export_job(self) -> WriteJob | None:
        return self.exports.job

    def shutdown(self) -> None:
        """Let a running export finish (its file is written whole or not at all) before the page goes."""
        self.exports.wait()
