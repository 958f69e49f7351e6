"""The run console follows the clock: start, count down, overtime, pause, phases, restart."""

import datetime

import pytest

from studygroup.clock import ManualTime
from studygroup.demo import AGENDA, demo_scenario
from studygroup.model import Phase, Session
from studygroup.storage.backup import list_backups
from ui import dialogs
from ui.session_models import PhaseListModel
from ui.session_page import REVIEW, SessionPage


def make_session(store) -> Session:
    session = Session(
        title="Thursday group",
        date=datetime.date.today().isoformat(),
        facilitator="Jo",
        scenario=demo_scenario(),
        phases=[Phase(n, m, p) for n, m, p in AGENDA],
    )
    store.save_session(session)
    return session


@pytest.fixture
def page(qtbot, store, time):
    widget = SessionPage(store, make_session(store), time)
    qtbot.addWidget(widget)
    widget.console.timer.stop()  # the tests drive refresh() themselves
    widget.console.chime.set_muted(False)
    return widget


def trigger(console, action_id):
    console.actions_by_id[action_id].trigger()


def test_start_and_time_advances(page, time):
    console = page.console
    assert console.countdown.text() == "05:00"
    assert console.buttons["start_pause"].text() == "Start"
    trigger(console, "start_pause")
    assert console.buttons["start_pause"].text() == "Pause"
    time.advance(90)
    console.refresh()
    assert console.countdown.text() == "03:30"
    assert console.countdown.property("state") == "normal"
    assert console.session_remaining.text() == "Session: 58:30 left"


def test_low_critical_then_overtime_with_a_plus(page, time):
    console = page.console
    trigger(console, "start_pause")
    time.advance(4 * 60 + 10)
    console.refresh()
    assert console.countdown.property("state") == "low"
    assert console.chime.played == 1  # one minute left
    assert console.countdown.property("flash") is True
    console._on_flash_timer_timeout()
    assert console.countdown.property("flash") is False
    time.advance(40)
    console.refresh()
    assert console.countdown.property("state") == "critical"
    time.advance(85)
    console.refresh()
    assert console.countdown.text() == "+01:15"
    assert console.countdown.property("state") == "overtime"
    assert console.chime.played == 2  # time up
    assert console.plan_status.text() == "Behind plan by 1 min"


def test_muted_chime_stays_silent(page, time):
    console = page.console
    console.buttons["mute"].click()
    assert console.chime.muted
    trigger(console, "start_pause")
    time.advance(6 * 60)
    console.refresh()
    assert console.chime.played == 0
    assert console.countdown.property("flash") is True  # the flash still shows


def test_pause_holds_time(page, time):
    console = page.console
    trigger(console, "start_pause")
    time.advance(60)
    trigger(console, "start_pause")
    assert console.buttons["start_pause"].text() == "Resume"
    time.advance(600)
    console.refresh()
    assert console.countdown.text() == "04:00"
    assert page.store.load_session(page.session.id).status == "paused"


def test_phases_advance_and_go_back(page, time):
    console = page.console
    trigger(console, "start_pause")
    time.advance(6 * 60)
    trigger(console, "next_phase")
    assert console.phase_name.text() == "2 of 5 · Become the customer"
    assert console.countdown.text() == "10:00"
    assert console.plan_status.text() == "Behind plan by 1 min"
    assert console.model.index(0, 2).data() == "6"
    trigger(console, "previous_phase")
    assert console.phase_name.text().startswith("1 of 5")
    assert console.countdown.text() == "+01:00"  # its time continues from where it was left
    assert not console.actions_by_id["previous_phase"].isEnabled()


def test_extend_gives_more_time(page, time):
    console = page.console
    trigger(console, "start_pause")
    trigger(console, "extend_1")
    trigger(console, "extend_5")
    assert console.countdown.text() == "11:00"


def test_auto_advance_moves_on_at_time_up(page, time, store):
    console = page.console
    console.auto_box.click()
    assert console.auto_box.isChecked() and console.actions_by_id["auto_advance"].isChecked()
    assert store.load_session(page.session.id).auto_advance is True
    trigger(console, "start_pause")
    time.advance(5 * 60 + 1)
    console.refresh()
    assert page.session.current_phase == 1
    assert console.phase_name.text() == "2 of 5 · Become the customer"


def test_end_session_asks_then_shows_the_review(page, monkeypatch, store):
    answers = iter([False, True])
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, title, text: next(answers))
    trigger(page.console, "start_pause")
    trigger(page.console, "end_session")
    assert page.session.status == "running"
    trigger(page.console, "end_session")
    assert store.load_session(page.session.id).status == "ended"
    assert page.tabs.currentIndex() == REVIEW
    assert not page.console.actions_by_id["start_pause"].isEnabled()
    assert list_backups(store.path), "ending a session makes a backup"


def test_an_ended_session_says_ended_not_time_left(page, monkeypatch, time):
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, title, text: True)
    console = page.console
    trigger(console, "start_pause")
    time.advance(9 * 60)
    console.refresh()
    assert console.session_remaining.text() == "Session: 51:00 left"
    trigger(console, "end_session")
    console.refresh()
    assert console.countdown.text() == "Ended"
    assert console.session_remaining.text() == "Session ended"
    assert console.countdown.property("state") == "normal"  # not the overtime red of the phase left open


def test_restart_resumes_with_the_right_remaining_time(qtbot, page, time, store):
    trigger(page.console, "start_pause")
    time.advance(6 * 60)
    trigger(page.console, "next_phase")
    time.advance(2 * 60)
    page.close()  # the app goes away while running; only the store remembers
    later = ManualTime(mono=5.0, wall_time=time.wall_time + 3 * 60)  # new process, 3 minutes later
    reopened = SessionPage(store, store.load_session(page.session.id), later)
    qtbot.addWidget(reopened)
    reopened.console.refresh()
    assert reopened.console.phase_name.text() == "2 of 5 · Become the customer"
    assert reopened.console.countdown.text() == "05:00"
    assert reopened.console.buttons["start_pause"].text() == "Pause"


def test_phase_model_passes_the_model_tester(qtmodeltester, page, time):
    page.clock.start()
    time.advance(30)
    model = PhaseListModel(page.clock)
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 2).data() == "0"
    assert model.index(1, 2).data() == "–"
