"""Every bundle either imports and then exports in all four formats, or is refused in one line
with the database unchanged. Hypothesis mutates a real bundle at random paths."""

from __future__ import annotations

import json
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studygroup.demo import create_demo
from studygroup.errors import BundleError
from studygroup.exchange.bundle import bundle_dict, export_bundle, import_bundle
from studygroup.export.exporters import export
from studygroup.model import Draft
from studygroup.storage.store import Store

# Values a careless tool or an old version might write where anything is expected.
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
    | st.sampled_from(["\udc80", "friction", "ended", str(uuid.uuid4()), "", 1.0, 4, -1]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=6,
)


def paths(value, prefix=()):
    """Every path to a value inside a bundle (keys and list indexes)."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value[:3]):  # the first few items stand for the rest
            yield from paths(item, prefix + (index,))


def _dicts(bundle, *keys) -> list[dict]:
    """The objects under *keys*, whatever earlier mutations left there."""
    value = bundle
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return [item for item in value[:3] if isinstance(item, dict)] if isinstance(value, list) else []


def mutate(bundle: dict, data) -> dict:
    """Replace, delete or add one thing somewhere in the bundle."""
    candidates = [p for p in paths(bundle) if p]
    path = data.draw(st.sampled_from(candidates))
    parent = bundle
    for part in path[:-1]:
        parent = parent[part]
    action = data.draw(st.sampled_from(["replace", "delete", "add", "copy_id", "break_text"]))
    last = path[-1]
    if action == "break_text" and isinstance(parent[last], str):  # invalid Unicode, or past the limits
        parent[last] = data.draw(
            st.sampled_from(
                [parent[last] + "\udc80", "\ud800" + parent[last], parent[last] * 3000, "\u202e" + parent[last]]
            )
        )
    elif action == "replace":
        parent[last] = data.draw(json_values)
    elif action == "delete":
        del parent[last]
    elif action == "add" and isinstance(parent, dict):
        parent[data.draw(st.text(min_size=1, max_size=12))] = data.draw(json_values)
    elif action == "copy_id" and isinstance(parent, dict) and "id" in parent:
        ids = [
            item["id"]
            for item in _dicts(bundle, "session", "participants") + _dicts(bundle, "observations")
            if "id" in item
        ]
        if ids:
            parent["id"] = data.draw(st.sampled_from(ids))
    return bundle


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(data=st.data())
def test_a_mutated_bundle_imports_and_exports_or_is_refused_in_one_line(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("mutant")
    with Store.open(folder / "source.db") as source:
        session = create_demo(source)
        source.save_draft(Draft(session.id, session.participants[0].id, "half typed"))
        bundle = json.loads(json.dumps(bundle_dict(source, session.id)))
    for _ in range(data.draw(st.integers(1, 3))):
        bundle = mutate(bundle, data)
    path = folder / "mutant.json"
    path.write_text(json.dumps(bundle), encoding="ascii")  # \u escapes, so a lone surrogate gets through JSON
    with Store.open(folder / "target.db") as target:
        existing = create_demo(target)  # an unrelated session that must never change
        before = bundle_dict(target, existing.id)
        try:
            report = import_bundle(target, path)
        except BundleError as exc:
            message = str(exc)
            assert "\n" not in message and message.endswith(".") and len(message) < 400
            assert bundle_dict(target, existing.id) == before
            assert [s["id"] for s in target.list_sessions()] == [existing.id]
            return
        assert bundle_dict(target, existing.id) == before
        imported = target.load_session(report.session.id)
        notes = target.observations(imported.id, include_deleted=True)
        for fmt in ("pdf", "md", "csv"):
            export(fmt, imported, notes, folder / f"out.{fmt}")
        export_bundle(target, imported.id, folder / "again.json")
        again = import_bundle(target, folder / "again.json")  # what was accepted reads back whole
        assert again.new_notes == 0 and again.updated_notes == 0
