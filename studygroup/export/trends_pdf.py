"""The Trends report as a PDF, in the session summary's style: the quarterly read-out a product team circulates.

Sections: the title and filter, the headline per session (two charts on fixed axes and a table),
the recurring problems ranked with their quotes, then what got better. User text reaches reportlab
only through pdfparts (textsafe), so a title or a quote is printed as typed, never read as markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, CondPageBreak, Flowable, Frame, PageTemplate, Spacer

from studygroup.atomicfile import atomic_write
from studygroup.export.fonts import SANS
from studygroup.export.pdfparts import MARGIN, PAGE_SIZES, Story, data_table, long_text, note_start, para
from studygroup.export.pdfstyles import MUTED
from studygroup.export.pdftrendchart import line_chart
from studygroup.export.trends_report import (
    HEADLINE_COLUMNS,
    Progress,
    TrendsReport,
    better_sentence,
    empty_sentence,
    filter_line,
    headline_row,
    per_person_axis,
    problem_facts,
    quote_credit,
    span_line,
    title,
    trend_detail,
    trend_word_of,
)
from studygroup.palette import LIGHT

SHARE_AXIS = (1.0, 0.25)  # the share without a bad day: always 0 to 100 %


def export_trends_pdf(report: TrendsReport, path: Path, progress: Progress | None = None) -> None:
    """Write *report* as a PDF to *path* atomically (a failed export leaves the old file)."""
    story = build_story(report)
    total = len(story)
    with atomic_write(Path(path)) as handle:
        TrendsDocument(handle, report, total, progress).build(story)
    if progress:
        progress(total, total)


class TrendsDocument(BaseDocTemplate):  # type: ignore[misc]  # reportlab has no types
    """A4 pages with the report's title and the page number in the footer; reports layout progress."""

    def __init__(self, handle: BinaryIO, report: TrendsReport, total: int, progress: Progress | None):
        self.heading, self.total, self.progress, self.done = title(report), total, progress, 0
        super().__init__(
            handle,
            pagesize=PAGE_SIZES["A4"],
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + 4 * mm,
            title=self.heading,
            subject="Study group trends",
            creator="studygroup",
            initialFontName=SANS,
        )
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._footer)])

    def _footer(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        baseline = MARGIN - 2 * mm + pdfmetrics.getAscent(SANS, 8) - 8
        canvas.setFont(SANS, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(self.leftMargin, baseline, self.heading)
        canvas.drawRightString(self.pagesize[0] - self.rightMargin, baseline, f"Page {doc.page}")
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        self.done += 1
        if self.progress and self.done % 50 == 0 and self.done < self.total:
            self.progress(self.done, self.total)


def build_story(report: TrendsReport) -> Story:
    """Every section in reading order; one sentence when no session was held."""
    story = cover(report)
    if not report.trends.sessions:
        return story + [para(empty_sentence(report), "headline")]
    return story + headline_section(report) + recurring_section(report) + better_section(report)


def cover(report: TrendsReport) -> Story:
    sessions = report.trends.sessions
    story = [para(title(report), "title"), para(filter_line(report.scenario, report.since), "muted")]
    return story + ([para(span_line(sessions), "muted")] if sessions else [])


def headline_section(report: TrendsReport) -> Story:
    """The customer-side headline, session by session: two charts on fixed axes, then the figures."""
    sessions = report.trends.sessions
    dates = [s.date for s in sessions]
    shares = [s.figures.share_without_bad_day for s in sessions]
    per_person = [s.figures.bad_days_per_person for s in sessions]
    rows = [[para(column, "muted") for column in HEADLINE_COLUMNS]]
    rows += [[para(cell) for cell in headline_row(s)] for s in sessions]
    return [
        para("The headline, session by session", "h1"),
        para("People who got through the journey without a bad day", "h2"),
        line_chart(dates, shares, SHARE_AXIS, LIGHT.accent, "{:.0%}"),
        para("Bad days per person", "h2"),
        line_chart(dates, per_person, per_person_axis(sessions), LIGHT.kinds["bad_day"]),
        Spacer(1, 4 * mm),
        CondPageBreak(40 * mm),
        data_table(rows, [0.15, 0.35, 0.09, 0.2, 0.21]),
    ]


def recurring_section(report: TrendsReport) -> Story:
    """Journey steps and tags that drew problems in two or more sessions, ranked, each with its first quotes."""
    story = [
        CondPageBreak(50 * mm),
        para("Recurring problems", "h1"),
        para("Journey steps and tags that drew friction, confusion or bad days in two or more sessions.", "muted"),
    ]
    if not report.trends.recurring:
        return story + [para("Nothing recurred yet: no journey step or tag drew problems in two sessions.", "muted")]
    count = len(report.trends.sessions)
    for rank, (problem, quotes) in enumerate(zip(report.trends.recurring, report.quotes, strict=True), start=1):
        story += [
            note_start(),
            para(problem.name, "problem", f"{rank}. "),
            para(problem_facts(problem, count), "muted"),
            para(trend_detail(problem), "muted", f"<b>Trend: {trend_word_of(problem)}</b> · "),
        ]
        for quote in quotes:
            story += [*long_text(f"“{quote.text}”"), para(f"— {quote_credit(quote)}", "quote_by")]
    return story


def better_section(report: TrendsReport) -> Story:
    """Journey steps that hurt before and had no bad day in their latest sessions."""
    story = [CondPageBreak(30 * mm), para("What got better", "h1")]
    if not report.trends.got_better:
        return story + [
            para("Nothing yet: no journey step has gone two sessions without a bad day since its last.", "muted")
        ]
    for better in report.trends.got_better:
        story += [para(better.step, "problem"), para(better_sentence(better, report.trends.sessions))]
    return story
