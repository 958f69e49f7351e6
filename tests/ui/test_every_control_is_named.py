"""Every control a facilitator or participant can reach has a name a screen reader says and something visible
that says what it does (its own text, a label naming it, or a tooltip), on every page of the window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from studygroup.demo import create_demo
from ui.main_window import MainWindow
from ui.session_page import CAPTURE, REVIEW, RUN

CONTROLS = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit)


def buddies(root: QWidget) -> dict[QWidget, QLabel]:
    return {label.buddy(): label for label in root.findChildren(QLabel) if label.buddy() is not None}


def unnamed(root: QWidget) -> list[str]:
    """The visible controls under *root* without an accessible name or without anything visible saying what they do."""
    labelled = buddies(root)
    missing = []
    for control in root.findChildren(QWidget):
        if not isinstance(control, CONTROLS) or not control.isVisibleTo(root) or isinstance(control.parent(), QTabBar):
            continue
        if isinstance(control, QHeaderView) or isinstance(control.parent(), (QComboBox, QLineEdit, QAbstractSpinBox)):
            continue  # the parts Qt builds inside its own widgets: a table's header, a field's clear button
        own_text = control.text() if isinstance(control, QAbstractButton) else ""
        name = control.accessibleName() or own_text or (labelled[control].text() if control in labelled else "")
        says = own_text or control.toolTip() or control in labelled or control.accessibleName()
        if not name or not says:
            missing.append(f"{type(control).__name__} {control.objectName()!r} in {type(control.parent()).__name__}")
    return missing


@pytest.fixture
def window(qtbot, store):
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    return win


def test_home_trends_and_search(window, store):
    create_demo(store)
    window.home.reload()
    assert unnamed(window) == []
    window.show_trends()
    assert unnamed(window.trends_page) == []
    window.show_search()
    window.search_panel.field.setText("payout")
    window.search_panel.run_search()
    assert unnamed(window.search_panel) == []


def test_the_plan_page(window):
    window.show_new_session()
    assert unnamed(window.plan_page) == []


@pytest.mark.parametrize("tab", [RUN, CAPTURE, REVIEW])
def test_every_tab_of_a_session(window, store, tab):
    page = window.open_session(create_demo(store).id)
    page.tabs.setCurrentIndex(tab)
    assert unnamed(page) == []
