"""The summary's new sections as printed: top problems first, counts in words, quotes once, airtime, by person."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from studygroup.export.markdown import render_markdown
from studygroup.export.pdf import export_pdf
from studygroup.model import Observation, Participant, Phase, Scenario, Session
from studygroup.summary import summarise


def session_and_notes(airtime: tuple[float, float] = (0.0, 0.0)) -> tuple[Session, list[Observation]]:
    """Ada and Bo: a shared confusion, a lone friction, one delight written twice, a question."""
    explore = Phase("Explore", 1, elapsed_seconds=60, started_at=1.0)
    ada, bo = Participant("Ada", airtime_seconds=airtime[0]), Participant("Bo", airtime_seconds=airtime[1])
    session = Session("Friday", "2026-03-06", "Jo", Scenario("Co", "A baker", "Get paid"), [explore], [ada, bo])

    def note(text, kind, severity, author, step, at):
        return Observation(session.id, text, kind, severity, author.id, explore.id, at, journey_step=step)

    return session, [
        note("Which button pays?", "confusion", 3, ada, "Checkout", 10),
        note("which  button pays?", "confusion", 2, bo, "Checkout", 20),
        note("Payout date unclear", "friction", 1, ada, "Payouts", 30),
        note("Lovely receipt", "delight", 3, bo, "Payouts", 40),
        note("lovely receipt", "delight", 1, ada, "Payouts", 50),
        note("Can customers tip?", "question", 2, bo, "", 55),
    ]


def markdown(airtime: tuple[float, float] = (0.0, 0.0)) -> str:
    return render_markdown(summarise(*session_and_notes(airtime)))


def test_markdown_leads_with_the_top_problems_after_the_headlines():
    text = markdown()
    assert text.index("## What happened") < text.index("## Top problems") < text.index("### Notes by phase")
    assert (
        "1. **Checkout** · worst: if this weren't my job, I'd give up · 2 people · 2 notes  \n"
        "   > Which button pays?  \n"
        "   > — Ada, Explore (2 people)\n"
    ) in text
    assert (
        "2. **Payouts** · worst: could be smoother · 1 person · 1 note  \n"
        "   > Payout date unclear  \n"
        "   > — Ada, Explore\n"
    ) in text


def test_markdown_counts_read_right_and_severity_words_only_on_problems():
    text = markdown()
    assert "6 notes from 2 people in 1 minute" in text
    assert "### Ada (3 notes)" in text and "### Bo (3 notes)" in text
    assert "- 00:40 · Explore · Payouts · Delight  \n  Lovely receipt" in text
    assert "- 00:55 · Explore · Other · Question  \n  Can customers tip?" in text
    assert "- **severe** · 00:10 · Explore · Checkout · Confusion · severity 3: if this weren't my job" in text
    assert text.count("severity") == 3  # the two confusions and the friction


def test_markdown_quotes_the_same_words_once_with_how_many_wrote_them():
    text = markdown()
    assert "> Lovely receipt  \n> — Bo, Explore (2 people)\n" in text
    assert "> lovely receipt" not in text


def test_markdown_tables_notes_by_person():
    text = markdown()
    assert "### Notes by person, split by kind" in text
    assert "| Ada | 1 | 1 | 0 | 1 | 0 | 0 | 3 |" in text
    assert "| Bo | 0 | 1 | 0 | 1 | 1 | 0 | 3 |" in text


def test_markdown_question_round_only_when_someone_spoke():
    assert "## Question round" not in markdown()
    text = markdown(airtime=(135.0, 45.0))
    assert "| Person | Airtime | Share |\n|---|---|---|\n| Ada | 02:15 | 75% |\n| Bo | 00:45 | 25% |" in text
    assert text.index("## The agenda as it ran") < text.index("## Question round") < text.index("## Follow-ups")


@pytest.fixture
def pdf_text(tmp_path) -> str:
    path = tmp_path / "summary.pdf"
    export_pdf(*session_and_notes(airtime=(135.0, 45.0)), path)
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(path).pages))


def test_pdf_leads_with_top_problems_and_charts_by_person(pdf_text):
    assert pdf_text.index("What happened") < pdf_text.index("Top problems") < pdf_text.index("Notes by phase")
    assert "1. Checkout worst: if this weren't my job, I'd give up · 2 people · 2 notes" in pdf_text
    assert "2. Payouts worst: could be smoother · 1 person · 1 note" in pdf_text
    assert "Notes by person, split by kind" in pdf_text


def test_pdf_counts_severity_quotes_and_airtime(pdf_text):
    assert "6 notes from 2 people in 1 minute" in pdf_text
    assert "Ada (3 notes)" in pdf_text and "Bo (3 notes)" in pdf_text
    assert pdf_text.count("severity ") == 3
    assert "00:40 · Explore · Payouts · Delight Lovely receipt" in pdf_text
    assert "— Bo, Explore (2 people)" in pdf_text and "“lovely receipt”" not in pdf_text
    assert "Question round" in pdf_text and "Ada 02:15 75% Bo 00:45 25%" in pdf_text
