"""The facilitator's console: a big countdown, the agenda and the clock controls."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studygroup.clock import ONE_MINUTE_LEFT, PHASE_TIME_UP, SessionClock, countdown_text
from studygroup.model import Session
from studygroup.storage.store import Store
from ui import dialogs
from ui.actions import ACTION_PROPERTY, build_action, build_actions, icon
from ui.facilitator_gate import FacilitatorGate
from ui.run.chime import Chime
from ui.run.clock_driver import ClockDriver, unsubscribe
from ui.run.countdown import countdown_state, plan_text, set_state
from ui.session_models import PhaseListModel
from ui.timers import make_timer

FLASH_MS = 1500
CONTROL_IDS = ("start_pause", "previous_phase", "next_phase", "extend_1", "extend_5", "end_session")
END_QUESTION = "End the session now? The clock stops for good; every note stays saved and editable in the review."
STATUS_TEXT = {"planned": "Not started", "running": "Running", "paused": "Paused", "ended": "Session ended"}


class RunConsole(QWidget):
    """Shows and drives a SessionClock through a ClockDriver (calm redraws, precise chimes)."""

    session_ended = Signal()

    def __init__(
        self,
        session: Session,
        clock: SessionClock,
        chime: Chime | None = None,
        parent=None,
        store: Store | None = None,
        gate: FacilitatorGate | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("runConsole")
        self.session, self.clock = session, clock
        self.chime = chime or Chime(self, ready=session.status != "ended")  # an ended session never chimes
        self.projector = None
        self.store = store  # the question round saves airtime through it; without one there is no round
        self.question_round = None
        self.gate = gate or FacilitatorGate(parent=self)  # the session's lock; standing alone, never locked
        self.actions_by_id = build_actions(CONTROL_IDS + ("auto_advance", "mute", "projector"), self)
        self.addActions(list(self.actions_by_id.values()))
        self.model = PhaseListModel(clock, self)
        self._build()
        self._connect()
        clock.listeners.append(self._on_clock_event)
        self.destroyed.connect(partial(unsubscribe, clock.listeners, self._on_clock_event))
        self.driver = ClockDriver(clock, self)
        self.driver.ticked.connect(self._redraw)
        self.timer = self.driver.display_timer
        self.flash_timer = make_timer(self, FLASH_MS, single_shot=True)
        self.flash_timer.timeout.connect(self._on_flash_timer_timeout)
        self._update()
        self.driver.start()

    def _build(self) -> None:
        # Phase names and prompts are user text: shown as typed, never as markup.
        self.phase_name = QLabel(objectName="phaseName", textFormat=Qt.TextFormat.PlainText)
        self.clock_status = QLabel(objectName="clockStatus")
        self.countdown = QLabel(objectName="countdown", alignment=Qt.AlignmentFlag.AlignCenter)
        self.countdown.setAccessibleName("Time left in this phase")
        self.session_remaining = QLabel(objectName="sessionRemaining")
        self.plan_status = QLabel(objectName="planStatus", alignment=Qt.AlignmentFlag.AlignRight)
        self.prompt = QLabel(objectName="phasePrompt", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.auto_box = QCheckBox("Advance phases automatically", checked=self.session.auto_advance)
        self._describe(self.auto_box, "auto_advance")
        self.buttons = {key: self._button(key) for key in CONTROL_IDS + ("mute", "projector")}
        self.buttons["start_pause"].setProperty("primary", True)
        # A dark icon on the teal button reads as a smudge; the word says it all.
        self.buttons["start_pause"].setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.buttons["start_pause"].setMinimumWidth(110)
        self.share_out = self._share_out_controls()
        controls, extras = QHBoxLayout(), QHBoxLayout()
        controls.setSpacing(10)
        extras.setSpacing(14)
        for key in ("start_pause", "previous_phase", "next_phase", "extend_1", "extend_5"):
            controls.addWidget(self.buttons[key])
        controls.addStretch()
        for widget in (self.auto_box, self.buttons["mute"], self.buttons["projector"]):
            extras.addWidget(widget)
        extras.addStretch()
        extras.addWidget(self.buttons["end_session"])  # set apart, so it is not hit by accident
        left = QGridLayout()
        left.addWidget(self.phase_name, 0, 0)
        left.addWidget(self.clock_status, 0, 1, Qt.AlignmentFlag.AlignRight)
        left.addWidget(self.countdown, 1, 0, 1, 2)
        left.addWidget(self.session_remaining, 2, 0)
        left.addWidget(self.plan_status, 2, 1)
        left.addWidget(self.prompt, 3, 0, 1, 2)
        left.addLayout(controls, 4, 0, 1, 2)
        # Said once, where the facilitator looks: when the chime can only be the system bell.
        # Made with its parent: a parentless label made visible is a window of its own (it flashed at start).
        self.sound_note = QLabel(self.chime.sound_note, self, objectName="soundNote", wordWrap=True)
        self.sound_note.setVisible(bool(self.chime.sound_note))
        self.sound_note.setAccessibleName("Sound")
        extras_box = QVBoxLayout()
        extras_box.addLayout(extras)
        extras_box.addWidget(self.sound_note)
        left.addLayout(extras_box, 5, 0, 1, 2)
        round_toggle = self._question_round_section()
        left.setRowStretch(6, 1)
        left.setVerticalSpacing(10)
        top = QHBoxLayout()
        top.setSpacing(28)
        top.addLayout(left, 3)
        agenda = self._agenda()
        if round_toggle is not None:
            # Under the agenda, which gives up height: the row of clock extras is full at 1280 px.
            for button in (self.buttons["reveal_notes"], self.buttons["names_on_projector"], round_toggle):
                agenda.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
        top.addLayout(agenda, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 14, 24, 14)
        layout.setSpacing(14)
        layout.addLayout(top, 1)
        if round_toggle is not None:  # across the whole width: every button and name of the round fits
            layout.addWidget(self.question_round)

    def _share_out_controls(self):
        """Reveal and names for the share-out (they read the notes from the store); None without a store."""
        if self.store is None:
            return None
        from ui.run.share_out import IDS, ShareOutControls

        controls = ShareOutControls(self)
        for key in IDS:
            self.buttons[key] = self._button(key)
        self.buttons["reveal_notes"].setMinimumWidth(self.buttons["reveal_notes"].sizeHint().width())
        return controls

    def _question_round_section(self) -> QToolButton | None:
        """The round panel (hidden until its toggle is checked) and that toggle; None without a store."""
        if self.store is None:
            return None
        # Imported here: ui.run.question_round is a sibling that must not import this module back.
        from ui.run.question_round import QuestionRoundPanel

        self.question_round = QuestionRoundPanel(
            self.session, self.store, self.clock.time, self, gate=self.gate, session_seconds=self.clock.session_elapsed
        )
        self.question_round.hide()
        self.question_round.state_changed.connect(self._show_round_on_projector)
        toggle = build_action("question_round", self)
        toggle.toggled.connect(self.question_round.setVisible)
        toggle.toggled.connect(self._on_question_round_toggled)
        self.addAction(toggle)
        self.actions_by_id["question_round"] = toggle
        button = QToolButton()
        button.setDefaultAction(toggle)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._describe(button, "question_round")
        button.setMinimumWidth(button.sizeHint().width() + 24)  # the checked style is bold, so wider
        self.buttons["question_round"] = button
        return button

    def _on_question_round_toggled(self, shown: bool) -> None:
        """With the round on screen the phase countdown is smaller, so both fit a 720-pixel-high screen."""
        set_state(self.countdown, "compact", shown)

    def _show_round_on_projector(self) -> None:
        """While a round runs the room sees the person, the question and their turn clock."""
        panel = self.question_round
        if self.projector is None or panel is None:
            return
        if panel.active:
            self.projector.show_turn(
                panel.round.person.name,
                panel.round.question,
                panel.remaining_text(),
                f"{panel.caption_text()}  ·  Question round",
                panel.countdown.property("state"),
                silent=panel.round.silent,
            )
        else:
            self.projector.clear_turn()

    def _agenda(self) -> QVBoxLayout:
        self.table = QTableView(objectName="agendaTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName("Agenda")
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setMinimumWidth(360)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.verticalHeader().setDefaultSectionSize(44)
        box = QVBoxLayout()
        box.addWidget(QLabel("AGENDA  ·  MINUTES", objectName="sectionTitle"))
        box.addWidget(self.table)
        return box

    def _button(self, key: str) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(self.actions_by_id[key])
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._describe(button, key)
        return button

    def _describe(self, widget: QWidget, key: str) -> None:
        action = self.actions_by_id[key]
        widget.setAccessibleName(action.text())
        widget.setToolTip(action.toolTip())

    def _connect(self) -> None:
        a, clock, wire = self.actions_by_id, self.clock, self.gate.wire  # every row goes through the lock
        wire(a["start_pause"], clock.toggle_pause)
        wire(a["next_phase"], clock.next_phase)
        wire(a["previous_phase"], clock.previous_phase)
        wire(a["extend_1"], partial(clock.extend, 1))
        wire(a["extend_5"], partial(clock.extend, 5))
        wire(a["end_session"], self._on_end_triggered)
        a["auto_advance"].setChecked(self.session.auto_advance)
        wire(a["auto_advance"], self._set_auto_advance)
        self.auto_box.clicked.connect(self._on_auto_box_clicked)
        self.auto_box.setProperty(ACTION_PROPERTY, "auto_advance")
        a["mute"].setChecked(self.chime.muted)
        wire(a["mute"], self._set_muted)
        self._show_muted(self.chime.muted)
        wire(a["projector"], self.show_projector)

    # --- slots ---------------------------------------------------------------

    def refresh(self) -> None:
        """Ask the clock for crossed thresholds, then redraw (what the timers do)."""
        self.driver.poll()

    def _redraw(self) -> None:
        self._update()
        if self.projector is not None:
            self.projector.refresh()

    def _on_clock_event(self, event: str) -> None:
        if event in (ONE_MINUTE_LEFT, PHASE_TIME_UP):
            self.chime.play()
            self.flash()
        self._update()

    def flash(self) -> None:
        """Briefly highlight the countdown so a glance catches the threshold."""
        set_state(self.countdown, "flash", True)
        self.flash_timer.start()

    def _on_flash_timer_timeout(self) -> None:
        set_state(self.countdown, "flash", False)

    def _on_end_triggered(self) -> None:
        if self.session.status == "ended":
            return
        if self.confirm_end():
            self.clock.end()
            if self.question_round is not None:
                self.question_round.end_round()  # saves the last turn's airtime
            self.session_ended.emit()

    def confirm_end(self) -> bool:
        """Ask before the clock stops for good; the session page also offers to save unsent drafts."""
        return dialogs.ask_yes_no(self, "End session", END_QUESTION)

    def _on_auto_box_clicked(self, checked: bool) -> None:
        """The tick box is one more way to the auto-advance action, so the lock guards it too."""
        with QSignalBlocker(self.auto_box):
            self.auto_box.setChecked(not checked)  # the action decides; it ticks the box when allowed
        self.actions_by_id["auto_advance"].trigger()

    def _set_auto_advance(self, checked: bool) -> None:
        self.auto_box.setChecked(checked)
        self.session.auto_advance = checked
        if self.clock.persist:
            self.clock.persist(self.session)

    def _set_muted(self, muted: bool) -> None:
        self.chime.set_muted(muted)
        self._show_muted(muted)

    def _show_muted(self, muted: bool) -> None:
        action = self.actions_by_id["mute"]
        action.setText("Chime muted" if muted else "Mute chime")
        action.setIcon(icon("mute" if muted else "sound"))
        self.buttons["mute"].setAccessibleName(action.text())

    def show_projector(self):
        """Open (or raise) the room view; it follows this console's clock."""
        from ui.run.projector import ProjectorWindow

        if self.projector is None:
            self.projector = ProjectorWindow(self.session, self.clock, parent=self)
            self._show_round_on_projector()
        self.projector.show_on_best_screen()
        return self.projector

    # --- drawing -------------------------------------------------------------

    def _update(self) -> None:
        clock, session = self.clock, self.session
        phase, index, count = clock.phase, session.current_phase, len(session.phases)
        self.phase_name.setText(f"{index + 1} of {count} · {phase.name}" if phase else "No phases planned")
        self.clock_status.setText(STATUS_TEXT.get(session.status, session.status))
        ended = session.status == "ended"
        self.countdown.setText("Ended" if ended else countdown_text(clock.phase_remaining()))
        set_state(self.countdown, "state", countdown_state(clock))
        left = clock.session_remaining()
        self.session_remaining.setText(
            "Session ended" if ended else f"Session: {countdown_text(abs(left))} {'left' if left >= 0 else 'over'}"
        )
        text, behind = plan_text(clock)
        self.plan_status.setText(text)
        set_state(self.plan_status, "behind", behind)
        self.prompt.setText(phase.prompt if phase else "")
        self._update_controls()
        self.model.refresh()

    def _update_controls(self) -> None:
        a, status = self.actions_by_id, self.session.status
        live = status != "ended"
        a["start_pause"].setText({"running": "Pause", "paused": "Resume"}.get(status, "Start"))
        a["start_pause"].setIcon(icon("pause" if status == "running" else "play"))
        self.buttons["start_pause"].setAccessibleName(a["start_pause"].text())
        a["start_pause"].setEnabled(live and self.clock.phase is not None)
        a["previous_phase"].setEnabled(live and self.session.current_phase > 0)
        a["next_phase"].setEnabled(live and self.session.current_phase < len(self.session.phases) - 1)
        for key in ("extend_1", "extend_5", "end_session"):
            a[key].setEnabled(live)
