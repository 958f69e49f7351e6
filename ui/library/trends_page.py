"""The Trends page: each session's headline over time, the problems that recur with their quotes, what got better.

Everything comes from studygroup.trends.library_trends, the function `studygroup trends` calls, and
the words from studygroup.export.trends_report, so the page, the command line and the report agree.
On 60,000 notes the page's data takes about 120 ms (the held sessions for the filters, then the
trends), within the 300 ms budget over `list`, so it is computed on the UI thread; the report is
written in the export worker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studygroup.errors import NotFound
from studygroup.export.trends_report import better_sentence, distinct_quotes, filter_line, quote_credit
from studygroup.library import Quote
from studygroup.storage.store import Store
from studygroup.summary import plural
from studygroup.trends import GotBetter, Trends, library_trends, problem_quotes, scenario_key
from ui import dialogs
from ui.library.trends_chart import TrendsChart
from ui.library.trends_export import TrendsExportJob
from ui.library.trends_models import ID_ROLE, KINDS, SHORT_SEVERITY, HeadlineModel, ProblemModel, TextListModel
from ui.review.export_worker import ExportRunner, add_export_buttons
from ui.table_fit import column_width

ALL_SCENARIOS, ANY_DATE = "All scenarios", "Any date"
QUOTE_CHARS = 280  # a quote's first characters in the list; its tooltip has it whole
QUOTES_READ, QUOTES_SHOWN = 40, 10  # the worst notes read, and the ones saying different things shown
NOTHING_BETTER = "Nothing yet: no journey step has gone two sessions without a bad day since its last."
EXPORTS = (  # format, action row, button text, file filter
    ("pdf", "export_trends_pdf", "Export Trends &PDF…", "PDF report (*.pdf)"),
    ("md", "export_trends_md", "Export Trends &Markdown…", "Markdown (*.md)"),
)


class TrendsPage(QWidget):
    """The library's trends for a scenario and a start date; refresh() reads the store again."""

    back_requested = Signal()
    session_chosen = Signal(str)  # a session's row or a quote was opened: show that session
    export_finished = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trendsPage")
        self.store = store
        self.trends: Trends | None = None
        self.headlines, self.problems = HeadlineModel(self), ProblemModel(self)
        self.quotes, self.better = TextListModel(self), TextListModel(self)
        self.chart = TrendsChart()
        self.scenario_box, self.since_box = QComboBox(), QComboBox()
        self.summary = QLabel(objectName="pageSubtitle", textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.quotes_title = QLabel("Quotes", objectName="sectionTitle", textFormat=Qt.TextFormat.PlainText)
        self.status = QLabel(objectName="exportStatus", textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.progress = QProgressBar(visible=False)
        self.progress.setAccessibleName("Export progress")
        self._build()
        self.exports = ExportRunner(self, self.progress, self.status, self.export_buttons.values)
        self.exports.finished.connect(self.export_finished)
        self.refresh()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        # Two rows at 1366x768: the headline (chart beside its table), then the problems beside their quotes.
        self.headline_view = self._table(self.headlines, "Headline per session")
        self.headline_view.setToolTip("Double-click or press Enter to open a session")
        self.problem_view = self._table(self.problems, "Recurring problems")
        self.problem_view.selectionModel().currentRowChanged.connect(self._on_problem_current_changed)
        fits = {0: ["0000-00-00"], 2: ["100 of 100 (100%)"], 3: ["0.00"]}
        self._fit_columns(self.headline_view, fits, HeadlineModel.TITLE)
        severities = [f"{n} · {words}" for n, words in SHORT_SEVERITY.items()]
        fits = {1: list(KINDS.values()), 2: ["100"], 3: severities, 4: ["10000"], 5: ["better", "worse", "same"]}
        self._fit_columns(self.problem_view, fits, ProblemModel.NAME)
        headline = QHBoxLayout()
        headline.setSpacing(16)
        headline.addWidget(self.chart, 9)
        headline.addWidget(self.headline_view, 11)
        problems = QVBoxLayout()
        problems.addWidget(self._caption("Recurring problems: friction, confusion or bad days in two or more sessions"))
        problems.addWidget(self.problem_view, 1)
        below = QHBoxLayout()
        below.setSpacing(16)
        below.addLayout(problems, 3)
        below.addLayout(self._lists(), 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 14, 24, 14)
        layout.setSpacing(8)
        layout.addLayout(self._top_bar())
        layout.addWidget(self.summary)
        layout.addLayout(headline, 1)
        layout.addLayout(below, 1)
        layout.addLayout(self._export_row())

    def _top_bar(self) -> QHBoxLayout:
        back = QPushButton("‹ Home", toolTip="Back to the list of sessions")
        back.setAccessibleName("Back to Home")
        back.clicked.connect(self.back_requested)
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(back)
        row.addWidget(QLabel("Trends", objectName="pageTitle"))
        row.addStretch(1)
        for box, text, name, tip in (
            (self.scenario_box, "&Scenario:", "Scenario", "Only the sessions run on this scenario card"),
            (self.since_box, "S&ince:", "Since", "Only the sessions held on or after this date"),
        ):
            label = QLabel(text)
            label.setBuddy(box)
            box.setAccessibleName(name)
            box.setToolTip(tip)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.currentIndexChanged.connect(self._on_filter_changed)
            row.addWidget(label)
            row.addWidget(box)
        return row

    def _lists(self) -> QVBoxLayout:
        """The selected problem's quotes over the steps that got better."""
        self.quote_view = self._list(self.quotes, "Quotes of the selected problem")
        self.quote_view.setToolTip("Each quote names its session; double-click or press Enter to open it")
        self.better_view = self._list(self.better, "Got better")
        column = QVBoxLayout()
        column.addWidget(self.quotes_title)
        column.addWidget(self.quote_view, 3)
        column.addWidget(self._caption("Got better: no bad day in the latest two sessions"))
        column.addWidget(self.better_view, 1)
        return column

    def _caption(self, text: str) -> QLabel:
        return QLabel(text, objectName="sectionTitle", wordWrap=True)

    def _table(self, model, name: str) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setAccessibleName(name)
        view.verticalHeader().hide()
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the text column gives way
        view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        view.activated.connect(self._on_session_activated)
        return view

    def _fit_columns(self, view: QTableView, texts: dict[int, list[str]], stretch: int) -> None:
        """Each short column as wide as what it can hold (table_fit); the *stretch* column takes the rest."""
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        titles = view.model().COLUMNS
        for column, values in texts.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, column_width(view, titles[column], values))
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def _list(self, model, name: str) -> QListView:
        view = QListView()
        view.setModel(model)
        view.setAccessibleName(name)
        view.setWordWrap(True)
        view.setSpacing(3)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.activated.connect(self._on_session_activated)
        return view

    def _export_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.export_buttons = add_export_buttons(
            self, row, EXPORTS, self.ask_and_export, lambda action, slot: action.triggered.connect(slot)
        )
        row.addWidget(self.progress)
        row.addWidget(self.status, 1)
        return row

    # --- data -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the store again: the filters' choices (kept where they still exist) and the trends."""
        held = self.store.held_sessions()
        scenarios = sorted({scenario_key(s) for s in held})
        dates = sorted({s.date for s in held}, reverse=True)
        for box, first, values in ((self.scenario_box, ALL_SCENARIOS, scenarios), (self.since_box, ANY_DATE, dates)):
            chosen = box.currentData()
            box.blockSignals(True)  # one recomputation below, not one per item added
            box.clear()
            box.addItem(first, None)
            for value in values:
                box.addItem(value, value)
            box.setCurrentIndex(max(box.findData(chosen), 0))
            box.blockSignals(False)
        self.recompute()

    def scenario(self) -> str | None:
        return self.scenario_box.currentData()

    def since(self) -> str:
        return self.since_box.currentData() or ""

    def recompute(self) -> None:
        """The trends of the filter chosen, into the chart, the tables and the lists."""
        try:
            trends = library_trends(self.store, scenario=self.scenario(), since=self.since())
        except NotFound:  # no session of this scenario since that date: an empty page, not an error
            trends = Trends([], [], [])
        self.trends = trends
        self.chart.set_sessions(trends.sessions)
        self.headlines.set_sessions(trends.sessions)
        self.problems.set_problems(trends.recurring)
        better = [_better_row(b, trends) for b in trends.got_better]
        self.better.set_rows(better or [(NOTHING_BETTER, NOTHING_BETTER, "")])
        self.summary.setText(self._summary_text(trends))
        self.show_quotes(None)
        if trends.recurring:
            self.problem_view.selectRow(0)  # its quotes at once: the worst problem is the first thing to read

    def _summary_text(self, trends: Trends) -> str:
        words = filter_line(self.scenario(), self.since())
        if not trends.sessions:
            return f"{words}: none held yet."
        recurring = plural(len(trends.recurring), "recurring problem")
        return f"{words}: {plural(len(trends.sessions), 'session')}, {recurring}, {len(trends.got_better)} got better."

    def show_quotes(self, row: int | None) -> None:
        """The quotes of the recurring problem in *row*, each naming its session and author; none for None."""
        if row is None or not 0 <= row < self.problems.rowCount():
            self.quotes.set_rows([])
            empty = self.trends is None or not self.trends.recurring
            self.quotes_title.setText("Quotes: nothing recurred yet" if empty else "Quotes: select a problem")
            return
        problem = self.problems.problem(row)
        quotes = distinct_quotes(problem_quotes(self.store, problem, QUOTES_READ), QUOTES_SHOWN)
        self.quotes.set_rows([_quote_row(q) for q in quotes])
        self.quotes_title.setText(f"Quotes: {problem.name}")

    def _on_problem_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.show_quotes(current.row() if current.isValid() else None)

    def _on_filter_changed(self, _index: int) -> None:
        self.recompute()

    def _on_session_activated(self, index: QModelIndex) -> None:
        session_id = index.data(ID_ROLE)
        if session_id:
            self.session_chosen.emit(session_id)

    # --- export ---------------------------------------------------------------------------

    def ask_and_export(self, fmt: str, file_filter: str) -> None:
        """Ask where, then write the report of the filter shown."""
        suggested = str(Path.home() / f"trends.{fmt}")
        path = dialogs.ask_save_path(self, "Export the Trends report", suggested, file_filter)
        if path is not None:
            self.export_to(fmt, path)

    def export_to(self, fmt: str, path: Path) -> None:
        """Write the report in a worker thread; the page stays responsive and shows progress."""
        if not self.exports.busy():
            self.exports.start(TrendsExportJob(fmt, self.store.path, self.scenario(), self.since(), path))

    @property
    def export_thread(self) -> QThread | None:
        return self.exports.thread

    def shutdown(self) -> None:
        """Let a running export finish (its file is written whole or not at all) before the page goes."""
        self.exports.wait()


def _better_row(better: GotBetter, trends: Trends) -> tuple[str, str, str]:
    """A step that got better, as one sentence, pointing at the session of its last bad day."""
    sentence = f"{better.step}: {better_sentence(better, trends.sessions)}."
    return sentence, sentence, better.last_bad_day_session_id


def _quote_row(quote: Quote) -> tuple[str, str, str]:
    """A quote as the list shows it (cut to QUOTE_CHARS), its tooltip (whole) and its session."""
    text = " ".join(quote.text.split())
    short = text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS].rstrip() + "…"
    credit = f"— {quote_credit(quote)}"
    return f"“{short}”\n{credit}", f"“{quote.text}”\n{credit}", quote.session_id
