"""Follow-up states in bundles: they travel whole, the newer state wins a merge, bad ones are refused."""

from __future__ import annotations

import json

import pytest

from studygroup.errors import BundleError
from studygroup.exchange.bundle import bundle_dict, export_bundle, import_bundle
from studygroup.followups import mark_filed, update_follow_up
from studygroup.model import FollowUpState, Observation, Participant, Phase, Scenario, Session
from studygroup.storage.store import Store


def small_session() -> Session:
    return Session(
        "Zoë's group",
        "2026-03-03",
        "Jo",
        Scenario("Co", "A baker", "Get paid"),
        phases=[Phase("Explore", 30)],
        participants=[Participant("Dana")],
    )


def laptop_with_two_ideas(path, now: float) -> tuple[Store, Session, list[Observation]]:
    store = Store.open(path, now=lambda: now)
    session = small_session()
    store.save_session(session)
    ideas = [
        store.add_observation(Observation(session.id, f"idea {n}", kind="idea", session_seconds=n)) for n in (1, 2)
    ]
    return store, session, ideas


def test_owner_status_and_link_survive_export_and_import_into_a_fresh_database(tmp_path):
    store, session, ideas = laptop_with_two_ideas(tmp_path / "a.db", now=500.0)
    with store:
        update_follow_up(store, session.id, ideas[0].id, owner="Ada", status="fixed", link="https://x.example/AB-1")
        export_bundle(store, session.id, tmp_path / "first.json")
    with Store.open(tmp_path / "fresh.db") as fresh:
        report = import_bundle(fresh, tmp_path / "first.json")
        assert (report.follow_ups_added, report.follow_ups_updated) == (1, 0)
        assert report.lines()[1] == "Also: 1 follow-up state added."
        assert fresh.follow_up_states(session.id) == {
            ideas[0].id: FollowUpState(ideas[0].id, "Ada", "fixed", "https://x.example/AB-1", 500.0)
        }
        export_bundle(fresh, session.id, tmp_path / "second.json")
    assert (tmp_path / "first.json").read_bytes() == (tmp_path / "second.json").read_bytes()


def test_a_state_is_in_its_note_and_a_note_without_one_has_no_such_field(tmp_path):
    """Only notes with a state carry the field, so a bundle with none stays readable by an older studygroup."""
    store, session, ideas = laptop_with_two_ideas(tmp_path / "a.db", now=500.0)
    with store:
        mark_filed(store, session.id, ideas[1].id, "https://x.example/AB-2")
        store.set_deleted(ideas[1].id, True)  # a deleted note keeps its state, in the bundle too
        notes = bundle_dict(store, session.id)["observations"]
    assert "follow_up_state" not in notes[0]
    assert notes[1]["follow_up_state"] == {
        "link": "https://x.example/AB-2",
        "owner": "",
        "status": "filed",
        "updated_at": 500.0,
    }


def share(store: Store, session: Session, path) -> None:
    export_bundle(store, session.id, path)


def test_the_newer_state_wins_and_the_same_bundle_twice_changes_nothing(tmp_path):
    laptop1, session, ideas = laptop_with_two_ideas(tmp_path / "a.db", now=500.0)
    with laptop1:
        mark_filed(laptop1, session.id, ideas[0].id, "https://x.example/mine")
        update_follow_up(laptop1, session.id, ideas[1].id, owner="Sam")
        share(laptop1, session, tmp_path / "one.json")
        with Store.open(tmp_path / "b.db", now=lambda: 900.0) as laptop2:  # changes both later
            import_bundle(laptop2, tmp_path / "one.json")
            update_follow_up(laptop2, session.id, ideas[0].id, status="fixed", link="https://x.example/theirs")
            update_follow_up(laptop2, session.id, ideas[1].id, owner="Sam")  # the same state, stamped later
            share(laptop2, session, tmp_path / "two.json")
        report = import_bundle(laptop1, tmp_path / "two.json")
        assert (report.follow_ups_added, report.follow_ups_updated) == (0, 1)
        assert report.lines()[1] == "Also: 1 follow-up state updated from newer changes."
        states = laptop1.follow_up_states(session.id)
        assert (states[ideas[0].id].status, states[ideas[0].id].link) == ("fixed", "https://x.example/theirs")
        assert states[ideas[1].id] == FollowUpState(ideas[1].id, "Sam", "open", "", 500.0)
        again = import_bundle(laptop1, tmp_path / "two.json")
        assert (again.follow_ups_added, again.follow_ups_updated) == (0, 0)


