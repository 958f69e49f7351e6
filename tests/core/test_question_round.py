"""The question round: turns go round the group per question; airtime is recorded and saved."""

import pytest

from studygroup.clock import ManualTime
from studygroup.model import Participant, Scenario, Session
from studygroup.question_round import QuestionRound


def make_session(names=("Ada", "Bo", "Cy"), questions=("Q1", "Q2")):
    return Session(
        title="S",
        date="2026-01-01",
        facilitator="",
        scenario=Scenario("A", "b", "c", probing_questions=list(questions)),
        participants=[Participant(n) for n in names],
    )


def test_each_question_goes_round_everyone_in_order_and_airtime_adds_up(store):
    session, time = make_session(), ManualTime()
    store.save_session(session)
    rounds = QuestionRound(
        session, time, persist=lambda person: store.save_airtime(session.id, person.id, person.airtime_seconds)
    )
    rounds.start_turn()
    seen = []
    for seconds in (10, 20, 30, 5, 5, 5):
        seen.append((rounds.question, rounds.person.name))
        time.advance(seconds)
        more = rounds.next_turn()
    assert more is False and rounds.finished and not rounds.running
    assert seen == [("Q1", "Ada"), ("Q1", "Bo"), ("Q1", "Cy"), ("Q2", "Ada"), ("Q2", "Bo"), ("Q2", "Cy")]
    stored = {p.name: p.airtime_seconds for p in store.load_session(session.id).participants}
    assert stored == {"Ada": 15, "Bo": 25, "Cy": 35}


def test_a_paused_turn_keeps_its_airtime_and_the_clock_holds(store):
    session, time = make_session(("Ada",)), ManualTime()
    rounds = QuestionRound(session, time, turn_seconds=60)
    rounds.start_turn()
    time.advance(50)
    assert rounds.turn_remaining() == 10
    rounds.pause()
    time.advance(1000)
    assert rounds.turn_elapsed() == 0 and session.participants[0].airtime_seconds == 50
    rounds.start_turn()
    time.advance(70)
    assert rounds.turn_remaining() == -10  # running over shows, never clamps
    rounds.finish()
    assert session.participants[0].airtime_seconds == 120


def test_a_seed_gives_a_reproducible_shuffled_order():
    names = [f"P{i}" for i in range(8)]
    first = [p.name for p in QuestionRound(make_session(names), ManualTime(), seed=5).order]
    again = [p.name for p in QuestionRound(make_session(names), ManualTime(), seed=5).order]
    assert first == again and sorted(first) == sorted(names) and first != names


def test_a_round_needs_people_and_falls_back_to_one_question():
    with pytest.raises(ValueError):
        QuestionRound(make_session(names=()), ManualTime())
    assert QuestionRound(make_session(questions=()), ManualTime()).question


def test_next_question_skips_the_rest_and_finishes_after_the_last():
    from studygroup.clock import ManualTime
    from studygroup.model import Participant, Scenario, Session
    from studygroup.question_round import QuestionRound

    session = Session(
        title="t",
        date="2026-11-30",
        facilitator="f",
        scenario=Scenario(company="c", who_they_are="w", outcome_problem="o", probing_questions=["First?", "Second?"]),
        participants=[Participant("Ana Ruiz"), Participant("Bo Chen")],
    )
    time = ManualTime()
    round_ = QuestionRound(session, time)
    round_.start_turn()
    time.advance(10)
    assert round_.next_question() is True
    assert (round_.question, round_.person.name, round_.running) == ("Second?", "Ana Ruiz", True)
    assert session.participants[0].airtime_seconds == 10
    assert round_.next_question() is False and round_.finished and not round_.running


def test_after_a_new_question_a_silence_holds_the_turn_clock_then_the_turn_starts_on_time():
    session, time = make_session(("Ada", "Bo")), ManualTime()
    rounds = QuestionRound(session, time, turn_seconds=60, silence_seconds=5)
    rounds.start_turn()  # the round's first question starts at once
    time.advance(10)
    assert rounds.next_question() and rounds.silent and not rounds.running
    time.advance(3)
    assert rounds.silence_remaining() == 2 and rounds.turn_remaining() == 60  # the turn's countdown waits
    assert rounds.poll() is False
    time.advance(4)  # polled a second late: the turn began when the silence ended
    assert rounds.poll() is True and not rounds.silent and rounds.running
    assert rounds.turn_elapsed() == 2 and rounds.person.name == "Ada" and rounds.question == "Q2"
    rounds.finish()
    assert [p.airtime_seconds for p in session.participants] == [12, 0]


def test_a_silence_can_be_skipped_and_going_round_to_the_next_question_holds_one_too():
    session, time = make_session(("Ada", "Bo")), ManualTime()
    rounds = QuestionRound(session, time, silence_seconds=5)
    rounds.start_turn()
    rounds.next_turn()
    assert rounds.running and not rounds.silent  # the same question, the next person: no silence
    rounds.next_turn()  # past the last person: Q2, after a silence
    assert rounds.silent and rounds.question == "Q2"
    time.advance(1)
    rounds.start_turn()  # the start key skips the rest
    assert rounds.running and not rounds.silent and rounds.silence_remaining() == 0
    time.advance(8)
    rounds.next_turn()
    assert session.participants[0].airtime_seconds == 8 and not rounds.silent


def test_a_silence_that_ran_out_unpolled_still_counts_the_turn_when_the_person_moves_on():
    session, time = make_session(("Ada", "Bo")), ManualTime()
    rounds = QuestionRound(session, time, silence_seconds=5)
    rounds.start_turn()
    rounds.next_question()
    time.advance(15)
    rounds.next_turn()
    assert session.participants[0].airtime_seconds == 10


def test_no_silence_when_it_is_off():
    rounds = QuestionRound(make_session(), ManualTime(), silence_seconds=0)
    rounds.start_turn()
    rounds.next_question()
    assert rounds.running and not rounds.silent
