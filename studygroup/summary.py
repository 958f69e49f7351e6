"""What a session amounts to: the figures shared by the PDF, the Markdown and the Review page.

Computed once from the session and its live (not deleted) notes, so every format and the
app show the same numbers.
"""

from __future__ import annotations

import datetime
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from studygroup.model import (
    KIND_KEYS,
    KIND_LABELS,
    PROBLEM_KINDS,
    SEVERITY_WORDS,
    FollowUpState,
    Observation,
    Session,
    Turn,
)
from studygroup.ranking import OTHER as OTHER  # re-exported: the exports name "Other" from here
from studygroup.ranking import Quote, TopProblem, quotes, top_problems

QUOTE_KINDS = ("delight", "bad_day")
QUOTES_PER_KIND = 5
THEMES = 10  # journey steps and tags listed under "Themes"


@dataclass
class AgendaRow:
    name: str
    planned_minutes: float
    actual_minutes: float | None  # None when the phase never ran


@dataclass
class Summary:
    session: Session
    notes: list[Observation]  # live notes in session-time order
    headlines: list[str]
    by_phase: dict[str, Counter[str]]  # phase name -> kind counts, in agenda order
    by_step: dict[str, Counter[str]]  # journey step -> kind counts, busiest first
    by_person: dict[str, Counter[str]]  # author -> kind counts, the group in order (silent people too), then the rest
    step_counts: Counter[str]  # journey step -> notes naming it
    tag_counts: Counter[str]  # tag -> notes carrying it
    quotes: dict[str, list[Quote]]  # by kind; the same words said by several people are one quote
    top_problems: list[TopProblem]
    agenda: list[AgendaRow]
    follow_ups: list[Observation]
    log_by_author: dict[str | None, list[Observation]] = field(default_factory=dict)
    follow_up_states: dict[str, FollowUpState] = field(default_factory=dict)  # by note id; none when never set
    turns: list[Turn] = field(default_factory=list)  # question-round turns in the order they began

    @property
    def bad_days(self) -> BadDays:
        return bad_day_figures(self.session, self.notes)

    @property
    def top_steps(self) -> list[tuple[str, int]]:
        return self.step_counts.most_common(THEMES)

    @property
    def top_tags(self) -> list[tuple[str, int]]:
        return self.tag_counts.most_common(THEMES)

    @property
    def airtime(self) -> list[AirtimeRow]:
        """Each person's question-round airtime and share of it, in group order; empty when nobody spoke."""
        total = sum(p.airtime_seconds for p in self.session.participants)
        if total <= 0:
            return []
        return [AirtimeRow(p.name, p.airtime_seconds, p.airtime_seconds / total) for p in self.session.participants]

    @property
    def said(self) -> list[QuestionSaid]:
        """What was said in each turn, by question (in the order each was first asked); empty without turns."""
        by_question: dict[str, list[TurnSaid]] = {}
        for turn in self.turns:
            person = self.session.participant(turn.participant_id)
            said = TurnSaid(person.name if person else "Someone", clock_text(turn.seconds_spoken), turn.text.strip())
            by_question.setdefault(turn.question, []).append(said)
        return [QuestionSaid(question, rows) for question, rows in by_question.items()]

    def phase_name(self, note: Observation) -> str:
        phase = self.session.phase_by_id(note.phase_id)
        return phase.name if phase else OTHER

    def quote_credit(self, quote: Quote) -> str:
        """Who wrote the printed copy and in which phase, then how many people when several wrote it."""
        credit = f"{self.session.author_name(quote.note.author_id)}, {self.phase_name(quote.note)}"
        return credit if quote.people == 1 else f"{credit} ({quote.people} people)"

    def problem_facts(self, problem: TopProblem) -> str:
        """A top problem's figures on one line: its worst severity in words, how many people, how many notes."""
        worst = SEVERITY_WORDS[problem.worst_severity]
        people = plural(problem.people, "person", "people")
        return f"worst: {worst} · {people} · {plural(problem.notes, 'note')}"


