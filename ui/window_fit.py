"""The main window's first size and place: it fits the screen it opens on, title bar and panels included.

A room's laptop is often 1366x768 and a projector 1280x720; the window opens at
FIRST_SIZE or smaller, centred, and a saved size from a bigger screen is shrunk to fit.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FIRST_SIZE = QSize(1280, 800)
# The window manager's frame is unknown until the window is shown: allow for a title bar and borders.
FRAME_ALLOWANCE = QMargins(8, 36, 8, 8)


def available_geometry(window: QWidget) -> QRect:
    """The part of the window's screen a window may use: without panels, docks and task bars."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def frame_margins(window: QWidget) -> QMargins:
    """The frame around the window's client area: measured once shown, else FRAME_ALLOWANCE."""
    outer, inner = window.frameGeometry(), window.geometry()
    measured = QMargins(
        inner.left() - outer.left(),
        inner.top() - outer.top(),
        outer.right() - inner.right(),
        outer.bottom() - inner.bottom(),
    )
    return measured if measured.top() > 0 else FRAME_ALLOWANCE


def fit_to_screen(window: QWidget, restored: bool = False) -> None:
    """Size and place *window* inside the available screen area.

    A first window is FIRST_SIZE or smaller, centred; a *restored* one keeps its size and place
    unless it is larger than the screen or off it, when it is shrunk and moved back in.
    """
    if restored and window.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        return  # the window manager fits a maximised window to the screen itself
    area, frame = available_geometry(window), frame_margins(window)
    room = QSize(area.width() - frame.left() - frame.right(), area.height() - frame.top() - frame.bottom())
    size = (window.size() if restored else FIRST_SIZE).boundedTo(room)
    outer = QRect(window.frameGeometry().topLeft(), size.grownBy(frame))
    if restored and size == window.size() and area.contains(outer):
        return  # the saved geometry fits this screen as it is
    window.resize(size)
    outer = QRect(0, 0, window.width() + frame.left() + frame.right(), window.height() + frame.top() + frame.bottom())
    outer.moveCenter(area.center())
    window.move(outer.topLeft().x(), max(area.top(), outer.top()))
