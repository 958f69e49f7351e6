"""The shell: Home lists sessions, the demo opens, a broken database gives one clear message."""

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget

from studygroup.clock import ManualTime
from studygroup.demo import DEMO_TITLE, create_demo
from ui import dialogs
from ui.main_window import MainWindow
from ui.session_models import SessionListModel
from ui.session_page import REVIEW, RUN


@pytest.fixture
def window(qtbot, store):
    win = MainWindow(store, clock_time_source=ManualTime())
    qtbot.addWidget(win)
    return win


def test_home_lists_the_demo_session(qtbot, store):
    create_demo(store)
    win = MainWindow(store, clock_time_source=ManualTime())
    qtbot.addWidget(win)
    model = win.home.model
    assert win.windowTitle() == "studygroup"
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == DEMO_TITLE
    assert model.index(0, 5).data() == "60"
    assert win.home.list_stack.currentWidget() is win.home.table


def test_empty_home_says_how_to_begin(window):
    assert window.home.list_stack.currentWidget() is window.home.empty
    assert "New session" in window.home.empty.text()


def test_open_demo_creates_it_once_and_opens_it(window, store):
    page = window.open_demo()
    assert window.stack.currentWidget() is page
    assert window.windowTitle() == DEMO_TITLE  # the platform shows "… — studygroup"
    assert page.tabs.currentIndex() == REVIEW  # the demo session has ended
    window.show_home()
    window.home.demo_button.click()
    assert len(store.list_sessions()) == 1
    assert window.session_page.session.title == DEMO_TITLE


def test_enter_on_a_row_opens_that_session(qtbot, window, store):
    session = create_demo(store)
    window.home.reload()
    window.show()
    window.home.table.setFocus()
    with qtbot.waitSignal(window.home.session_chosen) as blocker:
        window.home.table.activated.emit(window.home.model.index(0, 0))
    assert blocker.args == [session.id]
    assert window.session_page.session.id == session.id


def test_new_session_shows_the_plan_page_and_creating_opens_the_planned_session(qtbot, window, store):
    window.show_new_session()
    assert window.stack.currentWidget() is window.plan_page
    assert window.session_page is None and window.windowTitle() == "New session"
    window.plan_page.title_edit.setText("Friday group")
    with qtbot.waitSignal(window.plan_page.session_created):
        window.plan_page.create_session()
    assert window.stack.currentWidget() is window.session_page
    assert (window.session_page.session.title, window.session_page.session.status) == ("Friday group", "planned")
    assert window.session_page.tabs.currentIndex() == RUN
    assert [s["title"] for s in store.list_sessions()] == ["Friday group"]


def test_duplicate_as_new_plan_fills_the_plan_page_and_creating_saves_it(qtbot, window, store):
    past = create_demo(store)
    window.home.reload()
    window.home.table.selectRow(0)
    window.home.actions_by_id["duplicate_session"].trigger()
    plan = window.plan_page
    assert window.stack.currentWidget() is plan and window.windowTitle() == "New session"
    assert plan.title_edit.text() == f"{past.title} (again)"
    assert [p.name for p in plan.people_panel.model.people] == [p.name for p in past.participants]
    assert [(p.name, p.planned_minutes) for p in plan.agenda_panel.model.phases] == [
        (p.name, p.planned_minutes) for p in past.phases
    ]
    assert plan.scenario().company == past.scenario.company
    plan.people_panel.model.set_people(plan.people_panel.model.people[:4])  # fewer people came this time
    with qtbot.waitSignal(plan.session_created):
        plan.create_session()
    again = window.session_page.session
    assert (again.title, again.status, len(again.participants)) == (f"{past.title} (again)", "planned", 4)
    assert again.id != past.id and {p.id for p in again.participants}.isdisjoint(p.id for p in past.participants)
    assert len(store.list_sessions()) == 2


def test_session_list_model_passes_the_model_tester(qtmodeltester, store):
    create_demo(store)
    create_demo(store, seed=3)
    model = SessionListModel(store.list_sessions())
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole + 1) == model.session_id(0)


