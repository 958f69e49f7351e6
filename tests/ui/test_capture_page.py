"""The Capture tab: switching people by keyboard, drafts that reach the disk, notes, nudges and the lock."""

import datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from studygroup.clock import ManualTime, SessionClock
from studygroup.demo import AGENDA, demo_scenario
from studygroup.errors import DiskFull
from studygroup.model import Observation, Participant, Phase, Session
from studygroup.nudges import RULE1_HINT
from ui import dialogs
from ui.action_table import ACTIONS
from ui.capture.feed_filter import ANY
from ui.capture.page import FALLBACK_FILE, CapturePage

NAMES = (
    "Dana Whitfield",
    "Marco Ruiz",
    "Aiko Tanaka",
    "Femi Adeyemi",
    "Lena Novak",
    "Chris Okafor",
    "Priya Shah",
    "Sam Lee",
)


def make_session(store) -> Session:
    scenario = demo_scenario()
    people = [Participant(name, role=scenario.roles[i % len(scenario.roles)]) for i, name in enumerate(NAMES)]
    session = Session(
        title="Thursday group",
        date=datetime.date.today().isoformat(),
        facilitator="Jo Park",
        scenario=scenario,
        phases=[Phase(n, m, p) for n, m, p in AGENDA],
        participants=people,
        lingo=["KYC", "Connect"],
        journey_steps=["Sign-up", "Payouts"],
    )
    store.save_session(session)
    return session


@pytest.fixture
def session(store):
    return make_session(store)


@pytest.fixture
def clock(store, session, time):
    return SessionClock(session, time, persist=store.save_clock)


def open_page(qtbot, store, session, clock) -> CapturePage:
    page = CapturePage(store, session, clock)
    qtbot.addWidget(page)
    with qtbot.waitActive(page):  # shortcuts only reach the active window
        page.show()
        page.activateWindow()
    return page


@pytest.fixture
def page(qtbot, store, session, clock):
    opened = open_page(qtbot, store, session, clock)
    yield opened
    opened.shutdown()  # before the store closes


def type_into(qtbot, page, text):
    """Type like a person; QTest only knows ASCII keys, so other characters arrive as input."""
    first, *rest = text.split("\u00e9")
    qtbot.keyClicks(page.editor, first)
    for chunk in rest:
        page.editor.insertPlainText("\u00e9")
        qtbot.keyClicks(page.editor, chunk)


