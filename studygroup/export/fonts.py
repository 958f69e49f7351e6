"""Fonts for every PDF we write: DejaVu Sans, with embedded fallbacks for what it cannot draw.

reportlab's standard fonts only cover Latin-1, and DejaVu draws boxes for Chinese, Japanese,
Korean, emoji, Devanagari and Thai. reportlab has no automatic font fallback, so `font_runs`
splits text into runs of one font, picking per character WenQuanYi Micro Hei (CJK and
Hangul), Noto Sans Devanagari, Noto Sans Thai or Symbola (emoji and symbols). All of them are
bundled in resources/fonts and embedded, so the PDF looks the same in every viewer (Adobe's
non-embedded CID fonts show as boxes where the viewer lacks them, poppler included). Bold and
italic faces are registered as one family so that `<b>` stays in DejaVu instead of silently
falling back to Helvetica. Complex scripts are shaped by harfbuzz (studygroup.export.shaping).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from studygroup.export import shaping
from studygroup.resources import resource_path

SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"
CJK = "WenQuanYiMicroHei"
SYMBOLS = "Symbola"
DEVANAGARI = "NotoSansDevanagari"
THAI = "NotoSansThai"
FALLBACKS = (CJK, DEVANAGARI, THAI, SYMBOLS)

_FACES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
    CJK: "wqy-microhei.ttc",
    SYMBOLS: "Symbola.ttf",
    DEVANAGARI: "NotoSansDevanagari-Regular.ttf",
    THAI: "NotoSansThai-Regular.ttf",
}

# Scripts drawn in their own font even where another font has a glyph (DejaVu has the Thai baht
# sign), so that a word is shaped in one font: Devanagari with its Vedic and extended blocks, Thai.
_SCRIPT_FONTS = (
    (DEVANAGARI, ((0x0900, 0x097F), (0x1CD0, 0x1CFF), (0xA8E0, 0xA8FF), (0x11B00, 0x11B5F))),
    (THAI, ((0x0E00, 0x0E7F),)),
)
# Text needing harfbuzz: right-to-left letters are found by studygroup.export.textsafe.has_rtl.
_COMPLEX = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for _, blocks in _SCRIPT_FONTS for a, b in blocks) + "]")
_JOINING = ("Mn", "Me", "Cf")  # marks and joiners stay in the font of the letter before them


@functools.cache
def register_fonts() -> dict[str, str]:
    """Register the fonts once per process; returns the names to use in styles."""
    shaping.install()
    for name, file_name in _FACES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file_name))))
    pdfmetrics.registerFontFamily(
        SANS, normal=SANS, bold=SANS_BOLD, italic="DejaVuSans-Oblique", boldItalic="DejaVuSans-BoldOblique"
    )
    # The fallbacks have no bold face: map every style to itself so <b> around them still works.
    for name in FALLBACKS:
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(name, bold, italic, name)
    # Read before anything is shaped: shaping adds private-use codes to the fonts' maps.
    _COVERAGE.update({name: frozenset(pdfmetrics.getFont(name).face.charToGlyph) for name in _FACES})
    return {"sans": SANS, "bold": SANS_BOLD, "cjk": CJK, "symbols": SYMBOLS, "devanagari": DEVANAGARI, "thai": THAI}


_COVERAGE: dict[str, frozenset[int]] = {}


def _coverage(name: str) -> frozenset[int]:
    """The characters font *name* has a glyph for."""
    register_fonts()
    return _COVERAGE[name]


@functools.cache  # a text holds few distinct characters, and this runs for every one of them
def fallback_for(char: str) -> str | None:
    """The font to draw *char* with when DejaVu Sans cannot, or None to stay in DejaVu."""
    code = ord(char)
    for font, blocks in _SCRIPT_FONTS:
        if any(first <= code <= last for first, last in blocks) and code in _coverage(font):
            return font
    if code in _coverage(SANS):
        return None
    return next((font for font in (CJK, SYMBOLS) if code in _coverage(font)), None)


_IN_SANS: set[str] = set()  # characters fallback_for keeps in DejaVu Sans, seen so far


def all_in_sans(text: str) -> bool:
    """True when DejaVu Sans draws every character of *text* (most notes), decided at C speed once seen."""
    if _IN_SANS.issuperset(text):
        return True
    new = set(text) - _IN_SANS
    if any(fallback_for(char) is not None for char in new):
        return False
    _IN_SANS.update(new)
    return True


def font_runs(text: str) -> Iterator[tuple[str | None, str]]:
    """(font, characters) runs of *text*; None is DejaVu Sans. Marks and joiners join the run before."""
    if all_in_sans(text):  # most notes: one run
        if text:
            yield None, text
        return
    run_font: str | None = None
    run: list[str] = []
    for char in text:
        font = fallback_for(char)
        if (
            font != run_font
            and run
            and unicodedata.category(char) in _JOINING
            and ord(char) in _coverage(run_font or SANS)
        ):
            font = run_font
        if font != run_font and run:
            yield run_font, "".join(run)
            run = []
        run_font = font
        run.append(char)
    if run:
        yield run_font, "".join(run)


def needs_shaping(text: str) -> bool:
    """True when *text* has a script that harfbuzz must shape (Devanagari, Thai); RTL is separate."""
    return _COMPLEX.search(text) is not None
