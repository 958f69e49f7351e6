"""ui.style: the QSS filled from the palette, the system's colour scheme followed, icons drawn in the palette."""

import gc
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPalette, QPixmap
from PySide6.QtWidgets import QToolButton

from studygroup.palette import DARK, LIGHT
from ui import style
from ui.icons import icon


def test_the_dark_stylesheet_has_the_dark_text_and_background():
    sheet = style.stylesheet(DARK)
    assert "color: #F4F1EA;" in sheet
    assert "background: #14181D;" in sheet
    assert "#1F2328" not in sheet  # the light text colour
    assert "$" not in sheet


def test_the_light_stylesheet_keeps_the_projector_dark():
    sheet = style.stylesheet(LIGHT)
    assert "color: #1F2328;" in sheet
    assert "#projectorWindow { background: #14181D; }" in sheet
    assert '#countdown[state="critical"] { color: #B3261E; }' in sheet


@pytest.mark.parametrize(
    "scheme, name",
    [(Qt.ColorScheme.Dark, "dark"), (Qt.ColorScheme.Light, "light"), (Qt.ColorScheme.Unknown, "light")],
)
def test_an_unknown_scheme_gets_the_light_palette(scheme, name):
    assert style.palette_for(scheme).name == name


@pytest.mark.parametrize(
    "value, scheme", [("dark", Qt.ColorScheme.Dark), (" Light ", Qt.ColorScheme.Light), ("purple", None), ("", None)]
)
def test_the_environment_can_choose_the_scheme(monkeypatch, value, scheme):
    monkeypatch.setenv("STUDYGROUP_COLOR_SCHEME", value)
    assert style.scheme_override() == scheme


def test_apply_follows_the_override_and_sets_qt_palette_to_match(qapp, restored_style, monkeypatch):
    monkeypatch.setenv("STUDYGROUP_COLOR_SCHEME", "dark")
    style.apply(qapp)
    assert style.active_palette() is DARK
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == "#14181d"
    assert qapp.palette().color(QPalette.ColorRole.Text).name() == "#f4f1ea"
    assert "color: #F4F1EA;" in qapp.styleSheet()


def test_a_change_of_system_scheme_restyles_the_app(qapp, restored_style):
    style.apply(qapp)  # under offscreen the system has no preference: light
    assert style.active_palette() is LIGHT
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert style.active_palette() is DARK
    assert "color: #F4F1EA;" in qapp.styleSheet()
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert "color: #1F2328;" in qapp.styleSheet()


def colours_of(widget) -> set[str]:
    image = widget.grab().toImage()
    return {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())}


def test_icons_are_drawn_in_the_palette_in_use(qtbot, qapp, restored_style):
    button = QToolButton()
    qtbot.addWidget(button)
    button.setIcon(icon("stop"))
    button.setIconSize(QSize(32, 32))
    button.resize(48, 48)
    assert "#2f4858" in colours_of(button)
    style.apply_scheme(qapp, Qt.ColorScheme.Dark)
    assert "#c9d3dc" in colours_of(button)
    button.setEnabled(False)
    assert "#6b737e" in colours_of(button)  # the dark palette's disabled text


def test_a_changed_copy_of_an_icon_still_paints(qapp):
    copy = QIcon(icon("play"))
    copy.addPixmap(QPixmap(8, 8))  # Qt clones the engine here; PySide would free the clone with its wrapper
    gc.collect()
    assert not copy.pixmap(24, 24).isNull()


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_a_ticked_box_shows_a_tick_in_the_palettes_accent_text(palette):
    sheet = style.stylesheet(palette)
    tick = Path(re.search(r"image: url\(([^)]+)\)", sheet).group(1))
    assert tick.name == f"tick-{palette.name}.svg"
    assert f'stroke="{palette.accent_text}"' in tick.read_text(encoding="utf-8")
