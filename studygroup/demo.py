"""A realistic demo session: the bakery card, six people, a five-phase agenda, ~60 notes."""

from __future__ import annotations

import datetime
import json
import random

from studygroup.agenda import DEFAULT_TEMPLATE, TEMPLATES
from studygroup.model import Observation, Participant, Phase, Scenario, Session
from studygroup.resources import resource_path
from studygroup.storage.store import Store

DEMO_TITLE = "Demo: Crumb & Co takes its first card payment"

PEOPLE = (
    ("Dana Whitfield", "Finance"),
    ("Marco Ruiz", "Engineering"),
    ("Aiko Tanaka", "Design"),
    ("Femi Adeyemi", "Sales"),
    ("Lena Novak", "Support"),
    ("Chris Okafor", "Legal"),
)

AGENDA = TEMPLATES[DEFAULT_TEMPLATE]  # (name, minutes, prompt) rows; the templates are the one source

STEPS = ("Sign-up", "Verify identity", "Add bank account", "Create checkout", "Test payment", "Payouts")

NOTES = {
    "friction": (
        "The sign-up form asked for my company's registration number and I had no idea where to find it.",
        "I had to enter the bakery's address three times on three different screens.",
        "The verification step wanted a document scan and my phone camera kept timing out.",
        "Took me four tries to find where the bank account goes.",
        "Every page had a different button for 'next'; I kept looking for it.",
    ),
    "confusion": (
        "Is 'test mode' real money or not? Nothing on the page said so in plain words.",
        "I don't know what a 'connected account' is and whether a bakery needs one.",
        "The payout schedule says T+2. Two what?",
        "Two checkout options looked the same; I couldn't tell which one fits a pre-order.",
    ),
    "bad_day": (
        "My account got put 'under review' with no reason and no date. It's Thursday night.",
        "The test payment failed and the error was a code, not a sentence. I gave up for ten minutes.",
        "I lost everything I had typed when the page reloaded after the identity check.",
        "Payouts are paused because of a 'missing document' but it doesn't say which one.",
    ),
    "delight": (
        "The hosted checkout looked beautiful on my phone without me doing anything.",
        "The first successful payment had a little confetti moment. I smiled.",
        "The help article on refunds was written like a person talking to me.",
    ),
    "question": (
        "Can customers tip when they pay for a pre-order?",
        "What happens if a customer pays and then we run out of sourdough?",
        "Do I need a separate account for the Friday market card reader?",
    ),
    "idea": (
        "Idea for later: a checklist of the documents you need before you start.",
        "Idea for later: show the payout date as a calendar date.",
        "Idea for later: let me save a half-finished sign-up and come back.",
    ),
}
TAGS = ("#mobile", "#words", "#trust", "#money", "#docs")


def demo_scenario() -> Scenario:
    """The bakery card from the scenario library."""
    data = json.loads(resource_path("scenarios", "bakery.json").read_text(encoding="utf-8"))
    return Scenario(key="bakery", **data)


def build_demo_session(seed: int = 7, today: datetime.date | None = None) -> tuple[Session, list[Observation]]:
    """A finished session with notes spread over phases, people, kinds and journey steps."""
    rng = random.Random(seed)
    scenario = demo_scenario()
    people = [
        Participant(name, discipline, scenario.roles[i % len(scenario.roles)])
        for i, (name, discipline) in enumerate(PEOPLE)
    ]
    phases = [Phase(name, minutes, prompt) for name, minutes, prompt in AGENDA]
    session = Session(
        title=DEMO_TITLE,
        date=(today or datetime.date.today()).isoformat(),
        facilitator="Jordan Ellis",
        scenario=scenario,
        phases=phases,
        participants=people,
        status="ended",
        lingo=["Connect", "KYC", "PaymentIntent", "acct_", "Radar", "the Dashboard team"],
        journey_steps=list(STEPS),
        current_phase=len(phases) - 1,
    )
    _give_phases_actuals(session, rng)
    return session, _demo_notes(session, rng)


def _give_phases_actuals(session: Session, rng: random.Random) -> None:
    start = datetime.datetime.combine(datetime.date.fromisoformat(session.date), datetime.time(14, 0)).timestamp()
    for phase in session.phases:
        phase.elapsed_seconds = phase.planned_minutes * 60 + rng.randint(-90, 150)
        phase.started_at, phase.ended_at = start, start + phase.elapsed_seconds
        start = phase.ended_at


def _demo_notes(session: Session, rng: random.Random) -> list[Observation]:
    notes, phase_start = [], 0.0
    weights = (2, 2, 40, 10, 6)  # most notes are written while experiencing the product
    for phase, weight in zip(session.phases, weights, strict=False):
        started = phase.started_at
        assert started is not None, "_give_phases_actuals gives every demo phase a start"
        for _ in range(weight):
            kind = rng.choice(list(NOTES))
            author = rng.choice(session.participants)
            at = phase_start + rng.uniform(5, phase.elapsed_seconds - 5)
            text = rng.choice(NOTES[kind])
            tags = rng.sample(TAGS, rng.randint(0, 2))
            notes.append(
                Observation(
                    session_id=session.id,
                    text=text + ("" if not tags else " " + " ".join(tags)),
                    kind=kind,
                    severity=rng.choice((1, 2, 3)) if kind in ("friction", "bad_day", "confusion") else 1,
                    author_id=author.id,
                    phase_id=phase.id,
                    session_seconds=round(at, 1),
                    wall_time=started + (at - phase_start),
                    journey_step=rng.choice(STEPS),
                    tags=[t[1:] for t in tags],
                    follow_up=kind == "bad_day" and rng.random() < 0.5,
                )
            )
        phase_start += phase.elapsed_seconds
    return sorted(notes, key=lambda n: n.session_seconds)


def create_demo(store: Store, seed: int = 7) -> Session:
    """Write a new demo session into the store in one transaction."""
    session, notes = build_demo_session(seed)
    with store.atomic():
        store.save_session(session)
        for note in notes:
            store.add_observation(note)
    return session
