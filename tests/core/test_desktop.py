"""`studygroup install-desktop`: the Linux menu entry and icon, written under $XDG_DATA_HOME and removed again."""

import sys
import tomllib
from pathlib import Path

import pytest

from studygroup import desktop
from studygroup.cli import main
from studygroup.errors import StudygroupError

ROOT = Path(__file__).resolve().parents[2]
APP_SVG = ROOT / "resources" / "icons" / "app.svg"


def expected_entry(exec_value: str) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Version=1.4\n"
        "Name=studygroup\n"
        "GenericName=Study Group Facilitator\n"
        "Comment=Plan, run and capture in-room study-group sessions, then export a summary\n"
        f"Exec={exec_value}\n"
        "Icon=studygroup\n"
        "Terminal=false\n"
        "Categories=Office;Education;\n"
        "Keywords=study group;workshop;facilitation;session;timer;notes;\n"
        "StartupNotify=true\n"
        "StartupWMClass=studygroup\n"
    )


@pytest.fixture
def venv_bin(tmp_path, monkeypatch):
    """A virtual environment's bin/ holding the interpreter and the studygroup-app gui-script, and nothing on PATH."""
    folder = tmp_path / "venv" / "bin"
    folder.mkdir(parents=True)
    (folder / "studygroup-app").write_text("#!/bin/sh\n", encoding="utf-8")
    monkeypatch.setattr(sys, "executable", str(folder / "python"))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    return folder


@pytest.fixture
def data_home(isolated_user_dirs):
    return isolated_user_dirs / "data"  # $XDG_DATA_HOME, set by tests/conftest.py


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_install_writes_the_entry_and_the_icon(capsys, venv_bin, data_home):
    code, out, err = run(capsys, "install-desktop")
    entry = data_home / "applications" / "studygroup.desktop"
    icon = data_home / "icons" / "hicolor" / "scalable" / "apps" / "studygroup.svg"
    assert (code, err) == (0, "")
    assert out == f"Wrote {icon}\nWrote {entry}\n"
    assert entry.read_text(encoding="utf-8") == expected_entry(f"{venv_bin}/studygroup-app")
    assert icon.read_bytes() == APP_SVG.read_bytes()
    assert icon.read_bytes().startswith(b'<svg xmlns="http://www.w3.org/2000/svg"')


def test_installing_again_replaces_the_entry(capsys, venv_bin, data_home):
    entry = data_home / "applications" / "studygroup.desktop"
    entry.parent.mkdir(parents=True)
    entry.write_text("[Desktop Entry]\nExec=/old/studygroup-app\n", encoding="utf-8")
    assert run(capsys, "install-desktop")[0] == 0
    assert entry.read_text(encoding="utf-8") == expected_entry(f"{venv_bin}/studygroup-app")
    assert sorted(p.name for p in entry.parent.iterdir()) == ["studygroup.desktop"]  # no temporary file left


def test_uninstall_removes_both_and_says_when_nothing_is_there(capsys, venv_bin, data_home):
    run(capsys, "install-desktop")
    code, out, err = run(capsys, "install-desktop", "--uninstall")
    entry = data_home / "applications" / "studygroup.desktop"
    icon = data_home / "icons" / "hicolor" / "scalable" / "apps" / "studygroup.svg"
    assert (code, out, err) == (0, f"Removed {entry}\nRemoved {icon}\n", "")
    assert not entry.exists() and not icon.exists()
    assert run(capsys, "install-desktop", "--uninstall") == (
        0,
        f"There was no studygroup menu entry in {data_home} to remove.\n",
        "",
    )


def test_a_file_where_the_applications_folder_should_be_is_one_line(capsys, venv_bin, data_home):
    (data_home / "applications").parent.mkdir(parents=True)
    (data_home / "applications").write_text("not a folder", encoding="utf-8")
    code, out, err = run(capsys, "install-desktop")
    entry = data_home / "applications" / "studygroup.desktop"
    assert code == 2
    assert err == f"studygroup: {entry} could not be written: {data_home}/applications is a file, not a folder.\n"
    assert (data_home / "applications").read_text(encoding="utf-8") == "not a folder"


def test_a_file_as_xdg_data_home_is_one_line(capsys, venv_bin, data_home):
    data_home.write_text("not a folder", encoding="utf-8")
    code, _, err = run(capsys, "install-desktop")
    icon = data_home / "icons" / "hicolor" / "scalable" / "apps" / "studygroup.svg"
    assert (code, err) == (2, f"studygroup: {icon} could not be written: {data_home} is a file, not a folder.\n")


def test_a_relative_xdg_data_home_is_ignored(capsys, venv_bin, isolated_user_dirs, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", "relative/data")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "install-desktop")[0] == 0
    assert (isolated_user_dirs / ".local" / "share" / "applications" / "studygroup.desktop").is_file()
    assert not (tmp_path / "relative").exists()


def test_other_systems_are_told_it_is_for_linux(capsys, venv_bin, data_home, monkeypatch):
    monkeypatch.setattr(sys, "platform", "darwin")
    code, out, err = run(capsys, "install-desktop")
    assert (code, out) == (2, "")
    assert err == "studygroup: install-desktop adds a Linux menu entry; on this system (darwin) start studygroup-app.\n"
    assert not data_home.exists()


@pytest.mark.parametrize(
    ("path", "argument"),
    [
        ("/opt/studygroup/studygroup-app", "/opt/studygroup/studygroup-app"),
        ("/home/ada/100%/studygroup-app", "/home/ada/100%%/studygroup-app"),
        ("/home/ada lovelace/bin/studygroup-app", '"/home/ada lovelace/bin/studygroup-app"'),
        ('/srv/say "hi"/studygroup-app', '"/srv/say \\\\"hi\\\\"/studygroup-app"'),
        ("/srv/a$b\\c/studygroup-app", '"/srv/a\\\\$b\\\\\\\\c/studygroup-app"'),
    ],
)
def test_exec_quotes_and_escapes_as_the_spec_says(path, argument):
    assert desktop.exec_argument(Path(path)) == argument


def test_exec_refuses_a_control_character():
    with pytest.raises(StudygroupError, match="control character"):
        desktop.exec_argument(Path("/tmp/a\nExec=evil"))


def test_the_launcher_on_path_when_not_beside_the_interpreter(tmp_path, monkeypatch):
    on_path = tmp_path / "bin"
    on_path.mkdir()
    (on_path / "studygroup-app").write_text("#!/bin/sh\n", encoding="utf-8")
    (on_path / "studygroup-app").chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python" / "python3"))
    monkeypatch.setenv("PATH", str(on_path))
    assert desktop.find_launcher() == on_path / "studygroup-app"


def test_a_frozen_build_without_the_launcher_starts_itself(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "executable", str(tmp_path / "dist" / "studygroup" / "studygroup"))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert desktop.find_launcher() == tmp_path / "dist" / "studygroup" / "studygroup"


def test_no_launcher_anywhere_is_one_line(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "executable", str(tmp_path / "bin" / "python"))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    code, _, err = run(capsys, "install-desktop")
    assert code == 2
    assert err == (
        f"studygroup: studygroup-app is not installed beside {tmp_path}/bin/python nor on PATH; reinstall studygroup.\n"
    )


def test_pyproject_installs_the_launcher_the_entry_starts():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["gui-scripts"] == {"studygroup-app": "ui.launch:gui_main"}
    assert project["scripts"] == {"studygroup": "ui.launch:main"}
