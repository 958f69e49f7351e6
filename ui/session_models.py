"""Qt table models over core collections: the session list and a session's phases."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from studygroup.clock import SessionClock
from ui.style import active_palette

SESSION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_WORDS = {"planned": "Planned", "running": "Running", "paused": "Paused", "ended": "Ended"}
_Index = QModelIndex | QPersistentModelIndex


class ListTableModel(QAbstractTableModel):
    """A table over a plain list, one item per row, with fixed column titles: what our tables share."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list = []

    def set_items(self, items) -> None:
        """Replace every row (a reset keeps it simple; views keep up in one step)."""
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def add(self, item) -> int:
        row = len(self.items)
        self.beginInsertRows(QModelIndex(), row, row)
        self.items.append(item)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.items[row]
        self.endRemoveRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None


class SessionListModel(ListTableModel):
    """Session headers from store.list_sessions(), newest first."""

    COLUMNS = ("Session", "Date", "Status", "Notes", "People")

    def __init__(self, rows: list[dict] | None = None, parent=None):
        super().__init__(parent)
        self.items = list(rows or [])

    def set_rows(self, rows: list[dict]) -> None:
        self.set_items(rows)

    def session_id(self, row: int) -> str:
        return self.items[row]["id"]

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.items[index.row()]
        if role == SESSION_ID_ROLE:
            return row["id"]
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                row["title"],
                row["date"],
                STATUS_WORDS.get(row["status"], row["status"]),
                str(row["notes"]),
                str(row["participants"]),
            )
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
            return QBrush(QColor(active_palette().accent_soft))
        if role == Qt.ItemDataRole.AccessibleTextRole and current and column == 0:
            return f"{phase.name} (current phase)"
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
