"""Test set-up shared by every suite: headless Qt, and no test touches real user data."""

import os

# Must be set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Point every per-user path (data, settings, logs) at a temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.delenv("STUDYGROUP_DB", raising=False)
    monkeypatch.delenv("STUDYGROUP_COLOR_SCHEME", raising=False)  # the UI tests expect the light palette
    return home


@pytest.fixture
def store(tmp_path):
    """A fresh store in a temporary file."""
    from studygroup.storage.store import Store

    with Store.open(tmp_path / "test.db") as opened:
        yield opened


@pytest.fixture
def time():
    """A clock the test moves by hand (ManualTime.advance): no test ever sleeps."""
    from studygroup.clock import ManualTime

    return ManualTime()
