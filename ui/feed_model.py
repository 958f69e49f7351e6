"""Notes as a table model, and a proxy that filters them by person, kind, phase and journey step.

Built for a live session with 10,000 notes: rows are appended with beginInsertRows,
cells are computed on demand, and the filter compares plain fields, no widgets per row.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from studygroup.model import KIND_LABELS, SEVERITY_WORDS, Observation, Session

COLUMNS = ("Time", "Person", "Kind", "Severity", "Phase", "Journey step", "Note")
TIME, PERSON, KIND, SEVERITY, PHASE, STEP, NOTE = range(len(COLUMNS))
OBSERVATION_ROLE = Qt.ItemDataRole.UserRole + 1

ANY = object()  # "no filter": distinct from None, which is the facilitator's author id


def clock_text(seconds: float) -> str:
    minutes, secs = divmod(int(max(0.0, seconds)), 60)
    return f"{minutes:02d}:{secs:02d}"


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
        if not index.isValid():
            return None
        note = self._notes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(note, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == NOTE:
            return note.text
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


class NotesFilter(QSortFilterProxyModel):
    """Shows the notes matching every set filter; ANY leaves a field unfiltered."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._filters = {"author_id": ANY, "kind": ANY, "phase_id": ANY, "journey_step": ANY}

    def set_filter(self, field: str, value) -> None:
        """Filter on one Observation field (author_id, kind, phase_id, journey_step), or ANY."""
        if field not in self._filters:
            raise KeyError(f"Cannot filter notes by {field!r}; known: {', '.join(self._filters)}.")
        if self._filters[field] is value or self._filters[field] == value:
            return
        self.beginFilterChange()
        self._filters[field] = value
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filter_value(self, field: str):
        return self._filters[field]

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        note = self.sourceModel().note(source_row)
        return all(wanted is ANY or getattr(note, field) == wanted for field, wanted in self._filters.items())

    def note_at(self, proxy_row: int) -> Observation:
        return self.sourceModel().note(self.mapToSource(self.index(proxy_row, 0)).row())
