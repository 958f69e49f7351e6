"""reportlab's harfbuzz shaping, made to work with our font fallback and to copy back out of the PDF.

What reportlab's shaping gets wrong for us, fixed here and installed once by
`studygroup.export.fonts.register_fonts`:

- It shapes a whole word with the font of its first piece, so `“हिन्दी”` (a DejaVu quote mark,
  then Noto Sans Devanagari) was shaped in DejaVu and printed as boxes. Here each run of one
  font is shaped on its own.
- A word too long for its line is cut character by character, and the pieces lost their
  shaping; when the paragraph was then split across pages they were shaped a second time
  (Hebrew reversed again, widths changed, "Splitting error"). Here the pieces stay shaped,
  keep harfbuzz's advances, and are never shaped again.
- Shaping draws several characters as one glyph (the conjunct क्ष) or moves a vowel sign before
  its consonant (हि). The PDF's ToUnicode map names one character per glyph, so copying or
  searching gave private-use or missing characters. Here the glyphs of such a cluster get codes
  of their own whose ToUnicode entries spell the cluster's characters in typed order.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.platypus import paragraph


class Frag(Protocol):
    """What we read of a reportlab ParaFrag (an untyped attribute bag; some also carry a `cbDefn`)."""

    fontName: str
    fontSize: float


Piece = tuple[Frag, str]  # (frag, text); the text may be a ttfonts.ShapedStr
# reportlab's frag word: [width, piece, piece, ...]. It mixes a number with pieces in one list and
# reportlab has no type hints, so its items stay loosely typed.
FragWord = list[Any]

# Private use, planes 15 and 16: studygroup.export.textsafe keeps typed ones out of the PDF, so no clash.
_ALIASES = itertools.chain(range(0xF0000, 0xFFFFE), range(0x100000, 0x10FFFE))
_alias_codes: dict[tuple[str, int, str], int] = {}  # (font, glyph id, text) -> code drawn for it
_alias_text: dict[int, str] = {}  # code -> the characters it stands for
_reportlab_shape = ttfonts.shapeFragWord
_reportlab_frag_word_iter = paragraph._fragWordIter
ZWJ = "\u200d"
VIRAMA = 9  # the canonical combining class of viramas: a consonant before one joins the next
_UNSHAPED = 0x7FFFFFFF  # the cluster reportlab gives plain characters added to a shaped string
_reportlab_cmap = ttfonts.makeToUnicodeCMap
_BFCHAR = re.compile(r"(\d+ beginbfchar\n)(.*?)(\nendbfchar)", re.S)


def install() -> None:
    """Replace reportlab's word shaping and ToUnicode maps with the versions below (idempotent)."""
    ttfonts.shapeFragWord = paragraph.shapeFragWord = shape_frag_word
    ttfonts.makeToUnicodeCMap = to_unicode_cmap
    paragraph._fragWordIter = frag_word_iter


def shape_frag_word(word: FragWord, *args: object, **kwargs: object) -> FragWord:
    """Shape each run of one font in *word* separately; returns *word* itself when nothing changes."""
    if isinstance(word, ttfonts.ShapedFragWord) or any(isinstance(text, ttfonts.ShapedStr) for _, text in word[1:]):
        return word
    runs = [list(pieces) for _, pieces in itertools.groupby(word[1:], key=_font_of)]
    if len(runs) == 1:
        return _readable(_reportlab_shape(word, *args, **kwargs), _typed(word[1:]))
    shaped, changed = ttfonts.makeShapedFragWord(word)([0]), False
    for pieces in runs:
        run = [
            sum(
                pdfmetrics.stringWidth(text, frag.fontName, frag.fontSize)
                for frag, text in pieces
                if not hasattr(frag, "cbDefn")
            ),
            *pieces,
        ]
        result = _reportlab_shape(run, *args, **kwargs)
        if result is not run:
            changed, result = True, _readable(result, _typed(pieces))
        shaped[0] += result[0]
        shaped.extend(result[1:])
    return shaped if changed else word


def frag_word_iter(word: FragWord) -> Iterator[tuple[Frag, float, str]]:
    """(frag, width, piece) for *word*, cut only between clusters: what reportlab cuts a long word at.

    Shaped pieces stay shaped and keep harfbuzz's advances; a vowel sign drawn before its
    consonant, a combining mark, the consonant after a virama or the rest of an emoji sequence
    (a joiner, a skin tone) never starts a line alone.
    """
    for frag, text in word[1:]:
        if hasattr(frag, "cbDefn") or not isinstance(text, str) or not text:
            yield from _reportlab_frag_word_iter([0, (frag, text)])
            continue
        start = 0
        for end in range(1, len(text) + 1):
            if end == len(text) or not _holds_to_previous(text, end):
                piece = text[start:end]  # a ShapedStr slice keeps its shape data
                yield frag, _width(piece, frag), piece
                start = end


