"""The JSON bundle: full-fidelity round trip, idempotent merge, refusal of bad bundles."""

import json

import pytest

from studygroup.bundle import bundle_dict, export_bundle, import_bundle
from studygroup.demo import create_demo
from studygroup.errors import BundleError
from studygroup.model import Draft, Observation
from studygroup.store import Store


@pytest.fixture
def demo(store):
    session = create_demo(store)
    note = store.observations(session.id)[0]
    note.text = "edited once"
    store.update_observation(note)
    store.set_deleted(store.observations(session.id)[1].id, True)
    store.save_draft(Draft(session.id, session.participants[0].id, "half typed"))
    return session


def test_export_import_export_is_identical(store, demo, tmp_path):
    first = tmp_path / "first.json"
    export_bundle(store, demo.id, first)
    with Store.open(tmp_path / "empty.db") as other:
        session, added = import_bundle(other, first)
        assert added == 60
        second = tmp_path / "second.json"
        export_bundle(other, session.id, second)
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")


def test_import_is_idempotent(store, demo, tmp_path):
    path = tmp_path / "b.json"
    export_bundle(store, demo.id, path)
    _, added = import_bundle(store, path)
    assert added == 0
    assert len(store.observations(demo.id, include_deleted=True)) == 60


def test_notes_from_another_laptop_merge(store, demo, tmp_path):
    path = tmp_path / "b.json"
    export_bundle(store, demo.id, path)
    with Store.open(tmp_path / "laptop2.db") as laptop2:
        import_bundle(laptop2, path)
        laptop2.add_observation(Observation(demo.id, "from laptop two", author_id=demo.participants[2].id))
        export_bundle(laptop2, demo.id, tmp_path / "back.json")
    _, added = import_bundle(store, tmp_path / "back.json")
    assert added == 1
    assert "from laptop two" in [o.text for o in store.observations(demo.id)]


def write(tmp_path, data, name="bad.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def good_bundle(store, session_id):
    return json.loads(json.dumps(bundle_dict(store, session_id)))


@pytest.mark.parametrize("mutate, message", [
    (lambda b: b.update(version=2), "version 2 bundle"),
    (lambda b: b.update(format="zip"), "not a studygroup bundle"),
    (lambda b: b.update(observations={}), "must be a list"),
    (lambda b: b["observations"][5].update(severity="high"), "wrong type"),
    (lambda b: b["observations"][5].update(kind="rant"), "not one studygroup knows"),
    (lambda b: b["observations"][59].update(text=None), "wrong type"),
    (lambda b: b["observations"][7].update(follow_up=1), "wrong type"),
    (lambda b: b["session"].pop("title"), "malformed"),
    (lambda b: b["session"].update(status="exploded"), "not one studygroup knows"),
])
def test_bad_bundles_are_refused_and_change_nothing(tmp_path, store, demo, mutate, message):
    bundle = good_bundle(store, demo.id)
    bundle["session"]["id"] = bundle["session"]["id"]  # same session: a merge attempt
    mutate(bundle)
    with Store.open(tmp_path / "target.db") as target:
        with pytest.raises(BundleError, match=message):
            import_bundle(target, write(tmp_path, bundle))
        assert target.list_sessions() == []


def test_truncated_json_is_refused(tmp_path, store, demo):
    text = json.dumps(bundle_dict(store, demo.id))
    with pytest.raises(BundleError, match="truncated"):
        import_bundle(store, write(tmp_path, text[: len(text) // 2]))


def test_failed_merge_leaves_database_exactly_as_before(tmp_path, store, demo):
    bundle = good_bundle(store, demo.id)
    bundle["observations"].append(dict(bundle["observations"][0], id="new-1", text="fine"))
    bundle["observations"].append(dict(bundle["observations"][0], id="new-2", session_id="elsewhere"))
    before = bundle_dict(store, demo.id)
    with pytest.raises(BundleError, match="another session"):
        import_bundle(store, write(tmp_path, bundle))
    assert bundle_dict(store, demo.id) == before


def test_missing_file_is_a_clear_error(tmp_path, store):
    with pytest.raises(BundleError, match="There is no file"):
        import_bundle(store, tmp_path / "nope.json")
