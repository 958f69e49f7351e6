"""A session's notes as a table model, loaded newest first so a big session's feed shows at once.

Built for a live session with 10,000 notes: rows are added in one insert per batch, cells are
computed on demand, and opening reads the newest screenful first and older notes in chunks
from the event loop (the filter proxy over it is feed_filter.NotesFilter).
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from studygroup.errors import StorageError
from studygroup.model import KIND_LABELS, SEVERITY_WORDS, Observation, Session
from studygroup.summary import clock_text
from ui.plain_text import plain_tooltip
from ui.timers import make_timer

COLUMNS = ("Time", "Person", "Kind", "Severity", "Phase", "Journey step", "Note")
TIME, PERSON, KIND, SEVERITY, PHASE, STEP, NOTE = range(len(COLUMNS))
OBSERVATION_ROLE = Qt.ItemDataRole.UserRole + 1
# The roles a note's cell answers; a view asks each cell for about seven, and the rest are None.
ANSWERED_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, OBSERVATION_ROLE})

# read_before(note_id, limit): up to *limit* of the session's live notes just before the note
# *note_id* (None: the newest) in session order, oldest first; limit None: all of them.
ReadBefore = Callable[[str | None, int | None], list[Observation]]
FIRST_CHUNK = 200  # more rows than the tallest feed shows, read in about two milliseconds
CHUNK = 2000  # the fewest notes a later chunk reads: 15 to 30 ms here
# A later chunk reads as many notes as the last one read at this pace in this time: the window answers
# between two chunks, and a fast machine loads in few (each chunk is a query, an insert and a repaint).
TURN_SECONDS = 0.05
RETRY_MS = 1000  # after a chunk the store could not read


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic collector off while a chunk of notes is built: notes hold no cycles, and the
    collections that building thousands of objects sets off cost about half as much again."""
    was_enabled = gc.isenabled()  # an export may have paused it already: leave that pause to the export
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def one_line(text: str) -> str:
    return " ".join(text.split())


class NotesModel(QAbstractTableModel):
    """A session's live notes (deleted ones leave the model): loaded in session order, new ones added at the end."""

    loaded = Signal()  # a load is complete: the model holds every live note of the session
    load_failed = Signal(str)  # a chunk could not be read (one sentence); the load tries again

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self._notes: list[Observation] = []
        # Each note's place counted from the top when it came in; its row is that less _top, which
        # a prepend lowers, so a chunk on top indexes only its own notes, not every note below it.
        self._place_of: dict[str, int] = {}
        self._top = 0
        self._read_before: ReadBefore | None = None  # set while older notes are still to come
        self._oldest_read: str | None = None  # the next chunk is read just before this note
        self._chunk = FIRST_CHUNK
        self.clock: Callable[[], float] = time.perf_counter  # times each chunk; tests give a fake one
        self.chunk_timer = make_timer(self, 0, single_shot=True)  # one chunk a turn; tests may stop it
        self.chunk_timer.timeout.connect(self.load_next_chunk)

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
        place = self._place_of.get(note_id)
        return None if place is None else place - self._top

    def notes(self) -> list[Observation]:
        """Every live note of the session, in order: a load in progress is finished first."""
        self.finish_loading()
        return list(self._notes)

    def notes_view(self) -> list[Observation]:
        """The model's own list as it is, mid-load too: for the filter proxy's hot loop only; never modify it."""
        return self._notes

    # --- loading ----------------------------------------------------------------

    def load(self, read_before: ReadBefore) -> None:
        """Show the newest notes now, then put older ones on top, a chunk per turn of the event loop.

        Whatever happens meanwhile ends up right: each chunk is read from the store as it is then,
        just before the oldest note read so far, so a note saved (added at the end), edited or
        deleted in between is read in its latest state or not at all, and an id already here is skipped.
        """
        newest = read_before(None, FIRST_CHUNK)
        self.set_notes(newest)  # ends any load in progress
        if len(newest) < FIRST_CHUNK:  # that was the whole session
            self.loaded.emit()
            return
        self._read_before, self._oldest_read, self._chunk = read_before, newest[0].id, FIRST_CHUNK
        self.chunk_timer.start(0)

    @property
    def loading(self) -> bool:
        return self._read_before is not None

    def load_next_chunk(self) -> None:
        """Put the next chunk of older notes on top: the event loop calls this until every note is in.

        The first chunk is as small as the first screenful, as the event loop may run it before it
        paints that; each of the others is as many notes as fit in TURN_SECONDS at the last one's
        pace, and at least CHUNK.
        """
        if self._read_before is None:
            return
        started = self.clock()
        try:
            self._take_older(self._chunk)
        except StorageError as exc:
            self.load_failed.emit(f"Older notes are not shown yet: {exc} Trying again.")
            self.chunk_timer.start(RETRY_MS)
            return
        took = self.clock() - started
        self._chunk = max(CHUNK, round(self._chunk * TURN_SECONDS / took) if took > 0 else CHUNK)

    def finish_loading(self) -> None:
        """Read every note still to come, now, for whoever needs them all (Review's figures).

        A StorageError reaches the caller: figures without the notes it could not read would be wrong.
        """
        if self._read_before is not None:
            self._take_older(None)

    def cancel_loading(self) -> None:
        """Stop loading older notes (the notes are being replaced, or the page goes away)."""
        self._read_before = None
        self.chunk_timer.stop()

    def _take_older(self, limit: int | None) -> None:
        with collector_paused():
            older = self._read_before(self._oldest_read, limit)
        if older:
            self._oldest_read = older[0].id
            self.prepend(older)
        if limit is not None and len(older) == limit:
            self.chunk_timer.start(0)
            return
        self.cancel_loading()
        self.loaded.emit()

    # --- changing -------------------------------------------------------------

    def set_notes(self, notes: list[Observation]) -> None:
        """Replace every note at once (a reload after an import or a rename); a load in progress stops."""
        self.cancel_loading()
        self.beginResetModel()
        self._notes = [n for n in notes if not n.deleted]
        self._reindex()
        self.endResetModel()

    def append(self, notes: list[Observation]) -> None:
        """Add notes at the end in one insert, so views and proxies update once."""
        notes = [n for n in notes if not n.deleted and n.id not in self._place_of]
        if not notes:
            return
        first = len(self._notes)
        self.beginInsertRows(QModelIndex(), first, first + len(notes) - 1)
        self._notes += notes
        self._place_of.update((note.id, self._top + first + offset) for offset, note in enumerate(notes))
        self.endInsertRows()

    def prepend(self, notes: list[Observation]) -> None:
        """Add older notes at the top in one insert (a chunk of a load); ids already here are skipped."""
        notes = [n for n in notes if not n.deleted and n.id not in self._place_of]
        if not notes:
            return
        self.beginInsertRows(QModelIndex(), 0, len(notes) - 1)
        self._notes[:0] = notes
        self._top -= len(notes)
        self._place_of.update((note.id, self._top + row) for row, note in enumerate(notes))
        self.endInsertRows()

    def replace(self, note: Observation) -> None:
        row = self.row_of(note.id)
        if row is None:
            return
        self._notes[row] = note
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def remove(self, note_id: str) -> None:
        row = self.row_of(note_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._notes[row]
        self._reindex()
        self.endRemoveRows()

    def _reindex(self) -> None:
        self._top = 0
        self._place_of = {note.id: row for row, note in enumerate(self._notes)}
