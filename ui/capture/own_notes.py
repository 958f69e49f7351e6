"""My notes, under the note form: the list of one's own notes (everyone's after the session) and its
Edit, Delete and Undo delete buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from studygroup.errors import StorageError
from studygroup.model import Observation
from studygroup.storage.store import Store
from ui.capture.feed_filter import ANY, NotesFilter
from ui.capture.feed_model import KIND, NOTE, PERSON, TIME, NotesModel
from ui.capture.notes_table import NewestInView, table_view
from ui.capture.widgets import buddy_label
from ui.table_fit import rows_height


class OwnNotesPanel(QWidget):
    """The notes list with privacy, deleting and bringing back; editing is the page's, through the note form."""

    said = Signal(str, bool)  # a sentence for the status line, and whether it is a problem

    def __init__(self, store: Store, notes: NotesModel, may_change: Callable[[Observation], bool], parent=None):
        super().__init__(parent)
        self.store, self.notes = store, notes
        self.may_change = may_change  # the page asks the lock before anyone changes someone else's note
        self._deleted: list[Observation] = []  # for Ctrl+Z, most recent last
        self.own_proxy = NotesFilter(self)
        self.own_proxy.setSourceModel(notes)
        self.notes_view = table_view(self.own_proxy, "My notes", shown=(TIME, KIND, NOTE))
        self.notes_label = buddy_label("My &notes", self.notes_view)
        self.private_toggle = QCheckBox("Private capt&ure", checked=True)
        self.private_toggle.setAccessibleName("Private capture")
        self.private_toggle.setToolTip("While the session runs, each person sees only their own notes (Alt+U)")
        # Their keys and tooltips come from the action table (the page binds them).
        self.edit_button = QPushButton("Edit")
        self.delete_button = QPushButton("Delete")
        self.undo_button = QPushButton("Undo delete")
        for button in (self.edit_button, self.delete_button, self.undo_button):
            button.setAccessibleName(button.text())
        self._lay_out()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()  # the list's title and its buttons on one line: more rows for the notes
        bar.addWidget(self.notes_label)
        bar.addStretch(1)
        for widget in (self.private_toggle, self.edit_button, self.delete_button, self.undo_button):
            bar.addWidget(widget)
        self.notes_view.setMinimumHeight(rows_height(self.notes_view, 1))
        self._newest_in_view = NewestInView(self.notes_view, self.own_proxy)  # the newest note stays in view
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.notes_view, 1)

    def show_notes_of(self, author_id: str | None, private: bool) -> None:
        """Private: only *author_id*'s notes, without a Person column; else everyone's."""
        self.own_proxy.set_filter("author_id", author_id if private else ANY)
        self.notes_view.setColumnHidden(PERSON, private)
        self.notes_label.setText("My &notes" if private else "&Notes from everyone")

    def selected_note(self) -> Observation | None:
        rows = self.notes_view.selectionModel().selectedRows()
        return self.own_proxy.note_at(rows[0].row()) if rows else None

    def delete_selected(self) -> bool:
        note = self.selected_note()
        if note is None or not self.may_change(note):
            return False
        try:
            self.store.set_deleted(note.id, True)
        except StorageError as exc:
            self.said.emit(f"Not deleted: {exc}", True)
            return False
        self._deleted.append(note)
        self.notes.remove(note.id)
        self.said.emit("Note deleted. Ctrl+Z brings it back.", False)
        return True

    def undo_delete(self) -> Observation | None:
        if not self._deleted:
            self.said.emit("Nothing to bring back.", False)
            return None
        note = self._deleted[-1]
        try:
            self.store.set_deleted(note.id, False)
        except StorageError as exc:
            self.said.emit(f"Not brought back: {exc}", True)
            return None
        self._deleted.pop()
        self.notes.append([note])
        self.said.emit("Note brought back.", False)
        return note
