"""One palette, filled into the QSS files in resources/styles, applied once at start-up."""

from __future__ import annotations

from string import Template

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from studygroup.model import KIND_COLOURS
from studygroup.resources import RESOURCES_DIR, resource_path

# Calm and high-contrast: warm paper background, near-black text, one teal accent.
PALETTE = {
    "background": "#F6F4EF",
    "surface": "#FFFFFF",
    "text": "#1F2328",
    "muted": "#555D6B",
    "border": "#D9D4C9",
    "accent": "#2F6F73",
    "accent_text": "#FFFFFF",
    "accent_soft": "#DCEBEA",
    "low": "#9A5B00",
    "critical": "#B3261E",
    "overtime": "#FFFFFF",
    "overtime_bg": "#8E1B2E",
    "flash_bg": "#FFF1C2",
    "room_bg": "#14181D",
    "room_text": "#F4F1EA",
    "room_muted": "#AEB6C2",
    "base_px": "16",
    "font_family": '"DejaVu Sans", "Segoe UI", "Helvetica Neue", sans-serif',
}
STYLE_FILES = ("base.qss",)


def stylesheet() -> str:
    """The full stylesheet with palette and kind colours filled in."""
    values = dict(PALETTE)
    values.update({f"kind_{key}": colour for key, colour in KIND_COLOURS.items()})
    parts = [
        Template(resource_path("styles", name).read_text(encoding="utf-8")).safe_substitute(values)
        for name in STYLE_FILES
    ]
    return "\n".join(parts)


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
    """Register fonts and set the stylesheet on the application."""
    register_fonts()
    app.setStyleSheet(stylesheet())


def repolish(widget) -> None:
    """Re-apply the style after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()
