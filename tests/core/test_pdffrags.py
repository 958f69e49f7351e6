"""Paragraphs built from fragments hold what reportlab's markup parser gives for the same text, escaped."""

from __future__ import annotations

from html import escape

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from studygroup.export.fonts import font_runs
from studygroup.export.pdffrags import text_paragraph
from studygroup.export.pdfstyles import styles
from studygroup.export.textsafe import pdf_text
from tests.hostile import corpus

SPACES = [
    "",
    "   ",
    "  lead and trail  ",
    "a  \t b\n\n  c \n",
    "nbsp\u00a0 kept\u00a0\u00a0twice \u200b zero width",
    "zero\u200bwidth  without nbsp",
    "em\u2003space\u3000ideographic\u2028line separator",
    " 中文 \n 한국어 😀 ",
    "“हिन्दी” क्ष \n น้ำใจ ฿",
    "a &amp; <b>not bold</b> &lt;br/&gt; & < > ;",
    "\n\nstarts with breaks",
    "ends with a break\n",
]
PREFIXES = ["", "☐ ", "1.  ", "<b>2.</b> ", "<b> 3.</b>  ", '<font color="#c0392b"><b>SEVERE</b></font> · ', "<b>x</b>"]


def escaped_markup(text: str) -> str:
    """The markup reportlab's parser used to get for user text: escaped, `<br/>`, a `<font>` per fallback run."""
    parts = []
    for font, chars in font_runs(pdf_text(text)):
        safe = escape(chars, quote=False).replace("\n", "<br/>")
        parts.append(f'<font face="{font}">{safe}</font>' if font else safe)
    return "".join(parts)


def merged(paragraph: Paragraph) -> list[tuple[str, str]]:
    """(look, text) per fragment, neighbours of the same look joined: the parser cuts text at "&", "<", ">"."""
    out: list[tuple[str, str]] = []
    for frag in paragraph.frags:
        look = repr(sorted((k, repr(v)) for k, v in vars(frag).items() if k != "text"))
        if out and out[-1][0] == look and not getattr(frag, "lineBreak", False):
            out[-1] = (look, out[-1][1] + frag.text)
        else:
            out.append((look, frag.text))
    return out


@pytest.mark.parametrize("style", ["note", "note_head", "shaped"])
@pytest.mark.parametrize("prefix", PREFIXES)
def test_fragments_match_the_parser_for_hostile_and_multi_script_text(style, prefix):
    chosen = ParagraphStyle("shaped", styles()["body"], shaping=1) if style == "shaped" else styles()[style]
    for text in SPACES + [text[:300] for text in corpus(include_huge=False)]:
        parsed = Paragraph(prefix + escaped_markup(text), chosen)
        built = text_paragraph(pdf_text(text), chosen, prefix)
        assert merged(built) == merged(parsed), repr(text)


@pytest.mark.parametrize("text", SPACES[2:])
def test_the_built_paragraph_lays_out_like_the_parsed_one(text):
    parsed = Paragraph("<b>1.</b> " + escaped_markup(text), styles()["note"])
    built = text_paragraph(pdf_text(text), styles()["note"], "<b>1.</b> ")
    assert built.wrap(120, 1000) == parsed.wrap(120, 1000)
    assert built.getPlainText() == parsed.getPlainText()


def test_user_text_is_never_read_as_markup():
    typed = '<font size=40 color="red">big</font><br/><img src="/etc/passwd"/>&amp;'
    built = text_paragraph(typed, styles()["body"])
    assert [frag.text for frag in built.frags] == [typed]
    assert built.frags[0].fontSize == 9.5


@pytest.mark.parametrize("markup", ["Q&amp;A ", "<br/>"])
def test_our_markup_before_the_text_may_hold_no_entity_or_line_break(markup):
    with pytest.raises(ValueError, match="no entities or line breaks"):
        text_paragraph("x", styles()["body"], markup)


def lines_of(paragraph: Paragraph, width: float) -> tuple[object, ...]:
    """What reportlab draws from: the kind, each line's words and spare width, and the line's font metrics."""
    broken = paragraph.breakLines([width, width])
    lines = tuple(
        (round(line[0], 6), tuple(line[1])) if isinstance(line, tuple) else repr(line) for line in broken.lines
    )
    return broken.kind, lines, getattr(broken, "ascent", None), getattr(broken, "descent", None)


@pytest.mark.parametrize("style", ["note", "note_head", "chart_label", "link"])
def test_a_one_line_text_measured_at_once_breaks_as_reportlab_breaks_it(style):
    chosen = styles()[style]
    texts = SPACES + ["Soft\xadhyphen here", "x" * 40] + [text[:300] for text in corpus(include_huge=False)]
    for text in texts:
        built = text_paragraph(pdf_text(text), chosen)
        plain = Paragraph("", chosen, frags=built.frags)  # the same fragments, reportlab's own line breaking
        wide = plain.breakLines([10_000])
        own = 10_000 - wide.lines[0][0] if wide.kind == 0 and wide.lines else 50  # the text's width on one line
        for width in (40, 120, 300, own, own + 1e-9, own - 1e-9, own + 1e-3):
            assert lines_of(built, width) == lines_of(plain, width), (repr(text), width)


def test_a_one_line_note_is_measured_at_once_and_a_longer_one_word_by_word(monkeypatch):
    word_by_word = []
    original = Paragraph.breakLines
    monkeypatch.setattr(
        Paragraph, "breakLines", lambda self, width: word_by_word.append(width) or original(self, width)
    )
    assert text_paragraph("Where did the payout date go", styles()["note"]).wrap(400, 100) == (400, 13)
    assert word_by_word == []
    assert text_paragraph("Too long for a narrow column", styles()["note"]).wrap(60, 100) == (60, 4 * 13)
    assert len(word_by_word) == 1  # it wraps: reportlab's own line breaking
