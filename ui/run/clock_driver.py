"""Drives a SessionClock from the Qt event loop: a calm display tick plus a precise
single-shot at the next threshold, so chimes land on time without a busy timer."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, Qt, Signal

from studygroup.clock import SessionClock
from ui.timers import make_timer

DISPLAY_INTERVAL_MS = 250


class ClockDriver(QObject):
    """Emits `ticked` for redraws and `thresholds_crossed(list)` when clock.tick() reports events."""

    ticked = Signal()
    thresholds_crossed = Signal(object)  # the list of event names from clock.tick()

    def __init__(self, clock: SessionClock, parent: QObject | None = None, time_scale: float = 1.0):
        super().__init__(parent)
        self.clock = clock
        self.time_scale = time_scale  # simulated seconds per real second (benchmarks only)
        self.display_timer = make_timer(self, DISPLAY_INTERVAL_MS)
        self.display_timer.timeout.connect(self.poll)
        self.threshold_timer = make_timer(self, 0, single_shot=True)
        self.threshold_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.threshold_timer.timeout.connect(self.poll)
        clock.listeners.append(self._on_clock_changed)
        self.destroyed.connect(partial(unsubscribe, clock.listeners, self._on_clock_changed))

    def start(self) -> None:
        self.display_timer.start()
        self._arm()

    def stop(self) -> None:
        self.display_timer.stop()
        self.threshold_timer.stop()

    def poll(self) -> None:
        """Ask the clock for crossed thresholds, re-arm the precise timer, request a redraw."""
        crossed = self.clock.tick()
        if crossed:
            self.thresholds_crossed.emit(crossed)
        self._arm()
        self.ticked.emit()

    def _arm(self) -> None:
        seconds = self.clock.seconds_to_next_threshold()
        if seconds is None:
            self.threshold_timer.stop()
        else:
            self.threshold_timer.start(max(0, round(seconds / self.time_scale * 1000)))

    def _on_clock_changed(self, event: str) -> None:
        # Start, pause, extend or a phase change moves the next threshold.
        if self.display_timer.isActive():
            self._arm()


def unsubscribe(listeners: list, callback) -> None:
    """Remove a clock listener when its widget dies (clocks outlive widgets)."""
    if callback in listeners:
        listeners.remove(callback)
