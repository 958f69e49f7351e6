"""The two rules, nudged: find internal lingo (rule 1) and solution talk (rule 2) in a note.

Matching is on whole words, case-insensitive, so "shoulder" never reads as "should"
and "I fixed my coffee" is not "need to fix". Nudges only inform; they never block a save.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from studygroup.resources import resource_path

RULE1_HINT = "Rule 1, you don't work here: how would the customer say it?"
RULE2_HINT = "Rule 2, we're not solving yet: what happened, and how did it feel?"
# The same rules in a few words, for a narrow line (both nudges share one).
RULE1_SHORT = "Rule 1: the customer's words?"
RULE2_SHORT = "Rule 2: how did it feel?"

# Typographic apostrophes are common in pasted text; "why don’t we" is still solution talk.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def _normalise(text: str) -> str:
    return text.translate(_APOSTROPHES)


def _words_pattern(phrase: str) -> str:
    """Regex for a phrase with any run of whitespace between its words."""
    return r"\s+".join(re.escape(word) for word in _normalise(phrase).split())


def _edge(char: str, lookaround: str) -> str:
    # Only a word character needs a word boundary: a term like "acct_" or "C++" ends in punctuation.
    return lookaround if char.isalnum() else ""


@functools.lru_cache(maxsize=512)
def _term_regex(term: str, plurals: bool) -> re.Pattern[str] | None:
    core = _words_pattern(term)
    if not core:
        return None
    stripped = _normalise(term).strip()
    plural = "(?:e?s)?" if plurals and stripped[-1].isalpha() else ""
    pattern = _edge(stripped[0], r"(?<!\w)") + core + plural + _edge(stripped[-1], r"(?!\w)")
    return re.compile(pattern, re.IGNORECASE)


def _hits(text: str, terms: Iterable[str], plurals: bool) -> list[str]:
    text = _normalise(text)
    found: list[str] = []
    for term in terms:
        regex = _term_regex(term, plurals)
        if regex is not None and term not in found and regex.search(text):
            found.append(term)
    return found


def lingo_hits(text: str, terms: Iterable[str]) -> list[str]:
    """The session's lingo terms used in *text*: whole words, any case, simple plurals (s, es)."""
    return _hits(text, terms, plurals=True)


def solution_hits(text: str, phrases: Iterable[str]) -> list[str]:
    """The solution-talk phrases in *text*, matched as whole words in any case."""
    return _hits(text, phrases, plurals=False)


def parse_phrases(text: str) -> list[str]:
    """One phrase a line; blank lines and # comments are skipped."""
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


@functools.lru_cache(maxsize=1)
def load_solution_phrases() -> tuple[str, ...]:
    """The editable phrase list shipped in resources/nudges/solution_phrases.txt."""
    path = resource_path("nudges", "solution_phrases.txt")
    return tuple(parse_phrases(path.read_text(encoding="utf-8")))
