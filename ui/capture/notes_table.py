"""The read-only notes tables of the Capture tab: My notes and the facilitator's feed look and scroll alike."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

from ui.capture.feed_filter import NotesFilter
from ui.table_fit import fit_note_columns


def table_view(model: NotesFilter, name: str, shown: tuple[int, ...]) -> QTableView:
    """A read-only list of notes, one row each, showing the *shown* columns."""
    view = QTableView()
    # Hidden before it has a model: a visible row header asks the Python model for 800 row titles.
    view.verticalHeader().setVisible(False)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setToolTip(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)  # the whole note is in the cell's tooltip
    for column in range(model.columnCount()):
        view.setColumnHidden(column, column not in shown)
    fit_note_columns(view, model.sourceModel().session)  # Time, Person, Kind whole; Note takes the rest
    return view


class NewestInView(QObject):
    """Keeps a notes list on its newest note, at the bottom: when first shown and as notes arrive.

    A note added at the end, or a new filter, scrolls to the bottom. Older notes arriving above
    during a load move the scroll bar by their own height instead, so nothing on screen moves:
    a view at the bottom stays there, and one scrolled up keeps showing the same notes.
    """

    def __init__(self, view: QTableView, arrivals: QAbstractItemModel):
        """*arrivals*: the model whose new notes scroll to the bottom (the view's model, or the model under it)."""
        super().__init__(view)
        self.view, self.arrivals = view, arrivals
        arrivals.rowsInserted.connect(self._on_arrivals_rows_inserted)
        view.model().rowsInserted.connect(self._on_shown_rows_inserted)
        view.model().modelReset.connect(view.scrollToBottom)
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Show:
            self.view.removeEventFilter(self)
            self.view.scrollToBottom()  # only now does the view know its height, and so where the bottom is
        return False

    def _on_arrivals_rows_inserted(self, _parent, first: int, last: int) -> None:
        if not inserted_above(self.arrivals, first, last):
            self.view.scrollToBottom()

    def _on_shown_rows_inserted(self, _parent, first: int, last: int) -> None:
        if inserted_above(self.view.model(), first, last):
            self._keep_place(first, last)

    def _keep_place(self, first: int, last: int) -> None:
        view = self.view
        view.updateGeometries()  # the scroll bar's range takes in the new rows before the bar moves
        if view.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerItem:
            shift = last - first + 1
        else:
            shift = view.verticalHeader().sectionPosition(last + 1)
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() + shift)


def inserted_above(model: QAbstractItemModel, first: int, last: int) -> bool:
    """Rows inserted at the top, above rows already there: older notes arriving during a load."""
    return first == 0 and model.rowCount() > last + 1
