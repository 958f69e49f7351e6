"""The question round's airtime table and its turn countdown's look, shared by the panel and its tests."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont

from studygroup.clock import countdown_level
from studygroup.palette import Palette
from studygroup.question_round import QuestionRound
from studygroup.summary import clock_text
from ui.plain_text import plain_tooltip

# Inline colours (from the palette in use) so the overtime style cannot be lost to a missing QSS rule.
COUNTDOWN_BASE = "font-size: 48px; font-weight: 600; padding: 0px 16px; border-radius: 10px;"


def countdown_style(state: str, palette: Palette) -> str:
    """The turn countdown's inline style for *state* (idle, silence or a countdown level) in *palette*."""
    colour = palette.muted if state in ("idle", "silence") else palette.countdown[state]
    background = f" background: {palette.overtime_background};" if state == "overtime" else ""
    return f"{COUNTDOWN_BASE} color: {colour};{background}"


def turn_state(rounds: QuestionRound | None) -> str:
    """idle, silence (before the turn after a new question), or the phase countdown's levels for this turn."""
    if rounds is None or rounds.finished:
        return "idle"
    if rounds.silent:
        return "silence"
    return countdown_level(rounds.turn_remaining(), rounds.turn_seconds)


class AirtimeModel(QAbstractTableModel):
    """One row per person: name and airtime so far, the open turn included; the speaker in bold."""

    HEADERS = ("Person", "Airtime")

    def __init__(self, panel: Any):
        """*panel* is the QuestionRoundPanel (its session, speaker() and airtime_of()), which imports this model."""
        super().__init__(panel)
        self.panel = panel
        self._rows = len(panel.session.participants)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return self.HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self._rows:
            return None
        person = self.panel.session.participants[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return person.name if index.column() == 0 else clock_text(self.panel.airtime_of(person))
        if role == Qt.ItemDataRole.ToolTipRole:  # the name column elides on a narrow window
            return plain_tooltip(f"{person.name}: {clock_text(self.panel.airtime_of(person))}")
        if role == Qt.ItemDataRole.FontRole and person is self.panel.speaker():
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def refresh(self) -> None:
        """Re-read the people (a reset when the group changed size, else a cheap repaint)."""
        rows = len(self.panel.session.participants)
        if rows != self._rows:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
        elif rows:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, len(self.HEADERS) - 1))
