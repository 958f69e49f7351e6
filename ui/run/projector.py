"""The room view for the projector: phase, a huge countdown, the rules, the card and one question;
at the share-out, everyone's notes by journey step instead (ui.run.reveal)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from studygroup.clock import ONE_MINUTE_LEFT, PHASE_CHANGED, PHASE_TIME_UP, SessionClock, countdown_text
from studygroup.model import Session
from studygroup.share_out import StepGroup
from ui.action_table import SPECS
from ui.actions import build_actions, shortcut_text
from ui.run.clock_driver import unsubscribe
from ui.run.countdown import countdown_state, set_state
from ui.run.reveal import RevealView
from ui.timers import make_timer

# Pixel sizes at a 1280x800 window; resizeEvent scales them with the window.
BASE_SIZES = {
    "roomPhase": 42,
    "roomCountdown": 210,
    "roomQuestionLabel": 20,
    "roomQuestion": 34,
    "roomCardTitle": 24,
    "roomCardText": 19,
    "roomHint": 14,
    "roomNote": 26,  # a revealed note's words
}
NO_WRAP = ("roomCountdown", "roomHint", "roomPhase")


@dataclass(frozen=True)
class TurnView:
    """What the room sees during a question round: whose turn, the question and their clock."""

    name: str
    question: str
    remaining_text: str
    caption: str = "Question round"
    state: str = "normal"
    silent: bool = False  # the silence after a new question: remaining_text counts it down


def _headline(rule: str) -> str:
    """The first sentence of a rule, which is the part a room can read from the back."""
    return rule.split(".")[0].strip()


class ProjectorWindow(QWidget):
    """A second top-level window that follows the session clock."""

    def __init__(self, session: Session, clock: SessionClock, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("projectorWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(f"{session.title} — projector")  # Qt appends " — studygroup"
        self.session, self.clock = session, clock
        self.question_index = -1  # -1: the phase's prompt; 0..n-1: a probing question
        self.turn: TurnView | None = None  # set while a question round runs; it takes the countdown
        self._labels: dict[str, list[QLabel]] = {}
        self._build()
        self._connect_actions()
        clock.listeners.append(self._on_clock_event)
        self.destroyed.connect(partial(unsubscribe, clock.listeners, self._on_clock_event))
        self.flash_timer = make_timer(self, 1500, single_shot=True)
        self.flash_timer.timeout.connect(self._on_flash_timer_timeout)
        self._draw_hint()
        self.refresh()

    def _label(self, role: str, text: str = "", **kwargs) -> QLabel:
        # Every room label may carry user text (names, prompts, the card, the rules): shown as typed.
        label = QLabel(
            text, objectName=role, wordWrap=role not in NO_WRAP, textFormat=Qt.TextFormat.PlainText, **kwargs
        )
        if role != "roomCountdown":
            # Text never shrinks below what it needs; the countdown gives up space instead.
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._labels.setdefault(role, []).append(label)
        return label

    def _build(self) -> None:
        self.phase_label = self._label("roomPhase")
        self.countdown = self._label("roomCountdown", alignment=Qt.AlignmentFlag.AlignCenter)
        self.countdown.setAccessibleName("Time left in this phase")
        self.countdown.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.question_label = self._label("roomQuestionLabel")
        self.question_label.setProperty("muted", True)
        self.question = self._label("roomQuestion")
        self.hint = self._label("roomHint")
        for muted in (self.question_label, self.hint):
            muted.setObjectName("roomMuted")
        room = QWidget()
        layout = QVBoxLayout(room)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(18)
        layout.addWidget(self.phase_label)
        layout.addWidget(self.countdown, 1)
        layout.addWidget(self.question_label)
        layout.addWidget(self.question)
        cards = QHBoxLayout()
        cards.setSpacing(24)
        cards.addWidget(self._persona_card(), 3)
        cards.addWidget(self._rules_card(), 2)
        layout.addLayout(cards)
        self.reveal_view = RevealView()
        self._labels.setdefault("roomPhase", []).append(self.reveal_view.step)
        self._labels.setdefault("roomQuestionLabel", []).append(self.reveal_view.where)
        self.pages = QStackedWidget()
        self.pages.addWidget(room)
        self.pages.addWidget(self.reveal_view)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(56, 40, 56, 28)
        outer.setSpacing(18)
        outer.addWidget(self.pages, 1)
        outer.addWidget(self.hint, 0, Qt.AlignmentFlag.AlignRight)

    def _card(self, title: str, lines: list[str]) -> QFrame:
        frame = QFrame(objectName="roomCard")
        frame.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        box = QVBoxLayout(frame)
        box.setContentsMargins(24, 18, 24, 18)
        box.addWidget(self._label("roomCardTitle", title))
        for line in lines:
            box.addWidget(self._label("roomCardText", line))
        return frame

    def _persona_card(self) -> QFrame:
        card = self.session.scenario
        return self._card(f"You are {card.company}", [card.who_they_are, f"You need to: {card.outcome_problem}"])

    def _rules_card(self) -> QFrame:
        card = self.session.scenario
        return self._card("Two rules", [f"1  {_headline(card.rule_one)}", f"2  {_headline(card.rule_two)}"])

    def _connect_actions(self) -> None:
        actions = build_actions(("next_question", "previous_question", "close_projector"), self)
        self.addActions(list(actions.values()))
        actions["next_question"].triggered.connect(self.next_question)
        actions["previous_question"].triggered.connect(self.previous_question)
        actions["close_projector"].triggered.connect(self.close)

    # --- questions -------------------------------------------------------------

    def next_question(self) -> None:
        """Step to the next probing question (stays on the last); while notes are revealed, page on."""
        if self.revealed:
            self.reveal_view.page_down()
        elif self.question_index < len(self.session.scenario.probing_questions) - 1:
            self.question_index += 1
            self.refresh()

    def previous_question(self) -> None:
        """Step back; before the first question comes the phase's prompt. While notes are revealed, page back."""
        if self.revealed:
            self.reveal_view.page_up()
        elif self.question_index > -1:
            self.question_index -= 1
            self.refresh()

    def current_text(self) -> tuple[str, str]:
        """(caption, text) of what the room is asked right now."""
        questions = self.session.scenario.probing_questions
        if self.question_index < 0:
            phase = self.clock.phase
            return "Prompt", phase.prompt if phase else ""
        return f"Question {self.question_index + 1} of {len(questions)}", questions[self.question_index]

    # --- the question round -------------------------------------------------------

    def show_turn(
        self,
        name: str,
        question: str,
        remaining_text: str,
        caption: str = "Question round",
        state: str = "normal",
        silent: bool = False,
    ) -> None:
        """Show a person's turn: their name, the round's question and their countdown (or the silence before it)."""
        self.turn = TurnView(name, question, remaining_text, caption, state, silent)
        self.refresh()

    def clear_turn(self) -> None:
        """Back to the phase countdown and the prompt or stepped question."""
        if self.turn is not None:
            self.turn = None
            self.refresh()

    # --- the share-out ----------------------------------------------------------------

    @property
    def revealed(self) -> bool:
        return self.pages.currentWidget() is self.reveal_view

    def reveal(self, groups: list[StepGroup], names: bool) -> None:
        """Show everyone's notes by journey step in place of the room view (again: new notes, names on or off)."""
        self.reveal_view.show_groups(groups, names, keep_step=self.revealed)
        self.pages.setCurrentWidget(self.reveal_view)
        self._draw_hint()

    def hide_notes(self) -> None:
        """Back to the room view."""
        self.pages.setCurrentIndex(0)
        self._draw_hint()

    def _draw_hint(self) -> None:
        paging = "more notes" if self.revealed else "questions"
        self.hint.setText(
            f"{shortcut_text(SPECS['next_question'])} / {shortcut_text(SPECS['previous_question'])}: {paging}"
            f"   ·   {shortcut_text(SPECS['close_projector'])}: close"
        )

    # --- following the clock -----------------------------------------------------

    def refresh(self) -> None:
        """Redraw from the clock (or the round's turn); the console's timer calls this while the window exists."""
        if self.turn is not None:
            self._draw_turn(self.turn)
            return
        phase = self.clock.phase
        self.phase_label.setText(phase.name if phase else self.session.title)
        ended = self.session.status == "ended"  # the last phase's leftover minutes mean nothing now
        self.countdown.setText("Ended" if ended else countdown_text(self.clock.phase_remaining()))
        self.countdown.setAccessibleName("Session ended" if ended else "Time left in this phase")
        set_state(self.countdown, "state", countdown_state(self.clock))
        caption, text = self.current_text()
        self.question_label.setText(caption)
        self.question.setText(text)

    def _draw_turn(self, turn: TurnView) -> None:
        if turn.silent:  # quiet: muted digits, and whose turn comes after
            self.phase_label.setText(f"Silence…  then {turn.name}")
            self.countdown.setAccessibleName("Seconds of silence left")
        else:
            self.phase_label.setText(f"Now answering: {turn.name}")
            self.countdown.setAccessibleName(f"Time left in {turn.name}'s turn")
        self.countdown.setText(turn.remaining_text)
        set_state(self.countdown, "state", "silence" if turn.silent else turn.state)
        self.question_label.setText(turn.caption)
        self.question.setText(turn.question)

    def _on_clock_event(self, event: str) -> None:
        if event == PHASE_CHANGED:
            self.question_index = -1  # a new phase starts with its own prompt
        if event in (ONE_MINUTE_LEFT, PHASE_TIME_UP):
            set_state(self.countdown, "flash", True)
            self.flash_timer.start()
        self.refresh()

    def _on_flash_timer_timeout(self) -> None:
        set_state(self.countdown, "flash", False)

    # --- window ------------------------------------------------------------------

    def resizeEvent(self, event) -> None:
        """Scale the type with the window so the back row can read it at any size."""
        super().resizeEvent(event)
        scale = max(0.4, min(self.width() / 1280, self.height() / 800))
        self.reveal_view.set_scale(max(14, round(BASE_SIZES["roomNote"] * scale)))
        for role, labels in self._labels.items():
            size = max(11, round(BASE_SIZES.get(role, 20) * scale))
            weight = 600 if role in ("roomPhase", "roomCountdown", "roomCardTitle") else 400
            for label in labels:
                label.setStyleSheet(f"font-size: {size}px; font-weight: {weight};")

    def show_on_best_screen(self) -> None:
        """Full screen on a second screen when there is one; otherwise a normal resizable window."""
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            here = self.parentWidget().screen() if self.parentWidget() else QGuiApplication.primaryScreen()
            target = next((s for s in screens if s.name() != here.name()), screens[-1])
            self.setGeometry(target.geometry())
            self.showFullScreen()
        else:
            if not self.isVisible():
                self.resize(1024, 640)
            self.showNormal()
        self.raise_()
