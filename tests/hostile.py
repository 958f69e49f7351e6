"""A corpus of at least 500 hostile strings: every Unicode plane, bidi, invisible and control
characters, NUL, markup, SQL, spreadsheet formulas, paths and a 1 MB note."""

from __future__ import annotations

import unicodedata

BASE = [
    "<",
    "&",
    "&amp;",
    "<b>bold</b>",
    "<font color=red>x</font>",
    '<img src="/etc/passwd"/>',
    '<a href="http://example.invalid">link</a>',
    "<br/>",
    "<para>",
    "</para>",
    "<![CDATA[x]]>",
    "<script>alert(1)</script>",
    "# heading",
    "| a | b |",
    "**bold** _it_",
    "[x](javascript:alert(1))",
    "'; DROP TABLE observations; --",
    '" OR 1=1 --',
    "%",
    "_",
    "\\",
    "\\x00",
    "?",
    ":name",
    "@name",
    "=1+1",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    '=HYPERLINK("http://x","y")',
    "\t=1",
    "\r=1",
    "../../etc/passwd",
    "C:\\Windows\\System32",
    "file:///etc/shadow",
    "~/.ssh/id_rsa",
    "/dev/null",
    "NUL",
    "CON",
    "aux.txt",
    "con:",
    "😀",
    "👩🏽‍💻",
    "🇯🇵",
    "👨‍👩‍👧‍👦",
    "🏳️‍🌈",
    "中文的笔记",
    "日本語のメモ",
    "한국어",
    "العربية نص من اليمين إلى اليسار",
    "עברית מימין לשמאל",
    "mixed English עברית 123",
    "\u202eevil override",
    "\u202dforce ltr",
    "\u2066isolate\u2069",
    "zero\u200bwidth",
    "join\u200dme",
    "non\u200cjoin",
    "\ufeffbom",
    "word\u2060joiner",
    "e\u0301\u0302\u0303\u0304",
    "Z̷̢̧͖̩̈́̎a̵̛͎͐l̴̰͝g̸o",
    "ﷺ",
    "ẞß",
    "İı",
    "ﬁ",
    "Ⅻ",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "\u00a0nbsp\u00a0",
    "tab\there",
    "line\nbreak",
    "cr\rlf\r\n",
    "a" * 300,
    "word " * 4000,
    "",
    " ",
    "   ",
    "\n\n\n",
    "null\x00byte",
    "\x7f",
    "\x1b[31mred\x1b[0m",
]

# Every Unicode plane (0 to 16), several valid scalar values each (no surrogates).
PLANE_SAMPLES = [
    chr(plane * 0x10000 + offset) for plane in range(17) for offset in (0x41, 0x100, 0x3000, 0x7FFF, 0xA000, 0xFFFD)
]

CONTROLS = [chr(c) for c in list(range(0, 32)) + list(range(0x7F, 0xA0))]

NAMED = [
    unicodedata.lookup(name)
    for name in (
        "RIGHT-TO-LEFT MARK",
        "LEFT-TO-RIGHT MARK",
        "ARABIC LETTER MARK",
        "ZERO WIDTH SPACE",
        "SOFT HYPHEN",
        "COMBINING GRAPHEME JOINER",
        "MONGOLIAN VOWEL SEPARATOR",
        "OBJECT REPLACEMENT CHARACTER",
        "REPLACEMENT CHARACTER",
        "LINE SEPARATOR",
        "PARAGRAPH SEPARATOR",
        "IDEOGRAPHIC SPACE",
    )
]


def corpus(include_huge: bool = True) -> list[str]:
    """The hostile strings, each alone and wrapped in ordinary words, plus a 1 MB note."""
    singles = BASE + PLANE_SAMPLES + CONTROLS + NAMED
    wrapped = [f"Before {s} after" for s in singles]
    strings = singles + wrapped
    if include_huge:
        strings.append(("A friction note that goes on. " * 35_000)[:1_048_576])
    return strings


assert len(corpus(include_huge=False)) >= 500
