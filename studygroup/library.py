"""What the library's sums are made of: each held session's headline, a problem's tally, a quote.

The store makes them in SQL (storage/library_rows.py); the trends are computed from them (trends.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from studygroup.summary import BadDays

STEP, TAG = "journey_step", "tag"  # the two kinds of key


@dataclass(frozen=True)
class SessionHeadline:
    """One held session of the library: its header, its bad-day figures and the journey steps it offered."""

    id: str
    title: str
    date: str
    facilitator: str
    card_key: str  # the scenario card's key ("" for a card never saved to the library)
    company: str
    figures: BadDays
    journey_steps: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProblemTally:
    """How many live problem notes of one kind named one key in one session, and the worst severity."""

    session_id: str
    key_kind: str  # STEP or TAG
    key: str
    kind: str
    notes: int
    worst_severity: int


@dataclass(frozen=True)
class Quote:
    """A problem note, naming the session it was written in."""

    text: str
    kind: str
    severity: int
    session_id: str
    session_title: str
    session_date: str
    author: str
    session_seconds: float
