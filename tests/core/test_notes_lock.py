"""Building a note (tags, stamps, flags, validation) and the facilitator lock (PIN hash, back-off)."""

import json
import re

import pytest

from studygroup.clock import ManualTime, SessionClock
from studygroup.demo import build_demo_session
from studygroup.lock import FREE_TRIES, FacilitatorLock, PinBackoff, PinStore, wait_after
from studygroup.notes import build_observation, parse_tags, remember_journey_step


@pytest.mark.parametrize(
    "text, tags",
    [
        ("slow #Mobile page #words", ["mobile", "words"]),
        ("#trust #TRUST #trust.", ["trust"]),
        ("#café and #支払い", ["café", "支払い"]),
        ("costs #3 or &#39; or a#b", []),
        ("#long-wait- then", ["long-wait"]),
        ("no tags here", []),
    ],
)
def test_parse_tags(text, tags):
    assert parse_tags(text) == tags


@pytest.fixture
def running():
    session, _ = build_demo_session()
    session.status, session.current_phase, session.running_since = "planned", 0, None
    for phase in session.phases:
        phase.elapsed_seconds, phase.started_at, phase.ended_at = 0.0, None, None
    time = ManualTime()
    clock = SessionClock(session, time)
    clock.start()
    time.advance(70)
    clock.next_phase()
    time.advance(5)
    return session, clock, time


def note(session, clock, text, **changes):
    args = dict(
        author_id=session.participants[1].id,
        text=text,
        kind="confusion",
        severity=2,
        journey_step=" Sign-up ",
        expected="",
        happened="",
        now=1234.5,
    )
    args.update(changes)
    return build_observation(session, clock=clock, **args)


def test_a_note_is_stamped_with_author_phase_session_time_and_wall_time(running):
    session, clock, _ = running
    obs = note(session, clock, "  I couldn't find the #docs list\n")
    assert obs.text == "I couldn't find the #docs list"
    assert obs.author_id == session.participants[1].id
    assert obs.phase_id == session.phases[1].id
    assert obs.session_seconds == pytest.approx(75)
    assert obs.wall_time == 1234.5
    assert (obs.kind, obs.severity, obs.journey_step, obs.tags) == ("confusion", 2, "Sign-up", ["docs"])
    assert not obs.lingo_flag and not obs.solution_flag


def test_flags_come_from_the_nudges_including_the_classic_fields(running):
    session, clock, _ = running
    assert note(session, clock, "The KYC screen").lingo_flag
    assert note(session, clock, "Hmm", happened="we should add a skip button").solution_flag
    assert note(session, clock, "Hmm", expected="a #Calm page").tags == ["calm"]


@pytest.mark.parametrize("text", ["", "   ", "\n\t\n"])
def test_an_empty_note_is_refused_in_one_sentence(running, text):
    session, clock, _ = running
    with pytest.raises(ValueError, match=r"^A note needs some text: write what happened, then save\.$"):
        note(session, clock, text)


def test_unknown_kind_and_severity_are_refused(running):
    session, clock, _ = running
    with pytest.raises(ValueError, match="kind"):
        note(session, clock, "x", kind="rant")
    with pytest.raises(ValueError, match="severity"):
        note(session, clock, "x", severity=4)


def test_journey_steps_grow_without_case_duplicates(running):
    session, _, _ = running
    count = len(session.journey_steps)
    assert remember_journey_step(session, " sign-UP ") == "Sign-up"
    assert remember_journey_step(session, "Refund a customer") == "Refund a customer"
    assert remember_journey_step(session, "") == ""
    assert session.journey_steps[count:] == ["Refund a customer"]


# --- the lock -----------------------------------------------------------------


@pytest.fixture
def pins(store):
    time = ManualTime()
    return PinStore(store, time.wall), time


