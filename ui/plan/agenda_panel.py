"""The plan's agenda: a template to start from, then phases to add, remove, reorder and time.

The template list holds the built-in templates and the user's own (studygroup.agenda); the agenda
can be saved as a template of one's own, and one's own renamed or deleted. Choosing a template
replaces the phases; saving, renaming or deleting one never touches them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QVBoxLayout

from studygroup import agenda
from studygroup.errors import PlanLibraryError
from studygroup.model import Phase
from studygroup.planning import agenda_problem
from ui import dialogs
from ui.plan.models import PhaseTableModel
from ui.plan.widgets import (
    OWN_MARK,
    PlanCommands,
    PlanSection,
    add_and_edit,
    add_field,
    add_table,
    plain_label,
    remove_current,
)


class AgendaPanel(PlanSection):
    """The phase table with its running total, and whether the clock moves on by itself."""

    def __init__(self, commands: PlanCommands, parent=None):
        super().__init__(parent)
        self.commands = commands
        self.model = PhaseTableModel(self)
        self.templates: dict[str, agenda.AgendaTemplate] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.template_combo = add_field(
            form, "Te&mplate", QComboBox(), "Start from a standard agenda or one of your own (marked “yours”)"
        )
        self.template_combo.setPlaceholderText("Your own agenda (not saved as a template)")
        layout.addLayout(form)
        layout.addLayout(
            commands.row(
                (
                    ("save_template", self.save_template),
                    ("rename_template", self.rename_template),
                    ("delete_template", self.delete_template),
                )
            )
        )
        self.template_note = plain_label(object_name="hint")
        self.template_note.setAccessibleName("Agenda template notice")
        layout.addWidget(self.template_note)
        self.table = add_table(self.model, "P&hases", layout)
        self.total_label = plain_label(object_name="agendaTotal")
        row = commands.row(
            (
                ("add_phase", self.add_phase),
                ("remove_phase", self.remove_phase),
                ("phase_up", lambda: self.move_phase(-1)),
                ("phase_down", lambda: self.move_phase(1)),
            )
        )
        row.addWidget(self.total_label)
        layout.addLayout(row)
        self.auto_advance_box = QCheckBox("&Advance phases automatically when time is up")
        self.auto_advance_box.setAccessibleName("Advance phases automatically")
        self.auto_advance_box.setToolTip("Otherwise the clock waits for you at the end of each phase (Alt+A)")
        layout.addWidget(self.auto_advance_box)
        self.template_combo.currentIndexChanged.connect(self._on_template_combo_index_changed)
        for signal in (self.model.dataChanged, self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._update_total)

    def reset(self) -> None:
        """The default template's phases; the clock waits at the end of each."""
        self.auto_advance_box.setChecked(False)
        self.reload_templates(agenda.DEFAULT_TEMPLATE)
        self.apply_template(agenda.DEFAULT_TEMPLATE)

    def show_phases(self, phases: list[Phase], auto_advance: bool) -> None:
        """These phases, as no template (the chooser shows its placeholder)."""
        self.reload_templates()
        self.model.set_phases(phases)
        self.auto_advance_box.setChecked(auto_advance)

    def reload_templates(self, select: str = "") -> None:
        """Read the templates again and show *select* (none: the placeholder); the phases stay as they are."""
        problems: list[str] = []
        listed = agenda.list_templates(problems)
        self.templates = {template.name: template for template in listed}
        combo = self.template_combo
        combo.blockSignals(True)
        combo.clear()
        for template in listed:
            if not template.builtin and combo.count() == len(agenda.TEMPLATES):
                combo.insertSeparator(combo.count())  # built-in above, the user's own below
            combo.addItem(template.name + ("" if template.builtin else OWN_MARK), template.name)
        combo.setCurrentIndex(combo.findData(select) if select else -1)
        combo.blockSignals(False)
        self._say(" ".join(problems))
        self._update_own_template_commands()

    def current_template(self) -> agenda.AgendaTemplate | None:
        """The template shown in the list, or None when the agenda is not (or no longer) one."""
        return self.templates.get(self.template_combo.currentData() or "")

    def apply_template(self, name: str) -> None:
        self.model.set_phases(self.templates[name].phases())

    def save_template(self) -> None:
        """Ask for a name and save the agenda as the user's own template (asking before replacing one)."""
        problem = agenda_problem(self.model.phases)
        if problem is not None:
            self.problem_found.emit(problem, self.table)
            return
        current = self.current_template()
        suggested = current.name if current is not None and not current.builtin else ""
        name = dialogs.ask_text(self, "Save as template", "Name for your agenda template:", suggested)
        if name is None or not self._may_replace(name):
            return
        self._change(
            "save_template",
            lambda: agenda.save_agenda_template(name, self.model.phases),
            "Saved the agenda as your template “{}”.",
        )

    def _may_replace(self, name: str) -> bool:
        existing = agenda.find_template(name)
        if existing is None or existing.builtin:
            return True  # nothing to replace; a built-in's name is refused in one sentence
        return dialogs.ask_yes_no(
            self,
            "Replace the template?",
            f"You already have a template called “{existing.name}”. Replace its phases with this agenda?",
        )

    def rename_template(self) -> None:
        """Ask for another name for the user's own template shown in the list."""
        current = self.current_template()
        if current is None or current.builtin:
            return
        name = dialogs.ask_text(self, "Rename template", "New name for your agenda template:", current.name)
        if name is not None:
            self._change(
                "rename_template",
                lambda: agenda.rename_agenda_template(current.name, name),
                "Renamed your template to “{}”.",
            )

    def delete_template(self) -> None:
        """Delete the user's own template shown in the list; the phases below stay, so it can be saved again."""
        current = self.current_template()
        if current is None or current.builtin:
            return
        try:
            agenda.delete_agenda_template(current.name)
        except (PlanLibraryError, OSError) as exc:
            self._refused("delete_template", exc)
            return
        self.problem_solved.emit()
        self.reload_templates()
        self._say(
            f"Deleted your template “{current.name}”."
            " The agenda below is unchanged: “Save as template…” saves it again."
        )

    def _change(self, action_id: str, change: Callable[[], agenda.AgendaTemplate], done: str) -> None:
        """Run a save or rename; show the renamed or saved template in the list, or say why it was refused."""
        try:
            template = change()
        except (PlanLibraryError, OSError) as exc:
            self._refused(action_id, exc)
            return
        self.problem_solved.emit()
        self.reload_templates(template.name)
        self._say(done.format(template.name))

    def _say(self, sentence: str) -> None:
        """A notice under the template buttons; no empty gap when there is none."""
        self.template_note.setText(sentence)
        self.template_note.setVisible(bool(sentence))

    def _refused(self, action_id: str, exc: PlanLibraryError | OSError) -> None:
        sentence = (
            f"The template could not be changed: {exc.strerror or exc}." if isinstance(exc, OSError) else str(exc)
        )
        self.problem_found.emit(sentence, self.commands.buttons[action_id])

    def _on_template_combo_index_changed(self, index: int) -> None:
        name = self.template_combo.itemData(index)
        if name in self.templates:
            self.apply_template(name)
        self._update_own_template_commands()

    def _update_own_template_commands(self) -> None:
        """Rename and delete only for the user's own template."""
        current = self.current_template()
        own = current is not None and not current.builtin
        for action_id in ("rename_template", "delete_template"):
            self.commands.set_enabled(action_id, own)

    def add_phase(self) -> None:
        add_and_edit(self.table, Phase("New phase", 5))

    def remove_phase(self) -> None:
        remove_current(self.table)

    def move_phase(self, step: int) -> None:
        """Move the current phase *step* rows (-1 earlier, 1 later), keeping it current."""
        current = self.table.currentIndex()
        if current.isValid() and self.model.move(current.row(), step):
            self.table.setCurrentIndex(self.model.index(current.row() + step, current.column()))

    def _update_total(self) -> None:
        self.total_label.setText(f"Total: {self.model.total_minutes():g} minutes")
