"""The bundle validator on hand-written bundles: what passes, and the exact sentence for what does not."""

import json

import pytest

from studygroup.errors import BundleError, InvalidRecord
from studygroup.exchange import bundle_check
from studygroup.exchange.bundle_check import check_bundle, read_bundle
from studygroup.records import check_record

SESSION = "0b0b0b0b-0000-4000-8000-000000000001"
DANA = "0b0b0b0b-0000-4000-8000-000000000002"
SAM = "0b0b0b0b-0000-4000-8000-000000000003"
PHASE = "0b0b0b0b-0000-4000-8000-000000000004"
NOTE = "0b0b0b0b-0000-4000-8000-000000000005"
STRANGER = "0b0b0b0b-0000-4000-8000-000000000009"
KINDS = '"friction", "confusion", "bad_day", "delight", "question", "idea"'
STATUSES = '"planned", "running", "paused", "ended"'


def minimal() -> dict:
    """The least a bundle can be: no people, no phases, no notes, no drafts."""
    return {
        "format": "studygroup-bundle",
        "version": 1,
        "session": {
            "id": SESSION,
            "title": "Tuesday",
            "date": "2026-03-03",
            "facilitator": "Jo",
            "scenario": {"company": "Co", "who_they_are": "A baker", "outcome_problem": "Get paid"},
        },
        "observations": [],
    }


def full() -> dict:
    """Two people, one phase, one note with an earlier version, and a draft each for Dana and the facilitator."""
    bundle = minimal()
    bundle["session"].update(
        participants=[{"id": DANA, "name": "Dana"}, {"id": SAM, "name": "Sam"}],
        phases=[{"id": PHASE, "name": "Explore", "planned_minutes": 30}],
        current_phase=0,
    )
    note = {"id": NOTE, "session_id": SESSION, "text": "the form", "kind": "friction", "severity": 2}
    note.update(author_id=DANA, phase_id=PHASE, session_seconds=12.5)
    note["versions"] = [{"id": NOTE, "session_id": SESSION, "text": "the frm", "author_id": DANA, "phase_id": PHASE}]
    bundle["observations"] = [note]
    bundle["drafts"] = [{"author_id": DANA, "text": "half"}, {"author_id": None, "text": "mine"}]
    return bundle


def refusal(bundle: dict) -> str:
    with pytest.raises(BundleError) as raised:
        check_bundle(bundle)
    return str(raised.value)


def test_the_least_a_bundle_can_be_passes():
    check_bundle(minimal())


def test_a_bundle_with_drafts_from_a_person_and_the_facilitator_passes():
    check_bundle(full())


@pytest.mark.parametrize(
    ("change", "sentence"),
    [
        (
            lambda b: b.update(format="zip"),
            'This file is not a studygroup bundle (its "format" is not "studygroup-bundle").',
        ),
        (lambda b: b.pop("observations"), "observations: is missing."),
        (lambda b: b["session"].update(current_phase=1), "session.current_phase: 1 is past the last of 1 phases."),
        (
            lambda b: b["session"]["participants"].append({"id": DANA, "name": "Dana again"}),
            f"session.participants[2].id: {DANA} appears twice; ids must be unique.",
        ),
        (
            lambda b: b["session"]["phases"].append({"id": PHASE, "name": "Again", "planned_minutes": 5}),
            f"session.phases[1].id: {PHASE} appears twice; ids must be unique.",
        ),
        (
            lambda b: b["observations"][0].update(author_id=STRANGER),
            f"observations[0].author_id: {STRANGER} is not a participant of this session.",
        ),
        (
            lambda b: b["observations"][0]["versions"][0].update(phase_id=STRANGER),
            f"observations[0].versions[0].phase_id: {STRANGER} is not a phase of this session.",
        ),
        (
            lambda b: b["drafts"][0].update(author_id=STRANGER),
            f"drafts[0].author_id: {STRANGER} is not a participant of this session.",
        ),
        (
            lambda b: b["drafts"].append({"author_id": None, "text": "again"}),
            "drafts[2].author_id: this person already has a draft in the bundle.",
        ),
        (
            lambda b: b["observations"][0].update(text="ab\udc80c"),
            "observations[0].text: the text has a lone surrogate (\\udc80) at character 3, which is not valid Unicode.",
        ),
        (lambda b: b["session"].update({"odd key": 1}), 'session["odd key"]: is not a field this format knows.'),
        (lambda b: b["session"].update({"k" * 40: 1}), f"session.{'k' * 40}: is not a field this format knows."),
        (
            lambda b: b["session"].update({"k" * 41: 1}),
            f'session["{"k" * 39}\u2026]: is not a field this format knows.',
        ),
        (lambda b: b["session"].update(date="next Friday"), 'session.date: "next Friday" is not a date (YYYY-MM-DD).'),
        (lambda b: b["session"].update(id="s-1"), 'session.id: "s-1" is not a UUID.'),
        (lambda b: b["session"].update(title=["Tuesday"]), "session.title: a list is not text."),
        (lambda b: b["session"].update(title={"en": "Tuesday"}), "session.title: an object is not text."),
        (
            lambda b: b["observations"][0].update(kind="\udc80"),
            f'observations[0].kind: "\\udc80" is not one of {KINDS}.',
        ),
        (
            lambda b: b["session"].update(status="x" * 50),
            f'session.status: "{"x" * 39}\u2026 is not one of {STATUSES}.',
        ),
        (
            lambda b: b["session"].update(status="x" * 38),  # 40 characters with its quotes: shown whole
            f'session.status: "{"x" * 38}" is not one of {STATUSES}.',
        ),
        (lambda b: b["session"].update(status="fini"), f'session.status: "fini" is not one of {STATUSES}.'),
        (lambda b: b["session"].update(status="é"), f'session.status: "é" is not one of {STATUSES}.'),
        (
            lambda b: b["session"]["phases"][0].update(planned_minutes=0),
            "session.phases[0].planned_minutes: 0 is out of range (above 0 to 1,440).",
        ),
        (
            lambda b: b["observations"][0].update(session_seconds=-1),
            "observations[0].session_seconds: -1 is out of range (from 0 to 10,000,000).",
        ),
        (
            lambda b: b["session"].update(running_since="soon"),
            'session.running_since: "soon" is not a number or null.',
        ),
        (lambda b: b["observations"][0].update(author_id=5), "observations[0].author_id: 5 is not a UUID or null."),
        (
            lambda b: b["session"]["participants"][0].update(roster_id=[]),
            "session.participants[0].roster_id: a list is not a UUID or null.",
        ),
        (
            lambda b: b["observations"][0].update(phase_id="p-1"),
            'observations[0].phase_id: "p-1" is not a UUID.',
        ),
        (lambda b: b["session"].update(title=""), "session.title: must not be empty."),
    ],
)
def test_each_refusal_is_one_exact_sentence(change, sentence):
    bundle = full()
    change(bundle)
    assert refusal(bundle) == sentence


