"""What makes a plan a session that can run, and the Session it becomes.

The plan page gathers a Plan from its fields; `plan_problem` says in one sentence what stops it
from being saved (naming the field, so the page can focus it) and `build_session` turns it into
the Session the store saves. The card is judged by `scenarios.card_problem`, the one rule for cards.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from studygroup.limits import (
    MAX_LABEL,
    MAX_LINGO,
    MAX_LINGO_TERMS,
    MAX_NAME,
    MAX_PARTICIPANTS,
    MAX_PHASES,
    MAX_TEXT,
    MAX_TITLE,
    too_long,
    too_many,
)
from studygroup.model import Participant, Phase, Scenario, Session
from studygroup.scenarios import card_problem

LONGEST_PHASE_MINUTES = 24 * 60  # the bundle schema's maximum for planned_minutes


@dataclass
class Plan:
    """A session as planned, as typed: texts untrimmed, the page's own lists of people and phases."""

    title: str
    date: str  # ISO 8601, e.g. "2026-03-02"
    facilitator: str
    scenario: Scenario
    phases: list[Phase] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    lingo: list[str] = field(default_factory=list)
    auto_advance: bool = False


@dataclass(frozen=True)
class PlanProblem:
    """What stops a plan: the field at fault and one sentence for the facilitator.

    The field is "title", "facilitator", "lingo", "participants", "agenda" (no phases at all),
    "phases", or "scenario.<card field>" for the card.
    """

    field: str
    sentence: str


def lines_of(text: str) -> list[str]:
    """Non-empty, trimmed lines: one term, role or question per line."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def build_session(plan: Plan) -> Session:
    """The Session *plan* describes, tidied (texts trimmed, a name's spaces collapsed); not checked, not saved.

    People and phases are copies: the planning lists can change on without touching the session.
    """
    people = [
        dataclasses.replace(p, name=" ".join(p.name.split()), discipline=p.discipline.strip(), role=p.role.strip())
        for p in plan.participants
    ]
    phases = [dataclasses.replace(p, name=p.name.strip(), prompt=p.prompt.strip()) for p in plan.phases]
    return Session(
        title=plan.title.strip(),
        date=plan.date,
        facilitator=plan.facilitator.strip(),
        scenario=plan.scenario,
        phases=phases,
        participants=people,
        lingo=[term.strip() for term in plan.lingo if term.strip()],
        auto_advance=plan.auto_advance,
    )


def plan_problem(plan: Plan) -> PlanProblem | None:
    """The first thing that stops *plan* from being saved, judged on what would be saved; None when it can be."""
    session = build_session(plan)
    return (
        _session_problem(session)
        or _lingo_problem(session.lingo)
        or _card_problem(session.scenario)
        or _people_problem(session.participants)
        or _agenda_problem(session.phases)
    )


def title_problem(title: str) -> str | None:
    """Why *title* (already trimmed) cannot be a session's title, in one sentence; None when it can.

    One line: Home's list, the window's title bar and the exports' headings show it on one line.
    """
    if not title:
        return "Give the session a title, for example “Checkout study group, March”."
    if len(title.splitlines()) > 1:
        return "A session's title is one line; remove the line breaks."
    if len(title) > MAX_TITLE:
        return too_long("The title", title, MAX_TITLE)
    return None


def _session_problem(session: Session) -> PlanProblem | None:
    sentence = title_problem(session.title)
    if sentence:
        return PlanProblem("title", sentence)
    if len(session.facilitator) > MAX_NAME:
        return PlanProblem("facilitator", too_long("The facilitator's name", session.facilitator, MAX_NAME))
    return None


def _lingo_problem(lingo: list[str]) -> PlanProblem | None:
    if len(lingo) > MAX_LINGO_TERMS:
        return PlanProblem("lingo", too_many("The lingo", "terms", lingo, MAX_LINGO_TERMS))
    long_term = next((term for term in lingo if len(term) > MAX_LINGO), None)
    if long_term is not None:
        return PlanProblem("lingo", too_long("A lingo term", long_term, MAX_LINGO))
    return None


def _card_problem(card: Scenario) -> PlanProblem | None:
    problem = card_problem(card)
    return PlanProblem(f"scenario.{problem.field}", problem.sentence) if problem else None


def _people_problem(people: list[Participant]) -> PlanProblem | None:
    if len(people) > MAX_PARTICIPANTS:
        return PlanProblem("participants", too_many("The group", "people", people, MAX_PARTICIPANTS))
    seen: set[str] = set()
    for number, person in enumerate(people, start=1):
        sentence = _person_problem(number, person, seen)
        if sentence:
            return PlanProblem("participants", sentence)
        seen.add(person.name.casefold())
    return None


def _person_problem(number: int, person: Participant, seen: set[str]) -> str | None:
    """One person's problem; *seen* holds the casefolded names of the people before them."""
    if not person.name:
        return f"Person {number} in the group has no name; type one or remove the row."
    if len(person.name) > MAX_NAME:
        return too_long(f"Person {number}'s name", person.name, MAX_NAME)
    if person.name.casefold() in seen:
        return f"Two people in the group are called “{person.name}”; add an initial so their notes can be told apart."
    for what, text in (("discipline", person.discipline), ("role", person.role)):
        if len(text) > MAX_LABEL:
            return too_long(f"Person {number}'s {what}", text, MAX_LABEL)
    return None


def agenda_problem(phases: list[Phase]) -> str | None:
    """An agenda's first problem as one sentence, or None: the rule a plan and a saved agenda template share."""
    problem = _agenda_problem(phases)
    return problem.sentence if problem else None


def _agenda_problem(phases: list[Phase]) -> PlanProblem | None:
    if not phases:
        return PlanProblem("agenda", "The agenda has no phases; pick a template or add a phase.")
    if len(phases) > MAX_PHASES:
        return PlanProblem("phases", too_many("The agenda", "phases", phases, MAX_PHASES))
    for number, phase in enumerate(phases, start=1):
        sentence = _phase_problem(number, phase)
        if sentence:
            return PlanProblem("phases", sentence)
    return None


def _phase_problem(number: int, phase: Phase) -> str | None:
    if not phase.name:
        return f"Phase {number} of the agenda has no name."
    if len(phase.name) > MAX_LABEL or len(phase.prompt) > MAX_TEXT:
        return f"Phase {number}'s name can have {MAX_LABEL} characters and its prompt {MAX_TEXT:,}; shorten them."
    if not 0 < phase.planned_minutes <= LONGEST_PHASE_MINUTES:
        return (
            f"Phase {number} can last more than 0 and at most {LONGEST_PHASE_MINUTES:,} minutes;"
            f" it has {phase.planned_minutes:g}."
        )
    return None
