"""The compiled record check says yes exactly when jsonschema (and the Unicode rule) does, for every record kind."""

from __future__ import annotations

import copy
import decimal
import functools
import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studygroup import records
from studygroup.record_check import compile_schema
from studygroup.records import NOT_BLANK, ONE_LINE, WEB_LINK, _fast_check, _jsonschema_problem, schema, schema_problem
from tests.core.test_records import every_part

DEFINITIONS = sorted(schema()["$defs"])
KINDS = [*DEFINITIONS, None]  # None: a whole bundle
NOTE = {
    "id": "0b0b0b0b-0000-4000-8000-000000000001",
    "session_id": "0b0b0b0b-0000-4000-8000-000000000002",
    "text": "the payout page said T+2",
    "kind": "friction",
    "severity": 2,
    "author_id": None,
    "session_seconds": 12.5,
    "tags": ["money"],
}
UUID = schema()["$defs"]["uuid"]["pattern"]
DATE = schema()["$defs"]["session"]["properties"]["date"]["pattern"]
PLAIN_CHARS = st.characters(exclude_categories=("Cs", "Cc"))


def _text(pattern: str | None, least: int, most: int) -> st.SearchStrategy[str]:
    """Text the part accepts, at its length limits now and then."""
    if pattern == UUID:
        return st.uuids().map(str) | st.uuids().map(lambda u: str(u).upper())
    if pattern == DATE:
        return st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
    if pattern == WEB_LINK:
        return st.sampled_from(["", "http://a", "https://tracker.example/issue/7?x=1#top"])
    if pattern == NOT_BLANK:
        return st.text(PLAIN_CHARS, max_size=20).map(lambda s: (s + "x")[:most])
    if pattern not in (None, ONE_LINE):
        raise AssertionError(f"a pattern this test does not know: {pattern}")
    edges = st.sampled_from([s for s in ("x" * least, "é" * most, "y" * most) if least <= len(s) <= most])
    return st.text(PLAIN_CHARS, min_size=least, max_size=min(most, 30)) | edges


def _number(part: dict, integer: bool) -> st.SearchStrategy[object]:
    low, high = part.get("minimum", part.get("exclusiveMinimum")), part["maximum"]
    excluded = "exclusiveMinimum" in part
    if integer:
        return st.integers(low + excluded, high)
    edges = [value for value in (low, high, float(high), math.nan) if not (excluded and value == low)]
    floats = st.floats(low, high, exclude_min=excluded, allow_nan=False)
    return floats | st.integers(math.floor(low) + 1, math.floor(high)) | st.sampled_from(edges)


Sample = tuple[object, list[tuple[tuple, object]]]  # a valid value, and (path, replacement) near misses in it


def _leaf_misses(part: dict, value: object) -> list[object]:
    """Replacements just outside what a leaf part accepts: one past a bound, a limit, a pattern or a type."""
    kind = part.get("type")
    if kind in ("number", "integer", ["number", "null"]):
        low, high = part.get("minimum", part.get("exclusiveMinimum")), part["maximum"]
        below = low if "exclusiveMinimum" in part else math.nextafter(low, -math.inf)
        return [
            below,
            math.nextafter(high, math.inf),
            high + 1,
            True,
            str(value),
            float(high) if kind == "integer" else None,
        ]
    if kind == "string":
        most = part.get("maxLength", 36)
        return ["\udc80", f"{value}\ud800", "z" * (most + 1), "", f"{value}\n", " ", "ftp://x", 7, None]
    if "enum" in part or "const" in part:
        return ["nope", 4, 0, True, None, [1]]
    return [0, "", None, "true"]  # a boolean's or a null's


def _object(part: dict, draw_fields: dict) -> Sample:
    value = {name: field[0] for name, field in draw_fields.items()}
    misses = [((name, *path), bad) for name, field in draw_fields.items() for path, bad in field[1]]
    misses += [((), {k: v for k, v in value.items() if k != name}) for name in part.get("required", ())]
    misses += [((), {**value, key: 1}) for key in ("extra", "\udc80")] + [((), [value])]
    return value, misses


def _array(part: dict, items: list[Sample]) -> Sample:
    value = [item[0] for item in items]
    misses = [((index, *path), bad) for index, item in enumerate(items) for path, bad in item[1]]
    misses += [((), value + value[:1]), ((), [value]), ((), tuple(value))] if value else [((), [[]])]
    return value, misses


def sample(part: dict) -> st.SearchStrategy[Sample]:
    """Values the schema part accepts, built from the part itself, each with its near misses."""
    return _sample(json.dumps(part, sort_keys=True))