def test_a_damaged_database_offers_a_choice_and_cancel_exits_with_2(qapp, tmp_path, monkeypatch):
    from ui import app

    bad = tmp_path / "notes.db"
    bad.write_bytes(b"this is not a database at all" * 100)
    asked = []
    monkeypatch.setattr(dialogs, "choose", lambda parent, title, text, options: asked.append(text))
    assert app.run(bad) == 2
    assert len(asked) == 1 and "damaged" in asked[0] and str(bad) in asked[0]


def test_second_app_on_the_same_database_raises_the_first(qtbot, tmp_path, monkeypatch):
    from ui import app as app_module
    from ui.single_instance import SingleInstance

    db = tmp_path / "shared.db"
    first = SingleInstance(db)
    assert first.acquire()
    monkeypatch.setattr(app_module.QApplication, "exec", lambda self: 0)
    with qtbot.waitSignal(first.raise_requested, timeout=5000):
        assert app_module.run(db) == 0
    first.release()


def test_app_start_makes_the_daily_backup(qtbot, tmp_path, monkeypatch):
    from studygroup.storage.backup import list_backups
    from ui import app as app_module

    db = tmp_path / "daily.db"
    monkeypatch.setattr(app_module.QApplication, "exec", lambda self: 0)
    assert app_module.run(db) == 0
    assert app_module.run(db) == 0
    assert len(list_backups(db)) == 1  # at most one a day
    for window in app_module.QApplication.topLevelWidgets():
        window.close()


def test_a_session_left_running_reopens_at_start(qapp, tmp_path, monkeypatch):
    from studygroup.demo import AGENDA, demo_scenario
    from studygroup.model import Phase, Session
    from studygroup.storage.store import Store
    from ui import app as app_module

    db = tmp_path / "left-running.db"
    with Store.open(db) as store:
        session = Session(
            title="Left running",
            date="2026-11-30",
            facilitator="f",
            scenario=demo_scenario(),
            phases=[Phase(n, m, p) for n, m, p in AGENDA],
            status="running",
        )
        store.save_session(session)
        assert app_module.session_to_resume(store) == session.id
    opened = []
    from ui import main_window

    def exec_until_closed(self):  # as the real loop ends: the window closes while the store is open
        for widget in self.topLevelWidgets():
            if isinstance(widget, main_window.MainWindow):
                widget.close()
        return 0

    monkeypatch.setattr(app_module.QApplication, "exec", exec_until_closed)

    original = main_window.MainWindow.open_session
    monkeypatch.setattr(
        main_window.MainWindow, "open_session", lambda self, sid: opened.append(sid) or original(self, sid)
    )
    assert app_module.run(db) == 0
    assert opened == [session.id]
    for widget in app_module.QApplication.topLevelWidgets():  # run() returned: close what it opened
        if isinstance(widget, main_window.MainWindow):
            widget.close()
            widget.deleteLater()


class WindowsShown(QObject):
    """Every window shown while it listens (an application-wide event filter)."""

    def __init__(self):
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self.shown.append(type(watched).__name__)
        return False


def test_starting_into_a_running_session_shows_one_window(qtbot, qapp, store, monkeypatch):
    """A parentless widget made visible is a window of its own: the session table and the Run tab's
    sound note each flashed as a second window at start on a real screen (and a soak once drove it)."""
    from ui.run import chime

    monkeypatch.setattr(chime, "sound_note", lambda: chime.NO_AUDIO_MODULE)  # as on a laptop without sound
    session = create_demo(store)
    session.status = "paused"  # a session on the clock: its console loads the chime (an ended one's does not)
    store.save_clock(session)
    spy = WindowsShown()
    qapp.installEventFilter(spy)
    try:
        window = MainWindow(store, clock_time_source=ManualTime())
        qtbot.addWidget(window)
        window.show()
        window.open_session(session.id)
        qapp.processEvents()
    finally:
        qapp.removeEventFilter(spy)
    assert spy.shown == ["MainWindow"]
    assert window.session_page.console.sound_note.text() == chime.NO_AUDIO_MODULE
