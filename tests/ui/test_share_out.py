"""The share-out on the projector: the reveal by journey step, names on or off, the silence, what was said."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import Qt

from studygroup.demo import AGENDA, demo_scenario
from studygroup.model import Observation, Participant, Phase, Session
from studygroup.share_out import NO_STEP
from ui.run.question_round import TOGGLE_SPEC
from ui.run.reveal import NOTE_ROLE
from ui.session_page import SessionPage

SHIFT_CTRL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def make_session(store) -> Session:
    session = Session(
        title="Share-out",
        date=datetime.date.today().isoformat(),
        facilitator="Jo",
        scenario=demo_scenario(),
        phases=[Phase(n, m, p) for n, m, p in AGENDA],
        participants=[Participant("Ana Ruiz"), Participant("Ben Okafor")],
        journey_steps=["Sign up", "Pay"],
    )
    store.save_session(session)
    return session


def add(store, session, text, kind="friction", severity=1, step="", author=0, seconds=1.0):
    store.add_observation(
        Observation(
            session.id,
            text,
            kind=kind,
            severity=severity,
            journey_step=step,
            author_id=session.participants[author].id,
            session_seconds=seconds,
        )
    )


@pytest.fixture
def page(qtbot, store, time):
    session = make_session(store)
    add(store, session, "Where is the pay button?", "confusion", 2, "Pay")
    add(store, session, "Card refused <b>twice</b>", "bad_day", 3, "Pay", author=1)
    add(store, session, "Lovely welcome", "delight", 1, "Sign up")
    add(store, session, "What does KYC mean?", "question", 1, "")
    opened = SessionPage(store, session, time)
    qtbot.addWidget(opened)
    opened.console.timer.stop()  # the tests drive the redraws themselves
    with qtbot.waitActive(opened):  # shortcuts only reach the active window
        opened.show()
        opened.activateWindow()
    yield opened
    opened.shutdown()


def shown(projector) -> list[str]:
    model = projector.reveal_view.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def heads(projector) -> list[str]:
    model = projector.reveal_view.model
    return [model.index(row, 0).data(Qt.ItemDataRole.AccessibleTextRole) for row in range(model.rowCount())]


def test_reveal_shows_every_note_by_step_severe_first_without_names(page):
    console = page.console
    console.actions_by_id["reveal_notes"].trigger()
    projector = console.projector
    assert projector is not None and projector.isVisible() and projector.revealed
    assert console.actions_by_id["reveal_notes"].text() == "Hide notes"
    assert projector.reveal_view.step.text() == "Sign up"
    assert shown(projector) == ["Lovely welcome"]
    projector.next_question()  # PageDown: the whole step fits, so on to the next
    assert projector.reveal_view.step.text() == "Pay"
    assert shown(projector) == ["Card refused <b>twice</b>", "Where is the pay button?"]
    assert heads(projector) == [
        "Bad day  ·  if this weren't my job, I'd give up: Card refused <b>twice</b>",
        "Confusion  ·  this slowed me down: Where is the pay button?",
    ]
    assert projector.reveal_view.where.text().startswith("Step 2 of 3  ·  2 notes here, 4 in all  ·  no names")
    projector.next_question()
    assert projector.reveal_view.step.text() == NO_STEP
    projector.next_question()  # stays on the last
    projector.previous_question()
    assert projector.reveal_view.step.text() == "Pay"


def test_names_toggle_shows_authors_and_keeps_the_step(page):
    console = page.console
    console.actions_by_id["reveal_notes"].trigger()
    projector = console.projector
    projector.next_question()
    console.actions_by_id["names_on_projector"].trigger()
    assert projector.reveal_view.step.text() == "Pay"
    assert heads(projector)[0] == (
        "Bad day  ·  if this weren't my job, I'd give up  ·  Ben Okafor: Card refused <b>twice</b>"
    )
    assert "with names" in projector.reveal_view.where.text()
    console.actions_by_id["names_on_projector"].trigger()
    assert "Ben Okafor" not in heads(projector)[0]


def test_hide_notes_goes_back_to_the_room_view_and_paging_steps_questions_again(page):
    console = page.console
    console.actions_by_id["reveal_notes"].trigger()
    console.actions_by_id["reveal_notes"].trigger()
    projector = console.projector
    assert not projector.revealed and console.actions_by_id["reveal_notes"].text() == "Reveal notes on projector"
    projector.next_question()
    assert projector.question_index == 0


def test_a_step_with_hundreds_of_notes_pages_a_screen_at_a_time_at_1280_by_720(qtbot, store, time):
    session = make_session(store)
    for n in range(300):
        add(store, session, f"Note {n}: the fee table was hard to read on a phone", "friction", 1 + n % 3, "Pay")
    add(store, session, "Welcome was fine", "delight", 1, "Sign up")
    page = SessionPage(store, session, time)
    qtbot.addWidget(page)
    page.console.timer.stop()
    projector = page.console.show_projector()
    projector.resize(1280, 720)
    page.console.actions_by_id["reveal_notes"].trigger()
    projector.next_question()
    view = projector.reveal_view
    assert view.step.text() == "Pay" and view.model.rowCount() == 300
    assert view.model.index(0, 0).data(NOTE_ROLE).severity == 3
    qtbot.waitUntil(lambda: view.list.verticalScrollBar().maximum() > 0)
    projector.next_question()
    assert view.step.text() == "Pay" and view.list.verticalScrollBar().value() > 0  # a screen on, same step
    assert projector.height() <= 720
    page.shutdown()


def test_the_reveal_model_passes_the_model_tester(qtmodeltester, page):
    page.console.actions_by_id["reveal_notes"].trigger()
    qtmodeltester.check(page.console.projector.reveal_view.model)


# --- the question round: silence and what was said ---------------------------------------------


def start_round(page):
    page.console.actions_by_id[TOGGLE_SPEC.id].trigger()
    panel = page.console.question_round
    panel.actions_by_id["start_turn"].trigger()
    return panel


def test_after_next_question_the_room_sees_a_silence_then_the_turn_starts(page, time):
    panel = start_round(page)
    projector = page.console.show_projector()
    time.advance(20)
    panel.actions_by_id["next_round_question"].trigger()
    assert panel.round.silent and panel.display_timer.isActive()
    assert projector.phase_label.text() == "Silence…  then Ana Ruiz"
    assert projector.countdown.text() == "5" and projector.countdown.property("state") == "silence"
    assert panel.actions_by_id["start_turn"].text() == "Skip silence"
    time.advance(3.5)
    panel.refresh()
    assert projector.countdown.text() == "2" and panel.round.turn_remaining() == 90  # the turn's clock waits
    time.advance(2)
    panel.refresh()
    assert not panel.round.silent and panel.round.running
    assert projector.phase_label.text() == "Now answering: Ana Ruiz"
    assert projector.countdown.text() == "01:30"  # began when the silence ended, half a second ago


def test_the_start_key_skips_the_silence_and_zero_turns_it_off(page, qtbot, time):
    panel = start_round(page)
    panel.actions_by_id["next_round_question"].trigger()
    qtbot.keyClick(page.console, Qt.Key.Key_R, SHIFT_CTRL)
    assert panel.round.running and not panel.round.silent
    panel.silence.setValue(0)
    assert panel.silence.text() == "Off"
    panel.actions_by_id["next_round_question"].trigger()
    assert panel.round.running and not panel.round.silent


def test_what_was_said_is_saved_with_the_turn(page, store, qtbot, time):
    panel = start_round(page)
    session = page.session
    box = panel.turn_notes.box
    assert box.isEnabled()
    qtbot.keyClicks(box, "Fees felt <i>hidden</i>")
    qtbot.waitUntil(lambda: store.turns(session.id)[0].text == "Fees felt <i>hidden</i>")  # the debounce
    time.advance(42)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Right, SHIFT_CTRL)  # the round's key, even while typing
    assert panel.round.person.name == "Ben Okafor" and box.toPlainText() == ""
    turns = store.turns(session.id)
    assert [(t.participant_id, t.text, t.seconds_spoken) for t in turns] == [
        (session.participants[0].id, "Fees felt <i>hidden</i>", 42.0),
        (session.participants[1].id, "", 0.0),
    ]
    assert turns[0].question == session.scenario.probing_questions[0]
    qtbot.keyClicks(box, "Nothing to add")
    panel.actions_by_id["end_round"].trigger()  # closing the turn saves at once, debounce or not
    assert store.turns(session.id)[1].text == "Nothing to add" and not box.isEnabled()
