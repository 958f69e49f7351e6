"""The PDF summary a busy leader reads in three minutes (reportlab platypus).

Sections: cover, headline numbers, the top problems, the charts (by phase, journey step and
person), themes and quotes, the agenda as run, the question round's airtime, follow-ups for
later, then the friction log per person (the later sections live in pdfsections.py). Every piece of user text goes
through studygroup.export.textsafe, so it is printed as typed and never read as markup, and every
field is first cut to its limit (studygroup.limits), so no text can make the layout take minutes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from studygroup.atomicfile import atomic_write
from studygroup.export.fonts import SANS
from studygroup.export.pdfchart import LABEL_WIDTH, stacked_chart
from studygroup.export.pdfparts import MARGIN, PAGE_SIZES, Story, data_table, long_text, note_start, one_line, para
from studygroup.export.pdfsections import (
    agenda_section,
    follow_up_section,
    question_round_section,
    themes_section,
    top_problems_section,
)
from studygroup.export.pdfstyles import MUTED, styles
from studygroup.export.textsafe import printable
from studygroup.limits import clip_note, clip_session, clip_turn
from studygroup.model import FollowUpState, Observation, Session, Turn
from studygroup.palette import LIGHT
from studygroup.scenarios import card_sections
from studygroup.summary import OTHER, Summary, clock_text, is_severe, kind_label, plural, severity_words, summarise

Progress = Callable[[int, int], None]


def export_pdf(
    session: Session,
    observations: list[Observation],
    path: Path,
    page_size: str = "A4",
    progress: Progress | None = None,
    states: Mapping[str, FollowUpState] | None = None,
    turns: Sequence[Turn] = (),
) -> None:
    """Write the summary PDF of *session* to *path* atomically (a failed export leaves the old file).

    *states* are the follow-ups' owners, statuses and links by note id; *turns* the question round's.
    """
    notes = [clip_note(note) for note in observations]
    summary = summarise(clip_session(session), notes, states, [clip_turn(turn) for turn in turns])
    story = build_story(summary)
    total = len(story)  # doc.build consumes the list
    with atomic_write(Path(path)) as handle:
        SummaryDocument(handle, summary, PAGE_SIZES[page_size], total, progress).build(story)
    if progress:
        progress(total, total)


class SummaryDocument(BaseDocTemplate):
    """Pages with the session title and page number in the footer; reports layout progress."""

    def __init__(
        self,
        handle: BinaryIO,
        summary: Summary,
        page_size: tuple[float, float],
        total_flowables: int,
        progress: Progress | None,
    ):
        self.summary, self.total, self.progress, self.done = summary, total_flowables, progress, 0
        super().__init__(
            handle,
            pagesize=page_size,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + 4 * mm,
            title=printable(summary.session.title),
            author=printable(summary.session.facilitator),
            subject="Study group summary",
            creator="studygroup",
            initialFontName=SANS,
        )
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._footer)])
        # The title is drawn like the body (font fallback, shaping), cut to leave room for "Page 9999".
        # Laid out once and drawn on every page: it is the same on all of them.
        self.footer_title = one_line(summary.session.title, styles()["footer"], self.width - 25 * mm)
        _, self.footer_height = self.footer_title.wrap(self.width - 25 * mm, 20)

    def _footer(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        baseline = MARGIN - 2 * mm
        self.footer_title.drawOn(canvas, self.leftMargin, baseline - self.footer_height + pdfmetrics.getAscent(SANS, 8))
        canvas.setFont(SANS, 8)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(self.pagesize[0] - self.rightMargin, baseline, f"Page {doc.page}")
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        self.done += 1
        if self.progress and self.done % 200 == 0 and self.done < self.total:
            self.progress(self.done, self.total)


def build_story(summary: Summary) -> Story:
    """Every section in reading order."""
    return [
        *cover(summary),
        PageBreak(),
        *headline_section(summary),
        *top_problems_section(summary),
        *chart_section(summary),
        *themes_section(summary),
        *agenda_section(summary),
        *question_round_section(summary),
        *follow_up_section(summary),
        PageBreak(),
        *friction_log(summary),
    ]


def cover(summary: Summary) -> Story:
    session, card = summary.session, summary.session.scenario
    story = [
        para(session.title, "title"),
        para(f"{session.date} · facilitated by {session.facilitator or 'the facilitator'}", "muted"),
        Spacer(1, 4 * mm),
        para(card.company, "h1"),
        para(card.who_they_are),
    ]
    for label, value in card_sections(card):
        if value:
            story += [para(label, "h2"), para(value)]
    story += [para("The group", "h2"), group_table(session)]
    story += [
        para("The two rules", "h2"),
        para(card.rule_one, "rule", "<b>1.</b> "),
        para(card.rule_two, "rule", "<b>2.</b> "),
    ]
    return story


def group_table(session: Session) -> Table:
    if not session.participants:
        return para("No participants were recorded.", "muted")
    rows = [[para("Name", "muted"), para("Discipline or team", "muted"), para("Role", "muted")]]
    rows += [[para(p.name), para(p.discipline), para(p.role)] for p in session.participants]
    return data_table(rows, [0.4, 0.3, 0.3])


def headline_section(summary: Summary) -> Story:
    return [para("What happened", "h1"), *(para(line, "headline") for line in summary.headlines)]


def chart_section(summary: Summary) -> Story:
    if not summary.notes:
        return []
    return [
        CondPageBreak(80 * mm),
        para("Notes by phase, split by kind", "h2"),
        stacked_chart(summary.by_phase, "Phase", chart_label),
        CondPageBreak(80 * mm),
        para("Notes by journey step, split by kind", "h2"),
        stacked_chart(summary.by_step, "Journey step", chart_label),
        CondPageBreak(80 * mm),
        para("Notes by person, split by kind", "h2"),
        stacked_chart(summary.by_person, "Person", chart_label),
    ]


def chart_label(text: str) -> Paragraph:
    """A bar's label: one line of LABEL_WIDTH, cut with "…"."""
    return one_line(text, styles()["chart_label"], LABEL_WIDTH)


def friction_log(summary: Summary) -> Story:
    """Every live note, per person, in time order; severe notes stand out."""
    story = [para("Friction log", "h1")]
    if not summary.notes:
        return story + [para("No notes were captured.", "muted")]
    for author_id, notes in summary.log_by_author.items():
        person = summary.session.participant(author_id)
        heading = summary.session.author_name(author_id)
        if person and (person.discipline or person.role):
            heading += " — " + ", ".join(v for v in (person.discipline, person.role) if v)
        story.append(CondPageBreak(30 * mm))
        story.append(para(f"{heading} ({plural(len(notes), 'note')})", "h2"))
        for note in notes:
            story += note_flowables(summary, note)
    return story


def note_flowables(summary: Summary, note: Observation) -> Story:
    severe = is_severe(note)
    facts = [
        clock_text(note.session_seconds),
        summary.phase_name(note),
        note.journey_step or OTHER,
        kind_label(note.kind),
    ]
    if severity_words(note):
        facts.append(severity_words(note))
    if note.tags:
        facts.append(" ".join(f"#{t}" for t in note.tags))
    mark = f'<font color="{LIGHT.problem}"><b>SEVERE</b></font> · ' if severe else ""
    head = para(" · ".join(facts), "note_head", mark)
    body = long_text(note.text, "severe" if severe else "note")
    extra = [
        para(f"{label}: {value}", "muted")
        for label, value in (("I expected", note.expected), ("What happened", note.happened))
        if value
    ]
    return [note_start(), head, *body, *extra]
