"""The proxy that filters a session's notes by person, kind, phase and journey step.

It compares plain fields of the notes in one pass, no widgets or Python calls per row, and
follows its NotesModel incrementally: notes added at the end or, during a load, at the top.
"""

from __future__ import annotations

from operator import attrgetter

from PySide6.QtCore import QAbstractProxyModel, QModelIndex, Qt

from studygroup.model import Observation
from ui.capture.feed_model import ANSWERED_ROLES, COLUMNS, NotesModel

ANY = object()  # "no filter": distinct from None, which is the facilitator's author id
# What QAbstractTableModel, and so NotesModel, says of every note's cell: read-only, selectable.
_CELL_FLAGS = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren


class NotesFilter(QAbstractProxyModel):
    """Shows the notes matching every set filter; ANY leaves a field unfiltered.

    Unlike QSortFilterProxyModel, which calls back into Python once per row on every change,
    this proxy picks the matching rows in one list comprehension and resets: filtering
    10,000 notes takes milliseconds. Notes added at the source's end or top (older notes
    arriving during a load) are inserted here the same way, so the view keeps its place.
    """

    FIELDS = ("author_id", "kind", "phase_id", "journey_step")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._filters = dict.fromkeys(self.FIELDS, ANY)
        self._rows: list[int] = []  # source rows shown, in source order
        self._position: dict[int, int] | None = None  # source row -> proxy row, built on demand

    # --- filtering --------------------------------------------------------------

    def set_filter(self, field: str, value) -> None:
        """Filter on one Observation field (author_id, kind, phase_id, journey_step), or ANY."""
        self.set_filters(**{field: value})

    def set_filters(self, **values) -> None:
        """Change several filters with a single pass over the notes."""
        unknown = set(values) - set(self.FIELDS)
        if unknown:
            raise KeyError(f"Cannot filter notes by {', '.join(sorted(unknown))}; known: {', '.join(self.FIELDS)}.")
        if all(self._filters[f] is v or self._filters[f] == v for f, v in values.items()):
            return
        self._filters.update(values)
        self._refilter()

    def filter_value(self, field: str):
        return self._filters[field]

    def _matching(self, source_rows: range) -> list[int]:
        active = {f: v for f, v in self._filters.items() if v is not ANY}
        if not active:
            return list(source_rows)
        key, wanted = attrgetter(*active), tuple(active.values())
        if len(active) == 1:  # attrgetter of one name returns the value, not a 1-tuple
            wanted = wanted[0]
        notes = self.sourceModel().notes_view()
        return [row for row in source_rows if key(notes[row]) == wanted]

    def _refilter(self) -> None:
        self.beginResetModel()
        source = self.sourceModel()
        self._rows = self._matching(range(source.rowCount())) if source is not None else []
        self._position = None
        self.endResetModel()

    # --- following the source -----------------------------------------------------

    def setSourceModel(self, source: NotesModel) -> None:
        super().setSourceModel(source)
        source.modelReset.connect(self._refilter)
        source.rowsRemoved.connect(self._refilter)
        source.rowsInserted.connect(self._on_source_rows_inserted)
        source.dataChanged.connect(self._on_source_data_changed)
        self._refilter()

    def _on_source_rows_inserted(self, parent, first: int, last: int) -> None:
        count = last - first + 1
        if first == self.sourceModel().rowCount() - count:
            self._insert(len(self._rows), self._matching(range(first, last + 1)))
        elif first == 0:
            # Older notes on top: the rows shown moved down by as many in the source. Renumber them
            # first, so they show the same notes while the new ones are announced.
            self._rows = [row + count for row in self._rows]
            self._position = None
            self._insert(0, self._matching(range(count)))
        else:
            self._refilter()  # rows after it moved

    def _insert(self, position: int, added: list[int]) -> None:
        """Show the source rows *added* from *position* on, in one insert."""
        if added:
            self.beginInsertRows(QModelIndex(), position, position + len(added) - 1)
            self._rows[position:position] = added
            self._position = None
            self.endInsertRows()

    def _on_source_data_changed(self, top_left, bottom_right, roles=()) -> None:
        changed = range(top_left.row(), bottom_right.row() + 1)
        shown = set(self._matching(changed))
        positions = self._positions()
        if any((row in shown) != (row in positions) for row in changed):
            self._refilter()  # an edit moved a note into or out of the filter
            return
        for row in shown:
            index = self.index(positions[row], 0)
            self.dataChanged.emit(index, self.index(positions[row], self.columnCount() - 1))

    # --- the proxy mapping -----------------------------------------------------------

    def _positions(self) -> dict[int, int]:
        if self._position is None:
            self._position = {row: position for position, row in enumerate(self._rows)}
        return self._position

    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:
        if parent.isValid() or not (0 <= row < len(self._rows) and 0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index=QModelIndex()) -> QModelIndex:
        return QModelIndex()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        source = self.sourceModel()
        return 0 if parent.isValid() or source is None else source.columnCount()

    def mapToSource(self, proxy_index) -> QModelIndex:
        if not proxy_index.isValid() or proxy_index.row() >= len(self._rows):
            return QModelIndex()
        return self.sourceModel().index(self._rows[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index) -> QModelIndex:
        position = self._positions().get(source_index.row()) if source_index.isValid() else None
        return QModelIndex() if position is None else self.createIndex(position, source_index.column())

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role not in ANSWERED_ROLES or not index.isValid() or index.row() >= len(self._rows):
            return None  # the roles no cell answers first: a paint asks for them most
        return self.sourceModel().cell(self._rows[index.row()], index.column(), role)

    def flags(self, index) -> Qt.ItemFlag:
        # The source's flags, without mapping every painted cell to the source to ask it.
        return _CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]  # as the source's, without a second call across the binding
        return None

    def note_at(self, proxy_row: int) -> Observation:
        return self.sourceModel().note(self._rows[proxy_row])
