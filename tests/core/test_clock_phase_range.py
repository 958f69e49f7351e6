"""A session whose current phase points past its phases (an edited or older database) does not crash the clock."""

from studygroup.clock import ManualTime, SessionClock
from studygroup.model import Phase, Scenario, Session


def _session(status: str, current_phase: int, running_since: float | None = None) -> Session:
    return Session(
        "Out of range",
        "2026-11-25",
        "Jo",
        Scenario("Co", "", "x"),
        phases=[Phase("Welcome", 5), Phase("Experience", 30), Phase("Wrap-up", 5)],
        status=status,
        current_phase=current_phase,
        running_since=running_since,
    )


def test_going_to_a_phase_from_past_the_last_one():
    time_source = ManualTime()
    session = _session("paused", current_phase=5)
    clock = SessionClock(session, time_source)
    assert clock.phase is None
    assert clock.go_to_phase(2) is True
    assert session.current_phase == 2
    assert clock.phase is session.phases[2]
    assert [p.ended_at for p in session.phases] == [None, None, None]


def test_pausing_a_running_session_past_its_last_phase():
    time_source = ManualTime(mono=1000.0, wall_time=1_800_000_000.0)
    session = _session("running", current_phase=3, running_since=1_799_999_940.0)
    clock = SessionClock(session, time_source)
    time_source.advance(30)
    clock.pause()
    assert session.status == "paused"
    assert session.running_since is None
    assert [p.elapsed_seconds for p in session.phases] == [0.0, 0.0, 0.0]


def test_moving_back_while_running_past_the_last_phase_starts_that_phase():
    time_source = ManualTime(mono=1000.0, wall_time=1_800_000_000.0)
    session = _session("running", current_phase=3, running_since=1_800_000_000.0)
    clock = SessionClock(session, time_source)
    assert clock.previous_phase() is True
    assert session.current_phase == 2
    assert session.phases[2].started_at == 1_800_000_000.0
    time_source.advance(45)
    assert clock.phase_elapsed() == 45.0
