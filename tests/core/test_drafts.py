"""Drafts without Qt: what a draft holds, what is pending for the disk, what is unsent, and a draft's note."""

import pytest

from studygroup.clock import ManualTime, SessionClock
from studygroup.demo import demo_scenario
from studygroup.drafts import DraftBook, DraftChoices, note_from
from studygroup.model import Draft, Participant, Phase, Session

ANA, BEN, CY = "p-ana", "p-ben", "p-cy"


def book_with(saved: dict) -> DraftBook:
    """A book restored from {author: (text, form)}, as the store hands drafts back."""
    return DraftBook("s1", {author: Draft("s1", author, text, form=form) for author, (text, form) in saved.items()})


def test_default_choices_are_stored_as_an_empty_form_and_others_whole():
    assert DraftChoices().as_record() == {}
    assert DraftChoices(severity=3).as_record() == {
        "kind": "friction",
        "severity": 3,
        "journey_step": "",
        "expected": "",
        "happened": "",
    }


def test_a_stored_form_comes_back_and_unknown_keys_are_ignored():
    choices = DraftChoices.from_record({"kind": "idea", "journey_step": "Payouts", "mood": "tired"})
    assert choices == DraftChoices(kind="idea", severity=1, journey_step="Payouts", expected="", happened="")


def test_a_restored_book_holds_the_saved_drafts_and_has_nothing_pending():
    book = DraftBook("s1", {ANA: Draft("s1", ANA, "half a thought", form={"kind": "delight", "severity": 2})})
    assert book.text(ANA) == "half a thought"
    assert book.choices(ANA) == DraftChoices(kind="delight", severity=2)
    assert (book.text(BEN), book.choices(BEN)) == ("", DraftChoices())
    assert book.pending() == []


def test_only_a_change_is_pending_and_the_facilitator_comes_first():
    book = book_with({CY: ("same", {})})
    book.keep_text(CY, "same")
    book.keep_choices(ANA, DraftChoices())
    assert book.pending() == []
    book.keep_text(BEN, "b")
    book.keep_choices(None, DraftChoices(kind="question"))
    book.keep_text(ANA, "a")
    assert book.pending() == [None, ANA, BEN]


def test_write_pending_yields_each_draft_after_it_is_saved():
    book = DraftBook("s1")
    book.keep_text(ANA, "slow page")
    book.keep_choices(ANA, DraftChoices(kind="bad_day", severity=3, journey_step="Sign-up"))
    book.keep_text(BEN, "")  # no change from nothing: not pending
    saved = []
    written = []
    for draft in book.write_pending(saved.append):
        written.append((draft, list(saved)))  # what was saved when the draft came out
    expected = Draft(
        "s1",
        ANA,
        "slow page",
        form={"kind": "bad_day", "severity": 3, "journey_step": "Sign-up", "expected": "", "happened": ""},
    )
    assert written == [(expected, [expected])]
    assert book.pending() == []
    assert list(book.write_pending(saved.append)) == []  # nothing is written twice


def test_a_failing_save_keeps_that_draft_and_the_rest_pending():
    book = DraftBook("s1")
    for author, text in ((None, "mine"), (ANA, "hers"), (BEN, "his")):
        book.keep_text(author, text)

    def save(draft: Draft) -> None:
        if draft.author_id == ANA:
            raise OSError("disk full")

    written = []
    with pytest.raises(OSError, match="disk full"):
        for draft in book.write_pending(save):
            written.append(draft.text)
    assert written == ["mine"]
    assert book.pending() == [ANA, BEN]


def test_a_cleared_draft_is_written_empty():
    book = book_with({ANA: ("saved as a note", {"kind": "idea"})})
    book.clear(ANA)
    assert book.pending() == [ANA]
    assert book.record(ANA) == Draft("s1", ANA, "", form={})


def test_unsent_means_more_than_blanks_in_the_order_asked():
    book = book_with({ANA: ("note", {}), BEN: ("  \n ", {}), CY: ("later", {})})
    book.keep_text(None, "the facilitator's")
    assert book.unsent(["p-dee", CY, BEN, ANA, None]) == [CY, ANA, None]
    assert book.authors_with_text() == {ANA, CY, None}


def test_a_draft_becomes_a_note_with_its_choices():
    session = Session(
        title="Thursday",
        date="2026-12-03",
        scenario=demo_scenario(),
        facilitator="Jo",
        phases=[Phase("Warm-up", 5)],
        participants=[Participant("Ana Ruiz")],
        journey_steps=["Payouts"],
    )
    time = ManualTime()
    clock = SessionClock(session, time)
    clock.start()
    time.advance(42)
    ana = session.participants[0].id
    choices = DraftChoices("bad_day", 3, " Payouts ", "money on Friday", "")
    note = note_from(session, ana, "  Where is my money? #payouts ", choices, clock, 1000.0, phrases=[])
    assert (note.author_id, note.text, note.kind, note.severity) == (ana, "Where is my money? #payouts", "bad_day", 3)
    assert (note.journey_step, note.expected, note.happened, note.tags) == (
        "Payouts",
        "money on Friday",
        "",
        ["payouts"],
    )
    assert (note.session_seconds, note.wall_time, note.phase_id) == (42.0, 1000.0, session.phases[0].id)
    with pytest.raises(ValueError, match="A note needs some text"):
        note_from(session, ana, "   ", choices, clock, 1000.0, phrases=[])
