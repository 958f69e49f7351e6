"""The printable persona card: one page with the scenario, the two rules and each person's role."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepInFrame,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from studygroup.atomicfile import atomic_write
from studygroup.export.fonts import register_fonts
from studygroup.export.pdfparts import PAGE_SIZES, user_paragraph
from studygroup.limits import clip_session
from studygroup.model import Session
from studygroup.palette import LIGHT

MARGIN = 16 * mm
# Paper is white: the card always uses the light palette.
INK, MUTED, RULE_BG = (colors.HexColor(c) for c in (LIGHT.text, LIGHT.muted, LIGHT.accent_wash))

# (heading, Scenario attribute) in reading order: who, what, where from, where to.
CARD_SECTIONS = (
    ("Who you are", "who_they_are"),
    ("Your outcome problem", "outcome_problem"),
    ("The product", "product"),
    ("Where you start", "starting_point"),
    ("What success looks like", "success_looks_like"),
)


def export_handout(session: Session, path: Path, page_size: str = "A4") -> Path:
    """Write the session's persona card as a one-page PDF; *path* is replaced whole or not at all."""
    if page_size not in PAGE_SIZES:
        raise ValueError(f"Unknown page size {page_size!r}; use one of {', '.join(PAGE_SIZES)}.")
    session = clip_session(session)  # text over its limit is cut with "…", so the layout stays quick
    buffer = io.BytesIO()
    size = PAGE_SIZES[page_size]
    doc = SimpleDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"Persona card: {session.scenario.company}",
        author=session.facilitator or "studygroup",
    )
    # Shrink to fit rather than spill: a handout is one sheet of paper.
    card = KeepInFrame(doc.width, doc.height, _card_flowables(session, _styles()), mode="shrink")
    doc.build([card])
    with atomic_write(Path(path), "wb") as handle:
        handle.write(buffer.getvalue())
    return Path(path)


def _styles() -> dict[str, ParagraphStyle]:
    fonts = register_fonts()
    base = ParagraphStyle("body", fontName=fonts["sans"], fontSize=10.5, leading=14, textColor=INK)
    return {
        "title": ParagraphStyle("title", base, fontName=fonts["bold"], fontSize=22, leading=27),
        "subtitle": ParagraphStyle("subtitle", base, textColor=MUTED, fontSize=10, spaceAfter=6),
        "heading": ParagraphStyle(
            "heading", base, fontName=fonts["bold"], fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=2
        ),
        "body": base,
        "rule": ParagraphStyle("rule", base, fontSize=10, leading=13.5),
    }


def _card_flowables(session: Session, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    scenario = session.scenario
    subtitle = " · ".join(part for part in ("Persona card", session.title, session.date) if part)
    flowables = [user_paragraph(scenario.company, styles["title"]), user_paragraph(subtitle, styles["subtitle"])]
    for heading, attribute in CARD_SECTIONS:
        text = getattr(scenario, attribute)
        if text.strip():
            flowables += [Paragraph(heading, styles["heading"]), user_paragraph(text, styles["body"])]
    flowables += [Spacer(1, 8), _rules_box(session, styles)]
    flowables += _roles(session, styles)
    flowables += _questions(session, styles)
    return flowables


def _rules_box(session: Session, styles: dict[str, ParagraphStyle]) -> Table:
    rules = [
        [user_paragraph(text, styles["rule"], f"<b>Rule {number}.</b> ")]
        for number, text in ((1, session.scenario.rule_one), (2, session.scenario.rule_two))
    ]
    box = Table(rules, colWidths=["100%"])
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), RULE_BG),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return box


def _roles(session: Session, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    """Each person and their role; the card's roles when nobody is in the group yet."""
    if session.participants:
        rows = [
            [user_paragraph(p.name, styles["body"]), user_paragraph(p.role or "—", styles["body"])]
            for p in session.participants
        ]
        table = Table(rows, colWidths=["38%", "62%"])
        table.setStyle(
            TableStyle(
                [
                    ("LINEBELOW", (0, 0), (-1, -2), 0.4, colors.HexColor(LIGHT.border)),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        return [Paragraph("Who plays whom", styles["heading"]), table]
    if session.scenario.roles:
        return [Paragraph("Roles in the company", styles["heading"]), _bullets(session.scenario.roles, styles)]
    return []


def _questions(session: Session, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    questions = session.scenario.probing_questions
    if not questions:
        return []
    return [Paragraph("Questions we will ask you", styles["heading"]), _bullets(questions, styles, numbered=True)]


def _bullets(items: list[str], styles: dict[str, ParagraphStyle], numbered: bool = False) -> ListFlowable:
    return ListFlowable(
        [ListItem(user_paragraph(item, styles["body"])) for item in items],
        bulletType="1" if numbered else "bullet",
        start="1" if numbered else "•",
        leftIndent=14,
        bulletFontName=styles["body"].fontName,
        bulletFontSize=10,
    )
