"""PDF, Markdown and CSV summaries: every word as typed, nothing read as markup or formulas."""

from __future__ import annotations

import csv
import re
import unicodedata

import pytest
from pypdf import PdfReader

from studygroup.demo import create_demo
from studygroup.export import pdf as pdf_module
from studygroup.export.exporters import export
from studygroup.export.fonts import SANS, _coverage, fallback_for
from studygroup.export.textsafe import has_rtl, printable
from studygroup.limits import MAX_NOTE
from studygroup.model import Observation, Participant, Phase, Scenario, Session
from studygroup.palette import LIGHT
from studygroup.summary import summarise
from tests.hostile import corpus

TITLE = "Hostile input check"


def pdf_text(path) -> str:
    """All text of the PDF, without the footer lines that interrupt notes at page breaks."""
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    return re.sub(rf"{TITLE}|Page \d+", "", text)


COVERED = _coverage(SANS)


def _drawable(ch: str) -> bool:
    """A character some bundled font draws, and that extraction gives back (marks may move)."""
    if ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Mn", "Me", "Zl", "Zp"):
        return False
    return ord(ch) in COVERED or fallback_for(ch) is not None


def visible(text: str) -> str:
    """What text extraction can be compared on: drawable characters, NFKC, no spaces."""
    drawn = "".join(ch for ch in printable(text) if _drawable(ch))
    return "".join(ch for ch in unicodedata.normalize("NFKC", drawn) if not ch.isspace())


def assert_in_pdf(note: str, extracted: str) -> None:
    if has_rtl(note):  # drawn in visual order: compare word by word, either direction
        for word in note.split():
            word = visible(word)
            assert word in extracted or word[::-1] in extracted, word
    else:
        assert visible(note) in extracted


def hostile_session(texts: list[str]) -> tuple[Session, list[Observation]]:
    people = [
        Participant(name=n, discipline=d)
        for n, d in (("<b>Ana</b> & 中文", "<img src='/etc/passwd'/>"), ("عربي نص", "=1+1"), ("Zoë 😀", "Design"))
    ]
    session = Session(
        title=TITLE,
        date="2026-11-30",
        facilitator="<font size=40>F</font>",
        scenario=Scenario(company="<a href='x'>Co</a>", who_they_are="日本語 & עברית", outcome_problem="<br/><para>"),
        phases=[Phase("Explore <b>", 30), Phase("Share", 10)],
        participants=people,
    )
    notes = [
        Observation(
            session_id=session.id,
            text=text,
            author_id=people[i % 3].id,
            phase_id=session.phases[i % 2].id,
            session_seconds=i,
            kind=("friction", "bad_day", "idea")[i % 3],
            severity=1 + i % 3,
            journey_step=printable(text)[:30],
            tags=["t"],
        )
        for i, text in enumerate(texts)
    ]
    return session, notes


# The demo's headlines, counted by hand from its 60 notes (seed 7): bad days on Sign-up, Add bank
# account and Create checkout by three people each (the later name wins the tie), 13 friction notes
# of which 5 at severity 3, 10 confusions, 6 delights, 6 authors, 59.15 minutes run, 7 ideas and
# 5 other notes flagged for follow-up.
DEMO_HEADLINES = [
    "3 of 6 people had a bad day during Sign-up",
    "13 friction points, 5 of them severe",
    "10 moments where someone didn't know what to do next",
    "6 moments of delight",
    "60 notes from 6 people in 59 minutes",
    "12 follow-ups set aside for later",
]


@pytest.fixture
def demo(store):
    session = create_demo(store)
    return session, store.observations(session.id)


def test_demo_pdf_holds_names_headlines_and_every_note(demo, tmp_path):
    session, notes = demo
    path = tmp_path / "demo.pdf"
    export("pdf", session, notes, path)
    extracted = visible(pdf_text(path))
    for line in DEMO_HEADLINES + [p.name for p in session.participants]:
        assert visible(line) in extracted
    for note in notes:
        assert_in_pdf(note.text, extracted)


