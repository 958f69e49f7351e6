"""The countdown's look, shared by the run console and the projector: its level and the plan line."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from studygroup.clock import SessionClock, countdown_level
from ui.style import repolish


def countdown_state(clock: SessionClock) -> str:
    """normal / low / critical / overtime for the QSS `state` property ("normal" before and after)."""
    if clock.session.status in ("planned", "ended") or not clock.phase:
        return "normal"
    return countdown_level(clock.phase_remaining(), clock.phase.planned_seconds)


def plan_text(clock: SessionClock) -> tuple[str, bool]:
    """'Ahead/behind plan by N min' (whole minutes) and whether it is behind."""
    minutes = round(clock.behind_plan() / 60.0)
    if minutes >= 1:
        return f"Behind plan by {minutes} min", True
    if minutes <= -1:
        return f"Ahead of plan by {-minutes} min", False
    return "On plan", False


def set_state(label: QLabel, name: str, value) -> None:
    """Set a dynamic style property and re-polish only when it changed."""
    if label.property(name) != value:
        label.setProperty(name, value)
        repolish(label)
