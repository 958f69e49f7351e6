"""Every script the bundled fonts cover prints, is shaped, and copies back out of the PDF as typed."""

from __future__ import annotations

import re
import unicodedata

import pytest
from pypdf import PdfReader
from reportlab.platypus import SimpleDocTemplate

from studygroup.export.fonts import fallback_for, font_runs
from studygroup.export.pdf import MARGIN, chart_label, export_pdf
from studygroup.export.pdfchart import stacked_chart
from studygroup.model import Observation, Participant, Phase, Scenario, Session
from studygroup.resources import resource_path
from studygroup.summary import summarise
from tests.pdfprobe import drawn, flat_text, fonts_of

HINDI = "हिन्दी"  # a vowel sign drawn before its consonant, and a conjunct (न्द)
KSHA = "क्ष"  # one glyph for three characters
THAI = "น้ำใจ"  # tone mark stacked over a vowel, and SARA AM drawn as two glyphs
DEVANAGARI_FONT, THAI_FONT = "NotoSansDevanagari-Regular", "NotoSansThai-Regular"


def scripts_session(title: str = "Scripts") -> tuple[Session, list[Observation]]:
    people = [Participant("अनीता क्षत्रिय", discipline="डिज़ाइन"), Participant("สมชาย ใจดี", discipline="การเงิน")]
    session = Session(
        title=title,
        date="2026-03-02",
        facilitator="Jo",
        phases=[Phase("Explore", 30)],
        scenario=Scenario(company="किताब घर", who_they_are="ร้านหนังสือ", outcome_problem="o"),
        participants=people,
    )
    texts = [f"भुगतान पृष्ठ पर “{HINDI}” बटन ({KSHA}) नहीं मिला।", f"หน้าชำระเงินค้าง {THAI}"]
    notes = [
        Observation(
            session_id=session.id,
            text=text,
            author_id=person.id,
            phase_id=session.phases[0].id,
            kind="bad_day",
            severity=3,
            journey_step=step,
        )
        for text, person, step in zip(texts, people, ("भुगतान", "ชำระเงิน"), strict=False)
    ]
    return session, notes


def test_devanagari_and_thai_pick_the_noto_fonts_by_block():
    assert fallback_for("क") == fallback_for("\u094d") == fallback_for("\ua8f2") == "NotoSansDevanagari"
    assert fallback_for("ก") == fallback_for("\u0e49") == "NotoSansThai"
    assert fallback_for("฿") == "NotoSansThai"  # DejaVu has the baht sign; the Thai word stays in one font
    assert fallback_for("a") is None and fallback_for("中") == "WenQuanYiMicroHei"


def test_a_joiner_inside_a_word_stays_in_the_word_font_so_the_word_is_shaped_whole():
    half_form = "क्\u200dष"  # ZWJ asks for the half form of क; DejaVu has a ZWJ glyph too
    assert list(font_runs(half_form)) == [("NotoSansDevanagari", half_form)]
    assert list(font_runs("中文 e\u0301")) == [("WenQuanYiMicroHei", "中文"), (None, " e\u0301")]


def test_typed_private_use_characters_never_pose_as_shaped_glyphs(tmp_path):
    session, notes = scripts_session()  # its Devanagari gives shaped glyphs codes from U+F0000 on
    notes[1].text = "Before " + "".join(chr(0xF0000 + n) for n in range(64)) + "\U0010fffd after"
    path = tmp_path / "private.pdf"
    export_pdf(session, notes, path)
    assert "Before after" in "".join(page.extract_text() for page in PdfReader(path).pages)


def test_devanagari_and_thai_are_drawn_in_noto_and_copy_back_as_typed(tmp_path):
    session, notes = scripts_session()
    path = tmp_path / "scripts.pdf"
    export_pdf(session, notes, path)
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    for typed in (
        HINDI,
        KSHA,
        f"“{HINDI}”",
        f"({KSHA})",
        "नहीं मिला।",
        "अनीता क्षत्रिय",
        "डिज़ाइन",
        THAI,
        "หน้าชำระเงินค้าง",
        "สมชาย ใจดี",
        "ร้านหนังสือ",
    ):
        assert typed in text, typed
    pieces = drawn(path)
    assert fonts_of(pieces, KSHA) == fonts_of(pieces, "किताब") == {DEVANAGARI_FONT}
    assert fonts_of(pieces, THAI) == fonts_of(pieces, "การเงิน") == {THAI_FONT}