def test_current_phase_counts_against_at_least_one_phase():
    bundle = minimal()
    bundle["session"]["current_phase"] = 1
    assert refusal(bundle) == "session.current_phase: 1 is past the last of 0 phases."


def test_the_store_hears_the_same_sentences_under_its_own_name():
    with pytest.raises(InvalidRecord) as raised:
        check_record("draft", {"author_id": None, "text": "x", "form": {"mood": "sad"}}, "draft")
    assert str(raised.value) == "draft.form.mood: is not a field this format knows."


# --- reading a file --------------------------------------------------------------------------------


def write(tmp_path, content, name="b.json"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def read_refusal(path) -> str:
    with pytest.raises(BundleError) as raised:
        read_bundle(path)
    return str(raised.value)


def test_a_large_bundle_is_read_whole(tmp_path):
    text = json.dumps(minimal()) + " " * (3 << 19)  # 1.5 MiB: read in more than one piece
    assert read_bundle(write(tmp_path, text)) == minimal()


def test_a_folder_and_a_path_through_a_file_are_one_sentence(tmp_path):
    assert read_refusal(tmp_path) == f"{tmp_path} is a folder, not a bundle."
    through = write(tmp_path, "{}", "plain") / "b.json"
    assert read_refusal(through) == f"{through} cannot be read: Not a directory."


@pytest.mark.parametrize(
    ("content", "sentence"),
    [
        (b"{\xff}", "{path} is not UTF-8 text (byte 1); it is not a bundle."),
        (
            "{",
            "{path} is not valid JSON (line 1, column 2: Expecting property name enclosed in double quotes);"
            " it may be truncated.",
        ),
        ("[" * 100_000, "{path} is nested too deeply to be a bundle."),
        ('{"a": NaN}', "{path}: NaN is not a number a bundle may hold."),
        ('{"a": 1e400}', "{path}: the number 1e400 is too large to be a number studygroup keeps."),
    ],
)
def test_unreadable_text_names_the_file(tmp_path, content, sentence):
    path = write(tmp_path, content)
    assert read_refusal(path) == sentence.format(path=path)


def test_the_byte_cap_is_inclusive_and_said_in_megabytes(tmp_path, monkeypatch):
    monkeypatch.setattr(bundle_check, "MAX_BUNDLE_BYTES", 3 << 20)
    assert read_refusal("/dev/zero") == "/dev/zero is larger than 3 MB; it is not a bundle."
    monkeypatch.setattr(bundle_check, "MAX_BUNDLE_BYTES", 1024)
    exactly = write(tmp_path, json.dumps(minimal()).ljust(1024))
    assert read_bundle(exactly) == minimal()  # at the cap is still allowed
