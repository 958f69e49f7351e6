"""The soft two-tone chime at one minute left and at time up.

It plays chime.wav through QtMultimedia's QSoundEffect. Where that cannot work (the audio
module does not load, or the machine has no audio output) it falls back to the system
bell, and `sound_note` says so in one sentence for the Run console.

QtMultimedia is imported on first need, not with this module: it costs about 5 MiB, and an
ended session (which opens on Review) never chimes.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QLoggingCategory, QObject, QUrl
from PySide6.QtWidgets import QApplication

from studygroup.resources import resource_path
from ui import app_settings

MUTED_KEY = "chime/muted"
NO_AUDIO_MODULE = (
    "No sound: Qt's audio module did not load (on Linux, install libpulse0), so the chime uses the system bell."
)
NO_AUDIO_DEVICE = "No audio device found, so the chime uses the system bell."

log = logging.getLogger("studygroup.chime")

_NOT_LOADED = object()
QSoundEffect: Any = _NOT_LOADED  # QtMultimedia's classes once loaded; None when the module does not load
QMediaDevices: Any = _NOT_LOADED


def _load_multimedia() -> None:
    """Import QtMultimedia's two classes the first time they are needed (a test may have set them already)."""
    global QSoundEffect, QMediaDevices
    if QSoundEffect is not _NOT_LOADED and QMediaDevices is not _NOT_LOADED:
        return
    # Loading QtMultimedia reports every optional codec library it looks for; that is noise for us.
    QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver=false\nqt.multimedia.ffmpeg=false")
    try:
        from PySide6.QtMultimedia import QMediaDevices as devices
        from PySide6.QtMultimedia import QSoundEffect as effect
    except ImportError as exc:  # no libpulse0 on Linux, or PySide6-Essentials alone
        effect = devices = None
        log.warning("QtMultimedia did not load (%s); the chime falls back to the system bell", exc)
    if QSoundEffect is _NOT_LOADED:
        QSoundEffect = effect
    if QMediaDevices is _NOT_LOADED:
        QMediaDevices = devices


class Chime(QObject):
    """Plays chime.wav unless muted; remembers the mute choice in QSettings."""

    def __init__(self, parent: QObject | None = None, *, ready: bool = True):
        """With ready=False (an ended session's console) the sound is loaded only if a chime is ever asked for."""
        super().__init__(parent)
        self._muted = app_settings().value(MUTED_KEY, False, type=bool)
        self._effect = None
        self._prepared = False
        self.played = 0  # how many chimes were asked for while unmuted (for tests and the log)
        self.sound_note = ""
        if ready:
            self.prepare()

    def prepare(self) -> None:
        """Load the sound (once), and say in `sound_note` why it cannot play here, if it cannot."""
        if self._prepared:
            return
        self._prepared = True
        self.sound_note = sound_note()
        if not self.sound_note and not _headless():
            self._effect = QSoundEffect(self)
            self._effect.setSource(QUrl.fromLocalFile(str(resource_path("sounds", "chime.wav"))))
            self._effect.setVolume(0.6)

    @property
    def muted(self) -> bool:
        return self._muted

    def set_muted(self, muted: bool) -> None:
        """Mute or unmute, and remember it for next time."""
        self._muted = bool(muted)
        app_settings().setValue(MUTED_KEY, self._muted)

    def play(self) -> None:
        """Chime once, unless muted; never raises, never blocks."""
        if self._muted:
            return
        self.played += 1
        self.prepare()
        effect = self._effect
        if effect is not None and effect.status() != QSoundEffect.Status.Error:
            effect.play()  # a sound still loading plays as soon as it is ready
            log.info("chime played")
        elif not _headless():
            QApplication.beep()  # the system bell is better than silence
            log.info("chime played as the system bell")


def sound_note() -> str:
    """Why the chime cannot play its sound here, or "" when it can."""
    _load_multimedia()
    if QSoundEffect is None:
        return NO_AUDIO_MODULE
    if _headless():
        return ""  # tests and screenshots: no sound, and nothing to explain
    if not QMediaDevices.audioOutputs():
        return NO_AUDIO_DEVICE
    return ""


def _headless() -> bool:
    return QApplication.platformName() == "offscreen"
