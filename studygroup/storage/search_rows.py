"""Search across every session's notes through the FTS5 index (migration 0005), best match first.

A user's query is data, never FTS5 syntax: it is split into words at whitespace, each word is
quoted as an FTS5 string (so `"`, `*`, `-`, `(`, `NEAR`, `AND`, `OR` are just characters), all
words must match, and the last one also matches as the start of a word ("pay" finds "payout").
Words are compared the way the index's unicode61 tokenizer cuts them: case and accents aside,
punctuation and emoji separating words. A run of Chinese or Japanese characters is one word to it,
so such text is found by the start of a run. Results are ranked by FTS5's bm25; a query matching
more than RANKED_MATCHES notes ranks only the most recently added of them (see _SEARCH).
"""

from __future__ import annotations

import secrets
import sqlite3
from dataclasses import dataclass

from studygroup.model import author_label
from studygroup.storage.rows import Rows

RANKED_MATCHES = 5000  # ranking is bm25 over every match: 50,000 of them took 200 ms, 5,000 take 25
SNIPPET_WORDS = 12  # words around the match in a snippet, FTS5's own measure
SNIPPET_GAP = "…"  # where the snippet cuts the note

# A snippet is text and highlighted pieces: (piece, True) for a matched word.
Snippet = tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class SearchHit:
    """One note matching a search, with where it was written and its matching words marked."""

    note_id: str
    session_id: str
    session_title: str
    session_date: str
    author: str
    session_seconds: float
    kind: str
    snippet: Snippet

    def marked(self, start: str, end: str) -> str:
        """The snippet as plain text, each matched word between *start* and *end*."""
        return "".join(f"{start}{piece}{end}" if matched else piece for piece, matched in self.snippet)


def fts_query(query: str) -> str:
    """*query* as an FTS5 expression: every word quoted, all required, the last also as a prefix; "" when blank."""
    words = query.replace("\x00", " ").split()  # FTS5 reads a NUL as the end of the query
    if not words:
        return ""
    quoted = ['"' + word.replace('"', '""') + '"' for word in words]
    return " ".join(quoted) + "*"


# Best first among the RANKED_MATCHES most recently added matching notes (FTS5 walks its rowids
# newest first cheaply; bm25 is what costs), so a word in every other note still answers at once.
# ORDER BY the rank alone: FTS5 then sorts inside the index and makes snippets only for the rows
# kept; any other term would make SQLite snippet every candidate before sorting (3 times slower).
_SEARCH = """
SELECT o.id, o.session_id, s.title, s.date, p.name, s.facilitator, o.session_seconds, o.kind,
       snippet(notes_fts, -1, :start, :end, :gap, :words), notes_fts.rank
FROM notes_fts JOIN observations o ON o.rowid = notes_fts.rowid
JOIN sessions s ON s.id = o.session_id LEFT JOIN participants p ON p.id = o.author_id
WHERE notes_fts MATCH :query AND o.deleted_at IS NULL AND s.trashed_at IS NULL
  AND notes_fts.rowid >= coalesce((SELECT rowid FROM notes_fts WHERE notes_fts MATCH :query
                                   ORDER BY rowid DESC LIMIT 1 OFFSET :ranked - 1), 0)
ORDER BY notes_fts.rank LIMIT :limit
"""


class SearchRows(Rows):
    """The notes full-text index, read only: triggers on observations keep it current."""

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Live (not deleted) notes outside the trash matching every word of *query*, best first, at most *limit*."""
        expression = fts_query(query)
        if not expression:
            return []
        # Markers no note can contain, so the snippet splits back into pieces whatever the user typed.
        start, end = f"\x02{secrets.token_hex(8)}\x03", f"\x03{secrets.token_hex(8)}\x02"
        params = {"start": start, "end": end, "gap": SNIPPET_GAP, "words": SNIPPET_WORDS}
        rows = self._read(_SEARCH, {**params, "query": expression, "ranked": RANKED_MATCHES, "limit": limit})
        return [
            SearchHit(r[0], r[1], r[2], r[3], author_label(r[4], r[5]), r[6], r[7], _pieces(r[8], start, end))
            for r in _best_first(rows)
        ]


def _best_first(rows: list[sqlite3.Row]) -> list[sqlite3.Row]:
    """By rank; equal ranks with the newest session first, then in session time (sorts are stable)."""
    newest_first = sorted(rows, key=lambda r: (r[3], -r[6]), reverse=True)
    return sorted(newest_first, key=lambda r: r[9])


def _pieces(marked: str, start: str, end: str) -> Snippet:
    """Split a snippet FTS5 marked with *start* and *end* into (text, matched) pieces."""
    pieces: list[tuple[str, bool]] = []
    for index, chunk in enumerate(marked.split(start)):
        matched, _, rest = chunk.partition(end) if index else ("", "", chunk)  # each later chunk opens on a match
        pieces += [(text, is_match) for text, is_match in ((matched, True), (rest, False)) if text]
    return tuple(pieces)
