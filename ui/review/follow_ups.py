"""The Review tab's follow-ups: every live note with its tick box, and each follow-up's owner, status and link."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from studygroup.followups import status_words
from studygroup.model import KIND_LABELS, FollowUpState, Observation, Session
from studygroup.summary import clock_text, is_follow_up
from ui.plain_text import plain_tooltip
from ui.session_models import ListTableModel

_Index = QModelIndex | QPersistentModelIndex
STATE, NOTE = 4, 5  # the columns of the follow-up's state and of the note (last: it takes the room left)


class FollowUpModel(ListTableModel):
    """Every live note with a tick box for follow-up; ticking writes to the store at once."""

    COLUMNS = ("Follow up", "Time", "Who", "Kind", "State", "Note")
    ticked = Signal(str, bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.session: Session | None = None
        self.states: dict[str, FollowUpState] = {}
        self.may_tick: Callable[[], bool] = lambda: True  # the facilitator lock, asked before a tick changes

    @property
    def notes(self) -> list[Observation]:
        return self.items

    def set_notes(self, session: Session, notes: list[Observation], states: dict[str, FollowUpState]) -> None:
        self.session, self.states = session, states
        self.set_items(notes)

    def state(self, note: Observation) -> FollowUpState:
        return self.states.get(note.id) or FollowUpState(note.id)

    def flags(self, index: _Index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else base

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        note = self.notes[index.row()]
        if index.column() == 0 and role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if is_follow_up(note) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole and index.column() > 0:
            values = (
                clock_text(note.session_seconds),
                self.session.author_name(note.author_id),
                KIND_LABELS.get(note.kind, note.kind),
                self.state_text(note),
                " ".join(note.text.split())[:300],
            )
            return values[index.column() - 1]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(note, index.column())
        return None

    def state_text(self, note: Observation) -> str:
        """ "filed · Ada · linked" for a follow-up; nothing for a note nobody follows up."""
        if not is_follow_up(note):
            return ""
        state = self.state(note)
        parts = [status_words(state.status)] + [state.owner] * bool(state.owner) + ["linked"] * bool(state.link)
        return " · ".join(parts)

    def _tooltip(self, note: Observation, column: int) -> str | None:
        if column == NOTE:
            return plain_tooltip(note.text)  # the cell elides a long note
        if column == STATE and is_follow_up(note):
            state = self.state(note)
            said = [f"Status: {status_words(state.status)}", f"Owner: {state.owner or 'nobody yet'}"]
            return plain_tooltip("\n".join(said + ([f"Link: {state.link}"] if state.link else [])))
        if note.kind == "idea":
            return "Ideas for later are always follow-ups."
        return None

    def setData(self, index: _Index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        if not self.may_tick():
            return False
        note = self.notes[index.row()]
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.ticked.emit(note.id, checked)
        note.follow_up = checked
        self.dataChanged.emit(index, self.index(index.row(), STATE))  # the state shows for follow-ups only
        return True
