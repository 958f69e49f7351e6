"""The plan's persona card: chosen from the library, or written or edited as a copy and saved there.

The user's own cards can also be renamed and deleted here (built-in ones are read-only); a deleted card
is kept aside (studygroup.own_cards) so "Undo delete" brings it back while the page is open.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from studygroup import own_cards, scenarios
from studygroup.errors import PlanLibraryError
from studygroup.model import Scenario
from ui import dialogs
from ui.plan.card_editor import ScenarioEditor, card_text
from ui.plan.widgets import OWN_MARK, PlanCommands, PlanSection, add_field, plain_label


class ScenarioPanel(PlanSection):
    """The library's cards in a list with a preview; "Edit a copy…" and "New card…" swap in the editor."""

    card_chosen = Signal()  # another library card is the session's: roles are dealt from it

    def __init__(self, commands: PlanCommands, parent=None):
        super().__init__(parent)
        self.commands = commands
        self.library: list[Scenario] = []
        self.library_problems: list[str] = []
        self.editing, self.editor_key, self._chosen_index = False, "", -1
        self.deleted: own_cards.DeletedCard | None = None  # the card "Undo delete" brings back
        # The page shows the product beside the lingo; it belongs to the card the session uses.
        self.product_edit = QLineEdit()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.combo = add_field(form, "&Scenario", QComboBox(), "The persona card the group plays")
        layout.addLayout(form)
        self.preview = plain_label(object_name="scenarioPreview")
        self.preview.setAccessibleName("Scenario preview")
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.editor = ScenarioEditor()
        self.editor.hide()
        layout.addWidget(self.preview)
        layout.addWidget(self.editor)
        self.library_note = plain_label(object_name="hint")
        self.library_note.setAccessibleName("Scenario library notice")
        layout.addWidget(self.library_note)
        layout.addLayout(
            commands.row(
                (
                    ("edit_copy", self.edit_copy),
                    ("new_card", self.new_card),
                    ("save_card", self.save_card),
                    ("rename_card", self.rename_card),
                    ("delete_card", self.delete_card),
                    ("undo_delete_card", self.undo_delete),  # shown after a delete only
                )
            )
        )
        self.combo.currentIndexChanged.connect(self._on_combo_index_changed)
        self._show_undo()

    def reload(self, select_key: str = "") -> None:
        """Re-read the library and select *select_key* (or keep the current card); ends editing."""
        self._leave_editor()
        keep = select_key or (self.current_card().key if self.library else "")
        self.library_problems = []
        self.library = scenarios.load_library(self.library_problems)
        self.combo.blockSignals(True)
        self.combo.clear()
        for card in self.library:
            self.combo.addItem(card.company + (OWN_MARK if scenarios.is_user_card(card.key) else ""), card.key)
        index = max(0, self.combo.findData(keep)) if keep else 0
        self.combo.setCurrentIndex(index)
        self.combo.blockSignals(False)
        self.say("")
        self._on_combo_index_changed(index)

    def say(self, sentence: str) -> None:
        """Show *sentence* under the card, after any card files the library skipped."""
        self.library_note.setText(" ".join([*self.library_problems, sentence]).strip())

    def current_card(self) -> Scenario:
        """The card chosen in the list (an empty card when the library is empty)."""
        index = self.combo.currentIndex()
        return self.library[index] if 0 <= index < len(self.library) else Scenario("", "", "")

    def card(self) -> Scenario:
        """The card this session will use: the edited copy, or a copy of the chosen library card."""
        product = self.product_edit.text().strip()
        if self.editing:
            return self.editor.scenario(product=product, key=self.editor_key)
        return dataclasses.replace(self.current_card(), product=product)

    def field_widget(self, field: str) -> QWidget:
        """Where *field* of the card is typed: the product box, the editor's box, or the card list."""
        if field == "product":
            return self.product_edit
        return self.editor.field_widget(field) if self.editing else self.combo

    def show_card(self, card: Scenario) -> None:
        """Choose *card*: its library card when it is there unchanged, else a copy of it to edit."""
        self.reload(select_key=card.key)
        chosen = self.current_card()
        if dataclasses.replace(chosen, product=card.product) != card:
            self._enter_editor(card)
        self.product_edit.setText(card.product)

    def edit_copy(self) -> None:
        self._enter_editor(dataclasses.replace(self.current_card(), key=""))

    def new_card(self) -> None:
        self._enter_editor(Scenario(company="", who_they_are="", outcome_problem=""))

    def save_card(self) -> None:
        """Save the edited card into the user's library and select it."""
        if not self.editing:
            self.problem_found.emit(
                "Choose “Edit a copy…” or “New card…” first, then save the card to the library.",
                self.commands.buttons["edit_copy"],
            )
            return
        card = self.card()
        problem = scenarios.card_problem(card)  # the rule save_to_library holds to, asked first to focus the field
        if problem is not None:
            self.problem_found.emit(problem.sentence, self.field_widget(problem.field))
            return
        try:
            scenarios.save_to_library(card)
        except OSError as exc:
            self.problem_found.emit(
                f"The card could not be saved: {exc.strerror or exc}.", self.commands.buttons["save_card"]
            )
            return
        self.problem_solved.emit()
        self.reload(select_key=card.key)
        self.say(f"Saved “{card.company}” to your library.")

    def rename_card(self) -> None:
        """Ask for another company name for the user's own card and write it into the card's file."""
        card = self.current_card()
        name = dialogs.ask_text(self, "Rename card", "Company name for this card:", card.company)
        if name is None:
            return
        try:
            renamed = own_cards.rename_card(card.key, name)
        except (PlanLibraryError, OSError) as exc:
            self._refused("rename_card", exc)
            return
        self.problem_solved.emit()
        self.reload(select_key=renamed.key)
        self.say(f"Renamed the card to “{renamed.company}”.")

    def delete_card(self) -> None:
        """Move the user's own card out of the library, choose its neighbour, and offer Undo."""
        card, index = self.current_card(), self.combo.currentIndex()
        neighbours = [c.key for c in self.library if c.key != card.key]
        try:
            self.deleted = own_cards.delete_card(card.key)
        except (PlanLibraryError, OSError) as exc:
            self._refused("delete_card", exc)
            return
        self.problem_solved.emit()
        self.reload(select_key=neighbours[min(index, len(neighbours) - 1)] if neighbours else "")
        self.say(f"Deleted “{self.deleted.company}” from your library; sessions planned with it keep their copy.")
        self._show_undo()

    def undo_delete(self) -> None:
        """Bring back the card deleted last and choose it."""
        if self.deleted is None:
            return
        try:
            key = own_cards.restore_card(self.deleted)
        except OSError as exc:
            self._refused("undo_delete_card", exc)
            return
        company, self.deleted = self.deleted.company, None
        self._show_undo()
        self.reload(select_key=key)
        self.say(f"Brought back “{company}”.")

    def _refused(self, action_id: str, exc: PlanLibraryError | OSError) -> None:
        """A refusal as one sentence under the plan, the command's button focused."""
        sentence = f"The card could not be changed: {exc.strerror or exc}." if isinstance(exc, OSError) else str(exc)
        self.problem_found.emit(sentence, self.commands.buttons[action_id])

    def _show_undo(self) -> None:
        self.commands.buttons["undo_delete_card"].setVisible(self.deleted is not None)
        self.commands.set_enabled("undo_delete_card", self.deleted is not None)

    def _update_own_card_commands(self) -> None:
        """Rename and delete only for the user's own card, and not while a copy is being edited."""
        own = not self.editing and scenarios.is_user_card(self.current_card().key)
        for action_id in ("rename_card", "delete_card"):
            self.commands.set_enabled(action_id, own)

    def _enter_editor(self, card: Scenario) -> None:
        self.editing, self.editor_key = True, card.key
        self.editor.set_scenario(card)
        self.preview.hide()
        self.editor.show()
        self.editor.company.setFocus()
        self._update_own_card_commands()

    def _leave_editor(self) -> None:
        self.editing, self.editor_key = False, ""
        self.editor.hide()
        self.preview.show()
        self._update_own_card_commands()

    def _on_combo_index_changed(self, index: int) -> None:
        if self.editing and self._chosen_index != index and not self._discard_edits():
            self.combo.blockSignals(True)
            self.combo.setCurrentIndex(self._chosen_index)
            self.combo.blockSignals(False)
            return
        self._chosen_index = index
        self._leave_editor()
        card = self.current_card()
        self.preview.setText(card_text(card))
        self.product_edit.setText(card.product)
        self.card_chosen.emit()

    def _discard_edits(self) -> bool:
        return dialogs.ask_yes_no(
            self,
            "Discard the edited card?",
            "Choosing another card drops the card you are editing."
            " Save it to the library first to keep it. Discard it?",
        )
