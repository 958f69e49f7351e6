"""The one factory for UI timers, so tests can find a widget's timer and call its slot directly."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer


def make_timer(parent: QObject, interval_ms: int, single_shot: bool = False) -> QTimer:
    """A QTimer owned by *parent* (so it dies with it); not started."""
    timer = QTimer(parent)
    timer.setInterval(interval_ms)
    timer.setSingleShot(single_shot)
    return timer