def _holds_to_previous(text: str, index: int) -> bool:
    """True when the glyph at *index* must stay on the line of the one before it."""
    if isinstance(text, ttfonts.ShapedStr):
        here, before = text.__shapeData__[index].cluster, text.__shapeData__[index - 1].cluster
        if here == before != _UNSHAPED:
            return True
    char, previous = _source(text[index]), _source(text[index - 1])[-1:]
    return (
        not char
        or unicodedata.category(char[0])[0] == "M"
        or ZWJ in (char[0], previous)
        or unicodedata.combining(previous) == VIRAMA
        or "\U0001f3fb" <= char[0] <= "\U0001f3ff"
    )


def _source(glyph: str) -> str:
    """The characters a drawn code stands for (an alias's cluster, else itself)."""
    return _alias_text.get(ord(glyph), glyph)


def _width(piece: str, frag: Frag) -> float:
    width: float
    if not isinstance(piece, ttfonts.ShapedStr):
        width = pdfmetrics.stringWidth(piece, frag.fontName, frag.fontSize)
        return width
    width = sum(
        data.x_advance * frag.fontSize / 1000
        if data.cluster != _UNSHAPED
        else pdfmetrics.stringWidth(char, frag.fontName, frag.fontSize)
        for char, data in zip(piece, piece.__shapeData__, strict=False)
    )
    return width


def _font_of(piece: Piece) -> str:
    return piece[0].fontName


def _typed(pieces: Iterable[Piece]) -> str:
    """The characters as typed, indexed as harfbuzz numbers its clusters."""
    return "".join(text for frag, text in pieces if not hasattr(frag, "cbDefn"))


def _readable(word: FragWord, typed: str) -> FragWord:
    """*word*, with the glyphs of each cluster that do not spell its characters drawn through aliases."""
    if not _is_shaped(word):
        return word
    glyphs = [
        (i, j, char, data.cluster)
        for i, (_, text) in enumerate(word[1:], 1)
        if isinstance(text, ttfonts.ShapedStr)
        for j, (char, data) in enumerate(zip(text, text.__shapeData__, strict=False))
    ]
    starts = sorted({cluster for *_, cluster in glyphs if 0 <= cluster < len(typed)})
    ends = dict(zip(starts, starts[1:] + [len(typed)], strict=False))
    chars = {(i, j): char for i, j, char, _ in glyphs}
    for cluster, members in itertools.groupby(sorted(glyphs, key=lambda g: g[3]), key=lambda g: g[3]):
        group = list(members)
        text = typed[cluster : ends[cluster]] if cluster in ends else ""
        if not text or "".join(char for _, _, char, _ in group) == text:
            continue
        for n, (i, j, char, _) in enumerate(group):  # in drawing order: read left to right, they spell *text*
            part = text[n * len(text) // len(group) : (n + 1) * len(text) // len(group)]
            chars[(i, j)] = _alias(word[i][0].fontName, char, part)
    for i in {i for i, *_ in glyphs}:
        frag, text = word[i]
        new = "".join(chars[(i, j)] for j in range(len(text)))
        if new != text:
            word[i] = (frag, ttfonts.ShapedStr(new, shapeData=text.__shapeData__))
    return word


def _is_shaped(word: FragWord) -> bool:
    # A function, not an inline isinstance: narrowing to reportlab's untyped class would make *word* Any.
    return isinstance(word, ttfonts.ShapedFragWord)


def _alias(font_name: str, char: str, text: str) -> str:
    """A code drawing the same glyph as *char* in *font_name* whose ToUnicode entry is *text*."""
    face = pdfmetrics.getFont(font_name).face
    glyph = face.charToGlyph[ord(char)]
    key = (font_name, glyph, text)
    if key not in _alias_codes:
        code = next(_ALIASES, None)
        if code is None:  # 130,000 distinct clusters in one process: draw right, copy wrong
            return char
        face.charToGlyph[code] = glyph
        face.charWidths[code] = face.charWidths.get(ord(char), 0)
        _alias_codes[key], _alias_text[code] = code, text
    return chr(_alias_codes[key])


def to_unicode_cmap(fontname: str, subset: Sequence[object]) -> str:
    """reportlab's ToUnicode map, with aliases spelt out and non-BMP characters as UTF-16 pairs.

    reportlab writes U+1F600 as `<1F600>`, an odd-length hex string that PDF readers reject;
    the PDF spec wants UTF-16BE, `<D83DDE00>`.
    """
    entries = "\n".join(f"<{index:02X}> <{_utf16(code)}>" for index, code in enumerate(subset))
    return _BFCHAR.sub(lambda m: m.group(1) + entries + m.group(3), _reportlab_cmap(fontname, subset), count=1)


def _utf16(code: object) -> str:
    text = _alias_text.get(code) if isinstance(code, int) else None
    if text is None:
        text = chr(code) if isinstance(code, int) else str(code)
    return text.encode("utf-16-be").hex().upper()
