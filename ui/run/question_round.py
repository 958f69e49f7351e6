"""The question round panel: each probing question goes round the group, one timed turn per person.

The panel drives a studygroup.question_round.QuestionRound; the run console shows it and
forwards its state to the projector, and the session page hands the capture laptop to
whoever's turn it is (`turn_changed`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QSpinBox, QTableView, QToolButton, QVBoxLayout, QWidget

from studygroup.clock import countdown_text
from studygroup.model import Participant, Session
from studygroup.question_round import DEFAULT_SILENCE_SECONDS, DEFAULT_TURN_SECONDS, QuestionRound
from studygroup.storage.store import Store
from ui.action_table import SPECS
from ui.actions import build_action, icon
from ui.facilitator_gate import FacilitatorGate
from ui.run.airtime_model import AirtimeModel, countdown_style, turn_state
from ui.run.turn_notes import TurnNotes
from ui.style import active_palette, repolish
from ui.table_fit import column_width, rows_height, table_chrome_width
from ui.timers import make_timer

DISPLAY_INTERVAL_MS = 250

TOGGLE_SPEC = SPECS["question_round"]
ROUND_SPECS = {key: SPECS[key] for key in ("start_turn", "next_person", "next_round_question", "end_round")}


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
        session_seconds: Callable[[], float] | None = None,
    ):
        super().__init__(parent)
        self.gate = gate or FacilitatorGate(parent=self)  # the session's lock; standing alone, never locked
        self.setObjectName("questionRoundPanel")
        self.session, self.store, self.time = session, store, time_source
        self.round: QuestionRound | None = None
        self.actions_by_id = {key: build_action(key, self) for key in ROUND_SPECS}
        self.addActions(list(self.actions_by_id.values()))
        self.model = AirtimeModel(self)
        # What was said in each turn, stamped with the session clock's time (none standing alone: 0).
        self.turn_notes = TurnNotes(store, session.id, session_seconds or (lambda: 0.0), self)
        self.turn_notes.let_through(self.actions_by_id.values())
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
        title.addLayout(self._settings_row())
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
        column.addWidget(self.turn_notes)
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

    def _settings_row(self) -> QHBoxLayout:
        self.turn_length = QSpinBox(
            minimum=15, maximum=900, singleStep=15, value=int(DEFAULT_TURN_SECONDS), suffix=" s"
        )
        self.turn_length.setAccessibleName("Turn length in seconds")
        self.turn_length.setToolTip("How long each person's turn is (Alt+L)")
        self.silence = QSpinBox(minimum=0, maximum=15, value=int(DEFAULT_SILENCE_SECONDS), suffix=" s")
        self.silence.setSpecialValueText("Off")
        self.silence.setAccessibleName("Silence after a question, in seconds")
        self.silence.setToolTip(
            "Seconds of silence the room sees after each new question before the first turn starts; "
            "0 turns it off (Alt+I)"
        )
        row = QHBoxLayout()
        for text, box in (("Turn &length", self.turn_length), ("S&ilence", self.silence)):
            caption = QLabel(text)
            caption.setBuddy(box)
            row.addWidget(caption)
            row.addWidget(box)
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
        self.silence.valueChanged.connect(self._on_silence_changed)

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
        """The turn's countdown; during a silence, its seconds left, plainly."""
        if self.active and self.round.silent:
            return str(math.ceil(self.round.silence_remaining()))
        return countdown_text(self.round.turn_remaining()) if self.active else countdown_text(self.turn_length.value())

    def caption_text(self) -> str:
        if not self.active:
            return f"{len(self._questions())} questions"
        return f"Question {self.round.question_index + 1} of {len(self.round.questions)}"

    def _questions(self) -> list[str]:
        return self.session.scenario.probing_questions or ["What happened, and how did it feel?"]

    # --- controls ---------------------------------------------------------------

    def start_or_pause(self) -> None:
        """Start a round; during one, pause the running turn or carry it on, or skip a silence."""
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
            self.session,
            self.time,
            persist=self._save_airtime,
            turn_seconds=float(self.turn_length.value()),
            silence_seconds=float(self.silence.value()),
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
        self.turn_notes.begin(self.round.person, self.round.question)  # saves the turn before with its text
        self.refresh()
        self.turn_changed.emit(self.round.person.id)

    def _round_over(self) -> None:
        self.turn_notes.close()
        self.refresh()
        self.turn_changed.emit(None)

    def _on_turn_length_changed(self, seconds: int) -> None:
        if self.active:
            self.round.turn_seconds = float(seconds)  # the running turn is measured against the new length
        self.refresh()

    def _on_silence_changed(self, seconds: int) -> None:
        if self.active:
            self.round.silence_seconds = float(seconds)  # from the next question on; a silence under way too

    # --- drawing ----------------------------------------------------------------

    def refresh(self) -> None:
        """Redraw from the round; the display timer calls this only while a turn or a silence runs."""
        if self.active:
            self.round.poll()  # a silence whose seconds are up starts the turn
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
        paused = "  (silence first)" if self.round.silent else "" if self.round.running else "  (paused)"
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
        if not active:
            text = "Start round"
        else:
            text = "Skip silence" if self.round.silent else "Pause turn" if self.round.running else "Start turn"
        a["start_turn"].setText(text)
        a["start_turn"].setIcon(icon("pause" if active and self.round.running else "play"))
        self.buttons["start_turn"].setAccessibleName(text)
        a["start_turn"].setEnabled(bool(self.session.participants))
        for key in ("next_person", "next_round_question", "end_round"):
            a[key].setEnabled(active)

    def _on_gate_changed(self) -> None:
        # Not a row of the action table but a setting of the round: locked, it waits for the facilitator.
        self.turn_length.setEnabled(not self.gate.locked)
        self.silence.setEnabled(not self.gate.locked)

    def _sync_timer(self) -> None:
        running = self.active and (self.round.running or self.round.silent)
        if running and not self.display_timer.isActive():
            self.display_timer.start()
        elif not running and self.display_timer.isActive():
            self.display_timer.stop()

    def shutdown(self) -> None:
        """Close the open turn (saving its airtime and what was said) before the page goes away."""
        if self.active:
            self.round.pause()
        self.turn_notes.close()
        self.display_timer.stop()