def fill_colours(path) -> set[str]:
    """Every fill colour the PDF's pages set (the `r g b rg` operator), as "#RRGGBB"."""
    data = b"".join(page.get_contents().get_data() for page in PdfReader(path).pages)
    found = re.findall(rb"([\d.]+) ([\d.]+) ([\d.]+) rg", data)
    return {"#" + "".join(f"{round(float(c) * 255):02X}" for c in rgb) for rgb in found}


def test_the_summary_prints_in_the_light_palette_with_severe_notes_in_its_one_red(demo, tmp_path):
    session, notes = demo
    path = tmp_path / "summary.pdf"
    export("pdf", session, notes, path)
    fills = fill_colours(path)
    assert "#B3261E" in fills  # SEVERE, as the app's problem colour
    light = {LIGHT.text, LIGHT.muted, LIGHT.problem, LIGHT.background, LIGHT.problem_soft, *LIGHT.kinds.values()}
    assert fills <= light | {"#000000"}  # black: reportlab's default for the charts' axis numbers


def test_hostile_corpus_comes_out_as_typed(tmp_path):
    texts = corpus(include_huge=False) + ["x" * MAX_NOTE, "word " * 1_999 + "end"]  # the longest notes allowed
    session, notes = hostile_session(texts)
    path = tmp_path / "hostile.pdf"
    export("pdf", session, notes, path)
    extracted = visible(pdf_text(path))
    for note in notes:
        assert_in_pdf(note.text[:MAX_NOTE], extracted)  # the corpus's 20,000-character note is cut there
    for person in session.participants:
        assert_in_pdf(person.name, extracted)


def test_markup_in_notes_never_becomes_images_or_links(tmp_path):
    image = tmp_path / "secret.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    session, notes = hostile_session([f'<img src="{image}"/>', '<a href="https://example.invalid">x</a>'])
    path = tmp_path / "out.pdf"
    export("pdf", session, notes, path)
    raw = path.read_bytes()
    assert b"/Subtype /Image" not in raw and b"/URI" not in raw
    assert f'<img src="{image}"/>' in pdf_text(path).replace("\n", "")


def test_bold_and_charts_stay_in_the_bundled_fonts(demo, tmp_path):
    session, notes = demo
    path = tmp_path / "demo.pdf"
    export("pdf", session, notes, path)
    used = set()  # fonts that actually draw text (reportlab lists Helvetica on every page regardless)

    def visitor(text, cm, tm, font_dict, font_size):
        if text.strip() and font_dict:
            used.add(str(font_dict.get("/BaseFont")))

    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=visitor)
    assert any("DejaVuSans-Bold" in name for name in used)
    assert not any("Helvetica" in name or "Times" in name for name in used), used


@pytest.mark.parametrize(("size", "width"), [("A4", 595), ("Letter", 612)])
def test_page_size_is_a_setting(demo, tmp_path, size, width):
    session, notes = demo
    path = tmp_path / "demo.pdf"
    export("pdf", session, notes, path, page_size=size)
    assert round(float(PdfReader(path).pages[0].mediabox.width)) == width


def test_five_thousand_notes_split_across_pages_with_progress(tmp_path):
    session, notes = hostile_session([f"Note number {i}: the payout page froze again." for i in range(5_000)])
    seen = []
    path = tmp_path / "big.pdf"
    export("pdf", session, notes, path, progress=lambda done, total: seen.append((done, total)))
    reader = PdfReader(path)
    assert len(reader.pages) > 100
    # The log goes person by person; the last person's (Zoë's) last note is number 4997.
    assert "Note number 4997: the payout page froze again." in reader.pages[-1].extract_text()
    assert seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_failed_export_leaves_the_old_file_untouched(demo, tmp_path, monkeypatch):
    session, notes = demo
    path = tmp_path / "summary.pdf"
    path.write_bytes(b"the good old summary")

    def broken_build(self, story):
        raise RuntimeError("disk went away")

    monkeypatch.setattr(pdf_module.SummaryDocument, "build", broken_build)
    with pytest.raises(RuntimeError):
        export("pdf", session, notes, path)
    assert path.read_bytes() == b"the good old summary"
    assert not list(tmp_path.glob("*.part"))


