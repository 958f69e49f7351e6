"""Every key of the Capture tab in one place: its rows of the action table, each bound where it has
always worked, and the three key families that the keyboard sheet lists as families."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QTableView

from studygroup.model import SEVERITY_WORDS, Session
from ui.actions import bind_button, build_action
from ui.capture.lock_controller import LockController
from ui.capture.note_form import NoteForm
from ui.capture.own_notes import OwnNotesPanel
from ui.capture.widgets import KIND_LETTERS, ChoiceRow
from ui.facilitator_gate import FacilitatorGate


class CapturePage(Protocol):
    """What the keys need of ui.capture.page.CapturePage, named here so the two files do not import each other."""

    session: Session
    gate: FacilitatorGate
    lock_ui: LockController
    form: NoteForm
    own_notes: OwnNotesPanel
    severity: ChoiceRow
    keep_as_idea: QAbstractButton
    edit_button: QAbstractButton
    delete_button: QAbstractButton
    undo_button: QAbstractButton
    notes_view: QTableView
    switch_author: Callable[[str | None], None]
    keep_as_idea_for_later: Callable[[], object]
    edit_selected: Callable[[], object]

    def addActions(self, actions: list[QAction]) -> None: ...  # Qt's camelCase name


WHILE_SHOWN = Qt.ShortcutContext.WindowShortcut  # the whole window, while the key's button shows
ON_PAGE = Qt.ShortcutContext.WidgetWithChildrenShortcut  # anywhere on the Capture tab
IN_WIDGET = Qt.ShortcutContext.WidgetShortcut  # in one widget only


def build_page_actions(page: CapturePage) -> dict[str, QAction]:
    """The page's rows of the action table, by id; each runs through the lock, which lets open rows by."""
    actions = dict(page.lock_ui.actions_by_id)
    page.addActions(list(actions.values()))
    for action_id, key_owner, context, slot, button in (
        ("write_as_facilitator", page, ON_PAGE, lambda: page.switch_author(None), None),
        ("keep_as_idea", page.keep_as_idea, WHILE_SHOWN, page.keep_as_idea_for_later, page.keep_as_idea),
        ("edit_own_note", page.edit_button, WHILE_SHOWN, page.edit_selected, page.edit_button),
        # Del deletes a note only in the list: in the note box it deletes a character.
        ("delete_note", page.notes_view, IN_WIDGET, page.own_notes.delete_selected, page.delete_button),
        # In a text field Ctrl+Z undoes typing: the field takes the key before the page does.
        ("undo_delete", page, ON_PAGE, page.own_notes.undo_delete, page.undo_button),
    ):
        action = build_action(action_id, key_owner, context)
        key_owner.addAction(action)
        page.gate.wire(action, slot)
        if button is not None:
            bind_button(button, action)
        actions[action_id] = action
    return actions


def build_key_families(page: CapturePage) -> None:
    """Ctrl+1..9 for the first nine people, Alt+letter for the kinds and Alt+digit for the severities."""
    for number, person in enumerate(page.session.participants[:9], start=1):
        _shortcut(page, f"Ctrl+{number}", lambda a=person.id: page.switch_author(a))
    for letter, kind in KIND_LETTERS.items():
        _shortcut(page, f"Alt+{letter}", lambda k=kind: page.form.choose_kind(k))
    for number in SEVERITY_WORDS:
        _shortcut(page, f"Alt+{number}", lambda n=number: page.severity.set_value(n))


def _shortcut(page: CapturePage, keys: str, slot) -> None:
    shortcut = QShortcut(QKeySequence(keys), page, context=ON_PAGE)
    shortcut.activated.connect(slot)
    # A window-wide mnemonic on the same key makes it ambiguous; act anyway, it is ours here.
    shortcut.activatedAmbiguously.connect(slot)