def test_conjuncts_are_shaped_into_one_glyph_that_copies_as_its_three_characters(tmp_path):
    session, notes = scripts_session()
    path = tmp_path / "scripts.pdf"
    export_pdf(session, notes, path)
    copies_as = set()
    for font in PdfReader(path).pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        if "NotoSansDevanagari" in font["/BaseFont"]:
            cmap = font["/ToUnicode"].get_object().get_data().decode("ascii")
            entries = cmap.split("beginbfchar")[1].split("endbfchar")[0]
            targets = re.findall(r"> <([0-9A-F]*)>", entries)
            copies_as |= {bytes.fromhex(target).decode("utf-16-be") for target in targets}
    assert KSHA in copies_as  # unshaped, क्ष is three glyphs: क, a visible virama, ष


def test_the_footer_draws_like_the_body(tmp_path):
    session, notes = scripts_session(title=f"Plan עברית מימין 中文 🦄 {HINDI} {THAI}")
    path = tmp_path / "footer.pdf"
    export_pdf(session, notes, path)
    footer = drawn(path, pages=slice(1, None), below=MARGIN)
    assert fonts_of(footer, "中文") == {"WenQuanYiMicroHei-0"}
    assert fonts_of(footer, "🦄") == {"Symbola"}
    assert fonts_of(footer, HINDI) == {DEVANAGARI_FONT} and fonts_of(footer, THAI) == {THAI_FONT}
    assert fonts_of(footer, "עברית") and fonts_of(footer, "מימין")  # shaped: unshaped it reads תירבע
    assert any(re.fullmatch(r"Page \d+", piece) for piece, _ in footer)


def test_a_title_too_wide_for_the_footer_is_cut_with_an_ellipsis(tmp_path):
    session, notes = scripts_session(title="中文" * 100)
    path = tmp_path / "footer.pdf"
    export_pdf(session, notes, path)
    footer = "".join(piece for piece, _ in drawn(path, pages=slice(1, 2), below=MARGIN))
    assert re.fullmatch(r"(中文)+中?…Page 2", footer), footer


def test_chart_labels_use_the_fallback_fonts_and_shaping(tmp_path):
    session, notes = scripts_session()
    chart = stacked_chart(summarise(session, notes).by_step, "Journey step", chart_label)
    path = tmp_path / "chart.pdf"
    SimpleDocTemplate(str(path)).build([chart])
    pieces = drawn(path)
    assert fonts_of(pieces, "भुगतान") == {DEVANAGARI_FONT}
    assert fonts_of(pieces, "ชำระเงิน") == {THAI_FONT}


@pytest.mark.parametrize("word", ["हिन्दीक्षत्रियकिताब", "ภาษาไทยน้ำใจร้านหนังสือ", "עבריתמימיןלשמאל"])
def test_ten_thousand_unbroken_shaped_characters_wrap_between_clusters_and_across_pages(tmp_path, word):
    session, notes = scripts_session()
    notes[0].text = notes[0].expected = (word * 1000)[:10_000]
    path = tmp_path / "long.pdf"
    export_pdf(session, notes, path)  # used to end in "Splitting error" once the word crossed a page
    lines = [line for page in PdfReader(path).pages for line in page.extract_text().splitlines() if line]
    assert len(lines) > 100
    starts = [line[0] for line in lines]
    assert not [s for s in starts if unicodedata.category(s).startswith("M")]  # no orphaned vowel sign or mark
    if word[0] != "ע":  # right-to-left words are drawn right to left on each line: compare the rest only
        assert (word * 1000)[:10_000] in flat_text(path, footer="Scripts")


def test_the_added_fonts_ship_with_their_licence():
    licence = resource_path("fonts", "Noto-LICENSE.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in licence and "Version 1.1" in licence
    for name in ("NotoSansDevanagari-Regular.ttf", "NotoSansThai-Regular.ttf"):
        assert name in licence and resource_path("fonts", name).stat().st_size > 30_000
