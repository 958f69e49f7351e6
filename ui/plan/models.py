"""The plan page's tables: the group (name, discipline, role) and the agenda (phase, minutes, prompt)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from studygroup import agenda
from studygroup.model import Participant, Phase
from studygroup.planning import LONGEST_PHASE_MINUTES
from ui.session_models import ListTableModel

_Index = QModelIndex | QPersistentModelIndex
EDITABLE = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsEditable


class RoleDelegate(QStyledItemDelegate):
    """Edits a role with the card's roles offered in a list; any other role can still be typed."""

    def __init__(self, roles: Callable[[], list[str]], parent=None):
        super().__init__(parent)
        self.roles = roles

    def createEditor(self, parent, option, index):
        editor = QComboBox(parent, editable=True)
        editor.addItems(self.roles())
        editor.setAccessibleName("Role")
        return editor

    def setEditorData(self, editor: QComboBox, index) -> None:
        editor.setCurrentText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor: QComboBox, model, index) -> None:
        model.setData(index, editor.currentText().strip(), Qt.ItemDataRole.EditRole)


class ParticipantTableModel(ListTableModel):
    """The session's group: name, discipline and role, all editable in place."""

    COLUMNS = ("Name", "Discipline or team", "Role")
    FIELDS = ("name", "discipline", "role")

    @property
    def people(self) -> list[Participant]:
        """The group itself, not a copy: the rows edit these participants in place."""
        return self.items

    def set_people(self, people: list[Participant]) -> None:
        self.set_items(people)

    def roles_changed(self) -> None:
        """Tell the views that roles were dealt again (the role column changed in place)."""
        if self.people:
            self.dataChanged.emit(self.index(0, 2), self.index(len(self.people) - 1, 2))

    def flags(self, index: _Index):
        return EDITABLE if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return getattr(self.people[index.row()], self.FIELDS[index.column()])
        return None

    def setData(self, index: _Index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        setattr(self.people[index.row()], self.FIELDS[index.column()], str(value))
        self.dataChanged.emit(index, index)
        return True


class PhaseTableModel(ListTableModel):
    """The agenda being planned: name, minutes and the prompt for the room, in order."""

    COLUMNS = ("Phase", "Minutes", "Prompt for the room")

    @property
    def phases(self) -> list[Phase]:
        return self.items

    def set_phases(self, phases: list[Phase]) -> None:
        self.set_items(phases)

    def move(self, row: int, step: int) -> bool:
        """Swap a phase with its neighbour; False at either end."""
        target = row + step
        if not (0 <= row < len(self.phases) and 0 <= target < len(self.phases)):
            return False
        # Qt's destination is the row the item lands before, counted before the move.
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + 1 if step > 0 else target)
        self.phases.insert(target, self.phases.pop(row))
        self.endMoveRows()
        return True

    def total_minutes(self) -> float:
        return agenda.total_minutes(self.phases)

    def flags(self, index: _Index):
        return EDITABLE if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        phase = self.phases[index.row()]
        if role == Qt.ItemDataRole.EditRole and index.column() == 1:
            return int(phase.planned_minutes)  # an int gives a spin box editor
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (phase.name, f"{phase.planned_minutes:g}", phase.prompt)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: _Index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        phase = self.phases[index.row()]
        if index.column() == 1:
            try:
                minutes = float(value)
            except (TypeError, ValueError):
                return False
            if not 0 < minutes <= LONGEST_PHASE_MINUTES:
                return False
            phase.planned_minutes = minutes
        else:
            setattr(phase, ("name", None, "prompt")[index.column()], str(value))
        self.dataChanged.emit(index, index)
        return True
