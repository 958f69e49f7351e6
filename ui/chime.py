"""The soft two-tone chime at one minute left and at time up; degrades silently without audio."""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWidgets import QApplication

from studygroup.resources import resource_path
from ui import app_settings

MUTED_KEY = "chime/muted"

try:  # PySide6-Essentials ships without QtMultimedia; the full PySide6 has it.
    from PySide6.QtMultimedia import QSoundEffect
except ImportError:  # pragma: no cover - depends on the installed wheel
    QSoundEffect = None


class Chime(QObject):
    """Plays chime.wav unless muted; remembers the mute choice in QSettings."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._muted = app_settings().value(MUTED_KEY, False, type=bool)
        self._effect = None
        self.played = 0  # how many chimes were asked for while unmuted (for tests and the log)
        if QSoundEffect is not None and QApplication.platformName() != "offscreen":
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
        effect = self._effect
        if effect is not None and effect.status() == QSoundEffect.Status.Ready:
            effect.play()
        elif effect is None and QApplication.platformName() != "offscreen":
            QApplication.beep()  # no audio module: the system bell is better than silence
