"""Renaming and merging journey steps and tags keeps every previous version."""

import pytest

from studygroup.curation import rename_journey_step, rename_tag, set_follow_up
from studygroup.demo import create_demo
from studygroup.errors import StudygroupError
from studygroup.summary import summarise


def journey_step_counts(store, session_id):
    return summarise(store.load_session(session_id), store.observations(session_id)).step_counts


def tag_counts(store, session_id):
    return summarise(store.load_session(session_id), store.observations(session_id)).tag_counts


@pytest.fixture
def demo(store):
    return create_demo(store)


def test_rename_step_changes_notes_and_keeps_versions(store, demo):
    before = journey_step_counts(store, demo.id)["Payouts"]
    changed = rename_journey_step(store, demo, "Payouts", "Getting paid")
    assert changed >= before
    counts = journey_step_counts(store, demo.id)
    assert "Payouts" not in counts and counts["Getting paid"] == before
    note = next(o for o in store.observations(demo.id) if o.journey_step == "Getting paid")
    assert store.observation_versions(note.id)[-1].journey_step == "Payouts"
    expected = ["Sign-up", "Verify identity", "Add bank account", "Create checkout", "Test payment", "Getting paid"]
    assert store.load_session(demo.id).journey_steps == expected
    assert demo.journey_steps == expected  # the session in memory follows the store


def test_a_failed_rename_changes_neither_the_notes_nor_the_list(store, demo, monkeypatch):
    def refuse(*args):
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(store, "rename_journey_step", refuse)
    with pytest.raises(RuntimeError):
        rename_journey_step(store, demo, "Payouts", "Getting paid")
    assert "Getting paid" not in journey_step_counts(store, demo.id)  # the notes' renames were rolled back
    assert demo.journey_steps[-1] == "Payouts"


def test_merge_steps_adds_counts(store, demo):
    counts = journey_step_counts(store, demo.id)
    rename_journey_step(store, demo, "Test payment", "Create checkout")
    merged = journey_step_counts(store, demo.id)
    assert merged["Create checkout"] == counts["Create checkout"] + counts["Test payment"]
    merged_list = ["Sign-up", "Verify identity", "Add bank account", "Create checkout", "Payouts"]
    assert store.load_session(demo.id).journey_steps == merged_list


def test_rename_tag_merges_without_duplicates(store, demo):
    counts = tag_counts(store, demo.id)
    rename_tag(store, demo.id, "words", "#money")
    after = tag_counts(store, demo.id)
    assert "words" not in after
    assert after["money"] <= counts["money"] + counts["words"]
    assert all(len(o.tags) == len(set(o.tags)) for o in store.observations(demo.id))


def test_empty_new_name_is_refused(store, demo):
    with pytest.raises(StudygroupError, match="empty"):
        rename_tag(store, demo.id, "words", "   ")


def test_follow_up_tick(store, demo):
    note = store.observations(demo.id)[3]
    set_follow_up(store, demo.id, note.id, not note.follow_up)
    assert store.observations(demo.id)[3].follow_up is (not note.follow_up)
