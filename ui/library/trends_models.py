"""Table and list models of the Trends page: the headline per session, the recurring problems, and short text lists.

Each adapts one part of a studygroup.trends.Trends; the words come from studygroup.export.trends_report,
so the page says what the PDF says.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from studygroup.export.trends_report import (
    HEADLINE_COLUMNS,
    headline_row,
    key_word,
    severity_word,
    trend_detail,
    trend_word_of,
)
from studygroup.library import SessionHeadline
from studygroup.trends import RecurringProblem
from ui.plain_text import plain_tooltip
from ui.session_models import ListTableModel

_Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the session a row or a quote belongs to
# The severity words cut to their point, so the table keeps room for the key; the tooltip has them whole.
SHORT_SEVERITY = {1: "could be smoother", 2: "slowed me down", 3: "I'd give up"}
KINDS = {"journey_step": "step", "tag": "tag"}


class HeadlineModel(ListTableModel):
    """One row per session, oldest first: date, title, without a bad day ("3 of 4 (75%)"), bad days per person."""

    SHOWN = (0, 1, 3, 4)  # of HEADLINE_COLUMNS: the group's size is in "3 of 4", so People is left out here
    # Short headings leave the session's title room at 1280 px; each heading's tooltip is the report's whole one.
    COLUMNS = ("Date", "Session", "No bad day", "Bad days/person")
    TITLE = 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return HEADLINE_COLUMNS[self.SHOWN[section]]
        return super().headerData(section, orientation, role)

    def set_sessions(self, sessions: list[SessionHeadline]) -> None:
        self.set_items(sessions)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        session: SessionHeadline = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return headline_row(session)[self.SHOWN[index.column()]]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.TITLE:
            return plain_tooltip(f"{session.title}\nDouble-click or press Enter to open it")
        if role == ID_ROLE:
            return session.id
        return None


class ProblemModel(ListTableModel):
    """The recurring problems as ranked: key, step or tag, sessions, worst severity, notes, trend."""

    COLUMNS = ("Step or tag", "Kind", "Sessions", "Worst severity", "Notes", "Trend")
    NAME, KIND, SESSIONS, SEVERITY, NOTES, TREND = range(6)

    def set_problems(self, problems: list[RecurringProblem]) -> None:
        self.set_items(problems)

    def problem(self, row: int) -> RecurringProblem:
        return self.items[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        problem: RecurringProblem = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells(problem)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            worst = f"Worst severity {severity_word(problem.worst_severity)}"
            trend = f"Trend: {trend_word_of(problem)}, {trend_detail(problem)}"
            return plain_tooltip(f"{problem.name} ({key_word(problem)})\n{worst}\n{trend}")
        return None

    @staticmethod
    def _cells(problem: RecurringProblem) -> tuple[str, ...]:
        return (
            problem.name,
            KINDS.get(problem.key_kind, "tag"),
            str(problem.sessions),
            f"{problem.worst_severity} · {SHORT_SEVERITY.get(problem.worst_severity, '')}",
            str(problem.notes),
            trend_word_of(problem),
        )


class TextListModel(QAbstractListModel):
    """Short texts, each with its tooltip and the session it names (quotes, what got better)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[str, str, str]] = []  # text, tooltip, session id

    def set_rows(self, rows: list[tuple[str, str, str]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        text, tip, session_id = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(tip)
        if role == ID_ROLE:
            return session_id
        return None
