"""A fast yes for records the schema accepts: the published schema compiled once into plain Python checks.

records.schema_problem asks this first. Only a record it cannot pass, because something is wrong
or because it holds a value these checks do not judge (a Decimal, a str subclass in an enum), goes
on to jsonschema, which then gives the verdict and its sentence. So every verdict stays
jsonschema's own, while a valid note skips jsonschema's walk (about 0.5 ms a save).

Each keyword check copies jsonschema 4's rule for it (`jsonschema/_keywords.py`), including
what it ignores: `maxLength` passes anything that is not text, `minimum` anything not a number.
The Unicode rule (no lone surrogate in any text) is checked with the strings, which is why
every compiled part must pin down the shape of what it accepts (see `_confined`).
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Callable
from typing import Any

Check = Callable[[object], bool]
"""True: the schema and the Unicode rule accept the value. False: ask jsonschema."""

# Words that say nothing about validity; every other keyword must be one compile_schema knows.
_ANNOTATIONS = frozenset({"$schema", "$id", "$comment", "$defs", "title", "description"})
_SCALARS = (str, int, float, bool, type(None))


class Unsupported(Exception):
    """The schema uses something these checks do not copy; jsonschema alone must judge it."""


def compile_schema(root: dict[str, Any], definition: str | None = None) -> Check | None:
    """The fast check for the whole *root* schema, or for one of its $defs; None if it cannot be compiled."""
    compiler = _Compiler(root)
    try:
        return compiler.definition(definition) if definition is not None else compiler.node(root)
    except Unsupported:
        return None


def _text_ok(value: str) -> bool:
    """A lone surrogate parses as JSON but cannot be written as UTF-8 (records._unicode_problem)."""
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _plain_number(value: object) -> bool | None:
    """True for an int or float, False for what is not a number to JSON Schema, None for exotic numbers."""
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    return None if isinstance(value, numbers.Number) else False


class _Compiler:
    """Turns schema objects into closures; each $defs entry is compiled once and shared."""

    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self.compiled: dict[str, Check] = {}
        self.compiling: set[str] = set()

    def definition(self, name: str) -> Check:
        if name in self.compiled:
            return self.compiled[name]
        if name in self.compiling or name not in self.root.get("$defs", {}):
            raise Unsupported(name)  # a cycle would need a lazy reference; the schema has none
        self.compiling.add(name)
        check = self.compiled[name] = self.node(self.root["$defs"][name])
        self.compiling.discard(name)
        return check

    def node(self, schema: object) -> Check:
        if not isinstance(schema, dict) or not _confined(schema):
            raise Unsupported(repr(schema)[:80])
        fused = _fused_text(schema) or _fused_number(schema)
        if fused is not None:
            return fused
        parts = [self._keyword(schema, key) for key in schema if key not in _ANNOTATIONS]
        checks = [part for part in parts if part is not None]
        if len(checks) == 1:
            return checks[0]

        def check(value: object) -> bool:  # a loop, not all(): a generator costs a frame on every call
            for part in checks:  # noqa: SIM110
                if not part(value):
                    return False
            return True

        return check

    def _keyword(self, schema: dict[str, Any], key: str) -> Check | None:
        value = schema[key]
        if key == "$ref":
            prefix = "#/$defs/"
            if not isinstance(value, str) or not value.startswith(prefix):
                raise Unsupported(key)
            return self.definition(value[len(prefix) :])
        if key == "anyOf":
            options = [self.node(option) for option in value]
            return lambda instance: any(option(instance) for option in options)
        if key in ("properties", "required", "additionalProperties"):
            return _object(schema, self) if key == "additionalProperties" else None  # all three in one check
        if key == "items":
            return _items(self.node(value))
        maker = _KEYWORDS.get(key)
        if maker is None:
            raise Unsupported(key)
        return maker(value)


def _confined(schema: dict[str, Any]) -> bool:
    """Whether what the part accepts is pinned down, so no unchecked text (a lone surrogate) gets through.

    A part must say its type or its values, or defer to a $ref or anyOf; an object must list its
    fields and refuse others, and a list must say what its items are.
    """
    if not {"type", "enum", "const", "$ref", "anyOf"} & set(schema):
        return False
    types = schema.get("type")
    kinds = set(types if isinstance(types, list) else [types])
    if "object" in kinds and schema.get("additionalProperties") is not False:
        return False
    if "array" in kinds and "items" not in schema:
        return False
    fields = "properties" in schema or "required" in schema
    return not fields or "additionalProperties" in schema


def _object(schema: dict[str, Any], compiler: _Compiler) -> Check:
    """properties, required and additionalProperties: false, as one pass over the record."""
    if schema["additionalProperties"] is not False or set(schema) & {"patternProperties", "propertyNames"}:
        raise Unsupported("additionalProperties")
    fields = {name: compiler.node(part) for name, part in schema.get("properties", {}).items()}
    required = tuple(schema.get("required", ()))
    if not all(isinstance(name, str) and _text_ok(name) for name in (*fields, *required)):
        raise Unsupported("a field name")

    def check(value: object) -> bool:
        if not isinstance(value, dict):
            return True  # not an object: these keywords do not apply (the type keyword refuses it)
        for name in required:
            if name not in value:
                return False
        for name, item in value.items():
            field = fields.get(name) if isinstance(name, str) else None
            if field is None or not field(item):
                return False
        return True

    return check


# The commonest parts in one closure each (a note's text, its times): the same rules, fewer calls.
_TEXT_WORDS = frozenset({"type", "maxLength", "minLength", "pattern"})
_NUMBER_WORDS = frozenset({"type", "minimum", "maximum"})


def _fused_text(schema: dict[str, Any]) -> Check | None:
    """type: string with lengths and a pattern."""
    if schema.get("type") != "string" or not set(schema) - _ANNOTATIONS <= _TEXT_WORDS:
        return None
    most, least, pattern = schema.get("maxLength"), schema.get("minLength", 0), schema.get("pattern")
    if not isinstance(most, int) or not isinstance(least, int):
        return None
    search = re.compile(pattern).search if isinstance(pattern, str) else None

    def check(value: object) -> bool:
        if not isinstance(value, str) or not least <= len(value) <= most or not _text_ok(value):
            return False
        return search is None or search(value) is not None

    return check


def _fused_number(schema: dict[str, Any]) -> Check | None:
    """type: number (or number or null) from a minimum to a maximum."""
    nullable = schema.get("type") == ["number", "null"]
    if not (nullable or schema.get("type") == "number") or set(schema) - _ANNOTATIONS != _NUMBER_WORDS:
        return None
    low, high = schema["minimum"], schema["maximum"]
    if _plain_number(low) is not True or _plain_number(high) is not True:
        return None

    def check(value: object) -> bool:
        if type(value) is float or type(value) is int:
            return not (value < low or value > high)  # not "low <= value <= high": NaN passes jsonschema
        return nullable and value is None

    return check


def _items(item: Check) -> Check:
    def check(value: object) -> bool:
        return not isinstance(value, list) or all(item(entry) for entry in value)

    return check


def _type(types: str | list[str]) -> Check:
    names = types if isinstance(types, list) else [types]
    if not names or any(name not in _TYPES for name in names):
        raise Unsupported("type")
    tests = [_TYPES[name] for name in names]
    if len(tests) == 1:
        return tests[0]
    return lambda value: any(test(value) for test in tests)


def _is_string(value: object) -> bool:
    return isinstance(value, str) and _text_ok(value)


def _is_number(value: object) -> bool:
    return _plain_number(value) is True  # an exotic number (Decimal) is left to jsonschema


_TYPES: dict[str, Check] = {
    "string": _is_string,
    "integer": lambda value: isinstance(value, int) and not isinstance(value, bool),  # records.is_count
    "number": _is_number,
    "boolean": lambda value: isinstance(value, bool),
    "null": lambda value: value is None,
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
}


def _enum(values: list[object]) -> Check:
    """jsonschema's `equal` for scalar constants: True is not 1, 1.0 is 1, text only equals text."""
    if not isinstance(values, list) or not all(isinstance(v, _SCALARS) for v in values):
        raise Unsupported("enum")
    texts = frozenset(v for v in values if isinstance(v, str))
    if not all(_text_ok(text) for text in texts):
        raise Unsupported("enum")
    flags = {v for v in values if v is True or v is False or v is None}
    counts = tuple(v for v in values if _plain_number(v))

    def check(value: object) -> bool:
        if type(value) is str:
            return value in texts
        if value is True or value is False or value is None:
            return any(value is flag for flag in flags)
        if type(value) in (int, float):
            return any(value == count for count in counts)
        return False  # a str subclass, an exotic number, a container: jsonschema judges it

    return check


