"""The facilitator lock as one service for a whole session: every guarded route asks it.

A row of the action table (ui.actions) with `facilitator=True` is guarded. While the session is
locked for participants, a guarded action always does the same thing: it asks for the PIN in one
dialog and, when the PIN is right, goes on. The session stays locked: the PIN lets that one action
through, so the laptop is never left open by a facilitator who forgot to lock it again. Only
Unlock (Ctrl+L) leaves participant mode.

After every prompt the cursor goes back where people type (`prompted` tells the Capture tab), so
the next sentence lands in the note box and never in a PIN box.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QSignalBlocker, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from studygroup.lock import FacilitatorLock, PinBackoff, PinStore
from ui import dialogs
from ui.action_table import SPECS

PIN_TITLE = "Facilitator PIN"
WRONG_PIN = "That PIN is not right. Try again, or Cancel:"


class FacilitatorGate(QObject):
    """Asks for the PIN before guarded actions while locked; without a store nothing is ever locked."""

    changed = Signal()  # locked or unlocked: pages redraw their lock-dependent parts
    prompted = Signal()  # a PIN prompt closed: the typing cursor goes back to the note box
    said = Signal(str, bool)  # a sentence about the lock for the status line, and whether it is a problem

    def __init__(self, store=None, now: Callable[[], float] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.lock = FacilitatorLock(PinStore(store, now or time.time)) if store is not None else None
        self.dialog_parent: QWidget | None = parent if isinstance(parent, QWidget) else None

    @property
    def locked(self) -> bool:
        return self.lock is not None and self.lock.locked

    def needs_pin(self, action_id: str) -> bool:
        """True when *action_id* (a row of the action table) would ask for the PIN now."""
        return SPECS[action_id].facilitator and self.locked

    def request(self, action_id: str) -> bool:
        """True when *action_id* may go ahead: it is open, nothing is locked, or the right PIN is given now."""
        if not self.needs_pin(action_id):
            return True
        try:
            return self._ask_pin(
                f"\u201c{SPECS[action_id].text}\u201d is for the facilitator: the session is "
                "locked for participants.\nFacilitator PIN:"
            )
        finally:
            self.prompted.emit()

    def guard(self, action_id: str, slot: Callable[[], object]) -> Callable[..., None]:
        """*slot* behind the lock: a callable for a signal that runs *slot* only when allowed."""

        def guarded(*_args) -> None:
            if self.request(action_id):
                slot()

        return guarded

    def wire(self, action: QAction, slot: Callable[..., object]) -> None:
        """Run *slot* when *action* is triggered and allowed (checkable: with the new state, or undo the tick)."""

        def on_triggered(checked: bool = False) -> None:
            if self.request(action.objectName()):
                slot(checked) if action.isCheckable() else slot()
            elif action.isCheckable():
                with QSignalBlocker(action):
                    action.setChecked(not checked)  # refused: the tick goes back as it was

        action.triggered.connect(on_triggered)

    # --- locking and unlocking ------------------------------------------------------

    def lock_now(self) -> None:
        self.lock.lock()
        self.said.emit(
            "Locked for participants: the clock, ending, the facilitator's name, others' notes, "
            "export and quitting need the PIN.",
            False,
        )
        self.changed.emit()

    def unlock(self) -> bool:
        """Ask for the PIN and leave participant mode; True when unlocked."""
        try:
            unlocked = self._ask_pin("Facilitator PIN to unlock:")
        finally:
            self.prompted.emit()
        if unlocked:
            self.lock.pins.participant_mode = False
            self.said.emit("Unlocked.", False)
            self.changed.emit()
        return unlocked

    def _ask_pin(self, label: str) -> bool:
        """One dialog, asked again after a wrong PIN until it is right, cancelled or backing off."""
        while True:
            pin = dialogs.ask_pin(self.dialog_parent, PIN_TITLE, label)
            if pin is None:
                return False
            try:
                if self.lock.pins.check_pin(pin):
                    return True
            except PinBackoff as exc:
                self.said.emit(str(exc), True)
                dialogs.inform(self.dialog_parent, PIN_TITLE, str(exc))
                return False
            self.said.emit("That PIN is not right.", True)
            label = WRONG_PIN
