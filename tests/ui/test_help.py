"""The Help menu: F1 opens the keyboard sheet from every page, and the sheet lists every key."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from studygroup.clock import ManualTime
from studygroup.demo import create_demo
from tests.ui.test_capture_page import make_session
from ui.action_table import ACTIONS
from ui.capture.page import CapturePage
from ui.help import KeyboardSheet, sheet_groups
from ui.main_window import MainWindow

NATIVE = QKeySequence.SequenceFormat.NativeText


@pytest.fixture
def window(qtbot, store):
    window = MainWindow(store, clock_time_source=ManualTime())
    qtbot.addWidget(window)
    with qtbot.waitActive(window):  # shortcuts only reach the active window
        window.show()
        window.activateWindow()
    return window


def sheet_of(window) -> KeyboardSheet | None:
    return window.findChild(KeyboardSheet, "keyboardSheet")


def go_to(window, store, page: str) -> None:
    if page == "plan":
        window.show_new_session()
    elif page != "home":
        session_page = window.open_session(create_demo(store).id)
        session_page.tabs.setCurrentIndex(("run", "capture", "review").index(page))


@pytest.mark.parametrize("page", ["home", "plan", "run", "capture", "review"])
def test_f1_opens_the_sheet_from_every_page_without_blocking_the_app(qtbot, window, store, page):
    go_to(window, store, page)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F1)
    sheet = sheet_of(window)
    assert sheet is not None and sheet.isVisible()
    assert not sheet.isModal() and QApplication.activeModalWidget() is None
    assert (sheet.windowTitle(), sheet.accessibleName()) == ("Keyboard shortcuts", "Keyboard shortcuts")


def test_the_help_menu_opens_one_sheet_and_esc_closes_it(qtbot, window):
    assert [action.text() for action in window.menuBar().actions()] == ["File", "&Go", "Help"]
    action = window.findChild(QAction, "keyboard_sheet")
    assert (action.text(), action.shortcut().toString()) == ("Keyboard shortcuts", "F1")
    action.trigger()
    action.trigger()  # the open sheet comes to the front; no second copy
    assert len(window.findChildren(KeyboardSheet)) == 1
    sheet = sheet_of(window)
    qtbot.keyClick(sheet.view, Qt.Key.Key_Escape)
    assert not sheet.isVisible()


def test_the_sheet_lists_capture_keys_with_the_severity_words_and_every_action(qtbot, window):
    window.findChild(QAction, "keyboard_sheet").trigger()
    rows = sheet_of(window).keys()
    assert ("Alt+1", "Severity 1: could be smoother") in rows
    assert ("Alt+3", "Severity 3: if this weren't my job, I'd give up") in rows
    assert ("Alt+B", "Kind: Bad day") in rows
    assert ("Ctrl+L", "Lock for participants, or unlock with the facilitator PIN") in rows
    assert ("Space", "Start, pause or resume the clock") in rows
    assert ("Ctrl+Shift+M", "Save the session as Markdown (*.md)") in rows
    assert ("F1", "Every key of the app, by page") in rows
    assert ("Ctrl+0", "Write as the facilitator (their chip at the right of the person bar)") in rows
    keys = {keys for keys, _ in rows}
    assert {QKeySequence(spec.shortcut).toString(NATIVE) for spec in ACTIONS if spec.shortcut} - keys == set()
    groups = [sheet_of(window).model.item(row).text() for row in range(sheet_of(window).model.rowCount())]
    assert groups == [
        "Home and Go",
        "Run",
        "Projector view",
        "Question round",
        "Capture",
        "Facilitator lock",
        "Review",
        "New session",
    ]


def test_the_new_session_group_lists_the_plan_rows_with_keys_no_other_page_uses(qapp):
    assert dict(sheet_groups())["New session"] == [
        ("Ctrl+Shift+N", "Write a new scenario card from scratch"),
        ("Ctrl+Shift+Y", "Edit a copy of this card for this session"),
        ("Ctrl+Shift+S", "Save the edited card to your scenario library"),
        ("Ctrl+Shift+P", "Add a person to the group by hand"),
        ("Ctrl+Shift+Del", "Remove the selected person from the group"),
        ("Ctrl+Shift+V", "Add the pasted names to the roster and form groups"),
        ("Ctrl+Shift+O", "Read a CSV file of names and disciplines"),
        ("Ctrl+Shift+G", "Split the roster into groups of 4 to 8 with the widest mix of disciplines"),
        ("Ctrl+Shift+D", "Give everyone a random role from the card"),
        ("Ctrl+Shift+H", "Add a phase at the end of the agenda"),
        ("Ctrl+Shift+X", "Remove the selected phase"),
        ("Alt+Shift+Up", "Move the selected phase earlier"),
        ("Alt+Shift+Down", "Move the selected phase later"),
        ("Ctrl+F2", "Give your own card another company name"),
        ("Alt+Del", "Delete your own card from the library; Undo brings it back"),
        ("Ctrl+Shift+B", "Bring back the card you just deleted"),
        ("Ctrl+Shift+K", "Save this agenda as your own template"),
        ("Ctrl+Shift+F2", "Rename your own agenda template"),
        ("Alt+Shift+Del", "Delete your own template; the agenda stays"),
        ("Ctrl+Shift+T", "Save the persona card as a one-page PDF handout"),
        ("Ctrl+Return", "Save this plan and open the session"),
    ]
    elsewhere = {keys for group, rows in sheet_groups() if group != "New session" for keys, _ in rows}
    assert {"Ctrl+P", "Ctrl+Shift+I", "Ctrl+Shift+R", "Ctrl+Shift+Up", "Ctrl+Shift+C"} <= elsewhere  # theirs alone


def bound_keys(page) -> set[str]:
    """Every key the page binds: shortcuts, actions, button keys and the Alt+letter of labels and buttons."""
    sequences = [shortcut.key() for shortcut in page.findChildren(QShortcut)]
    sequences += [action.shortcut() for action in page.findChildren(QAction)]
    sequences += [button.shortcut() for button in page.findChildren(QAbstractButton)]
    sequences += [QKeySequence.mnemonic(button.text()) for button in page.findChildren(QAbstractButton)]
    sequences += [QKeySequence.mnemonic(label.text()) for label in page.findChildren(QLabel) if label.buddy()]
    return {sequence.toString(NATIVE) for sequence in sequences} - {""}


def test_every_key_of_the_capture_page_is_on_the_sheet(qtbot, store, time):
    from studygroup.clock import SessionClock

    session = make_session(store)
    page = CapturePage(store, session, SessionClock(session, time, persist=store.save_clock))
    qtbot.addWidget(page)
    sheet = KeyboardSheet()
    qtbot.addWidget(sheet)
    listed = {key for keys, _ in sheet.keys() for key in keys.split(" / ")}  # noqa: SIM118 - a method, not a dict
    people = {f"Ctrl+{n}" for n in range(1, 9)}  # eight people: one sheet row, "Ctrl+1 … Ctrl+9"
    assert people <= bound_keys(page) and "Ctrl+1 … Ctrl+9" in listed
    assert bound_keys(page) - people - listed == set()
    page.shutdown()


def test_the_sheet_fits_the_screen_it_opens_on(qtbot, store):
    from ui.help import KeyboardSheet

    sheet = KeyboardSheet()
    qtbot.addWidget(sheet)
    room = sheet.screen().availableGeometry()
    assert sheet.width() <= room.width() - 40 and sheet.height() <= room.height() - 80
    assert sheet.width() <= 900 and sheet.height() <= 760
