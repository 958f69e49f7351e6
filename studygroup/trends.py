"""The library's trends: each session's customer-side headline, the problems that recur, what got better.

Pure functions over per-session sums that the store makes in SQL (storage/library_rows.py), so a
library of 60,000 notes never loads them. Deleted notes never count.

- A **problem** is a live note of one of PROBLEM_KINDS: friction, confusion or a bad day.
- A **key** is a journey step or a tag; keys that differ only in case are one key.
- A key **could appear** in a session when the session offered it: a journey step in the session's
  list of steps (or named by one of its problems), a tag in every session (any note may carry any tag).
- A key **recurs** when problems name it in RECURS_IN (two) or more sessions.
- Its **trend** compares the latest session it could appear in with the earlier ones it could appear
  in, by problem notes per person in the group (0 where none): "worse" above the earlier sessions'
  mean by more than SAME_BAND (a fifth of it), "better" below it by more than that, "same" otherwise.
- A journey step **got better** when it had a bad day in some session and none in the CALM_SESSIONS
  (two) latest sessions it could appear in since.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from statistics import mean
from typing import TYPE_CHECKING

from studygroup.errors import NotFound
from studygroup.library import STEP, TAG, ProblemTally, Quote, SessionHeadline
from studygroup.model import PROBLEM_KINDS
from studygroup.scenarios import scenario_key_of

if TYPE_CHECKING:
    from studygroup.storage.store import Store

RECURS_IN = 2
SAME_BAND = 0.2
CALM_SESSIONS = 2
BETTER, WORSE, SAME = "better", "worse", "same"


def scenario_key(session: SessionHeadline) -> str:
    """The card's key, or for a card without one the slug of its company ("Crumb & Co" is crumb_co)."""
    return scenario_key_of(session.card_key, session.company)


@dataclass(frozen=True)
class RecurringProblem:
    """A journey step or tag that drew problems in two or more sessions."""

    key_kind: str
    name: str  # as the latest session it drew a problem in spells it
    spellings: tuple[str, ...]  # every spelling merged into it (case aside), to find its notes
    session_ids: tuple[str, ...]  # the sessions it drew problems in, oldest first
    worst_severity: int
    notes: int
    trend: str  # BETTER, WORSE or SAME
    latest_rate: float  # problem notes per person in the latest session it could appear in
    earlier_rate: float  # the mean of that over the sessions before it could appear in

    @property
    def sessions(self) -> int:
        return len(self.session_ids)


@dataclass(frozen=True)
class GotBetter:
    """A journey step that had bad days, and none in its latest sessions."""

    step: str
    bad_days_before: int
    last_bad_day_session_id: str
    calm_sessions: int  # sessions it could appear in since its last bad day, all without one


@dataclass(frozen=True)
class Trends:
    sessions: list[SessionHeadline]  # oldest first
    recurring: list[RecurringProblem]  # most sessions first, then worst, then most notes
    got_better: list[GotBetter]


def library_trends(store: Store, scenario: str | None = None, since: str = "") -> Trends:
    """The trends of the sessions held on or after *since* (YYYY-MM-DD), of one scenario key when given."""
    sessions = store.held_sessions(since)
    if scenario is not None:
        sessions = sessions_of_scenario(sessions, scenario)
    tallies = store.problem_tallies([s.id for s in sessions], PROBLEM_KINDS)
    return compute_trends(sessions, tallies)


def sessions_of_scenario(sessions: list[SessionHeadline], scenario: str) -> list[SessionHeadline]:
    """The sessions run on the card *scenario*; NotFound naming the keys used when there are none."""
    chosen = [s for s in sessions if scenario_key(s) == scenario]
    if not chosen:
        used = ", ".join(sorted({scenario_key(s) for s in sessions})) or "none"
        raise NotFound(f"No session here was run on the scenario {scenario!r} (scenarios used: {used}).")
    return chosen


def problem_quotes(store: Store, problem: RecurringProblem, limit: int = 20) -> list[Quote]:
    """The notes behind *problem*, most severe first, then the newest session first."""
    return store.problem_quotes(problem.key_kind, problem.spellings, problem.session_ids, PROBLEM_KINDS, limit)


def compute_trends(sessions: list[SessionHeadline], tallies: list[ProblemTally]) -> Trends:
    """Recurring problems and what got better, from *sessions* (oldest first) and their problem tallies."""
    known = {s.id for s in sessions}
    by_key: dict[tuple[str, str], list[ProblemTally]] = {}
    for tally in tallies:
        if tally.session_id in known and tally.kind in PROBLEM_KINDS:
            by_key.setdefault((tally.key_kind, tally.key.casefold()), []).append(tally)
    recurring = [
        _recurring(sessions, key_kind, group)
        for (key_kind, _), group in by_key.items()
        if len({t.session_id for t in group}) >= RECURS_IN
    ]
    recurring.sort(key=lambda p: (-p.sessions, -p.worst_severity, -p.notes, p.key_kind, p.name.casefold()))
    better = [_got_better(sessions, group) for (key_kind, _), group in by_key.items() if key_kind == STEP]
    found = [b for b in better if b is not None]
    found.sort(key=lambda b: (-b.bad_days_before, b.step.casefold()))
    return Trends(sessions, recurring, found)


def trend_word(latest: float, earlier: float) -> str:
    """BETTER or WORSE when *latest* is off *earlier* by more than SAME_BAND of it, else SAME."""
    if latest > earlier * (1 + SAME_BAND):
        return WORSE
    if latest < earlier * (1 - SAME_BAND):
        return BETTER
    return SAME


def could_appear(sessions: list[SessionHeadline], key_kind: str, group: list[ProblemTally]) -> list[SessionHeadline]:
    """The sessions (oldest first) that offered the key of *group*: see the module's definition."""
    if key_kind == TAG:
        return list(sessions)
    folded = group[0].key.casefold()
    named = {t.session_id for t in group}
    return [s for s in sessions if s.id in named or folded in (step.casefold() for step in s.journey_steps)]


def _recurring(sessions: list[SessionHeadline], key_kind: str, group: list[ProblemTally]) -> RecurringProblem:
    possible = could_appear(sessions, key_kind, group)
    notes = Counter[str]()
    for tally in group:
        notes[tally.session_id] += tally.notes
    rates = [notes[s.id] / max(s.figures.people, 1) for s in possible]
    latest, earlier = rates[-1], mean(rates[:-1])
    order = {s.id: index for index, s in enumerate(sessions)}
    newest = max(group, key=lambda t: (order[t.session_id], t.notes))
    return RecurringProblem(
        key_kind=key_kind,
        name=newest.key,
        spellings=tuple(sorted({t.key for t in group})),
        session_ids=tuple(sorted(notes, key=order.__getitem__)),
        worst_severity=max(t.worst_severity for t in group),
        notes=sum(notes.values()),
        trend=trend_word(latest, earlier),
        latest_rate=latest,
        earlier_rate=earlier,
    )


def _got_better(sessions: list[SessionHeadline], group: list[ProblemTally]) -> GotBetter | None:
    bad = [t for t in group if t.kind == "bad_day"]
    if not bad:
        return None
    possible = [s.id for s in could_appear(sessions, STEP, group)]
    hurt = {t.session_id for t in bad}
    last = max(possible.index(session_id) for session_id in hurt)
    calm = len(possible) - last - 1
    if calm < CALM_SESSIONS:
        return None
    order = {s.id: index for index, s in enumerate(sessions)}
    newest = max(group, key=lambda t: (order[t.session_id], t.notes))
    return GotBetter(newest.key, sum(t.notes for t in bad), possible[last], calm)