@dataclass(frozen=True)
class AirtimeRow:
    name: str
    seconds: float
    share: float  # of the group's airtime, 0 to 1


@dataclass(frozen=True)
class TurnSaid:
    name: str
    spoken: str  # how long they spoke, mm:ss
    text: str  # what was said, as typed; "" when nothing was noted


@dataclass(frozen=True)
class QuestionSaid:
    question: str
    turns: list[TurnSaid]


@dataclass(frozen=True)
class BadDays:
    """The customer-side headline of a session: who got through without a bad day, and bad days per person.

    people is the session's group (the facilitator is not one of them); people_with_bad_day those of
    them with at least one live bad-day note; bad_days every live bad-day note, the facilitator's too.
    The library's trends read the same three counts from SQL (storage/library_rows.py).
    """

    people: int
    people_with_bad_day: int
    bad_days: int

    @property
    def people_without_bad_day(self) -> int:
        return self.people - self.people_with_bad_day

    @property
    def share_without_bad_day(self) -> float | None:
        """From 0 to 1; None for a session with nobody in its group."""
        return self.people_without_bad_day / self.people if self.people else None

    @property
    def bad_days_per_person(self) -> float | None:
        return self.bad_days / self.people if self.people else None


def bad_day_figures(session: Session, notes: list[Observation]) -> BadDays:
    """The bad-day counts of *session* from its notes (deleted ones are left out)."""
    people = {p.id for p in session.participants}
    bad = [o for o in notes if o.kind == "bad_day" and not o.deleted]
    return BadDays(len(people), len({o.author_id for o in bad if o.author_id in people}), len(bad))


def summarise(
    session: Session,
    observations: list[Observation],
    follow_up_states: Mapping[str, FollowUpState] | None = None,
    turns: Iterable[Turn] = (),
) -> Summary:
    """The summary of *session* from its notes (deleted ones are left out), its follow-ups' states by note id
    and its question-round turns."""
    notes = sorted((o for o in observations if not o.deleted), key=lambda o: (o.session_seconds, o.wall_time))
    phase_names: dict[str | None, str] = {p.id: p.name for p in session.phases}
    return Summary(
        session=session,
        notes=notes,
        headlines=headlines(session, notes),
        by_phase=_counts_by(notes, lambda o: phase_names.get(o.phase_id, OTHER), [p.name for p in session.phases]),
        by_step=_counts_by(notes, lambda o: o.journey_step or OTHER),
        by_person=_counts_by(notes, lambda o: session.author_name(o.author_id), [p.name for p in session.participants]),
        step_counts=Counter(o.journey_step for o in notes if o.journey_step),
        tag_counts=Counter(tag for o in notes for tag in o.tags),
        quotes={kind: quotes(o for o in notes if o.kind == kind)[:QUOTES_PER_KIND] for kind in QUOTE_KINDS},
        top_problems=top_problems(notes),
        agenda=[
            AgendaRow(
                p.name,
                p.planned_minutes + p.extra_seconds / 60.0,
                p.elapsed_seconds / 60.0 if p.started_at is not None else None,
            )
            for p in session.phases
        ],
        follow_ups=[o for o in notes if is_follow_up(o)],
        log_by_author=_log_by_author(session, notes),
        follow_up_states=dict(follow_up_states or {}),
        turns=sorted(turns, key=lambda t: (t.started_seconds, t.started_at, t.id)),
    )


def is_follow_up(note: Observation) -> bool:
    """Rule 2 keeps solutions for later: an idea, or a note ticked for follow-up, is for whoever files bugs."""
    return note.kind == "idea" or note.follow_up


def _counts_by(
    notes: list[Observation], key: Callable[[Observation], str], order: list[str] | None = None
) -> dict[str, Counter[str]]:
    """Kind counts per key: the keys in *order* first (even when empty), then the rest busiest first."""
    table: dict[str, Counter[str]] = {name: Counter() for name in order or []}
    for note in notes:
        table.setdefault(key(note), Counter())[note.kind] += 1
    known = set(order or [])
    rest = sorted((k for k in table if k not in known), key=lambda k: (-sum(table[k].values()), k))
    return {k: table[k] for k in list(order or []) + rest}


