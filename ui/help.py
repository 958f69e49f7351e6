"""The Help menu and its keyboard sheet: every key of the app, read from the tables that bind them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from studygroup.model import KIND_LABELS, SEVERITY_WORDS
from ui.action_table import ACTIONS, SCOPES, SPECS
from ui.actions import shortcut_text, tooltip
from ui.capture.widgets import KIND_LETTERS

SHEET_TITLE = "Keyboard shortcuts"
HOME, RUN, PROJECTOR, ROUND, CAPTURE, LOCK, REVIEW, PLAN = SCOPES.values()


# Keys bound in the pages' own code rather than in a table; the sheet test checks them against the Capture tab.
# Capture's single commands (Keep as Idea, Edit, Delete, Undo delete) are rows of the action table; its key
# families (people, kinds, severities), the note box's own keys and the mnemonics of its fields are listed here.
SESSION_TABS = (
    ("Alt+R", "The Run tab: clock and agenda"),
    ("Alt+P", "The Capture tab: write notes"),
    ("Alt+V", "The Review tab: numbers, charts, follow-ups and export"),
)
CAPTURE_PEOPLE = (("Ctrl+1 … Ctrl+9", "Write as person 1 to 9, in the order of the person bar"),)
CAPTURE_WRITING = (
    ("Enter", "Save the note (in the note box or the journey step)"),
    ("Shift+Enter", "Start a new line in the note"),
    ("Esc", "Stop editing a saved note; your draft comes back"),
    ("Alt+J", "Go to the journey step"),
    ("Alt+E", "Show or hide \u201cI expected / what happened\u201d"),
    ("Alt+X", "Go to \u201cI expected\u201d"),
    ("Alt+H", "Go to \u201cWhat happened\u201d"),
    ("Alt+N", "Go to My notes"),
    ("Alt+U", "Private capture on or off"),
    ("Alt+O / Alt+K / Alt+A / Alt+T", "Filter the facilitator's live feed by person, kind, phase or step"),
)
REVIEW_KEYS = (("Space", "Tick or untick the selected follow-up"),)
MNEMONIC_NOTE = "Underlined letters: hold Alt and press the letter to jump to that field, tab or button."


def native(keys: str) -> str:
    """Keys as the user's platform writes them; "A … B" and "A / B" keep their joins."""
    for joint in (" … ", " / "):
        if joint in keys:
            return joint.join(native(part) for part in keys.split(joint))
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def sheet_groups() -> list[tuple[str, list[tuple[str, str]]]]:
    """Every key of the app as (group, [(keys, what it does)]), in the order the sheet shows them."""
    groups: dict[str, list[tuple[str, str]]] = {name: [] for name in (HOME, RUN, PROJECTOR, ROUND)}
    groups[CAPTURE] = list(CAPTURE_PEOPLE)
    for spec in ACTIONS:
        if spec.shortcut:  # rows reached only by a button, chip or tick box have no key to list
            groups.setdefault(SCOPES[spec.scope], []).append((shortcut_text(spec), spec.tooltip))
    groups[HOME] += list(SESSION_TABS)
    groups[CAPTURE] += _kind_and_severity_keys() + list(CAPTURE_WRITING)
    groups[REVIEW] += list(REVIEW_KEYS)
    order = tuple(SCOPES.values())
    return [(name, [(native(k), what) for k, what in groups[name]]) for name in order if groups.get(name)]


def _kind_and_severity_keys() -> list[tuple[str, str]]:
    kinds = [(f"Alt+{letter}", f"Kind: {KIND_LABELS[kind]}") for letter, kind in KIND_LETTERS.items()]
    return kinds + [(f"Alt+{n}", f"Severity {n}: {words}") for n, words in SEVERITY_WORDS.items()]


def sheet_model(parent=None) -> QStandardItemModel:
    """A read-only two-column tree: one row per group, the keys and what they do under it."""
    model = QStandardItemModel(parent)
    model.setHorizontalHeaderLabels(["Keys", "What they do"])
    for group, rows in sheet_groups():
        heading = _cell(group)
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        for keys, what in rows:
            heading.appendRow([_cell(keys), _cell(what)])
        model.appendRow(heading)
    return model


def _cell(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setToolTip(text)  # a narrow window cuts long descriptions short
    return item


class KeyboardSheet(QDialog):
    """A non-modal window listing every key; it stays open beside the app and Esc closes it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="keyboardSheet", windowTitle=SHEET_TITLE)
        self.setAccessibleName(SHEET_TITLE)
        self.setModal(False)  # people look keys up while they use the app
        self.model = sheet_model(self)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Every key of the app, by page")
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setRootIsDecorated(False)
        for row in range(self.model.rowCount()):
            self.view.setFirstColumnSpanned(row, self.view.rootIndex(), True)
        self.view.expandAll()
        self.view.resizeColumnToContents(0)
        note = QLabel(MNEMONIC_NOTE, textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        room = self.screen().availableGeometry()  # the laptop in the room is 1366x768: never taller than it
        self.resize(min(900, room.width() - 40), min(760, room.height() - 80))

    def keys(self) -> list[tuple[str, str]]:
        """Every (keys, what they do) row on the sheet, top to bottom."""
        return [
            (group.child(r, 0).text(), group.child(r, 1).text())
            for group in (self.model.item(g) for g in range(self.model.rowCount()))
            for r in range(group.rowCount())
        ]


def show_keyboard_sheet(window: QWidget) -> KeyboardSheet:
    """Open the sheet over *window*, or bring the open one to the front."""
    sheet = window.findChild(KeyboardSheet, "keyboardSheet") or KeyboardSheet(window)
    sheet.show()
    sheet.raise_()
    sheet.activateWindow()
    return sheet


class KeyboardSheetAction(QAction):
    """Help > Keyboard shortcuts on F1, opening the sheet over the window that owns the action."""

    def __init__(self, window: QMainWindow):
        spec = SPECS["keyboard_sheet"]
        super().__init__(spec.text, window, objectName=spec.id)
        self.setShortcut(QKeySequence(spec.shortcut))
        self.setToolTip(tooltip(spec))
        self.setStatusTip(spec.tooltip)
        # A method, not a lambda holding the window: the window must not outlive its last Python reference.
        self.triggered.connect(self._on_triggered)

    def _on_triggered(self) -> None:
        show_keyboard_sheet(self.parent())


def add_help_menu(window: QMainWindow) -> QAction:
    """A Help menu with the keyboard sheet on F1, which works on every page of *window*."""
    action = KeyboardSheetAction(window)
    window.addAction(action)  # F1 works even where the menu bar is not shown
    # No mnemonic: Alt+H already jumps to "Phases" (plan) and "What happened" (Capture).
    window.menuBar().addMenu("Help").addAction(action)
    return action
