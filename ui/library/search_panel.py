"""Search across every session's notes (Store.search, SQLite FTS5), with the matched words highlighted.

Typing searches after a short pause (DEBOUNCE_MS, through ui.timers so tests call the slot), never on
every keystroke. A snippet's pieces come from the store as (text, matched); each piece is escaped with
html.escape before any markup goes around it, so a note holding "<b>" or "&amp;" shows as typed.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from studygroup.model import KIND_LABELS
from studygroup.storage.search_rows import SearchHit
from studygroup.storage.store import Store
from studygroup.summary import clock_text, plural
from ui.plain_text import plain_tooltip
from ui.style import active_palette
from ui.timers import make_timer

DEBOUNCE_MS = 150
LIMIT = 50
MARKUP_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


def hit_markup(hit: SearchHit, mark: str) -> str:
    """The snippet as rich text, each matched word bold on *mark*, then where it was written, all escaped."""
    pieces = "".join(
        f'<span style="background-color:{mark}"><b>{html.escape(text)}</b></span>' if matched else html.escape(text)
        for text, matched in hit.snippet
    )
    return f"{pieces}<br/><small>{html.escape(hit_place(hit))}</small>"


def hit_place(hit: SearchHit) -> str:
    """ "Checkout flow · 2026-01-05 · 12:30 · Ada · Friction": where and by whom."""
    kind = KIND_LABELS.get(hit.kind, hit.kind)
    return f"{hit.session_title} · {hit.session_date} · {clock_text(hit.session_seconds)} · {hit.author} · {kind}"


class SearchModel(QAbstractListModel):
    """The hits of one search, best first: plain text for screen readers and tooltips, markup for the delegate."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{hit.marked('', '')}\n{hit_place(hit)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{hit_place(hit)}\nDouble-click or press Enter to open this note in its session")
        if role == MARKUP_ROLE:
            return hit_markup(hit, active_palette().accent_soft)
        return None


class HighlightDelegate(QStyledItemDelegate):
    """Draws a hit's markup (built from escaped pieces) over the view's usual row background."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(index.data(MARKUP_ROLE) or "")
        document.setTextWidth(max(option.rect.width() - 12, 40))
        return document

    def paint(self, painter, option, index) -> None:
        self.initStyleOption(option, index)
        option.text = ""  # the row's background and focus only; the text is the document's
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.Text))
        painter.save()
        painter.translate(option.rect.left() + 6, option.rect.top() + 4)
        painter.setClipRect(QRectF(0, 0, option.rect.width() - 12, option.rect.height() - 8))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        self.initStyleOption(option, index)
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 8)


class SearchPanel(QWidget):
    """A search field over the results; Enter or a double-click opens a note in its session."""

    note_chosen = Signal(str, str)  # session id, note id
    back_requested = Signal()
    searched = Signal(int)  # a search ran and found this many notes

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.store = store
        self.model = SearchModel(self)
        self.field = QLineEdit(
            placeholderText="Words in any note of any session, e.g. payout date", clearButtonEnabled=True
        )
        self.field.setAccessibleName("Search notes")
        self.field.setToolTip("Every word must appear; the last also as the start of a word (pay finds payout)")
        self.status = QLabel(objectName="hint", textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.results = self._results_view()
        self.debounce = make_timer(self, DEBOUNCE_MS, single_shot=True)
        self.debounce.timeout.connect(self.run_search)
        self.field.textChanged.connect(self._on_field_text_changed)
        self.field.returnPressed.connect(self._on_field_return_pressed)
        self._build()
        self.run_search()

    def _results_view(self) -> QListView:
        view = QListView()
        view.setModel(self.model)
        view.setItemDelegate(HighlightDelegate(view))
        view.setAccessibleName("Matching notes")
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setUniformItemSizes(False)
        view.setWordWrap(True)
        view.activated.connect(self._on_results_activated)  # Enter and double-click
        return view

    def _build(self) -> None:
        back = QPushButton("‹ Home", toolTip="Back to the list of sessions")
        back.setAccessibleName("Back to Home")
        back.clicked.connect(self.back_requested)
        label = QLabel("&Search:")
        label.setBuddy(self.field)
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(back)
        top.addWidget(QLabel("Search notes", objectName="pageTitle"))
        top.addSpacing(16)
        top.addWidget(label)
        top.addWidget(self.field, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 14, 24, 14)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

    def run_search(self) -> None:
        """Search now for the field's words; the debounce's slot, and Enter's when a search is pending."""
        self.debounce.stop()
        query = self.field.text()
        hits = self.store.search(query, limit=LIMIT) if query.split() else []
        self.model.set_hits(hits)
        if hits:
            self.results.setCurrentIndex(self.model.index(0))
        self.status.setText(self._status_text(query, len(hits)))
        self.searched.emit(len(hits))

    def _status_text(self, query: str, found: int) -> str:
        if not query.split():
            return "Type words to search the notes of every session."
        if not found:
            return f"No note matches “{query.strip()}”."
        more = " (the best 50)" if found == LIMIT else ""
        return f"{plural(found, 'note')} match{'es' if found == 1 else ''} “{query.strip()}”{more}, best first."

    def choose(self, row: int) -> None:
        """Open the hit in *row*: its session, at the note."""
        hit = self.model.hits[row]
        self.note_chosen.emit(hit.session_id, hit.note_id)

    def _on_field_text_changed(self, _text: str) -> None:
        self.debounce.start()  # restarted by each keystroke: one search when the typing pauses

    def _on_field_return_pressed(self) -> None:
        if self.debounce.isActive():
            self.run_search()
        current = self.results.currentIndex()
        if current.isValid():
            self.choose(current.row())

    def _on_results_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.choose(index.row())

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Down and self.field.hasFocus() and self.model.rowCount():
            self.results.setFocus(Qt.FocusReason.OtherFocusReason)  # from the field into the results
            return
        super().keyPressEvent(event)
