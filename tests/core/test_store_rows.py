"""The store methods bundles, the roster and the lock use instead of SQL of their own."""

import datetime

import pytest

from studygroup.model import Draft, Observation, Participant, RosterPerson, Scenario, Session
from studygroup.storage.backup import backup_dir
from studygroup.storage.store import Store


def saved_session(store, people=()) -> Session:
    session = Session("Pilot", "2026-11-25", "Jordan", Scenario("A", "b", "c"), participants=list(people))
    store.save_session(session)
    return session


def test_put_observations_keeps_the_notes_own_stamps_and_replaces_by_id(store):
    session = saved_session(store)
    note = Observation(session.id, "from the other laptop", wall_time=100.0, updated_at=200.0)
    store.put_observations([note])
    assert store.find_observation(note.id) == note  # not re-stamped with the store's clock
    note.text, note.updated_at = "edited there later", 300.0
    store.put_observations([note])
    found = store.find_observation(note.id)
    assert (found.text, found.updated_at) == ("edited there later", 300.0)
    assert store.observation_versions(note.id) == []  # keeping versions is the caller's choice


def test_find_observation_returns_none_for_an_unknown_id(store):
    assert store.find_observation("no-such-note") is None


def test_add_versions_numbers_versions_after_the_existing_ones(store):
    session = saved_session(store)
    note = store.add_observation(Observation(session.id, "first"))
    note.text = "second"
    store.update_observation(note)  # version 1 is "first"
    store.add_versions([(Observation(session.id, "from a bundle", id=note.id), 5.0)])
    assert [v.text for v in store.observation_versions(note.id)] == ["first", "from a bundle"]


def test_add_missing_drafts_leaves_a_local_draft_alone(store):
    ada = Participant("Ada")
    session = saved_session(store, [ada])
    store.save_draft(Draft(session.id, ada.id, "typed here"))
    incoming = [Draft(session.id, ada.id, "typed there"), Draft(session.id, None, "the facilitator's", form={"k": 1})]
    assert store.add_missing_drafts(incoming) == 1
    drafts = store.drafts(session.id)
    assert {author: d.text for author, d in drafts.items()} == {ada.id: "typed here", None: "the facilitator's"}
    assert (drafts[None].updated_at, drafts[None].form) == (0.0, {"k": 1})


def test_roster_people_come_back_by_name_ignoring_case(store):
    store.add_to_roster([RosterPerson("bo", "Sales", id="b"), RosterPerson("Ada", "Eng", id="a")])
    assert store.roster() == [RosterPerson("Ada", "Eng", id="a"), RosterPerson("bo", "Sales", id="b")]
    assert store.on_roster("a") is True
    assert store.on_roster("z") is False


def test_recount_participation_counts_each_session_in_the_given_statuses_once(store):
    ada = RosterPerson("Ada")
    store.add_to_roster([ada])
    for status, created in (("running", 10.0), ("ended", 20.0), ("planned", 30.0)):
        session = Session("S", "2026-01-01", "", Scenario("A", "b", "c"), status=status, created_at=created)
        session.participants = [Participant("Ada", roster_id=ada.id)]
        store.save_session(session)
    store.recount_participation([ada.id], ("running", "paused", "ended"))
    store.recount_participation([ada.id], ("running", "paused", "ended"))  # a recount, never an increment
    person = store.roster()[0]
    assert (person.sessions_attended, person.last_session_at) == (2, 20.0)


def test_settings_hold_json_values_and_none_removes_them(store):
    assert store.setting("pin_failures") is None
    store.put_setting("pin_failures", {"count": 2, "last": 12.5})
    assert store.setting("pin_failures") == {"count": 2, "last": 12.5}
    store.put_setting("pin_failures", None)
    assert store.setting("pin_failures") is None


def test_settings_outlive_the_connection(tmp_path):
    with Store.open(tmp_path / "s.db") as store:
        store.put_setting("participant_mode", True)
    with Store.open(tmp_path / "s.db") as again:
        assert again.setting("participant_mode") is True


def test_atomic_commits_several_calls_together_or_none(store):
    session = saved_session(store)
    with store.atomic():
        store.add_journey_step(session.id, "Refund")
        store.put_setting("participant_mode", True)
    with pytest.raises(RuntimeError), store.atomic():
        store.add_journey_step(session.id, "Lost")
        store.put_setting("participant_mode", None)
        raise RuntimeError("a failure after both writes")
    assert store.load_session(session.id).journey_steps == ["Refund"]
    assert store.setting("participant_mode") is True


def test_backup_copies_the_open_database_and_keeps_the_newest(store):
    session = saved_session(store)
    start = datetime.datetime(2026, 1, 1, 9, 0)
    made = [store.backup(keep=2, now=start + datetime.timedelta(days=day)) for day in range(3)]
    assert sorted(backup_dir(store.path).iterdir()) == made[1:]
    assert made[2].name == "test-20260103-090000-000000.db"
    with Store.open(made[2], create=False) as copy:
        assert copy.load_session(session.id).title == "Pilot"
