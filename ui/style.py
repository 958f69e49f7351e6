"""The palette in use (studygroup.palette), picked from the system's colour scheme and followed as it changes.

It fills the QSS files in resources/styles and Qt's own palette; widgets that paint
themselves read active_palette() each time they paint.
"""

from __future__ import annotations

import os
from string import Template

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from studygroup.palette import DARK, LIGHT, Palette
from studygroup.resources import RESOURCES_DIR, resource_path

SCHEME_ENV = "STUDYGROUP_COLOR_SCHEME"  # "dark" or "light" wins over the system's scheme (screenshots, a demo)
SCHEMES = {"dark": Qt.ColorScheme.Dark, "light": Qt.ColorScheme.Light}
STYLE_FILES = ("base.qss",)
TYPOGRAPHY = {"base_px": "16", "font_family": '"DejaVu Sans", "Segoe UI", "Helvetica Neue", sans-serif'}

_active = LIGHT
_following = False  # connected to the system's colorSchemeChanged once, however often apply() runs


def active_palette() -> Palette:
    """The palette the app is painted in now."""
    return _active


def palette_for(scheme: Qt.ColorScheme) -> Palette:
    """The dark palette for a dark scheme; the light one for light and for Unknown (no preference)."""
    return DARK if scheme == Qt.ColorScheme.Dark else LIGHT


def scheme_override() -> Qt.ColorScheme | None:
    """The scheme $STUDYGROUP_COLOR_SCHEME names, if it names one."""
    return SCHEMES.get(os.environ.get(SCHEME_ENV, "").strip().lower())


def stylesheet(palette: Palette = LIGHT) -> str:
    """The full stylesheet in *palette*; the projector's room_<role> names always come from the dark palette."""
    values = {**palette.roles(), **{f"room_{role}": colour for role, colour in DARK.roles().items()}, **TYPOGRAPHY}
    values["tick_image"] = resource_path("icons", f"tick-{palette.name}.svg").as_posix()  # accent_text on accent
    templates = (Template(resource_path("styles", name).read_text(encoding="utf-8")) for name in STYLE_FILES)
    return "\n".join(template.substitute(values) for template in templates)


def qt_palette(palette: Palette) -> QPalette:
    """Qt's palette to match, so the widgets the QSS leaves alone (fields, lists, menus, scroll bars) follow."""
    roles = QPalette.ColorRole
    colours = {
        roles.Window: palette.background,
        roles.WindowText: palette.text,
        roles.Base: palette.surface,
        roles.AlternateBase: palette.background,
        roles.Text: palette.text,
        roles.Button: palette.surface,
        roles.ButtonText: palette.text,
        roles.ToolTipBase: palette.surface,
        roles.ToolTipText: palette.text,
        roles.PlaceholderText: palette.muted,
        roles.Highlight: palette.accent,
        roles.HighlightedText: palette.accent_text,
        roles.Link: palette.accent,
        roles.Accent: palette.accent,
        roles.Mid: palette.border,
    }
    result = QPalette()
    for role, colour in colours.items():
        result.setColor(role, QColor(colour))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        result.setColor(QPalette.ColorGroup.Disabled, role, QColor(palette.disabled_text))
    return result


def register_fonts() -> list[str]:
    """Register bundled fonts (if any) once; returns the families that loaded."""
    families = []
    fonts = RESOURCES_DIR / "fonts"
    for path in sorted(fonts.glob("*.ttf")) if fonts.is_dir() else []:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))


def apply(app: QApplication) -> None:
    """Register fonts, paint the app in the scheme's palette, and follow the system's scheme unless overridden."""
    global _following
    register_fonts()
    override = scheme_override()
    apply_scheme(app, QGuiApplication.styleHints().colorScheme() if override is None else override)
    if override is None and not _following:
        QGuiApplication.styleHints().colorSchemeChanged.connect(_on_style_hints_color_scheme_changed)
        _following = True


def apply_scheme(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """Paint the app in *scheme*'s palette: Qt's palette, the stylesheet, then every widget again."""
    global _active
    _active = palette_for(scheme)
    app.setPalette(qt_palette(_active))
    app.setStyleSheet(stylesheet(_active))
    for widget in app.allWidgets():  # those that paint themselves read active_palette() in paintEvent
        widget.update()


def _on_style_hints_color_scheme_changed(scheme: Qt.ColorScheme) -> None:
    app = QApplication.instance()
    if app is not None and scheme_override() is None:
        apply_scheme(app, scheme)


def repolish(widget) -> None:
    """Re-apply the style after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()
