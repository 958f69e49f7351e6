"""UI tests: a dialog nobody replaced fails the test at once instead of hanging it.

A modal box never returns under the offscreen platform, so every dialog goes through
ui.dialogs and a test that expects one monkeypatches it.
"""

import pytest


@pytest.fixture
def window(qtbot, store):
    """The main window on the test's store, shown, with time that moves only when a test says so."""
    from studygroup.clock import ManualTime
    from ui.main_window import MainWindow

    shown = MainWindow(store, clock_time_source=ManualTime())
    qtbot.addWidget(shown)
    shown.show()
    return shown


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch):
    from ui import dialogs

    for name in ("ask_yes_no", "inform", "ask_text", "ask_save_path", "ask_open_path", "ask_pin", "choose"):
        if hasattr(dialogs, name):

            def unexpected(*args, _name=name, **kwargs):
                raise AssertionError(f"unexpected dialog ui.dialogs.{_name}{args[1:3]}")

            monkeypatch.setattr(dialogs, name, unexpected)


@pytest.fixture
def running_page(qtbot, store):
    """A SessionPage over the capture tests' session, its clock started."""
    from studygroup.clock import ManualTime
    from tests.ui.test_capture_page import make_session
    from ui.session_page import SessionPage

    session = make_session(store)
    opened = SessionPage(store, session, ManualTime())
    qtbot.addWidget(opened)
    opened.clock.start()
    yield opened
    opened.shutdown()


def unstyle(qapp) -> None:
    """Take the app's stylesheet away by making it blank, never by removing it.

    Removing it (setStyleSheet("")) and then setting a stylesheet twice with windows open
    crashed Qt 6.11 inside setStyleSheet; the app itself never removes its stylesheet, and a
    blank one has no rules, so widgets look as they would without one.
    """
    qapp.setStyleSheet(" ")


@pytest.fixture
def restored_style(qapp, monkeypatch):
    """ui.style, for a test that changes the colour scheme: the app's stylesheet, Qt palette and palette come back."""
    from PySide6.QtGui import QPalette

    from ui import style

    sheet, palette = qapp.styleSheet(), QPalette(qapp.palette())
    monkeypatch.setattr(style, "_active", style.active_palette())
    yield style
    if sheet.strip():
        qapp.setStyleSheet(sheet)
    else:
        unstyle(qapp)
    qapp.setPalette(palette)
