"""The PDF summary a busy leader reads in three minutes (reportlab platypus).

Sections: cover, headline numbers, the "bad day" charts, themes and quotes, the agenda as
run, follow-ups for later, then the friction log per person. Every piece of user text goes
through studygroup.export.textsafe, so it is printed as typed and never read as markup, and every
field is first cut to its limit (studygroup.limits), so no text can make the layout take minutes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
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
    TableStyle,
)

from studygroup.export.fonts import SANS, needs_shaping
from studygroup.export.pdfchart import LABEL_WIDTH, stacked_chart
from studygroup.export.pdfstyles import INK, MUTED, styles
from studygroup.export.textsafe import has_rtl, pdf_markup, printable, split_long_text
from studygroup.followups import state_facts
from studygroup.limits import ELLIPSIS, clip_note, clip_session
from studygroup.model import SEVERITY_WORDS, FollowUpState, Observation, Session
from studygroup.palette import LIGHT
from studygroup.scenarios import card_sections
from studygroup.storage.atomicfile import atomic_write
from studygroup.summary import OTHER, Summary, clock_text, kind_label, summarise

PAGE_SIZES = {"A4": A4, "Letter": LETTER}
MARGIN = 18 * mm

Progress = Callable[[int, int], None]
Story = list[Flowable]  # what reportlab lays out, in order


NOTE_START_ROOM = 2 * mm + 11 + 2 * 13  # the head's space before and line, and two lines of note text


def user_paragraph(text: str, style: ParagraphStyle, markup_before: str = "") -> Paragraph:
    """A Paragraph of user *text*, escaped; *markup_before* is our own trusted markup."""
    if has_rtl(text) or needs_shaping(text):  # harfbuzz orders Hebrew and Arabic, builds Devanagari and Thai
        style = ParagraphStyle(f"{style.name}_shaped", style, shaping=1)
    return Paragraph(markup_before + pdf_markup(text), style)


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


def export_pdf(
    session: Session,
    observations: list[Observation],
    path: Path,
    page_size: str = "A4",
    progress: Progress | None = None,
    states: Mapping[str, FollowUpState] | None = None,
) -> None:
    """Write the summary PDF of *session* to *path* atomically (a failed export leaves the old file).

    *states* are the follow-ups' owners, statuses and links by note id.
    """
    summary = summarise(clip_session(session), [clip_note(note) for note in observations], states)
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
        self.footer_width = self.width - 25 * mm
        self.footer_title = one_line(summary.session.title, styles()["footer"], self.footer_width)

    def _footer(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        baseline = MARGIN - 2 * mm
        _, height = self.footer_title.wrapOn(canvas, self.footer_width, 20)
        self.footer_title.drawOn(canvas, self.leftMargin, baseline - height + pdfmetrics.getAscent(SANS, 8))
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
        *chart_section(summary),
        *themes_section(summary),
        *agenda_section(summary),
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
    ]


def chart_label(text: str) -> Paragraph:
    """A bar's label: one line of LABEL_WIDTH, cut with "…"."""
    return one_line(text, styles()["chart_label"], LABEL_WIDTH)


def themes_section(summary: Summary) -> Story:
    story = [para("Themes", "h1")]
    for title, counts in (
        ("Journey steps with the most notes", summary.top_steps),
        ("Most frequent tags", [(f"#{t}", n) for t, n in summary.top_tags]),
    ):
        story.append(para(title, "h2"))
        if counts:
            rows = [[para("Label", "muted"), para("Notes", "muted")]] + [[para(k), para(str(n))] for k, n in counts]
            story.append(data_table(rows, [0.8, 0.2]))
        else:
            story.append(para("None recorded.", "muted"))
    for kind, title in (("delight", "Moments of delight"), ("bad_day", "Bad days, in their words")):
        if summary.quotes[kind]:
            story.append(para(title, "h2"))
            for note in summary.quotes[kind]:
                story += [
                    *long_text(f"“{note.text}”"),
                    para(f"— {summary.session.author_name(note.author_id)}, {summary.phase_name(note)}", "quote_by"),
                ]
    return story


def agenda_section(summary: Summary) -> Story:
    rows = [[para("Phase", "muted"), para("Planned", "muted"), para("Actual", "muted")]]
    for row in summary.agenda:
        actual = "did not run" if row.actual_minutes is None else f"{row.actual_minutes:.0f} min"
        rows.append([para(row.name), para(f"{row.planned_minutes:.0f} min"), para(actual)])
    return [CondPageBreak(40 * mm), para("The agenda as it ran", "h1"), data_table(rows, [0.6, 0.2, 0.2])]


def follow_up_section(summary: Summary) -> Story:
    story = [
        para("Follow-ups for later", "h1"),
        para(
            "Rule 2 kept these out of the session: ideas for later and notes flagged for follow-up, "
            "for whoever files the bugs.",
            "muted",
        ),
    ]
    if not summary.follow_ups:
        return story + [para("None.", "muted")]
    for note in summary.follow_ups:
        where = note.journey_step or summary.phase_name(note)
        story += [
            note_start(),
            para(f"{summary.session.author_name(note.author_id)} · {where}", "note_head", "☐ "),
            *long_text(note.text),
            *follow_up_state(summary.follow_up_states.get(note.id)),
        ]
    return story


def follow_up_state(state: FollowUpState | None) -> Story:
    """The owner and status on one line, the link (which may be long and has no spaces) on its own."""
    facts = state_facts(state)
    said = " · ".join(f"{label}: {value}" for label, value in facts if label != "Link")
    story = [para(said, "muted")] if said else []
    return story + [para(f"Link: {value}", "link") for label, value in facts if label == "Link"]


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
        story.append(para(f"{heading} ({len(notes)} notes)", "h2"))
        for note in notes:
            story += note_flowables(summary, note)
    return story


def note_start() -> CondPageBreak:
    """A new page unless the note's head and two lines of its text fit: no head is left alone at a page's foot.

    Cheaper than keepWithNext or KeepTogether, which copy the frame and lay the note out twice (5,000 notes: seconds).
    """
    return CondPageBreak(NOTE_START_ROOM)


def note_flowables(summary: Summary, note: Observation) -> Story:
    severe = note.severity >= 3
    facts = [
        clock_text(note.session_seconds),
        summary.phase_name(note),
        note.journey_step or OTHER,
        kind_label(note.kind),
        f"severity {note.severity}: {SEVERITY_WORDS.get(note.severity, '')}",
    ]
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
