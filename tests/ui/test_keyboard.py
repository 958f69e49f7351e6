"""No Alt+letter means two things on the same screen: every page and tab, checked."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar

from studygroup.demo import create_demo

MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    match = MNEMONIC.search(text.replace("&&", ""))
    return f"Alt+{match.group(1).upper()}" if match else None


def alt_keys(window) -> Counter:
    """Every Alt+letter a user could press on what is shown now, by owner."""
    keys = Counter()
    for action in window.menuBar().actions():
        keys[mnemonic(action.text())] += 1
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            for index in range(bar.count()):
                keys[mnemonic(bar.tabText(index))] += 1
    for button in window.findChildren(QAbstractButton):
        if button.isVisible() and not isinstance(button.parent(), QTabBar):
            for key in {mnemonic(button.text()), _alt(button.shortcut())}:  # a mnemonic is also its shortcut
                keys[key] += 1
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.buddy() is not None:
            keys[mnemonic(label.text())] += 1
    for shortcut in window.findChildren(QShortcut):
        owner = shortcut.parent()
        if shortcut.isEnabled() and getattr(owner, "isVisible", lambda: True)():
            keys[_alt(shortcut.key())] += 1
    for action in window.findChildren(QAction):
        widgets = [w for w in action.associatedObjects() if hasattr(w, "isVisible")]
        if action.isEnabled() and any(w.isVisible() for w in widgets):
            keys[_alt(action.shortcut())] += 1
    keys.pop(None, None)
    return keys


def _alt(sequence: QKeySequence) -> str | None:
    text = sequence.toString()
    return text if re.fullmatch(r"Alt\+\w", text) else None


def clashes(window) -> dict[str, int]:
    return {key: count for key, count in alt_keys(window).items() if count > 1}


def test_home_and_plan_pages_have_no_clashes(window):
    assert clashes(window) == {}
    window.show_new_session()
    assert clashes(window) == {}


@pytest.mark.parametrize("tab", [0, 1, 2])
def test_each_session_tab_has_no_clashes(window, store, tab):
    page = window.open_session(create_demo(store).id)
    page.tabs.setCurrentIndex(tab)
    assert clashes(window) == {}
