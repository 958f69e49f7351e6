"""The record format's own rules: what the sentences rely on in the published schema, and sentences at the root."""

from __future__ import annotations

from studygroup.records import _TYPE_WORDS, schema, schema_problem


def every_part(value, path=""):
    """(path, object) for every object in the schema, however deep."""
    if isinstance(value, dict):
        yield path, value
        for key, item in value.items():
            yield from every_part(item, f"{path}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from every_part(item, f"{path}[{index}]")


def test_every_number_in_the_schema_has_a_lower_bound_and_a_maximum():
    """A range's sentence says "from LOW to HIGH": a bound missing would print None."""
    ranged = [(path, part) for path, part in every_part(schema()) if {"minimum", "exclusiveMinimum"} & set(part)]
    assert len(ranged) == 22  # the turn's four numbers among them
    assert [path for path, part in ranged if "maximum" not in part] == []
    assert [path for path, part in every_part(schema()) if "exclusiveMaximum" in part] == []


def test_every_type_the_schema_names_has_its_words():
    named = set()
    for _path, part in every_part(schema()):
        kind = part.get("type")
        named.update(kind if isinstance(kind, list) else [kind] if isinstance(kind, str) else [])
    assert named == set(_TYPE_WORDS) == {"string", "integer", "number", "boolean", "object", "array", "null"}


def test_a_problem_with_the_whole_record_is_said_of_the_bundle():
    assert schema_problem([], "") == "the bundle: a list is not an object."
    assert schema_problem(["\udc80"], "", "uuid") == "the bundle: a list is not text."
    assert schema_problem({"author_id": None, "text": "x\udc80"}, "", "draft") == (
        "text: the text has a lone surrogate (\\udc80) at character 2, which is not valid Unicode."
    )


def test_a_range_names_both_bounds():
    phase = {"id": "0b0b0b0b-0000-4000-8000-000000000004", "name": "Try", "planned_minutes": 0}
    assert schema_problem(phase, "phase", "phase") == "phase.planned_minutes: 0 is out of range (above 0 to 1,440)."
