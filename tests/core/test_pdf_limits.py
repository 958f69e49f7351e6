"""Whatever was typed, the PDFs come out: long unbroken text wraps, text over its limit is cut with "…"."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from studygroup.export.handout import export_handout
from studygroup.export.pdf import export_pdf
from studygroup.limits import MAX_NAME, MAX_NOTE, MAX_STEP, MAX_TITLE
from studygroup.model import Observation, Participant, Phase, Scenario, Session
from tests.pdfprobe import flat_text

UNBROKEN = 10_000


def session_with(
    title: str = "Long", name: str = "Ana", step: str = "Pay", note: str = "A note", company: str = "Co"
) -> tuple[Session, list[Observation]]:
    person = Participant(name, discipline="Design", role="Baker")
    session = Session(
        title=title,
        date="2026-03-02",
        facilitator="Jo",
        phases=[Phase("Explore", 30)],
        scenario=Scenario(
            company=company, who_they_are="w", outcome_problem="o", probing_questions=["Where did you stop?"]
        ),
        participants=[person],
    )
    notes = [
        Observation(
            session_id=session.id,
            text=note,
            author_id=person.id,
            phase_id=session.phases[0].id,
            journey_step=step,
            kind="bad_day",
            tags=["t"],
        )
    ]
    return session, notes


@pytest.mark.parametrize(
    ("field", "letter", "printed"),
    [("name", "N", MAX_NAME), ("step", "S", MAX_STEP), ("title", "T", MAX_TITLE), ("note", "X", MAX_NOTE)],
)
def test_ten_thousand_unbroken_characters_export_wrapped_and_cut_at_the_limit(tmp_path, field, letter, printed):
    session, notes = session_with(**{field: letter * UNBROKEN})
    path = tmp_path / "long.pdf"
    export_pdf(session, notes, path)  # a name or a step this long used to end in reportlab's LayoutError
    text = flat_text(path, footer="Long")
    assert letter * printed in text
    assert letter * (printed + 1) not in text
    if printed < UNBROKEN:
        assert letter * printed + "…" in text


def test_a_five_megabyte_title_is_cut_before_any_layout(tmp_path, monkeypatch):
    """A 100 MB title took minutes and gigabytes; cut first, it costs what 200 characters do."""
    longest = []
    original = Paragraph.__init__

    def measured(self, text, *args, **kwargs):
        longest.append(len(text))
        assert len(text) < 50_000, "a paragraph this long takes seconds to minutes to lay out"
        original(self, text, *args, **kwargs)

    monkeypatch.setattr(Paragraph, "__init__", measured)
    title = ("A title that never ends " * 220_000)[:5_000_000]
    session, notes = session_with(title=title)
    path = tmp_path / "title.pdf"
    export_pdf(session, notes, path)
    assert max(longest) < 2 * MAX_NOTE
    assert PdfReader(path).metadata.title == title[:MAX_TITLE] + "…"
    assert title[:MAX_TITLE].replace(" ", "") + "…" in flat_text(path)
    assert path.stat().st_size < 500_000


def test_the_handout_cuts_and_wraps_unbroken_text_on_one_page(tmp_path):
    session, _ = session_with(title="T" * UNBROKEN, name="N" * UNBROKEN, company="C" * UNBROKEN)
    session.scenario.probing_questions = ["Q" * UNBROKEN]
    path = export_handout(session, tmp_path / "card.pdf")
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    text = flat_text(path)
    for letter, printed in (("C", 200), ("N", MAX_NAME), ("Q", 500), ("T", MAX_TITLE)):
        assert letter * printed + "…" in text and letter * (printed + 1) not in text, letter
