"""The Review tab's first view: how many notes each phase got, by kind."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from studygroup.model import KIND_COLOURS, KIND_KEYS, KIND_LABELS, Observation, Session
from studygroup.store import Store

_Index = QModelIndex | QPersistentModelIndex


class CountsModel(QAbstractTableModel):
    """Rows: phases then a total; columns: kinds then a total."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[str, list[int]]] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_counts(self, session: Session, notes: list[Observation]) -> None:
        """Count live notes per phase and kind; notes outside the agenda go under 'Other'."""
        names = {p.id: p.name for p in session.phases}
        order = [p.id for p in session.phases] + [None]
        table = {pid: [0] * len(KIND_KEYS) for pid in order}
        for note in notes:
            pid = note.phase_id if note.phase_id in names else None
            if note.kind in KIND_KEYS:
                table[pid][KIND_KEYS.index(note.kind)] += 1
        rows = [(names.get(pid, "Other"), counts) for pid, counts in table.items() if pid or any(counts)]
        totals = [sum(column) for column in zip(*(counts for _, counts in rows))] or [0] * len(KIND_KEYS)
        self.beginResetModel()
        self._rows = rows + [("Total", totals)]
        self.endResetModel()

    def _tint(self, kind: str, value: int):
        """A light wash of the kind's colour, stronger for bigger counts (text stays dark and legible)."""
        if not value:
            return None
        peak = max(max(counts) for name, counts in self._rows if name != "Total") or 1
        colour = QColor(KIND_COLOURS[kind])  # the kind's colour, the same one the charts use
        colour.setAlpha(round(30 + 110 * value / peak))
        return colour

    def count(self, phase_name: str, kind: str) -> int:
        """The count in one cell, by phase name and kind key (handy for tests)."""
        row = next(counts for name, counts in self._rows if name == phase_name)
        return row[KIND_KEYS.index(kind)]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(KIND_KEYS) + 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        kind = KIND_KEYS[section - 1] if 0 < section <= len(KIND_KEYS) else None
        if role == Qt.ItemDataRole.DisplayRole:
            return "Phase" if section == 0 else KIND_LABELS[kind] if kind else "All"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int((Qt.AlignmentFlag.AlignLeft if section == 0 else Qt.AlignmentFlag.AlignHCenter)
                       | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        name, counts = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return name
            value = sum(counts) if column == len(KIND_KEYS) + 1 else counts[column - 1]
            return str(value) if value else "·"
        if role == Qt.ItemDataRole.FontRole and (name == "Total" or column == len(KIND_KEYS) + 1):
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole and 0 < column <= len(KIND_KEYS) and name != "Total":
            return self._tint(KIND_KEYS[column - 1], counts[column - 1])
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class ReviewCounts(QWidget):
    """Counts of notes by phase and kind; refresh() re-reads the store."""

    def __init__(self, store: Store, session: Session, parent=None):
        super().__init__(parent)
        self.setObjectName("reviewCounts")
        self.store, self.session = store, session
        self.model = CountsModel(self)
        self.summary = QLabel(objectName="pageSubtitle", wordWrap=True)
        self.table = QTableView(objectName="countsTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName("Notes by phase and kind")
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.verticalHeader().setDefaultSectionSize(42)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)
        layout.addWidget(QLabel("What the group noticed", objectName="pageTitle"))
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        """Re-count from the store (notes may have been added or edited)."""
        notes = self.store.observations(self.session.id)
        self.model.set_counts(self.session, notes)
        people = len({n.author_id for n in notes})
        state = "Session ended." if self.session.status == "ended" else "The session is still on; counts so far."
        self.summary.setText(f"{state} {len(notes)} notes from {people} "
                             f"{'person' if people == 1 else 'people'}, by phase and kind.")
