"""The plan's persona card: chosen from the library, or written or edited as a copy and saved there."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from studygroup import scenarios
from studygroup.model import Scenario
from ui import dialogs
from ui.plan.card_editor import ScenarioEditor, card_text
from ui.plan.widgets import PlanCommands, PlanSection, add_field, plain_label


class ScenarioPanel(PlanSection):
    """The library's cards in a list with a preview; "Edit a copy…" and "New card…" swap in the editor."""

    card_chosen = Signal()  # another library card is the session's: roles are dealt from it

    def __init__(self, commands: PlanCommands, parent=None):
        super().__init__(parent)
        self.commands = commands
        self.library: list[Scenario] = []
        self.library_problems: list[str] = []
        self.editing, self.editor_key, self._chosen_index = False, "", -1
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
        layout.addWidget(self.library_note)
        layout.addLayout(
            commands.row((("edit_copy", self.edit_copy), ("new_card", self.new_card), ("save_card", self.save_card)))
        )
        self.combo.currentIndexChanged.connect(self._on_combo_index_changed)

    def reload(self, select_key: str = "") -> None:
        """Re-read the library and select *select_key* (or keep the current card); ends editing."""
        self._leave_editor()
        keep = select_key or (self.current_card().key if self.library else "")
        self.library_problems = []
        self.library = scenarios.load_library(self.library_problems)
        self.combo.blockSignals(True)
        self.combo.clear()
        for card in self.library:
            self.combo.addItem(card.company, card.key)
        index = max(0, self.combo.findData(keep)) if keep else 0
        self.combo.setCurrentIndex(index)
        self.combo.blockSignals(False)
        self.library_note.setText(" ".join(self.library_problems))
        self._on_combo_index_changed(index)

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
        self.library_note.setText(f"Saved “{card.company}” to your library.")

    def _enter_editor(self, card: Scenario) -> None:
        self.editing, self.editor_key = True, card.key
        self.editor.set_scenario(card)
        self.preview.hide()
        self.editor.show()
        self.editor.company.setFocus()

    def _leave_editor(self) -> None:
        self.editing, self.editor_key = False, ""
        self.editor.hide()
        self.preview.show()

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
