"""PDF export of a 5,000-note session (every section and chart) against raw reportlab laying out
the same number of paragraphs (two per note: its header line and its text) in the same font."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from benchmarks.bigsession import big_session
from benchmarks.common import Figure, median
from studygroup.export.fonts import SANS, register_fonts
from studygroup.export.pdf import build_story, export_pdf
from studygroup.model import Observation, Session
from studygroup.summary import summarise

NOTES = 5_000


def _ours(session: Session, notes: list[Observation], path: Path) -> float:
    start = time.perf_counter()
    export_pdf(session, notes, path)
    return time.perf_counter() - start


def _raw(notes: list[Observation], path: Path) -> float:
    style = ParagraphStyle("raw", fontName=SANS, fontSize=9.5, leading=13)
    start = time.perf_counter()
    story = []
    for note in notes:
        story.append(Paragraph(escape(f"{note.session_seconds:.0f} · {note.kind} · {note.journey_step}"), style))
        story.append(Paragraph(escape(note.text), style))
    SimpleDocTemplate(str(path)).build(story)
    return time.perf_counter() - start


def run(repeats: int = 5) -> list[Figure]:
    register_fonts()  # once, outside the timing, for both sides
    session, notes = big_session(NOTES)
    ours, raw = [], []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(repeats):
            ours.append(_ours(session, notes, Path(folder) / "ours.pdf"))
            raw.append(_raw(notes, Path(folder) / "raw.pdf"))
    figure = Figure(f"PDF export, {NOTES:,} notes", median(ours), median(raw), "s", "ratio <= 2.0", False)
    figure.met = figure.ratio <= 2.0
    figure.note = _note(session, notes)
    return [figure]


def _note(session: Session, notes: list[Observation]) -> str:
    """What ours lays out beyond the raw side's two paragraphs a note, and what was done about the rest."""
    story = build_story(summarise(session, notes))
    paragraphs = sum(isinstance(flowable, Paragraph) for flowable in story)
    return (
        f"ours lays out {paragraphs:,} paragraphs to the raw side's {2 * len(notes):,} (each note's head and text, "
        "what was expected and what happened, the follow-ups again in their own section, severe notes' heads in "
        "two fonts and colours), plus cover, charts, tables and a footer on each page. Done: user text skips "
        "reportlab's markup parser (its fragments are copies of ones the parser made once per style), a text that "
        "fits on one line is measured in one call instead of word by word, the footer title is laid out once, the "
        "check that keeps a note's head off a page's foot draws nothing. Not done: caching word widths (patching "
        "reportlab's stringWidth speeds the raw side as much)"
    )
