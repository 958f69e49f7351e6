"""The session clock with a manual time source: run, pause, extend, overtime, phases, restart."""

import pytest

from studygroup.clock import ONE_MINUTE_LEFT, PHASE_TIME_UP, ManualTime, SessionClock, countdown_level, countdown_text
from studygroup.model import Phase, Scenario, Session


@pytest.fixture
def session():
    return Session(
        "Clocked",
        "2026-11-25",
        "Jo",
        Scenario("Co", "", "x"),
        phases=[Phase("Welcome", 5), Phase("Experience", 30), Phase("Wrap-up", 5)],
    )


@pytest.fixture
def time_source():
    return ManualTime()


def test_countdown_runs_only_while_running(session, time_source):
    clock = SessionClock(session, time_source)
    time_source.advance(100)
    assert clock.phase_remaining() == 300
    clock.start()
    time_source.advance(100)
    assert clock.phase_remaining() == 200
    assert clock.session_remaining() == 40 * 60 - 100


def test_pause_holds_time(session, time_source):
    clock = SessionClock(session, time_source)
    clock.start()
    time_source.advance(60)
    clock.pause()
    time_source.advance(600)
    assert clock.phase_elapsed() == 60
    clock.toggle_pause()
    time_source.advance(30)
    assert clock.phase_elapsed() == 90
    assert session.status == "running"


def test_overtime_goes_negative_and_is_counted(session, time_source):
    clock = SessionClock(session, time_source)
    clock.start()
    time_source.advance(5 * 60 + 75)
    assert clock.phase_remaining() == -75
    assert clock.behind_plan() == 75
    assert clock.fraction_left() < 0


def test_extend_adds_to_current_phase(session, time_source):
    clock = SessionClock(session, time_source)
    clock.start()
    clock.extend(1)
    clock.extend(5)
    assert clock.phase_remaining() == 11 * 60
    assert session.phases[0].planned_seconds == 11 * 60


def test_next_and_previous_phase_keep_each_phase_time(session, time_source):
    clock = SessionClock(session, time_source)
    clock.start()
    time_source.advance(120)
    assert clock.next_phase()
    time_source.advance(30)
    assert clock.phase.name == "Experience"
    assert clock.previous_phase()  # advanced by mistake: take it back
    assert clock.phase.name == "Welcome"
    time_source.advance(10)
    assert clock.phase_elapsed(0) == 130
    assert clock.phase_elapsed(1) == 30
    assert session.phases[0].started_at is not None


def test_next_on_last_phase_does_nothing(session, time_source):
    clock = SessionClock(session, time_source)
    clock.go_to_phase(2)
    assert not clock.next_phase()
    assert not clock.go_to_phase(-1)


def test_tick_reports_thresholds_once(session, time_source):
    clock = SessionClock(session, time_source)
    heard = []
    clock.listeners.append(heard.append)
    clock.start()
    time_source.advance(4 * 60)
    assert clock.tick() == [ONE_MINUTE_LEFT]
    assert clock.tick() == []
    time_source.advance(60)
    assert clock.tick() == [PHASE_TIME_UP]
    assert ONE_MINUTE_LEFT in heard and PHASE_TIME_UP in heard
    assert clock.phase.name == "Welcome"  # waits for the facilitator by default


def test_auto_advance_moves_on_at_time_up(session, time_source):
    session.auto_advance = True
    clock = SessionClock(session, time_source)
    clock.start()
    time_source.advance(5 * 60)
    clock.tick()
    assert clock.phase.name == "Experience"
    assert clock.phase_elapsed() == 0


def test_extend_after_time_up_chimes_again(session, time_source):
    clock = SessionClock(session, time_source)
    clock.start()
    time_source.advance(5 * 60)
    clock.tick()
    clock.extend(5)
    time_source.advance(4 * 60)
    assert clock.tick() == [ONE_MINUTE_LEFT]


def test_restart_resumes_at_wall_clock_time(session, time_source):
    saved = []
    clock = SessionClock(session, time_source, persist=saved.append)
    clock.start()
    time_source.advance(100)
    clock.next_phase()
    time_source.advance(50)
    assert saved, "state changes are persisted"
    # The app crashes; a new process has a fresh monotonic clock but the same wall clock.
    later = ManualTime(mono=5.0, wall_time=time_source.wall_time + 200)
    resumed = SessionClock(session, later)
    assert resumed.phase.name == "Experience"
    assert resumed.phase_elapsed() == pytest.approx(250)
    assert resumed.phase_remaining() == pytest.approx(30 * 60 - 250)
    assert resumed.tick() == []


def test_restart_while_paused_keeps_paused_time(session, time_source):
    clock = SessionClock(session, time_source)
    clock.start()
    time_source.advance(100)
    clock.pause()
    resumed = SessionClock(session, ManualTime(mono=1.0, wall_time=time_source.wall_time + 9999))
    assert resumed.phase_elapsed() == 100


def test_end_closes_the_session(session, time_source):
    clock = SessionClock(session, time_source)
    clock.start()
    time_source.advance(10)
    clock.end()
    assert session.status == "ended"
    assert session.running_since is None
    assert not clock.next_phase()
    clock.start()
    assert session.status == "ended"


def test_seconds_to_next_threshold(session, time_source):
    clock = SessionClock(session, time_source)
    assert clock.seconds_to_next_threshold() is None  # not running
    clock.start()
    assert clock.seconds_to_next_threshold() == 4 * 60
    time_source.advance(4 * 60)
    clock.tick()
    assert clock.seconds_to_next_threshold() == 60
    time_source.advance(60)
    clock.tick()
    assert clock.seconds_to_next_threshold() is None


def test_countdown_text():
    assert countdown_text(12 * 60) == "12:00"
    assert countdown_text(12 * 60 - 0.3) == "12:00"  # a whole second must pass before 11:59
    assert countdown_text(59.2) == "01:00"
    assert countdown_text(0) == "00:00"
    assert countdown_text(-75) == "+01:15"
    assert countdown_text(90) == "01:30"  # a 90-second question-round turn
    assert countdown_text(89.4) == "01:30"
    assert countdown_text(-12) == "+00:12"


@pytest.mark.parametrize(
    ("remaining", "level"), [(600, "normal"), (120, "low"), (30, "critical"), (0, "critical"), (-1, "overtime")]
)
def test_countdown_level_is_the_same_rule_for_phases_and_turns(remaining, level):
    assert countdown_level(remaining, 600) == level
