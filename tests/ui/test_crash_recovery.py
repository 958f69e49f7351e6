"""After a crash: the next start says so in one calm sentence and names the crash log."""

import os
import signal
import subprocess
import sys

import pytest

from ui import main_window

HOLD_LOCK = """
import sys
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1] + ".lock")
assert lock.tryLock(100)
print("locked", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def started(qapp, monkeypatch):
    """Run ui.app.run without its event loop; returns the notices the window showed."""
    from ui import app as app_module

    notices = []
    monkeypatch.setattr(app_module.QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(main_window.MainWindow, "show_notice", lambda window, text: notices.append(text))
    yield app_module, notices
    for window in app_module.QApplication.topLevelWidgets():
        window.close()


def kill_an_app_holding(db):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline().strip() == "locked"
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    holder.stdout.close()
    holder.stdin.close()


def test_the_start_after_a_crash_says_so_and_names_the_crash_log(started, tmp_path, isolated_user_dirs):
    app_module, notices = started
    db = tmp_path / "crashed.db"
    kill_an_app_holding(db)
    assert app_module.run(db) == 0
    crash_log = isolated_user_dirs / "state" / "studygroup" / "log" / "crash.log"
    assert notices == [
        f"studygroup closed unexpectedly last time; nothing that was saved was lost. Details are in {crash_log}."
    ]
    app_log = (crash_log.parent / "studygroup.log").read_text(encoding="utf-8")
    assert f"the previous run on {db} ended without closing" in app_log


def test_a_clean_start_and_a_clean_restart_say_nothing(started, tmp_path):
    app_module, notices = started
    db = tmp_path / "clean.db"
    assert app_module.run(db) == 0
    assert app_module.run(db) == 0
    assert notices == []


def test_the_notice_bar_shows_plain_text_until_dismissed(qtbot, store):
    window = main_window.MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    assert window.notice.isHidden()
    window.show_notice("<b>not bold</b> /tmp/crash.log")
    assert window.notice.isVisible()
    assert window.notice.label.text() == "<b>not bold</b> /tmp/crash.log"
    assert window.notice.label.textFormat() == main_window.Qt.TextFormat.PlainText
    window.notice.findChild(main_window.QPushButton).click()
    assert window.notice.isHidden()


def test_an_unwritable_log_folder_says_so_in_one_line_and_the_app_still_starts(started, tmp_path, monkeypatch, capsys):
    app_module, notices = started
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the log folder should be", encoding="utf-8")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    assert app_module.run(tmp_path / "notes.db") == 0
    err = capsys.readouterr().err
    assert err.startswith(f"studygroup: no log this time, {blocker}/studygroup/log cannot be written (")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert app_module.LOG_PATH is None
