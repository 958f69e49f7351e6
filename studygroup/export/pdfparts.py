"""The PDF summary's building blocks: user text as Paragraphs, one-line labels, plain tables.

Shared by the summary's sections (pdf.py, pdfsections.py) and the handout; every piece of user
text reaches reportlab through user_paragraph, so it is printed as typed and never read as markup
(studygroup.export.pdffrags builds its fragments without reportlab's parser).
"""

from __future__ import annotations

import functools

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from studygroup.export.fonts import needs_shaping
from studygroup.export.pdffrags import text_paragraph
from studygroup.export.pdfstyles import INK, styles
from studygroup.export.textsafe import has_rtl, pdf_text, printable, split_long_text
from studygroup.limits import ELLIPSIS
from studygroup.palette import LIGHT

PAGE_SIZES = {"A4": A4, "Letter": LETTER}
MARGIN = 18 * mm

Story = list[Flowable]  # what reportlab lays out, in order


NOTE_START_ROOM = 2 * mm + 11 + 2 * 13  # the head's space before and line, and two lines of note text


def user_paragraph(text: str, style: ParagraphStyle, markup_before: str = "") -> Paragraph:
    """A Paragraph of user *text*, printed as typed; *markup_before* is our own trusted markup."""
    if has_rtl(text) or needs_shaping(text):  # harfbuzz orders Hebrew and Arabic, builds Devanagari and Thai
        style = _shaped(style)
    return text_paragraph(pdf_text(text), style, markup_before)


@functools.lru_cache(maxsize=64)  # one style object per style, so pdffrags' per-style fragments are reused
def _shaped(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}_shaped", style, shaping=1)


def one_line(text: str, style: ParagraphStyle, width: float) -> Paragraph:
    """user_paragraph of *text* on one line of *width*, cut with "…" where it would wrap."""
    text = printable(text).replace("\n", " ")

    def fits(count: int) -> bool:
        return len(user_paragraph(_cut(text, count), style).breakLines([width]).lines) <= 1

    if fits(len(text)):
        return user_paragraph(text, style)
    short, long = 0, len(text)  # fits(short) and not fits(long)
    while long - short > 1:
        middle = (short + long) // 2
        short, long = (middle, long) if fits(middle) else (short, middle)
    return user_paragraph(_cut(text, short), style)


def _cut(text: str, count: int) -> str:
    return text if count >= len(text) else text[:count].rstrip() + ELLIPSIS


def para(text: str, style: str = "body", markup_before: str = "") -> Paragraph:
    """user_paragraph with one of the summary's styles, by name."""
    return user_paragraph(text, styles()[style], markup_before)


def long_text(text: str, style: str = "note") -> list[Paragraph]:
    """A note of any length as several small Paragraphs (one huge Paragraph takes minutes)."""
    return [para(chunk, style) for chunk in split_long_text(text)]


def data_table(rows: list[list[Flowable]], fractions: list[float]) -> Table:
    """A plain table that splits across pages, repeating its header row."""
    width = PAGE_SIZES["A4"][0] - 2 * MARGIN
    table = Table(rows, colWidths=[width * f for f in fractions], repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor(LIGHT.border)),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


def note_start() -> CondPageBreak:
    """A new page unless the note's head and two lines of its text fit: no head is left alone at a page's foot.

    Cheaper than keepWithNext or KeepTogether, which copy the frame and lay the note out twice (5,000 notes: seconds).
    """
    return NoteStart(NOTE_START_ROOM)


class NoteStart(CondPageBreak):  # type: ignore[misc]  # reportlab has no type hints
    """A CondPageBreak that draws nothing, where reportlab's saves, moves and restores the canvas around nothing.

    One per note: 5,000 notes made 5,000 empty `q 1 0 0 1 x y cm Q` in the pages, and as many canvas state copies.
    """

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        pass
