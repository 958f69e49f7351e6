"""Qt table models over core collections: the session list and a session's phases."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from studygroup.clock import SessionClock
from ui.style import active_palette

SESSION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the whole header dict of list_sessions, for the filters
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
    """Session headers from store.list_sessions(), newest first (or the trash, last thrown away first)."""

    COLUMNS = ("Session", "Scenario", "Facilitator", "Date", "Status", "Notes", "People")
    TITLE, SCENARIO, FACILITATOR, DATE, STATUS, NOTES, PEOPLE = range(7)

    def __init__(self, rows: list[dict] | None = None, parent=None):
        super().__init__(parent)
        self.items = list(rows or [])

    def set_rows(self, rows: list[dict]) -> None:
        self.set_items(rows)

    def session_id(self, row: int) -> str:
        return self.items[row]["id"]

    def row_of(self, session_id: str) -> int | None:
        """The row of the session *session_id*, None when it is not listed."""
        return next((n for n, item in enumerate(self.items) if item["id"] == session_id), None)

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.items[index.row()]
        if role == SESSION_ID_ROLE:
            return row["id"]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and row.get("archived_at") is not None:
            return QBrush(QColor(active_palette().muted))  # archived: still there, quieter
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.SCENARIO:
            return f"Scenario key: {row['scenario']} (studygroup trends --scenario {row['scenario']})"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= self.NOTES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _cell(self, row: dict, column: int) -> str:
        status = STATUS_WORDS.get(row["status"], row["status"])
        if row.get("archived_at") is not None and row.get("trashed_at") is None:
            status += ", archived"
        values = (
            row["title"],
            scenario_name(row),
            row["facilitator"],
            row["date"],
            status,
            str(row["notes"]),
            str(row["participants"]),
        )
        return values[column]


def scenario_name(row: dict) -> str:
    """What a person calls a session's scenario: its card's company, else its key."""
    return str(row.get("company") or row.get("scenario") or "")


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
