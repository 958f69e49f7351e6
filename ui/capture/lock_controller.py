"""The lock button and Change PIN on the Capture tab: locking, unlocking and setting the PIN.

The session's one FacilitatorGate does the asking for guarded actions; this controller adds the
PIN's own dialogs (set it the first time, change or remove it) and keeps the two buttons and
their actions (Ctrl+L, Ctrl+Shift+L) saying what a click would do now.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from studygroup.lock import PinBackoff
from ui import dialogs
from ui.actions import bind_button, build_actions
from ui.facilitator_gate import FacilitatorGate

LOCK_TIP = "Lock the clock, ending, the facilitator's name, others' notes, export and quitting behind a PIN"
UNLOCK_TIP = "Give the facilitator PIN to unlock"


class LockController(QObject):
    """The lock and Change PIN rows of the action table, their buttons, and the PIN dialogs."""

    said = Signal(str, bool)  # a sentence for the status line, and whether it is a problem
    refreshed = Signal()  # locked, unlocked or the PIN set or removed: the page redraws what depends on it
    prompted = Signal()  # a PIN dialog closed: the typing cursor goes back to the note box

    def __init__(self, gate: FacilitatorGate, page: QWidget):
        super().__init__(page)
        self.gate, self.lock, self.dialog_parent = gate, gate.lock, page
        self.actions_by_id = build_actions(("lock", "change_pin"), page)
        self.actions_by_id["lock"].triggered.connect(self._on_lock_triggered)
        self.actions_by_id["change_pin"].triggered.connect(self.change_pin)
        self.lock_button = QPushButton()
        self.lock_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click leaves the cursor in the note box
        bind_button(self.lock_button, self.actions_by_id["lock"])
        self.change_pin_button = QPushButton("Change PIN…")
        self.change_pin_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bind_button(self.change_pin_button, self.actions_by_id["change_pin"])
        gate.changed.connect(self.refresh)

    def _on_lock_triggered(self) -> None:
        """Ctrl+L and the lock button: unlock with the PIN, or lock (setting a PIN the first time)."""
        if self.gate.locked:
            self.gate.unlock()
            return
        if self.lock.pins.has_pin() or self._ask_new_pin():
            self.gate.lock_now()
        self.prompted.emit()

    def _ask_new_pin(self) -> bool:
        pin = dialogs.ask_pin(self.dialog_parent, "Set a facilitator PIN", "Choose a PIN (at least 4 characters):")
        return pin is not None and self._store_new_pin(pin)

    def _store_new_pin(self, pin: str) -> bool:
        """Confirm *pin* by asking for it again, then save it (as a salted hash)."""
        if dialogs.ask_pin(self.dialog_parent, "Set a facilitator PIN", "Type the PIN again:") != pin:
            self.said.emit("The two PINs differ; nothing was changed.", True)
            return False
        try:
            self.lock.pins.set_pin(pin)
        except ValueError as exc:
            self.said.emit(str(exc), True)
            return False
        return True

    def change_pin(self) -> bool:
        """Replace or remove the PIN; the current PIN is asked first. True when something changed."""
        if self.lock.locked or not self.lock.pins.has_pin():
            return False
        try:
            return self._change_pin()
        finally:
            self.prompted.emit()

    def _change_pin(self) -> bool:
        current = dialogs.ask_pin(self.dialog_parent, "Change PIN", "Current facilitator PIN:")
        if current is None:
            return False
        try:
            right = self.lock.pins.check_pin(current)
        except PinBackoff as exc:
            self.said.emit(str(exc), True)
            return False
        if not right:
            self.said.emit("That PIN is not right; the PIN stays as it was.", True)
            return False
        new = dialogs.ask_pin(self.dialog_parent, "Change PIN", "New PIN (leave empty to remove the PIN):")
        if new is None:
            return False
        if new == "":
            self.lock.pins.clear_pin()
            self.said.emit("The PIN is removed; nothing is locked until a new one is set.", False)
        elif not self._store_new_pin(new):
            return False
        else:
            self.said.emit("The PIN is changed.", False)
        self.refresh()
        return True

    def refresh(self) -> None:
        """Show what a click does now: lock or unlock, and Change PIN only when unlocked with a PIN set."""
        locked, has_pin = self.gate.locked, self.lock.pins.has_pin()
        self.actions_by_id["change_pin"].setEnabled(not locked and has_pin)
        self.change_pin_button.setVisible(not locked and has_pin)
        lock = self.actions_by_id["lock"]
        lock.setText("Unlock" if locked else "Lock for participants")
        lock.setToolTip((UNLOCK_TIP if locked else LOCK_TIP) + " (Ctrl+L)")
        self.lock_button.setText(lock.text() + "…")  # the key is the action's, so the text may change freely
        self.lock_button.setAccessibleName(lock.text())
        self.lock_button.setToolTip(lock.toolTip())
        self.refreshed.emit()
