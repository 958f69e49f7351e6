"""Hostile text goes through the store and the bundle round trip exactly as typed."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studygroup.exchange.bundle import export_bundle, import_bundle
from studygroup.limits import MAX_LABEL, MAX_NAME, MAX_NOTE
from studygroup.model import Observation, Participant, Scenario, Session
from studygroup.storage.store import Store
from tests.hostile import corpus


def hostile_session(names):
    return Session(
        "Hostile <&> session",
        "2026-11-25",
        "Fac <b>",
        Scenario("Co & <Co>", "who", "what"),
        participants=[Participant(n or "x", d) for n, d in names],
    )


def test_every_hostile_string_round_trips_through_store_and_bundle(tmp_path):
    # Everything within the limits; the longest note the format allows stands in for the 1 MB one.
    strings = [s for s in corpus(include_huge=False) if len(s) <= MAX_NOTE] + ["y" * MAX_NOTE]
    with Store.open(tmp_path / "a.db") as store:
        session = hostile_session([(s[:MAX_NAME], s[:MAX_LABEL]) for s in strings[:40]])
        store.save_session(session)
        for i, text in enumerate(strings):
            store.add_observation(
                Observation(
                    session.id,
                    text,
                    session_seconds=i,
                    journey_step=text[:40],
                    tags=[text[:20]],
                    expected=text[:50],
                    happened=text[-50:],
                )
            )
        back = store.observations(session.id)
        assert [o.text for o in back] == strings
        assert store.load_session(session.id).participants == session.participants
        export_bundle(store, session.id, tmp_path / "b.json")
    with Store.open(tmp_path / "c.db") as other:
        assert import_bundle(other, tmp_path / "b.json").new_notes == len(strings)
        assert [o.text for o in other.observations(session.id)] == strings
        assert [(o.journey_step, o.tags) for o in other.observations(session.id)] == [
            (o.journey_step, o.tags) for o in back
        ]


note_text = st.text(max_size=300)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    texts=st.lists(note_text, min_size=1, max_size=8),
    kind=st.sampled_from(["friction", "confusion", "bad_day", "delight", "question", "idea"]),
    severity=st.integers(1, 3),
    tags=st.lists(st.text(max_size=20), max_size=4),
    follow_up=st.booleans(),
)
def test_store_and_bundle_round_trip_property(tmp_path_factory, texts, kind, severity, tags, follow_up):
    folder = tmp_path_factory.mktemp("prop")
    with Store.open(folder / "a.db") as store:
        session = hostile_session([("P", "")])
        store.save_session(session)
        saved = [
            store.add_observation(
                Observation(
                    session.id, t, kind=kind, severity=severity, tags=tags, follow_up=follow_up, session_seconds=i
                )
            )
            for i, t in enumerate(texts)
        ]
        assert store.observations(session.id) == saved
        export_bundle(store, session.id, folder / "b.json")
    with Store.open(folder / "c.db") as other:
        import_bundle(other, folder / "b.json")
        assert other.observations(session.id) == saved
        export_bundle(other, session.id, folder / "d.json")
    assert json.loads((folder / "b.json").read_text("utf-8")) == json.loads((folder / "d.json").read_text("utf-8"))


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"{",
        b"\xff\xfe\x00",
        b"[]",
        b"null",
        b'{"format": "studygroup-bundle"}',
        b'{"format": "studygroup-bundle", "version": "1"}',
    ],
)
def test_malformed_bundles_leave_database_unchanged(tmp_path, store, garbage):
    from studygroup.errors import BundleError

    path = tmp_path / "g.json"
    path.write_bytes(garbage)
    with pytest.raises(BundleError):
        import_bundle(store, path)
    assert store.list_sessions() == []


def test_the_store_refuses_what_the_format_forbids_and_writes_nothing(store):
    from studygroup.errors import InvalidRecord

    session = hostile_session([("P", "")])
    store.save_session(session)
    for note, message in (
        (Observation(session.id, "y" * (MAX_NOTE + 1)), r"^note\.text: is 10,001 characters"),
        (Observation(session.id, "ok \udc80"), r"^note\.text: the text has a lone surrogate"),
        (Observation(session.id, "ok", severity=7), r"^note\.severity: 7 is not one of 1, 2, 3"),
    ):
        with pytest.raises(InvalidRecord, match=message):
            store.add_observation(note)
    session.title = "t" * 201
    with pytest.raises(InvalidRecord, match=r"^session\.title: is 201 characters long; the most is 200\.$"):
        store.save_session(session)
    assert store.observations(session.id) == [] and store.load_session(session.id).title != session.title
