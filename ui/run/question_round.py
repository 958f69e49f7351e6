"""The question round panel: each probing question goes round the group, one timed turn per person.

The panel drives a studygroup.question_round.QuestionRound; the run console shows it and
forwards its state to the projector, and the session page hands the capture laptop to
whoever's turn it is (`turn_changed`).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QSpinBox, QTableView, QToolButton, QVBoxLayout, QWidget

from studygroup.clock import countdown_level, countdown_text
from studygroup.model import Participant, Session
from studygroup.palette import Palette
from studygroup.question_round import DEFAULT_TURN_SECONDS, QuestionRound
from studygroup.storage.store import Store
from studygroup.summary import clock_text
from ui.action_table import SPECS
from ui.actions import build_action, icon
from ui.facilitator_gate import FacilitatorGate
from ui.plain_text import plain_tooltip
from ui.style import active_palette, repolish
from ui.table_fit import column_width, rows_height, table_chrome_width
from ui.timers import make_timer

DISPLAY_INTERVAL_MS = 250

TOGGLE_SPEC = SPECS["question_round"]
ROUND_SPECS = {key: SPECS[key] for key in ("start_turn", "next_person", "next_round_question", "end_round")}

# Inline colours (from the palette in use) so the overtime style cannot be lost to a missing QSS rule.
COUNTDOWN_BASE = "font-size: 48px; font-weight: 600; padding: 0px 16px; border-radius: 10px;"


def countdown_style(state: str, palette: Palette) -> str:
    """The turn countdown's inline style for *state* (idle or a countdown level) in *palette*."""
    colour = palette.muted if state == "idle" else palette.countdown[state]
    background = f" background: {palette.overtime_background};" if state == "overtime" else ""
    return f"{COUNTDOWN_BASE} color: {colour};{background}"


def turn_state(rounds: QuestionRound | None) -> str:
    """idle, or the phase countdown's normal / low / critical / overtime for this turn."""
    if rounds is None or rounds.finished:
        return "idle"
    return countdown_level(rounds.turn_remaining(), rounds.turn_seconds)


class AirtimeModel(QAbstractTableModel):
    """One row per person: name and airtime so far, the open turn included; the speaker in bold."""

    HEADERS = ("Person", "Airtime")

    def __init__(self, panel: QuestionRoundPanel):
        super().__init__(panel)
        self.panel = panel
        self._rows = len(panel.session.participants)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return self.HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self._rows:
            return None
        person = self.panel.session.participants[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return person.name if index.column() == 0 else clock_text(self.panel.airtime_of(person))
        if role == Qt.ItemDataRole.ToolTipRole:  # the name column elides on a narrow window
            return plain_tooltip(f"{person.name}: {clock_text(self.panel.airtime_of(person))}")
        if role == Qt.ItemDataRole.FontRole and person is self.panel.speaker():
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def refresh(self) -> None:
        """Re-read the people (a reset when the group changed size, else a cheap repaint)."""
        rows = len(self.panel.session.participants)
        if rows != self._rows:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
        elif rows:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, len(self.HEADERS) - 1))


