"""The Trends report as Markdown, for a wiki page: the same sections and sentences as the PDF.

User text (titles, journey steps, tags, quotes, names) goes through textsafe.md_text, so a note
holding Markdown or HTML is shown as typed.
"""

from __future__ import annotations

from pathlib import Path

from studygroup.atomicfile import atomic_write
from studygroup.export.markdown import _block, _table
from studygroup.export.textsafe import md_text
from studygroup.export.trends_report import (
    HEADLINE_COLUMNS,
    TrendsReport,
    better_sentence,
    empty_sentence,
    filter_line,
    headline_row,
    problem_facts,
    quote_credit,
    span_line,
    title,
    trend_detail,
    trend_word_of,
)


def export_trends_markdown(report: TrendsReport, path: Path) -> None:
    """Write *report* as Markdown to *path* atomically."""
    with atomic_write(Path(path), "w", encoding="utf-8", newline="\n") as handle:
        handle.write(render_markdown(report))


def render_markdown(report: TrendsReport) -> str:
    lines = _cover(report)
    if not report.trends.sessions:
        lines += [md_text(empty_sentence(report)), ""]
    else:
        lines += _headlines(report) + _recurring(report) + _got_better(report)
    return "\n".join(lines).rstrip("\n") + "\n"


def _cover(report: TrendsReport) -> list[str]:
    lines = [f"# {md_text(title(report))}", "", md_text(filter_line(report.scenario, report.since))]
    if report.trends.sessions:
        lines[-1] += f" · {md_text(span_line(report.trends.sessions))}"
    return lines + [""]


def _headlines(report: TrendsReport) -> list[str]:
    rows = [headline_row(s) for s in report.trends.sessions]
    return ["## The headline, session by session", "", *_table(HEADLINE_COLUMNS, rows), ""]


def _recurring(report: TrendsReport) -> list[str]:
    lines = [
        "## Recurring problems",
        "",
        "Journey steps and tags that drew friction, confusion or bad days in two or more sessions.",
        "",
    ]
    if not report.trends.recurring:
        return lines + ["Nothing recurred yet: no journey step or tag drew problems in two sessions.", ""]
    count = len(report.trends.sessions)
    for rank, (problem, quotes) in enumerate(zip(report.trends.recurring, report.quotes, strict=True), start=1):
        lines += [
            f"{rank}. **{md_text(problem.name)}** · {md_text(problem_facts(problem, count))}  ",
            f"   **Trend: {trend_word_of(problem)}** · {md_text(trend_detail(problem))}",
            "",
        ]
        for quote in quotes:
            lines += [f"   > {_block(quote.text, '   > ')}  ", f"   > — {md_text(quote_credit(quote))}", ""]
    return lines


def _got_better(report: TrendsReport) -> list[str]:
    lines = ["## What got better", ""]
    if not report.trends.got_better:
        return lines + ["Nothing yet: no journey step has gone two sessions without a bad day since its last.", ""]
    sessions = report.trends.sessions
    return (
        lines
        + [f"- **{md_text(b.step)}**: {md_text(better_sentence(b, sessions))}" for b in report.trends.got_better]
        + [""]
    )
