"""Pieces of the Capture tab: the note editor, the step field, nudge lines, rows of choice buttons
and the labels that jump to a field."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from ui.plain_text import plain_tooltip

# Alt+letter picks a note kind; the same letters in the editor and on the buttons.
KIND_LETTERS = {"F": "friction", "C": "confusion", "B": "bad_day", "D": "delight", "Q": "question", "I": "idea"}
_KIND_BY_KEY = {getattr(Qt.Key, f"Key_{letter}"): kind for letter, kind in KIND_LETTERS.items()}
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


def kind_for_key(event: QKeyEvent) -> str | None:
    """The kind an Alt+letter key press picks, or None."""
    if event.modifiers() != Qt.KeyboardModifier.AltModifier:
        return None
    return _KIND_BY_KEY.get(Qt.Key(event.key()))


class NoteEditor(QPlainTextEdit):
    """The note box: Enter saves, Shift+Enter starts a new line, Alt+letter picks the kind, Esc cancels."""

    submitted = Signal()
    kind_chosen = Signal(str)
    cancelled = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setAccessibleName("Note")
        self.setToolTip(
            "Write what happened and how it felt. Enter saves, Shift+Enter starts a new line, "
            "Alt+F/C/B/D/Q/I picks the kind."
        )

    def event(self, event) -> bool:
        # Claim Alt+kind letters before window shortcuts (menu and tab mnemonics) can take them.
        if event.type() == QEvent.Type.ShortcutOverride and kind_for_key(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        kind = kind_for_key(event)
        if kind:
            self.kind_chosen.emit(kind)
        elif event.key() in _ENTER_KEYS and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            # A plain "\n": Qt would insert U+2028 (line separator) for Shift+Enter.
            self.insertPlainText("\n")
        elif event.key() in _ENTER_KEYS and event.modifiers() in _PLAIN:
            self.submitted.emit()
        elif event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)


class StepEdit(QLineEdit):
    """The journey step field: Enter saves the note, unless it is picking a completion."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.completer().popup() if self.completer() else None
        picking = popup is not None and popup.isVisible()  # QCompleter takes this Enter for the pick
        super().keyPressEvent(event)
        if event.key() in _ENTER_KEYS and event.modifiers() in _PLAIN and not picking:
            event.accept()  # handled here; no parent should act on this Enter too
            self.submitted.emit()


class NudgeLine(QLabel):
    """A nudge on one line: elided to the room it has, the whole text in its tooltip.

    The capture page gives both nudges one reserved slot, so showing one never moves the form.
    *elide* says where the dots go: Rule 1 keeps its list of words at the end (ElideMiddle).
    """

    def __init__(self, text: str = "", parent=None, elide=Qt.TextElideMode.ElideRight, short: str = "", **properties):
        super().__init__(text, parent, textFormat=Qt.TextFormat.PlainText, objectName="nudge", **properties)
        self.elide = elide
        self.short = short  # the same nudge in a few words, shown before any text is cut
        self.setToolTip(plain_tooltip(text))
        # Asks for the room of its short form and takes more when there is some; squeezed further, it elides.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def hasHeightForWidth(self) -> bool:
        return False  # always one line

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance(self.short or self.text()) + 4, self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("Rule 1\u2026"), self._height())

    def shown_text(self) -> str:
        """The text as painted: whole if it fits, else the short form, elided only as a last resort."""
        width, metrics = self.contentsRect().width(), self.fontMetrics()
        for candidate in (self.text(), self.short):
            if candidate and metrics.horizontalAdvance(candidate) <= width:
                return candidate
        return metrics.elidedText(self.short or self.text(), self.elide, width)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.drawText(
            self.contentsRect(), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.shown_text()
        )
        painter.end()

    def _height(self) -> int:
        margins = self.contentsMargins()
        return self.fontMetrics().lineSpacing() + margins.top() + margins.bottom()


class ChoiceRow(QWidget):
    """Exclusive checkable buttons, one per (value, label, tooltip); `changed` sends the value.

    The buttons stay on one line when there is room and wrap onto more lines in a narrow
    column (the facilitator's, beside the live feed), never squeezing a label.
    """

    changed = Signal(object)
    SPACING = 6

    def __init__(self, choices: list[tuple[object, str, str]], accessible_name: str, parent=None):
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[object, QPushButton] = {}
        for value, label, tip in choices:
            button = QPushButton(label, self, checkable=True, toolTip=tip, objectName="choiceButton")
            button.setAccessibleName(label)
            button.clicked.connect(lambda _checked=False, v=value: self.set_value(v))
            self.group.addButton(button)
            self.buttons[value] = button
        self._lines = 1
        self._value = choices[0][0]
        self.buttons[self._value].setChecked(True)

    @property
    def value(self):
        return self._value

    def set_value(self, value) -> None:
        self.buttons[value].setChecked(True)
        if value != self._value:
            self._value = value
            self.changed.emit(value)

    # --- wrapping -----------------------------------------------------------------

    def line_count(self) -> int:
        """How many lines the buttons take at the current width."""
        return self._lines

    def _placements(self, width: int) -> list[tuple[QPushButton, int, int]]:
        """(button, x, line) for each button, wrapping before a button that would pass *width*."""
        x, line, placed = 0, 0, []
        for button in self.buttons.values():
            w = button.sizeHint().width()
            if x and x + w > width:
                x, line = 0, line + 1
            placed.append((button, x, line))
            x += w + self.SPACING
        return placed

    def _height(self, lines: int) -> int:
        row = max(b.sizeHint().height() for b in self.buttons.values())
        return lines * row + (lines - 1) * self.SPACING

    def sizeHint(self) -> QSize:
        width = sum(b.sizeHint().width() for b in self.buttons.values()) + self.SPACING * (len(self.buttons) - 1)
        return QSize(width, self._height(self._lines))

    def minimumSizeHint(self) -> QSize:
        # As narrow as the widest button; as tall as the lines it takes at its width now.
        return QSize(max(b.sizeHint().width() for b in self.buttons.values()), self._height(self._lines))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._height(max(line for _, _, line in self._placements(width)) + 1)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        placed = self._placements(self.width())
        row = max(b.sizeHint().height() for b in self.buttons.values())
        for button, x, line in placed:
            button.setGeometry(x, line * (row + self.SPACING), button.sizeHint().width(), row)
        lines = max(line for _, _, line in placed) + 1
        if lines != self._lines:
            self._lines = lines
            self.updateGeometry()  # a wrapped row is taller: the page makes room instead of clipping it


def buddy_label(text: str, widget: QWidget) -> QLabel:
    """A label whose Alt+letter (the letter after "&" in *text*) puts the cursor in *widget*."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label
