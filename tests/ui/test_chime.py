"""The chime says why it can only be the system bell, and the Run console shows that sentence."""

from ui.run import chime
from ui.run.chime import NO_AUDIO_MODULE, Chime


class NoOutputs:
    @staticmethod
    def audioOutputs():
        return []


def test_without_the_audio_module_the_chime_says_so(qapp, monkeypatch):
    monkeypatch.setattr(chime, "QSoundEffect", None)
    assert chime.sound_note() == NO_AUDIO_MODULE
    assert "libpulse0" in NO_AUDIO_MODULE


def test_without_an_audio_device_the_chime_says_so(qapp, monkeypatch):
    monkeypatch.setattr(chime, "QMediaDevices", NoOutputs)
    monkeypatch.setattr(chime, "_headless", lambda: False)
    assert chime.sound_note() == "No audio device found, so the chime uses the system bell."


def test_headless_needs_no_explanation(qapp):
    assert chime.sound_note() == ""


def test_the_run_console_shows_the_sound_note(qtbot, store, time, monkeypatch):
    from studygroup.clock import SessionClock
    from tests.ui.test_run_console import make_session
    from ui.run.console import RunConsole

    monkeypatch.setattr(chime, "QSoundEffect", None)
    session = make_session(store)
    console = RunConsole(session, SessionClock(session, time), parent=None)
    qtbot.addWidget(console)
    console.show()
    assert console.sound_note.isVisible()
    assert console.sound_note.text() == NO_AUDIO_MODULE


def test_a_muted_chime_plays_nothing_and_unmuted_counts(qapp):
    bell = Chime()
    bell.set_muted(True)
    bell.play()
    assert bell.played == 0
    bell.set_muted(False)
    bell.play()
    assert bell.played == 1


def test_an_ended_sessions_console_does_not_load_the_audio_module(qtbot, store, time, monkeypatch):
    """QtMultimedia costs about 5 MiB; an ended session never chimes, so its console leaves it unloaded."""
    from studygroup.clock import SessionClock
    from tests.ui.test_run_console import make_session
    from ui.run.console import RunConsole

    asked: list[bool] = []
    monkeypatch.setattr(chime, "sound_note", lambda: asked.append(True) or "")
    session = make_session(store)
    session.status = "ended"
    console = RunConsole(session, SessionClock(session, time), parent=None)
    qtbot.addWidget(console)
    assert asked == [] and not console.sound_note.isVisibleTo(console)
    console.chime.play()  # were it ever asked to chime, it would load the sound first
    assert asked == [True] and console.chime.played == 1
