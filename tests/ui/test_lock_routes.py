"""Every row of the action table, reached every way the app offers, is guarded or deliberately open.

The session is locked for participants with a PIN set. Each route (the key, the menu item, each
button, tick box or chip bound to the row, and closing the window) is taken with the PIN prompt
cancelled: a facilitator row must ask exactly once and change nothing; an open row must not ask.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu, QStackedWidget, QTabWidget, QToolButton, QWidget

from studygroup.clock import ManualTime
from studygroup.demo import demo_scenario
from studygroup.lock import PinStore
from studygroup.model import Observation, Participant, Phase, Session
from ui import dialogs
from ui.action_table import ACTIONS, SPECS
from ui.actions import ACTION_PROPERTY
from ui.main_window import MainWindow
from ui.session_page import CAPTURE

PIN = "2468"
DISABLED_WHILE_LOCKED = {"change_pin"}  # it asks for the current PIN itself, and only when unlocked
# On the Trends page, which opens only through show_trends (guarded, walked here) as the plan page through New session.
ON_TRENDS_PAGE = {"export_trends_pdf", "export_trends_md"}


@pytest.fixture
def room(qtbot, store, monkeypatch):
    """A running, locked session with notes by two people; returns (window, asked prompts)."""
    people = [Participant("Ana Ruiz"), Participant("Ben Okafor")]
    session = Session(
        title="Locked room",
        date="2026-12-01",
        facilitator="Jo Lee",
        scenario=demo_scenario(),
        phases=[Phase("One", 5), Phase("Two", 5), Phase("Three", 5)],
        participants=people,
        journey_steps=["Sign up"],
    )
    store.save_session(session)
    for author, text in ((people[0].id, "Ana's note"), (people[1].id, "Ben's note")):
        store.add_observation(
            Observation(
                session_id=session.id,
                author_id=author,
                text=text,
                kind="friction",
                severity=2,
                journey_step="Sign up",
                tags=["billing"],
            )
        )
    PinStore(store).set_pin(PIN)
    window = MainWindow(store, clock_time_source=ManualTime())
    qtbot.addWidget(window)
    with qtbot.waitActive(window):  # shortcuts reach only the active window
        window.show()
        window.activateWindow()
    page = window.open_session(session.id)
    page.clock.start()
    page.clock.next_phase()  # the middle phase: back and on both possible
    page.console.show_projector()
    page.console.actions_by_id["question_round"].setChecked(True)
    page.console.question_round.start_round()  # a turn running: every round control is live
    page.capture.private_toggle.setChecked(False)  # everyone's notes in the list, to try changing Ben's
    page.review.refresh()
    page.gate.lock_now()
    window.activateWindow()
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_pin", lambda *args: asked.append(args[2]) or None)
    yield window, asked
    page.gate.lock.pins.participant_mode = False  # so the window can close when the test ends


def state(window) -> tuple:
    """Everything a guarded action could change, read back from the window and the store."""
    page = window.session_page
    if page is None:
        return window.isVisible(), window.stack.currentWidget()
    session, store = page.session, page.store
    notes = [
        (n.id, n.author_id, n.text, n.journey_step, tuple(n.tags), n.follow_up)
        for n in store.observations(session.id, include_deleted=True)
        if n.deleted_at is None
    ]
    saved = store.load_session(session.id)
    panel = page.console.question_round
    return (
        window.isVisible(),
        window.stack.currentWidget(),
        session.status,
        saved.current_phase,
        [p.extra_seconds for p in saved.phases],
        saved.auto_advance,
        page.console.chime.muted,
        page.capture.author_id,
        panel.active,
        notes,
        sorted(saved.journey_steps),
        page.gate.locked,
    )


def show(widget: QWidget) -> None:
    """Bring *widget*'s tab to the front through every tab widget above it (the session stays open)."""
    child = widget
    while child.parentWidget() is not None:
        parent = child.parentWidget()
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            parent.parentWidget().setCurrentWidget(child)
        child = parent
    QApplication.processEvents()


