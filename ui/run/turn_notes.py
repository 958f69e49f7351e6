"""What was said in the current question-round turn: a small box, saved with the turn.

The turn's row is written when the turn begins; what is typed follows on a short debounce, like
a capture draft, so it is on disk within about a second of the last keystroke; closing the turn
(next person, next question, end) writes its text and how long the person spoke.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from studygroup.errors import StorageError
from studygroup.limits import MAX_TURN_TEXT, too_long
from studygroup.model import Participant, Turn
from studygroup.storage.store import Store
from ui.timers import make_timer

DEBOUNCE_MS = 400
LINES = 2  # a sentence or two; it scrolls beyond


class TurnNotes(QWidget):
    """The box for the speaker's turn and the row it is saved in."""

    def __init__(self, store: Store, session_id: str, session_seconds: Callable[[], float], parent=None):
        super().__init__(parent)
        self.store, self.session_id, self.session_seconds = store, session_id, session_seconds
        self.turn: Turn | None = None
        self._person: Participant | None = None
        self._airtime_before = 0.0  # the person's airtime when the turn began: the turn's seconds are the rest
        self._keys: list[QKeySequence] = []
        self.box = QPlainTextEdit(objectName="turnText", enabled=False)
        self.box.setAccessibleName("What was said in this turn")
        self.box.setToolTip("A line or two of what the speaker said; saved with their turn")
        self.box.setPlaceholderText("Starts with the round")
        self.box.setTabChangesFocus(True)
        self.box.setFixedHeight(self.box.fontMetrics().lineSpacing() * LINES + 18)
        self.box.installEventFilter(self)
        self.box.textChanged.connect(self._on_box_text_changed)
        caption = QLabel("What was &said (optional)")
        caption.setBuddy(self.box)
        self.problem = QLabel(objectName="formError", wordWrap=True, visible=False, textFormat=Qt.TextFormat.PlainText)
        self.problem.setAccessibleName("Why what was said is not saved")
        row = QHBoxLayout()  # the caption beside the box: the round fits 1280x720 with it
        row.setSpacing(10)
        row.addWidget(caption, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        self.timer = make_timer(self, DEBOUNCE_MS, single_shot=True)
        self.timer.timeout.connect(self.flush)

    def let_through(self, actions: Iterable[QAction]) -> None:
        """Keys of these actions reach them even while typing here (Ctrl+Shift+Right would select a word)."""
        self._keys = [a.shortcut() for a in actions if not a.shortcut().isEmpty()]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and self._is_round_key(event):
            return True  # not offered to the box, so the round's shortcut fires
        return super().eventFilter(watched, event)

    def _is_round_key(self, event: QEvent) -> bool:
        return (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and QKeySequence(event.keyCombination()) in self._keys
        )

    # --- the turn's row -----------------------------------------------------------------

    def begin(self, person: Participant, question: str) -> None:
        """Close the turn before (if any) and write a row for *person*'s turn on *question*."""
        self.close()
        self._person, self._airtime_before = person, person.airtime_seconds
        self.turn = Turn(self.session_id, person.id, question, self.session_seconds(), self.store.now())
        self._save()
        self.box.setEnabled(True)
        self.box.setPlaceholderText(f"What {person.name} said")

    def close(self) -> None:
        """Write the open turn's text and seconds, then clear the box for the next."""
        if self.turn is None:
            return
        self.flush()
        self.turn, self._person = None, None
        self.box.blockSignals(True)  # clearing is not typing
        self.box.clear()
        self.box.blockSignals(False)
        self.box.setEnabled(False)
        self.box.setPlaceholderText("Starts with the round")

    def flush(self) -> None:
        """Save the open turn now (what the debounce does)."""
        self.timer.stop()
        if self.turn is None or self._person is None:
            return
        text = self.box.toPlainText()
        if len(text) > MAX_TURN_TEXT:  # the row keeps its last text within the limit until this is shortened
            self._say(too_long("What was said", text, MAX_TURN_TEXT))
            return
        self.turn.text = text
        self.turn.seconds_spoken = max(0.0, self._person.airtime_seconds - self._airtime_before)
        self._save()

    def _save(self) -> None:
        assert self.turn is not None
        try:
            self.store.save_turn(self.turn)
        except StorageError as exc:
            self._say(f"What was said stays on screen but could not be saved: {exc}")
        else:
            self._say("")

    def _say(self, sentence: str) -> None:
        self.problem.setText(sentence)
        self.problem.setVisible(bool(sentence))

    def _on_box_text_changed(self) -> None:
        if self.turn is not None:
            self.timer.start()
