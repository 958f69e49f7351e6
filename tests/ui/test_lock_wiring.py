"""The facilitator PIN guards the actions outside the Capture tab too: phases, end, export, quit."""

from __future__ import annotations

import pytest

from studygroup.clock import ManualTime
from studygroup.demo import demo_scenario
from studygroup.lock import PinStore
from studygroup.model import Participant, Phase, Session
from ui import dialogs
from ui.main_window import MainWindow

PIN = "2468"


@pytest.fixture
def locked(qtbot, store, monkeypatch):
    """A running session with a PIN set and participant mode on; returns (window, page, pins asked)."""
    session = Session(
        title="t",
        date="2026-11-30",
        facilitator="Jo",
        scenario=demo_scenario(),
        phases=[Phase("One", 5), Phase("Two", 5)],
        participants=[Participant("Ana Ruiz")],
    )
    store.save_session(session)
    PinStore(store).set_pin(PIN)
    window = MainWindow(store, clock_time_source=ManualTime())
    qtbot.addWidget(window)
    window.show()
    page = window.open_session(session.id)
    page.clock.start()
    page.capture.lock.lock()
    asked = []
    monkeypatch.setattr(dialogs, "ask_pin", lambda *args: asked.append(args[2]) or None)
    return window, page, asked


def test_phase_moves_and_end_are_refused_without_the_pin(locked, monkeypatch):
    window, page, asked = locked
    page.console.actions_by_id["next_phase"].trigger()
    page.console.actions_by_id["extend_5"].trigger()
    page.console.actions_by_id["end_session"].trigger()
    assert page.session.current_phase == 0 and page.session.phases[0].extra_seconds == 0
    assert page.session.status == "running"
    assert len(asked) == 3 and "locked for participants" in asked[-1]


def test_export_and_quit_are_refused_without_the_pin(locked, monkeypatch):
    window, page, asked = locked
    page.review.export_buttons["csv"].click()  # would raise if the save dialog opened
    assert window.close() is False  # the close event was ignored
    assert window.isVisible() and window.session_page is page and len(asked) == 2


def test_the_right_pin_lets_the_facilitator_through(locked, monkeypatch):
    window, page, asked = locked
    monkeypatch.setattr(dialogs, "ask_pin", lambda *args: PIN)
    page.console.actions_by_id["next_phase"].trigger()
    assert page.session.current_phase == 1
