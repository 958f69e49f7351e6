"""User text made safe for each format, character by character: printable, PDF markup, chunks, CSV, Markdown."""

import unicodedata

import pytest

from studygroup.export.textsafe import csv_cell, has_rtl, md_text, pdf_text, printable, split_long_text

ZWJ = "\u200d"
ACUTE = "\u0301"  # a combining mark
KSSA = "\u0915\u094d\u0937"  # क्ष: ka, virama, ssa: one cluster


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\tb", "a    b"),
        ("a\x00b\x07c\x0bd\x1be\x7ff\x85g\x9fh", "abcdefgh"),
        ("lone \ud800 surrogate", "lone  surrogate"),
        ("line\nbreak and Zoë 😀", "line\nbreak and Zoë 😀"),
    ],
)
def test_printable(typed, kept):
    assert printable(typed) == kept


@pytest.mark.parametrize(("text", "rtl"), [("שלום", True), ("نص", True), ("abc", False), ("", False), ("a שb", True)])
def test_has_rtl(text, rtl):
    assert has_rtl(text) is rtl


def test_has_rtl_knows_every_right_to_left_character_of_this_python():
    """The fast block check must not miss a letter Unicode calls right-to-left, nor the right-to-left mark."""
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    right_to_left = [ch for ch in every if unicodedata.bidirectional(ch) in ("R", "AL")]
    assert len(right_to_left) > 2000
    assert [f"U+{ord(ch):04X}" for ch in right_to_left if not has_rtl("abc " + ch)] == []
    assert (has_rtl("\u200f"), has_rtl("Zoë — “quoted” 😀 東京 नमस्ते")) == (True, False)


def test_pdf_text_keeps_markup_and_line_breaks_as_typed():
    assert pdf_text("a<b>&\nc") == "a<b>&\nc"
    assert pdf_text("a\r\nb\x00") == "a\nb"
    assert pdf_text("a\U000f0001b\U00100000") == "ab"  # private-use codes the PDF keeps for shaped glyphs


@pytest.mark.parametrize(
    ("text", "limit", "chunks"),
    [
        ("", 10, [""]),
        ("   ", 10, [""]),
        ("short", 10, ["short"]),
        ("one\n\n two\n \nthree", 10, ["one", " two", "three"]),
        ("aaaa bbbbb", 10, ["aaaa bbbbb"]),  # exactly the limit: one chunk
        ("aaaa bbbb cccc dddd", 10, ["aaaa bbbb", "cccc dddd"]),  # the space at the cut is dropped
        ("aaaaa bb cccccc", 10, ["aaaaa bb", "cccccc"]),  # the last space before the limit
        ("aaaaaaa bb cccccc", 10, ["aaaaaaa", "bb cccccc"]),  # never a space past the limit
        ("aaaa " + "b" * 10, 12, ["aaaa bbbbbbb", "bbb"]),  # a space in the first half is too early
        ("a bcd", 3, ["a", "bcd"]),
        ("aaaa \nbbbbb", 8, ["aaaa", "\nbbbbb"]),  # only spaces are dropped at a cut
    ],
)
def test_split_long_text_at_blank_lines_then_spaces(text, limit, chunks):
    assert split_long_text(text, limit) == chunks


@pytest.mark.parametrize(
    ("text", "limit", "chunks"),
    [
        ("a" * 12, 10, ["a" * 10, "aa"]),
        ("a" * 9 + "e" + ACUTE + "bbb", 10, ["a" * 9, "e" + ACUTE + "bbb"]),  # not between a letter and its mark
        ("a" * 9 + ZWJ + "bbbb", 10, ["a" * 8, "a" + ZWJ + "bbbb"]),  # not just after a joiner
        ("a" * 10 + ZWJ + "bbb", 10, ["a" * 9, "a" + ZWJ + "bbb"]),  # not just before one
        ("a" * 11 + ZWJ + "bb", 10, ["a" * 10, "a" + ZWJ + "bb"]),  # a joiner further on does not matter
        ("a" * 8 + ZWJ + "aaaa", 10, ["a" * 8 + ZWJ + "a", "aaa"]),  # nor one further back
        ("a" * 9 + KSSA + "bb", 11, ["a" * 9, KSSA + "bb"]),  # not after a virama
        ("a" * 9 + "X" + "bb", 10, ["a" * 9 + "X", "bb"]),  # an ordinary capital is a fine place
        ("X" * 9 + "a" + "XXX", 10, ["X" * 9 + "a", "XXX"]),
        ("abc" + ACUTE * 5, 5, ["ab", "c" + ACUTE * 4, ACUTE]),  # back to the text's second character at most
        # After 32 places of marks it gives up and cuts at the limit.
        ("b" * 9 + ACUTE * 40, 40, ["b" * 9 + ACUTE * 31, ACUTE * 9]),
    ],
)
def test_split_long_text_without_spaces_never_splits_a_cluster(text, limit, chunks):
    assert split_long_text(text, limit) == chunks


@pytest.mark.parametrize(
    ("value", "cell"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"), ("\tx", "'\tx"), ("\rx", "'\rx")]
    + [("a=b", "a=b"), ("", ""), (5, 5), (None, None)],
)
def test_csv_cell(value, cell):
    assert csv_cell(value) == cell


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("# head", "\\# head"),
        ("  - item", "  \\- item"),
        ("+ plus\n= rule", "\\+ plus\n\\= rule"),
        ("1. one\n12) twelve", "1\\. one\n12\\) twelve"),
        (
            "a *b* _c_ `d` [e](f) <g> |h| ~i~ &j \\k",
            "a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g\\> \\|h\\| \\~i\\~ \\&j \\\\k",
        ),
        ("in the middle: # - + = 1.", "in the middle: # - + = 1."),
        ("tab\there", "tab    here"),
    ],
)
def test_md_text(text, markdown):
    assert md_text(text) == markdown