def routes(window, action_id: str) -> list[tuple[str, object]]:
    """Every way to reach one row: its keys, menu items, buttons, tick boxes and chips."""
    found: list[tuple[str, object]] = []
    for action in window.findChildren(QAction):
        if action.objectName() != action_id:
            continue
        owners = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
        if any(isinstance(w, QMenu) for w in owners):
            found.append(("menu", action))
        pages = [w for w in owners if not isinstance(w, (QMenu, QToolButton))]
        if any(isinstance(w, QMenu) for w in owners):
            pages.append(window)  # a menu item's key works on every page of the window
        if not action.shortcut().isEmpty() and pages:
            found.append(("key", (action, pages[0])))
    for button in window.findChildren(QAbstractButton):
        bound = (
            isinstance(button, QToolButton)
            and button.defaultAction() is not None
            and button.defaultAction().objectName() == action_id
        )
        if bound or button.property(ACTION_PROPERTY) == action_id:
            found.append(("button", button))
    return found


def in_a_menu(action: QAction) -> bool:
    """A menu item's key works on every page; a page's own key only while the page shows."""
    return any(isinstance(w, QMenu) for w in action.associatedObjects())


def take(window, route: tuple[str, object]) -> None:
    kind, target = route
    if kind == "menu":
        target.activate(QAction.ActionEvent.Trigger)
    elif kind == "key":
        action, owner = target
        show(owner)
        owner.window().activateWindow()
        focus = QApplication.focusWidget()
        if focus is None or not (focus is owner or owner.isAncestorOf(focus)):
            owner.setFocus()  # as a person would click into that page first
            focus = owner
        QTest.keySequence(focus, action.shortcut())
    else:
        show(target)
        target.click()
    QApplication.processEvents()


def test_every_row_is_reachable_and_guarded_or_open(room):
    window, asked = room
    reached = {}
    for spec in ACTIONS:
        if spec.id in ("edit_others_notes", "tick_follow_up"):
            continue  # reached through notes and ticks, walked in the tests below
        if spec.scope == "plan" or spec.id in ON_TRENDS_PAGE:
            continue  # the plan page opens only through "New session", which the lock guards (asserted below)
        found = routes(window, spec.id)
        assert found, f"{spec.id}: a row of the action table that nothing in the window reaches"
        reached[spec.id] = sorted({kind for kind, _ in found})
        for route in found:
            enabled = all(a.isEnabled() for a in window.findChildren(QAction) if a.objectName() == spec.id)
            if spec.id in DISABLED_WHILE_LOCKED:
                assert not enabled, f"{spec.id} works while locked"
                continue
            assert enabled, f"{spec.id} is disabled, so this walk would prove nothing"
            if spec.id in ("lock", "close_projector"):
                continue  # unlocking asks by nature; closing the projector would take its routes away
            before, asked_before = state(window), len(asked)
            take(window, route)
            prompts = len(asked) - asked_before
            if route[0] == "key" and route[1][1] is window.home and not in_a_menu(route[1][0]):
                # Home's own keys while a session is open: Qt runs no key of a hidden page.
                assert prompts == 0 and state(window) == before, f"{spec.id}: a hidden page's key acted"
            elif spec.facilitator:
                assert prompts == 1, f"{spec.id} by {route[0]}: asked {prompts} times"
                assert state(window) == before, f"{spec.id} by {route[0]} acted without the PIN"
            else:
                assert prompts == 0, f"{spec.id} by {route[0]} asked for the PIN"
            for top in QApplication.topLevelWidgets():  # what an open row opened, like the keyboard sheet
                if top.objectName() == "keyboardSheet":
                    top.close()
    assert reached["quit"] == ["key", "menu"] and reached["go_home"] == ["key", "menu"]
    assert reached["new_session"] == ["button", "key", "menu"]  # Home's button is reachable, if hidden
    assert window.plan_page is None  # every route to New session asked: no plan row was ever in reach
    assert "key" in reached["start_pause"] and "button" in reached["start_pause"]
    assert "button" in reached["write_as_facilitator"]  # the facilitator's chip


def test_closing_the_window_asks_and_stays_open(room):
    window, asked = room
    assert window.close() is False and window.isVisible() and len(asked) == 1


def capture_with_bens_note_selected(window):
    page = window.session_page
    page.tabs.setCurrentIndex(CAPTURE)
    capture = page.capture
    capture.switch_author(capture.session.participants[0].id)
    row = next(r for r in range(capture.own_proxy.rowCount()) if capture.own_proxy.note_at(r).text == "Ben's note")
    capture.notes_view.selectRow(row)
    return capture


