"""The database file replaced under the running app: one calm notice, and no note called saved."""

import os

from studygroup.clock import ManualTime, SessionClock
from studygroup.demo import create_demo
from studygroup.storage.store import Store
from ui import main_window
from ui.capture.page import FALLBACK_FILE, CapturePage
from ui.file_watch import FileWatcher


def replace_under(store, tmp_path):
    """What a restore does to a running app: another studygroup file now sits at its path."""
    with Store.open(tmp_path / "other.db"):
        pass
    os.replace(tmp_path / "other.db", store.path)


def sentence(path):
    return (
        f"The database file {path} was replaced while studygroup was open (by a restore?); "
        "restart studygroup to use the new file."
    )


def test_the_watcher_says_it_once_and_only_after_the_file_is_replaced(qtbot, store, window, tmp_path):
    watcher = FileWatcher(store.db, window)
    watcher.file_replaced.connect(window.show_notice)
    watcher.start()
    watcher._on_timer_timeout()
    assert window.notice.isHidden()
    replace_under(store, tmp_path)
    watcher._on_timer_timeout()
    assert window.notice.isVisible()
    assert window.notice.label.text() == sentence(store.path)
    assert not watcher.timer.isActive()
    window.notice.findChild(main_window.QPushButton).click()  # dismissed: it stays dismissed
    with qtbot.assertNotEmitted(watcher.file_replaced):
        watcher._on_timer_timeout()
    assert window.notice.isHidden()


def test_the_watchers_timer_does_the_checking(qtbot, store, window, tmp_path):
    watcher = FileWatcher(store.db, window, interval_ms=20)
    watcher.start()
    replace_under(store, tmp_path)
    with qtbot.waitSignal(watcher.file_replaced, timeout=2000) as told:
        pass
    assert told.args == [sentence(store.path)]


def test_the_app_watches_its_file(qapp, monkeypatch, tmp_path):
    """ui.app.run wires a watcher to the window's notice bar (run without its event loop)."""
    from ui import app as app_module

    notices = []
    db = tmp_path / "room.db"

    def exec_replacing_the_file(_app):
        window = next(
            w
            for w in app_module.QApplication.topLevelWidgets()
            if isinstance(w, main_window.MainWindow) and w.store.path == db
        )
        replace_under(window.store, tmp_path)
        watcher = window.findChild(FileWatcher)
        assert watcher.timer.isActive()
        watcher._on_timer_timeout()
        return 0

    monkeypatch.setattr(app_module.QApplication, "exec", exec_replacing_the_file)
    monkeypatch.setattr(main_window.MainWindow, "show_notice", lambda window, text: notices.append(text))
    try:
        assert app_module.run(db) == 0
    finally:
        for window in app_module.QApplication.topLevelWidgets():
            window.close()
    assert notices == [sentence(db)]


def test_a_note_typed_after_the_file_is_replaced_is_kept_not_saved(qtbot, store, tmp_path):
    session = create_demo(store)
    page = CapturePage(store, session, SessionClock(session, ManualTime(), persist=store.save_clock))
    qtbot.addWidget(page)
    replace_under(store, tmp_path)
    saved = []
    page.note_saved.connect(saved.append)
    page.editor.setPlainText("the payout page said T+2")
    assert page.save_current() is None
    assert saved == []
    assert page.editor.toPlainText() == "the payout page said T+2"
    fallback = store.path.parent / FALLBACK_FILE
    assert "the payout page said T+2" in fallback.read_text(encoding="utf-8")
    assert page.status.text().startswith(f"Not saved: {sentence(store.path)} The text stays here")
    page.shutdown()  # its draft timer must not fire into the next test's closed store