@functools.cache  # one strategy per part: building them anew for every example took most of the time
def _sample(part_json: str) -> st.SearchStrategy[Sample]:
    part = json.loads(part_json)
    if "$ref" in part:
        return sample(schema()["$defs"][part["$ref"].rsplit("/", 1)[1]])
    if "anyOf" in part:
        return st.one_of([sample(option) for option in part["anyOf"]])
    kind = part.get("type")
    if isinstance(kind, list):
        return st.one_of([sample({**part, "type": one}) for one in kind])
    if kind == "object":
        fields = {name: sample(sub) for name, sub in part["properties"].items()}
        needed = set(part.get("required", ()))
        optional = {name: field for name, field in fields.items() if name not in needed}
        drawn = st.fixed_dictionaries({name: fields[name] for name in needed}, optional=optional)
        return drawn.map(lambda chosen: _object(part, chosen))
    if kind == "array":
        items, most = sample(part["items"]), part["maxItems"]
        full = items.map(lambda item: [item] * most) if most <= 100 else st.nothing()  # longer: slow to judge
        return (st.lists(items, max_size=min(3, most)) | full).map(lambda drawn: _array(part, drawn))
    return _leaf(part).map(lambda value: (value, [((), bad) for bad in _leaf_misses(part, value)]))


def _leaf(part: dict) -> st.SearchStrategy[object]:
    if "enum" in part:
        return st.sampled_from(part["enum"])
    if "const" in part:
        return st.just(part["const"])
    kind = part["type"]
    if kind == "string":
        return _text(part.get("pattern"), part.get("minLength", 0), part.get("maxLength", 36))  # a uuid has none
    if kind in ("number", "integer"):
        return _number(part, kind == "integer")
    return st.booleans() if kind == "boolean" else st.none()


def record_of(kind: str | None) -> st.SearchStrategy[Sample]:
    return sample(schema() if kind is None else {"$ref": f"#/$defs/{kind}"})


# Wrong types, out-of-range and odd numbers, enum misses, lone surrogates, nested lists, a long text.
JUNK = [None, True, False, 0, 1, 1.0, 4, -1, -0.0, 0.5, 99, 100, 1440.0001, 86400.5, 1e7 + 1, 1e11 + 1]
JUNK += [math.inf, -math.inf, math.nan, 10**30, "", " ", "x", "\udc80", "a\ud800b", "friction ", "Friction"]
JUNK += ["open\n", "line\tbreak", "ftp://x", "https://a b", "2026-1-01", "0b0b0b0b-0000-4000-8000-00000000000g"]
JUNK += [[], [[]], [["money"]], ["\udfff"], {}, {"text": "x"}, "z" * 201, "z" * 2001, "z" * 10001]
# Every bound in the schema and the numbers either side of it.
BOUNDS = sorted(
    {
        edge
        for _path, part in every_part(schema())
        for word in ("minimum", "exclusiveMinimum", "maximum")
        if word in part
        for edge in (part[word], math.nextafter(part[word], -math.inf), math.nextafter(part[word], math.inf))
    }
)