@pytest.mark.parametrize("how", ["edit button", "F2", "delete button", "Del"])
def test_someone_elses_note_is_guarded_every_way(room, how, qtbot):
    window, asked = room
    capture = capture_with_bens_note_selected(window)
    before = state(window)
    if how.endswith("button"):
        (capture.edit_button if how.startswith("edit") else capture.delete_button).click()
    else:
        capture.notes_view.setFocus()
        QTest.keyClick(capture.notes_view, Qt.Key.Key_F2 if how == "F2" else Qt.Key.Key_Delete)
        qtbot.waitUntil(lambda: bool(asked))  # a button's own key clicks it a moment later, as it animates
    assert len(asked) == 1 and state(window) == before and capture.form.editing is None
    assert SPECS["edit_others_notes"].text in asked[0]


@pytest.mark.parametrize("how", ["click", "Space"])
def test_follow_up_ticks_are_guarded(room, how):
    window, asked = room
    review = window.session_page.review
    window.session_page.tabs.setCurrentWidget(review)
    view = review.follow_view
    show(view)
    before = state(window)
    index = review.follow_ups.index(0, 0)
    if how == "click":
        review.follow_ups.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    else:
        view.setFocus()
        view.setCurrentIndex(index)
        QTest.keyClick(view, Qt.Key.Key_Space)
    assert len(asked) == 1 and state(window) == before
    assert review.follow_ups.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_the_right_pin_goes_on_and_the_room_stays_locked(room, monkeypatch):
    window, asked = room
    page = window.session_page
    monkeypatch.setattr(dialogs, "ask_pin", lambda *args: PIN)
    page.console.actions_by_id["next_phase"].trigger()
    page.capture.person_bar.buttons[None].click()
    assert page.session.current_phase == 2 and page.capture.author_id is None
    assert page.gate.locked


def test_no_keystroke_typed_in_the_note_box_asks_for_the_pin(room, qtbot):
    window, asked = room
    page = window.session_page
    page.tabs.setCurrentIndex(CAPTURE)
    editor = page.capture.editor
    qtbot.waitUntil(editor.hasFocus)
    text = 'The fee page said 2.9% + 30c; I\'d pay (maybe) <b>now</b> & later? Yes: "ok" ~ {x} [y] #1 @me'
    qtbot.keyClicks(editor, text)
    for modifier, keys in (
        (Qt.KeyboardModifier.AltModifier, "FCBDQI123"),
        (Qt.KeyboardModifier.ControlModifier, "1"),
    ):  # Ctrl+1: Ana, who is typing
        for key in keys:
            qtbot.keyClick(editor, key, modifier)
    assert editor.toPlainText() == text and not asked
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert not asked and page.store.observations(page.session.id)[-1].text == text


def test_after_a_prompt_the_cursor_is_back_in_the_note_box(room, qtbot):
    window, asked = room
    page = window.session_page
    page.tabs.setCurrentIndex(CAPTURE)
    capture = page.capture
    qtbot.waitUntil(capture.editor.hasFocus)
    qtbot.mouseClick(capture.person_bar.buttons[None], Qt.MouseButton.LeftButton)  # the facilitator's chip
    qtbot.mouseClick(capture.lock_button, Qt.MouseButton.LeftButton)  # unlock, cancelled
    assert len(asked) == 2 and capture.editor.hasFocus()
    assert capture.person_bar.buttons[capture.author_id].isChecked()  # the chip of who writes stays marked
    qtbot.keyClicks(capture.editor, "still typing")
    assert capture.editor.toPlainText().endswith("still typing") and len(asked) == 2


def test_ctrl_l_locks_and_unlocks_from_every_tab_after_the_text_changed(room, qtbot, monkeypatch):
    window, asked = room
    page = window.session_page
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        monkeypatch.setattr(dialogs, "ask_pin", lambda *args: PIN)
        QTest.keySequence(window, QKeySequence("Ctrl+L"))
        assert not page.gate.locked and page.capture.lock_button.text() == "Lock for participants…"
        QTest.keySequence(window, QKeySequence("Ctrl+L"))
        assert page.gate.locked and page.capture.lock_button.text() == "Unlock…"