def press_enter(qtbot, page, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(page.editor, Qt.Key.Key_Return, modifier)


def switch_with_keys(qtbot, page, number):
    qtbot.keyClick(page.editor, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)


def test_the_current_author_is_unmistakable(page, session):
    dana = session.participants[0]
    assert page.author_id == dana.id
    assert page.band.text() == "Writing as Dana Whitfield"
    assert page.editor.placeholderText() == "Dana, what happened?"
    assert page.persona.text() == "You are Dana, the founder and baker at Crumb & Co"
    assert page.person_bar.buttons[dana.id].isChecked()
    assert page.person_bar.buttons[dana.id].text() == "DW"
    # Each person keeps one colour, different from the others.
    colours = {page.person_bar.buttons[p.id].styleSheet() for p in session.participants}
    assert len(colours) == len(session.participants)


def test_eight_people_type_interleaved_drafts_switching_with_ctrl_number(qtbot, page, store, session, time):
    typed = {p.id: "" for p in session.participants}
    rounds = ["saw ", "a #red ", "button\u00e9 "]
    for word in rounds:
        for number, person in enumerate(session.participants, start=1):
            switch_with_keys(qtbot, page, number)
            assert page.author_id == person.id
            assert page.editor.toPlainText() == typed[person.id]  # their own draft came back
            type_into(qtbot, page, f"{word}{number} ")
            typed[person.id] += f"{word}{number} "
    switch_with_keys(qtbot, page, 0)
    assert page.author_id is None
    assert page.band.text() == "Writing as Jo Park (facilitator)"
    assert page.editor.toPlainText() == ""
    on_disk = {author: d.text for author, d in store.drafts(session.id).items()}
    assert on_disk == typed  # switching persisted every draft


def test_a_draft_reaches_the_disk_after_the_debounce(qtbot, page, store, session):
    type_into(qtbot, page, "half a thought")
    assert page.draft_timer.isActive() and page.draft_timer.interval() == 400
    assert store.drafts(session.id) == {}
    with qtbot.waitSignal(page.draft_persisted, timeout=2000) as persisted:
        pass
    assert persisted.args[0].text == "half a thought"
    assert store.drafts(session.id)[page.author_id].text == "half a thought"


def test_drafts_come_back_when_the_page_reopens(qtbot, store, session, clock):
    first = open_page(qtbot, store, session, clock)
    for number in (1, 2, 3):
        switch_with_keys(qtbot, first, number)
        type_into(qtbot, first, f"draft {number}")
    first.shutdown()
    first.close()
    second = open_page(qtbot, store, session, clock)
    for number in (1, 2, 3):
        switch_with_keys(qtbot, second, number)
        assert second.editor.toPlainText() == f"draft {number}"
    second.shutdown()


def test_choices_around_a_draft_are_on_disk_and_come_back(qtbot, store, session, clock):
    first = open_page(qtbot, store, session, clock)
    switch_with_keys(qtbot, first, 2)
    first.kinds.set_value("bad_day")
    first.severity.set_value(3)
    first.step_edit.setText("Payouts")
    first.expected_edit.setText("money on Friday")
    with qtbot.waitSignal(first.draft_persisted, timeout=2000):
        pass  # the debounce writes the choices without any text typed
    author = first.author_id
    assert store.drafts(session.id)[author].form == {
        "kind": "bad_day",
        "severity": 3,
        "journey_step": "Payouts",
        "expected": "money on Friday",
        "happened": "",
    }
    first.close()  # no shutdown: as if the app had been killed
    second = open_page(qtbot, store, session, clock)
    switch_with_keys(qtbot, second, 2)
    assert (second.kinds.value, second.severity.value, second.step_edit.text(), second.expected_edit.text()) == (
        "bad_day",
        3,
        "Payouts",
        "money on Friday",
    )
    second.shutdown()


def test_enter_saves_and_shift_enter_makes_a_new_line(qtbot, page, store, session, clock, time):
    clock.start()
    time.advance(42)
    type_into(qtbot, page, "first line")
    press_enter(qtbot, page, Qt.KeyboardModifier.ShiftModifier)
    type_into(qtbot, page, "second #Docs")
    assert page.editor.toPlainText() == "first line\nsecond #Docs"
    with qtbot.waitSignal(page.note_saved) as saved:
        press_enter(qtbot, page)
    note = saved.args[0]
    stored = store.observations(session.id)
    assert [o.id for o in stored] == [note.id]
    assert stored[0].text == "first line\nsecond #Docs" and stored[0].tags == ["docs"]
    assert stored[0].author_id == session.participants[0].id
    assert stored[0].phase_id == session.phases[0].id
    assert stored[0].session_seconds == pytest.approx(42)
    assert page.editor.toPlainText() == ""
    assert page.status.text().startswith("Saved")
    assert store.drafts(session.id) == {}  # the saved text does not come back as a draft


def test_a_draft_already_on_disk_is_gone_the_moment_its_note_is_saved(qtbot, page, store, session):
    """A crash right after "Saved" must not bring the note's text back as a draft beside the note."""
    page.kinds.set_value("bad_day")
    type_into(qtbot, page, "the payout froze")
    with qtbot.waitSignal(page.draft_persisted, timeout=2000):
        pass
    assert store.drafts(session.id)[page.author_id].text == "the payout froze"
    with qtbot.waitSignal(page.note_saved):
        press_enter(qtbot, page)
    assert store.drafts(session.id) == {}  # at once, not after the next debounce
    assert [(o.text, o.kind) for o in store.observations(session.id)] == [("the payout froze", "bad_day")]


def test_kind_severity_step_and_classic_fields(qtbot, page, store, session):
    qtbot.keyClick(page.editor, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert page.kinds.value == "bad_day"
    assert page.editor.toPlainText() == ""  # Alt+B picked the kind, typed nothing
    page.severity.buttons[3].click()
    assert page.severity.buttons[3].text() == "3 if this weren't my job, I'd give up"
    page.step_edit.setText("refund a customer")
    page.classic_toggle.setChecked(True)
    page.expected_edit.setText("a refund button")
    page.happened_edit.setText("a support form")
    type_into(qtbot, page, "No way to refund")
    note = page.save_current()
    assert (note.kind, note.severity, note.journey_step) == ("bad_day", 3, "refund a customer")
    assert (note.expected, note.happened) == ("a refund button", "a support form")
    assert session.journey_steps[-1] == "refund a customer"
    assert store.load_session(session.id).journey_steps[-1] == "refund a customer"
    assert "refund a customer" in page.step_completions.stringList()
    assert page.kinds.value == "friction" and page.expected_edit.text() == ""


def test_an_empty_note_is_not_saved_and_says_why(qtbot, page, store, session):
    type_into(qtbot, page, "   ")
    press_enter(qtbot, page)
    assert store.observations(session.id) == []
    assert page.status.text() == "A note needs some text: write what happened, then save."


def test_nudges_fire_on_lingo_and_solution_talk_and_stay_quiet_otherwise(qtbot, page, store, session):
    type_into(qtbot, page, "My shoulder hurt and I fixed my coffee")
    assert page.rule1_hint.isHidden() and page.rule2_row.isHidden()
    page.editor.clear()
    type_into(qtbot, page, "The kyc page")
    assert not page.rule1_hint.isHidden()
    assert page.rule1_hint.text() == f"{RULE1_HINT} (KYC)"
    assert page.rule2_row.isHidden()
    type_into(qtbot, page, ": we should just add a skip")
    assert not page.rule2_row.isHidden()
    note = page.save_current()  # a nudge never blocks
    assert note.lingo_flag and note.solution_flag
    assert page.rule1_hint.isHidden() and page.rule2_row.isHidden()


def test_keep_as_idea_for_later_saves_the_note_as_an_idea(qtbot, page, store, session):
    type_into(qtbot, page, "why don't we add a checklist")
    page.keep_as_idea.click()
    [stored] = store.observations(session.id)
    assert stored.kind == "idea" and stored.solution_flag


def test_a_storage_failure_keeps_the_text_and_writes_the_fallback_file(qtbot, page, store, session, monkeypatch):
    def full(_note):
        raise DiskFull(f"The disk holding {store.path} is full, so nothing can be saved to it.")

    monkeypatch.setattr(store, "add_observation", full)
    saved = []
    page.note_saved.connect(saved.append)
    type_into(qtbot, page, "precious <b>words</b> & more")
    press_enter(qtbot, page)
    assert saved == []
    assert page.editor.toPlainText() == "precious <b>words</b> & more"
    fallback = store.path.parent / FALLBACK_FILE
    assert "precious <b>words</b> & more" in fallback.read_text(encoding="utf-8")
    assert "Dana Whitfield" in fallback.read_text(encoding="utf-8")
    assert str(fallback) in page.status.text() and "Not saved" in page.status.text()
    assert page.status.textFormat() == Qt.TextFormat.PlainText


def test_own_notes_edit_keeps_a_version_and_delete_is_undoable(qtbot, page, store, session):
    type_into(qtbot, page, "slow page")
    note = page.save_current()
    page.notes_view.selectRow(0)
    assert page.edit_selected()
    assert page.editor.toPlainText() == "slow page"
    page.editor.selectAll()
    type_into(qtbot, page, "very slow page")
    press_enter(qtbot, page)
    assert store.observations(session.id)[0].text == "very slow page"
    assert [v.text for v in store.observation_versions(note.id)] == ["slow page"]
    page.notes_view.selectRow(0)
    page.notes_view.setFocus()
    qtbot.keyClick(page.notes_view, Qt.Key.Key_Delete)
    assert store.observations(session.id) == []
    assert page.own_proxy.rowCount() == 0
    qtbot.keyClick(page.notes_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [o.text for o in store.observations(session.id)] == ["very slow page"]
    assert page.own_proxy.rowCount() == 1


def test_private_capture_shows_only_your_own_notes_until_the_session_ends(qtbot, page, session, clock):
    for number in (1, 2):
        page.switch_author(session.participants[number - 1].id)
        type_into(qtbot, page, f"note by {number}")
        page.save_current()
    assert page.private_toggle.isChecked()
    assert page.own_proxy.rowCount() == 1 and page.own_proxy.note_at(0).text == "note by 2"
    page.private_toggle.setChecked(False)
    assert page.own_proxy.rowCount() == 2
    page.private_toggle.setChecked(True)
    clock.start()
    clock.end()
    assert page.own_proxy.rowCount() == 2  # after the session, everyone sees everything


def test_the_feed_is_the_facilitators_and_filters(qtbot, page, session):
    assert page.feed.isHidden()
    for person, kind in (
        (session.participants[0], "friction"),
        (session.participants[1], "delight"),
        (session.participants[1], "friction"),
    ):
        page.switch_author(person.id)
        page.kinds.set_value(kind)
        type_into(qtbot, page, f"{person.name} {kind}")
        page.save_current()
    page.switch_author(None)
    assert not page.feed.isHidden()
    assert page.feed_proxy.rowCount() == 3
    page.filters["author_id"].setCurrentIndex(3)  # Everyone, facilitator, then the people in order
    assert page.feed_proxy.filter_value("author_id") == session.participants[1].id
    assert page.feed_proxy.rowCount() == 2
    page.filters["kind"].setCurrentIndex(1)  # Friction
    assert page.feed_proxy.rowCount() == 1
    page.filters["author_id"].setCurrentIndex(0)
    assert page.feed_proxy.filter_value("author_id") is ANY
    assert page.feed_proxy.rowCount() == 2


def test_the_feed_takes_ten_thousand_notes_in_one_insert(qtbot, page, session):
    inserts = []
    page.feed_model.rowsInserted.connect(lambda *args: inserts.append(args))
    people = [p.id for p in session.participants]
    notes = [
        Observation(session.id, f"n{i}", kind=("friction", "idea")[i % 2], author_id=people[i % 8], session_seconds=i)
        for i in range(10_000)
    ]
    page.feed_model.append(notes)
    assert len(inserts) == 1 and page.feed_model.rowCount() == 10_000
    page.feed_proxy.set_filter("author_id", people[3])
    page.feed_proxy.set_filter("kind", "idea")
    assert page.feed_proxy.rowCount() == 1250


# --- the lock ------------------------------------------------------------------


@pytest.fixture
def pin_answers(monkeypatch):
    answers = []
    monkeypatch.setattr(dialogs, "ask_pin", lambda *_args: answers.pop(0))
    return answers


def lock_with_pin(page, pin_answers, pin="4821"):
    pin_answers.extend([pin, pin])
    page.lock_button.click()
    assert page.lock.locked


def test_without_a_pin_nothing_is_locked(page):
    assert page.lock_button.text() == "Lock for participants…"
    assert all(page.gate.request(spec.id) for spec in ACTIONS)


@pytest.mark.parametrize("action", [spec.id for spec in ACTIONS if spec.facilitator])
def test_each_guarded_action_asks_once_and_goes_on_with_the_right_pin(page, pin_answers, action):
    lock_with_pin(page, pin_answers)
    assert page.gate.needs_pin(action)
    pin_answers.append(None)  # cancelled
    assert not page.gate.request(action)
    pin_answers.extend(["0000", None])  # wrong, then the same prompt again, cancelled
    assert not page.gate.request(action)
    assert page.status.text() == "That PIN is not right."
    pin_answers.extend(["0000", "4821"])  # wrong, then right in the prompt that asks again
    assert page.gate.request(action)
    assert not pin_answers
    assert page.lock.locked and page.lock_button.text() == "Unlock…"  # the PIN let one action through


def test_open_actions_never_ask(page, pin_answers):
    lock_with_pin(page, pin_answers)
    assert all(page.gate.request(spec.id) for spec in ACTIONS if not spec.facilitator)


def test_locked_others_notes_cannot_be_deleted_but_own_notes_can(qtbot, page, pin_answers, store, session):
    dana, marco = session.participants[:2]
    type_into(qtbot, page, "Dana's note")
    page.save_current()
    page.private_toggle.setChecked(False)
    lock_with_pin(page, pin_answers)
    assert not page.private_toggle.isEnabled()  # participants cannot lift privacy either
    page.switch_author(marco.id)
    page.notes_view.selectRow(0)
    pin_answers.append(None)
    assert not page.delete_selected()
    assert len(store.observations(session.id)) == 1
    page.switch_author(dana.id)
    page.notes_view.selectRow(0)
    assert page.delete_selected()


def test_the_lock_hides_the_feed_and_a_wrong_pin_backs_off(page, pin_answers, time, monkeypatch):
    lock_with_pin(page, pin_answers)
    page.switch_author(None)
    assert page.feed.isHidden()
    told = []
    monkeypatch.setattr(dialogs, "inform", lambda *args: told.append(args[2]))
    pin_answers.extend(["1", "2", "3", "4821"])  # the fourth try comes too soon, even the right PIN
    page.lock_button.click()
    assert page.lock.locked and "wait 2 seconds" in page.status.text() and "wait 2 seconds" in told[0]
    time.advance(2)
    pin_answers.append("4821")
    page.lock_button.click()
    assert not page.lock.locked and not page.feed.isHidden() and not pin_answers


def test_mismatched_new_pins_do_not_lock(page, pin_answers):
    pin_answers.extend(["4821", "4822"])
    page.lock_button.click()
    assert not page.lock.locked and page.status.text() == "The two PINs differ; nothing was changed."


def test_opening_the_capture_tab_puts_the_cursor_in_the_note_box(qtbot, store, session):
    from ui.session_page import CAPTURE, SessionPage

    page = SessionPage(store, session, ManualTime())
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page.tabs.setCurrentIndex(CAPTURE)
    qtbot.waitUntil(lambda: page.capture.editor.hasFocus())
    qtbot.keyClick(page.capture.editor, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert page.capture.author_id == session.participants[1].id
    page.shutdown()


def test_the_facilitator_can_change_or_remove_the_pin(qtbot, page, monkeypatch):
    answers = iter(["1234", "1234"])
    monkeypatch.setattr(dialogs, "ask_pin", lambda *args: next(answers))
    page.lock_button.click()  # set the PIN and lock
    assert page.lock.locked and not page.change_pin_button.isVisibleTo(page)
    answers = iter(["1234"])
    page.lock_button.click()  # unlock
    assert not page.lock.locked and page.change_pin_button.isVisibleTo(page)
    answers = iter(["0000"])
    assert page.change_pin() is False and "not right" in page.status.text()
    answers = iter(["1234", "9876", "9876"])
    assert page.change_pin() is True and page.lock.pins.check_pin("9876")
    answers = iter(["9876", ""])
    assert page.change_pin() is True and not page.lock.pins.has_pin()
    assert not page.change_pin_button.isVisibleTo(page)


def save_button_y(page) -> int:
    QApplication.sendPostedEvents()  # lay out now, as the next paint would
    return page.save_button.mapTo(page, QPoint(0, 0)).y()


def test_the_nudges_appear_without_moving_the_form_under_the_typist(qtbot, page):
    before = save_button_y(page)
    type_into(qtbot, page, "The kyc page")
    assert page.rule1_hint.isVisible()
    assert save_button_y(page) == before
    type_into(qtbot, page, ": we should just add a skip")
    assert page.rule2_row.isVisible()
    assert save_button_y(page) == before
    page.save_current()
    assert page.rule1_hint.isHidden() and page.rule2_row.isHidden()
    assert save_button_y(page) == before


def test_enter_in_the_journey_step_picks_a_completion_first_then_saves(qtbot, page, store, session):
    type_into(qtbot, page, "the payout never came")
    page.step_edit.setFocus()
    qtbot.keyClicks(page.step_edit, "pay")
    popup = page.step_edit.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # the popup has the keyboard while it is open
    assert page.step_edit.text() == "Payouts"
    assert store.observations(session.id) == []  # that Enter picked the step and saved nothing
    qtbot.keyClick(page.step_edit, Qt.Key.Key_Return)
    [stored] = store.observations(session.id)
    assert (stored.text, stored.journey_step) == ("the payout never came", "Payouts")
    assert page.editor.toPlainText() == "" and page.editor.hasFocus()  # ready for the next note


def test_saved_at_belongs_to_whoever_saved(qtbot, page, session, clock, time):
    clock.start()
    time.advance(723)
    type_into(qtbot, page, "slow page")
    press_enter(qtbot, page)
    assert page.status.text() == "Saved at 12:03."
    switch_with_keys(qtbot, page, 2)
    assert page.status.text() == ""  # Marco saved nothing
    page.save_current()
    assert page.status.text() == "A note needs some text: write what happened, then save."
    switch_with_keys(qtbot, page, 1)
    assert page.status.text() == "Saved at 12:03."  # Dana's own last message comes back
    assert page.status.property("state") == "ok" and page.status.styleSheet() == ""


def test_a_chip_shows_who_has_an_unsent_draft(qtbot, page, session):
    dana, marco = (page.person_bar.buttons[p.id] for p in session.participants[:2])
    assert (dana.text(), dana.accessibleName()) == ("DW", "Write as Dana Whitfield (Ctrl+1)")
    type_into(qtbot, page, "half a thought")
    assert dana.text() == "DW \u2022"
    assert dana.accessibleName() == "Write as Dana Whitfield (Ctrl+1); has an unsent draft"
    assert dana.toolTip() == dana.accessibleName()
    switch_with_keys(qtbot, page, 2)
    assert (dana.text(), marco.text()) == ("DW \u2022", "MR")  # Dana's draft waits for her
    type_into(qtbot, page, "note")
    press_enter(qtbot, page)
    assert marco.text() == "MR"  # saved: nothing is waiting
    switch_with_keys(qtbot, page, 1)
    page.editor.selectAll()
    qtbot.keyClick(page.editor, Qt.Key.Key_Backspace)
    assert (dana.text(), dana.toolTip()) == ("DW", "Write as Dana Whitfield (Ctrl+1)")


def test_drafts_left_by_others_are_marked_when_the_page_opens(qtbot, store, session, clock):
    first = open_page(qtbot, store, session, clock)
    switch_with_keys(qtbot, first, 3)
    type_into(qtbot, first, "unfinished")
    first.shutdown()
    first.close()
    second = open_page(qtbot, store, session, clock)
    assert second.person_bar.buttons[session.participants[2].id].text() == "AT \u2022"
    assert second.person_bar.buttons[session.participants[0].id].text() == "DW"
    second.shutdown()


def form_values(page):
    return page.kinds.value, page.severity.value, page.step_edit.text()


def save_a_bad_day(qtbot, page):
    """Save one note of kind bad_day, severity 3, and select it in My notes."""
    qtbot.keyClick(page.editor, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(page.editor, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    type_into(qtbot, page, "gave up on payouts")
    press_enter(qtbot, page)
    page.notes_view.selectRow(0)


def test_after_an_edit_the_next_note_starts_from_the_defaults(qtbot, page, store, session):
    save_a_bad_day(qtbot, page)
    assert page.edit_selected()
    page.step_edit.setText("Payouts")
    assert form_values(page) == ("bad_day", 3, "Payouts")
    press_enter(qtbot, page)
    assert (store.observations(session.id)[0].kind, store.observations(session.id)[0].journey_step) == (
        "bad_day",
        "Payouts",
    )
    assert form_values(page) == ("friction", 1, "")
    assert page.editor.toPlainText() == ""


def test_cancelling_an_edit_brings_back_the_authors_draft_and_choices(qtbot, page):
    save_a_bad_day(qtbot, page)
    qtbot.keyClick(page.editor, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(page.editor, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    type_into(qtbot, page, "a nice surprise")
    assert page.edit_selected()
    assert form_values(page) == ("bad_day", 3, "")
    qtbot.keyClick(page.editor, Qt.Key.Key_Escape)
    assert form_values(page) == ("delight", 2, "")
    assert page.editor.toPlainText() == "a nice surprise"


def test_a_note_past_the_limit_is_said_and_the_text_stays(page, store, session):
    page.editor.setPlainText("y" * 10_001)
    assert page.save_current() is None
    assert page.status.text().startswith("A note can hold 10,000 characters; this one has 10,001.")
    assert page.editor.toPlainText() == "y" * 10_001 and store.observations(session.id) == []


def test_the_facilitators_choices_come_back_when_the_page_reopens(qtbot, store, session, clock):
    first = open_page(qtbot, store, session, clock)
    first.switch_author(None)
    first.kinds.set_value("question")
    first.severity.set_value(2)
    first.shutdown()
    first.close()
    expected = {"kind": "question", "severity": 2, "journey_step": "", "expected": "", "happened": ""}
    assert store.drafts(session.id)[None].form == expected
    second = open_page(qtbot, store, session, clock)  # opens on Dana, the first person
    assert store.drafts(session.id)[None].form == expected  # opening the page wrote nothing over them
    second.switch_author(None)
    assert (second.kinds.value, second.severity.value) == ("question", 2)
    second.shutdown()
