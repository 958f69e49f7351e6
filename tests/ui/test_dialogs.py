"""The one-line question box shows what it asks about whole: a session's title, not a sliver of it."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from ui import dialogs

NORMAL, PASSWORD = QLineEdit.EchoMode.Normal, QLineEdit.EchoMode.Password
TITLE = "Demo: Crumb & Co takes its first card payment (again)"


def box_when_asked(ask) -> tuple[int, int]:
    """The text box's width and the width its text needs, read while the dialog is up; then cancel it."""
    seen: list[tuple[int, int]] = []

    def look() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible())
        box = dialog.findChild(QLineEdit)
        seen.append((box.width(), box.fontMetrics().horizontalAdvance(box.text())))
        dialog.reject()

    QTimer.singleShot(0, look)
    assert ask() is None
    return seen[0]


def test_a_title_to_rename_is_shown_whole(qapp):
    # The real box (conftest replaces the public askers so no test meets an unexpected one).
    width, needed = box_when_asked(lambda: dialogs._ask_line(None, "Rename session", "New title:", NORMAL, TITLE))
    assert width >= needed


def test_a_short_answer_still_gets_a_box_of_a_usable_width(qapp):
    width, _needed = box_when_asked(lambda: dialogs._ask_line(None, "Facilitator PIN", "PIN:", PASSWORD, ""))
    assert width >= dialogs.MIN_LINE_BOX_WIDTH
