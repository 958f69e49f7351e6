"""The projector view follows the clock, steps through questions and scales its type."""

import pytest

from tests.ui.test_run_console import make_session
from ui import dialogs
from ui.session_page import SessionPage


@pytest.fixture
def console(qtbot, store, time):
    page = SessionPage(store, make_session(store), time)
    qtbot.addWidget(page)
    page.console.timer.stop()
    yield page.console  # the generator keeps the page (and so the console) alive


@pytest.fixture
def projector(console):
    return console.show_projector()


def test_projector_follows_the_current_phase(console, projector, time):
    assert projector.isVisible()
    assert projector.phase_label.text() == "Welcome and rules"
    console.clock.start()
    time.advance(2 * 60)
    console.refresh()
    assert projector.countdown.text() == "03:00"
    console.actions_by_id["next_phase"].trigger()
    assert projector.phase_label.text() == "Become the customer"
    assert projector.countdown.text() == "10:00"
    time.advance(11 * 60)
    console.refresh()
    assert projector.countdown.text() == "+01:00"
    assert projector.countdown.property("state") == "overtime"


def test_an_ended_session_shows_ended_on_the_projector(console, projector, time, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, title, text: True)
    console.actions_by_id["start_pause"].trigger()
    time.advance(60)
    console.refresh()
    assert projector.countdown.text() == "04:00"
    console.actions_by_id["end_session"].trigger()
    assert projector.countdown.text() == "Ended"
    assert projector.countdown.accessibleName() == "Session ended"


def test_projector_steps_through_probing_questions(console, projector):
    questions = console.session.scenario.probing_questions
    assert projector.current_text() == ("Prompt", console.session.phases[0].prompt)
    projector.previous_question()
    assert projector.question_index == -1
    for _ in range(len(questions) + 2):
        projector.next_question()
    assert projector.question.text() == questions[-1]
    assert projector.question_label.text() == f"Question {len(questions)} of {len(questions)}"
    projector.previous_question()
    assert projector.question.text() == questions[-2]
    console.actions_by_id["next_phase"].trigger()  # a new phase starts from its prompt
    assert projector.question.text() == console.session.phases[1].prompt


def test_projector_shows_the_rules_and_the_card(projector):
    texts = [label.text() for labels in projector._labels.values() for label in labels]
    assert "1  You don't work here" in texts
    assert any("Crumb & Co" in text for text in texts)


def countdown_px(projector) -> int:
    return int(projector.countdown.styleSheet().split("font-size:")[1].split("px")[0])


def test_type_scales_with_the_window(qtbot, projector):
    projector.resize(700, 480)
    qtbot.waitUntil(lambda: projector.width() <= 720)
    small = countdown_px(projector)
    projector.resize(1920, 1200)
    qtbot.waitUntil(lambda: countdown_px(projector) == 315)  # 210 px at 1280x800, times 1.5
    assert small < 140


def test_projector_is_reused_and_stops_listening_when_gone(console, projector, qtbot):
    assert console.show_projector() is projector
    listeners = len(console.clock.listeners)
    projector.deleteLater()
    qtbot.waitUntil(lambda: len(console.clock.listeners) == listeners - 1)
