"""Qt table models over core collections: the session list and a session's phases."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from studygroup.clock import SessionClock

SESSION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_WORDS = {"planned": "Planned", "running": "Running", "paused": "Paused", "ended": "Ended"}
_Index = QModelIndex | QPersistentModelIndex


class SessionListModel(QAbstractTableModel):
    """Session headers from store.list_sessions(), newest first."""

    COLUMNS = ("Session", "Date", "Status", "Notes", "People")

    def __init__(self, rows: list[dict] | None = None, parent=None):
        super().__init__(parent)
        self._rows = list(rows or [])

    def set_rows(self, rows: list[dict]) -> None:
        """Replace every row (the list is short; a reset keeps it simple)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def session_id(self, row: int) -> str:
        return self._rows[row]["id"]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == SESSION_ID_ROLE:
            return row["id"]
        if role == Qt.ItemDataRole.DisplayRole:
            values = (row["title"], row["date"], STATUS_WORDS.get(row["status"], row["status"]),
                      str(row["notes"]), str(row["participants"]))
            return values[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def minutes_text(seconds: float) -> str:
    """Whole minutes for the agenda table (the section title says 'minutes')."""
    return f"{round(seconds / 60.0):d}"


class PhaseListModel(QAbstractTableModel):
    """The agenda with planned and actual minutes; the current phase is bold and tinted."""

    COLUMNS = ("Phase", "Plan", "Actual")

    def __init__(self, clock: SessionClock, parent=None):
        super().__init__(parent)
        self.clock = clock
        self._bold = QFont()
        self._bold.setBold(True)

    def refresh(self) -> None:
        """Tell views that actual times and the current phase may have moved."""
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.clock.session.phases)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        phase = self.clock.session.phases[row]
        current = row == self.clock.session.current_phase
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return phase.name
            if column == 1:
                return minutes_text(phase.planned_seconds)
            elapsed = self.clock.phase_elapsed(row)
            return minutes_text(elapsed) if elapsed > 0 else "–"
        if role == Qt.ItemDataRole.FontRole and current:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole and current:
            return QBrush(QColor("#DCEBEA"))
        if role == Qt.ItemDataRole.AccessibleTextRole and current and column == 0:
            return f"{phase.name} (current phase)"
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
