"""A hand-built library of four held sessions and one planned, written through the Store, for the trends tests.

Session  date        card          people  journey steps
One      2026-01-05  bakery        4       Sign-up, Checkout, Payouts
Two      2026-02-02  bakery        5       sign-up, Checkout, Payouts   (spelled in lower case)
Three    2026-03-02  saas_billing  4       Sign-up, Invoices
Four     2026-04-06  bakery        6       Sign-up, Checkout, Payouts
Later    2026-05-04  bakery        4       (planned, never held)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from studygroup.model import Observation, Participant, Scenario, Session
from studygroup.storage.store import Store

FACILITATOR = "Jo Facil"


@dataclass
class Library:
    sessions: dict[str, Session] = field(default_factory=dict)  # by title
    notes: dict[str, Observation] = field(default_factory=dict)  # by label (a1, b5, ...)


def _session(title: str, date: str, card: str, names: str, steps: list[str], status: str = "ended") -> Session:
    return Session(
        title,
        date,
        FACILITATOR,
        Scenario("Crumb & Co" if card == "bakery" else "Ledgerly", "who", "why", key=card),
        participants=[Participant(name) for name in names.split()],
        journey_steps=steps,
        status=status,
    )


# label: (session title, author's name or None for the facilitator, kind, severity, step, tags, deleted)
NOTES = {
    "a1": ("One", "Ada", "friction", 2, "Sign-up", ["mobile"], False),
    "a2": ("One", "Bo", "bad_day", 3, "Checkout", ["money"], False),
    "a3": ("One", "Bo", "bad_day", 2, "Checkout", [], False),
    "a4": ("One", None, "bad_day", 1, "Payouts", [], False),
    "a5": ("One", "Cy", "delight", 1, "Checkout", [], False),
    "a6": ("One", "Di", "confusion", 1, "Payouts", ["words"], True),
    "b1": ("Two", "Ed", "friction", 3, "sign-up", ["mobile"], False),
    "b2": ("Two", "Fa", "friction", 1, "sign-up", [], False),
    "b3": ("Two", "Gi", "confusion", 2, "Checkout", ["money"], False),
    "b4": ("Two", "Hu", "bad_day", 2, "Payouts", [], False),
    "b5": ("Two", "Ia", "bad_day", 3, "Payouts", ["money"], False),
    "c1": ("Three", "Jo", "friction", 1, "Invoices", ["mobile"], False),
    "c2": ("Three", "Jo", "question", 1, "Sign-up", [], False),
    "d1": ("Four", "Ka", "friction", 2, "Sign-up", ["mobile"], False),
    "d2": ("Four", "La", "friction", 2, "Sign-up", ["mobile"], False),
    "d3": ("Four", "Ma", "confusion", 1, "Checkout", [], False),
    "d4": ("Four", "Na", "bad_day", 3, "Payouts", [], True),
    "d5": ("Four", "La", "friction", 1, "Checkout", [], False),
}


def build_library(store: Store) -> Library:
    """Write the library into *store*; notes are numbered in time by their label's digit."""
    library = Library()
    steps = ["Sign-up", "Checkout", "Payouts"]
    for session in (
        _session("One", "2026-01-05", "bakery", "Ada Bo Cy Di", steps),
        _session("Two", "2026-02-02", "bakery", "Ed Fa Gi Hu Ia", ["sign-up", "Checkout", "Payouts"]),
        _session("Three", "2026-03-02", "saas_billing", "Jo Ke Lu Mo", ["Sign-up", "Invoices"]),
        _session("Four", "2026-04-06", "bakery", "Ka La Ma Na Oz Pi", steps),
        _session("Later", "2026-05-04", "bakery", "Qu Ro Su Ty", steps, status="planned"),
    ):
        store.save_session(session)
        library.sessions[session.title] = session
    for label, (title, author, kind, severity, step, tags, deleted) in NOTES.items():
        session = library.sessions[title]
        person = next((p for p in session.participants if p.name == author), None)
        note = Observation(
            session.id,
            f"{label}: {kind} at {step}",
            kind=kind,
            severity=severity,
            author_id=person.id if person else None,
            session_seconds=60.0 * int(label[1]),
            journey_step=step,
            tags=tags,
        )
        store.add_observation(note)
        if deleted:
            store.set_deleted(note.id, True)
        library.notes[label] = note
    return library