def test_csv_has_bom_one_row_per_live_note_and_no_formulas(store, tmp_path):
    session, notes = hostile_session(corpus(include_huge=False))
    notes[0].deleted_at = 1.0
    path = tmp_path / "notes.csv"
    export("csv", session, notes, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(notes) - 1
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))
    texts = {row["id"]: row["text"] for row in rows}
    formula_like = {"@name", "=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", '=HYPERLINK("http://x","y")'}
    formula_like |= {"\t=1", "\r=1", "\t", "\r"}
    for note in notes[1:]:
        assert texts[note.id] == ("'" + note.text if note.text in formula_like else note.text)
    assert sum(texts[note.id] != note.text for note in notes[1:]) == 10


def unescape_markdown(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def test_markdown_escapes_markup_and_keeps_every_note(tmp_path):
    session, notes = hostile_session(corpus(include_huge=False))
    path = tmp_path / "summary.md"
    export("md", session, notes, path)
    text = path.read_text(encoding="utf-8")
    assert re.search(r"(?<!\\)<", text) is None  # no raw HTML can reach a wiki
    assert "\\[x\\](javascript:alert(1))" in text
    flat = re.sub(r"\s+", "", unescape_markdown(text)).replace(">", "")
    for note in notes:
        assert re.sub(r"\s+", "", printable(note.text)).replace(">", "") in flat


def test_markdown_summary_has_every_section(demo, tmp_path):
    session, notes = demo
    path = tmp_path / "summary.md"
    export("md", session, notes, path)
    text = path.read_text(encoding="utf-8")
    for heading in (
        "## What happened",
        "### Notes by phase, split by kind",
        "## Themes",
        "## The agenda as it ran",
        "## Follow-ups for later",
        "## Friction log",
    ):
        assert heading in text
    assert text.count("- [ ] ") == 12  # 7 ideas and 5 notes flagged for later


def test_headlines_speak_like_a_customer():
    people = [Participant(name=n) for n in "ABCDEF"]
    session = Session(
        title="t",
        date="2026-11-30",
        facilitator="f",
        scenario=Scenario(company="c", who_they_are="w", outcome_problem="o"),
        phases=[Phase("Explore", 30)],
        participants=people,
    )
    notes = [
        Observation(session_id=session.id, text="x", author_id=p.id, kind="bad_day", journey_step="Payouts")
        for p in people[:4]
    ]
    notes += [Observation(session_id=session.id, text="y", kind="friction", severity=s) for s in (3, 3, 1)]
    lines = summarise(session, notes).headlines
    assert "4 of 6 people had a bad day during Payouts" in lines
    assert "3 friction points, 2 of them severe" in lines


def test_a_one_megabyte_note_prints_its_first_ten_thousand_characters(tmp_path):
    """A note over the limit (from an older database) is cut with "…"; the CSV keeps it whole."""
    huge = corpus(include_huge=True)[-1]
    session, notes = hostile_session([huge])
    path = tmp_path / "huge.pdf"
    export("pdf", session, notes, path)
    extracted = visible(pdf_text(path))
    assert visible(huge[:MAX_NOTE] + "…") in extracted
    assert visible(huge[: MAX_NOTE + 20]) not in extracted


def test_right_to_left_text_is_shaped_everywhere_we_print_it():
    from reportlab.lib.styles import ParagraphStyle

    from studygroup.export.pdfparts import user_paragraph

    plain = ParagraphStyle("plain")
    assert user_paragraph("עברית מימין לשמאל", plain).style.shaping == 1
    assert user_paragraph("العربية", plain).style.shaping == 1
    assert user_paragraph("Plain English <b>", plain).style.shaping == 0
