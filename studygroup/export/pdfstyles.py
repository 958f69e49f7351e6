"""The PDF summary's paragraph styles and ink: DejaVu Sans throughout, on the light palette (paper is white)."""

from __future__ import annotations

import functools

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from studygroup.export.fonts import SANS, SANS_BOLD, register_fonts
from studygroup.palette import LIGHT

INK, MUTED = colors.HexColor(LIGHT.text), colors.HexColor(LIGHT.muted)


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles, all in DejaVu Sans so any script in the data has glyphs."""
    register_fonts()
    body = ParagraphStyle("body", fontName=SANS, fontSize=9.5, leading=13, textColor=INK)
    return {
        "title": ParagraphStyle("title", body, fontName=SANS_BOLD, fontSize=22, leading=27, spaceAfter=4 * mm),
        "h1": ParagraphStyle(
            "h1",
            body,
            fontName=SANS_BOLD,
            fontSize=15,
            leading=19,
            spaceBefore=5 * mm,
            spaceAfter=2.5 * mm,
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2",
            body,
            fontName=SANS_BOLD,
            fontSize=11.5,
            leading=15,
            spaceBefore=3.5 * mm,
            spaceAfter=1.5 * mm,
            keepWithNext=1,
        ),
        "body": body,
        "problem": ParagraphStyle(
            "problem", body, fontName=SANS_BOLD, fontSize=10.5, leading=14, spaceBefore=2.5 * mm, keepWithNext=1
        ),
        "muted": ParagraphStyle("muted", body, textColor=MUTED, fontSize=8.5, leading=11),
        # A tracker link has no spaces to wrap at: break it anywhere rather than run off the page.
        "link": ParagraphStyle("link", body, textColor=MUTED, fontSize=8.5, leading=11, wordWrap="CJK"),
        "headline": ParagraphStyle("headline", body, fontName=SANS_BOLD, fontSize=13, leading=17, spaceAfter=2 * mm),
        "rule": ParagraphStyle(
            "rule",
            body,
            fontSize=10.5,
            leading=14,
            backColor=colors.HexColor(LIGHT.background),
            borderPadding=(2 * mm, 3 * mm, 2 * mm, 3 * mm),
            spaceBefore=2 * mm,
            spaceAfter=3 * mm,
        ),
        "note_head": ParagraphStyle("note_head", body, textColor=MUTED, fontSize=8.5, leading=11, spaceBefore=2 * mm),
        "note": ParagraphStyle("note", body, leftIndent=3 * mm),
        "severe": ParagraphStyle(
            "severe",
            body,
            leftIndent=3 * mm,
            spaceBefore=1.5 * mm,
            backColor=colors.HexColor(LIGHT.problem_soft),
            borderPadding=(1 * mm, 1 * mm, 1 * mm, 1 * mm),
        ),
        "quote_by": ParagraphStyle(
            "quote_by", body, textColor=MUTED, fontSize=8.5, leading=11, leftIndent=3 * mm, spaceAfter=2 * mm
        ),
        "footer": ParagraphStyle("footer", body, textColor=MUTED, fontSize=8, leading=10),
        "chart_label": ParagraphStyle("chart_label", body, fontSize=7, leading=8.5, alignment=TA_RIGHT),
    }