def _log_by_author(session: Session, notes: list[Observation]) -> dict[str | None, list[Observation]]:
    """Each participant's notes in time order; the facilitator last."""
    log: dict[str | None, list[Observation]] = {p.id: [] for p in session.participants}
    for note in notes:
        log.setdefault(note.author_id if note.author_id in log else None, []).append(note)
    return {author: items for author, items in log.items() if items}


def plural(count: int, one: str, many: str | None = None) -> str:
    """*count* and the word that reads right with it: "1 note", "2 notes", "2 people"."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def headlines(session: Session, notes: list[Observation]) -> list[str]:
    """Headline figures worded the way the customer would say them."""
    lines = []
    if not notes:
        return ["No notes were captured in this session."]
    people = len(session.participants)
    bad_day = [o for o in notes if o.kind == "bad_day"]
    if bad_day and people:
        place, hit = _worst_place(session, bad_day)
        lines.append(f"{hit} of {plural(people, 'person', 'people')} had a bad day during {place}")
    friction = [o for o in notes if o.kind == "friction"]
    severe = sum(1 for o in friction if o.severity >= 3)
    lines.append(f"{plural(len(friction), 'friction point')}, {severe} of them severe")
    confused = [o for o in notes if o.kind == "confusion"]
    if confused:
        lines.append(f"{plural(len(confused), 'moment')} where someone didn't know what to do next")
    delight = sum(1 for o in notes if o.kind == "delight")
    lines.append(f"{plural(delight, 'moment')} of delight")
    authors = {o.author_id for o in notes if o.author_id is not None}
    lines.append(f"{plural(len(notes), 'note')} from {plural(len(authors), 'person', 'people')} in {_minutes(session)}")
    ideas = sum(1 for o in notes if is_follow_up(o))
    if ideas:
        lines.append(f"{plural(ideas, 'follow-up')} set aside for later")
    return lines


def _worst_place(session: Session, bad_day: list[Observation]) -> tuple[str, int]:
    """The journey step (or phase) where the most different people had a bad day."""
    by_place: dict[str, set[str | None]] = {}
    for note in bad_day:
        phase = session.phase_by_id(note.phase_id)
        place = note.journey_step or (phase.name if phase else "the session")
        by_place.setdefault(place, set()).add(note.author_id)
    place = max(by_place, key=lambda p: (len(by_place[p]), p))
    return place, len(by_place[place])


def _minutes(session: Session) -> str:
    ran = sum(p.elapsed_seconds for p in session.phases) / 60.0
    return plural(round(ran or session.planned_minutes), "minute")


def clock_text(seconds: float) -> str:
    """Session time as h:mm:ss or mm:ss."""
    whole = int(max(seconds, 0))
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"


def wall_text(epoch: float) -> str:
    return datetime.datetime.fromtimestamp(epoch).strftime("%Y-%m-%d %H:%M:%S") if epoch else ""


def severity_words(note: Observation) -> str:
    """ "severity 2: this slowed me down" for a problem; "" for a kind whose severity means nothing."""
    if note.kind not in PROBLEM_KINDS:
        return ""
    return f"severity {note.severity}: {SEVERITY_WORDS[note.severity]}"  # the store holds severities 1 to 3


def is_severe(note: Observation) -> bool:
    """A problem at the top severity: printed so it stands out."""
    return note.kind in PROBLEM_KINDS and note.severity >= 3


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


def kind_series(table: dict[str, Counter[str]]) -> list[tuple[str, list[int]]]:
    """(kind, counts per category) for every kind, in the shared kind order, for stacked charts."""
    return [(kind, [table[name][kind] for name in table]) for kind in KIND_KEYS]


def nice_step(maximum: float, ticks: int = 5) -> int:
    """A whole-number axis step (1, 2, 5, 10, 20, ...) giving about *ticks* gridlines; 1 for an empty axis."""
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    factor = next((f for f in (1, 2, 5) if f * power >= raw), 10)  # 10 * power is always past raw
    return max(1, int(factor * power))