def _bound(limit: object, refuses: Callable[[Any, Any], bool]) -> Check:
    """minimum and friends: jsonschema compares any number with the limit and ignores anything else."""
    if _plain_number(limit) is not True:
        raise Unsupported("a bound")

    def check(value: object) -> bool:
        plain = _plain_number(value)
        if plain is None:
            return False
        return not plain or not refuses(value, limit)

    return check


def _length(limit: int, refuses: Callable[[int, int], bool]) -> Check:
    def check(value: object) -> bool:
        return not isinstance(value, str) or not refuses(len(value), limit)

    return check


def _pattern(text: str) -> Check:
    search = re.compile(text).search  # jsonschema calls re.search with the same text

    def check(value: object) -> bool:
        return not isinstance(value, str) or search(value) is not None

    return check


def _max_items(limit: int) -> Check:
    return lambda value: not isinstance(value, list) or len(value) <= limit


_KEYWORDS: dict[str, Callable[[Any], Check]] = {
    "type": _type,
    "enum": _enum,
    "const": lambda value: _enum([value]),
    "minimum": lambda limit: _bound(limit, lambda value, low: value < low),
    "exclusiveMinimum": lambda limit: _bound(limit, lambda value, low: value <= low),
    "maximum": lambda limit: _bound(limit, lambda value, high: value > high),
    "exclusiveMaximum": lambda limit: _bound(limit, lambda value, high: value >= high),
    "maxLength": lambda limit: _length(limit, lambda length, most: length > most),
    "minLength": lambda limit: _length(limit, lambda length, least: length < least),
    "pattern": _pattern,
    "maxItems": _max_items,
}