def test_the_pin_is_stored_only_as_a_salted_scrypt_hash(pins, store):
    pin_store, _ = pins
    assert not pin_store.has_pin()
    pin_store.set_pin("4821")
    assert pin_store.has_pin()
    raw = store.db.connection.execute("SELECT value FROM settings WHERE key='facilitator_pin'").fetchone()[0]
    assert "4821" not in raw
    record = json.loads(raw)
    assert len(bytes.fromhex(record["salt"])) == 16 and record["n"] >= 2**14
    first_hash = record["hash"]
    pin_store.set_pin("4821")  # same PIN, new salt, new hash
    raw = store.db.connection.execute("SELECT value FROM settings WHERE key='facilitator_pin'").fetchone()[0]
    assert json.loads(raw)["hash"] != first_hash
    assert pin_store.check_pin("4821") and not pin_store.check_pin("4822")


def test_a_short_pin_is_refused(pins):
    with pytest.raises(ValueError, match="at least 4"):
        pins[0].set_pin(" 12 ")


def test_wrong_pins_back_off_after_the_free_tries(pins):
    pin_store, time = pins
    pin_store.set_pin("4821")
    for _ in range(FREE_TRIES - 1):
        assert pin_store.check_pin("0000") is False
        assert pin_store.seconds_to_wait() == 0
    assert pin_store.check_pin("0000") is False
    assert pin_store.seconds_to_wait() == wait_after(FREE_TRIES) == 2
    with pytest.raises(PinBackoff, match="wait 2 seconds"):
        pin_store.check_pin("4821")  # even the right PIN waits
    time.advance(2)
    assert pin_store.check_pin("0000") is False
    assert pin_store.seconds_to_wait() == 4  # doubles
    time.advance(4)
    assert pin_store.check_pin("4821") is True
    assert pin_store.seconds_to_wait() == 0  # the right PIN resets the count
    assert wait_after(100) == 300  # capped


def test_the_back_off_survives_a_restart(pins, store):
    pin_store, time = pins
    pin_store.set_pin("4821")
    for _ in range(FREE_TRIES):
        pin_store.check_pin("0000")
    again = PinStore(store, time.wall)
    assert again.seconds_to_wait() == 2


def test_without_a_pin_nothing_is_locked(pins):
    lock = FacilitatorLock(pins[0])
    assert not lock.locked
    with pytest.raises(ValueError, match="Set a facilitator PIN"):
        lock.lock()
    assert not lock.locked


def test_participant_mode_locks_until_the_pin(pins):
    pin_store, _ = pins
    lock = FacilitatorLock(pin_store)
    pin_store.set_pin("4821")
    assert not lock.locked  # a PIN alone does not lock
    lock.lock()
    assert lock.locked
    assert lock.unlock("1111") is False and lock.locked
    assert lock.unlock("4821") is True
    assert not lock.locked


def test_clearing_the_pin_unlocks(pins):
    pin_store, _ = pins
    lock = FacilitatorLock(pin_store)
    pin_store.set_pin("4821")
    lock.lock()
    pin_store.clear_pin()
    assert not pin_store.has_pin() and not lock.locked


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"text": "y" * 10_001}, "A note can hold 10,000 characters; this one has 10,001. Shorten it or split it"),
        ({"journey_step": "s" * 201}, "A journey step can hold 200 characters; this one has 201."),
        ({"happened": "h" * 10_001}, "\u201cWhat happened\u201d can hold 10,000 characters"),
        ({"text": "see #" + "t" * 101}, "A tag can have 100 characters; #tttttttttttttttttttt\u2026 has 101."),
        ({"text": " ".join(f"#t{i}" for i in range(51))}, "A note can carry 50 tags; this one has 51."),
    ],
)
def test_a_note_past_the_limits_is_refused_with_a_sentence_for_the_typist(running, changes, message):
    session, clock, _ = running
    changes = dict(changes)  # the parameter itself is shared by every run of this test in one process
    text = changes.pop("text", "an ordinary note")
    with pytest.raises(ValueError, match=re.escape(message)):
        note(session, clock, text, **changes)


def test_a_note_at_the_limits_is_fine(running):
    session, clock, _ = running
    obs = note(session, clock, "y" * 10_000, journey_step="s" * 200)
    assert len(obs.text) == 10_000 and len(obs.journey_step) == 200
