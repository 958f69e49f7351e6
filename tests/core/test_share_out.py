"""The share-out's grouping: the session's step order, "No step" last, severe problems first, names when asked."""

from __future__ import annotations

from studygroup.model import Observation, Participant, Scenario, Session
from studygroup.share_out import NO_STEP, SharedNote, StepGroup, note_count, share_out


def room() -> tuple[Session, Participant, Participant]:
    ana, ben = Participant("Ana"), Participant("Ben")
    session = Session("Share", "2026-03-03", "Jo", Scenario("Co", "A baker", "Get paid"), participants=[ana, ben])
    session.journey_steps = ["Sign up", "Pay", "Ship"]  # "Ship" draws no note and is left out
    return session, ana, ben


def note(session: Session, text: str, kind: str, severity: int, step: str, seconds: float, author=None) -> Observation:
    return Observation(
        session.id, text, kind=kind, severity=severity, journey_step=step, session_seconds=seconds, author_id=author
    )


def test_steps_in_session_order_unknown_steps_next_and_no_step_last():
    session, ana, ben = room()
    notes = [
        note(session, "no step at all", "delight", 1, "", 1),
        note(session, "a step from a bundle", "friction", 1, "Refund", 2),
        note(session, "paid twice", "friction", 2, "pay", 3),  # another spelling of "Pay"
        note(session, "form too long", "confusion", 1, "Sign up", 4),
        note(session, "blank step", "question", 1, "   ", 5),
    ]
    groups = share_out(session, notes)
    assert [g.step for g in groups] == ["Sign up", "Pay", "Refund", NO_STEP]
    assert [n.text for n in groups[-1].notes] == ["no step at all", "blank step"]
    assert note_count(groups) == 5


def test_within_a_step_the_worst_problems_come_first_then_the_other_kinds():
    session, ana, ben = room()
    notes = [
        note(session, "nice colours", "delight", 3, "Pay", 1),  # a delight's severity means nothing
        note(session, "idea: apple pay", "idea", 1, "Pay", 2),
        note(session, "slow", "friction", 1, "Pay", 3),
        note(session, "what is a PSP?", "question", 1, "Pay", 4),
        note(session, "card refused", "bad_day", 3, "Pay", 5),
        note(session, "lost", "confusion", 2, "Pay", 6),
        note(session, "fees hidden", "friction", 3, "Pay", 7),
    ]
    texts = [n.text for n in share_out(session, notes)[0].notes]
    assert texts == [
        "card refused",
        "fees hidden",
        "lost",
        "slow",
        "nice colours",
        "what is a PSP?",
        "idea: apple pay",
    ]


def test_names_are_left_out_unless_asked_and_deleted_notes_never_show():
    session, ana, ben = room()
    gone = note(session, "deleted", "friction", 3, "Pay", 1, ana.id)
    gone.deleted_at = 10.0
    notes = [
        note(session, "mine", "friction", 2, "Pay", 2, ana.id),
        note(session, "facilitator's", "idea", 1, "Pay", 3),
        gone,
    ]
    assert share_out(session, notes) == [
        StepGroup("Pay", (SharedNote("mine", "friction", 2, None), SharedNote("facilitator's", "idea", 1, None)))
    ]
    named = share_out(session, notes, names=True)[0].notes
    assert [n.author for n in named] == ["Ana", "Jo (facilitator)"]


def test_no_notes_no_groups():
    session, _, _ = room()
    assert share_out(session, []) == []
