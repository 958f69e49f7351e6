"""User text as a reportlab Paragraph built from fragments, without reportlab's markup parser.

A Paragraph normally parses a mini-HTML, so user text had to be escaped and then parsed back:
a 5,000-note summary spent about a fifth of its time there. Here every fragment is a copy of
one that reportlab's own parser made, once per style, for plain text, for a run in each fallback
font, for a line break and for our own markup before the text; only the characters differ. So
the Paragraph holds what the parser would have given for the escaped text (except that text
around "&", "<" and ">" is no longer cut into separate fragments of the same look), and user
text is never read as markup at all.

Most notes and heads fit on one line; TextParagraph measures such a line in one call where
reportlab measures it word by word, and leaves every other case to reportlab.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText, split, strip, textTransformFrags
from reportlab.platypus.paraparser import ParaFrag, ParaParser

from studygroup.export.fonts import all_in_sans, font_runs

# Stands for a tag while whitespace is cleaned; studygroup.export.textsafe.printable removes it from user text.
_TAG = "\x00"
# Whatever reportlab's cleaner could change: a space at either end or doubled, any other whitespace.
_UNCLEAN = re.compile("^ | $|  |[^\\S ]|\u200b")
_SOFT_HYPHEN = "\xad"  # reportlab may break a word at one
_MARGIN = 1e-6  # points: far more than the rounding between measuring words one by one or all at once
Frag = Any  # reportlab's ParaFrag: an untyped attribute bag
Node = str | tuple[str, dict[str, str] | None, list[Any] | None]  # reportlab's tuple tree
Segment = list[Any]  # [fragment, characters]: the text between two tags, and how it is drawn


class _Templates:
    """The fragments reportlab's parser makes in *style*: plain text, a run in one font, a line break."""

    def __init__(self, style: ParagraphStyle):
        self.style = style
        self.plain, self.line_break = self._frag(["x"]), self._frag([("br", None, None)])
        self._fonts: dict[str, tuple[Frag, Frag]] = {}

    def font(self, name: str) -> tuple[Frag, Frag]:
        """(text, line break) fragments inside `<font face=name>`."""
        if name not in self._fonts:
            face = {"face": name}
            self._fonts[name] = (
                self._frag([("font", face, ["x"])]),
                self._frag([("font", face, [("br", None, None)])]),
            )
        return self._fonts[name]

    def _frag(self, children: list[Node]) -> Frag:
        _, frags, _ = ParaParser().tt_parse(("para", None, children), self.style)
        return frags[0]


@functools.lru_cache(maxsize=256)  # the summary's styles, and a shaped copy of some
def _templates(style: ParagraphStyle) -> _Templates:
    return _Templates(style)


@functools.lru_cache(maxsize=256)  # "<b>1.</b> ", "☐ ": a few per document
def _markup_segments(markup: str, style: ParagraphStyle) -> tuple[tuple[Frag, str], ...]:
    """Our own *markup* as segments, parsed once; a first empty one when it starts with a tag.

    The last segment is still open: the user text goes on in it. *markup* closes its tags and
    holds no entity and no line break, so every fragment the parser gives is one segment.
    """
    if "&" in markup or "<br" in markup:
        raise ValueError(f"markup before user text must have no entities or line breaks: {markup!r}")
    _, frags, _ = ParaParser().parse(markup + _TAG, style)  # no cleaning yet: it is done with the user text
    segments = tuple((frag, frag.text) for frag in frags)
    return (((_templates(style).plain, ""),) if markup.startswith("<") else ()) + segments


def text_paragraph(text: str, style: ParagraphStyle, markup_before: str = "") -> Paragraph:
    """A Paragraph of our own *markup_before* then *text* (printable user text) in its fallback fonts.

    reportlab's cleaner then treats whitespace exactly as it would in the markup these segments stand for.
    """
    templates = _templates(style)
    if not markup_before and "\n" not in text and all_in_sans(text):  # most paragraphs: one segment
        return _paragraph([[templates.plain, text]], [], style)
    segments: list[Segment] = [[frag, chars] for frag, chars in _markup_segments(markup_before, style)]
    segments[-1][1] = segments[-1][1][:-1]  # the open segment, without its _TAG
    breaks: list[Frag | None] = [None] * (len(segments) - 1)  # what follows segments[i]: a tag or a line break
    for font, chars in font_runs(text):
        data, line_break = (templates.plain, templates.line_break) if font is None else templates.font(font)
        if font is not None:  # <font face=...>
            breaks.append(None)
            segments.append([data, ""])
        first, *lines = chars.split("\n")
        segments[-1][1] += first
        for line in lines:
            breaks.append(line_break)
            segments.append([data, line])
        if font is not None:  # </font>
            breaks.append(None)
            segments.append([templates.plain, ""])
    return _paragraph(segments, breaks, style)


def _paragraph(segments: list[Segment], breaks: list[Frag | None], style: ParagraphStyle) -> Paragraph:
    joined = _TAG.join(chars for _, chars in segments)
    cleaned = (cleanBlockQuotedText(joined) if _UNCLEAN.search(joined) else joined).split(_TAG)
    frags: list[Frag] = []
    links: list[Any] = []  # one link and one underline list per paragraph, as the parser has
    lines_under: list[Any] = []
    for (frag, _), chars, after in zip(segments, cleaned, [*breaks, None], strict=True):
        if chars:
            frags.append(_copy(frag, chars, links, lines_under))
        if after is not None:
            frags.append(_copy(after, "", links, lines_under))
    textTransformFrags(frags, style)
    return TextParagraph("".join(cleaned), style, frags=frags)


class TextParagraph(Paragraph):  # type: ignore[misc]  # reportlab has no type hints
    """A Paragraph that measures a one-line text in one go: reportlab measures it word by word.

    The result is the one reportlab's own line breaking gives; anything it treats specially
    (several fonts, shaping, bidi, a bullet, soft hyphens, a text that only just fits) goes
    through reportlab's breakLines.
    """

    def breakLines(self, width: float | list[float]) -> Any:
        line = self._one_line(width if isinstance(width, list | tuple) else [width])
        return line if line is not None else super().breakLines(width)

    def _one_line(self, widths: list[float]) -> Any:
        style, frags = self.style, self.frags
        if (
            len(frags) != 1
            or self.bulletText
            or style.wordWrap  # CJK breaks anywhere; RTL and LTR reorder words when python-bidi is there
            or style.endDots
            or style.shaping
            or not hasattr(frags[0], "text")
            or hasattr(frags[0], "cbDefn")
            or hasattr(frags[0], "backColor")
        ):
            return None
        frag = frags[0]
        text = strip(frag.text)
        if not text or _SOFT_HYPHEN in text:
            return None
        words = split(text)
        width = stringWidth(" ".join(words), frag.fontName, frag.fontSize)
        if width > widths[0] - _MARGIN:  # reportlab might wrap it, or only just not: let it decide
            return None
        self._width_max, self.height, self._splitLongWordCount, self._hyphenations = width, 0, 0, 0
        ascent, descent = getAscentDescent(frag.fontName, frag.fontSize)
        return frag.clone(
            kind=0, lines=[(widths[0] - width, words)], ascent=ascent, descent=descent, fontSize=frag.fontSize
        )


def _copy(frag: Frag, text: str, links: list[Any], lines_under: list[Any]) -> Frag:
    """*frag* with *text*: what the parser's copy.copy of it gives, at a fraction of the cost."""
    copy = ParaFrag()
    copy.__dict__.update(frag.__dict__, text=text, link=links, us_lines=lines_under)
    return copy
