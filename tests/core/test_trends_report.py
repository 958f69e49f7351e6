"""The Trends report: the PDF and Markdown of a hand-built library (tests/core/library.py), hostile text and none."""

from pathlib import Path

import pytest
from pypdf import PdfReader

from studygroup.errors import StudygroupError
from studygroup.export.exporters import export_report
from studygroup.export.trends_md import render_markdown
from studygroup.export.trends_report import build_report, per_person_axis, report_format
from studygroup.model import Observation, Participant, Scenario, Session
from tests.core.library import build_library


@pytest.fixture
def library(store):
    return build_library(store)


def _hostile_library(store):
    """Two sessions whose title, step and notes hold Markdown, HTML and a formula start."""
    for n, date in enumerate(("2026-01-05", "2026-02-02")):
        person = Participant("<i>Ana</i>")
        session = Session(
            f"*bold* <b>{n}</b>", date, "Jo", Scenario("Co", "who", "why", key="co"), participants=[person]
        )
        store.save_session(session)
        store.add_observation(
            Observation(
                session.id,
                "=cmd|' /C calc'!A0 <b>loud</b>",
                kind="bad_day",
                severity=3,
                author_id=person.id,
                journey_step="*Pay* [x](y)",
            )
        )


def test_the_pdf_has_its_pages_and_sections(store, library, tmp_path):
    target = tmp_path / "trends.pdf"
    export_report("pdf", build_report(store), target)
    assert target.read_bytes().startswith(b"%PDF")
    reader = PdfReader(target)
    assert len(reader.pages) == 2  # the headline and its charts; the problems, then what got better
    text = " ".join(page.extract_text() for page in reader.pages)
    for words in ("Trends across 4 sessions", "Recurring problems", "1. mobile", "Trend: worse", "What got better"):
        assert words in text
    assert "— Ed, Two (2026-02-02)" in text  # a quote names its author and session


def test_the_markdown_ranks_problems_with_quotes_naming_their_session(store, library):
    text = render_markdown(build_report(store))
    assert text.startswith("# Trends across 4 sessions\n\nSessions of all scenarios, held at any date · 2026-01-05 to")
    assert "| 2026-01-05 | One | 4 | 3 of 4 (75%) | 0\\.75 |" in text
    assert "1. **mobile** · tag · in 4 of 4 sessions · worst: 3, if this weren't my job, I'd give up · 5 notes" in text
    assert "   **Trend: worse** · 0\\.33 problem notes a person in its latest session, 0.23 before" in text
    assert "   > b1: friction at sign-up  \n   > — Ed, Two (2026-02-02)" in text
    assert "- **Checkout**: 2 bad days before, the last in “One” (2026-01-05); none in the 2 sessions since" in text


def test_a_scenario_and_a_date_filter_the_report(store, library):
    report = build_report(store, scenario="bakery", since="2026-02-01")
    assert [s.title for s in report.trends.sessions] == ["Two", "Four"]
    assert "Sessions of the scenario bakery, held since 2026-02-01" in render_markdown(report)


def test_at_most_three_quotes_each_and_none_twice(store, library):
    report = build_report(store)
    assert [len(q) for q in report.quotes] == [3, 3, 3, 3, 3]
    assert all(len({q.text for q in quotes}) == len(quotes) for quotes in report.quotes)


def test_hostile_text_stays_text_in_the_markdown(store):
    _hostile_library(store)
    text = render_markdown(build_report(store))
    assert "<b>" not in text and "<i>" not in text and "[x](y)" not in text
    assert "\\*Pay\\* \\[x\\](y)" in text
    assert "   > \\=cmd\\|' /C calc'!A0 \\<b\\>loud\\</b\\>  \n" in text  # no formula, no HTML, no table cell
    assert "\\<i\\>Ana\\</i\\>" in text
    assert "\\*bold\\* \\<b\\>0\\</b\\>" in text


def test_hostile_text_is_printed_as_typed_in_the_pdf(store, tmp_path):
    _hostile_library(store)
    target = tmp_path / "hostile.pdf"
    export_report("pdf", build_report(store), target)
    text = " ".join(page.extract_text() for page in PdfReader(target).pages)
    assert "*Pay* [x](y)" in text and "<b>loud</b>" in text and "<i>Ana</i>" in text


def test_an_empty_library_says_so_in_a_sentence(store, tmp_path):
    report = build_report(store)
    assert (
        render_markdown(report)
        == "# Trends across 0 sessions\n\nSessions of all scenarios, held at any date\n\nNo sessions held yet.\n"
    )
    export_report("pdf", report, tmp_path / "empty.pdf")
    reader = PdfReader(tmp_path / "empty.pdf")
    assert len(reader.pages) == 1 and "No sessions held yet." in reader.pages[0].extract_text()
    dated = build_report(store, since="2030-01-01")
    assert "No sessions held since 2030-01-01." in render_markdown(dated)


def test_the_format_comes_from_the_suffix_or_is_refused():
    assert (report_format(Path("a.PDF")), report_format(Path("b.md")), report_format(Path("c.txt"), "md")) == (
        "pdf",
        "md",
        "md",
    )
    with pytest.raises(StudygroupError, match=r"written as \.pdf or \.md, not 'c\.txt'"):
        report_format(Path("c.txt"))


def test_the_bad_days_axis_is_fixed_steps_from_zero(store, library):
    sessions = build_report(store).trends.sessions  # at most 0.75 bad days a person
    assert per_person_axis(sessions) == (1.0, 0.25)
    assert per_person_axis([]) == (1.0, 0.25)
