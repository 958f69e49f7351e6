"""User text is data, never markup or formulas: the one place that makes it safe for each format.

- PDF: reportlab's Paragraph parses a mini-HTML, so `<img src=...>` would embed a local
  file and `<a href=...>` a live link. User text never meets that parser: its fragments are
  built directly (studygroup.export.pdffrags), newlines become line breaks and runs DejaVu cannot
  draw switch to a fallback font (studygroup.export.fonts). Long notes are split into chunks
  because one huge Paragraph takes minutes to lay out. Private-use characters of planes 15 and
  16, which no bundled font draws, are left out: the PDF uses those codes for shaped glyphs
  (studygroup.export.shaping).
- CSV: cells that begin like a formula are neutralised for spreadsheet programs.
- Markdown: punctuation that Markdown or HTML would interpret is backslash-escaped; a tracker link
  is an autolink only when it is an http(s) address an autolink holds whole.
- Trackers: a label is lowercase words joined by "-" (Jira splits labels at spaces, Linear at
  ", "), and Jira's wiki markup gets text only inside one {noformat} block.
- The command line's tables: one line each, with no control characters for a terminal to obey.
"""

from __future__ import annotations

import re
import unicodedata

CHUNK_CHARS = 1500  # one Paragraph stays small enough to lay out in milliseconds

# C0/C1 controls other than tab and newline, and lone surrogates: invisible or unencodable.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# The right-to-left mark, Hebrew to NKo and the Arabic blocks, the presentation forms, the SMP's RTL scripts.
_RTL_BLOCKS = re.compile("[\u200f\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]")
_PLANE_15_16 = re.compile("[\U000f0000-\U0010ffff]")


def printable(text: str) -> str:
    """Drop control characters that no font draws; tabs become spaces; line breaks normalised."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return _UNPRINTABLE.sub("", text)


def terminal_line(text: str) -> str:
    """User text as one line of a terminal's table: no control character (so no escape sequence) reaches it."""
    return " ".join(printable(text).split())


def has_rtl(text: str) -> bool:
    """True when the text holds right-to-left letters (Hebrew, Arabic), which need shaping."""
    # The blocks hold every R and AL letter; the regex finds candidates at C speed, unicodedata decides.
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in _RTL_BLOCKS.findall(text))


def pdf_text(text: str) -> str:
    """User text as the PDF prints it: printable, without the private-use codes of shaped glyphs."""
    return _PLANE_15_16.sub("", printable(text))


def split_long_text(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Paragraph-sized chunks: split at blank lines, then at the last space before *limit*."""
    chunks: list[str] = []
    for block in re.split(r"\n\s*\n", printable(text)):
        while len(block) > limit:
            cut = block.rfind(" ", limit // 2, limit)
            cut = cut if cut > 0 else _between_clusters(block, limit)
            chunks.append(block[:cut])
            block = block[cut:].lstrip(" ")
        if block.strip():
            chunks.append(block)
    return chunks or [""]


def _between_clusters(text: str, cut: int) -> int:
    """*cut*, moved back (a little) so that no mark, joiner or virama-joined letter starts the next part."""
    for place in range(cut, max(cut - 32, 1), -1):
        if not (
            unicodedata.category(text[place])[0] == "M"
            or text[place] in "\u200c\u200d"
            or text[place - 1] in "\u200c\u200d"
            or unicodedata.combining(text[place - 1]) == 9
        ):
            return place
    return cut


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A spreadsheet-safe cell: text that would start a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")  # meaningful anywhere in a line
_MD_LINE_START = re.compile(r"(?m)^(\s*)([#+\-=]|\d+(?=[.)]))")  # headings, list items, setext rules


def md_text(text: str) -> str:
    """Inline Markdown for user text: specials escaped, so headings, lists, links and HTML stay text."""
    safe = _MD_SPECIAL.sub(r"\\\1", printable(text))
    return _MD_LINE_START.sub(_escape_line_start, safe)


def _escape_line_start(match: re.Match[str]) -> str:
    indent, marker = match.groups()
    # "1." becomes "1\." (the dot makes the list); "#", "-", "+", "=" get a backslash before them.
    return indent + (marker + "\\" if marker[0].isdigit() else "\\" + marker)


_AUTOLINK = re.compile(r"https?://[^\s<>\x00-\x1f\x7f]+")  # what a CommonMark autolink holds whole


def md_link(url: str) -> str:
    """A tracker link in Markdown: clickable `<url>` for an http(s) address, escaped text for anything else."""
    return f"<{url}>" if _AUTOLINK.fullmatch(url) else md_text(url)


_LABEL_GAPS = re.compile(r"\W+")


def tracker_label(text: str) -> str:
    """A label trackers keep whole: lowercase letters, digits and "_" in runs joined by "-"; "" if none.

    It never starts with "-", so it never starts a formula either.
    """
    return _LABEL_GAPS.sub("-", printable(text).lower()).strip("-_")


_NOFORMAT = re.compile(r"\{noformat", re.IGNORECASE)


def jira_plain(text: str) -> str:
    """Text for a Jira wiki-markup field, shown as typed: one {noformat} block, where no markup, link or image works.

    A "{noformat" in the text would end the block early, so a zero-width space goes after its brace.
    """
    kept = _NOFORMAT.sub(lambda brace: "{\u200b" + brace.group(0)[1:], printable(text))
    return "{noformat}\n" + kept + "\n{noformat}"
