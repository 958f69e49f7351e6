"""What a PDF draws, read back with pypdf: text as it extracts, and the font each piece is drawn in."""

from __future__ import annotations

import re

from pypdf import PdfReader


def drawn(path, pages: slice = slice(None), below: float | None = None) -> list[tuple[str, str]]:
    """(text, font name) for every piece of text drawn on *pages*, only under *below* points when given."""
    pieces: list[tuple[str, str]] = []

    def visitor(text, cm, tm, font_dict, font_size):
        y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
        if text.strip() and font_dict and (below is None or y < below):
            pieces.append((text.strip(), re.sub(r"^/?[A-Z]{6}\+", "", str(font_dict.get("/BaseFont")))))

    for page in PdfReader(path).pages[pages]:
        page.extract_text(visitor_text=visitor)
    return pieces


def fonts_of(pieces: list[tuple[str, str]], text: str) -> set[str]:
    """The fonts of the drawn pieces that hold *text*."""
    return {font for piece, font in pieces if text in piece}


def flat_text(path, footer: str = "") -> str:
    """All extracted text with every run of whitespace removed (long words wrap anywhere).

    With *footer* (a title without spaces), the page footers it starts are removed too, so that
    text running across a page break reads on.
    """
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(path).pages))
    return re.sub(re.escape(footer) + r"Page\d+", "", text) if footer else text
