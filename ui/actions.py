"""The action table's rows (ui.action_table) built into QActions, and buttons bound to them."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QWidget

from ui.action_table import SPECS, ActionSpec
from ui.icons import icon

ACTION_PROPERTY = "action_id"  # set on a button bound to a row, so every route to a row can be found


def shortcut_text(spec: ActionSpec) -> str:
    """The shortcut as the user's platform writes it."""
    return QKeySequence(spec.shortcut).toString(QKeySequence.SequenceFormat.NativeText)


def tooltip(spec: ActionSpec) -> str:
    """The tooltip with its shortcut, so the keyboard path is discoverable."""
    return f"{spec.tooltip} ({shortcut_text(spec)})" if spec.shortcut else spec.tooltip


def build_action(
    action_id: str, parent: QObject, context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut
) -> QAction:
    """A QAction for one row of the table, owned by *parent*."""
    spec = SPECS[action_id]
    action = QAction(icon(spec.icon), spec.text, parent)
    action.setObjectName(spec.id)
    action.setShortcut(QKeySequence(spec.shortcut))
    action.setShortcutContext(context)
    action.setToolTip(tooltip(spec))
    action.setStatusTip(spec.tooltip)
    action.setCheckable(spec.checkable)
    return action


def build_actions(ids, parent: QObject) -> dict[str, QAction]:
    """QActions for several rows, keyed by id."""
    return {action_id: build_action(action_id, parent) for action_id in ids}


def bind_button(button: QAbstractButton, action: QAction) -> None:
    """Make *button* one more way to reach *action*: a click triggers it, so any guard on it holds.

    The key lives on the action, not the button: QAbstractButton.setText() replaces a button's
    shortcut, which once left Ctrl+L dead after the lock button's text changed.
    """
    button.clicked.connect(action.trigger)
    button.setProperty(ACTION_PROPERTY, action.objectName())
    button.setToolTip(action.toolTip())
    button.setAccessibleName(button.accessibleName() or action.text())


def actions_of(widget: QWidget, action_id: str) -> list[QAction]:
    """Every QAction built from row *action_id* under *widget* (tests walk the routes with it)."""
    return [a for a in widget.findChildren(QAction) if a.objectName() == action_id]
