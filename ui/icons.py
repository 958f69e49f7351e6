"""Icons from resources/icons, drawn in the palette in use each time they paint.

The SVG files draw their lines in the light palette's icon colour; the engine swaps it for
the active palette's (its disabled text colour for a disabled icon), so a change of colour
scheme shows on the next repaint without building any icon again.
"""

from __future__ import annotations

import functools
import re

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPixmap

from studygroup.palette import LIGHT
from studygroup.resources import resource_path
from ui.style import active_palette

INK = re.compile(re.escape(LIGHT.icon), re.IGNORECASE)  # the colour the SVG files are drawn in
# PySide6 does not hand an engine returned by clone() over to Qt: once Python dropped it, the
# detached icon painted through a freed engine and crashed. Clones are made only when a copied
# icon is changed (addPixmap), which the app never does, so keeping them costs nothing.
_clones: list[QIconEngine] = []


@functools.cache
def svg_in(name: str, colour: str) -> QByteArray:
    """resources/icons/<name>.svg with its lines in *colour*."""
    text = resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")
    return QByteArray(INK.sub(colour, text).encode("utf-8"))


class PaletteIconEngine(QIconEngine):
    """Renders one SVG icon in the active palette's icon colour."""

    def __init__(self, name: str):
        super().__init__()
        self.name = name

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        from PySide6.QtSvg import QSvgRenderer  # loaded when an icon is first drawn, not at start-up

        palette = active_palette()
        colour = palette.disabled_text if mode == QIcon.Mode.Disabled else palette.icon
        QSvgRenderer(svg_in(self.name, colour)).render(painter, rect)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        pixmap = QPixmap(size * scale)  # sharp on a high-density screen
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        clone = PaletteIconEngine(self.name)
        _clones.append(clone)
        return clone


def icon(name: str) -> QIcon:
    """An icon from resources/icons by file stem; no icon for an empty name."""
    if not name:
        return QIcon()
    svg_in(name, LIGHT.icon)  # an unknown name fails here, naming the known ones
    return QIcon(PaletteIconEngine(name))
