"""Domain model: scenarios, sessions, phases, participants, observations, follow-up states, turns, drafts, the roster.

Plain dataclasses with no storage or Qt knowledge; the store persists them and
the UI and exports read them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

RULE_ONE = "You don't work here. No insider knowledge, no internal lingo: experience the product as the customer would."
RULE_TWO = "We're not here to solve problems. Capture what happened and how it felt; fixes come later."

FACILITATOR = None  # author_id of a note written by the facilitator

# Observation kinds in display order. Their colours live in studygroup.palette, one per palette.
KIND_NAMES = (
    ("friction", "Friction"),
    ("confusion", "Confusion"),
    ("bad_day", "Bad day"),
    ("delight", "Delight"),
    ("question", "Question"),
    ("idea", "Idea for later"),
)
KIND_KEYS = tuple(key for key, _ in KIND_NAMES)
KIND_LABELS = dict(KIND_NAMES)

# Severity in the friction-log words people already use.
SEVERITY_WORDS = {
    1: "could be smoother",
    2: "this slowed me down",
    3: "if this weren't my job, I'd give up",
}

# The kinds that are problems: only their severity means something, and only they make a step recur.
PROBLEM_KINDS = ("friction", "confusion", "bad_day")

STATUSES = ("planned", "running", "paused", "ended")

# Where a follow-up stands with whoever files bugs: stored keys, in order, and the words people read.
FOLLOW_UP_STATUS_NAMES = (
    ("open", "open"),
    ("filed", "filed"),
    ("fixed", "fixed"),
    ("wont_fix", "won't fix"),
)
FOLLOW_UP_STATUSES = tuple(key for key, _ in FOLLOW_UP_STATUS_NAMES)
FOLLOW_UP_STATUS_WORDS = dict(FOLLOW_UP_STATUS_NAMES)


def new_id() -> str:
    """A fresh UUID string, so sessions from different laptops can merge."""
    return str(uuid.uuid4())


def author_label(participant_name: str | None, facilitator: str) -> str:
    """Who wrote a note: the participant's name, or the facilitator's marked as such (no participant)."""
    if participant_name is not None:
        return participant_name
    return f"{facilitator or 'Facilitator'} (facilitator)"


def add_step(steps: list[str], step: str) -> str:
    """*step* as *steps* already spell it in any case, appended to *steps* when new; "" for a blank step."""
    step = step.strip()
    if not step:
        return ""
    known = {existing.casefold(): existing for existing in steps}
    if step.casefold() in known:
        return known[step.casefold()]
    steps.append(step)
    return step


@dataclass
class Scenario:
    """The persona card: who the customer is and what they need to get done."""

    company: str
    who_they_are: str
    outcome_problem: str
    product: str = ""
    starting_point: str = ""
    success_looks_like: str = ""
    probing_questions: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    rule_one: str = RULE_ONE
    rule_two: str = RULE_TWO
    key: str = ""  # file stem when it came from the scenario library


@dataclass
class Phase:
    """One agenda item, with the clock's record of how it actually ran."""

    name: str
    planned_minutes: float
    prompt: str = ""
    id: str = field(default_factory=new_id)
    extra_seconds: float = 0.0  # added with +1 / +5 min
    elapsed_seconds: float = 0.0  # time run in closed segments
    started_at: float | None = None  # wall time (epoch s) it first started
    ended_at: float | None = None  # wall time it was last left

    @property
    def planned_seconds(self) -> float:
        return self.planned_minutes * 60.0 + self.extra_seconds


@dataclass
class Participant:
    """A person in the session's group."""

    name: str
    discipline: str = ""
    role: str = ""
    id: str = field(default_factory=new_id)
    roster_id: str | None = None
    airtime_seconds: float = 0.0

    @property
    def initials(self) -> str:
        parts = [p for p in self.name.split() if p]
        letters = "".join(p[0] for p in parts[:2]) or "?"
        return letters.upper()


@dataclass
class Session:
    """A study-group session: the plan, the group and the clock's state."""

    title: str
    date: str  # ISO date, YYYY-MM-DD
    facilitator: str
    scenario: Scenario
    phases: list[Phase] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    lingo: list[str] = field(default_factory=list)
    id: str = field(default_factory=new_id)
    status: str = "planned"
    current_phase: int = 0
    running_since: float | None = None  # wall time the open segment began
    auto_advance: bool = False
    journey_steps: list[str] = field(default_factory=list)
    created_at: float = 0.0

    def participant(self, participant_id: str | None) -> Participant | None:
        return next((p for p in self.participants if p.id == participant_id), None)

    def author_name(self, author_id: str | None) -> str:
        person = self.participant(author_id)
        return author_label(person.name if person else None, self.facilitator)

    def phase_by_id(self, phase_id: str | None) -> Phase | None:
        return next((p for p in self.phases if p.id == phase_id), None)

    @property
    def planned_minutes(self) -> float:
        return sum(p.planned_minutes for p in self.phases)


@dataclass(slots=True)  # slots: a 10,000-note session holds 10,000 of these
class Observation:
    """One note: what happened and how it felt, stamped with who, when and where."""

    session_id: str
    text: str
    kind: str = "friction"
    severity: int = 1
    author_id: str | None = FACILITATOR
    phase_id: str | None = None
    session_seconds: float = 0.0
    wall_time: float = 0.0
    journey_step: str = ""
    tags: list[str] = field(default_factory=list)
    follow_up: bool = False
    expected: str = ""
    happened: str = ""
    lingo_flag: bool = False
    solution_flag: bool = False
    id: str = field(default_factory=new_id)
    deleted_at: float | None = None
    updated_at: float = 0.0

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None


@dataclass
class FollowUpState:
    """Who owns a follow-up, where it stands and its tracker link.

    Kept beside the note, not in it: tracker bookkeeping is not an edit of what was typed, so it
    adds no note version and has its own stamp for merging.
    """

    note_id: str
    owner: str = ""
    status: str = "open"
    link: str = ""
    updated_at: float = 0.0


@dataclass
class Turn:
    """One person's turn in a question round: the question, when it began, how long they spoke, what was said.

    One row per person per question, however often the turn was paused; merged by its own updated_at.
    """

    session_id: str
    participant_id: str
    question: str
    started_seconds: float = 0.0  # session clock when the turn began (after a question: its silence included)
    started_at: float = 0.0  # wall time it began: orders turns while the session clock stood still
    seconds_spoken: float = 0.0
    text: str = ""
    id: str = field(default_factory=new_id)
    updated_at: float = 0.0


@dataclass
class Draft:
    """The unsaved text one author is typing in one session."""

    session_id: str
    author_id: str | None
    text: str
    updated_at: float = 0.0
    form: dict[str, object] = field(default_factory=dict)  # choices around the text (kind, severity, step, ...)


@dataclass
class RosterPerson:
    """Someone on the roster; `sessions_attended` lets random groups prefer newcomers."""

    name: str
    discipline: str = ""
    id: str = field(default_factory=new_id)
    sessions_attended: int = 0
    last_session_at: float | None = None
