"""The share-out on the projector: everyone's notes, one journey step at a time, severe ones first.

The grouping is the core's (studygroup.share_out); this is only its look. A step's notes are a
model/view list, so a step with hundreds of notes scrolls instead of growing the window, and
PageDown/PageUp go a screen at a time, then on to the next or previous step.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QLabel, QListView, QStyledItemDelegate, QStyleOptionViewItem, QVBoxLayout, QWidget

from studygroup.model import PROBLEM_KINDS, SEVERITY_WORDS
from studygroup.palette import DARK
from studygroup.share_out import SharedNote, StepGroup, note_count
from studygroup.summary import kind_label, plural

NOTE_ROLE = Qt.ItemDataRole.UserRole + 1
BAR, PAD, GAP = 10, 14, 10  # the kind's colour bar, the padding inside a note, the space between notes


def note_head(note: SharedNote) -> str:
    """The line above a note's words: its kind, a problem's severity, its author when names are shown."""
    parts = [kind_label(note.kind)]
    if note.kind in PROBLEM_KINDS:
        parts.append(SEVERITY_WORDS[note.severity])  # the friction log's own words, as on the PDF
    if note.author:
        parts.append(note.author)
    return "  ·  ".join(parts)


class RevealModel(QAbstractListModel):
    """The notes of the step on screen."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._notes: tuple[SharedNote, ...] = ()

    def set_notes(self, notes: tuple[SharedNote, ...]) -> None:
        self.beginResetModel()
        self._notes = notes
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._notes)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._notes):
            return None
        note = self._notes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return note.text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{note_head(note)}: {note.text}"
        if role == NOTE_ROLE:
            return note
        return None


class NoteDelegate(QStyledItemDelegate):
    """A note as a card: the kind's colour bar, a muted head line, then the words, wrapped, as typed."""

    def __init__(self, view: QListView):
        super().__init__(view)
        self.view = view
        self.pixels = 26

    def _fonts(self) -> tuple[QFont, QFont]:
        body, head = QFont(self.view.font()), QFont(self.view.font())
        body.setPixelSize(self.pixels)
        head.setPixelSize(max(11, round(self.pixels * 0.62)))
        head.setWeight(QFont.Weight.DemiBold)
        return head, body

    def _text_width(self) -> int:
        return max(100, self.view.viewport().width() - BAR - 3 * PAD)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        head, body = self._fonts()
        bounds = QRect(0, 0, self._text_width(), 1_000_000)
        text = QFontMetrics(body).boundingRect(bounds, Qt.TextFlag.TextWordWrap, index.data()).height()
        return QSize(self._text_width(), QFontMetrics(head).height() + text + 2 * PAD + GAP)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        note: SharedNote = index.data(NOTE_ROLE)
        head, body = self._fonts()
        card = option.rect.adjusted(0, 0, -PAD, -GAP)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(DARK.surface))
        painter.drawRoundedRect(card, 10, 10)
        painter.fillRect(QRect(card.left(), card.top(), BAR, card.height()), QColor(DARK.kinds[note.kind]))
        inner = card.adjusted(BAR + PAD, PAD, -PAD, -PAD)
        painter.setFont(head)
        painter.setPen(QColor(DARK.problem if note.kind in PROBLEM_KINDS and note.severity >= 3 else DARK.muted))
        head_height = QFontMetrics(head).height()
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), head_height), 0, note_head(note))
        painter.setFont(body)
        painter.setPen(QColor(DARK.text))
        text_rect = inner.adjusted(0, head_height, 0, 0)
        painter.drawText(text_rect, Qt.TextFlag.TextWordWrap, note.text)  # drawText never reads markup
        painter.restore()


class RevealView(QWidget):
    """One step's heading, where it stands among the steps, and its notes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("revealView")
        self.groups: list[StepGroup] = []
        self.index, self.names = 0, False
        self.step = QLabel(objectName="roomPhase", textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.step.setAccessibleName("Journey step on screen")
        self.where = QLabel(objectName="roomMuted", textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.model = RevealModel(self)
        self.list = QListView(objectName="revealList")
        self.list.setModel(self.model)
        self.list.setAccessibleName("Everyone's notes for this step")
        self.list.setItemDelegate(NoteDelegate(self.list))
        self.list.setSelectionMode(QListView.SelectionMode.NoSelection)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)  # wrapped notes are measured again at a new width
        self.list.setUniformItemSizes(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.step)
        layout.addWidget(self.where)
        layout.addWidget(self.list, 1)

    def show_groups(self, groups: list[StepGroup], names: bool, keep_step: bool = True) -> None:
        """Show *groups* (with their authors when *names*), staying on the step on screen when it is still there."""
        current = self.groups[self.index].step if keep_step and self.groups else None
        self.groups, self.names = groups, names
        steps = [g.step for g in groups]
        self.index = steps.index(current) if current in steps else 0
        self._draw()

    def set_scale(self, pixels: int) -> None:
        """The notes' type in pixels (the projector scales it with the window)."""
        self.list.itemDelegate().pixels = pixels
        self.list.scheduleDelayedItemsLayout()

    def page_down(self) -> None:
        """A screen further down this step's notes; at its end, the next step."""
        bar = self.list.verticalScrollBar()
        if bar.value() < bar.maximum():
            bar.setValue(bar.value() + bar.pageStep())
        elif self.index < len(self.groups) - 1:
            self.index += 1
            self._draw()

    def page_up(self) -> None:
        """A screen back up; at the top of a step, the previous step."""
        bar = self.list.verticalScrollBar()
        if bar.value() > 0:
            bar.setValue(bar.value() - bar.pageStep())
        elif self.index > 0:
            self.index -= 1
            self._draw()

    def _draw(self) -> None:
        if not self.groups:
            self.step.setText("No notes yet")
            self.where.setText("Everyone's notes appear here when there are some.")
            self.model.set_notes(())
            return
        group = self.groups[self.index]
        self.step.setText(group.step)
        self.where.setText(
            f"Step {self.index + 1} of {len(self.groups)}  ·  {plural(len(group.notes), 'note')} here, "
            f"{note_count(self.groups)} in all  ·  {'with names' if self.names else 'no names'}"
        )
        self.model.set_notes(group.notes)
        self.list.scrollToTop()
