"""The Review tab's counts table: how many notes each phase got, by kind."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from studygroup.model import KIND_KEYS, KIND_LABELS
from ui.style import active_palette

_Index = QModelIndex | QPersistentModelIndex


class CountsModel(QAbstractTableModel):
    """Rows: phases then a total; columns: kinds then a total."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[str, list[int]]] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_counts(self, by_phase: dict[str, Counter]) -> None:
        """Show the summary's counts per phase (agenda order, "Other" last) with a total row."""
        rows = [(name, [counts[kind] for kind in KIND_KEYS]) for name, counts in by_phase.items()]
        totals = [sum(column) for column in zip(*(counts for _, counts in rows), strict=False)] or [0] * len(KIND_KEYS)
        self.beginResetModel()
        self._rows = rows + [("Total", totals)]
        self.endResetModel()

    def _tint(self, kind: str, value: int):
        """A wash of the kind's colour, stronger for bigger counts; the text on it stays legible in either palette."""
        if not value:
            return None
        peak = max(max(counts) for name, counts in self._rows if name != "Total") or 1
        colour = QColor(active_palette().kinds[kind])  # the kind's colour, the same one the charts use
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
            return int(
                (Qt.AlignmentFlag.AlignLeft if section == 0 else Qt.AlignmentFlag.AlignHCenter)
                | Qt.AlignmentFlag.AlignVCenter
            )
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
