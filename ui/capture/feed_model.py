"""Notes as a table model, and a proxy that filters them by person, kind, phase and journey step.

Built for a live session with 10,000 notes: rows are appended with beginInsertRows,
cells are computed on demand, and the filter compares plain fields, no widgets per row.
"""

from __future__ import annotations

from operator import attrgetter

from PySide6.QtCore import QAbstractProxyModel, QAbstractTableModel, QModelIndex, Qt

from studygroup.model import KIND_LABELS, SEVERITY_WORDS, Observation, Session
from studygroup.summary import clock_text
from ui.plain_text import plain_tooltip

COLUMNS = ("Time", "Person", "Kind", "Severity", "Phase", "Journey step", "Note")
TIME, PERSON, KIND, SEVERITY, PHASE, STEP, NOTE = range(len(COLUMNS))
OBSERVATION_ROLE = Qt.ItemDataRole.UserRole + 1

ANY = object()  # "no filter": distinct from None, which is the facilitator's author id


def one_line(text: str) -> str:
    return " ".join(text.split())


class NotesModel(QAbstractTableModel):
    """A session's live notes (deleted ones leave the model), in the order they were added."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self._notes: list[Observation] = []
        self._row_of: dict[str, int] = {}

    # --- reading --------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._notes)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return self.cell(index.row(), index.column(), role) if index.isValid() else None

    def cell(self, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
        """One cell's data by row and column: the filter proxy asks here without building indexes."""
        note = self._notes[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(note, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == NOTE:
            return plain_tooltip(note.text)
        if role == Qt.ItemDataRole.ToolTipRole and column == PERSON:
            return plain_tooltip(self.session.author_name(note.author_id))  # a long name is elided in the cell
        if role == OBSERVATION_ROLE:
            return note
        return None

    def cell_text(self, note: Observation, column: int) -> str:
        if column == TIME:
            return clock_text(note.session_seconds)
        if column == PERSON:
            return self.session.author_name(note.author_id)
        if column == KIND:
            return KIND_LABELS.get(note.kind, note.kind)
        if column == SEVERITY:
            return f"{note.severity}: {SEVERITY_WORDS.get(note.severity, '')}"
        if column == PHASE:
            phase = self.session.phase_by_id(note.phase_id)
            return phase.name if phase else ""
        if column == STEP:
            return note.journey_step
        return one_line(note.text)

    def note(self, row: int) -> Observation:
        return self._notes[row]

    def row_of(self, note_id: str) -> int | None:
        return self._row_of.get(note_id)

    def notes(self) -> list[Observation]:
        return list(self._notes)

    def notes_view(self) -> list[Observation]:
        """The model's own list, not a copy: for the filter proxy's hot loop only; never modify it."""
        return self._notes

    # --- changing -------------------------------------------------------------

    def set_notes(self, notes: list[Observation]) -> None:
        self.beginResetModel()
        self._notes = [n for n in notes if not n.deleted]
        self._reindex()
        self.endResetModel()

    def append(self, notes: list[Observation]) -> None:
        """Add notes at the end in one insert, so views and proxies update once."""
        notes = [n for n in notes if not n.deleted and n.id not in self._row_of]
        if not notes:
            return
        first = len(self._notes)
        self.beginInsertRows(QModelIndex(), first, first + len(notes) - 1)
        for offset, note in enumerate(notes):
            self._notes.append(note)
            self._row_of[note.id] = first + offset
        self.endInsertRows()

    def replace(self, note: Observation) -> None:
        row = self._row_of.get(note.id)
        if row is None:
            return
        self._notes[row] = note
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def remove(self, note_id: str) -> None:
        row = self._row_of.get(note_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._notes[row]
        self._reindex()
        self.endRemoveRows()

    def _reindex(self) -> None:
        self._row_of = {note.id: row for row, note in enumerate(self._notes)}


class NotesFilter(QAbstractProxyModel):
    """Shows the notes matching every set filter; ANY leaves a field unfiltered.

    Unlike QSortFilterProxyModel, which calls back into Python once per row on every change,
    this proxy picks the matching rows in one list comprehension and resets: filtering
    10,000 notes takes milliseconds. Notes appended to the source are appended here.
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
        if first != self.sourceModel().rowCount() - (last - first + 1):
            self._refilter()  # not an append: rows after it moved
            return
        added = self._matching(range(first, last + 1))
        if added:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(added) - 1)
            self._rows.extend(added)
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
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self.sourceModel().cell(self._rows[index.row()], index.column(), role)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        return self.sourceModel().headerData(section, orientation, role) if self.sourceModel() else None

    def note_at(self, proxy_row: int) -> Observation:
        return self.sourceModel().note(self._rows[proxy_row])
