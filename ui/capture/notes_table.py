"""The read-only notes tables of the Capture tab: My notes and the facilitator's feed look alike."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

from ui.capture.feed_model import NotesFilter
from ui.table_fit import fit_note_columns


def table_view(model: NotesFilter, name: str, shown: tuple[int, ...]) -> QTableView:
    """A read-only list of notes, one row each, showing the *shown* columns."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setToolTip(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)  # the whole note is in the cell's tooltip
    view.verticalHeader().setVisible(False)
    for column in range(model.columnCount()):
        view.setColumnHidden(column, column not in shown)
    fit_note_columns(view, model.sourceModel().session)  # Time, Person, Kind whole; Note takes the rest
    return view
