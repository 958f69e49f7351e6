"""Timer accuracy: a simulated 60-minute agenda through the real Qt event loop.

The agenda runs on a time source that goes `scale` times faster than real time, so a
60-minute agenda takes one real minute at scale 60 (the default) and ten at scale 6
(`python -m benchmarks.run --long`, the long timer soak). Each phase-end signal's error is
measured in real milliseconds, against raw QTimer single-shots aimed at the same instants in
the same run.
"""

from __future__ import annotations

import time

from benchmarks.common import Figure, median

AGENDA_MINUTES = (5, 10, 30, 10, 5)
_APP = None


class ScaledTime:
    """Monotonic and wall time running `scale` times faster than the real clock."""

    def __init__(self, scale: float):
        self.scale = scale
        self.start = time.monotonic()
        self.wall_start = time.time()

    def monotonic(self) -> float:
        return self.start + (time.monotonic() - self.start) * self.scale

    def wall(self) -> float:
        return self.wall_start + (time.monotonic() - self.start) * self.scale


def _expected_real_ends(start: float, scale: float) -> list[float]:
    ends, total = [], 0.0
    for minutes in AGENDA_MINUTES:
        total += minutes * 60
        ends.append(start + total / scale)
    return ends


def measure(scale: float) -> tuple[list[float], list[float]]:
    """Errors (ms) of studygroup's phase-end signals and of raw single-shots."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from studygroup.clock import PHASE_TIME_UP, SessionClock
    from studygroup.model import Phase, Scenario, Session
    from ui.run.clock_driver import ClockDriver

    global _APP  # keep the application alive until exit; PySide6 crashes if it dies first
    _APP = app = QApplication.instance() or QApplication([])
    session = Session(
        "Timer",
        "2026-01-01",
        "",
        Scenario("Co", "", "x"),
        auto_advance=True,
        phases=[Phase(f"P{i}", m) for i, m in enumerate(AGENDA_MINUTES)],
    )
    time_source = ScaledTime(scale)
    clock = SessionClock(session, time_source)
    driver = ClockDriver(clock, time_scale=scale)
    ours, raw, loop = [], [], QEventLoop()
    clock.start()
    expected = _expected_real_ends(time.monotonic(), scale)

    def on_crossed(events: list) -> None:
        if PHASE_TIME_UP in events:
            ours.append(abs(time.monotonic() - expected[len(ours)]) * 1000)
            if len(ours) == len(expected):
                loop.quit()

    def raw_fired() -> None:
        raw.append(abs(time.monotonic() - expected[len(raw)]) * 1000)

    driver.thresholds_crossed.connect(on_crossed)
    raw_timers = []
    for end in expected:
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setSingleShot(True)
        timer.timeout.connect(raw_fired)
        timer.start(max(0, round((end - time.monotonic()) * 1000)))
        raw_timers.append(timer)
    driver.start()
    loop.exec()
    driver.stop()
    for timer in raw_timers + [driver]:
        timer.deleteLater()
    app.processEvents()
    return ours, raw


QUICK_SCALE, LONG_SCALE = 60.0, 6.0


def run(long: bool = False) -> list[Figure]:
    scale = LONG_SCALE if long else QUICK_SCALE
    ours, raw = measure(scale)
    figure = Figure(
        "Phase-end signal error (median of 5 phase ends)",
        median(ours),
        median(raw),
        "ms",
        "<= 100 ms",
        median(ours) <= 100 and max(ours) <= 100,
        note=f"scale {scale:g}x; worst phase end {max(ours):.1f} ms (raw QTimer worst "
        f"{max(raw):.1f} ms); errors per phase: {', '.join(f'{e:.1f}' for e in ours)} ms",
    )
    return [figure]