class QuestionRoundPanel(QWidget):
    """Runs one question round at a time; each turn's airtime is saved through store.save_airtime."""

    turn_changed = Signal(object)  # the participant id whose turn it now is; None when the round ends
    state_changed = Signal()  # anything shown changed, the running countdown included

    def __init__(
        self,
        session: Session,
        store: Store,
        time_source,
        parent: QWidget | None = None,
        gate: FacilitatorGate | None = None,
    ):
        super().__init__(parent)
        self.gate = gate or FacilitatorGate(parent=self)  # the session's lock; standing alone, never locked
        self.setObjectName("questionRoundPanel")
        self.session, self.store, self.time = session, store, time_source
        self.round: QuestionRound | None = None
        self.actions_by_id = {key: build_action(key, self) for key in ROUND_SPECS}
        self.addActions(list(self.actions_by_id.values()))
        self.model = AirtimeModel(self)
        self._build()
        self._connect()
        self.display_timer = make_timer(self, DISPLAY_INTERVAL_MS)
        self.display_timer.timeout.connect(self.refresh)
        self.refresh()

    # --- building ---------------------------------------------------------------

    def _build(self) -> None:
        self.question_caption = QLabel(objectName="roundCaption", textFormat=Qt.TextFormat.PlainText)
        self.question = QLabel(objectName="roundQuestion", textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.question.setAccessibleName("Question for this round")
        self.speaker_label = QLabel(objectName="roundSpeaker", textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.speaker_label.setAccessibleName("Whose turn it is")
        self.countdown = QLabel(objectName="turnCountdown", alignment=Qt.AlignmentFlag.AlignCenter)
        self.countdown.setAccessibleName("Time left in this person's turn")
        self.buttons = {key: self._button(key) for key in self.actions_by_id}
        self.buttons["start_turn"].setProperty("primary", True)
        self.buttons["start_turn"].setMinimumWidth(130)  # fits "Start round" and "Pause turn"
        title = QHBoxLayout()
        title.addWidget(QLabel("QUESTION ROUND", objectName="sectionTitle"))
        title.addSpacing(16)
        title.addWidget(self.question_caption)
        title.addStretch()
        title.addLayout(self._turn_length_row())
        speaker = QHBoxLayout()
        speaker.addWidget(self.speaker_label, 1)
        speaker.addWidget(self.countdown)
        controls = QHBoxLayout()
        controls.setSpacing(10)
        for button in self.buttons.values():
            controls.addWidget(button)
        controls.addStretch()
        column = QVBoxLayout()
        column.setSpacing(10)
        column.addLayout(title)
        column.addWidget(self.question)
        column.addLayout(speaker)
        column.addLayout(controls)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(20)
        layout.addLayout(column, 3)
        layout.addWidget(self._airtime_table(), 2)

    def _button(self, key: str) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(self.actions_by_id[key])
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)  # words only, so the row fits 1280 px
        button.setAccessibleName(self.actions_by_id[key].text())
        button.setToolTip(self.actions_by_id[key].toolTip())
        return button

    def _turn_length_row(self) -> QHBoxLayout:
        self.turn_length = QSpinBox(
            minimum=15, maximum=900, singleStep=15, value=int(DEFAULT_TURN_SECONDS), suffix=" s"
        )
        self.turn_length.setAccessibleName("Turn length in seconds")
        self.turn_length.setToolTip("How long each person's turn is (Alt+L)")
        caption = QLabel("Turn &length")
        caption.setBuddy(self.turn_length)
        row = QHBoxLayout()
        row.addWidget(caption)
        row.addWidget(self.turn_length)
        return row

    def _airtime_table(self) -> QWidget:
        self.table = QTableView(objectName="airtimeTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName("Airtime so far")
        self.table.setToolTip("How long each person has spoken in question rounds")
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.ensurePolished()
        # Compact rows and no header (the title says what it is): a group of eight fits 1280x720 whole.
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().lineSpacing() + 7)
        header = self.table.horizontalHeader()
        header.hide()
        self.table.setMinimumHeight(rows_height(self.table, min(8, max(4, len(self.session.participants)))))
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        names = [p.name for p in self.session.participants] or [""]
        self.table.setMinimumWidth(
            column_width(self.table, "Person", names)
            + column_width(self.table, "Airtime", ["0:00:00"])
            + table_chrome_width(self.table)
        )  # every name whole
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel("AIRTIME", objectName="sectionTitle"))
        column.addWidget(self.table)
        return box

    def _connect(self) -> None:
        a = self.actions_by_id
        self.gate.wire(a["start_turn"], self.start_or_pause)
        self.gate.wire(a["next_person"], self.next_person)
        self.gate.wire(a["next_round_question"], self.next_question)
        self.gate.wire(a["end_round"], self.end_round)
        self.gate.changed.connect(self._on_gate_changed)
        self._on_gate_changed()
        self.turn_length.valueChanged.connect(self._on_turn_length_changed)

    # --- reading ----------------------------------------------------------------

    @property
    def active(self) -> bool:
        """A round has started and not yet finished."""
        return self.round is not None and not self.round.finished

    def speaker(self) -> Participant | None:
        return self.round.person if self.active else None

    def airtime_of(self, person: Participant) -> float:
        """Stored airtime plus the turn still running, so the table moves while they speak."""
        live = self.round.turn_elapsed() if self.active and self.round.person is person else 0.0
        return person.airtime_seconds + live

    def remaining_text(self) -> str:
        return countdown_text(self.round.turn_remaining()) if self.active else countdown_text(self.turn_length.value())

    def caption_text(self) -> str:
        if not self.active:
            return f"{len(self._questions())} questions"
        return f"Question {self.round.question_index + 1} of {len(self.round.questions)}"

    def _questions(self) -> list[str]:
        return self.session.scenario.probing_questions or ["What happened, and how did it feel?"]

    # --- controls ---------------------------------------------------------------

    def start_or_pause(self) -> None:
        """Start a round; during one, pause the running turn or carry it on."""
        if not self.active:
            self.start_round()
        elif self.round.running:
            self.round.pause()
            self.refresh()
        else:
            self.round.start_turn()
            self.refresh()

    def start_round(self) -> None:
        if self.active or not self.session.participants:
            return
        self.round = QuestionRound(
            self.session, self.time, persist=self._save_airtime, turn_seconds=float(self.turn_length.value())
        )
        self.round.start_turn()
        self._turn_moved()

    def _save_airtime(self, person: Participant) -> None:
        self.store.save_airtime(self.session.id, person.id, person.airtime_seconds)

    def next_person(self) -> None:
        if not self.active:
            return
        if self.round.next_turn():
            self._turn_moved()
        else:
            self._round_over()

    def next_question(self) -> None:
        """Leave the rest of the group out of this question; the next one starts with the first person."""
        if not self.active:
            return
        if self.round.next_question():  # closes the turn first, so its airtime is saved
            self._turn_moved()
        else:
            self._round_over()

    def end_round(self) -> None:
        if self.active:
            self.round.finish()
            self._round_over()

    def _turn_moved(self) -> None:
        self.refresh()
        self.turn_changed.emit(self.round.person.id)

    def _round_over(self) -> None:
        self.refresh()
        self.turn_changed.emit(None)

    def _on_turn_length_changed(self, seconds: int) -> None:
        if self.active:
            self.round.turn_seconds = float(seconds)  # the running turn is measured against the new length
        self.refresh()

    # --- drawing ----------------------------------------------------------------

    def refresh(self) -> None:
        """Redraw from the round; the display timer calls this only while a turn runs."""
        self._draw_texts()
        self._draw_countdown()
        self._update_controls()
        self.model.refresh()
        self._sync_timer()
        self.state_changed.emit()

    def _draw_texts(self) -> None:
        self.question_caption.setText(self.caption_text())
        if not self.session.participants:
            self.question.setText("Add people to the group to run a question round.")
            self.speaker_label.setText("")
            return
        self.question.setText(self.round.question if self.active else self._questions()[0])
        if not self.active:
            self.speaker_label.setText("Round finished" if self.round else "Not started")
            return
        order = self.round.order
        upcoming = order[(self.round.turn_index + 1) % len(order)]
        paused = "" if self.round.running else "  (paused)"
        self.speaker_label.setText(f"Now: {self.round.person.name}{paused}\nNext: {upcoming.name}")

    def _draw_countdown(self) -> None:
        self.countdown.setText(self.remaining_text())
        state = turn_state(self.round)
        if self.countdown.property("state") != state:
            self.countdown.setProperty("state", state)
            self._style_countdown()

    def _style_countdown(self) -> None:
        self.countdown.setStyleSheet(countdown_style(self.countdown.property("state"), active_palette()))
        repolish(self.countdown)

    def changeEvent(self, event) -> None:
        """A new app stylesheet (the colour scheme changed) means new inline colours for the countdown."""
        super().changeEvent(event)
        countdown = getattr(self, "countdown", None)  # a style can arrive while the panel is being built
        if event.type() == QEvent.Type.StyleChange and countdown is not None and countdown.property("state"):
            self._style_countdown()

    def _update_controls(self) -> None:
        a, active = self.actions_by_id, self.active
        text = "Start round" if not active else "Pause turn" if self.round.running else "Start turn"
        a["start_turn"].setText(text)
        a["start_turn"].setIcon(icon("pause" if active and self.round.running else "play"))
        self.buttons["start_turn"].setAccessibleName(text)
        a["start_turn"].setEnabled(bool(self.session.participants))
        for key in ("next_person", "next_round_question", "end_round"):
            a[key].setEnabled(active)

    def _on_gate_changed(self) -> None:
        # Not a row of the action table but a setting of the round: locked, it waits for the facilitator.
        self.turn_length.setEnabled(not self.gate.locked)

    def _sync_timer(self) -> None:
        running = self.active and self.round.running
        if running and not self.display_timer.isActive():
            self.display_timer.start()
        elif not running and self.display_timer.isActive():
            self.display_timer.stop()

    def shutdown(self) -> None:
        """Close the open turn (saving its airtime) before the page goes away."""
        if self.active:
            self.round.pause()
        self.display_timer.stop()
