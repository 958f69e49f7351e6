"""The session clock: phases on a monotonic clock, anchored to wall time so a restart resumes.

The clock only does arithmetic on an injected time source; the UI's timer asks
it for the time and calls `tick()` to learn about thresholds crossed.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from studygroup.model import Phase, Session

ONE_MINUTE_LEFT = "one_minute_left"
PHASE_TIME_UP = "phase_time_up"
PHASE_CHANGED = "phase_changed"
STATUS_CHANGED = "status_changed"
EXTENDED = "extended"
LOW_FRACTION, CRITICAL_FRACTION = 0.20, 0.05  # a countdown turns "low", then "critical"


def countdown_text(seconds: float) -> str:
    """mm:ss counting down; '+mm:ss' in overtime (a countdown shows 12:00 until a full second has gone)."""
    whole = math.ceil(seconds - 1e-9) if seconds > 0 else math.floor(-seconds + 1e-9)
    text = f"{whole // 60:02d}:{whole % 60:02d}"
    return f"+{text}" if seconds < 0 and whole > 0 else text


def countdown_level(remaining: float, planned: float) -> str:
    """normal / low (<=20% left) / critical (<=5%) / overtime: the same rule for phases and turns."""
    if remaining < 0:
        return "overtime"
    left = remaining / planned if planned else 0.0
    return "critical" if left <= CRITICAL_FRACTION else "low" if left <= LOW_FRACTION else "normal"


class MonotonicSource(Protocol):
    """A clock for durations: all a question round needs."""

    def monotonic(self) -> float: ...


class TimeSource(MonotonicSource, Protocol):
    """Monotonic time for durations and wall time for anchors (SystemTime, ManualTime)."""

    def wall(self) -> float: ...


class SystemTime:
    """The real clocks: monotonic for durations within a run, wall for anchors."""

    def monotonic(self) -> float:
        return time.monotonic()

    def wall(self) -> float:
        return time.time()


@dataclass
class ManualTime:
    """A time source that moves only when told: for tests and simulations."""

    mono: float = 1000.0
    wall_time: float = 1_800_000_000.0

    def monotonic(self) -> float:
        return self.mono

    def wall(self) -> float:
        return self.wall_time

    def advance(self, seconds: float) -> None:
        self.mono += seconds
        self.wall_time += seconds


class SessionClock:
    """Runs a session's agenda. Listeners get event names; `persist` saves state changes."""

    def __init__(
        self, session: Session, time_source: TimeSource | None = None, persist: Callable[[Session], None] | None = None
    ):
        self.session = session
        self.time = time_source or SystemTime()
        self.persist = persist
        self.listeners: list[Callable[[str], None]] = []
        self._segment_start: float | None = None
        if session.status == "running" and session.running_since is not None:
            # Resume where the wall clock says: the app was closed or crashed while running.
            away = max(0.0, self.time.wall() - session.running_since)
            self._segment_start = self.time.monotonic() - away
        self._fired = self._already_crossed()

    # --- reading -------------------------------------------------------------

    @property
    def phase(self) -> Phase | None:
        phases = self.session.phases
        return phases[self.session.current_phase] if 0 <= self.session.current_phase < len(phases) else None

    @property
    def running(self) -> bool:
        return self.session.status == "running"

    def phase_elapsed(self, index: int | None = None) -> float:
        index = self.session.current_phase if index is None else index
        phase = self.session.phases[index]
        open_segment = 0.0
        if index == self.session.current_phase and self._segment_start is not None:
            open_segment = self.time.monotonic() - self._segment_start
        return phase.elapsed_seconds + open_segment

    def phase_remaining(self) -> float:
        """Seconds left in the current phase; negative in overtime, never clamped."""
        phase = self.phase
        return phase.planned_seconds - self.phase_elapsed() if phase else 0.0

    def session_elapsed(self) -> float:
        return sum(self.phase_elapsed(i) for i in range(len(self.session.phases)))

    def session_planned(self) -> float:
        return sum(p.planned_seconds for p in self.session.phases)

    def session_remaining(self) -> float:
        return self.session_planned() - self.session_elapsed()

    def behind_plan(self) -> float:
        """Seconds behind the plan (negative: ahead), counting finished phases and current overtime."""
        current = self.session.current_phase
        finished = sum(
            self.phase_elapsed(i) - self.session.phases[i].planned_seconds
            for i in range(min(current, len(self.session.phases)))
        )
        return finished + max(0.0, -self.phase_remaining())

    def fraction_left(self) -> float:
        """Share of the current phase left: 1.0 at its start, 0 at time up, below 0 in overtime."""
        phase = self.phase
        return self.phase_remaining() / phase.planned_seconds if phase and phase.planned_seconds else 0.0

    def seconds_to_next_threshold(self) -> float | None:
        """Seconds until the next chime (one minute left, time up), or None when none is pending."""
        if not self.running or not self.phase:
            return None
        pending = [
            self.phase_remaining() - threshold
            for event, threshold in ((ONE_MINUTE_LEFT, 60.0), (PHASE_TIME_UP, 0.0))
            if (self.phase.id, event) not in self._fired
        ]
        return max(0.0, min(pending)) if pending else None

    # --- controls ------------------------------------------------------------

    def start(self) -> None:
        if self.session.status in ("planned", "paused") and self.phase:
            self.session.status = "running"
            self._open_segment()
            self._changed(STATUS_CHANGED)

    def pause(self) -> None:
        if self.running:
            self._close_segment()
            self.session.status = "paused"
            self._changed(STATUS_CHANGED)

    def toggle_pause(self) -> None:
        self.pause() if self.running else self.start()

    def extend(self, minutes: float) -> None:
        if self.phase and self.session.status != "ended":
            self.phase.extra_seconds += minutes * 60.0
            self._fired = self._already_crossed()
            self._changed(EXTENDED)

    def next_phase(self) -> bool:
        return self.go_to_phase(self.session.current_phase + 1)

    def previous_phase(self) -> bool:
        return self.go_to_phase(self.session.current_phase - 1)

    def go_to_phase(self, index: int) -> bool:
        """Move to phase *index*; its time continues from where it was left."""
        if not 0 <= index < len(self.session.phases) or self.session.status == "ended":
            return False
        was_running = self.running
        if was_running:
            self._close_segment()
        left = self.phase  # None when current_phase pointed past the phases (an edited or older database)
        if left is not None:
            left.ended_at = self.time.wall()
        self.session.current_phase = index
        if was_running:
            self._open_segment()
        self._fired = self._already_crossed()
        self._changed(PHASE_CHANGED)
        return True

    def end(self) -> None:
        if self.session.status == "ended":
            return
        if self.running:
            self._close_segment()
        if self.phase and self.phase.started_at is not None:
            self.phase.ended_at = self.time.wall()
        self.session.status = "ended"
        self._changed(STATUS_CHANGED)

    def tick(self) -> list[str]:
        """Report thresholds crossed since the last tick; auto-advance when time is up."""
        if not self.running or not self.phase:
            return []
        crossed = []
        for event, threshold in ((ONE_MINUTE_LEFT, 60.0), (PHASE_TIME_UP, 0.0)):
            key = (self.phase.id, event)
            if key not in self._fired and self.phase_remaining() <= threshold:
                self._fired.add(key)
                crossed.append(event)
        for event in crossed:
            self._notify(event)
        if PHASE_TIME_UP in crossed and self.session.auto_advance:
            self.next_phase()
        return crossed

    # --- internals -----------------------------------------------------------

    def _open_segment(self) -> None:
        self._segment_start = self.time.monotonic()
        self.session.running_since = now = self.time.wall()
        phase = self.phase
        if phase is not None:
            if phase.started_at is None:
                phase.started_at = now
            phase.ended_at = None

    def _close_segment(self) -> None:
        phase = self.phase  # None when current_phase points past the phases: the segment has nowhere to go
        if self._segment_start is not None and phase is not None:
            phase.elapsed_seconds += self.time.monotonic() - self._segment_start
        self._segment_start = None
        self.session.running_since = None

    def _already_crossed(self) -> set[tuple[str, str]]:
        """Thresholds already behind the current phase, so a restart does not chime again."""
        if not self.phase:
            return set()
        remaining = self.phase_remaining()
        fired = set()
        if remaining <= 60.0 and self.phase_elapsed() > 0:
            fired.add((self.phase.id, ONE_MINUTE_LEFT))
        if remaining <= 0.0:
            fired.add((self.phase.id, PHASE_TIME_UP))
        return fired

    def _changed(self, event: str) -> None:
        if self.persist:
            self.persist(self.session)
        self._notify(event)

    def _notify(self, event: str) -> None:
        for listener in list(self.listeners):
            listener(event)
