"""The plan's group: people typed by hand or formed at random from the roster, with roles from the card."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QFormLayout, QPlainTextEdit, QSpinBox, QVBoxLayout

from studygroup import groups, roster
from studygroup.errors import StorageError
from studygroup.model import Participant, Scenario
from studygroup.storage.store import Store
from ui import dialogs
from ui.plan.models import ParticipantTableModel, RoleDelegate
from ui.plan.widgets import PlanCommands, PlanSection, add_and_edit, add_field, add_table, plain_label, remove_current


class PeoplePanel(PlanSection):
    """The group table and its commands, then the roster: paste or import names, form groups, pick one."""

    def __init__(self, store: Store, commands: PlanCommands, card: Callable[[], Scenario], parent=None):
        super().__init__(parent)
        self.store = store
        self.card = card  # the session's card, asked for its roles when they are dealt or offered
        self.commands = commands
        self.formed_groups: list[list[roster.RosterPerson]] = []
        self.model = ParticipantTableModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = add_table(self.model, "Pe&ople in this session", layout)
        self.table.setItemDelegateForColumn(2, RoleDelegate(self.card_roles, self.table))
        self.size_warning = plain_label(object_name="sizeWarning")
        layout.addWidget(self.size_warning)
        layout.addLayout(
            commands.row(
                (
                    ("add_person", self.add_person),
                    ("remove_person", self.remove_person),
                    ("deal_roles", self.deal_roles),
                )
            )
        )
        self._add_roster_fields(layout)
        self.roster_note = plain_label(object_name="hint")
        layout.addWidget(self.roster_note)
        layout.addLayout(
            commands.row(
                (
                    ("add_roster", self.add_pasted_roster),
                    ("import_roster", self.import_roster),
                    ("form_groups", self.form_random_groups),
                )
            )
        )
        self.group_combo.currentIndexChanged.connect(self._on_group_combo_index_changed)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._update_size_warning)

    def _add_roster_fields(self, layout: QVBoxLayout) -> None:
        form = QFormLayout()
        self.roster_edit = add_field(
            form, "&Roster", QPlainTextEdit(), "Paste lines of 'name, discipline' from a spreadsheet"
        )
        self.roster_edit.setTabChangesFocus(True)
        self.roster_edit.setFixedHeight(80)
        self.roster_edit.setPlaceholderText("Paste a roster: one 'name, discipline' per line")
        self.seed_spin = add_field(form, "S&eed", QSpinBox(), "The same roster and seed give the same groups")
        self.seed_spin.setRange(0, 999_999)
        self.group_combo = add_field(
            form, "&Which group", QComboBox(), "The group that takes part; the first has the most newcomers"
        )
        layout.addLayout(form)

    def reset(self, seed: int) -> None:
        """No group and an empty paste box; groups will be formed with *seed*."""
        self.roster_edit.clear()
        self.seed_spin.setValue(seed)
        self.model.set_people([])
        self._set_groups([])
        self._update_roster_note()

    def card_roles(self) -> list[str]:
        return self.card().roles

    def add_person(self) -> None:
        add_and_edit(self.table, Participant(name=""))

    def remove_person(self) -> None:
        remove_current(self.table)

    def deal_roles(self) -> None:
        """Give everyone a role from the card at random (the seed decides)."""
        groups.deal_roles(self.model.people, self.card_roles(), self.seed_spin.value())
        self.model.roles_changed()

    def add_pasted_roster(self) -> None:
        if self._add_to_roster(self.roster_edit.toPlainText(), "The pasted roster"):
            self.roster_edit.clear()

    def import_roster(self) -> None:
        path = dialogs.ask_open_path(self, "Import a roster", "CSV files (*.csv *.txt);;All files (*)")
        if path is None:
            return
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            self.problem_found.emit(
                f"The file {path.name} could not be read: {exc}.", self.commands.buttons["import_roster"]
            )
            return
        self._add_to_roster(text, f"The file {path.name}")

    def _add_to_roster(self, text: str, source: str) -> bool:
        """Parse, store and form groups; reports the one problem and returns False on bad input."""
        try:
            pairs = roster.parse_roster_csv(text)
        except ValueError as exc:
            self.problem_found.emit(f"{source} was not added. {exc}", self.roster_edit)
            return False
        if not pairs:
            self.problem_found.emit(f"{source} has no names; write one 'name, discipline' per line.", self.roster_edit)
            return False
        try:
            roster.add_people(self.store, pairs)
        except StorageError as exc:
            self.problem_found.emit(str(exc), self.roster_edit)
            return False
        self.problem_solved.emit()
        self.form_random_groups()
        return True

    def form_random_groups(self) -> None:
        """Split the roster into groups with the seed; the group with the most newcomers comes first."""
        people = roster.list_roster(self.store)
        if not people:
            self.problem_found.emit("The roster is empty; paste or import names first.", self.roster_edit)
            return
        self.problem_solved.emit()
        formed = groups.form_groups(people, self.seed_spin.value())
        best = groups.pick_group(formed)
        formed.insert(0, formed.pop(best))
        self._set_groups(formed)

    def _set_groups(self, formed: list[list[roster.RosterPerson]]) -> None:
        self.formed_groups = formed
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        for number, group in enumerate(formed, start=1):
            new = groups.newcomer_count(group)
            self.group_combo.addItem(f"Group {number} of {len(formed)}: {len(group)} people, {new} new")
        self.group_combo.setEnabled(bool(formed))
        self.group_combo.blockSignals(False)
        self._update_roster_note()
        if formed:
            self._on_group_combo_index_changed(0)

    def _on_group_combo_index_changed(self, index: int) -> None:
        if not 0 <= index < len(self.formed_groups):
            return
        people = [Participant(name=p.name, discipline=p.discipline, roster_id=p.id) for p in self.formed_groups[index]]
        self.model.set_people(people)
        self.deal_roles()

    def _update_roster_note(self) -> None:
        count = len(roster.list_roster(self.store))
        self.roster_note.setText(
            f"The roster has {count} {'person' if count == 1 else 'people'}." if count else "The roster is empty."
        )

    def _update_size_warning(self) -> None:
        self.size_warning.setText(groups.size_warning(self.model.rowCount()) or "")
