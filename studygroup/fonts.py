"""Fonts for every PDF we write: DejaVu Sans, with embedded fallbacks for what it cannot draw.

reportlab's standard fonts only cover Latin-1, and DejaVu draws boxes for Chinese, Japanese,
Korean and emoji. reportlab has no automatic font fallback, so `fallback_for` picks, per
character, WenQuanYi Micro Hei (CJK and Hangul) or Symbola (emoji and symbols). All three
are bundled in resources/fonts and embedded, so the PDF looks the same in every viewer
(Adobe's non-embedded CID fonts show as boxes where the viewer lacks them, poppler included).
Bold and italic faces are registered as one family so that `<b>` stays in DejaVu instead of
silently falling back to Helvetica.
"""

from __future__ import annotations

import functools

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from studygroup.resources import resource_path

SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"
CJK = "WenQuanYiMicroHei"
SYMBOLS = "Symbola"

_FACES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
    CJK: "wqy-microhei.ttc",
    SYMBOLS: "Symbola.ttf",
}


_reportlab_to_unicode_cmap = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname: str, subset: list) -> str:
    """reportlab's ToUnicode map, with characters outside the BMP written as UTF-16 pairs.

    reportlab writes U+1F600 as `<1F600>`, an odd-length hex string that PDF readers reject,
    so emoji could not be searched or copied. The PDF spec wants UTF-16BE: `<D83DDE00>`.
    """
    cmap = _reportlab_to_unicode_cmap(fontname, subset)
    for code in {v for v in subset if isinstance(v, int) and 0xFFFF < v <= 0x10FFFF}:
        cmap = cmap.replace(f"> <{code:04X}>", f"> <{chr(code).encode('utf-16-be').hex().upper()}>")
    return cmap


@functools.cache
def register_fonts() -> dict[str, str]:
    """Register the fonts once per process; returns the names to use in styles."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    for name, file_name in _FACES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file_name))))
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic="DejaVuSans-Oblique",
                                  boldItalic="DejaVuSans-BoldOblique")
    # The fallbacks have no bold face: map every style to itself so <b> around them still works.
    for name in (CJK, SYMBOLS):
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(name, bold, italic, name)
    return {"sans": SANS, "bold": SANS_BOLD, "cjk": CJK, "symbols": SYMBOLS}


@functools.cache
def _coverage(name: str) -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)


def fallback_for(char: str) -> str | None:
    """The font to draw *char* with when DejaVu Sans cannot, or None to stay in DejaVu."""
    code = ord(char)
    if code in _coverage(SANS):
        return None
    if code in _coverage(CJK):
        return CJK
    return SYMBOLS if code in _coverage(SYMBOLS) else None
