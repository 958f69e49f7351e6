"""The declarative action table: one row per command, built into QActions by id."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence

from studygroup.resources import resource_path


@dataclass(frozen=True)
class ActionSpec:
    """One command: what it says, its key and its icon (a file stem in resources/icons)."""

    id: str
    text: str
    shortcut: str
    tooltip: str
    icon: str
    checkable: bool = False


# Ctrl+1..9 and Alt+letters belong to the Capture tab (people and note kinds), so none here.
ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("new_session", "New session", "Ctrl+N", "Plan a new study-group session", "new"),
    ActionSpec("open_demo", "Open demo", "Ctrl+D", "Open the demo session (created the first time)", "demo"),
    ActionSpec("go_home", "Home", "Alt+Home", "Back to the list of sessions", "home"),
    ActionSpec("quit", "Quit", "Ctrl+Q", "Close studygroup; everything is already saved", "quit"),
    ActionSpec("start_pause", "Start", "Space", "Start, pause or resume the clock", "play"),
    ActionSpec("next_phase", "Next phase", "Ctrl+Right", "Move on to the next phase", "next"),
    ActionSpec("previous_phase", "Previous phase", "Ctrl+Left", "Go back to the previous phase", "previous"),
    ActionSpec("extend_1", "+1 min", "Ctrl+Up", "Give this phase one more minute", "plus"),
    ActionSpec("extend_5", "+5 min", "Ctrl+Shift+Up", "Give this phase five more minutes", "plus5"),
    ActionSpec("end_session", "End session", "Ctrl+E", "Stop the clock for good and go to the review", "stop"),
    ActionSpec("auto_advance", "Advance phases automatically", "Ctrl+Shift+A",
               "Move to the next phase by itself when time is up", "auto", checkable=True),
    ActionSpec("mute", "Mute chime", "Ctrl+M", "Silence the chime at one minute left and at time up", "mute",
               checkable=True),
    ActionSpec("projector", "Projector view", "Ctrl+P", "Open the big room view on the projector", "projector"),
    ActionSpec("next_question", "Next question", "PgDown", "Show the next probing question", "next"),
    ActionSpec("previous_question", "Previous question", "PgUp", "Show the previous question or the prompt",
               "previous"),
    ActionSpec("close_projector", "Close projector view", "Esc", "Close the projector view", "quit"),
    # The question round (Ctrl+Shift+R / Down are the plan page's too; the two are never on screen together).
    ActionSpec("question_round", "Question round", "Ctrl+Shift+Q",
               "Show the question round: each person gets a timed turn per question", "projector", checkable=True),
    ActionSpec("start_turn", "Start round", "Ctrl+Shift+R",
               "Start the round, pause this person's turn or carry it on", "play"),
    ActionSpec("next_person", "Next person", "Ctrl+Shift+Right",
               "End this turn and start the next person's (the next question after the last person)", "next"),
    ActionSpec("next_round_question", "Next question", "Ctrl+Shift+Down",
               "Skip the rest of this question and start the next one with the first person", "next"),
    ActionSpec("end_round", "End round", "Ctrl+Shift+End", "Stop the round; everyone's airtime stays recorded", "stop"),
)
SPECS = {spec.id: spec for spec in ACTIONS}


def icon(name: str) -> QIcon:
    """An icon from resources/icons by file stem."""
    return QIcon(str(resource_path("icons", f"{name}.svg")))


def shortcut_text(spec: ActionSpec) -> str:
    """The shortcut as the user's platform writes it."""
    return QKeySequence(spec.shortcut).toString(QKeySequence.SequenceFormat.NativeText)


def tooltip(spec: ActionSpec) -> str:
    """The tooltip with its shortcut, so the keyboard path is discoverable."""
    return f"{spec.tooltip} ({shortcut_text(spec)})"


def build_action(action_id: str, parent: QObject,
                 context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> QAction:
    """A QAction for one row of the table, owned by *parent*."""
    spec = SPECS[action_id]
    action = QAction(icon(spec.icon), spec.text, parent)
    action.setObjectName(spec.id)
    action.setShortcut(QKeySequence(spec.shortcut))
    action.setShortcutContext(context)
    action.setToolTip(tooltip(spec))
    action.setStatusTip(spec.tooltip)
    action.setCheckable(spec.checkable)
    return action


def build_actions(ids, parent: QObject) -> dict[str, QAction]:
    """QActions for several rows, keyed by id."""
    return {action_id: build_action(action_id, parent) for action_id in ids}
