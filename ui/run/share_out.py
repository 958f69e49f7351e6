"""The share-out's commands on the Run tab: reveal everyone's notes on the projector, with or without names.

Private capture keeps each person's notes to themselves; revealing is the facilitator's deliberate
act (both commands ask for the PIN while the session is locked). The grouping is the core's
(studygroup.share_out); the projector shows it (ui.run.reveal).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from studygroup.share_out import StepGroup, share_out
from ui.actions import build_actions

IDS = ("reveal_notes", "names_on_projector")
REVEAL_TEXT, HIDE_TEXT = "Reveal notes on projector", "Hide notes"


class ShareOutControls(QObject):
    """Owns the reveal and names state; the console shows its two buttons."""

    def __init__(self, console: Any):
        """*console* is the Run tab (ui.run.console.RunConsole), which builds these controls: not imported
        here, so the console can import this module without a circle."""
        super().__init__(console)
        self.console = console
        self.actions_by_id = build_actions(IDS, console)
        console.addActions(list(self.actions_by_id.values()))
        console.actions_by_id.update(self.actions_by_id)
        console.gate.wire(self.actions_by_id["reveal_notes"], self.set_revealed)
        console.gate.wire(self.actions_by_id["names_on_projector"], self.set_names)

    @property
    def revealed(self) -> bool:
        return self.actions_by_id["reveal_notes"].isChecked()

    @property
    def names(self) -> bool:
        return self.actions_by_id["names_on_projector"].isChecked()

    def set_revealed(self, revealed: bool) -> None:
        """Reveal on the projector (opening it when closed), or go back to its room view."""
        action = self.actions_by_id["reveal_notes"]
        action.setChecked(revealed)
        action.setText(HIDE_TEXT if revealed else REVEAL_TEXT)
        self.console.buttons["reveal_notes"].setAccessibleName(action.text())
        if revealed:
            self.console.show_projector().reveal(self.groups(), self.names)
        elif self.console.projector is not None:
            self.console.projector.hide_notes()

    def set_names(self, names: bool) -> None:
        """Names on or off; notes already on the projector are shown again at once."""
        self.actions_by_id["names_on_projector"].setChecked(names)
        if self.revealed and self.console.projector is not None:
            self.console.projector.reveal(self.groups(), names)

    def groups(self) -> list[StepGroup]:
        """The session's live notes as they are now, grouped for the room."""
        store, session = self.console.store, self.console.session
        assert store is not None  # the console builds these controls only with a store
        return share_out(session, store.observations(session.id), self.names)
