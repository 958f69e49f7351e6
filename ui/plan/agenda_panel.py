"""The plan's agenda: a template to start from, then phases to add, remove, reorder and time."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QVBoxLayout, QWidget

from studygroup import agenda
from studygroup.model import Phase
from ui.plan.models import PhaseTableModel
from ui.plan.widgets import PlanCommands, add_and_edit, add_field, add_table, plain_label, remove_current


class AgendaPanel(QWidget):
    """The phase table with its running total, and whether the clock moves on by itself."""

    def __init__(self, commands: PlanCommands, parent=None):
        super().__init__(parent)
        self.model = PhaseTableModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.template_combo = add_field(form, "Te&mplate", QComboBox(), "Start from a standard agenda")
        self.template_combo.addItems(agenda.template_names())
        layout.addLayout(form)
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
        self.template_combo.currentTextChanged.connect(self.apply_template)
        for signal in (self.model.dataChanged, self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._update_total)

    def reset(self) -> None:
        """The default template's phases; the clock waits at the end of each."""
        self.auto_advance_box.setChecked(False)
        self.template_combo.setCurrentText(agenda.DEFAULT_TEMPLATE)
        self.apply_template(agenda.DEFAULT_TEMPLATE)

    def apply_template(self, name: str) -> None:
        self.model.set_phases(agenda.phases_from_template(name))

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
