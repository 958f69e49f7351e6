"""The PySide6 user interface; depends on the Qt-free `studygroup` core, never the reverse."""

from __future__ import annotations

ORGANISATION = "studygroup"
APPLICATION = "studygroup"


def app_settings():
    """QSettings for UI preferences, named explicitly so tests and the app agree without setup."""
    from PySide6.QtCore import QSettings

    return QSettings(ORGANISATION, APPLICATION)
