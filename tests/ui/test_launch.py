"""The installed launchers: studygroup-app (the windowed gui-script) and the frozen build's name dispatch."""

import errno
import sys
from pathlib import Path

import pytest

from ui import dialogs, launch

USAGE = "unrecognized arguments: list (see 'studygroup --help')"


@pytest.fixture
def boxes(monkeypatch):
    """The message boxes shown, as (title, text); none blocks."""
    shown = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: shown.append((title, text)))
    return shown


@pytest.fixture
def opened(monkeypatch):
    """The windows asked for, as (database, session), instead of opening them."""
    asked = []
    monkeypatch.setattr(launch, "open_window", lambda db, session: asked.append((db, session)) or 0)
    return asked


def test_gui_main_opens_the_window_with_the_options_of_studygroup_gui(opened, boxes, tmp_path):
    assert launch.gui_main(["--db", str(tmp_path / "room.db"), "--session", "abc123"]) == 0
    assert opened == [(tmp_path / "room.db", "abc123")]
    assert boxes == []


def test_gui_main_without_options_opens_the_default_database(opened, isolated_user_dirs):
    assert launch.gui_main([]) == 0
    assert opened == [(isolated_user_dirs / "data" / "studygroup" / "studygroup.db", None)]


def test_a_usage_error_goes_to_stderr_the_log_and_a_box(qapp, opened, boxes, capsys, isolated_user_dirs):
    assert launch.gui_main(["list"]) == 2
    assert opened == []
    assert boxes == [("studygroup cannot start", USAGE)]
    assert capsys.readouterr().err == f"studygroup: {USAGE}\n"
    log_text = (isolated_user_dirs / "state" / "studygroup" / "log" / "studygroup.log").read_text(encoding="utf-8")
    assert log_text.endswith(f" ERROR studygroup.launch: cannot start: {USAGE}\n")


def test_a_usage_error_without_stderr_still_shows_the_box(qapp, boxes, monkeypatch):
    monkeypatch.setattr(sys, "stderr", None)  # as under pythonw or a windowed frozen build on Windows
    assert launch.gui_main(["--nope"]) == 2
    assert boxes == [("studygroup cannot start", "unrecognized arguments: --nope (see 'studygroup --help')")]


def test_a_folder_the_window_cannot_use_is_a_box(qapp, boxes, monkeypatch, capsys):
    def refuse(db, session):
        raise FileNotFoundError(errno.ENOENT, "No such file or directory", "/media/gone")

    monkeypatch.setattr(launch, "open_window", refuse)
    assert launch.gui_main(["--db", "/media/gone/room.db"]) == 2
    assert boxes == [("studygroup cannot start", "/media/gone cannot be used: No such file or directory.")]
    assert capsys.readouterr().err == "studygroup: /media/gone cannot be used: No such file or directory.\n"


@pytest.mark.parametrize(
    ("executable", "launcher"),
    [
        ("/opt/studygroup/studygroup-app", "gui_main"),
        ("C:/studygroup/studygroup-app.exe", "gui_main"),
        ("/opt/studygroup/studygroup", "main"),
        ("C:/studygroup/studygroup.exe", "main"),
    ],
)
def test_the_frozen_executables_are_told_apart_by_name(monkeypatch, executable, launcher):
    monkeypatch.setattr(sys, "executable", executable)
    monkeypatch.setattr(launch, "gui_main", lambda: "gui_main")
    monkeypatch.setattr(launch, "main", lambda: "main")
    assert launch.frozen_main() == launcher


def test_the_app_names_its_desktop_entry(qapp, tmp_path, monkeypatch):
    from ui import app as app_module

    monkeypatch.setattr(app_module.QApplication, "exec", lambda self: 0)
    assert app_module.run(Path(tmp_path / "named.db")) == 0
    assert (qapp.applicationName(), qapp.desktopFileName()) == ("studygroup", "studygroup")
    for window in app_module.QApplication.topLevelWidgets():
        window.close()