def test_an_older_state_from_another_laptop_does_not_replace_ours(tmp_path):
    laptop1, session, ideas = laptop_with_two_ideas(tmp_path / "a.db", now=500.0)
    with laptop1:
        share(laptop1, session, tmp_path / "one.json")
        with Store.open(tmp_path / "b.db", now=lambda: 100.0) as laptop2:  # its clock is far behind
            import_bundle(laptop2, tmp_path / "one.json")
            update_follow_up(laptop2, session.id, ideas[0].id, owner="Old news")
            share(laptop2, session, tmp_path / "two.json")
        update_follow_up(laptop1, session.id, ideas[0].id, owner="Ada")
        report = import_bundle(laptop1, tmp_path / "two.json")
        assert (report.follow_ups_added, report.follow_ups_updated) == (0, 0)
        assert laptop1.find_follow_up_state(ideas[0].id).owner == "Ada"


@pytest.mark.parametrize(
    "state, sentence",
    [
        (
            {"status": "filed", "link": "ftp://x.example/1", "updated_at": 1.0},
            'observations[0].follow_up_state.link: "ftp://x.example/1" is not a web address starting with '
            "http:// or https://.",
        ),
        (
            {"status": "closed", "updated_at": 1.0},
            'observations[0].follow_up_state.status: "closed" is not one of "open", "filed", "fixed", "wont_fix".',
        ),
        ({"owner": "Ada", "updated_at": 1.0}, "observations[0].follow_up_state.status: is missing."),
        (
            {"status": "open", "updated_at": 1.0, "priority": "High"},
            "observations[0].follow_up_state.priority: is not a field this format knows.",
        ),
        (
            {"status": "open", "owner": "Ada\nLovelace", "updated_at": 1.0},
            "observations[0].follow_up_state.owner: must be one line, without tabs or control characters.",
        ),
    ],
)
def test_a_bad_state_refuses_the_bundle_and_changes_nothing(tmp_path, state, sentence):
    store, session, _ = laptop_with_two_ideas(tmp_path / "a.db", now=500.0)
    with store:
        bundle = bundle_dict(store, session.id)
    bundle["observations"][0]["follow_up_state"] = state
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    with Store.open(tmp_path / "fresh.db") as fresh:
        with pytest.raises(BundleError) as refused:
            import_bundle(fresh, path)
        assert str(refused.value) == sentence
        assert not fresh.has_session(session.id)


def test_a_version_of_a_note_carries_no_state(tmp_path):
    store, session, ideas = laptop_with_two_ideas(tmp_path / "a.db", now=500.0)
    with store:
        ideas[0].text = "edited"
        store.update_observation(ideas[0])
        bundle = bundle_dict(store, session.id)
    bundle["observations"][0]["versions"][0]["follow_up_state"] = {"status": "open", "updated_at": 1.0}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    with Store.open(tmp_path / "fresh.db") as fresh, pytest.raises(BundleError) as refused:
        import_bundle(fresh, path)
    assert str(refused.value) == "observations[0].versions[0].follow_up_state: is not a field this format knows."


def test_each_state_is_counted_and_a_tie_keeps_the_state_here(tmp_path):
    """Two states come in and both count; a different state stamped at the same moment does not replace ours."""
    laptop1, session, ideas = laptop_with_two_ideas(tmp_path / "a.db", now=500.0)
    with laptop1:
        for idea in ideas:
            update_follow_up(laptop1, session.id, idea.id, owner="Ada")
        share(laptop1, session, tmp_path / "one.json")
        with Store.open(tmp_path / "b.db", now=lambda: 500.0) as laptop2:  # the same clock reading
            report = import_bundle(laptop2, tmp_path / "one.json")
            assert (report.follow_ups_added, report.follow_ups_updated) == (2, 0)
            for idea in ideas:
                update_follow_up(laptop2, session.id, idea.id, owner="Bo")
            share(laptop2, session, tmp_path / "two.json")
        report = import_bundle(laptop1, tmp_path / "two.json")
        assert (report.follow_ups_added, report.follow_ups_updated) == (0, 0)
        assert [s.owner for s in laptop1.follow_up_states(session.id).values()] == ["Ada", "Ada"]
        with Store.open(tmp_path / "c.db", now=lambda: 700.0) as laptop3:  # later than both
            import_bundle(laptop3, tmp_path / "two.json")
            for idea in ideas:
                update_follow_up(laptop3, session.id, idea.id, owner="Cy")
            share(laptop3, session, tmp_path / "three.json")
        report = import_bundle(laptop1, tmp_path / "three.json")
        assert (report.follow_ups_added, report.follow_ups_updated) == (0, 2)
