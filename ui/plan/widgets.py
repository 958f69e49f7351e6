"""What the plan page's sections share: labelled fields, editable tables, and its command buttons."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QAbstractTableModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.action_table import SPECS
from ui.actions import bind_button, build_action
from ui.table_fit import rows_height

VISIBLE_ROWS = 8  # groups are 4 to 8 people: the whole group shows without scrolling
OWN_MARK = " — yours"  # after each of the user's own cards and templates in their lists: the ones they may change


class PlanSection(QWidget):
    """A section of the plan page; the page shows the one problem a section finds, and clears it."""

    problem_found = Signal(str, object)  # the sentence, and the widget to focus (or None)
    problem_solved = Signal()


class PlanCommands:
    """The plan page's rows of the action table: each a key that works anywhere on the page, and its button."""

    def __init__(self, page: QWidget):
        self.page = page
        self.actions_by_id: dict[str, QAction] = {}
        self.buttons: dict[str, QPushButton] = {}

    def button(self, action_id: str, slot: Callable[[], None], primary: bool = False) -> QPushButton:
        """The button for row *action_id*, bound to a page-wide action that runs *slot*."""
        action = build_action(action_id, self.page, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.page.addAction(action)
        button = QPushButton(SPECS[action_id].text)
        button.setProperty("primary", primary)
        bind_button(button, action)
        self.actions_by_id[action_id], self.buttons[action_id] = action, button
        return button

    def set_enabled(self, action_id: str, enabled: bool) -> None:
        """Enable or disable a command's key and its button together."""
        self.actions_by_id[action_id].setEnabled(enabled)
        self.buttons[action_id].setEnabled(enabled)

    def row(self, commands: Iterable[tuple[str, Callable[[], None]]]) -> QHBoxLayout:
        """A row of command buttons, left-aligned (callers may add to its right end)."""
        row = QHBoxLayout()
        for action_id, slot in commands:
            row.addWidget(self.button(action_id, slot))
        row.addStretch()
        return row


def plain_label(text: str = "", object_name: str = "") -> QLabel:
    """A wrapping label that shows user text as text, never as markup."""
    label = QLabel(text, objectName=object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def add_field(form: QFormLayout, label: str, widget: QWidget, tip: str) -> QWidget:
    """A form row whose label's &-letter (Alt+letter) jumps to the field."""
    caption = QLabel(label)
    caption.setBuddy(widget)
    widget.setAccessibleName(label.replace("&", ""))
    widget.setToolTip(tip)
    form.addRow(caption, widget)
    return widget


def add_table(model: QAbstractTableModel, label: str, layout: QVBoxLayout) -> QTableView:
    """An editable table under a caption whose &-letter jumps to it; Tab leaves it."""
    caption = QLabel(label)
    table = QTableView()
    caption.setBuddy(table)
    table.setModel(model)
    table.setAccessibleName(label.replace("&", ""))
    table.setToolTip(f"{label.replace('&', '')}: arrows move, F2 or typing edits, Tab leaves the table")
    table.setTabKeyNavigation(False)  # Tab leaves the table instead of trapping keyboard users
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.setEditTriggers(
        QTableView.EditTrigger.DoubleClicked
        | QTableView.EditTrigger.EditKeyPressed
        | QTableView.EditTrigger.AnyKeyPressed
    )
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    table.verticalHeader().setVisible(False)
    table.setMinimumHeight(rows_height(table, VISIBLE_ROWS))  # a whole group of 8, or a long agenda
    layout.addWidget(caption)
    layout.addWidget(table)
    return table


def add_and_edit(table: QTableView, item) -> None:
    """Append *item* to the table's list model and start editing its first cell."""
    index = table.model().index(table.model().add(item), 0)
    table.setCurrentIndex(index)
    table.setFocus()
    table.edit(index)


def remove_current(table: QTableView) -> None:
    """Remove the table's current row, if there is one."""
    row = table.currentIndex().row()
    if 0 <= row < table.model().rowCount():
        table.model().remove(row)
