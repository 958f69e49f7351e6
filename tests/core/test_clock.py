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


def test_countdown_text_around_zero():
    assert countdown_text(0.5) == "00:01"  # half a second left is still a second to go
    assert countdown_text(1) == "00:01"
    assert countdown_text(-0.5) == "00:00"  # overtime shows once a whole second has gone
    assert countdown_text(-1) == "+00:01"


def test_countdown_level_boundaries_and_a_turn_of_no_length():
    assert [countdown_level(r, 600) for r in (121, 120, 31, 30)] == ["normal", "low", "low", "critical"]
    assert countdown_level(10, 0) == "critical" and countdown_level(-0.1, 0) == "overtime"


def test_listeners_hear_each_change_and_persist_gets_the_session(session, time_source):
    saved, heard = [], []
    clock = SessionClock(session, time_source, persist=saved.append)
    clock.listeners.append(heard.append)
    clock.start()
    clock.extend(1)
    clock.next_phase()
    clock.pause()
    clock.end()
    clock.end()  # already ended: nothing more happens
    assert heard == ["status_changed", "extended", "phase_changed", "status_changed", "status_changed"]
    assert len(saved) == 5 and all(s is session for s in saved)


def test_toggle_pause_pauses_a_running_clock(session, time_source):
    clock = SessionClock(session, time_source)
    clock.toggle_pause()
    assert session.status == "running"
    clock.toggle_pause()
    assert session.status == "paused"


def test_segments_add_up_in_the_phase(session, time_source):
    clock = SessionClock(session, time_source)
    clock.start()
    time_source.advance(60)
    clock.pause()
    clock.start()
    time_source.advance(30)
    clock.pause()
    assert session.phases[0].elapsed_seconds == 90


def test_moving_between_phases_stamps_when_each_was_left(session, time_source):
    clock = SessionClock(session, time_source)
    clock.start()
    started = time_source.wall_time
    time_source.advance(120)
    clock.next_phase()
    assert session.phases[0].ended_at == started + 120
    assert session.phases[1].started_at == started + 120 and session.phases[1].ended_at is None
    assert clock.tick() == []
    time_source.advance(10)
    clock.previous_phase()
    assert session.phases[0].ended_at is None  # running again
    assert session.phases[1].ended_at == started + 130
    assert session.phases[0].started_at == started  # the first start is kept


def test_behind_plan_counts_finished_phases_and_overtime(session, time_source):
    clock = SessionClock(session, time_source)
    clock.start()
    assert clock.behind_plan() == 0.0
    time_source.advance(120)  # Welcome took 2 of its 5 minutes
    clock.next_phase()
    assert clock.behind_plan() == -180.0
    time_source.advance(30 * 60 + 200)  # Experience runs 200 s over
    assert clock.behind_plan() == 20.0


def test_fraction_left(session, time_source):
    clock = SessionClock(session, time_source)
    clock.start()
    assert clock.fraction_left() == 1.0
    time_source.advance(150)
    assert clock.fraction_left() == 0.5
    time_source.advance(225)
    assert clock.fraction_left() == -0.25


def test_a_phase_of_no_length_has_no_fraction_left(time_source):
    session = Session("Zero", "2026-11-25", "Jo", Scenario("Co", "", "x"), phases=[Phase("Blink", 0)])
    assert SessionClock(session, time_source).fraction_left() == 0.0


def test_a_session_without_phases_has_a_quiet_clock(time_source):
    session = Session("Empty", "2026-11-25", "Jo", Scenario("Co", "", "x"))
    clock = SessionClock(session, time_source)
    assert clock.phase is None
    assert (clock.phase_remaining(), clock.fraction_left(), clock.seconds_to_next_threshold()) == (0.0, 0.0, None)
    clock.start()
    clock.extend(5)
    assert session.status == "planned" and clock.tick() == []
    clock.end()
    assert session.status == "ended"