def _places(value: object, path: tuple = ()) -> list[tuple]:
    """Every path into a record: its fields, list items and the record itself."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _places(item, (*path, index))
    return found


def _apply(record: object, path: tuple, change: str, junk: object, key: object, junk_number: float) -> object:
    """A copy of *record* with one thing broken at *path*."""
    if not path:
        return junk
    broken = copy.deepcopy(record)
    parent = broken
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    target = parent[last]
    if change == "drop" and isinstance(parent, dict):
        del parent[last]
    elif change == "extra" and isinstance(target, dict):
        target[key] = junk
    elif change == "grow" and isinstance(target, (str, list)):
        parent[last] = target + (target[:1] or type(target)("x"))  # one past a limit when the value was at it
    elif change == "edge" and isinstance(target, (int, float)):
        parent[last] = junk_number
    elif change == "surrogate" and isinstance(target, str):
        parent[last] = target + "\udc80"
    else:
        parent[last] = junk
    return broken


NEAR_MISSES = 25  # of one record, each judged on its own: a record has dozens, a bundle thousands


@st.composite
def broken_records(draw: st.DrawFn, kind: str | None) -> tuple[object, list[object]]:
    """A valid record, and copies with one thing wrong each: near misses of its parts, and junk anywhere."""
    record, misses = draw(record_of(kind))
    chosen = draw(st.randoms(use_true_random=False)).sample(misses, min(NEAR_MISSES, len(misses)))
    broken = [_replace(record, path, bad) for path, bad in chosen]
    path = draw(st.sampled_from(_places(record)))
    change = draw(st.sampled_from(["junk", "drop", "extra", "grow", "surrogate", "edge"]))
    junk, number = draw(st.sampled_from(JUNK)), draw(st.sampled_from(BOUNDS))
    key = draw(st.sampled_from(["extra", "\udc80", 1, "text", "id"]))
    return record, [*broken, _apply(record, path, change, junk, key, number)]


def _replace(record: object, path: tuple, bad: object) -> object:
    if not path:
        return bad
    broken = copy.deepcopy(record)
    parent = broken
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = bad
    return broken


@pytest.mark.parametrize("kind", KINDS)
def test_every_record_kind_compiles(kind):
    """None here would send every save of that kind through jsonschema again, silently slow."""
    assert _fast_check(kind) is not None


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_the_fast_verdict_is_jsonschemas(kind, data):
    record, broken = data.draw(broken_records(kind))
    fast = _fast_check(kind)
    assert _jsonschema_problem(record, "r", kind) is None  # the valid side really is valid
    assert fast(record) is True  # and passes without jsonschema
    for each in broken:
        expected = _jsonschema_problem(each, "r", kind)
        assert fast(each) is (expected is None)
        assert schema_problem(each, "r", kind) == expected


def test_a_valid_note_and_its_near_misses():
    fast = _fast_check("observation")
    assert fast(NOTE) is True
    assert fast({**NOTE, "severity": 1.0}) is True  # jsonschema's enum says 1.0 is 1
    assert fast({**NOTE, "session_seconds": math.nan}) is True  # nan < 0 is false: jsonschema lets it by
    for wrong in ({**NOTE, "severity": True}, {**NOTE, "session_seconds": -0.5}, {**NOTE, "tags": [["x"]]}):
        assert fast(wrong) is False
    assert fast({**NOTE, "text": "z" * 10_000}) is True
    assert fast({**NOTE, "text": "z" * 10_001}) is False
    assert schema_problem({**NOTE, "text": "ok\udc80"}, "note", "observation") == (
        "note.text: the text has a lone surrogate (\\udc80) at character 3, which is not valid Unicode."
    )
    assert schema_problem({**NOTE, "kind": "rant"}, "note", "observation") == (
        'note.kind: "rant" is not one of "friction", "confusion", "bad_day", "delight", "question", "idea".'
    )


class Seconds(int):
    """An int subclass: a number to jsonschema, not one the fast checks vouch for."""


def test_values_the_checks_do_not_judge_go_to_jsonschema():
    fast = _fast_check("observation")
    assert fast({**NOTE, "session_seconds": decimal.Decimal("1.5")}) is False
    assert schema_problem({**NOTE, "session_seconds": decimal.Decimal("1.5")}, "note", "observation") is None
    assert fast({**NOTE, "session_seconds": Seconds(-1)}) is False
    assert schema_problem({**NOTE, "session_seconds": Seconds(-1)}, "note", "observation") == (
        "note.session_seconds: -1 is out of range (from 0 to 10,000,000)."
    )


def test_a_keyword_the_checks_do_not_copy_leaves_the_part_to_jsonschema():
    assert compile_schema({"type": "string", "format": "email"}) is None
    assert compile_schema({"type": "object", "properties": {}}) is None  # free fields could hold any text
    assert compile_schema({"type": "array", "maxItems": 3}) is None  # items unsaid
    assert compile_schema({"maxLength": 3}) is None  # accepts a list of anything
    assert compile_schema({"$defs": {}}, "missing") is None
    text = compile_schema({"type": "string"})
    assert text is not None
    assert (text("é"), text("\udc80"), text(b"x")) == (True, False, False)
    check = compile_schema({"type": "array", "items": {"type": "integer", "minimum": 0, "maximum": 9}, "maxItems": 2})
    assert check is not None
    assert [check(v) for v in ([], [0, 9], [1, 2, 3], [10], [True], [1.0], "x")] == [
        True,
        True,
        False,
        False,
        False,
        False,
        False,
    ]


def test_a_valid_record_never_reaches_jsonschema(monkeypatch):
    """The point of the compiled checks: a valid save skips jsonschema's half a millisecond."""

    def slow(*_args):
        raise AssertionError("jsonschema was asked about a valid record")

    monkeypatch.setattr(records, "_jsonschema_problem", slow)
    records.check_record("observation", NOTE, "note")
    records.check_record("draft", {"author_id": None, "text": "half a thought", "form": {"severity": 3}}, "draft")
    with pytest.raises(AssertionError, match="jsonschema was asked"):
        records.check_record("observation", {**NOTE, "severity": 0}, "note")