def test_an_ended_session_is_not_extended(session, time_source):
    clock = SessionClock(session, time_source)
    heard = []
    clock.start()
    clock.end()
    clock.listeners.append(heard.append)
    clock.extend(5)
    assert session.phases[0].planned_seconds == 300 and heard == []


def test_end_stamps_the_running_phase_and_leaves_an_unstarted_one_alone(session, time_source):
    clock = SessionClock(session, time_source)
    clock.start()
    time_source.advance(42)
    clock.end()
    assert session.phases[0].ended_at == time_source.wall_time
    time_source.advance(100)
    clock.end()
    assert session.phases[0].ended_at == time_source.wall_time - 100  # a second end changes nothing
    never = Session("Never", "2026-11-25", "Jo", Scenario("Co", "", "x"), phases=[Phase("Welcome", 5)])
    SessionClock(never, time_source).end()
    assert never.phases[0].ended_at is None and never.status == "ended"


def test_tick_thresholds_are_exactly_one_minute_and_zero(session, time_source):
    clock = SessionClock(session, time_source)
    clock.start()
    time_source.advance(239)  # 61 s left
    assert clock.tick() == []
    time_source.advance(1)
    assert clock.tick() == [ONE_MINUTE_LEFT]
    time_source.advance(59)  # 1 s left
    assert clock.tick() == []
    time_source.advance(1)
    assert clock.tick() == [PHASE_TIME_UP]


def test_a_paused_clock_does_not_chime(session, time_source):
    clock = SessionClock(session, time_source)
    clock.start()
    time_source.advance(290)
    clock.pause()
    time_source.advance(600)
    assert clock.tick() == [] and clock.seconds_to_next_threshold() is None


def test_seconds_to_a_threshold_that_is_due_now(session, time_source):
    clock = SessionClock(session, time_source)
    clock.start()
    time_source.advance(240)
    assert clock.seconds_to_next_threshold() == 0.0


def restarted(session, time_source) -> SessionClock:
    """The app starts again on the same session: a new monotonic clock, the same wall clock."""
    return SessionClock(session, ManualTime(mono=5.0, wall_time=time_source.wall_time))


@pytest.mark.parametrize("seconds", [240, 270, 300, 400])
def test_a_restart_never_chimes_again_for_what_already_chimed(session, time_source, seconds):
    clock = SessionClock(session, time_source)
    clock.start()
    time_source.advance(seconds)
    clock.tick()
    assert restarted(session, time_source).tick() == []


@pytest.mark.parametrize(("seconds", "chime"), [(239.5, ONE_MINUTE_LEFT), (299.5, PHASE_TIME_UP)])
def test_a_restart_just_before_a_threshold_still_chimes_at_it(session, time_source, seconds, chime):
    clock = SessionClock(session, time_source)
    clock.start()
    time_source.advance(seconds)
    clock.tick()
    again = restarted(session, time_source)
    again.time.advance(0.5)
    assert again.tick() == [chime]


def test_a_restart_at_the_same_wall_time_adds_no_time(session, time_source):
    clock = SessionClock(session, time_source)
    clock.start()
    time_source.advance(100)
    assert restarted(session, time_source).phase_elapsed() == 100
    # The wall clock was set back to before the segment began: the open segment counts from now, never negative.
    back = SessionClock(session, ManualTime(mono=5.0, wall_time=session.running_since - 50))
    assert back.phase_elapsed() == 0


def test_only_a_running_session_resumes_an_open_segment(session, time_source):
    session.status, session.running_since = "paused", time_source.wall_time - 100
    assert SessionClock(session, time_source).phase_elapsed() == 0


def test_a_one_minute_phase_chimes_one_minute_left_when_it_starts(time_source):
    session = Session("Short", "2026-11-25", "Jo", Scenario("Co", "", "x"), phases=[Phase("Quick", 1)])
    clock = SessionClock(session, time_source)
    clock.start()
    assert clock.tick() == [ONE_MINUTE_LEFT]
    time_source.advance(0.5)
    assert restarted(session, time_source).tick() == []  # it chimed before the restart
